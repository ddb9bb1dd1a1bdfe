"""VPC endpoints of type ServiceNetwork and Resource: create, describe, modify, delete, the Lattice side, errors."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique, wait_status, wait_until
from sandbox.wire import WireRecorder, all_violations

pytestmark = pytest.mark.sandbox


@pytest.fixture
def consumer_network(aws_client):
    """A consumer VPC with two subnets in two zones, a /28 subnet and a security group."""
    ec2 = aws_client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
    zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]][:2]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.70.{i}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"]
        for i, zone in enumerate(zones, start=1)
    ]
    tiny = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.9.0/28", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName=unique("sne"), Description="endpoint", VpcId=vpc)["GroupId"]
    return {"ec2": ec2, "vpc": vpc, "subnets": subnets, "tiny": tiny, "group": group, "zones": zones}


@pytest.fixture
def shared_network(provider, aws_client, account_ids):
    """A provider service network shared with the consumer account through RAM, with an ACTIVE service."""
    network = provider.create_service_network(name=unique("sne-net"))
    service = provider.create_service(name=unique("sne-svc"))
    wait_status(lambda: provider.get_service(serviceIdentifier=service["id"]))
    association = provider.create_service_network_service_association(
        serviceNetworkIdentifier=network["id"], serviceIdentifier=service["id"]
    )
    wait_status(lambda: provider.get_service_network_service_association(
        serviceNetworkServiceAssociationIdentifier=association["id"]))
    ram = aws_client("provider", "ram")
    share = ram.create_resource_share(
        name=unique("sne-share"), resourceArns=[network["arn"]], principals=[account_ids["consumer"]]
    )["resourceShare"]["resourceShareArn"]
    yield {"network": network, "service": provider.get_service(serviceIdentifier=service["id"]),
           "association": association, "share": share}
    ram.delete_resource_share(resourceShareArn=share)


def describe(ec2, endpoint_id):
    return ec2.describe_vpc_endpoints(VpcEndpointIds=[endpoint_id])["VpcEndpoints"][0]


def test_service_network_endpoint_lifecycle(consumer_network, shared_network, aws_client, account_ids):
    # every answer is also checked against the botocore output shapes (sandbox/wire.py)
    recorder = WireRecorder()
    ec2, provider = recorder.attach(consumer_network["ec2"]), recorder.attach(aws_client("provider", "vpc-lattice"))
    network = shared_network["network"]
    name = unique("sne")
    created = ec2.create_vpc_endpoint(
        VpcEndpointType="ServiceNetwork", VpcId=consumer_network["vpc"], ServiceNetworkArn=network["arn"],
        SubnetIds=consumer_network["subnets"], SecurityGroupIds=[consumer_network["group"]], ClientToken=name,
        TagSpecifications=[{"ResourceType": "vpc-endpoint", "Tags": [{"Key": "Name", "Value": name}]}],
    )
    endpoint = created["VpcEndpoint"]
    endpoint_id = endpoint["VpcEndpointId"]
    assert re.fullmatch(r"vpce-[0-9a-f]{17}", endpoint_id)
    assert (endpoint["VpcEndpointType"], endpoint["State"], endpoint["ServiceNetworkArn"]) == (
        "ServiceNetwork", "pending", network["arn"])
    assert "ServiceName" not in endpoint
    assert endpoint["Groups"][0]["GroupId"] == consumer_network["group"]
    assert sorted(endpoint["SubnetIds"]) == sorted(consumer_network["subnets"])
    assert len(endpoint["NetworkInterfaceIds"]) == 2
    assert (endpoint["IpAddressType"], endpoint["PrivateDnsEnabled"]) == ("ipv4", False)
    assert endpoint["DnsOptions"]["DnsRecordIpType"] == "ipv4"
    assert endpoint["OwnerId"] == account_ids["consumer"]
    assert endpoint["Tags"] == [{"Key": "Name", "Value": name}]
    # the same client token gives back the same endpoint
    again = ec2.create_vpc_endpoint(VpcEndpointType="ServiceNetwork", VpcId=consumer_network["vpc"],
                                    ServiceNetworkArn=network["arn"], SubnetIds=consumer_network["subnets"],
                                    ClientToken=name)
    assert again["VpcEndpoint"]["VpcEndpointId"] == endpoint_id

    # changes are refused until the endpoint is available
    with pytest.raises(ClientError) as info:
        ec2.modify_vpc_endpoint(VpcEndpointId=endpoint_id, PrivateDnsEnabled=True)
    assert error_code(info) == "IncorrectState"
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "available")
    for filters in (
        [{"Name": "vpc-endpoint-type", "Values": ["ServiceNetwork"]}, {"Name": "vpc-id", "Values": [endpoint["VpcId"]]}],
        [{"Name": "tag:Name", "Values": [name]}, {"Name": "vpc-endpoint-state", "Values": ["available"]}],
    ):
        found = ec2.describe_vpc_endpoints(Filters=filters)["VpcEndpoints"]
        assert [e["VpcEndpointId"] for e in found] == [endpoint_id], filters

    # the service network's side: its owner sees the consumer's endpoint, and cannot delete the network
    items = provider.list_service_network_vpc_endpoint_associations(serviceNetworkIdentifier=network["id"])["items"]
    assert [(i["vpcEndpointId"], i["vpcEndpointOwnerId"], i["state"]) for i in items] == [
        (endpoint_id, account_ids["consumer"], "ACTIVE")]
    with pytest.raises(ClientError) as info:
        provider.delete_service_network(serviceNetworkIdentifier=network["id"])
    assert error_code(info) == "ConflictException"

    # the endpoint's associations: the network's service under a name of the endpoint
    associations = ec2.describe_vpc_endpoint_associations(VpcEndpointIds=[endpoint_id])["VpcEndpointAssociations"]
    service = shared_network["service"]
    assert [(a["AssociatedResourceArn"], a["ServiceNetworkName"]) for a in associations] == [
        (service["arn"], network["name"])]
    label = service["dnsEntry"]["domainName"].split(".")[1]
    assert associations[0]["DnsEntry"]["DnsName"] == (
        f"{endpoint_id}-{shared_network['association']['id']}.{label}.vpc-lattice-svcs.eu-west-1.on.aws"
    )
    assert re.fullmatch(r"vpce-rsc-asc-[0-9a-f]{17}", associations[0]["Id"])

    # groups, subnets, private DNS and its options change in place, through pending
    second = ec2.create_security_group(GroupName=unique("sne"), Description="second",
                                       VpcId=consumer_network["vpc"])["GroupId"]
    assert ec2.modify_vpc_endpoint(
        VpcEndpointId=endpoint_id, AddSecurityGroupIds=[second], RemoveSecurityGroupIds=[consumer_network["group"]],
        RemoveSubnetIds=[consumer_network["subnets"][1]], PrivateDnsEnabled=True,
        DnsOptions={"PrivateDnsPreference": "SPECIFIED_DOMAINS_ONLY", "PrivateDnsSpecifiedDomains": ["*.example.com"]},
    )["Return"] is True
    modified = describe(ec2, endpoint_id)
    assert modified["State"] == "pending"
    assert [g["GroupId"] for g in modified["Groups"]] == [second]
    assert modified["SubnetIds"] == [consumer_network["subnets"][0]]
    assert modified["DnsOptions"]["PrivateDnsSpecifiedDomains"] == ["*.example.com"]
    interface = ec2.describe_network_interfaces(NetworkInterfaceIds=modified["NetworkInterfaceIds"])
    assert [g["GroupId"] for g in interface["NetworkInterfaces"][0]["Groups"]] == [second]
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "available")

    result = ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint_id, "vpce-0123456789abcdef0"])
    assert [(u["ResourceId"], u["Error"]["Code"]) for u in result["Unsuccessful"]] == [
        ("vpce-0123456789abcdef0", "InvalidVpcEndpoint.NotFound")]
    assert describe(ec2, endpoint_id)["State"] == "deleting"
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "deleted")
    assert ec2.describe_network_interfaces(
        Filters=[{"Name": "network-interface-id", "Values": modified["NetworkInterfaceIds"]}])["NetworkInterfaces"] == []
    assert provider.list_service_network_vpc_endpoint_associations(
        serviceNetworkIdentifier=network["id"])["items"] == []
    operations = {answer.operation.name for answer in recorder.answers}
    assert {"CreateVpcEndpoint", "DescribeVpcEndpoints", "ModifyVpcEndpoint", "DeleteVpcEndpoints",
            "DescribeVpcEndpointAssociations", "ListServiceNetworkVpcEndpointAssociations"} <= operations
    # EC2 answers an endpoint's state in lower case (pending, available: the DescribeVpcEndpoints filter
    # values, terraform-provider-aws's vpcEndpointState* constants) where the model's enum is capitalised.
    problems = [p for p in all_violations(recorder.answers) if not re.search(r"VpcEndpoints?(\[\d+\])?\.State: ", p)]
    assert problems == []


def test_endpoint_rules(consumer_network, shared_network, provider, aws_client, account_ids):
    """What AWS refuses, and the failure of a subnet without room for the service block."""
    ec2, network = consumer_network["ec2"], shared_network["network"]
    base = {"VpcEndpointType": "ServiceNetwork", "VpcId": consumer_network["vpc"],
            "ServiceNetworkArn": network["arn"], "SubnetIds": consumer_network["subnets"][:1]}
    other_vpc = ec2.create_vpc(CidrBlock="10.71.0.0/16")["Vpc"]["VpcId"]
    foreign_group = ec2.create_security_group(GroupName=unique("sne"), Description="x", VpcId=other_vpc)["GroupId"]
    own_network = aws_client("consumer", "vpc-lattice").create_service_network(name=unique("own"))
    unshared = provider.create_service_network(name=unique("unshared"))
    for changes, code in (
        ({"ServiceNetworkArn": None}, "MissingParameter"),
        ({"SubnetIds": None}, "MissingParameter"),
        ({"ServiceNetworkArn": unshared["arn"]}, "InvalidParameter"),
        ({"ServiceNetworkArn": "arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0"},
         "InvalidParameterValue"),
        ({"ResourceConfigurationArn": "arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/"
                                      "rcfg-0123456789abcdef0"}, "InvalidParameterCombination"),
        ({"RouteTableIds": ["rtb-0123456789abcdef0"]}, "InvalidParameter"),
        ({"PolicyDocument": "{}"}, "InvalidParameter"),
        ({"SubnetIds": [consumer_network["subnets"][0], consumer_network["tiny"]]}, "DuplicateSubnetsInSameZone"),
        ({"SubnetIds": ["subnet-0123456789abcdef0"]}, "InvalidSubnetID.NotFound"),
        ({"SecurityGroupIds": [foreign_group]}, "InvalidParameter"),
        ({"IpAddressType": "dualstack"}, "InvalidParameter"),
        ({"DnsOptions": {"DnsRecordIpType": "dualstack"}}, "InvalidParameter"),
        ({"DnsOptions": {"PrivateDnsPreference": "ALL_DOMAINS"}}, "InvalidParameter"),
        ({"PrivateDnsEnabled": True, "DnsOptions": {"PrivateDnsPreference": "SPECIFIED_DOMAINS_ONLY"}},
         "MissingParameter"),
        ({"VpcId": "vpc-0123456789abcdef0"}, "InvalidVpcID.NotFound"),
    ):
        request = {k: v for k, v in dict(base, **changes).items() if v is not None}
        with pytest.raises(ClientError) as info:
            ec2.create_vpc_endpoint(**request)
        assert error_code(info) == code, changes
    with pytest.raises(ClientError) as info:
        ec2.create_vpc_endpoint(DryRun=True, **base)
    assert error_code(info) == "DryRunOperation"
    with pytest.raises(ClientError) as info:
        ec2.describe_vpc_endpoints(VpcEndpointIds=["vpce-0123456789abcdef0"])
    assert error_code(info) == "InvalidVpcEndpointId.NotFound"

    # the caller's own network needs no share; the default group is the VPC's; private DNS picks
    # verified domains by default; a /28 subnet has no room for the services' /28 block: failed
    endpoint = ec2.create_vpc_endpoint(**dict(base, ServiceNetworkArn=own_network["arn"],
                                              SubnetIds=[consumer_network["tiny"]], PrivateDnsEnabled=True))
    endpoint = endpoint["VpcEndpoint"]
    default_group = ec2.describe_security_groups(Filters=[
        {"Name": "vpc-id", "Values": [consumer_network["vpc"]]}, {"Name": "group-name", "Values": ["default"]}
    ])["SecurityGroups"][0]["GroupId"]
    assert [g["GroupId"] for g in endpoint["Groups"]] == [default_group]
    assert endpoint["DnsOptions"]["PrivateDnsPreference"] == "VERIFIED_DOMAINS_ONLY"
    failed = wait_until(lambda: describe(ec2, endpoint["VpcEndpointId"]), lambda e: e["State"] != "pending")
    assert failed["State"] == "failed"
    assert consumer_network["tiny"] in failed["FailureReason"]
    ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint["VpcEndpointId"]])
