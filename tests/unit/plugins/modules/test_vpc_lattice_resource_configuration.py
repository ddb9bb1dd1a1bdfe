"""vpc_lattice_resource_configuration (and _info): the options each type takes, updates in place,
what cannot change, shared configurations read by ARN."""

import botocore
from vpc_lattice_harness import ACCOUNT, ANY, NOW, Calls, arn, described, hexid, listing, run

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_configuration as module
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_configuration_info as info

GATEWAY = dict(id=hexid("rgw"), arn=arn(f"resourcegateway/{hexid('rgw')}"), name="provider-resources")
CONFIG = dict(
    id=hexid("rcfg"), arn=arn(f"resourceconfiguration/{hexid('rcfg')}"), name="orders-db", type="SINGLE",
    status="ACTIVE", resourceGatewayId=GATEWAY["id"], portRanges=["5432"], protocol="TCP",
    resourceConfigurationDefinition={"ipResource": {"ipAddress": "10.0.1.25"}},
    allowAssociationToShareableServiceNetwork=False, createdAt=NOW, lastUpdatedAt=NOW,
)
GET = dict(method="get_resource_configuration", id_param="resourceConfigurationIdentifier")
ARGS = {"name": "orders-db", "resource_gateway": "provider-resources", "port_ranges": ["5432"], "protocol": "TCP",
        "definition": {"ip_resource": {"ip_address": "10.0.1.25"}}}


def lookup(*items):
    return Calls().ok("list_resource_configurations", listing(*items), {})


def test_create_with_the_gateway_by_name_and_wait():
    calls = lookup().ok("list_resource_gateways", listing(GATEWAY), {})
    calls.ok(
        "create_resource_configuration",
        {"id": CONFIG["id"], "arn": CONFIG["arn"], "name": "orders-db", "status": "CREATE_IN_PROGRESS"},
        {"name": "orders-db", "type": "SINGLE", "portRanges": ["5432"], "protocol": "TCP",
         "resourceGatewayIdentifier": GATEWAY["id"],
         "resourceConfigurationDefinition": {"ipResource": {"ipAddress": "10.0.1.25"}}, "clientToken": ANY},
    )
    described(calls, resource=dict(CONFIG, status="CREATE_IN_PROGRESS"), **GET)
    described(calls, resource=CONFIG, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["resource_configuration"]["status"] == "ACTIVE"
    assert result["resource_configuration"]["resource_configuration_definition"] == {
        "ip_resource": {"ip_address": "10.0.1.25"}}


def test_check_mode_predicts_the_gateway_id():
    calls = lookup().ok("list_resource_gateways", listing(GATEWAY), {})
    predicted = run(module.main, ARGS, calls, check_mode=True)["resource_configuration"]
    assert predicted["resource_gateway_id"] == GATEWAY["id"] and predicted["type"] == "SINGLE"


def test_port_ranges_updated_in_place_then_no_op():
    calls = described(lookup(CONFIG), resource=CONFIG, **GET)
    calls.ok("list_resource_gateways", listing(GATEWAY), {})
    calls.ok(
        "update_resource_configuration",
        {"id": CONFIG["id"], "status": "UPDATE_IN_PROGRESS"},
        {"resourceConfigurationIdentifier": CONFIG["id"], "portRanges": ["5432", "6000-6010"]},
    )
    described(calls, resource=dict(CONFIG, portRanges=["5432", "6000-6010"]), **GET)
    result = run(module.main, dict(ARGS, port_ranges=["5432", "6000-6010"]), calls)
    assert result["changed"] is True and result["diff"]["before"]["port_ranges"] == ["5432"]
    calls = described(lookup(CONFIG), resource=dict(CONFIG, portRanges=["6000-6010", "5432"]), **GET)
    calls.ok("list_resource_gateways", listing(GATEWAY), {})
    assert run(module.main, dict(ARGS, port_ranges=["5432", "6000-6010"]), calls)["changed"] is False


def test_another_gateway_needs_replace():
    other = dict(GATEWAY, id=hexid("rgw", 2), name="other-gateway")
    calls = described(lookup(CONFIG), resource=CONFIG, **GET)
    calls.ok("list_resource_gateways", listing(GATEWAY, other), {})
    result = run(module.main, dict(ARGS, resource_gateway="other-gateway"), calls)
    assert result["failed"] and "resource_gateway" in result["msg"] and "replace=true" in result["msg"]


def test_options_a_type_does_not_take_fail_before_any_call():
    result = run(module.main, dict(ARGS, type="GROUP"), Calls())
    assert result["failed"] and "'definition'" in result["msg"] and "GROUP" in result["msg"]
    database = {"arn_resource": {"arn": f"arn:aws:rds:eu-west-1:{ACCOUNT}:db:orders"}}
    result = run(module.main, dict(ARGS, type="ARN", definition=database), Calls())
    assert result["failed"] and "'port_ranges'" in result["msg"]
    no_ports = {k: v for k, v in ARGS.items() if k not in ("port_ranges", "protocol")}
    result = run(module.main, dict(no_ports, definition={"cidr_resource": {"cidr_ranges": ["10.0.0.0/24"]}}), Calls())
    assert result["failed"] and "'definition'" in result["msg"]
    assert "'port_ranges[0]'" in run(module.main, dict(ARGS, port_ranges=["80-"]), Calls())["msg"]


def test_delete_refused_while_associated_says_what_to_remove():
    calls = described(lookup(CONFIG), resource=CONFIG, **GET)
    calls.error("delete_resource_configuration", "ConflictException",
                {"resourceConfigurationIdentifier": CONFIG["id"]}, 409)
    result = run(module.main, {"name": "orders-db", "state": "absent"}, calls)
    assert result["failed"] and "vpc_lattice_service_network_resource_association" in result["msg"]


def test_cidr_asks_for_the_botocore_it_needs(monkeypatch):
    monkeypatch.setattr(botocore, "__version__", "1.40.10")
    args = dict(ARGS, type="CIDR", definition={"cidr_resource": {"cidr_ranges": ["10.0.0.0/24"]}})
    result = run(module.main, args, Calls())
    assert result["failed"] and "botocore>=1.43.97" in result["msg"]


def test_info_reads_shared_configurations_by_arn():
    shared = dict(CONFIG, id=hexid("rcfg", 2), arn=arn(f"resourceconfiguration/{hexid('rcfg', 2)}", "210987654321"),
                  name="shared-db")
    calls = Calls().ok("list_resource_configurations", listing(CONFIG, shared), {})
    calls.ok("get_resource_configuration", shared, {"resourceConfigurationIdentifier": shared["arn"]})
    # tags of another account's resource cannot be read
    calls.error("list_tags_for_resource", "AccessDeniedException", {"resourceArn": shared["arn"]}, 403)
    result = run(info.main, {"owned": False}, calls)
    assert [c["arn"] for c in result["resource_configurations"]] == [shared["arn"]]
    assert "tags" not in result["resource_configurations"][0]
