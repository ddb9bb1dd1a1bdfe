"""Every answer the sandbox gives during a deploy-like run satisfies the botocore output shapes.

boto3 parses leniently; the Go, Java and Rust SDKs do not (a restJson1 timestamp sent
as a string, an unknown enum value, a missing required member make them fail). The
run below drives what the collection does across VPC Lattice, RAM, EC2 (with
Instance Connect), IAM, Lambda, STS and Organizations, records every raw response
(botocore's before-parse event, sandbox/wire.py) and checks each one against the model.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from sandbox.testing import unique, wait_status, wait_until
from sandbox.wire import Answer, WireRecorder, all_violations, violations

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return {'statusCode': 200}\n")
    return buffer.getvalue()


@pytest.fixture
def recorded(aws_client):
    recorder = WireRecorder()

    def client(profile, service):
        return recorder.attach(aws_client(profile, service))

    return recorder, client


def provider_side(client, sandbox):
    """What the provider role does: IAM role, Lambda, target group, service, listener, rule, share."""
    iam, lam = client("provider", "iam"), client("provider", "lambda")
    lattice, ram = client("provider", "vpc-lattice"), client("provider", "ram")
    name = unique("orders")
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)["Role"]
    iam.attach_role_policy(RoleName=name, PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
    iam.get_role(RoleName=name)
    iam.list_attached_role_policies(RoleName=name)
    function = lam.create_function(FunctionName=name, Runtime="python3.12", Role=role["Arn"],
                                   Handler="index.handler", Code={"ZipFile": _zip()})
    lam.get_function(FunctionName=name)
    lam.get_function_configuration(FunctionName=name)
    group = lattice.create_target_group(name=name, type="LAMBDA", config={"lambdaEventStructureVersion": "V2"})
    wait_status(lambda: lattice.get_target_group(targetGroupIdentifier=group["id"]))
    lam.add_permission(FunctionName=name, StatementId="lattice", Action="lambda:InvokeFunction",
                       Principal="vpc-lattice.amazonaws.com", SourceArn=group["arn"])
    lam.get_policy(FunctionName=name)
    lattice.register_targets(targetGroupIdentifier=group["id"], targets=[{"id": function["FunctionArn"]}])
    lattice.list_targets(targetGroupIdentifier=group["id"])
    service = lattice.create_service(name=name, authType="AWS_IAM", tags={"app": "orders"})
    wait_status(lambda: lattice.get_service(serviceIdentifier=service["id"]))
    lattice.put_auth_policy(resourceIdentifier=service["id"], policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "vpc-lattice-svcs:Invoke", "Resource": "*"}]}))
    lattice.get_auth_policy(resourceIdentifier=service["id"])
    forward = {"forward": {"targetGroups": [{"targetGroupIdentifier": group["id"]}]}}
    listener = lattice.create_listener(serviceIdentifier=service["id"], name="https", protocol="HTTPS",
                                       defaultAction=forward)
    lattice.get_listener(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])
    lattice.list_listeners(serviceIdentifier=service["id"])
    rule = lattice.create_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], name="missing",
                               priority=10, match={"httpMatch": {"pathMatch": {"match": {"prefix": "/gone"}}}},
                               action={"fixedResponse": {"statusCode": 404}})
    lattice.get_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], ruleIdentifier=rule["id"])
    lattice.list_rules(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])
    lattice.list_services()
    lattice.list_target_groups()
    lattice.get_target_group(targetGroupIdentifier=group["id"])
    lattice.list_tags_for_resource(resourceArn=service["arn"])
    share = ram.create_resource_share(name=name, resourceArns=[service["arn"]],
                                      principals=[sandbox["organization"]["arn"]], tags=[{"key": "app", "value": "x"}])
    share_arn = share["resourceShare"]["resourceShareArn"]
    ram.get_resource_shares(resourceOwner="SELF", name=name)
    ram.get_resource_share_associations(associationType="PRINCIPAL", resourceShareArns=[share_arn])
    ram.get_resource_share_associations(associationType="RESOURCE", resourceShareArns=[share_arn])
    ram.list_resource_share_permissions(resourceShareArn=share_arn)
    ram.list_permissions(resourceType="vpc-lattice:Service")
    ram.get_permission(permissionArn=ram.list_resource_share_permissions(
        resourceShareArn=share_arn)["permissions"][0]["arn"])
    ram.list_principals(resourceOwner="SELF", resourceShareArns=[share_arn])
    ram.list_resources(resourceOwner="SELF", resourceShareArns=[share_arn])
    return service, share_arn


def consumer_side(client, service):
    """What the consumer role does: VPC, subnets, security groups, instance, endpoint, network, associations."""
    ec2, lattice, ram = client("consumer", "ec2"), client("consumer", "vpc-lattice"), client("consumer", "ram")
    ram.get_resource_shares(resourceOwner="OTHER-ACCOUNTS")
    ram.list_resources(resourceOwner="OTHER-ACCOUNTS")
    ram.get_resource_share_invitations()
    vpc = ec2.create_vpc(CidrBlock="10.42.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]
    ec2.describe_vpcs(VpcIds=[vpc["VpcId"]])
    ipv6 = wait_until(lambda: ec2.describe_vpcs(VpcIds=[vpc["VpcId"]])["Vpcs"][0],
                      lambda v: v.get("Ipv6CidrBlockAssociationSet"))["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
    subnet = ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock="10.42.1.0/24",
                               Ipv6CidrBlock=ipv6.replace("::/56", "::/64"))["Subnet"]
    ec2.describe_subnets(SubnetIds=[subnet["SubnetId"]])
    groups = [ec2.create_security_group(GroupName=unique("sg"), Description="lattice", VpcId=vpc["VpcId"])["GroupId"]
              for _index in range(2)]
    ec2.authorize_security_group_ingress(GroupId=groups[0], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
        "UserIdGroupPairs": [{"GroupId": groups[1], "Description": "from the instances"}]}])
    ec2.authorize_security_group_egress(GroupId=groups[1], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "x"}]}])
    ec2.describe_security_groups(GroupIds=groups)
    ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": groups}])
    # the consumer role reads the AMI from this public SSM parameter
    image = client("consumer", "ssm").get_parameter(
        Name="/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")["Parameter"]["Value"]
    instance = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1,
                                 SubnetId=subnet["SubnetId"], SecurityGroupIds=[groups[1]])["Instances"][0]
    ec2.describe_instances(InstanceIds=[instance["InstanceId"]])
    endpoint = ec2.create_instance_connect_endpoint(SubnetId=subnet["SubnetId"], SecurityGroupIds=[groups[1]])
    endpoint_id = endpoint["InstanceConnectEndpoint"]["InstanceConnectEndpointId"]
    ec2.describe_instance_connect_endpoints(InstanceConnectEndpointIds=[endpoint_id])
    network = lattice.create_service_network(name=unique("net"), authType="AWS_IAM")
    lattice.get_service_network(serviceNetworkIdentifier=network["id"])
    lattice.list_service_networks()
    lattice.get_service(serviceIdentifier=service["arn"])
    vpc_association = lattice.create_service_network_vpc_association(
        serviceNetworkIdentifier=network["id"], vpcIdentifier=vpc["VpcId"], securityGroupIds=[groups[0]])
    wait_status(lambda: lattice.get_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=vpc_association["id"]))
    lattice.list_service_network_vpc_associations(serviceNetworkIdentifier=network["id"])
    association = lattice.create_service_network_service_association(
        serviceNetworkIdentifier=network["id"], serviceIdentifier=service["arn"])
    wait_status(lambda: lattice.get_service_network_service_association(
        serviceNetworkServiceAssociationIdentifier=association["id"]))
    lattice.list_service_network_service_associations(serviceNetworkIdentifier=network["id"])
    # teardown, in the order the roles use
    lattice.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=association["id"])
    lattice.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=vpc_association["id"])
    ec2.delete_instance_connect_endpoint(InstanceConnectEndpointId=endpoint_id)
    ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])


def test_every_answer_of_a_deploy_like_run_satisfies_the_botocore_model(recorded, sandbox):
    recorder, client = recorded
    client("provider", "sts").get_caller_identity()
    client("management", "organizations").describe_organization()
    client("management", "organizations").list_accounts()
    client("management", "sts").assume_role(
        RoleArn=f"arn:aws:iam::{sandbox['accounts']['provider']['id']}:role/OrganizationAccountAccessRole",
        RoleSessionName="check")
    service, share_arn = provider_side(client, sandbox)
    consumer_side(client, service)
    client("provider", "ram").delete_resource_share(resourceShareArn=share_arn)

    services = {answer.operation.service_model.service_name for answer in recorder.answers}
    assert services >= {"vpc-lattice", "ram", "ec2", "iam", "lambda", "sts", "organizations"}
    assert len(recorder.answers) > 80
    problems = list(all_violations(recorder.answers))
    assert problems == [], "\n".join(problems)


def test_the_check_catches_what_a_strict_sdk_refuses(aws_client):
    """The checker itself: a string timestamp, a wrong enum, a missing required member, a bad ISO date."""
    ram = aws_client("provider", "ram").meta.service_model.operation_model("GetPermission")
    bad = json.dumps({"permission": {"creationTime": "2023-03-31 00:00:00.000000", "status": "USABLE"}})
    problems = violations(Answer(ram, 200, {}, bad.encode()))
    assert any("creationTime" in p and "epoch seconds" in p for p in problems)
    assert any("status" in p and "enum" in p for p in problems)
    lattice = aws_client("provider", "vpc-lattice")
    operation = lattice.meta.service_model.operation_model("GetService")  # Lattice's model says ISO 8601
    problems = violations(Answer(operation, 200, {}, json.dumps({"createdAt": 1700000000}).encode()))
    assert any("createdAt" in p and "ISO 8601" in p for p in problems)
    created = lattice.meta.service_model.operation_model("CreateAccessLogSubscription")
    assert any("required member destinationArn" in p for p in violations(Answer(created, 200, {}, b'{"id": "x"}')))
    ec2 = aws_client("provider", "ec2").meta.service_model.operation_model("DescribeInstanceConnectEndpoints")
    xml = (b"<DescribeInstanceConnectEndpointsResponse><instanceConnectEndpointSet><item>"
           b"<createdAt>yesterday</createdAt><state>nearly</state></item></instanceConnectEndpointSet>"
           b"</DescribeInstanceConnectEndpointsResponse>")
    problems = violations(Answer(ec2, 200, {}, xml))
    assert any("CreatedAt" in p and "ISO 8601" in p for p in problems)
    assert any("State" in p and "enum" in p for p in problems)
