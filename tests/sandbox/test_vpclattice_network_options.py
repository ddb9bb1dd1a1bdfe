"""A service network's sharing configuration and its access log subscriptions' log types."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique

pytestmark = pytest.mark.sandbox

LOGS = "arn:aws:logs:eu-west-1:123456789012:log-group:/lattice/"


def test_sharing_config(provider, aws_client, account_ids):
    shareable = provider.create_service_network(name=unique("shareable"))
    private = provider.create_service_network(name=unique("private"), sharingConfig={"enabled": False})
    assert provider.get_service_network(serviceNetworkIdentifier=shareable["id"])["sharingConfig"] == {"enabled": True}
    assert provider.get_service_network(serviceNetworkIdentifier=private["id"])["sharingConfig"] == {"enabled": False}
    ram = aws_client("provider", "ram")
    with pytest.raises(ClientError) as info:
        ram.create_resource_share(name=unique("share"), resourceArns=[private["arn"]],
                                  principals=[account_ids["consumer"]])
    assert error_code(info) == "OperationNotPermittedException"
    share = ram.create_resource_share(name=unique("share"), resourceArns=[shareable["arn"]],
                                      principals=[account_ids["consumer"]])["resourceShare"]["resourceShareArn"]
    ram.delete_resource_share(resourceShareArn=share)


def test_access_log_types(provider, service):
    network = provider.create_service_network(name=unique("logged"))
    default = provider.create_access_log_subscription(resourceIdentifier=network["id"], destinationArn=LOGS + "a")
    resource_logs = provider.create_access_log_subscription(
        resourceIdentifier=network["id"], destinationArn=LOGS + "b", serviceNetworkLogType="RESOURCE"
    )
    found = {
        item["id"]: item.get("serviceNetworkLogType")
        for item in provider.list_access_log_subscriptions(resourceIdentifier=network["id"])["items"]
    }
    assert found == {default["id"]: "SERVICE", resource_logs["id"]: "RESOURCE"}
    # a service's subscription has no log type, and refuses one
    of_service = provider.create_access_log_subscription(resourceIdentifier=service["id"], destinationArn=LOGS + "c")
    assert provider.get_access_log_subscription(accessLogSubscriptionIdentifier=of_service["id"]).get(
        "serviceNetworkLogType") is None
    for log_type in ("SERVICE", "NETWORK"):
        with pytest.raises(ClientError) as info:
            provider.create_access_log_subscription(
                resourceIdentifier=service["id"] if log_type == "SERVICE" else network["id"],
                destinationArn=LOGS + "d", serviceNetworkLogType=log_type,
            )
        assert error_code(info) == "ValidationException"
