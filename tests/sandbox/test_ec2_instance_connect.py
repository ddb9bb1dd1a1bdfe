"""EC2 Instance Connect endpoints: create, describe (ids, filters), tags, delete."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError
from sandbox.testing import error_code, unique, wait_until

pytestmark = pytest.mark.sandbox


@pytest.fixture
def network(aws_client):
    ec2 = aws_client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName=unique("eice"), Description="endpoint", VpcId=vpc)["GroupId"]
    return {"ec2": ec2, "vpc": vpc, "subnet": subnet, "group": group}


def describe(ec2, endpoint_id):
    return ec2.describe_instance_connect_endpoints(InstanceConnectEndpointIds=[endpoint_id])["InstanceConnectEndpoints"][0]


def test_endpoint_lifecycle(network, sandbox):
    ec2, name = network["ec2"], unique("eice")
    response = ec2.create_instance_connect_endpoint(
        SubnetId=network["subnet"], SecurityGroupIds=[network["group"]], PreserveClientIp=True,
        ClientToken=name,
        TagSpecifications=[{"ResourceType": "instance-connect-endpoint", "Tags": [{"Key": "Name", "Value": name}]}],
    )
    endpoint = response["InstanceConnectEndpoint"]
    endpoint_id = endpoint["InstanceConnectEndpointId"]
    account = sandbox["accounts"]["consumer"]["id"]
    assert re.fullmatch(r"eice-[0-9a-f]{17}", endpoint_id)
    assert endpoint["InstanceConnectEndpointArn"] == (
        f"arn:aws:ec2:{sandbox['region']}:{account}:instance-connect-endpoint/{endpoint_id}"
    )
    assert endpoint["State"] == "create-in-progress"
    assert (endpoint["SubnetId"], endpoint["VpcId"], endpoint["SecurityGroupIds"], endpoint["PreserveClientIp"]) == (
        network["subnet"], network["vpc"], [network["group"]], True
    )
    assert endpoint["OwnerId"] == account
    assert endpoint["DnsName"].startswith(endpoint_id + ".")
    assert endpoint["DnsName"].endswith(f".ec2-instance-connect-endpoint.{sandbox['region']}.amazonaws.com")
    assert endpoint["Tags"] == [{"Key": "Name", "Value": name}]
    interfaces = ec2.describe_network_interfaces(NetworkInterfaceIds=endpoint["NetworkInterfaceIds"])
    assert interfaces["NetworkInterfaces"][0]["SubnetId"] == network["subnet"]

    # The same client token gives back the same endpoint.
    again = ec2.create_instance_connect_endpoint(SubnetId=network["subnet"], ClientToken=name)
    assert again["InstanceConnectEndpoint"]["InstanceConnectEndpointId"] == endpoint_id

    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "create-complete")
    for filters in (
        [{"Name": "vpc-id", "Values": [network["vpc"]]}],
        [{"Name": "subnet-id", "Values": [network["subnet"]]}, {"Name": "state", "Values": ["create-complete"]}],
        [{"Name": "tag:Name", "Values": [name]}],
        [{"Name": "instance-connect-endpoint-id", "Values": [endpoint_id]}],
    ):
        found = ec2.describe_instance_connect_endpoints(Filters=filters)["InstanceConnectEndpoints"]
        assert [e["InstanceConnectEndpointId"] for e in found] == [endpoint_id], filters
    assert ec2.describe_instance_connect_endpoints(
        Filters=[{"Name": "tag:Name", "Values": ["someone-else"]}]
    )["InstanceConnectEndpoints"] == []

    ec2.create_tags(Resources=[endpoint_id], Tags=[{"Key": "team", "Value": "net"}])
    ec2.delete_tags(Resources=[endpoint_id], Tags=[{"Key": "Name"}])
    assert describe(ec2, endpoint_id)["Tags"] == [{"Key": "team", "Value": "net"}]

    deleted = ec2.delete_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id)["InstanceConnectEndpoint"]
    assert deleted["State"] == "delete-in-progress"
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "delete-complete")
    assert ec2.describe_network_interfaces(
        Filters=[{"Name": "network-interface-id", "Values": endpoint["NetworkInterfaceIds"]}]
    )["NetworkInterfaces"] == []


def test_endpoint_defaults_and_errors(network):
    ec2 = network["ec2"]
    endpoint = ec2.create_instance_connect_endpoint(SubnetId=network["subnet"])["InstanceConnectEndpoint"]
    default_group = ec2.describe_security_groups(
        Filters=[{"Name": "vpc-id", "Values": [network["vpc"]]}, {"Name": "group-name", "Values": ["default"]}]
    )["SecurityGroups"][0]["GroupId"]
    assert endpoint["SecurityGroupIds"] == [default_group]
    assert endpoint["PreserveClientIp"] is False
    for call, code in (
        (lambda: ec2.create_instance_connect_endpoint(SubnetId="subnet-0123456789abcdef0"), "InvalidSubnetID.NotFound"),
        (lambda: ec2.describe_instance_connect_endpoints(InstanceConnectEndpointIds=["eice-0123456789abcdef0"]),
         "InvalidInstanceConnectEndpointId.NotFound"),
        (lambda: ec2.delete_instance_connect_endpoint(InstanceConnectEndpointId="eice-0123456789abcdef0"),
         "InvalidInstanceConnectEndpointId.NotFound"),
    ):
        with pytest.raises(ClientError) as error:
            call()
        assert error_code(error) == code
    with pytest.raises(ClientError) as error:
        ec2.create_instance_connect_endpoint(SubnetId=network["subnet"], DryRun=True)
    assert error_code(error) == "DryRunOperation"


def test_modify_endpoint(network):
    """ModifyInstanceConnectEndpoint replaces the groups and PreserveClientIp in place, asynchronously."""
    ec2 = network["ec2"]
    second = ec2.create_security_group(GroupName=unique("eice"), Description="second", VpcId=network["vpc"])["GroupId"]
    endpoint = ec2.create_instance_connect_endpoint(
        SubnetId=network["subnet"], SecurityGroupIds=[network["group"]]
    )["InstanceConnectEndpoint"]
    endpoint_id = endpoint["InstanceConnectEndpointId"]

    # AWS refuses a change while the endpoint is still being created.
    with pytest.raises(ClientError) as error:
        ec2.modify_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id, PreserveClientIp=True)
    assert error_code(error) == "IncorrectState"
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "create-complete")

    response = ec2.modify_instance_connect_endpoint(
        InstanceConnectEndpointId=endpoint_id, SecurityGroupIds=[second], PreserveClientIp=True
    )
    assert response["Return"] is True
    updating = describe(ec2, endpoint_id)
    assert updating["State"] == "update-in-progress"
    assert (updating["SecurityGroupIds"], updating["PreserveClientIp"]) == ([second], True)
    with pytest.raises(ClientError) as error:
        ec2.modify_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id, PreserveClientIp=False)
    assert error_code(error) == "IncorrectState"

    updated = wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] != "update-in-progress")
    assert updated["State"] == "update-complete"
    assert (updated["SecurityGroupIds"], updated["PreserveClientIp"], updated["SubnetId"]) == (
        [second], True, network["subnet"]
    )
    interface = ec2.describe_network_interfaces(NetworkInterfaceIds=updated["NetworkInterfaceIds"])["NetworkInterfaces"][0]
    assert [group["GroupId"] for group in interface["Groups"]] == [second]

    # Only what the request names changes.
    ec2.modify_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id, PreserveClientIp=False)
    updated = wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "update-complete")
    assert (updated["SecurityGroupIds"], updated["PreserveClientIp"]) == ([second], False)


def test_modify_endpoint_errors(network, aws_client):
    ec2 = network["ec2"]
    other_vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
    foreign_group = ec2.create_security_group(GroupName=unique("eice"), Description="x", VpcId=other_vpc)["GroupId"]
    endpoint_id = ec2.create_instance_connect_endpoint(SubnetId=network["subnet"])["InstanceConnectEndpoint"][
        "InstanceConnectEndpointId"
    ]
    wait_until(lambda: describe(ec2, endpoint_id), lambda e: e["State"] == "create-complete")
    for kwargs, code in (
        ({"InstanceConnectEndpointId": "eice-0123456789abcdef0", "PreserveClientIp": True},
         "InvalidInstanceConnectEndpointId.NotFound"),
        ({"SecurityGroupIds": ["sg-0123456789abcdef0"]}, "InvalidGroup.NotFound"),
        ({"SecurityGroupIds": [foreign_group]}, "InvalidParameter"),
        ({"IpAddressType": "dualstack", "PreserveClientIp": True}, "InvalidParameterCombination"),
        ({"PreserveClientIp": True, "DryRun": True}, "DryRunOperation"),
    ):
        with pytest.raises(ClientError) as error:
            ec2.modify_instance_connect_endpoint(**{"InstanceConnectEndpointId": endpoint_id, **kwargs})
        assert error_code(error) == code, kwargs
    # None of the refused requests changed anything.
    endpoint = describe(ec2, endpoint_id)
    assert (endpoint["State"], endpoint["PreserveClientIp"], endpoint["IpAddressType"]) == (
        "create-complete", False, "ipv4"
    )
    # Another account cannot modify the endpoint: it does not exist there.
    with pytest.raises(ClientError) as error:
        aws_client("provider", "ec2").modify_instance_connect_endpoint(
            InstanceConnectEndpointId=endpoint_id, PreserveClientIp=True
        )
    assert error_code(error) == "InvalidInstanceConnectEndpointId.NotFound"

    ec2.delete_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id)
    with pytest.raises(ClientError) as error:
        ec2.modify_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id, PreserveClientIp=True)
    assert error_code(error) == "IncorrectState"
