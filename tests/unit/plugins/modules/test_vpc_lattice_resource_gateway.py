"""vpc_lattice_resource_gateway (and _info): create and wait, security groups in place, what cannot change."""

import botocore
from vpc_lattice_harness import ANY, NOW, Calls, arn, described, hexid, listing, needs_botocore, run

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_gateway as module
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_gateway_info as info

# The stubbed answers carry fields of the botocore model this module needs (its
# botocore_minimums); with requirements.txt's floor the module asks for botocore instead.
pytestmark = needs_botocore("1.43.3")

GATEWAY = dict(
    id=hexid("rgw"), arn=arn(f"resourcegateway/{hexid('rgw')}"), name="provider-resources", status="ACTIVE",
    vpcId="vpc-0123456789abcdef0", subnetIds=["subnet-01234567"], securityGroupIds=["sg-01234567"],
    ipAddressType="IPV4", ipv4AddressesPerEni=16, createdAt=NOW, lastUpdatedAt=NOW,
)

GET = dict(method="get_resource_gateway", id_param="resourceGatewayIdentifier")
ARGS = {"name": "provider-resources", "vpc_id": GATEWAY["vpcId"], "subnet_ids": ["subnet-01234567"],
        "security_group_ids": ["sg-01234567"]}


def lookup(*items):
    return Calls().ok("list_resource_gateways", listing(*items), {})


def test_create_and_wait():
    calls = lookup().ok(
        "create_resource_gateway",
        {"id": GATEWAY["id"], "arn": GATEWAY["arn"], "name": GATEWAY["name"], "status": "CREATE_IN_PROGRESS"},
        {"name": "provider-resources", "vpcIdentifier": GATEWAY["vpcId"], "subnetIds": ["subnet-01234567"],
         "securityGroupIds": ["sg-01234567"], "clientToken": ANY, "tags": {"Project": "lattice"}},
    )
    described(calls, resource=dict(GATEWAY, status="CREATE_IN_PROGRESS"), **GET)
    described(calls, resource=GATEWAY, tags={"Project": "lattice"}, **GET)
    result = run(module.main, dict(ARGS, tags={"Project": "lattice"}), calls)
    assert result["changed"] is True
    assert result["resource_gateway"]["status"] == "ACTIVE"
    assert result["resource_gateway"]["vpc_id"] == GATEWAY["vpcId"]
    assert result["diff"]["before"] == {}


def test_check_mode_predicts_and_calls_nothing_else():
    result = run(module.main, ARGS, lookup(), check_mode=True)
    assert result["changed"] is True
    assert result["resource_gateway"]["vpc_id"] == GATEWAY["vpcId"]
    assert result["resource_gateway"]["subnet_ids"] == ["subnet-01234567"]


def test_no_op_and_security_groups_updated_in_place():
    calls = described(lookup(GATEWAY), resource=GATEWAY, **GET)
    assert run(module.main, ARGS, calls)["changed"] is False
    calls = described(lookup(GATEWAY), resource=GATEWAY, **GET)
    calls.ok(
        "update_resource_gateway",
        {"id": GATEWAY["id"], "status": "UPDATE_IN_PROGRESS"},
        {"resourceGatewayIdentifier": GATEWAY["id"], "securityGroupIds": ["sg-89abcdef"]},
    )
    described(calls, resource=dict(GATEWAY, status="UPDATE_IN_PROGRESS", securityGroupIds=["sg-89abcdef"]), **GET)
    described(calls, resource=dict(GATEWAY, securityGroupIds=["sg-89abcdef"]), **GET)
    result = run(module.main, dict(ARGS, security_group_ids=["sg-89abcdef"]), calls)
    assert result["changed"] is True and result["resource_gateway"]["status"] == "ACTIVE"
    assert result["diff"]["before"]["security_group_ids"] == ["sg-01234567"]


def test_other_subnets_need_replace():
    calls = described(lookup(GATEWAY), resource=GATEWAY, **GET)
    result = run(module.main, dict(ARGS, subnet_ids=["subnet-89abcdef"]), calls)
    assert result["failed"] and "subnet_ids" in result["msg"] and "replace=true" in result["msg"]


def test_delete_refused_while_configurations_use_it():
    calls = described(lookup(GATEWAY), resource=GATEWAY, **GET)
    calls.error("delete_resource_gateway", "ConflictException", {"resourceGatewayIdentifier": GATEWAY["id"]}, 409)
    result = run(module.main, dict(ARGS, state="absent"), calls)
    assert result["failed"] and "vpc_lattice_resource_configuration state=absent" in result["msg"]


def test_bad_input_fails_before_any_call():
    assert "'name'" in run(module.main, dict(ARGS, name="rgw-looks-like-an-id"), Calls())["msg"]
    result = run(module.main, dict(ARGS, ip_address_type="IPV6", ipv4_addresses_per_eni=4), Calls())
    assert "ipv4_addresses_per_eni" in result["msg"]
    assert "'ipv4_addresses_per_eni'" in run(module.main, dict(ARGS, ipv4_addresses_per_eni=63), Calls())["msg"]


def test_create_needs_the_vpc_and_subnets():
    result = run(module.main, {"name": "provider-resources"}, lookup())
    assert result["failed"] and "vpc_id" in result["msg"]


@needs_botocore("1.43.3")
def test_dns_resolution_is_sent():
    calls = lookup().ok(
        "create_resource_gateway",
        {"id": GATEWAY["id"], "status": "CREATE_IN_PROGRESS"},
        {"name": "provider-resources", "vpcIdentifier": GATEWAY["vpcId"], "subnetIds": ["subnet-01234567"],
         "securityGroupIds": ["sg-01234567"], "resourceConfigDnsResolution": "IN_VPC", "clientToken": ANY},
    )
    described(calls, resource=dict(GATEWAY, resourceConfigDnsResolution="IN_VPC"), **GET)
    result = run(module.main, dict(ARGS, dns_resolution="IN_VPC"), calls)
    assert result["resource_gateway"]["resource_config_dns_resolution"] == "IN_VPC"


def test_dns_resolution_asks_for_the_botocore_it_needs(monkeypatch):
    monkeypatch.setattr(botocore, "__version__", "1.40.10")
    result = run(module.main, dict(ARGS, dns_resolution="IN_VPC"), Calls())
    assert result["failed"] and "botocore>=1.43.3" in result["msg"] and "dns_resolution" in result["msg"]


def test_info_by_name():
    other = dict(GATEWAY, id=hexid("rgw", 2), arn=arn(f"resourcegateway/{hexid('rgw', 2)}"), name="other")
    calls = Calls().ok("list_resource_gateways", listing(GATEWAY, other), {})
    described(calls, resource=GATEWAY, **GET)
    result = run(info.main, {"name": "provider-resources"}, calls)
    assert [g["id"] for g in result["resource_gateways"]] == [GATEWAY["id"]]
