"""Test helper: builds the reference pattern with boto3 in the sandbox, for the data-plane tests.

Provider: IAM role, the reference Lambda (roles/provider/files/lambda), a service,
a LAMBDA target group, an HTTPS 443 listener, Lattice's invoke permission, a RAM
share to the consumer. Consumer: VPC, subnet, security groups, an instance with
an instance profile allowed to invoke, a service network, both associations.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from ..testing import unique, wait_status, wait_until
from .cli import post

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_FUNCTION = ROOT / "roles/provider/files/lambda"
LAMBDA_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
EC2_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}
MESSAGE = "Hello from Lambda Function!!"


def zip_of(path: Path) -> bytes:
    """The function's archive, built as the provider role builds it."""
    spec = importlib.util.spec_from_file_location("package_function", ROOT / "roles/provider/files/package_function.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(str(path))


def zip_source(source: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", source)
    return buffer.getvalue()


class Pattern:
    def __init__(self, sandbox: dict[str, Any], aws_client: Any) -> None:
        self.sandbox, self.client = sandbox, aws_client
        self.ids = {name: account["id"] for name, account in sandbox["accounts"].items()}
        self.lattice = {name: aws_client(name, "vpc-lattice") for name in ("provider", "consumer")}
        self.ec2 = aws_client("consumer", "ec2")

    # provider ---------------------------------------------------------------
    def function(self, code: bytes | None = None, name: str | None = None) -> str:
        iam, name = self.client("provider", "iam"), name or unique("fn")
        role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST))["Role"]["Arn"]
        return self.client("provider", "lambda").create_function(
            FunctionName=name, Runtime="python3.12", Role=role, Handler="index.lambda_handler",
            Code={"ZipFile": code or zip_of(REFERENCE_FUNCTION)},
        )["FunctionArn"]

    def lambda_target_group(self, function_arn: str, version: str = "V1", permit: bool = True) -> dict[str, Any]:
        lattice = self.lattice["provider"]
        created = lattice.create_target_group(
            name=unique("lambda"), type="LAMBDA",
            config={"lambdaEventStructureVersion": version},
        )
        group = wait_status(lambda: lattice.get_target_group(targetGroupIdentifier=created["id"]))
        lattice.register_targets(targetGroupIdentifier=group["id"], targets=[{"id": function_arn}])
        if permit:
            self.client("provider", "lambda").add_permission(
                FunctionName=function_arn, StatementId=unique("lattice"), Action="lambda:InvokeFunction",
                Principal="vpc-lattice.amazonaws.com", SourceArn=group["arn"],
            )
        return group

    def service(self, auth_type: str = "NONE", version: str = "V1", code: bytes | None = None,
                permit: bool = True, **create_options: Any) -> dict[str, Any]:
        """``create_options``: more CreateService members (customDomainName, certificateArn...)."""
        lattice = self.lattice["provider"]
        created = lattice.create_service(name=unique("orders"), authType=auth_type, **create_options)
        service = wait_status(lambda: lattice.get_service(serviceIdentifier=created["id"]))
        group = self.lambda_target_group(self.function(code), version, permit)
        listener = lattice.create_listener(
            serviceIdentifier=service["id"], name="https", protocol="HTTPS", port=443,
            defaultAction={"forward": {"targetGroups": [{"targetGroupIdentifier": group["id"]}]}},
        )
        return {**service, "target_group": group, "listener": listener}

    def share(self, service: dict[str, Any]) -> str:
        ram = self.client("provider", "ram")
        arn = ram.create_resource_share(
            name=unique("share"), resourceArns=[service["arn"]], principals=[self.ids["consumer"]],
        )["resourceShare"]["resourceShareArn"]
        consumer_ram = self.client("consumer", "ram")
        wait_until(
            lambda: consumer_ram.list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"],
            lambda found: any(r["arn"] == service["arn"] for r in found),
        )
        return arn

    # consumer ---------------------------------------------------------------
    def instance_profile(self, resources: str = "*") -> str:
        iam, name = self.client("consumer", "iam"), unique("client")
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(EC2_TRUST))
        iam.put_role_policy(RoleName=name, PolicyName="invoke", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "vpc-lattice-svcs:Invoke", "Resource": resources}],
        }))
        profile = iam.create_instance_profile(InstanceProfileName=name)["InstanceProfile"]["Arn"]
        iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=name)
        return profile

    def network(self) -> dict[str, Any]:
        ec2 = self.ec2
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.0.0/24")["Subnet"]["SubnetId"]
        instance_sg = ec2.create_security_group(GroupName=unique("instance"), Description="i", VpcId=vpc)["GroupId"]
        lattice_sg = ec2.create_security_group(GroupName=unique("lattice"), Description="l", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=lattice_sg, IpPermissions=[{
            "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": instance_sg}],
        }])
        image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        instance = ec2.run_instances(
            ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=subnet,
            SecurityGroupIds=[instance_sg], IamInstanceProfile={"Arn": self.instance_profile()},
        )["Instances"][0]["InstanceId"]
        # Pending first, as on AWS: the data plane runs a command only on a running instance.
        wait_until(lambda: [i["State"]["Name"] for r in ec2.describe_instances(
            Filters=[{"Name": "instance-id", "Values": [instance]}])["Reservations"] for i in r["Instances"]],
            lambda states: states == ["running"])
        return {"vpc": vpc, "subnet": subnet, "instance_sg": instance_sg, "lattice_sg": lattice_sg,
                "instance": instance}

    def service_network(self, auth_type: str = "NONE") -> dict[str, Any]:
        return self.lattice["consumer"].create_service_network(name=unique("net"), authType=auth_type)

    def associate_vpc(self, network: dict[str, Any], vpc: dict[str, Any]) -> dict[str, Any]:
        lattice = self.lattice["consumer"]
        created = lattice.create_service_network_vpc_association(
            serviceNetworkIdentifier=network["id"], vpcIdentifier=vpc["vpc"], securityGroupIds=[vpc["lattice_sg"]],
        )
        return wait_status(lambda: lattice.get_service_network_vpc_association(
            serviceNetworkVpcAssociationIdentifier=created["id"]))

    def associate_service(self, network: dict[str, Any], service: dict[str, Any]) -> dict[str, Any]:
        lattice = self.lattice["consumer"]
        created = lattice.create_service_network_service_association(
            serviceNetworkIdentifier=network["id"], serviceIdentifier=service["arn"],
        )
        return wait_status(lambda: lattice.get_service_network_service_association(
            serviceNetworkServiceAssociationIdentifier=created["id"]))

    def build(self, service_auth: str = "NONE", network_auth: str = "NONE", **service_options: Any) -> dict[str, Any]:
        """The whole pattern, one service shared with the consumer, everything ACTIVE."""
        service = self.service(service_auth, **service_options)
        share = self.share(service)
        vpc = self.network()
        network = self.service_network(network_auth)
        vpc_association = self.associate_vpc(network, vpc)
        service_association = self.associate_service(network, service)
        return {"service": service, "share": share, "vpc": vpc, "network": network,
                "vpc_association": vpc_association, "service_association": service_association,
                "url": f"https://{service['dnsEntry']['domainName']}", "instance": vpc["instance"]}

    def private_zone(self, name: str, vpc: dict[str, Any], account: str = "consumer") -> str:
        """A Route 53 private hosted zone for ``name`` associated with the VPC; its ID."""
        return self.client(account, "route53").create_hosted_zone(
            Name=name, CallerReference=unique("zone"), HostedZoneConfig={"PrivateZone": True},
            VPC={"VPCRegion": self.sandbox["region"], "VPCId": vpc["vpc"]},
        )["HostedZone"]["Id"]

    def alias(self, zone_id: str, name: str, dns_entry: dict[str, str], types: tuple[str, ...] = ("A", "AAAA"),
              account: str = "consumer") -> None:
        """Alias records ``name`` -> the service's generated name in ``zone_id``."""
        self.client(account, "route53").change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
            {"Action": "UPSERT", "ResourceRecordSet": {
                "Name": name, "Type": record_type, "AliasTarget": {
                    "DNSName": dns_entry["domainName"], "HostedZoneId": dns_entry["hostedZoneId"],
                    "EvaluateTargetHealth": False}}}
            for record_type in types
        ]})

    # data plane -------------------------------------------------------------
    def request(self, instance: str, url: str, **options: Any) -> dict[str, Any]:
        return post(self.sandbox["endpoint_url"], {"instance": instance, "url": url, **options})

    def allow_all_policy(self, principal: Any) -> str:
        return json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": principal, "Action": "vpc-lattice-svcs:Invoke", "Resource": "*",
        }]})
