"""The data plane through a VPC endpoint of type ServiceNetwork: the endpoint's names, and its security groups."""

from __future__ import annotations

import json

import pytest

from sandbox.testing import unique, wait_until

from sandbox.dataplane.testing import MESSAGE, Pattern

pytestmark = pytest.mark.sandbox


@pytest.fixture
def pattern(sandbox, aws_client):
    return Pattern(sandbox, aws_client)


# measured: 21 s alone (the pattern's build is most of it)
@pytest.mark.slow(21)
def test_service_through_a_service_network_endpoint(pattern):
    built = pattern.build()
    ec2 = pattern.ec2
    # a second VPC of the consumer reaches the same network through an endpoint, not an association
    other = pattern.network()
    endpoint_id = ec2.create_vpc_endpoint(
        VpcEndpointType="ServiceNetwork", VpcId=other["vpc"], ServiceNetworkArn=built["network"]["arn"],
        SubnetIds=[other["subnet"]], SecurityGroupIds=[other["lattice_sg"]],
    )["VpcEndpoint"]["VpcEndpointId"]
    wait_until(lambda: ec2.describe_vpc_endpoints(VpcEndpointIds=[endpoint_id])["VpcEndpoints"][0]["State"],
               lambda state: state == "available")
    names = [a["DnsEntry"]["DnsName"] for a in ec2.describe_vpc_endpoint_associations(
        VpcEndpointIds=[endpoint_id])["VpcEndpointAssociations"]]
    assert len(names) == 1

    answer = pattern.request(other["instance"], f"https://{names[0]}")
    assert answer["status"] == 200, (answer["error"], answer)
    assert json.loads(answer["body"]) == {"message": MESSAGE}
    # the service's own name answers only where a VPC association carries it
    assert pattern.request(other["instance"], built["url"])["exit_code"] == 6
    # and the endpoint's name only in the endpoint's VPC
    assert pattern.request(built["instance"], f"https://{names[0]}")["exit_code"] == 6

    # the endpoint's security groups must let the client in
    closed = ec2.create_security_group(GroupName=unique("closed"), Description="no ingress", VpcId=other["vpc"])
    ec2.modify_vpc_endpoint(VpcEndpointId=endpoint_id, AddSecurityGroupIds=[closed["GroupId"]],
                            RemoveSecurityGroupIds=[other["lattice_sg"]])
    wait_until(lambda: ec2.describe_vpc_endpoints(VpcEndpointIds=[endpoint_id])["VpcEndpoints"][0]["State"],
               lambda state: state == "available")
    assert pattern.request(other["instance"], f"https://{names[0]}")["exit_code"] == 28
    ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint_id])
