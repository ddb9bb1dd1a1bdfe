"""The "Done when" scenario of issue 2, as a boto3 script would run it.

Only ``AWS_CONFIG_FILE`` and the profile names ``provider`` and ``consumer``:
create a Lattice service in provider, share it with the organization, see it
from consumer with OTHER-ACCOUNTS, associate it by ARN with a service network
in consumer, and watch each delete of an in-use resource fail with
ConflictException until what depends on it is gone.
"""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError
from sandbox.testing import error_code, unique, wait_gone, wait_status

pytestmark = pytest.mark.sandbox


@pytest.fixture
def profiles(sandbox, monkeypatch):
    monkeypatch.setenv("AWS_CONFIG_FILE", sandbox["aws_config_file"])
    for variable in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                     "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION", "AWS_REGION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    return {name: boto3.Session(profile_name=name) for name in ("provider", "consumer")}


def conflict(call, **kwargs) -> None:
    with pytest.raises(ClientError) as error:
        call(**kwargs)
    assert error_code(error) == "ConflictException", kwargs


def test_share_a_service_and_use_it_from_the_consumer(profiles):
    provider, consumer = (profiles[n].client("vpc-lattice") for n in ("provider", "consumer"))
    provider_ram, consumer_ram = (profiles[n].client("ram") for n in ("provider", "consumer"))

    # Provider: a service with an HTTPS listener forwarding to a Lambda target group.
    created = provider.create_service(name=unique("orders"))
    assert created["status"] == "CREATE_IN_PROGRESS"
    service = wait_status(lambda: provider.get_service(serviceIdentifier=created["id"]))
    group = provider.create_target_group(name=unique("orders-fn"), type="LAMBDA")
    wait_status(lambda: provider.get_target_group(targetGroupIdentifier=group["id"]))
    listener = provider.create_listener(
        serviceIdentifier=service["id"], name=unique("https"), protocol="HTTPS", port=443,
        defaultAction={"forward": {"targetGroups": [{"targetGroupIdentifier": group["id"], "weight": 100}]}},
    )

    # Provider: share it with the whole organization.
    organization = profiles["provider"].client("organizations").describe_organization()["Organization"]
    share_name = unique("orders-share")
    share = provider_ram.create_resource_share(
        name=share_name, resourceArns=[service["arn"]], principals=[organization["Arn"]],
        allowExternalPrincipals=False,
    )["resourceShare"]

    # Consumer: the share and the service are visible from the other side.
    seen = consumer_ram.get_resource_shares(resourceOwner="OTHER-ACCOUNTS", name=share_name)["resourceShares"]
    assert [s["resourceShareArn"] for s in seen] == [share["resourceShareArn"]]
    resources = consumer_ram.list_resources(
        resourceOwner="OTHER-ACCOUNTS", resourceShareArns=[share["resourceShareArn"]]
    )["resources"]
    assert [(r["arn"], r["type"]) for r in resources] == [(service["arn"], "vpc-lattice:Service")]
    assert consumer.get_service(serviceIdentifier=service["arn"])["id"] == service["id"]

    # Consumer: its service network, its VPC, and the shared service associated by ARN.
    network = consumer.create_service_network(name=unique("consumer-net"))
    ec2 = profiles["consumer"].client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    vpc_association = consumer.create_service_network_vpc_association(
        serviceNetworkIdentifier=network["id"], vpcIdentifier=vpc
    )
    association = consumer.create_service_network_service_association(
        serviceNetworkIdentifier=network["id"], serviceIdentifier=service["arn"]
    )
    assert association["status"] == "CREATE_IN_PROGRESS"
    wait_status(lambda: consumer.get_service_network_service_association(
        serviceNetworkServiceAssociationIdentifier=association["id"]))
    wait_status(lambda: consumer.get_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=vpc_association["id"]))

    # Every delete of something in use is refused while its dependants exist.
    conflict(provider.delete_service, serviceIdentifier=service["id"])
    conflict(consumer.delete_service_network, serviceNetworkIdentifier=network["id"])
    conflict(provider.delete_target_group, targetGroupIdentifier=group["id"])

    consumer.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=association["id"])
    wait_gone(lambda: consumer.get_service_network_service_association(
        serviceNetworkServiceAssociationIdentifier=association["id"]))
    conflict(consumer.delete_service_network, serviceNetworkIdentifier=network["id"])  # the VPC is still there
    consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=vpc_association["id"])
    wait_gone(lambda: consumer.get_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=vpc_association["id"]))
    consumer.delete_service_network(serviceNetworkIdentifier=network["id"])

    provider.delete_listener(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])
    provider.delete_target_group(targetGroupIdentifier=group["id"])
    deleting = provider.delete_service(serviceIdentifier=service["id"])
    assert deleting["status"] == "DELETE_IN_PROGRESS"
    wait_gone(lambda: provider.get_service(serviceIdentifier=service["id"]))

    provider_ram.delete_resource_share(resourceShareArn=share["resourceShareArn"])
    assert consumer_ram.get_resource_shares(resourceOwner="OTHER-ACCOUNTS", name=share_name)["resourceShares"] == []
