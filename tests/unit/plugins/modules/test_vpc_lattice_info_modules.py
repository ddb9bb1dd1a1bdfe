"""The vpc_lattice_*_info modules: filters, every page, same shape as the resource modules."""

from vpc_lattice_harness import (
    Calls,
    association,
    described,
    hexid,
    listener,
    listing,
    run,
    service,
    service_network,
    target_group,
)

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_listener_info
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_service_info
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_service_network_info
from ansible_collections.lattice.multi_account.plugins.modules import (
    vpc_lattice_service_network_service_association_info,
)
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_service_network_vpc_association_info
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_target_group_info

NET_A, NET_B = service_network(1, name="net-a"), service_network(2, name="net-b")
SN_GET = dict(method="get_service_network", id_param="serviceNetworkIdentifier")


def test_service_networks_by_name_across_pages():
    calls = Calls().ok("list_service_networks", {**listing(NET_A), "nextToken": "p2"}, {})
    calls.ok("list_service_networks", listing(NET_B), {"nextToken": "p2"})
    described(calls, resource=NET_B, tags={"k": "v"}, **SN_GET)
    result = run(vpc_lattice_service_network_info.main, {"name": "net-b"}, calls)
    assert result["changed"] is False
    assert [n["name"] for n in result["service_networks"]] == ["net-b"]
    assert result["service_networks"][0]["tags"] == {"k": "v"}


def test_service_network_by_arn_and_missing():
    calls = Calls().ok("get_service_network", NET_A, {"serviceNetworkIdentifier": NET_A["arn"]})
    calls.ok("list_tags_for_resource", {"tags": {}}, {"resourceArn": NET_A["arn"]})
    assert (
        run(vpc_lattice_service_network_info.main, {"arn": NET_A["arn"]}, calls)["service_networks"][0]["id"]
        == NET_A["id"]
    )
    gone = Calls().error(
        "get_service_network", "ResourceNotFoundException", {"serviceNetworkIdentifier": NET_A["id"]}, 404
    )
    assert run(vpc_lattice_service_network_info.main, {"id": NET_A["id"]}, gone)["service_networks"] == []


def test_services_of_a_service_network():
    one, two = service(1, name="one-a"), service(2, name="two-b")
    calls = Calls().ok("list_service_networks", listing(NET_A), {})
    snsa = association("snsa", serviceId=two["id"], serviceArn=two["arn"])
    calls.ok(
        "list_service_network_service_associations",
        listing(snsa, keys=("id", "serviceId")),
        {"serviceNetworkIdentifier": NET_A["id"]},
    )
    calls.ok("list_services", listing(one, two), {})
    described(calls, resource=two, method="get_service", id_param="serviceIdentifier")
    result = run(vpc_lattice_service_info.main, {"service_network": "net-a"}, calls)
    assert [s["id"] for s in result["services"]] == [two["id"]]


def test_target_groups_with_filters_and_targets():
    group = target_group(name="web", type="IP", config={"port": 80, "vpcIdentifier": "vpc-01234567"})
    calls = Calls().ok("list_target_groups", listing(group), {"targetGroupType": "IP", "vpcIdentifier": "vpc-01234567"})
    described(calls, resource=group, method="get_target_group", id_param="targetGroupIdentifier")
    calls.ok(
        "list_targets",
        {"items": [{"id": "10.0.0.1", "port": 80, "status": "HEALTHY"}]},
        {"targetGroupIdentifier": group["id"]},
    )
    result = run(vpc_lattice_target_group_info.main, {"type": "IP", "vpc_id": "vpc-01234567"}, calls)
    assert result["target_groups"][0]["targets"] == [{"id": "10.0.0.1", "port": 80, "status": "HEALTHY"}]


def test_listeners_with_their_rules_but_not_the_default_one():
    svc, lis = service(name="web-service"), listener(name="http-listener")
    parent = {"serviceIdentifier": svc["id"]}
    rules = {"serviceIdentifier": svc["id"], "listenerIdentifier": lis["id"]}
    rule = dict(id=hexid("rule"), arn=f"{lis['arn']}/rule/{hexid('rule')}", name="v2-rule", priority=1, isDefault=False)
    default = dict(id=hexid("rule", 2), arn=f"{lis['arn']}/rule/{hexid('rule', 2)}", name="default", isDefault=True)
    calls = Calls().ok("list_services", listing(svc), {}).ok("list_listeners", listing(lis), parent)
    described(calls, resource=lis, method="get_listener", id_param="listenerIdentifier", **parent)
    calls.ok("list_rules", {"items": [rule, default]}, rules)
    described(calls, resource=rule, method="get_rule", id_param="ruleIdentifier", **rules)
    result = run(vpc_lattice_listener_info.main, {"service": "web-service"}, calls)
    assert [r["name"] for r in result["listeners"][0]["rules"]] == ["v2-rule"]


def test_listeners_of_a_missing_service():
    calls = Calls().ok("list_services", {"items": []}, {})
    assert run(vpc_lattice_listener_info.main, {"service": "gone-service"}, calls)["listeners"] == []


def test_vpc_associations_by_vpc():
    snva = association("snva", vpcId="vpc-01234567")
    calls = Calls().ok(
        "list_service_network_vpc_associations", listing(snva, keys=("id", "vpcId")), {"vpcIdentifier": "vpc-01234567"}
    )
    described(
        calls,
        resource=snva,
        method="get_service_network_vpc_association",
        id_param="serviceNetworkVpcAssociationIdentifier",
    )
    result = run(vpc_lattice_service_network_vpc_association_info.main, {"vpc_id": "vpc-01234567"}, calls)
    assert result["service_network_vpc_associations"][0]["vpc_id"] == "vpc-01234567"


def test_service_associations_need_a_filter():
    assert (
        "one of the following is required"
        in run(vpc_lattice_service_network_service_association_info.main, {}, Calls())["msg"]
    )


def test_service_associations_of_a_missing_network():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    result = run(vpc_lattice_service_network_service_association_info.main, {"service_network": "gone"}, calls)
    assert result["service_network_service_associations"] == []


def test_a_resource_gone_between_get_and_list_tags_is_left_out():
    """A delete finishing between GetServiceNetwork and ListTagsForResource (seen on teardown on AWS time):
    the network is not listed, rather than listed as null."""
    calls = Calls().ok("list_service_networks", listing(NET_A, NET_B), {})
    # Every GetX first, then each one's tags.
    calls.ok("get_service_network", NET_A, {"serviceNetworkIdentifier": NET_A["id"]})
    calls.ok("get_service_network", NET_B, {"serviceNetworkIdentifier": NET_B["id"]})
    calls.error("list_tags_for_resource", "ResourceNotFoundException", {"resourceArn": NET_A["arn"]}, 404)
    calls.ok("list_tags_for_resource", {"tags": {}}, {"resourceArn": NET_B["arn"]})
    result = run(vpc_lattice_service_network_info.main, {}, calls)
    assert [n["name"] for n in result["service_networks"]] == ["net-b"]
