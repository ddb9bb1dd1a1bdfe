"""vpc_lattice_service_network_service_association: a service of another account, by ARN."""

from vpc_lattice_harness import (
    ANY,
    Calls,
    association,
    described,
    listing,
    run,
    service,
    service_network,
    summary_members,
    tags_read,
)

from ansible_collections.lattice.multi_account.plugins.modules import (
    vpc_lattice_service_network_service_association as module,
)

PROVIDER = "111122223333"
NET = service_network(name="net-one")
SHARED = service(name="shared-service", account=PROVIDER)
SNSA = association(
    "snsa", serviceId=SHARED["id"], serviceArn=SHARED["arn"], serviceName=SHARED["name"], dnsEntry=SHARED["dnsEntry"]
)
GET = dict(method="get_service_network_service_association", id_param="serviceNetworkServiceAssociationIdentifier")
ARGS = {"service_network": "net-one", "service": SHARED["arn"]}
# What AWS lists of an association: everything GetServiceNetworkServiceAssociation answers but
# failureCode and failureMessage, so the module reads an association that has not failed from the list.
SUMMARY = summary_members("ListServiceNetworkServiceAssociations")


def lookup(*items):
    calls = Calls().ok("list_service_networks", listing(NET), {})
    return calls.ok(
        "list_service_network_service_associations",
        listing(*items, keys=SUMMARY),
        {"serviceNetworkIdentifier": NET["id"]},
    )


def test_create_by_arn_without_reading_the_foreign_service():
    calls = lookup().ok(
        "create_service_network_service_association",
        {"id": SNSA["id"], "status": "ACTIVE"},
        {"serviceNetworkIdentifier": NET["id"], "serviceIdentifier": SHARED["arn"], "clientToken": ANY},
    )
    described(calls, resource=SNSA, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["service_network_service_association"]["service_arn"] == SHARED["arn"]
    assert result["service_network_service_association"]["dns_entry"]["domain_name"].startswith(SHARED["id"])


def test_existing_association_matched_by_service_id():
    other = association(
        "snsa",
        n=2,
        serviceId="svc-99999999999999999",
        serviceArn="arn:aws:vpc-lattice:eu-west-1:1:service/svc-99999999999999999",
    )
    calls = tags_read(lookup(other, SNSA), SNSA)
    result = run(module.main, dict(ARGS, service=SHARED["id"]), calls)
    assert (result["changed"], result["service_network_service_association"]["id"]) == (False, SNSA["id"])
    assert result["service_network_service_association"]["dns_entry"] == {
        "domain_name": SHARED["dnsEntry"]["domainName"], "hosted_zone_id": SHARED["dnsEntry"]["hostedZoneId"]}


def test_failed_association_is_read_with_get_for_aws_reason():
    failed = dict(SNSA, status="CREATE_FAILED", failureCode="AccessDenied", failureMessage="not shared any more")
    calls = described(lookup(failed), resource=failed, **GET)
    result = run(module.main, ARGS, calls)
    assert result["service_network_service_association"]["failure_message"] == "not shared any more"


def test_check_mode():
    result = run(module.main, ARGS, lookup(), check_mode=True)
    assert result["service_network_service_association"]["service_id"] == SHARED["id"]
    assert result["service_network_service_association"]["service_network_id"] == NET["id"]


def test_not_shared_points_at_ram():
    calls = lookup().error("create_service_network_service_association", "AccessDeniedException", status=403)
    result = run(module.main, ARGS, calls)
    assert "share it with this account through AWS RAM" in result["msg"]


def test_tags_only_change():
    calls = tags_read(lookup(SNSA), SNSA)
    calls.ok("tag_resource", {}, {"resourceArn": SNSA["arn"], "tags": {"a": "b"}})
    described(calls, resource=SNSA, tags={"a": "b"}, **GET)
    assert run(module.main, dict(ARGS, tags={"a": "b"}), calls)["service_network_service_association"]["tags"] == {
        "a": "b"
    }


def test_delete_still_creating_is_explained():
    calls = tags_read(lookup(dict(SNSA, status="CREATE_IN_PROGRESS")), SNSA)
    calls.error("delete_service_network_service_association", "ConflictException", status=409)
    assert "still being created" in run(module.main, dict(ARGS, state="absent"), calls)["msg"]
