"""The data plane for VPC resources: a TCP connection from a consumer instance to a resource configuration
a provider shares, through the consumer's VPC association (DNS, security groups, port ranges, private DNS,
the resource gateway's security groups, RAM) or through a ServiceNetwork VPC endpoint."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sandbox.dataplane.cli import post
from sandbox.dataplane.testing import Pattern
from sandbox.testing import unique, wait_status, wait_until

pytestmark = pytest.mark.sandbox


def tcp(sandbox, instance, target):
    return post(sandbox["endpoint_url"], {"instance": instance, "tcp": target})


@pytest.fixture
def shared_database(sandbox, aws_client):
    """A consumer instance whose network reaches a provider database (10.30.1.10, port 5432, custom domain
    db.orders.example) shared through RAM; the consumer's Lattice security group lets in 443 only."""
    pattern = Pattern(sandbox, aws_client)
    provider, consumer = pattern.lattice["provider"], pattern.lattice["consumer"]
    ec2 = aws_client("provider", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.30.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName=unique("rgw"), Description="gateway", VpcId=vpc)["GroupId"]
    gateway = provider.create_resource_gateway(
        name=unique("gw"), vpcIdentifier=vpc, subnetIds=[subnet], securityGroupIds=[group])
    wait_status(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=gateway["id"]))
    verification = provider.start_domain_verification(domainName="orders.example")
    config = provider.create_resource_configuration(
        name=unique("db"), type="SINGLE", resourceGatewayIdentifier=gateway["id"], portRanges=["5432"],
        protocol="TCP", resourceConfigurationDefinition={"ipResource": {"ipAddress": "10.30.1.10"}},
        customDomainName="db.orders.example", domainVerificationIdentifier=verification["id"],
    )
    wait_status(lambda: provider.get_resource_configuration(resourceConfigurationIdentifier=config["id"]))
    share = aws_client("provider", "ram").create_resource_share(
        name=unique("share"), resourceArns=[config["arn"]], principals=[pattern.ids["consumer"]])["resourceShare"]
    client_vpc = pattern.network()
    network = pattern.service_network()
    vpc_association = pattern.associate_vpc(network, client_vpc)
    created = consumer.create_service_network_resource_association(
        serviceNetworkIdentifier=network["id"], resourceConfigurationIdentifier=config["arn"], privateDnsEnabled=True)
    association = wait_status(lambda: consumer.get_service_network_resource_association(
        serviceNetworkResourceAssociationIdentifier=created["id"]))
    return {"pattern": pattern, "instance": client_vpc["instance"], "vpc": client_vpc, "gateway_group": group,
            "provider_ec2": ec2, "host": association["dnsEntry"]["domainName"], "share": share,
            "vpc_association": vpc_association, "network": network, "config": config,
            "verification": verification, "association": association}


def test_tcp_to_a_shared_resource(shared_database, sandbox, aws_client, calls):
    built, instance = shared_database, shared_database["instance"]
    host = built["host"]
    consumer_ec2 = aws_client("consumer", "ec2")

    # the VPC association's security group lets in 443 only: the SYN goes unanswered
    assert tcp(sandbox, instance, f"{host}:5432")["exit_code"] == 28
    consumer_ec2.authorize_security_group_ingress(GroupId=built["vpc"]["lattice_sg"], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "UserIdGroupPairs": [{"GroupId": built["vpc"]["instance_sg"]}],
    }])
    since = calls.mark()
    opened = tcp(sandbox, instance, f"{host}:5432")
    assert (opened["exit_code"], opened["message"]) == (0, f"Connected to {host} port 5432")
    assert [(c["service"], c["operation"]) for c in calls(since)] == [("vpc-lattice-svcs", "Connect")]
    # a port outside the configuration's port ranges is refused
    assert tcp(sandbox, instance, f"{host}:5433")["exit_code"] == 7
    # names nothing associates do not resolve; nor does the custom domain without private DNS on the VPC
    assert tcp(sandbox, instance, "nowhere.vpc-lattice-rsc.eu-west-1.on.aws:5432")["exit_code"] == 6
    assert tcp(sandbox, instance, "db.orders.example:5432")["exit_code"] == 6

    lattice = aws_client("consumer", "vpc-lattice")
    check_verified_domain(built, sandbox, aws_client)
    lattice.update_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=built["vpc_association"]["id"], privateDnsEnabled=True,
        dnsOptions={"privateDnsPreference": "SPECIFIED_DOMAINS_ONLY", "privateDnsSpecifiedDomains": ["*.orders.example"]})
    wait_status(lambda: lattice.get_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=built["vpc_association"]["id"]))
    assert tcp(sandbox, instance, "db.orders.example:5432")["exit_code"] == 0

    # the gateway's security group lets TCP out only to another subnet: the connection times out
    ec2, group = built["provider_ec2"], built["gateway_group"]
    ec2.revoke_security_group_egress(GroupId=group, IpPermissions=[{"IpProtocol": "-1",
                                                                    "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ec2.authorize_security_group_egress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.30.9.0/24"}]}])
    assert tcp(sandbox, instance, f"{host}:5432")["exit_code"] == 28
    ec2.authorize_security_group_egress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.30.1.0/24"}]}])

    state_dir = sandbox["aws_config_file"].rsplit("/", 1)[0]
    command = [sys.executable, "-m", "sandbox", "request", "--state-dir", state_dir, "--instance", instance, "--tcp"]
    done = subprocess.run([*command, f"{host}:5432"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"Connected to {host} port 5432"), done.stderr

    check_through_a_service_network_endpoint(built, sandbox, aws_client)

    # once the share is gone, the consumer's network no longer reaches the resource
    aws_client("provider", "ram").delete_resource_share(resourceShareArn=built["share"]["resourceShareArn"])
    done = subprocess.run([*command, f"{host}:5432"], capture_output=True, text=True, check=False)
    assert done.returncode == 6 and "Could not resolve host" in done.stderr


def check_verified_domain(built, sandbox, aws_client):
    """Private DNS on the VPC association with the default preference, VERIFIED_DOMAINS_ONLY: the custom
    domain resolves only while the provider's domain verification is VERIFIED (its TXT record exists in a
    public zone). (Part of the test above.)"""
    lattice, instance = aws_client("consumer", "vpc-lattice"), built["instance"]
    association_id = built["vpc_association"]["id"]
    lattice.update_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=association_id, privateDnsEnabled=True)
    wait_status(lambda: lattice.get_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=association_id))
    assert tcp(sandbox, instance, "db.orders.example:5432")["exit_code"] == 6
    txt = built["verification"]["txtMethodConfig"]
    route53 = aws_client("provider", "route53")
    zone = route53.create_hosted_zone(Name="orders.example", CallerReference=unique("z"))["HostedZone"]["Id"]
    change = {"Name": f"{txt['name']}.orders.example", "Type": "TXT", "TTL": 300,
              "ResourceRecords": [{"Value": f'"{txt["value"]}"'}]}
    route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
        {"Action": "CREATE", "ResourceRecordSet": change}]})
    assert tcp(sandbox, instance, "db.orders.example:5432")["exit_code"] == 0
    assert lattice.get_service_network_resource_association(serviceNetworkResourceAssociationIdentifier=built[
        "association"]["id"])["domainVerificationStatus"] == "VERIFIED"
    route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
        {"Action": "DELETE", "ResourceRecordSet": change}]})
    assert tcp(sandbox, instance, "db.orders.example:5432")["exit_code"] == 6


def check_through_a_service_network_endpoint(built, sandbox, aws_client):
    """Another VPC of the consumer reaches the same network through a ServiceNetwork endpoint: the resource
    answers there under the endpoint's name for it (DescribeVpcEndpointAssociations), behind the endpoint's
    security groups. (Part of the test above: one build of the shared database proves both ways in.)"""
    ec2 = aws_client("consumer", "ec2")
    other = built["pattern"].network()
    endpoint_id = ec2.create_vpc_endpoint(
        VpcEndpointType="ServiceNetwork", VpcId=other["vpc"], ServiceNetworkArn=built["network"]["arn"],
        SubnetIds=[other["subnet"]], SecurityGroupIds=[other["lattice_sg"]],
    )["VpcEndpoint"]["VpcEndpointId"]
    wait_until(lambda: ec2.describe_vpc_endpoints(VpcEndpointIds=[endpoint_id])["VpcEndpoints"][0]["State"],
               lambda state: state == "available")
    listed = [a for a in ec2.describe_vpc_endpoint_associations(VpcEndpointIds=[endpoint_id])["VpcEndpointAssociations"]
              if a["AssociatedResourceArn"] == built["config"]["arn"]]
    assert [(a["ServiceNetworkArn"], a["DnsEntry"]["DnsName"]) for a in listed] == [
        (built["network"]["arn"], f"{endpoint_id}-{built['host']}")]
    name = listed[0]["DnsEntry"]["DnsName"]

    # the endpoint's security group lets in 443 only
    assert tcp(sandbox, other["instance"], f"{name}:5432")["exit_code"] == 28
    ec2.authorize_security_group_ingress(GroupId=other["lattice_sg"], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "UserIdGroupPairs": [{"GroupId": other["instance_sg"]}],
    }])
    opened = tcp(sandbox, other["instance"], f"{name}:5432")
    assert (opened["exit_code"], opened["message"]) == (0, f"Connected to {name} port 5432")
    assert tcp(sandbox, other["instance"], f"{name}:5433")["exit_code"] == 7
    # the association's own name answers only through a VPC association, the endpoint's only in its VPC
    assert tcp(sandbox, other["instance"], f"{built['host']}:5432")["exit_code"] == 6
    assert tcp(sandbox, built["instance"], f"{name}:5432")["exit_code"] == 6
    # a deleted endpoint carries nothing
    ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint_id])
    assert tcp(sandbox, other["instance"], f"{name}:5432")["exit_code"] == 6
