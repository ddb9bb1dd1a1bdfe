"""vpc_lattice_service_network_resource_association (and _info): a shared resource configuration by ARN,
found through the network's list, nothing updated in place."""

from vpc_lattice_harness import ANY, NOW, Calls, arn, described, hexid, listing, needs_botocore, run, service_network

from ansible_collections.lattice.multi_account.plugins.modules import (
    vpc_lattice_service_network_resource_association as module,
)
from ansible_collections.lattice.multi_account.plugins.modules import (
    vpc_lattice_service_network_resource_association_info as info,
)

# The stubbed answers carry fields of the botocore model this module needs (its
# botocore_minimums); with requirements.txt's floor the module asks for botocore instead.
pytestmark = needs_botocore("1.40.69")

PROVIDER = "210987654321"
NET = service_network(name="net-one")
CONFIG_ARN = arn(f"resourceconfiguration/{hexid('rcfg')}", PROVIDER)
SNRA = dict(
    id=hexid("snra"), arn=arn(f"servicenetworkresourceassociation/{hexid('snra')}"), status="ACTIVE",
    createdBy="123456789012", createdAt=NOW, serviceNetworkId=NET["id"], serviceNetworkArn=NET["arn"],
    serviceNetworkName="net-one", resourceConfigurationId=hexid("rcfg"), resourceConfigurationArn=CONFIG_ARN,
    resourceConfigurationName="orders-db", isManagedAssociation=False, privateDnsEnabled=False,
    dnsEntry={"domainName": f"{hexid('snra')}.{hexid('rcfg')}.1234567.vpc-lattice-rsc.eu-west-1.on.aws",
              "hostedZoneId": "Z1"},
)

GET = dict(method="get_service_network_resource_association", id_param="serviceNetworkResourceAssociationIdentifier")
ARGS = {"service_network": "net-one", "resource_configuration": CONFIG_ARN, "private_dns_enabled": False}


def lookup(*items):
    return (
        Calls()
        .ok("list_service_networks", listing(NET), {})
        .ok("list_service_network_resource_associations",
            listing(*items, keys=("id", "arn", "resourceConfigurationId", "resourceConfigurationArn")),
            {"serviceNetworkIdentifier": NET["id"]})
    )


def test_create_with_a_shared_configuration_and_wait():
    calls = lookup().ok(
        "create_service_network_resource_association",
        {"id": SNRA["id"], "arn": SNRA["arn"], "status": "CREATE_IN_PROGRESS"},
        {"serviceNetworkIdentifier": NET["id"], "resourceConfigurationIdentifier": CONFIG_ARN,
         "privateDnsEnabled": False, "clientToken": ANY},
    )
    described(calls, resource=dict(SNRA, status="CREATE_IN_PROGRESS"), **GET)
    described(calls, resource=SNRA, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["service_network_resource_association"]["status"] == "ACTIVE"
    assert "vpc-lattice-rsc" in result["service_network_resource_association"]["dns_entry"]["domain_name"]


def test_check_mode_predicts_the_configuration_id():
    predicted = run(module.main, ARGS, lookup(), check_mode=True)["service_network_resource_association"]
    assert predicted["resource_configuration_id"] == hexid("rcfg")
    assert predicted["service_network_id"] == NET["id"]


def test_existing_association_is_found_by_the_id_in_the_arn():
    calls = described(lookup(SNRA), resource=SNRA, **GET)
    assert run(module.main, ARGS, calls)["changed"] is False


def test_private_dns_cannot_change_in_place():
    calls = described(lookup(SNRA), resource=SNRA, **GET)
    result = run(module.main, dict(ARGS, private_dns_enabled=True), calls)
    assert result["failed"] and "private_dns_enabled" in result["msg"] and "replace=true" in result["msg"]


def test_delete_waits_until_gone():
    calls = described(lookup(SNRA), resource=SNRA, **GET)
    calls.ok("delete_service_network_resource_association", {"id": SNRA["id"], "status": "DELETE_IN_PROGRESS"},
             {"serviceNetworkResourceAssociationIdentifier": SNRA["id"]})
    calls.error("get_service_network_resource_association", "ResourceNotFoundException",
                {"serviceNetworkResourceAssociationIdentifier": SNRA["id"]}, 404)
    assert run(module.main, dict(ARGS, state="absent"), calls)["changed"] is True


def test_bad_reference_fails_before_any_call():
    result = run(module.main, dict(ARGS, resource_configuration="arn:aws:vpc-lattice:eu-west-1:1:service/x"), Calls())
    assert result["failed"] and "'resource_configuration'" in result["msg"]


def test_info_includes_managed_children_on_request():
    managed = dict(SNRA, id=hexid("snra", 2), arn=arn(f"servicenetworkresourceassociation/{hexid('snra', 2)}"),
                   isManagedAssociation=True)
    calls = Calls().ok("list_service_networks", listing(NET), {})
    calls.ok("list_service_network_resource_associations", listing(SNRA, managed),
             {"serviceNetworkIdentifier": NET["id"], "includeChildren": True})
    # every association is read first, then their tags
    for item in (SNRA, managed):
        calls.ok(GET["method"], item, {GET["id_param"]: item["id"]})
    for item in (SNRA, managed):
        calls.ok("list_tags_for_resource", {"tags": {}}, {"resourceArn": item["arn"]})
    result = run(info.main, {"service_network": "net-one", "include_children": True}, calls)
    assert [a["is_managed_association"] for a in result["service_network_resource_associations"]] == [False, True]
