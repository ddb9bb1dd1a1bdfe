"""Services and service networks of another account: usable by ARN, and only when shared through RAM."""

from __future__ import annotations

import functools

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique, wait_gone, wait_status

pytestmark = pytest.mark.sandbox


@pytest.fixture
def share(aws_client):
    """``share(arn, principal)``: shares a provider resource through RAM; unshared afterwards."""
    ram = aws_client("provider", "ram")
    made = []

    def make(resource_arn, principal):
        arn = ram.create_resource_share(name=unique("share"), resourceArns=[resource_arn], principals=[principal])[
            "resourceShare"
        ]["resourceShareArn"]
        made.append(arn)
        return arn

    yield make
    for arn in made:
        try:
            ram.delete_resource_share(resourceShareArn=arn)
        except ClientError:
            pass


def test_unshared_service_of_another_account_is_refused(consumer, service, service_network):
    with pytest.raises(ClientError) as info:  # an ID always means the caller's own account
        consumer.get_service(serviceIdentifier=service["id"])
    assert error_code(info) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as info:
        consumer.get_service(serviceIdentifier=service["arn"])
    assert error_code(info) == "AccessDeniedException"
    with pytest.raises(ClientError) as info:
        consumer.create_service_network_service_association(
            serviceNetworkIdentifier=service_network["id"], serviceIdentifier=service["arn"]
        )
    assert error_code(info) == "AccessDeniedException"
    assert service["arn"] not in [s["arn"] for s in consumer.list_services()["items"]]


def test_shared_service_is_associated_by_arn(provider, consumer, service, service_network, share, sandbox, aws_client):
    share_arn = share(service["arn"], sandbox["organization"]["arn"])
    assert consumer.get_service(serviceIdentifier=service["arn"])["id"] == service["id"]
    assert service["arn"] in [s["arn"] for s in consumer.list_services()["items"]]
    with pytest.raises(ClientError) as info:  # shared is not owned: the consumer cannot change it
        consumer.delete_service(serviceIdentifier=service["arn"])
    assert error_code(info) == "AccessDeniedException"
    with pytest.raises(ClientError) as info:  # outside the organization
        aws_client("outsider", "vpc-lattice").get_service(serviceIdentifier=service["arn"])
    assert error_code(info) == "AccessDeniedException"

    created = consumer.create_service_network_service_association(
        serviceNetworkIdentifier=service_network["id"], serviceIdentifier=service["arn"]
    )
    assert created["status"] == "CREATE_IN_PROGRESS"
    assert (
        created["arn"].split(":")[4]
        == consumer.get_service_network(serviceNetworkIdentifier=service_network["id"])["arn"].split(":")[4]
    )
    read = functools.partial(
        consumer.get_service_network_service_association, serviceNetworkServiceAssociationIdentifier=created["id"]
    )
    association = wait_status(read)
    assert (association["serviceArn"], association["serviceName"]) == (service["arn"], service["name"])
    assert association["dnsEntry"] == service["dnsEntry"]
    assert (
        consumer.get_service_network(serviceNetworkIdentifier=service_network["id"])["numberOfAssociatedServices"] == 1
    )
    by_service = consumer.list_service_network_service_associations(serviceIdentifier=service["arn"])["items"]
    assert [a["id"] for a in by_service] == [created["id"]]
    by_network = consumer.list_service_network_service_associations(serviceNetworkIdentifier=service_network["arn"])
    assert [a["serviceArn"] for a in by_network["items"]] == [service["arn"]]
    # the owner of the service sees who associated it
    seen_by_owner = provider.list_service_network_service_associations(serviceIdentifier=service["id"])["items"]
    assert [a["id"] for a in seen_by_owner] == [created["id"]]

    with pytest.raises(ClientError) as info:
        provider.delete_service(serviceIdentifier=service["id"])
    assert error_code(info) == "ConflictException"
    with pytest.raises(ClientError) as info:
        consumer.delete_service_network(serviceNetworkIdentifier=service_network["id"])
    assert error_code(info) == "ConflictException"

    consumer.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=created["id"])
    wait_gone(read)
    consumer.delete_service_network(serviceNetworkIdentifier=service_network["id"])

    aws_client("provider", "ram").delete_resource_share(resourceShareArn=share_arn)
    with pytest.raises(ClientError) as info:  # unsharing takes the access away
        consumer.get_service(serviceIdentifier=service["arn"])
    assert error_code(info) == "AccessDeniedException"
    assert provider.delete_service(serviceIdentifier=service["id"])["status"] == "DELETE_IN_PROGRESS"


def test_shared_service_network_takes_the_consumer_vpc(provider, consumer, share, account_ids, aws_client):
    network = provider.create_service_network(name=unique("shared-net"))
    ec2 = aws_client("consumer", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    with pytest.raises(ClientError) as info:
        consumer.create_service_network_vpc_association(serviceNetworkIdentifier=network["arn"], vpcIdentifier=vpc_id)
    assert error_code(info) == "AccessDeniedException"

    share(network["arn"], account_ids["consumer"])
    created = consumer.create_service_network_vpc_association(
        serviceNetworkIdentifier=network["arn"], vpcIdentifier=vpc_id
    )
    assert created["arn"].split(":")[4] == account_ids["consumer"]
    assert consumer.get_service_network(serviceNetworkIdentifier=network["arn"])["id"] == network["id"]
    assert provider.get_service_network(serviceNetworkIdentifier=network["id"])["numberOfAssociatedVPCs"] == 1
    with pytest.raises(ClientError) as info:
        provider.delete_service_network(serviceNetworkIdentifier=network["id"])
    assert error_code(info) == "ConflictException"

    read = functools.partial(
        consumer.get_service_network_vpc_association, serviceNetworkVpcAssociationIdentifier=created["id"]
    )
    wait_status(read)
    # the association belongs to the VPC owner and shows in the service network owner's account too
    seen_by_owner = provider.list_service_network_vpc_associations(serviceNetworkIdentifier=network["id"])["items"]
    assert [(a["id"], a["vpcId"]) for a in seen_by_owner] == [(created["id"], vpc_id)]
    assert (
        provider.get_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["arn"])["id"]
        == created["id"]
    )
    consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
    wait_gone(read)
    provider.delete_service_network(serviceNetworkIdentifier=network["id"])
