"""vpc_lattice_service_network_vpc_association: found by VPC, security groups updated in place and waited for."""

import botocore
from vpc_lattice_harness import ANY, Calls, association, described, listing, needs_botocore, run, service_network

from ansible_collections.lattice.multi_account.plugins.modules import (
    vpc_lattice_service_network_vpc_association as module,
)

NET = service_network(name="net-one")
VPC = "vpc-0123456789abcdef0"
SNVA = association("snva", vpcId=VPC, securityGroupIds=["sg-01234567"])
GET = dict(method="get_service_network_vpc_association", id_param="serviceNetworkVpcAssociationIdentifier")
ARGS = {"service_network": "net-one", "vpc_id": VPC, "security_group_ids": ["sg-01234567"]}
LIST = {"serviceNetworkIdentifier": NET["id"], "vpcIdentifier": VPC}


def lookup(*items):
    return (
        Calls()
        .ok("list_service_networks", listing(NET), {})
        .ok("list_service_network_vpc_associations", listing(*items, keys=("id", "arn", "vpcId")), LIST)
    )


def test_create_and_wait():
    calls = lookup().ok(
        "create_service_network_vpc_association",
        {"id": SNVA["id"], "status": "CREATE_IN_PROGRESS"},
        {
            "serviceNetworkIdentifier": NET["id"],
            "vpcIdentifier": VPC,
            "securityGroupIds": ["sg-01234567"],
            "clientToken": ANY,
        },
    )
    described(calls, resource=dict(SNVA, status="CREATE_IN_PROGRESS"), **GET)
    described(calls, resource=SNVA, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["service_network_vpc_association"]["status"] == "ACTIVE"
    assert result["service_network_vpc_association"]["security_group_ids"] == ["sg-01234567"]


def test_check_mode_predicts_ids():
    result = run(module.main, ARGS, lookup(), check_mode=True)
    assert result["service_network_vpc_association"] == {
        "service_network_id": NET["id"],
        "vpc_id": VPC,
        "security_group_ids": ["sg-01234567"],
        "tags": {},
    }


def test_no_op_ignores_security_group_order():
    calls = described(lookup(SNVA), resource=dict(SNVA, securityGroupIds=["sg-89abcdef", "sg-01234567"]), **GET)
    assert run(module.main, dict(ARGS, security_group_ids=["sg-01234567", "sg-89abcdef"]), calls)["changed"] is False


def test_update_security_groups_waits_for_update():
    calls = described(lookup(SNVA), resource=SNVA, **GET)
    calls.ok(
        "update_service_network_vpc_association",
        {"id": SNVA["id"], "status": "UPDATE_IN_PROGRESS"},
        {"serviceNetworkVpcAssociationIdentifier": SNVA["id"], "securityGroupIds": ["sg-89abcdef"]},
    )
    described(calls, resource=dict(SNVA, status="UPDATE_IN_PROGRESS", securityGroupIds=["sg-89abcdef"]), **GET)
    described(calls, resource=dict(SNVA, securityGroupIds=["sg-89abcdef"]), **GET)
    result = run(module.main, dict(ARGS, security_group_ids=["sg-89abcdef"]), calls)
    assert result["changed"] is True
    assert result["service_network_vpc_association"]["status"] == "ACTIVE"
    assert result["diff"]["before"]["security_group_ids"] == ["sg-01234567"]


def test_vpc_in_another_network_conflict_is_explained():
    calls = lookup().error("create_service_network_vpc_association", "ConflictException", status=409)
    result = run(module.main, ARGS, calls)
    assert "a VPC belongs to one service network" in result["msg"]


def test_delete_waits_until_gone():
    calls = described(lookup(SNVA), resource=SNVA, **GET)
    calls.ok(
        "delete_service_network_vpc_association",
        {"id": SNVA["id"], "status": "DELETE_IN_PROGRESS"},
        {"serviceNetworkVpcAssociationIdentifier": SNVA["id"]},
    )
    calls.error(
        "get_service_network_vpc_association",
        "ResourceNotFoundException",
        {"serviceNetworkVpcAssociationIdentifier": SNVA["id"]},
        404,
    )
    assert run(module.main, dict(ARGS, state="absent"), calls)["changed"] is True


def test_delete_when_the_network_is_gone_is_no_change():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    assert run(module.main, dict(ARGS, state="absent"), calls)["changed"] is False


def test_bad_ids_fail_before_any_call():
    assert "'vpc_id'" in run(module.main, dict(ARGS, vpc_id="my-vpc"), Calls())["msg"]
    assert "'security_group_ids[0]'" in run(module.main, dict(ARGS, security_group_ids=["default"]), Calls())["msg"]


DNS = {"private_dns_preference": "SPECIFIED_DOMAINS_ONLY", "private_dns_specified_domains": ["a.example.com"]}
API_DNS = {"privateDnsPreference": "SPECIFIED_DOMAINS_ONLY", "privateDnsSpecifiedDomains": ["a.example.com"]}


@needs_botocore("1.43.75")
def test_create_with_private_dns():
    calls = lookup().ok(
        "create_service_network_vpc_association",
        {"id": SNVA["id"], "status": "CREATE_IN_PROGRESS"},
        {
            "serviceNetworkIdentifier": NET["id"],
            "vpcIdentifier": VPC,
            "securityGroupIds": ["sg-01234567"],
            "privateDnsEnabled": True,
            "dnsOptions": API_DNS,
            "clientToken": ANY,
        },
    )
    described(calls, resource=dict(SNVA, privateDnsEnabled=True, dnsOptions=API_DNS), **GET)
    result = run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=DNS), calls)
    assert result["changed"] is True
    assert result["service_network_vpc_association"]["dns_options"] == DNS


@needs_botocore("1.43.75")
def test_update_private_dns_only_sends_what_differs_and_then_is_a_no_op():
    current = dict(SNVA, privateDnsEnabled=True, dnsOptions=dict(API_DNS, privateDnsSpecifiedDomains=["b.example.com"]))
    calls = described(lookup(SNVA), resource=current, **GET)
    calls.ok(
        "update_service_network_vpc_association",
        {"id": SNVA["id"], "status": "UPDATE_IN_PROGRESS"},
        {"serviceNetworkVpcAssociationIdentifier": SNVA["id"], "dnsOptions": API_DNS},
    )
    described(calls, resource=dict(current, dnsOptions=API_DNS), **GET)
    result = run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=DNS), calls)
    assert result["changed"] is True
    calls = described(lookup(SNVA), resource=dict(current, dnsOptions=API_DNS), **GET)
    assert run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=DNS), calls)["changed"] is False


@needs_botocore("1.43.75")
def test_dns_options_are_checked_before_any_call():
    result = run(module.main, dict(ARGS, dns_options=DNS), Calls())
    assert "dns_options" in result["msg"] and "private_dns_enabled=true" in result["msg"]
    bad = {"private_dns_preference": "SPECIFIED_DOMAINS_ONLY"}
    result = run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=bad), Calls())
    assert "dns_options.private_dns_specified_domains" in result["msg"]
    bad = {"private_dns_preference": "ALL_DOMAINS", "private_dns_specified_domains": ["a.example.com"]}
    assert "is taken only with" in run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=bad), Calls())["msg"]
    bad = dict(DNS, private_dns_specified_domains=[f"d{i}.example.com" for i in range(11)])
    assert "at most 10" in run(module.main, dict(ARGS, private_dns_enabled=True, dns_options=bad), Calls())["msg"]


def test_private_dns_asks_for_the_botocore_it_needs(monkeypatch):
    monkeypatch.setattr(botocore, "__version__", "1.40.10")
    result = run(module.main, dict(ARGS, private_dns_enabled=True), Calls())
    assert result["failed"] and "botocore>=1.43.75" in result["msg"] and "private_dns_enabled" in result["msg"]
