"""VPC Lattice services, service networks and tags behave like AWS in the sandbox."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import ID_FORMAT, error_code, unique, wait_gone, wait_status

pytestmark = pytest.mark.sandbox


def test_service_goes_active_then_deletes_through_delete_in_progress(provider, account_ids, sandbox):
    name = unique("orders")
    created = provider.create_service(name=name)
    assert created["status"] == "CREATE_IN_PROGRESS"
    assert re.fullmatch(ID_FORMAT.format("svc"), created["id"])
    assert (
        created["arn"] == f"arn:aws:vpc-lattice:{sandbox['region']}:{account_ids['provider']}:service/{created['id']}"
    )
    domain = created["dnsEntry"]["domainName"]
    hex_id = created["id"].removeprefix("svc-")
    assert re.fullmatch(rf"{name}-{hex_id}\.[0-9a-f]{{7}}\.vpc-lattice-svcs\.{sandbox['region']}\.on\.aws", domain)

    active = wait_status(lambda: provider.get_service(serviceIdentifier=created["arn"]))
    assert active["dnsEntry"] == created["dnsEntry"]

    deleted = provider.delete_service(serviceIdentifier=created["id"])
    assert deleted["status"] == "DELETE_IN_PROGRESS"
    assert provider.get_service(serviceIdentifier=created["id"])["status"] == "DELETE_IN_PROGRESS"
    wait_gone(lambda: provider.get_service(serviceIdentifier=created["id"]))
    assert created["id"] not in [s["id"] for s in provider.list_services()["items"]]


def test_service_network_has_no_status_and_updates_auth_type(provider):
    created = provider.create_service_network(name=unique("net"), authType="NONE")
    assert re.fullmatch(ID_FORMAT.format("sn"), created["id"])
    assert "status" not in created
    updated = provider.update_service_network(serviceNetworkIdentifier=created["arn"], authType="AWS_IAM")
    assert updated["authType"] == "AWS_IAM"
    got = provider.get_service_network(serviceNetworkIdentifier=created["id"])
    assert (got["authType"], got["numberOfAssociatedServices"], got["numberOfAssociatedVPCs"]) == ("AWS_IAM", 0, 0)
    provider.delete_service_network(serviceNetworkIdentifier=created["id"])
    with pytest.raises(ClientError) as info:
        provider.get_service_network(serviceNetworkIdentifier=created["id"])
    assert error_code(info) == "ResourceNotFoundException"
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


@pytest.mark.parametrize(
    ("operation", "name"),
    [
        ("create_service", "svc-reserved"),
        ("create_service", "x" * 41),
        ("create_service", "Upper"),
        ("create_service_network", "double--hyphen"),
        ("create_service_network", "-leading"),
        ("create_service_network", "trailing-"),
        ("create_service_network", "x" * 64),
    ],
)
def test_invalid_names_are_refused(provider, operation, name):
    with pytest.raises(ClientError) as info:
        getattr(provider, operation)(name=name)
    assert error_code(info) == "ValidationException"


def test_duplicate_names_conflict_per_account(provider, consumer):
    name = unique("dup")
    provider.create_service_network(name=name)
    with pytest.raises(ClientError) as info:
        provider.create_service_network(name=name)
    assert error_code(info) == "ConflictException"
    # another account may use the same name
    consumer.create_service_network(name=name)


def test_client_token_makes_create_idempotent(provider):
    name, token = unique("idem"), unique("token")
    first = provider.create_service(name=name, clientToken=token)
    again = provider.create_service(name=name, clientToken=token)
    assert again["id"] == first["id"]
    assert [s["id"] for s in provider.list_services()["items"] if s["name"] == name] == [first["id"]]
    with pytest.raises(ClientError) as info:
        provider.create_service(name=unique("other"), clientToken=token)
    assert error_code(info) == "ConflictException"


def test_ids_must_be_ids_or_arns(provider):
    with pytest.raises(ClientError) as info:
        provider.get_service(serviceIdentifier="my-orders-service-name")
    assert error_code(info) == "ValidationException"
    with pytest.raises(ClientError) as info:
        provider.get_service(serviceIdentifier="svc-0123456789abcdef0")
    assert error_code(info) == "ResourceNotFoundException"


def test_list_services_paginates(provider):
    names = {unique("page") for _index in range(3)}
    for name in names:
        provider.create_service(name=name)
    seen, token, pages = [], None, 0
    while True:
        page = provider.list_services(maxResults=2, **({"nextToken": token} if token else {}))
        assert len(page["items"]) <= 2
        seen += [s["name"] for s in page["items"]]
        pages += 1
        token = page.get("nextToken")
        if not token:
            break
    assert names <= set(seen) and len(seen) == len(set(seen)) and pages >= 2


def test_update_service_and_tags(provider, service):
    updated = provider.update_service(serviceIdentifier=service["arn"], authType="AWS_IAM")
    assert updated["authType"] == "AWS_IAM"
    provider.tag_resource(resourceArn=service["arn"], tags={"team": "a", "env": "dev"})
    provider.untag_resource(resourceArn=service["arn"], tagKeys=["env"])
    assert provider.list_tags_for_resource(resourceArn=service["arn"])["tags"] == {"team": "a"}


def test_tags_given_at_create_are_listed(provider):
    created = provider.create_target_group(name=unique("tagged"), type="LAMBDA", tags={"owner": "me"})
    assert provider.list_tags_for_resource(resourceArn=created["arn"])["tags"] == {"owner": "me"}


def test_tags_of_a_missing_resource_are_not_found(provider, account_ids, sandbox):
    arn = f"arn:aws:vpc-lattice:{sandbox['region']}:{account_ids['provider']}:service/svc-0123456789abcdef0"
    with pytest.raises(ClientError) as info:
        provider.list_tags_for_resource(resourceArn=arn)
    assert error_code(info) == "ResourceNotFoundException"


def test_auth_policy_by_arn(provider, service):
    policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}'
    provider.update_service(serviceIdentifier=service["id"], authType="AWS_IAM")
    assert provider.put_auth_policy(resourceIdentifier=service["arn"], policy=policy)["state"] == "Active"
    assert provider.get_auth_policy(resourceIdentifier=service["id"])["policy"] == policy


def test_access_log_subscription_by_arn(provider, service, account_ids, sandbox):
    destination = f"arn:aws:logs:{sandbox['region']}:{account_ids['provider']}:log-group:lattice"
    created = provider.create_access_log_subscription(
        resourceIdentifier=service["arn"], destinationArn=destination, tags={"a": "b"}
    )
    assert re.fullmatch(ID_FORMAT.format("als"), created["id"])
    listed = provider.list_access_log_subscriptions(resourceIdentifier=service["arn"])["items"]
    assert [(s["id"], s["destinationArn"]) for s in listed] == [(created["id"], destination)]
    assert provider.list_tags_for_resource(resourceArn=created["arn"])["tags"] == {"a": "b"}
    # deleting the service deletes its subscriptions
    provider.delete_service(serviceIdentifier=service["id"])
    with pytest.raises(ClientError) as info:
        provider.get_access_log_subscription(accessLogSubscriptionIdentifier=created["id"])
    assert error_code(info) == "ResourceNotFoundException"


def test_service_idle_timeout_defaults_to_60_and_stays_in_range(provider):
    # API reference, CreateService idleTimeoutSeconds: 60 to 600, default 60.
    name = unique("idle")
    created = provider.create_service(name=name, customDomainName=f"{name}.example.com")
    assert created["idleTimeoutSeconds"] == 60 and created["customDomainName"] == f"{name}.example.com"
    updated = provider.update_service(serviceIdentifier=created["id"], idleTimeoutSeconds=300)
    assert updated["idleTimeoutSeconds"] == 300
    assert wait_status(lambda: provider.get_service(serviceIdentifier=created["id"]))["idleTimeoutSeconds"] == 300
    # botocore checks only the minimum; the service checks the maximum
    for call in (
        lambda: provider.update_service(serviceIdentifier=created["id"], idleTimeoutSeconds=601),
        lambda: provider.create_service(name=unique("idle"), idleTimeoutSeconds=601),
    ):
        with pytest.raises(ClientError) as info:
            call()
        assert error_code(info) == "ValidationException"
    with pytest.raises(ClientError) as info:  # UpdateService has no customDomainName: a create-time value only
        provider.create_service(name=unique("dom"), customDomainName="x" * 256)
    assert error_code(info) == "ValidationException"
