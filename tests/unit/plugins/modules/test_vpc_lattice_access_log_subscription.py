"""vpc_lattice_access_log_subscription: one subscription per destination type, updated in place."""

from vpc_lattice_harness import ANY, Calls, arn, described, hexid, listing, run, service_network

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_access_log_subscription as module

NET = service_network(name="net-one")
LOGS = "arn:aws:logs:eu-west-1:123456789012:log-group:/lattice/a"
BUCKET = "arn:aws:s3:::lattice-logs"
ALS = dict(
    id=hexid("als"),
    arn=arn(f"accesslogsubscription/{hexid('als')}"),
    resourceId=NET["id"],
    resourceArn=NET["arn"],
    destinationArn=LOGS,
    createdAt="2024-01-01T00:00:00Z",
    lastUpdatedAt="2024-01-01T00:00:00Z",
)
S3_ALS = dict(ALS, id=hexid("als", 2), arn=arn(f"accesslogsubscription/{hexid('als', 2)}"), destinationArn=BUCKET)
GET = dict(method="get_access_log_subscription", id_param="accessLogSubscriptionIdentifier")
ARGS = {"service_network": "net-one", "destination_arn": LOGS}


def lookup(*items):
    calls = Calls().ok("list_service_networks", listing(NET), {})
    return calls.ok(
        "list_access_log_subscriptions",
        listing(
            *items, keys=("id", "arn", "resourceId", "resourceArn", "destinationArn", "createdAt", "lastUpdatedAt")
        ),
        {"resourceIdentifier": NET["id"]},
    )


def test_create_beside_a_subscription_of_another_type():
    calls = lookup(S3_ALS).ok(
        "create_access_log_subscription",
        {
            "id": ALS["id"],
            "arn": ALS["arn"],
            "resourceId": NET["id"],
            "resourceArn": NET["arn"],
            "destinationArn": LOGS,
        },
        {"resourceIdentifier": NET["id"], "destinationArn": LOGS, "clientToken": ANY},
    )
    described(calls, resource=ALS, **GET)
    result = run(module.main, ARGS, calls)
    assert (result["changed"], result["access_log_subscription"]["destination_arn"]) == (True, LOGS)


def test_same_type_destination_is_updated_in_place():
    other = LOGS.replace("/a", "/b")
    calls = described(lookup(S3_ALS, ALS), resource=ALS, **GET)
    calls.ok(
        "update_access_log_subscription",
        {
            "id": ALS["id"],
            "arn": ALS["arn"],
            "resourceId": NET["id"],
            "resourceArn": NET["arn"],
            "destinationArn": other,
        },
        {"accessLogSubscriptionIdentifier": ALS["id"], "destinationArn": other},
    )
    described(calls, resource=dict(ALS, destinationArn=other), **GET)
    result = run(module.main, dict(ARGS, destination_arn=other), calls)
    assert result["access_log_subscription"]["id"] == ALS["id"]
    assert result["access_log_subscription"]["destination_arn"] == other


def test_no_op_and_check_mode():
    assert run(module.main, ARGS, described(lookup(ALS), resource=ALS, **GET))["changed"] is False
    result = run(module.main, ARGS, lookup(), check_mode=True)
    assert result["access_log_subscription"] == {"resource_id": NET["id"], "destination_arn": LOGS, "tags": {}}


def test_delete():
    calls = described(lookup(ALS), resource=ALS, **GET).ok(
        "delete_access_log_subscription", {}, {"accessLogSubscriptionIdentifier": ALS["id"]}
    )
    assert run(module.main, dict(ARGS, state="absent"), calls)["changed"] is True


def test_destination_must_be_an_arn():
    assert "'destination_arn'" in run(module.main, dict(ARGS, destination_arn="my-log-group"), Calls())["msg"]


def test_service_network_log_types_are_separate_subscriptions():
    """A RESOURCE subscription is made beside a SERVICE one of the same destination type, and is found again."""
    resource_als = dict(ALS, id=hexid("als", 3), arn=arn(f"accesslogsubscription/{hexid('als', 3)}"),
                        serviceNetworkLogType="RESOURCE")
    service_als = dict(ALS, serviceNetworkLogType="SERVICE")
    keys = ("id", "arn", "resourceId", "resourceArn", "destinationArn", "createdAt", "lastUpdatedAt",
            "serviceNetworkLogType")
    calls = Calls().ok("list_service_networks", listing(NET), {})
    calls.ok("list_access_log_subscriptions", listing(service_als, keys=keys), {"resourceIdentifier": NET["id"]})
    calls.ok(
        "create_access_log_subscription",
        {k: resource_als[k] for k in ("id", "arn", "resourceId", "resourceArn", "destinationArn",
                                      "serviceNetworkLogType")},
        {"resourceIdentifier": NET["id"], "destinationArn": LOGS, "serviceNetworkLogType": "RESOURCE",
         "clientToken": ANY},
    )
    described(calls, resource=resource_als, **GET)
    result = run(module.main, dict(ARGS, service_network_log_type="RESOURCE"), calls)
    assert result["changed"] is True
    assert result["access_log_subscription"]["service_network_log_type"] == "RESOURCE"

    calls = Calls().ok("list_service_networks", listing(NET), {})
    calls.ok("list_access_log_subscriptions", listing(service_als, resource_als, keys=keys),
             {"resourceIdentifier": NET["id"]})
    described(calls, resource=resource_als, **GET)
    result = run(module.main, dict(ARGS, service_network_log_type="RESOURCE"), calls)
    assert (result["changed"], result["access_log_subscription"]["id"]) == (False, resource_als["id"])


def test_log_type_of_a_service_is_refused_before_any_call():
    result = run(module.main, {"service": "web", "destination_arn": LOGS, "service_network_log_type": "SERVICE"},
                 Calls())
    assert result["failed"] is True
    assert "service_network_log_type" in result["msg"]
