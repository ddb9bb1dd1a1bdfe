"""IPv6 subnets (association state and filters) and IPv6 addresses for instances."""

from __future__ import annotations

import ipaddress

import pytest

pytestmark = pytest.mark.sandbox


@pytest.fixture
def ipv6_subnet(aws_client):
    ec2 = aws_client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.80.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
    block = ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
    assert block.endswith("::/56")
    cidr = str(next(ipaddress.IPv6Network(block).subnets(new_prefix=64)))
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.80.1.0/24", Ipv6CidrBlock=cidr)["Subnet"]
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    return {"ec2": ec2, "vpc": vpc, "cidr": cidr, "subnet": subnet, "image": image}


def subnet_ids(ec2, vpc, name, values):
    filters = [{"Name": "vpc-id", "Values": [vpc]}, {"Name": name, "Values": values}]
    return [s["SubnetId"] for s in ec2.describe_subnets(Filters=filters)["Subnets"]]


def test_ipv6_association_state_and_filters(ipv6_subnet):
    ec2, vpc, subnet = ipv6_subnet["ec2"], ipv6_subnet["vpc"], ipv6_subnet["subnet"]
    association = subnet["Ipv6CidrBlockAssociationSet"][0]
    assert association["Ipv6CidrBlockState"] == {"State": "associated"}
    assert association["Ipv6CidrBlock"] == ipv6_subnet["cidr"]
    subnet_id = subnet["SubnetId"]
    assert subnet_ids(ec2, vpc, "ipv6-cidr-block-association.ipv6-cidr-block", [ipv6_subnet["cidr"]]) == [subnet_id]
    assert subnet_ids(ec2, vpc, "ipv6-cidr-block-association.association-id", [association["AssociationId"]]) == [subnet_id]
    assert subnet_ids(ec2, vpc, "ipv6-cidr-block-association.state", ["associated"]) == [subnet_id]
    assert subnet_ids(ec2, vpc, "ipv6-cidr-block-association.state", ["disassociated"]) == []

    ec2.disassociate_subnet_cidr_block(AssociationId=association["AssociationId"])
    assert subnet_ids(ec2, vpc, "ipv6-cidr-block-association.state", ["disassociated"]) == [subnet_id]
    assert ec2.describe_subnets(SubnetIds=[subnet_id])["Subnets"][0].get("Ipv6CidrBlockAssociationSet", []) == []


def addresses(instance):
    return [a["Ipv6Address"] for a in instance["NetworkInterfaces"][0].get("Ipv6Addresses", [])]


def in_subnet(address, cidr):
    return ipaddress.IPv6Address(address) in ipaddress.IPv6Network(cidr)


def test_instances_get_the_ipv6_addresses_they_ask_for(ipv6_subnet):
    ec2, subnet, cidr = ipv6_subnet["ec2"], ipv6_subnet["subnet"]["SubnetId"], ipv6_subnet["cidr"]
    run = dict(ImageId=ipv6_subnet["image"], MinCount=1, MaxCount=1, InstanceType="t3.micro")

    plain = ec2.run_instances(SubnetId=subnet, **run)["Instances"][0]
    assert addresses(plain) == []
    counted = ec2.run_instances(SubnetId=subnet, Ipv6AddressCount=1, **run)["Instances"][0]
    per_interface = ec2.run_instances(
        NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": subnet, "Ipv6AddressCount": 2}], **run
    )["Instances"][0]
    chosen = str(ipaddress.IPv6Network(cidr)[100])
    explicit = ec2.run_instances(
        NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": subnet, "Ipv6Addresses": [{"Ipv6Address": chosen}]}], **run
    )["Instances"][0]
    described = {
        i["InstanceId"]: i
        for r in ec2.describe_instances(
            InstanceIds=[counted["InstanceId"], per_interface["InstanceId"], explicit["InstanceId"]]
        )["Reservations"]
        for i in r["Instances"]
    }
    assert len(addresses(described[counted["InstanceId"]])) == 1
    assert len(set(addresses(described[per_interface["InstanceId"]]))) == 2
    assert addresses(described[explicit["InstanceId"]]) == [chosen]
    assert all(in_subnet(a, cidr) for i in described.values() for a in addresses(i))


def test_subnet_assigning_ipv6_on_creation(ipv6_subnet):
    ec2, subnet = ipv6_subnet["ec2"], ipv6_subnet["subnet"]["SubnetId"]
    ec2.modify_subnet_attribute(SubnetId=subnet, AssignIpv6AddressOnCreation={"Value": True})
    assert ec2.describe_subnets(
        Filters=[{"Name": "assign-ipv6-address-on-creation", "Values": ["true"]},
                 {"Name": "vpc-id", "Values": [ipv6_subnet["vpc"]]}]
    )["Subnets"][0]["SubnetId"] == subnet
    instance = ec2.run_instances(
        ImageId=ipv6_subnet["image"], MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet
    )["Instances"][0]
    assert len(addresses(instance)) == 1 and in_subnet(addresses(instance)[0], ipv6_subnet["cidr"])
    interface = ec2.create_network_interface(SubnetId=subnet)["NetworkInterface"]
    assert len(interface["Ipv6Addresses"]) == 1
