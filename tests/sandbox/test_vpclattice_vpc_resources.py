"""VPC resources in VPC Lattice: resource gateways, resource configurations, their association with
service networks, resource policies and RAM sharing of resource configurations."""

from __future__ import annotations

import json
import re

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique, wait_gone, wait_status
from sandbox.wire import WireRecorder, all_violations

pytestmark = pytest.mark.sandbox


@pytest.fixture
def provider_vpc(aws_client):
    """A provider VPC (10.30.0.0/16) with a subnet and a security group: where the resources live."""
    ec2 = aws_client("provider", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.30.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName=unique("rgw"), Description="gateway", VpcId=vpc_id)["GroupId"]
    return {"id": vpc_id, "subnet": subnet, "group": group, "ec2": ec2}


@pytest.fixture
def gateway(provider, provider_vpc):
    created = provider.create_resource_gateway(
        name=unique("gw"), vpcIdentifier=provider_vpc["id"], subnetIds=[provider_vpc["subnet"]],
        securityGroupIds=[provider_vpc["group"]],
    )
    return wait_status(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=created["id"]))


def single(provider, gateway, **extra):
    request = dict(
        name=unique("db"), type="SINGLE", resourceGatewayIdentifier=gateway["id"], portRanges=["5432"],
        protocol="TCP", resourceConfigurationDefinition={"ipResource": {"ipAddress": "10.30.1.10"}},
    )
    created = provider.create_resource_configuration(**{**request, **extra})
    return wait_status(lambda: provider.get_resource_configuration(resourceConfigurationIdentifier=created["id"]))


def test_gateway_lifecycle_and_validation(provider, provider_vpc, aws_client):
    name = unique("gw")
    created = provider.create_resource_gateway(
        name=name, vpcIdentifier=provider_vpc["id"], subnetIds=[provider_vpc["subnet"]], clientToken="t-1"
    )
    assert re.fullmatch(r"rgw-[0-9a-f]{17}", created["id"])
    assert created["status"] == "CREATE_IN_PROGRESS"
    assert created["arn"].endswith(f":resourcegateway/{created['id']}")
    again = provider.create_resource_gateway(
        name=name, vpcIdentifier=provider_vpc["id"], subnetIds=[provider_vpc["subnet"]], clientToken="t-1"
    )
    assert again["id"] == created["id"]  # same token, same request: the first result
    with pytest.raises(ClientError) as info:  # names are unique per account
        provider.create_resource_gateway(name=name, vpcIdentifier=provider_vpc["id"], subnetIds=[provider_vpc["subnet"]])
    assert error_code(info) == "ConflictException"
    active = wait_status(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=created["id"]))
    assert active["ipAddressType"] == "IPV4" and active["ipv4AddressesPerEni"] == 16
    assert active["vpcId"] == provider_vpc["id"]

    refused = [
        dict(name="rgw-named-like-an-id"),
        dict(name=unique("gw"), ipv4AddressesPerEni=63),
        dict(name=unique("gw"), ipAddressType="IPV6"),  # the subnet has no IPv6 CIDR block
        dict(name=unique("gw"), securityGroupIds=["sg-0123456789abcdef0"]),
    ]
    for extra in refused:
        with pytest.raises(ClientError) as info:
            provider.create_resource_gateway(
                **{"vpcIdentifier": provider_vpc["id"], "subnetIds": [provider_vpc["subnet"]], **extra}
            )
        assert error_code(info) == "ValidationException", extra
    other_vpc = aws_client("provider", "ec2").create_vpc(CidrBlock="10.31.0.0/16")["Vpc"]["VpcId"]
    with pytest.raises(ClientError) as info:  # the subnet is in another VPC
        provider.create_resource_gateway(name=unique("gw"), vpcIdentifier=other_vpc, subnetIds=[provider_vpc["subnet"]])
    assert error_code(info) == "ValidationException"

    updated = provider.update_resource_gateway(
        resourceGatewayIdentifier=created["id"], securityGroupIds=[provider_vpc["group"]]
    )
    assert updated["status"] == "UPDATE_IN_PROGRESS"
    with pytest.raises(ClientError) as info:  # busy
        provider.delete_resource_gateway(resourceGatewayIdentifier=created["id"])
    assert error_code(info) == "ConflictException"
    wait_status(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=created["id"]))
    assert provider.delete_resource_gateway(resourceGatewayIdentifier=created["id"])["status"] == "DELETE_IN_PROGRESS"
    wait_gone(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=created["id"]))


def test_configuration_rules_per_type(provider, gateway):
    base = dict(resourceGatewayIdentifier=gateway["id"], protocol="TCP", portRanges=["5432"])
    ip = {"ipResource": {"ipAddress": "10.30.1.10"}}
    refused = [
        dict(base, name=unique("c"), type="SINGLE"),  # no definition
        dict(base, name=unique("c"), type="SINGLE", resourceConfigurationDefinition={"ipResource": {"ipAddress": "192.168.0.1"}}),  # outside the VPC
        dict(base, name=unique("c"), type="SINGLE", portRanges=["70000"], resourceConfigurationDefinition=ip),
        dict(base, name=unique("c"), type="SINGLE", protocol="TCP_UDP", resourceConfigurationDefinition=ip),
        dict(base, name=unique("c"), type="GROUP", resourceConfigurationDefinition=ip),
        dict(resourceGatewayIdentifier=gateway["id"], name=unique("c"), type="ARN", portRanges=["443"],
             resourceConfigurationDefinition={"arnResource": {"arn": "arn:aws:rds:eu-west-1:123456789012:db:x"}}),
        dict(base, name=unique("c"), type="SINGLE", resourceConfigurationDefinition=ip,
             domainVerificationIdentifier="dv-0123456789abcdef0"),
        dict(base, name=unique("c"), type="SINGLE", groupDomain="example.com", resourceConfigurationDefinition=ip),
    ]
    for request in refused:
        with pytest.raises(ClientError) as info:
            provider.create_resource_configuration(**request)
        assert error_code(info) in ("ValidationException", "ResourceNotFoundException"), request

    dns = single(provider, gateway, resourceConfigurationDefinition={
        "dnsResource": {"domainName": "db.internal.example", "ipAddressType": "IPV4"}}, customDomainName="db.example.com")
    assert re.fullmatch(r"rcfg-[0-9a-f]{17}", dns["id"]) and dns["status"] == "ACTIVE"
    assert dns["resourceGatewayId"] == gateway["id"] and dns["allowAssociationToShareableServiceNetwork"] is False
    cidr = provider.create_resource_configuration(
        name=unique("c"), type="CIDR", resourceGatewayIdentifier=gateway["id"], portRanges=["1-65535"],
        protocol="TCP_UDP", resourceConfigurationDefinition={"cidrResource": {"cidrRanges": ["10.30.2.0/24"]}},
    )
    assert cidr["type"] == "CIDR"

    group = provider.create_resource_configuration(
        name=unique("grp"), type="GROUP", resourceGatewayIdentifier=gateway["id"], portRanges=["443"], protocol="TCP",
        groupDomain="corp.example.com",
    )
    with pytest.raises(ClientError) as info:  # a child's domain is a subdomain of the group's
        provider.create_resource_configuration(
            name=unique("kid"), type="CHILD", resourceConfigurationGroupIdentifier=group["id"],
            resourceConfigurationDefinition=ip, customDomainName="db.other.example",
        )
    assert error_code(info) == "ValidationException"
    child = provider.create_resource_configuration(
        name=unique("kid"), type="CHILD", resourceConfigurationGroupIdentifier=group["id"],
        resourceConfigurationDefinition=ip, customDomainName="db.corp.example.com",
    )
    assert child["resourceGatewayId"] == gateway["id"] and child["protocol"] == "TCP"
    listed = provider.list_resource_configurations(resourceConfigurationGroupIdentifier=group["id"])["items"]
    assert [c["id"] for c in listed] == [child["id"]]

    wait_status(lambda: provider.get_resource_configuration(resourceConfigurationIdentifier=group["id"]))
    with pytest.raises(ClientError) as info:  # a group with children
        provider.delete_resource_configuration(resourceConfigurationIdentifier=group["id"])
    assert error_code(info) == "ConflictException"
    with pytest.raises(ClientError) as info:  # a gateway with configurations
        provider.delete_resource_gateway(resourceGatewayIdentifier=gateway["id"])
    assert error_code(info) == "ConflictException"

    updated = provider.update_resource_configuration(
        resourceConfigurationIdentifier=dns["id"], portRanges=["5432", "6000-6010"],
        allowAssociationToShareableServiceNetwork=True,
    )
    assert updated["status"] == "UPDATE_IN_PROGRESS" and updated["portRanges"] == ["5432", "6000-6010"]
    with pytest.raises(ClientError) as info:  # a GROUP has no definition to update
        provider.update_resource_configuration(resourceConfigurationIdentifier=group["id"],
                                               resourceConfigurationDefinition=ip)
    assert error_code(info) == "ValidationException"


def test_association_sharing_policy_and_conflicts(provider, consumer, gateway, aws_client, account_ids):
    # Every answer below is also checked against the botocore output shapes (strict SDKs refuse others).
    recorder = WireRecorder()
    provider, consumer = recorder.attach(aws_client("provider", "vpc-lattice")), recorder.attach(
        aws_client("consumer", "vpc-lattice"))
    config = single(provider, gateway)
    network = consumer.create_service_network(name=unique("net"))
    with pytest.raises(ClientError) as info:  # not shared yet
        consumer.create_service_network_resource_association(
            serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=config["arn"])
    assert error_code(info) == "AccessDeniedException"

    ram = aws_client("provider", "ram")
    share = ram.create_resource_share(
        name=unique("share"), resourceArns=[config["arn"]], principals=[account_ids["consumer"]]
    )["resourceShare"]
    listed = aws_client("consumer", "ram").list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"]
    assert {"arn": config["arn"], "type": "vpc-lattice:ResourceConfiguration"}.items() <= next(
        r for r in listed if r["arn"] == config["arn"]).items()
    assert config["arn"] in [c["arn"] for c in consumer.list_resource_configurations()["items"]]
    assert consumer.get_resource_configuration(resourceConfigurationIdentifier=config["arn"])["id"] == config["id"]

    created = consumer.create_service_network_resource_association(
        serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=config["arn"], privateDnsEnabled=True)
    assert re.fullmatch(r"snra-[0-9a-f]{17}", created["id"]) and created["status"] == "CREATE_IN_PROGRESS"
    with pytest.raises(ClientError) as info:  # one association per pair
        consumer.create_service_network_resource_association(
            serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=config["arn"])
    assert error_code(info) == "ConflictException"
    association = wait_status(lambda: consumer.get_service_network_resource_association(
        serviceNetworkResourceAssociationIdentifier=created["id"]))
    assert association["dnsEntry"]["domainName"].startswith(f"{created['id']}.{config['id']}.")
    assert ".vpc-lattice-rsc." in association["dnsEntry"]["domainName"]
    assert association["isManagedAssociation"] is False and association["resourceConfigurationArn"] == config["arn"]
    # the configuration's owner sees the association made with it
    seen = provider.list_service_network_resource_associations(resourceConfigurationIdentifier=config["id"])["items"]
    assert [a["id"] for a in seen] == [created["id"]]

    for blocked in (
        lambda: provider.delete_resource_configuration(resourceConfigurationIdentifier=config["id"]),
        lambda: consumer.delete_service_network(serviceNetworkIdentifier=network["id"]),
    ):
        with pytest.raises(ClientError) as info:
            blocked()
        assert error_code(info) == "ConflictException"

    policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": account_ids["consumer"]},
        "Action": "vpc-lattice:CreateServiceNetworkResourceAssociation", "Resource": config["arn"]}]})
    provider.put_resource_policy(resourceArn=config["arn"], policy=policy)
    assert json.loads(provider.get_resource_policy(resourceArn=config["arn"])["policy"]) == json.loads(policy)
    provider.delete_resource_policy(resourceArn=config["arn"])

    consumer.delete_service_network_resource_association(serviceNetworkResourceAssociationIdentifier=created["id"])
    wait_gone(lambda: consumer.get_service_network_resource_association(
        serviceNetworkResourceAssociationIdentifier=created["id"]))
    ram.delete_resource_share(resourceShareArn=share["resourceShareArn"])
    consumer.delete_service_network(serviceNetworkIdentifier=network["id"])
    provider.delete_resource_configuration(resourceConfigurationIdentifier=config["id"])
    wait_gone(lambda: provider.get_resource_configuration(resourceConfigurationIdentifier=config["id"]))
    provider.delete_resource_gateway(resourceGatewayIdentifier=gateway["id"])
    provider.list_resource_gateways()
    assert len(recorder.answers) > 20 and list(all_violations(recorder.answers)) == []


def test_shareable_network_and_group_children(provider, gateway, aws_client, account_ids):
    network = provider.create_service_network(name=unique("net"))
    aws_client("provider", "ram").create_resource_share(
        name=unique("share"), resourceArns=[network["arn"]], principals=[account_ids["consumer"]])
    config = single(provider, gateway)
    with pytest.raises(ClientError) as info:  # the network is shared: the configuration must allow it
        provider.create_service_network_resource_association(
            serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=config["id"])
    assert error_code(info) == "ValidationException"

    group = provider.create_resource_configuration(
        name=unique("grp"), type="GROUP", resourceGatewayIdentifier=gateway["id"], portRanges=["443"], protocol="TCP",
        allowAssociationToShareableServiceNetwork=True,
    )
    child = provider.create_resource_configuration(
        name=unique("kid"), type="CHILD", resourceConfigurationGroupIdentifier=group["id"],
        resourceConfigurationDefinition={"ipResource": {"ipAddress": "10.30.1.20"}},
    )
    with pytest.raises(ClientError) as info:  # children come with their group
        provider.create_service_network_resource_association(
            serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=child["id"])
    assert error_code(info) == "ValidationException"
    made = provider.create_service_network_resource_association(
        serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=group["id"])
    plain = provider.list_service_network_resource_associations(serviceNetworkIdentifier=network["id"])["items"]
    assert [a["id"] for a in plain] == [made["id"]]
    everything = provider.list_service_network_resource_associations(
        serviceNetworkIdentifier=network["id"], includeChildren=True)["items"]
    managed = [a for a in everything if a["isManagedAssociation"]]
    assert [a["resourceConfigurationId"] for a in managed] == [child["id"]]
    with pytest.raises(ClientError) as info:  # Amazon manages it
        provider.delete_service_network_resource_association(
            serviceNetworkResourceAssociationIdentifier=managed[0]["id"])
    assert error_code(info) == "ValidationException"
