"""plugins/filter/topology.py: the model, the drift, the Mermaid diagram and the table,
from account reads shaped as roles/status/tasks/main.yml records them."""

from __future__ import annotations

import copy
import re

import pytest

from ansible_collections.lattice.multi_account.plugins.filter import topology

PROVIDER_ID, CONSUMER_ID = "111111111111", "222222222222"
ORG = "arn:aws:organizations::999999999999:organization/o-abcdefghij"
SVC = f"arn:aws:vpc-lattice:eu-west-1:{PROVIDER_ID}:service/svc-0123456789abcdef0"
SHARE = f"arn:aws:ram:eu-west-1:{PROVIDER_ID}:resource-share/11111111-2222-3333-4444-555555555555"
NET = f"arn:aws:vpc-lattice:eu-west-1:{CONSUMER_ID}:servicenetwork/sn-0123456789abcdef0"
TAGS = {"lattice:pattern": "distributed-service-networks", "lattice:stack": "stack"}
LATTICE_SG, INSTANCE_SG = "consumer-lattice-sg-x", "consumer-instance-sg-x"
HTTPS_FROM_INSTANCES = {"ip_protocol": "tcp", "from_port": 443, "to_port": 443,
                        "user_id_group_pairs": [{"group_id": "sg-instance"}], "ip_ranges": [], "ipv6_ranges": []}


def provider():
    service = {"arn": SVC, "name": "service-orders", "status": "ACTIVE", "auth_type": "NONE", "tags": TAGS}
    return {
        "name": "provider", "account_id": PROVIDER_ID,
        "expected": {"provider": {
            "stack_name": "stack",
            "services": [{"name": "service-orders"}],
            "service_defaults": {"auth_type": "NONE", "listener_name": "https", "listener_protocol": "HTTPS",
                                 "listener_port": 443},
            "share": {"name": "service-resource-share", "principals": ["organization"],
                      "allow_external_principals": False}}, "consumer": None},
        "read": {
            "services": [service],
            "listener_results": [{"item": service, "listeners": [{"name": "https", "protocol": "HTTPS", "port": 443}]}],
            "shares": [{"arn": SHARE, "name": "service-resource-share", "status": "ACTIVE", "tags": TAGS,
                        "allow_external_principals": False, "principals": [{"id": ORG}],
                        "resources": [{"arn": SVC, "type": "vpc-lattice:Service", "status": "ASSOCIATED"}]}],
            "received_shares": [], "service_networks": [], "vpc_association_results": [],
            "service_association_results": [], "vpcs": [], "security_groups": []},
    }


def consumer():
    network = {"arn": NET, "name": "service-network", "auth_type": "NONE", "tags": TAGS}
    return {
        "name": "consumer", "account_id": CONSUMER_ID,
        "expected": {"provider": None, "consumer": {
            "stack_name": "x", "share_name": "service-resource-share", "service_arns": [],
            "service_network": {"name": "service-network", "auth_type": "NONE"},
            "vpc_name": "consumer-vpc-x", "lattice_security_group_name": LATTICE_SG,
            "lattice_security_group_rules": [f"tcp 443-443 from {INSTANCE_SG}"]}},
        "read": {
            "services": [], "listener_results": [], "shares": [],
            "received_shares": [{"arn": SHARE, "name": "service-resource-share", "status": "ACTIVE",
                                 "resources": [{"arn": SVC, "type": "vpc-lattice:Service"}]}],
            "service_networks": [network],
            "vpc_association_results": [{"item": network, "service_network_vpc_associations": [
                {"id": "snva-1", "vpc_id": "vpc-1", "status": "ACTIVE", "security_group_ids": ["sg-lattice"],
                 "tags": TAGS}]}],
            "service_association_results": [{"item": network, "service_network_service_associations": [
                {"id": "snsa-1", "service_arn": SVC, "service_name": "service-orders", "status": "ACTIVE",
                 "tags": TAGS}]}],
            "vpcs": [{"id": "vpc-1", "tags": dict(TAGS, Name="consumer-vpc-x")}],
            "security_groups": [
                {"group_id": "sg-lattice", "group_name": LATTICE_SG, "vpc_id": "vpc-1",
                 "ip_permissions": [HTTPS_FROM_INSTANCES]},
                {"group_id": "sg-instance", "group_name": INSTANCE_SG, "vpc_id": "vpc-1", "ip_permissions": []}]},
    }


@pytest.fixture
def accounts():
    return [provider(), consumer()]


def report(accounts, data_plane=None):
    model = topology.topology_model(accounts, data_plane)
    return model, topology.topology_drift(topology.topology_model(accounts), accounts)


def keys(drift):
    return [(d["account"], d["kind"], d["resource"]) for d in drift]


# ---------------------------------------------------------------- model and reachability

def test_deployed_pattern_has_one_reachable_path_and_no_drift(accounts):
    model, drift = report(accounts)
    assert drift == []
    assert [(p["consumer"], p["service"], p["provider"], p["reachable"]) for p in model["paths"]] \
        == [("consumer", "service-orders", "provider", True)]
    assert model["services"][0]["listeners"] == [{"name": "https", "protocol": "HTTPS", "port": 443}]


def test_a_path_names_every_failing_control_plane_check(accounts):
    accounts[1]["read"]["security_groups"][0]["ip_permissions"] = []
    accounts[1]["read"]["received_shares"] = []
    accounts[0]["read"]["shares"][0]["principals"] = []
    accounts[1]["read"]["vpc_association_results"][0]["service_network_vpc_associations"][0]["status"] = "FAILED"
    model, _drift = report(accounts)
    assert model["paths"][0]["broken"] == ["security_group", "share", "vpc_association"]
    assert model["paths"][0]["reachable"] is False


def test_an_association_being_deleted_counts_as_gone(accounts):
    accounts[1]["read"]["service_association_results"][0]["service_network_service_associations"][0]["status"] \
        = "DELETE_IN_PROGRESS"
    model, drift = report(accounts)
    assert model["paths"][0]["broken"] == ["service_association"]
    assert keys(drift) == [("consumer", "missing", "service association service-network - service-orders")]


def test_the_data_plane_hook_has_the_last_word(accounts):
    model, _drift = report(accounts, {"consumer": {SVC: {"reachable": False}}})
    assert model["paths"][0]["checks"]["data_plane"] is False
    assert model["paths"][0]["broken"] == ["data_plane"]
    model, _drift = report(accounts, {"consumer": {SVC: {"reachable": True}}})
    assert model["paths"][0]["reachable"] is True


# ---------------------------------------------------------------- drift

def test_changed_auth_type_listener_and_share_principals(accounts):
    read = accounts[0]["read"]
    read["services"][0]["auth_type"] = "AWS_IAM"
    read["listener_results"][0]["listeners"][0]["port"] = 8443
    read["shares"][0]["principals"] = [{"id": PROVIDER_ID}]
    _model, drift = report(accounts)
    assert [(d["resource"], d["detail"]) for d in drift] == [
        ("service service-orders", "auth type AWS_IAM, expected NONE"),
        ("listener service-orders/https", "HTTPS:8443, expected HTTPS:443"),
        ("share service-resource-share", f"principals ['{PROVIDER_ID}'], expected ['organization']"),
    ]
    assert {d["kind"] for d in drift} == {"changed"}


def test_an_entry_of_provider_services_overrides_the_defaults(accounts):
    accounts[0]["expected"]["provider"]["services"] = [{"name": "service-orders", "auth_type": "AWS_IAM"}]
    _model, drift = report(accounts)
    assert [d["detail"] for d in drift] == ["auth type NONE, expected AWS_IAM"]


def test_missing_service_listener_share_and_network(accounts):
    accounts[0]["read"]["listener_results"][0]["listeners"] = []
    accounts[0]["expected"]["provider"]["services"].append({"name": "service-billing"})
    accounts[0]["read"]["shares"] = []
    accounts[1]["read"]["service_networks"] = []
    _model, drift = report(accounts)
    assert keys(drift) == [
        ("provider", "missing", "listener service-orders/https"),
        ("provider", "missing", "service service-billing"),
        ("provider", "missing", "share service-resource-share"),
        ("consumer", "missing", "service network service-network"),
    ]


def test_resources_the_roles_made_but_the_inventory_dropped_are_unexpected(accounts):
    accounts[0]["expected"]["provider"]["services"] = []
    # The consumer no longer expects the service (its provider shares nothing now).
    _model, drift = report(accounts)
    assert keys(drift) == [
        ("provider", "unexpected", "service service-orders"),
        ("consumer", "unexpected", "service association service-network - service-orders"),
    ]


def test_resources_not_made_by_the_roles_are_not_drift(accounts):
    stranger = {"arn": SVC.replace("svc-0", "svc-f"), "name": "someone-elses", "status": "ACTIVE", "auth_type": "NONE",
                "tags": {}}
    accounts[0]["read"]["services"].append(stranger)
    _model, drift = report(accounts)
    assert drift == []


def test_a_consumer_out_of_the_share_expects_nothing_from_it(accounts):
    accounts[0]["expected"]["provider"]["share"]["principals"] = ["333333333333"]
    accounts[0]["read"]["shares"][0]["principals"] = [{"id": "333333333333"}]
    accounts[1]["read"]["received_shares"] = []
    model, drift = report(accounts)
    assert keys(drift) == [("consumer", "unexpected", "service association service-network - service-orders")]
    assert model["paths"][0]["broken"] == ["share"]


def test_security_group_rules_and_vpc_association_groups(accounts):
    read = accounts[1]["read"]
    read["security_groups"][0]["ip_permissions"] = [dict(HTTPS_FROM_INSTANCES, user_id_group_pairs=[],
                                                         ip_ranges=[{"cidr_ip": "0.0.0.0/0"}])]
    read["vpc_association_results"][0]["service_network_vpc_associations"][0]["security_group_ids"] = ["sg-instance"]
    _model, drift = report(accounts)
    assert [(d["kind"], d["resource"], d["detail"]) for d in drift] == [
        ("changed", "VPC association service-network - consumer-vpc-x",
         f"security groups ['{INSTANCE_SG}'], expected ['{LATTICE_SG}']"),
        ("changed", f"security group {LATTICE_SG}",
         f"ingress rules ['tcp 443-443 from 0.0.0.0/0'], expected ['tcp 443-443 from {INSTANCE_SG}']"),
    ]


def test_explicit_consumer_service_arns_replace_the_share_lookup(accounts):
    other = SVC.replace("svc-0", "svc-e")
    accounts[1]["expected"]["consumer"]["service_arns"] = [other]
    model, drift = report(accounts)
    assert keys(drift) == [
        ("consumer", "missing", "service association service-network - svc-e123456789abcdef0"),
        ("consumer", "unexpected", "service association service-network - service-orders"),
    ]
    assert sorted(p["service_arn"] for p in model["paths"]) == sorted([SVC, other])


# ---------------------------------------------------------------- through a VPC endpoint

ENDPOINT = {"vpc_endpoint_id": "vpce-1", "vpc_endpoint_type": "ServiceNetwork", "vpc_id": "vpc-1",
            "state": "available", "service_network_arn": NET, "security_group_ids": ["sg-lattice"],
            "associations": [{"associated_resource_arn": SVC,
                              "dns_entry": {"dns_name": "vpce-1-snsa-1.example.vpc-lattice-svcs.eu-west-1.on.aws"}}]}


def through_an_endpoint(accounts, **endpoint):
    """consumer_service_network_connection=endpoint: no VPC association, a ServiceNetwork endpoint."""
    accounts[1]["expected"]["consumer"]["connection"] = "endpoint"
    read = accounts[1]["read"]
    read["vpc_association_results"][0]["service_network_vpc_associations"] = []
    read["vpc_endpoints"] = [dict(ENDPOINT, **endpoint)]
    return accounts


def test_a_consumer_connected_through_an_endpoint_reaches_the_service_with_no_drift(accounts):
    model, drift = report(through_an_endpoint(accounts))
    assert drift == []
    path = model["paths"][0]
    assert (path["connection"], path["reachable"]) == ("endpoint", True)
    assert sorted(path["checks"]) == ["security_group", "service", "service_association", "share", "vpc_endpoint"]
    assert model["networks"][0]["vpc_endpoints"] == [{
        "id": "vpce-1", "vpc_id": "vpc-1", "state": "available", "security_group_ids": ["sg-lattice"],
        "allows_https": True, "reaches": [SVC]}]
    table = topology.topology_table(model, drift).splitlines()
    assert table[1].split() == ["consumer", "service-orders", "provider", "NONE", "ok", "endpoint", "ok", "ok", "yes"]
    body = topology.topology_mermaid(model)
    assert 'vpc_consumer_vpc_1 -->|"VPC endpoint available"| sn_consumer_service_network' in body
    assert "VPC association" not in body


def test_an_endpoint_not_yet_available_or_behind_a_closed_group_breaks_the_path(accounts):
    model, _drift = report(through_an_endpoint(accounts, state="pending"))
    assert model["paths"][0]["broken"] == ["security_group", "vpc_endpoint"]
    accounts[1]["read"]["security_groups"][0]["ip_permissions"] = []
    model, drift = report(through_an_endpoint(accounts))
    assert model["paths"][0]["broken"] == ["security_group"]
    assert '-.->|"VPC endpoint available · SG blocks 443"|' in topology.topology_mermaid(model)
    assert keys(drift) == [("consumer", "changed", f"security group {LATTICE_SG}")]


def test_a_vpc_connected_the_other_way_than_the_inventory_says_is_drift(accounts):
    # Expected through an endpoint: the endpoint is missing, the association unexpected, the path broken.
    association = copy.deepcopy(accounts[1]["read"]["vpc_association_results"][0]["service_network_vpc_associations"])
    through_an_endpoint(accounts)
    accounts[1]["read"]["vpc_endpoints"] = [dict(ENDPOINT, state="deleted")]
    accounts[1]["read"]["vpc_association_results"][0]["service_network_vpc_associations"] = association
    model, drift = report(accounts)
    assert keys(drift) == [("consumer", "missing", "VPC endpoint service-network - consumer-vpc-x"),
                           ("consumer", "unexpected", "VPC association service-network - consumer-vpc-x")]
    assert model["paths"][0]["broken"] == ["security_group", "vpc_endpoint"]
    # Expected through the association: an endpoint beside it is unexpected, and names the groups it has.
    accounts = [provider(), consumer()]
    accounts[1]["read"]["vpc_endpoints"] = [dict(ENDPOINT, security_group_ids=["sg-instance"])]
    model, drift = report(accounts)
    assert [(d["kind"], d["resource"], d["detail"]) for d in drift] == [
        ("unexpected", "VPC endpoint service-network - consumer-vpc-x",
         "the inventory connects the VPC through a VPC association")]
    assert model["paths"][0]["reachable"] is True


# ---------------------------------------------------------------- drawings

def test_mermaid_draws_accounts_as_subgraphs_and_links_as_labelled_arrows(accounts):
    diagram = topology.topology_mermaid(topology.topology_model(accounts))
    body = diagram.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert body.startswith("flowchart LR\n")
    assert f'subgraph acct_provider["provider · {PROVIDER_ID} · provider"]' in body
    assert f'subgraph acct_consumer["consumer · {CONSUMER_ID} · consumer"]' in body
    assert body.count("subgraph ") == body.count("\n  end") == 2
    assert ('share_provider_service_resource_share -->|"RAM share to consumer"| sn_consumer_service_network'
            in body)
    assert 'sn_consumer_service_network -->|"service association ACTIVE"| svc_provider_service_orders' in body
    assert 'vpc_consumer_vpc_1 -->|"VPC association ACTIVE"| sn_consumer_service_network' in body
    assert "linkStyle" not in body
    # Node IDs are plain identifiers; labels are quoted.
    for node in re.findall(r"^\s+(\w+)[\[\({]", body, re.M):
        assert re.fullmatch(r"[A-Za-z0-9_]+", node)


def test_mermaid_marks_broken_links_dashed_red_with_an_x(accounts):
    accounts[1]["read"]["security_groups"][0]["ip_permissions"] = []
    accounts[1]["read"]["service_association_results"][0]["service_network_service_associations"] = []
    body = topology.topology_mermaid(topology.topology_model(accounts))
    edges = [line for line in body.splitlines() if "->" in line]
    broken = [i for i, line in enumerate(edges) if "-.->" in line]
    assert [edges[i] for i in broken] == [
        '  vpc_consumer_vpc_1 -.->|"VPC association ACTIVE · SG blocks 443"| sn_consumer_service_network',
        '  sn_consumer_service_network -.->|"x security_group, service_association"| svc_provider_service_orders',
    ]
    assert f"linkStyle {','.join(map(str, broken))} stroke:#d00" in body


def test_mermaid_escapes_quotes_in_labels(accounts):
    accounts[0]["read"]["services"][0]["name"] = 'a"b'
    body = topology.topology_mermaid(topology.topology_model(accounts))
    assert 'service a#quot;b' in body and 'a"b' not in body


def test_table_lists_each_path_and_the_drift(accounts):
    accounts[1]["read"]["security_groups"][0]["ip_permissions"] = []
    model, drift = report(accounts)
    lines = topology.topology_table(model, drift).splitlines()
    assert lines[0].split() == ["CONSUMER", "SERVICE", "PROVIDER", "AUTH", "SHARE", "VPC-LINK", "SVC-ASSOC",
                                "SG-443", "REACHABLE"]
    assert lines[1].split() == ["consumer", "service-orders", "provider", "NONE", "ok", "assoc", "ok", "BROKEN", "NO"]
    assert lines[3:] == ["DRIFT: 1", f"  consumer: changed security group {LATTICE_SG}: ingress rules [], "
                                     f"expected ['tcp 443-443 from {INSTANCE_SG}']"]
    assert topology.topology_table(*report([provider(), consumer()])).splitlines()[-1] == "DRIFT: none"


def test_filters_are_registered():
    assert sorted(topology.FilterModule().filters()) == [
        "topology_drift", "topology_drift_lines", "topology_mermaid", "topology_model", "topology_table"]


def test_the_model_does_not_change_its_input(accounts):
    before = copy.deepcopy(accounts)
    report(accounts)
    assert accounts == before
