"""End to end: the deploy / verify / teardown playbooks on private sandboxes, and the
checks the end-to-end tests share.

The checks follow the reference (../shared/seed/resources.md) row by row, with boto3,
account by account; the reference pattern itself is deployed by
test_reference_pattern.py. Here: a consumer outside the organization, a consumer
that waits for shares that never come, and two providers and two consumers
(inventories/sandbox-large) deployed, re-deployed without change, verified, read by
playbooks/status.yml (no drift, then exactly the changes made behind the collection's
back) and torn down under injected faults.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import ipaddress
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from botocore.config import Config

import instance_connect_stand_ins
from sandbox import control, testing
from sandbox.dataplane.cli import post

ROOT = Path(__file__).resolve().parents[2]
PYTHON_BIN = Path(sys.executable).parent
REGION = "eu-west-1"
DELAY = "0.2"
# The reference and the 2+2 deployments run under injected faults (issue 10): a fifth
# of the calls throttled and one in twenty failing inside, as AWS does under load.
FAULTS = "throttle=0.2,error=0.05"
# This test's own boto3 clients retry as the SDKs' standard mode advises, so that a
# throttled check is not mistaken for a wrong result.
RETRYING = Config(retries={"mode": "standard", "max_attempts": 10})

# The reference pattern (resources.md), as the defaults must reproduce it.
PROVIDER = {
    "role": "lambda-vpc-lattice-role",
    "managed_policy": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "function": "lambda-vpclattice-target",
    "runtime": "python3.13",
    "handler": "index.lambda_handler",
    "service": "service-vpclattice-distributed-service",
    "target_group": "target-lambda",
    "listener": "https-service-listener",
    "share": "service-resource-share",
}
CONSUMER = {
    "service_network": "service-network",
    "vpc_name": "consumer-vpc-vpclattice-distributed-consumer",
    "vpc_cidr": "10.0.0.0/16",
    # (IPv4 CIDR, AZ suffix, workload?) in IPv6 /64 order
    "subnets": [("10.0.0.0/24", "a", True), ("10.0.1.0/24", "b", True),
                ("10.0.2.0/24", "a", False), ("10.0.3.0/24", "b", False)],
    "instance_type": "t3.micro",
    "ami_parameter": "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
}
# The 2+2 test's consumers: a workload and an endpoints subnet in one AZ (consumer_subnets).
LARGE_LAYOUT = [("10.0.0.0/24", "a", True), ("10.0.2.0/24", "a", False)]
HANDLER_RESPONSE = {
    "statusCode": 200,
    "headers": {"Content-Type": "application/json"},
    "body": json.dumps({"message": "Hello from Lambda Function!!"}),
    "isBase64Encoded": False,
}


# ---------------------------------------------------------------- helpers

def start_sandbox(tmp_path_factory, name, accounts, external=(), **behaviour):
    """A private sandbox as hard as AWS (testing.AWS_LIKE), with ``behaviour`` on top (for example faults)."""
    state_dir = tmp_path_factory.mktemp(name)
    info = control.start(state_dir, control.free_port(), accounts=accounts, external=external, delay=float(DELAY),
                         **(testing.AWS_LIKE | behaviour))
    return state_dir, info


def playbook_command(info, name, inventory, *args, env_extra=None):
    """The command line and environment that run playbooks/<name>.yml (or a playbook path)
    with inventories/<inventory> (or an inventory path) on the sandbox ``info``."""
    env = dict(
        os.environ,
        AWS_CONFIG_FILE=info["aws_config_file"],
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        ANSIBLE_CONFIG=str(ROOT / "ansible.cfg"),
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_DEPRECATION_WARNINGS="0",
        PATH=f"{PYTHON_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION"):
        env.pop(var, None)
    env.update(env_extra or {})
    path = name if isinstance(name, Path) else ROOT / "playbooks" / f"{name}.yml"
    inventory = inventory if isinstance(inventory, Path) else ROOT / "inventories" / inventory
    return [str(PYTHON_BIN / "ansible-playbook"), str(path), "-i", str(inventory), *args], env


def playbook(info, name, inventory, *args, env_extra=None):
    """Run playbook_command(...) to its end; returns (returncode, output, recap)."""
    cmd, env = playbook_command(info, name, inventory, *args, env_extra=env_extra)
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    return result.returncode, output, recap(output)


def recap(output):
    """PLAY RECAP counters per host."""
    hosts = {}
    for line in output.split("PLAY RECAP", 1)[-1].splitlines():
        match = re.match(r"^(\S+)\s+:\s+(.*)$", line.strip())
        if match:
            hosts[match.group(1)] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", match.group(2))}
    return hosts


def failures(output):
    """The failed tasks of a run (their TASK line and error), for assertion messages."""
    blocks = re.split(r"\n(?=TASK \[|PLAY \[|PLAY RECAP)", output)
    return "\n".join(b[:3000] for b in blocks if "fatal: [" in b or "failed: [" in b or "[ERROR]" in b)


def ok(result):
    returncode, output, _recap = result
    assert returncode == 0, failures(output) + "\n...\n" + output[-5000:]
    return result


def changed(result):
    return {host: counters["changed"] for host, counters in result[2].items()}


def changed_tasks(result, host):
    """The names of the tasks that reported a change on ``host`` (role prefix left out)."""
    names = set()
    for block in re.split(r"\n(?=TASK \[)", result[1]):
        title = re.match(r"TASK \[(?:[^:\]]+ : )?([^\]]+)\]", block)
        if title and re.search(rf"^changed: \[{re.escape(host)}\]", block, flags=re.MULTILINE):
            names.add(title.group(1))
    return names


def plan(result):
    """The per-account lines of the plan_summary callback (plugins/callback/plan_summary.py)."""
    block = result[1].rsplit("PLAN (check mode", 1)[-1] if "PLAN (check mode" in result[1] else ""
    return dict(re.findall(r"^(\S+): (.+)$", block, flags=re.MULTILINE))


class Account:
    def __init__(self, info, profile):
        self.info = info
        self.profile = profile
        self.id = info["accounts"][profile]["id"]

    def __call__(self, service):
        return testing.client(self.info, self.profile, service, config=RETRYING)


def non_default_vpcs(ec2):
    return [v for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]


def live_instances(ec2):
    reservations = ec2.describe_instances(
        Filters=[{"Name": "instance-state-name", "Values": ["pending", "running", "stopping", "stopped"]}])["Reservations"]
    return [i for r in reservations for i in r["Instances"]]


def rule_strings(permissions):
    """'<protocol> <from>-<to> <peer>' per peer, as in roles/consumer/tasks/verify_vpc.yml."""
    rules = []
    for p in permissions:
        ports = f"{p['FromPort']}-{p['ToPort']}" if "FromPort" in p else "all"
        peers = ([g["GroupId"] for g in p.get("UserIdGroupPairs", [])]
                 + [r["CidrIp"] for r in p.get("IpRanges", [])]
                 + [r["CidrIpv6"] for r in p.get("Ipv6Ranges", [])])
        rules += [f"{p['IpProtocol']} {ports} {peer}" for peer in peers]
    return sorted(rules)


def packaged_handler_zip():
    """The archive the provider role uploads (built by its own packaging script)."""
    script = ROOT / "roles" / "provider" / "files" / "package_function.py"
    source = ROOT / "roles" / "provider" / "files" / "lambda" / "index.py"
    path = subprocess.run([sys.executable, str(script), str(source)], capture_output=True, text=True,
                          check=True).stdout.strip()
    return Path(path).read_bytes()


# ---------------------------------------------------------------- the reference, row by row

def check_provider(account, *, service=PROVIDER["service"], function=PROVIDER["function"],
                   target_group=PROVIDER["target_group"], auth_type="NONE", principals=None, org_arn=None,
                   shared_resources=()):
    """Every provider row of resources.md; returns the service ARN and its auth policy (None for auth type NONE).
    ``shared_resources``: names of the provider's resource configurations its share also holds."""
    iam, lam, lattice, ram = account("iam"), account("lambda"), account("vpc-lattice"), account("ram")

    role = iam.get_role(RoleName=PROVIDER["role"])["Role"]
    trust = role["AssumeRolePolicyDocument"]
    if isinstance(trust, str):
        trust = json.loads(trust)
    assert [s["Principal"] for s in trust["Statement"]] == [{"Service": "lambda.amazonaws.com"}]
    assert [s["Action"] for s in trust["Statement"]] == ["sts:AssumeRole"]
    attached = iam.list_attached_role_policies(RoleName=PROVIDER["role"])["AttachedPolicies"]
    assert [p["PolicyArn"] for p in attached] == [PROVIDER["managed_policy"]]

    fn = lam.get_function(FunctionName=function)["Configuration"]
    assert (fn["Runtime"], fn["Handler"], fn["Role"]) == (PROVIDER["runtime"], PROVIDER["handler"], role["Arn"])
    code = packaged_handler_zip()
    assert fn["CodeSha256"] == base64.b64encode(hashlib.sha256(code).digest()).decode()

    # ListServices also lists services shared with this account: the owner is in the ARN.
    services = [s for s in lattice.list_services()["items"]
                if s["name"] == service and s["arn"].split(":")[4] == account.id]
    assert len(services) == 1, services
    svc = lattice.get_service(serviceIdentifier=services[0]["id"])
    assert (svc["status"], svc["authType"]) == ("ACTIVE", auth_type)
    assert svc["dnsEntry"]["domainName"]

    tgs = [t for t in lattice.list_target_groups()["items"] if t["name"] == target_group]
    assert len(tgs) == 1, tgs
    tg = lattice.get_target_group(targetGroupIdentifier=tgs[0]["id"])
    assert (tg["type"], tg["status"]) == ("LAMBDA", "ACTIVE")
    assert tg["config"]["lambdaEventStructureVersion"] == "V2"
    targets = lattice.list_targets(targetGroupIdentifier=tg["id"])["items"]
    assert [t["id"] for t in targets] == [fn["FunctionArn"]]

    listeners = lattice.list_listeners(serviceIdentifier=svc["id"])["items"]
    assert [(l["name"], l["protocol"], l["port"]) for l in listeners] == [(PROVIDER["listener"], "HTTPS", 443)]
    listener = lattice.get_listener(serviceIdentifier=svc["id"], listenerIdentifier=listeners[0]["id"])
    forwards = listener["defaultAction"]["forward"]["targetGroups"]
    assert [(f["targetGroupIdentifier"] in (tg["id"], tg["arn"]), f["weight"]) for f in forwards] == [(True, 100)]

    policy = json.loads(lam.get_policy(FunctionName=function)["Policy"])
    assert [(s["Action"], s["Principal"], s["Condition"]["ArnLike"]["AWS:SourceArn"]) for s in policy["Statement"]] \
        == [("lambda:InvokeFunction", {"Service": "vpc-lattice.amazonaws.com"}, tg["arn"])]

    shares = [s for s in ram.get_resource_shares(resourceOwner="SELF", name=PROVIDER["share"])["resourceShares"]
              if s["status"] == "ACTIVE"]
    assert len(shares) == 1, shares
    assert shares[0]["allowExternalPrincipals"] is False
    share_arn = shares[0]["resourceShareArn"]
    shared = ram.list_resources(resourceOwner="SELF", resourceShareArns=[share_arn])["resources"]
    configurations = {c["name"]: c["arn"] for c in lattice.list_resource_configurations()["items"]
                      if c["arn"].split(":")[4] == account.id}
    assert sorted((r["arn"], r["type"]) for r in shared) == sorted(
        [(svc["arn"], "vpc-lattice:Service")]
        + [(configurations.get(name), "vpc-lattice:ResourceConfiguration") for name in shared_resources])
    listed = ram.list_principals(resourceOwner="SELF", resourceShareArns=[share_arn])["principals"]
    assert sorted(p["id"] for p in listed) == sorted(principals or [org_arn])

    if auth_type == "AWS_IAM":
        auth = json.loads(lattice.get_auth_policy(resourceIdentifier=svc["arn"])["policy"])
        return svc["arn"], auth
    return svc["arn"], None


def check_consumer(account, service_arns, resource_ports=(), connection="association", layout=None):
    """Every consumer row of resources.md; ``resource_ports``: the VPC resource ports (consumer_resource_ports)
    the Lattice security group also lets in from the instances; ``connection``: how the VPC reaches its
    service network (consumer_service_network_connection); ``layout``: the subnets (consumer_subnets), each
    with its route table, an instance in each workload subnet (the reference's when None)."""
    layout = layout or CONSUMER["subnets"]
    ec2, lattice, ram, ssm = account("ec2"), account("vpc-lattice"), account("ram"), account("ssm")

    shares = ram.get_resource_shares(resourceOwner="OTHER-ACCOUNTS", name=PROVIDER["share"])["resourceShares"]
    seen = ram.list_resources(resourceOwner="OTHER-ACCOUNTS",
                              resourceShareArns=[s["resourceShareArn"] for s in shares])["resources"]
    # resource configurations shared beside the services: check_shared_resource
    assert sorted(r["arn"] for r in seen if r["type"] == "vpc-lattice:Service") == sorted(service_arns)

    vpcs = non_default_vpcs(ec2)
    assert len(vpcs) == 1, vpcs
    vpc = vpcs[0]
    vpc_id = vpc["VpcId"]
    assert vpc["CidrBlock"] == CONSUMER["vpc_cidr"]
    assert {"Key": "Name", "Value": CONSUMER["vpc_name"]} in vpc["Tags"]
    for attribute, key in (("enableDnsSupport", "EnableDnsSupport"), ("enableDnsHostnames", "EnableDnsHostnames")):
        assert ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute=attribute)[key]["Value"] is True
    v6 = [a for a in vpc.get("Ipv6CidrBlockAssociationSet", []) if a["Ipv6CidrBlockState"]["State"] == "associated"]
    assert len(v6) == 1 and v6[0]["Ipv6CidrBlock"].endswith("/56"), v6
    v6_blocks = list(ipaddress.ip_network(v6[0]["Ipv6CidrBlock"]).subnets(new_prefix=64))

    subnets = {s["CidrBlock"]: s for s in ec2.describe_subnets(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]}
    assert sorted(subnets) == sorted(c for c, _az, _workload in layout)
    for index, (cidr, az, _workload) in enumerate(layout):
        subnet = subnets[cidr]
        assert subnet["AvailabilityZone"] == REGION + az
        assert [ipaddress.ip_network(a["Ipv6CidrBlock"]) for a in subnet["Ipv6CidrBlockAssociationSet"]] \
            == [v6_blocks[index]]
        assert subnet["AssignIpv6AddressOnCreation"] is True

    tables = [t for t in ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["RouteTables"]
              if not any(a.get("Main") for a in t["Associations"])]
    assert len(tables) == len(layout)
    associated = sorted(a["SubnetId"] for t in tables for a in t["Associations"])
    assert associated == sorted(s["SubnetId"] for s in subnets.values())
    assert all(len(t["Associations"]) == 1 for t in tables)
    for table in tables:
        assert {r.get("GatewayId") for r in table["Routes"]} == {"local"}, table["Routes"]

    groups = {g["GroupName"]: g for g in ec2.describe_security_groups(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["SecurityGroups"] if g["GroupName"] != "default"}
    assert len(groups) == 3, sorted(groups)
    by_role = {role: next(g for n, g in groups.items() if f"-{role}-sg-" in n) for role in ("instance", "endpoint", "lattice")}
    ids = {role: g["GroupId"] for role, g in by_role.items()}
    assert rule_strings(by_role["instance"]["IpPermissions"]) == [f"tcp 22-22 {ids['endpoint']}"]
    assert rule_strings(by_role["instance"]["IpPermissionsEgress"]) == ["-1 all 0.0.0.0/0", "-1 all ::/0"]
    assert rule_strings(by_role["endpoint"]["IpPermissions"]) == []
    assert rule_strings(by_role["endpoint"]["IpPermissionsEgress"]) == [f"tcp 22-22 {ids['instance']}"]
    assert rule_strings(by_role["lattice"]["IpPermissions"]) == sorted(
        [f"tcp 443-443 {ids['instance']}"] + [f"tcp {port}-{port} {ids['instance']}" for port in resource_ports])
    # No egress rule in the reference: what EC2 gives a new group in a dual-stack VPC, stated by the role.
    assert rule_strings(by_role["lattice"]["IpPermissionsEgress"]) == ["-1 all 0.0.0.0/0", "-1 all ::/0"]

    ami = ssm.get_parameter(Name=CONSUMER["ami_parameter"])["Parameter"]["Value"]
    instances = [i for i in live_instances(ec2) if i.get("VpcId") == vpc_id]
    workload = {subnets[c]["SubnetId"] for c, _az, w in layout if w}
    assert sorted(i["SubnetId"] for i in instances) == sorted(workload)
    for instance in instances:
        assert instance["InstanceType"] == CONSUMER["instance_type"]
        assert instance["ImageId"] == ami
        assert instance["MetadataOptions"]["HttpTokens"] == "required"
        assert [g["GroupId"] for g in instance["SecurityGroups"]] == [ids["instance"]]
        assert len(instance["NetworkInterfaces"][0].get("Ipv6Addresses", [])) == 1

    endpoints = [e for e in ec2.describe_instance_connect_endpoints()["InstanceConnectEndpoints"]
                 if e["State"] not in ("delete-complete", "delete-in-progress")]
    assert len(endpoints) == 1
    endpoint = endpoints[0]
    assert endpoint["SubnetId"] == subnets["10.0.2.0/24"]["SubnetId"]
    assert endpoint["SecurityGroupIds"] == [ids["endpoint"]]
    assert endpoint["PreserveClientIp"] is False

    networks = [n for n in lattice.list_service_networks()["items"] if n["name"] == CONSUMER["service_network"]]
    assert len(networks) == 1
    network = lattice.get_service_network(serviceNetworkIdentifier=networks[0]["id"])
    assert network["authType"] == "NONE"
    vpc_assocs = lattice.list_service_network_vpc_associations(serviceNetworkIdentifier=network["id"])["items"]
    endpoints = [e for e in ec2.describe_vpc_endpoints(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["VpcEndpoints"]
                 if e["State"] != "deleted"]
    if connection == "association":
        assert [(a["vpcId"], a["status"]) for a in vpc_assocs] == [(vpc_id, "ACTIVE")]
        vpc_assoc = lattice.get_service_network_vpc_association(
            serviceNetworkVpcAssociationIdentifier=vpc_assocs[0]["id"])
        assert vpc_assoc["securityGroupIds"] == [ids["lattice"]]
        assert endpoints == []
    else:
        # no association: one ServiceNetwork endpoint in the endpoints subnets, behind the Lattice group
        assert vpc_assocs == []
        assert [(e["VpcEndpointType"], e["ServiceNetworkArn"], e["State"]) for e in endpoints] == [
            ("ServiceNetwork", network["arn"], "available")]
        assert sorted(endpoints[0]["SubnetIds"]) == sorted(
            subnets[c]["SubnetId"] for c, _az, workload in layout if not workload)
        assert [g["GroupId"] for g in endpoints[0]["Groups"]] == [ids["lattice"]]
        listed = ec2.describe_vpc_endpoint_associations(
            VpcEndpointIds=[endpoints[0]["VpcEndpointId"]])["VpcEndpointAssociations"]
        assert sorted(a["AssociatedResourceArn"] for a in listed if ":service/" in a["AssociatedResourceArn"]) \
            == sorted(service_arns)
    svc_assocs = lattice.list_service_network_service_associations(serviceNetworkIdentifier=network["id"])["items"]
    assert sorted(a["serviceArn"] for a in svc_assocs) == sorted(service_arns)
    assert {a["status"] for a in svc_assocs} == {"ACTIVE"}


def check_no_secret(info, *results):
    """No run printed an account's secret access key, retried faults and failures included."""
    outputs = "".join(output for _returncode, output, _recap in results)
    assert testing.leaks(outputs, testing.config_secrets(info)) == []


def check_custom_domain(account, domain, service_arn, provider):
    """The private hosted zone of ``domain`` in the consumer ``account``: associated with the
    consumer VPC, holding alias A and AAAA records to the service's generated name and hosted
    zone; and https://<domain> answers from a consumer instance through the data plane."""
    route53, ec2 = account("route53"), account("ec2")
    service = provider("vpc-lattice").get_service(serviceIdentifier=service_arn)
    assert service["customDomainName"] == domain
    zones = [z for z in route53.list_hosted_zones()["HostedZones"] if z["Name"] == domain + "."]
    assert len(zones) == 1 and zones[0]["Config"]["PrivateZone"] is True, zones
    vpc_id = non_default_vpcs(ec2)[0]["VpcId"]
    assert route53.get_hosted_zone(Id=zones[0]["Id"])["VPCs"] == [{"VPCRegion": REGION, "VPCId": vpc_id}]
    records = route53.list_resource_record_sets(HostedZoneId=zones[0]["Id"])["ResourceRecordSets"]
    aliases = sorted((r["Type"], r["AliasTarget"]["DNSName"], r["AliasTarget"]["HostedZoneId"])
                     for r in records if r["Name"] == domain + "." and "AliasTarget" in r)
    target = (service["dnsEntry"]["domainName"] + ".", service["dnsEntry"]["hostedZoneId"])
    assert aliases == [("A", *target), ("AAAA", *target)], records

    instance = next(i["InstanceId"] for i in live_instances(ec2) if i.get("VpcId") == vpc_id)
    answer = post(account.info["endpoint_url"], {"instance": instance, "url": f"https://{domain}/", "sign": True})
    assert answer["status"] == 200, answer
    assert json.loads(answer["body"]) == json.loads(HANDLER_RESPONSE["body"])


def check_faults_were_retried(log):
    """Faults were injected, and every (account, service, operation) answered with one
    was called again and answered by AWS (the sandbox) itself."""
    entries = log()
    faulted = [i for i, c in enumerate(entries) if c.get("fault")]
    assert len(faulted) > 10, f"only {len(faulted)} faults injected"

    def key(call):
        return call["account"], call["service"], call["operation"]

    answered = {}
    for index, call in enumerate(entries):
        if not call.get("fault"):
            answered[key(call)] = index  # the last answer wins
    given_up = sorted({key(entries[i]) for i in faulted if answered.get(key(entries[i]), -1) < i})
    assert given_up == [], f"faulted and never answered afterwards: {given_up}"
    return len(faulted)


def check_empty(account):
    """No resource of any type the pattern makes is left in the account."""
    iam, lam, lattice, ram, ec2 = (account(s) for s in ("iam", "lambda", "vpc-lattice", "ram", "ec2"))
    assert [r["RoleName"] for r in iam.list_roles()["Roles"] if r["RoleName"] == PROVIDER["role"]] == []
    assert iam.list_instance_profiles()["InstanceProfiles"] == []
    assert lam.list_functions()["Functions"] == []
    assert lattice.list_services()["items"] == []
    assert lattice.list_target_groups()["items"] == []
    assert lattice.list_service_networks()["items"] == []
    assert lattice.list_resource_gateways()["items"] == []
    assert lattice.list_resource_configurations()["items"] == []
    assert [s for s in ram.get_resource_shares(resourceOwner="SELF")["resourceShares"]
            if s["status"] not in ("DELETED", "DELETING")] == []
    assert non_default_vpcs(ec2) == []
    assert live_instances(ec2) == []
    assert [e for e in ec2.describe_instance_connect_endpoints()["InstanceConnectEndpoints"]
            if e["State"] != "delete-complete"] == []
    assert [g for g in ec2.describe_security_groups()["SecurityGroups"] if g["GroupName"] != "default"] == []
    assert [e["VpcEndpointId"] for e in ec2.describe_vpc_endpoints()["VpcEndpoints"] if e["State"] != "deleted"] == []
    # The consumer role's private hosted zones for custom domains (none in any other account)
    assert account("route53").list_hosted_zones()["HostedZones"] == []


def check_shared_resource(info, provider, consumer, name, port, through_endpoint=False):
    """The provider's resource configuration ``name`` is ACTIVE, associated with the consumer's service network,
    and a TCP connection to it from a consumer instance opens through the data plane: under the association's
    name, or ``through_endpoint`` under the name the VPC's ServiceNetwork endpoint has for it (and only that)."""
    configs = [c for c in provider("vpc-lattice").list_resource_configurations()["items"] if c["name"] == name]
    assert [c["status"] for c in configs] == ["ACTIVE"], configs
    seen = consumer("ram").list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"]
    assert [(r["arn"], r["type"]) for r in seen if r["arn"] == configs[0]["arn"]] == [
        (configs[0]["arn"], "vpc-lattice:ResourceConfiguration")]
    lattice = consumer("vpc-lattice")
    network = lattice.list_service_networks()["items"][0]["id"]
    associations = [a for a in lattice.list_service_network_resource_associations(
        serviceNetworkIdentifier=network)["items"] if a["resourceConfigurationArn"] == configs[0]["arn"]]
    assert [a["status"] for a in associations] == ["ACTIVE"], associations
    instance = live_instances(consumer("ec2"))[0]["InstanceId"]
    host = associations[0]["dnsEntry"]["domainName"]
    if through_endpoint:
        listed = [a for a in consumer("ec2").describe_vpc_endpoint_associations()["VpcEndpointAssociations"]
                  if a["AssociatedResourceArn"] == configs[0]["arn"]]
        assert len(listed) == 1, listed
        assert post(info["endpoint_url"], {"instance": instance, "tcp": f"{host}:{port}"})["exit_code"] == 6
        host = listed[0]["DnsEntry"]["DnsName"]
    opened = post(info["endpoint_url"], {"instance": instance, "tcp": f"{host}:{port}"})
    assert opened["exit_code"] == 0, opened


# ---------------------------------------------------------------- one provider, one consumer

@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    state_dir, info = start_sandbox(tmp_path_factory, "e2e", ("provider", "consumer"), external=("outsider",),
                                    faults=FAULTS)
    yield info
    control.stop(state_dir)


def test_handler_answers_like_the_reference():
    spec = importlib.util.spec_from_file_location("index", ROOT / "roles/provider/files/lambda/index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.lambda_handler({}, None) == HANDLER_RESPONSE
    with zipfile.ZipFile(io.BytesIO(packaged_handler_zip())) as archive:
        assert archive.namelist() == ["index.py"]


@pytest.mark.sandbox
@pytest.mark.slow(105)
def test_consumer_outside_the_organization_accepts_the_invitation(pair, tmp_path):
    """The consumer is reached by assuming a role (the AWX style) and accepts the invitation.
    The teardown leaves the provider empty, and a further teardown changes nothing and makes
    no mutating call. The runs, under injected faults, print no credential: neither an
    account's secret key nor the secret key or session token STS handed out for the role."""
    outsider = Account(pair, "outsider")
    inventory = tmp_path / "hosts.yml"
    inventory.write_text(json.dumps({
        "all": {"vars": {"aws_region": REGION, "lattice_sandbox": True, "ansible_connection": "local",
                         "ansible_python_interpreter": sys.executable}},
        "providers": {"hosts": {"provider": {
            "aws_profile": "provider",
            "provider_share_principals": ["organization", outsider.id],
            "provider_share_allow_external_principals": True}}},
        "consumers": {"hosts": {"outsider": {
            "aws_role_arn": f"arn:aws:iam::{outsider.id}:role/lattice-deployer"}}},
    }))
    # Base credentials from the environment, as an AWX job gets them. The runs reach the
    # sandbox through a proxy that keeps the credentials STS hands out, so that their
    # output, faults and retries included, is scanned for the session tokens too.
    base = {"AWS_PROFILE": "management", "AWS_ENDPOINT_URL": pair["endpoint_url"]}
    with testing.recording_proxy() as proxy:
        base.update(testing.proxy_env(proxy))
        try:
            shared = playbook(pair, Path(__file__).parent / "playbooks" / "shared_with_outsider.yml", inventory,
                              env_extra=base)
            check_shared_with_outsider(pair, shared, outsider)
        finally:
            torn = ok(playbook(pair, "teardown", inventory, env_extra=base))
        check_empty(Account(pair, "provider"))
        # A further teardown finds nothing: it changes nothing and makes no mutating call
        # (assuming the outsider's role creates nothing).
        log = testing.CallLog(pair["calls_log"])
        mark = log.mark()
        again = ok(playbook(pair, "teardown", inventory, env_extra=base))
        assert set(changed(again).values()) == {0}, again[1][-15000:]
        assert [c for c in log.mutating(since=mark) if c["service"] != "sts"] == []
    # One secret key and one session token per assumed role at least (the outsider's, per run).
    assert len(proxy.credentials) >= 3 * 2, len(proxy.credentials)
    assert testing.leaks(shared[1] + torn[1] + again[1], testing.config_secrets(pair) | proxy.credentials) == []


def check_shared_with_outsider(pair, result, outsider):
    """The outsider found the provider's service and accepted the invitation."""
    returncode, output, _recap = result
    assert returncode == 0, output[-15000:]
    service_arn = next(s["arn"] for s in Account(pair, "provider")("vpc-lattice").list_services()["items"])
    assert f'found={json.dumps([service_arn])} account={outsider.id}' in " ".join(output.split()), output[-5000:]
    invitations = outsider("ram").get_resource_share_invitations()["resourceShareInvitations"]
    assert [i["status"] for i in invitations] == ["ACCEPTED"]
    # The assumed role's secret never reaches the output, under any name.
    assert "secret_key" not in output and "session_token" not in output


@pytest.mark.sandbox
@pytest.mark.slow(20)
def test_consumer_waits_for_the_expected_shares_then_names_the_missing_provider(tmp_path_factory):
    """No share from the expected provider ever appears: the consumer reads the shares
    again until consumer_share_wait_timeout, then fails naming that provider."""
    state_dir, info = start_sandbox(tmp_path_factory, "e2e-wait", ("provider", "consumer"))
    try:
        provider_id = info["accounts"]["provider"]["id"]
        extra = json.dumps({"consumer_expected_providers": [provider_id],
                            "consumer_share_wait_timeout": 3, "consumer_share_wait_delay": 1})
        returncode, output, _recap = playbook(
            info, Path(__file__).parent / "playbooks" / "find_shared_services.yml", "sandbox", "-e", extra)
        assert returncode != 0, output[-5000:]
        text = " ".join(output.split())
        assert f"still sees no RAM share named {PROVIDER['share']} holding a service from {provider_id}" in text, \
            output[-5000:]
        # Read once, then again every second for the 3 seconds allowed.
        assert output.count("FAILED - RETRYING: [consumer]: Find the shares made to this account") == 3, output[-5000:]
    finally:
        control.stop(state_dir)


# ---------------------------------------------------------------- two providers, two consumers

@pytest.fixture(scope="module")
def large(tmp_path_factory):
    state_dir, info = start_sandbox(tmp_path_factory, "e2e-large", ("provider-a", "provider-b", "consumer-a", "consumer-b"),
                                    faults=FAULTS)
    yield info
    control.stop(state_dir)


@pytest.mark.sandbox
# Measured alone on the 2-core machine: 546 s wall, 409 CPU-s (status runs included).
@pytest.mark.slow(720)
def test_two_providers_two_consumers_with_services_of_the_same_name(large, tmp_path):
    """inventories/sandbox-large, except that the consumers use one AZ (LARGE_LAYOUT) and provider-b
    names its service service-orders too: each provider's lookups keep only what it owns, and each consumer associates
    both services (they differ by ARN), all under injected faults. provider-b's service
    has a custom domain: consumer-a resolves it through its own private hosted zone.
    provider-a also shares a database; consumer-b reaches its network through a
    ServiceNetwork VPC endpoint (issue 15's done-when), consumer-a through its association.
    status.yml reads the deployment (a 2+2 deployment is the expensive part of a test): no
    drift, each path checked the way its VPC is connected; then changes made behind the
    collection's back are reported exactly, a re-deploy changes exactly those back (and
    nothing else: the no-op re-deploy of every role path), and the teardown still removes
    everything."""
    accounts = {name: Account(large, name) for name in ("provider-a", "provider-b", "consumer-a", "consumer-b")}
    same_name = tmp_path / "same_name.yml"
    # provider-b's service also has a custom domain name (issue 14): each consumer resolves it
    # through a private hosted zone its role makes. The sandbox does not read ACM: any ARN will do.
    domain = "billing.example.internal"
    certificate = f"arn:aws:acm:{REGION}:{accounts['provider-b'].id}:certificate/0a1b2c3d-0000-4000-8000-000000000000"
    # The consumers use one AZ (LARGE_LAYOUT): the reference's four subnets are the reference test's,
    # and every resource less is less work in each of this test's six runs.
    one_az = []
    for cidr, az, workload in LARGE_LAYOUT:
        kind = "Workload" if workload else "Endpoints"
        one_az.append({"name": f"consumer-subnet-{kind}-AZ{az}-{{{{ consumer_stack_name }}}}", "cidr": cidr, "az": az,
                       "role": kind.lower(), "route_table": f"consumer-rt-{kind}-AZ{az}-{{{{ consumer_stack_name }}}}"})
    # provider-a also shares a VPC resource (issue 15): a database behind a resource gateway in a VPC
    # the role builds; each consumer associates it and opens its port to the instances.
    same_name.write_text(json.dumps({"providers": {"hosts": {"provider-b": {"provider_services": [{
        "name": "service-orders", "function_name": "lambda-billing", "target_group_name": "target-billing",
        "auth_type": "AWS_IAM", "custom_domain_name": domain, "certificate_arn": certificate,
        "idle_timeout_seconds": 120}]}, "provider-a": {"provider_resources": [
            {"name": "orders-db", "ip_address": "10.100.0.25", "port_ranges": ["5432"]}]}}},
        # consumer-b reaches its service network through a ServiceNetwork VPC endpoint instead of the
        # VPC association (issue 15): services and the database answer there under the endpoint's names.
        "consumers": {"vars": {"consumer_resource_ports": ["5432"], "consumer_subnets": one_az},
                      "hosts": {"consumer-b": {"consumer_service_network_connection": "endpoint"}}}}))
    inventory = ["-i", str(same_name)]  # after -i inventories/sandbox-large: its host variables win
    log = testing.CallLog(large["calls_log"])
    deploy = ok(playbook(large, "deploy", "sandbox-large", *inventory))

    org = large["organization"]["arn"]
    orders, _auth_policy = check_provider(accounts["provider-a"], service="service-orders", function="lambda-orders",
                                          target_group="target-orders", org_arn=org, shared_resources=["orders-db"])
    billing, auth = check_provider(accounts["provider-b"], service="service-orders", function="lambda-billing",
                                   target_group="target-billing", auth_type="AWS_IAM", org_arn=org)
    assert orders != billing
    # The IAM auth policy lets exactly the two consumer accounts invoke the service.
    allowed = auth["Statement"][0]["Principal"]["AWS"]
    assert sorted(allowed) == sorted(f"arn:aws:iam::{accounts[c].id}:root" for c in ("consumer-a", "consumer-b"))
    connections = {"consumer-a": "association", "consumer-b": "endpoint"}
    for consumer, connection in connections.items():
        check_consumer(accounts[consumer], [orders, billing], resource_ports=[5432], connection=connection,
                       layout=LARGE_LAYOUT)
        check_shared_resource(large, accounts["provider-a"], accounts[consumer], "orders-db", 5432,
                              through_endpoint=connection == "endpoint")
    # The role's private hosted zone aliases the service's own name, which answers only through an association.
    check_custom_domain(accounts["consumer-a"], domain, billing, accounts["provider-b"])
    assert accounts["consumer-b"]("route53").list_hosted_zones()["HostedZones"] == []
    assert accounts["provider-b"]("vpc-lattice").get_service(serviceIdentifier=billing)["idleTimeoutSeconds"] == 120

    # No separate no-op re-deploy: the re-deploy after the changes made behind the collection's
    # back (check_redeploy_puts_right_what_changed_behind_its_back) reports exactly those tasks
    # changed, so every other task of every role path is shown unchanged on this deployment;
    # the re-deploy right after a deploy, changed=0, is the interruption sample's.
    verified = ok(playbook(large, "verify", "sandbox-large", *inventory))
    # verify.yml also calls the custom domain from consumer-a and checks its zone and records, and calls
    # each service from consumer-b under the endpoint's names for them (HTTP 200 asserted by the role)
    assert f"https://{domain}" in verified[1]
    assert len(set(re.findall(r"https://vpce-[0-9a-f]{17}-snsa-[0-9a-f]{17}\.", verified[1]))) == 2, verified[1][-5000:]
    # and opens a TCP connection to the database from each consumer, from consumer-b under the endpoint's name
    opened = re.findall(r"TCP connections opened: \[([^\]]*)\]", verified[1])
    assert sorted("vpce-" in targets for targets in opened) == [False, True], opened

    services = {"provider-a": orders, "provider-b": billing}
    clean = check_status_reports_no_drift(large, inventory, tmp_path / "status-clean", accounts, connections)
    drifted = check_status_reports_exactly_the_changes_made_behind_its_back(
        large, inventory, tmp_path / "status-drift", accounts, services)
    repaired = check_redeploy_puts_right_what_changed_behind_its_back(large, inventory, accounts, services)
    for consumer, connection in connections.items():
        check_consumer(accounts[consumer], [orders, billing], resource_ports=[5432], connection=connection,
                       layout=LARGE_LAYOUT)
    check_provider(accounts["provider-b"], service="service-orders", function="lambda-billing",
                   target_group="target-billing", auth_type="AWS_IAM", org_arn=org)

    teardown = ok(playbook(large, "teardown", "sandbox-large", *inventory))
    for account in accounts.values():
        check_empty(account)
    check_no_secret(large, deploy, verified, clean, drifted, repaired, teardown)
    print(f"2+2 under SANDBOX_FAULTS={FAULTS}: {check_faults_were_retried(log)} faults, all retried")


def check_redeploy_puts_right_what_changed_behind_its_back(deployed, inventory, accounts, services):
    """After the status test's three changes, four more in consumer-a's VPC, one per resource
    the consumer role reads once and passes to its amazon.aws module only when
    plugins/filter/in_place.py does not find it as wanted: a re-deploy changes exactly
    these back (the caller then checks every resource again)."""
    ec2 = accounts["consumer-a"]("ec2")
    vpc = non_default_vpcs(ec2)[0]
    ec2.modify_vpc_attribute(VpcId=vpc["VpcId"], EnableDnsHostnames={"Value": False})
    workload = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]},
                                             {"Name": "cidr-block", "Values": [LARGE_LAYOUT[0][0]]}])["Subnets"][0]
    ec2.delete_tags(Resources=[workload["SubnetId"]], Tags=[{"Key": "lattice:pattern"}])
    table = ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id", "Values": [workload["SubnetId"]]}])
    association = next(a for a in table["RouteTables"][0]["Associations"] if a.get("SubnetId") == workload["SubnetId"])
    ec2.disassociate_route_table(AssociationId=association["RouteTableAssociationId"])
    instance = next(i for i in live_instances(ec2) if i.get("VpcId") == vpc["VpcId"])
    ec2.create_tags(Resources=[instance["InstanceId"]], Tags=[{"Key": "changed", "Value": "behind-its-back"}])

    repaired = ok(playbook(deployed, "deploy", "sandbox-large", *inventory))
    assert changed_tasks(repaired, "consumer-a") == {
        "Create the dual-stack VPC", "Create the subnets, each with its IPv6 /64",
        "Create one route table per subnet, associated with it",
        "Launch one instance in each workload subnet (IMDSv2 required)",
        "Set the reference rules of the security groups"}, repaired[1][-15000:]
    assert changed_tasks(repaired, "consumer-b") == {"Associate each shared service with the service network"}
    assert changed_tasks(repaired, "provider-a") == set()
    assert changed_tasks(repaired, "provider-b") == {
        "Share the services and resource configurations through AWS RAM"}, repaired[1][-15000:]
    tags = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [workload["SubnetId"], instance["InstanceId"]]}])
    by_resource = {}
    for tag in tags["Tags"]:
        by_resource.setdefault(tag["ResourceId"], {})[tag["Key"]] = tag["Value"]
    assert by_resource[workload["SubnetId"]]["lattice:pattern"] == "distributed-service-networks"
    assert "changed" not in by_resource[instance["InstanceId"]]
    return repaired


# ---------------------------------------------------------------- status.yml on the 2+2 deployment

STATUS_CONSUMERS = ("consumer-a", "consumer-b")
LATTICE_SG = "consumer-lattice-sg-vpclattice-distributed-consumer"
INSTANCE_SG = "consumer-instance-sg-vpclattice-distributed-consumer"


def status(info, inventory, tmp_path, *args, env_extra=None):
    """Run the status playbook; returns ((returncode, output, recap), report, diagram) and
    checks that it made no mutating call and called each associated service."""
    log = testing.CallLog(info["calls_log"])
    mark = log.mark()
    diagram, report = tmp_path / "topology.md", tmp_path / "status.json"
    result = playbook(info, "status", "sandbox-large", *inventory, "-e", f"status_diagram_path={diagram}",
                      "-e", f"status_report_path={report}", *args, env_extra=env_extra)
    calls = log(since=mark)
    assert calls, "the status run read nothing"
    # The data-plane calls (vpc-lattice-svcs Invoke, GET) are requests to the services, not API changes.
    assert [c for c in log.mutating(since=mark) if c["service"] != "vpc-lattice-svcs"] == [], result[1][-5000:]
    probes = [c for c in calls if c["service"] == "vpc-lattice-svcs"]
    assert report.is_file(), result[1][-15000:]
    read = json.loads(report.read_text())
    # Each consumer called each service it associates, from one of its instances (status_data_plane)
    # (at least: an association being deleted may still be listed, and is called too).
    associated = sum(len(n["service_associations"]) for n in read["model"]["networks"])
    assert associated > 0 and len(probes) >= associated, (probes, result[1][-5000:])
    return result, read, diagram.read_text()


def status_paths(report):
    return {(p["consumer"], p["provider"]): p["broken"] for p in report["model"]["paths"]}


def check_status_reports_no_drift(deployed, inventory, tmp_path, accounts, connections):
    """No drift, and the diagram names every account, service and link. The data-plane calls
    take the AWS path (lattice_sandbox false: `aws ec2-instance-connect send-ssh-public-key`,
    then ssh through the open-tunnel ProxyCommand running a signed curl), with stand-ins for
    the AWS CLI and ssh (instance_connect_stand_ins.py) that check what the real tools need
    and carry the request to the sandbox's data plane. verify.yml (consumer_verify_data_plane)
    calls the same task file (roles/consumer/tasks/call_services.yml) as status.yml
    (status_data_plane). consumer-b's VPC reaches its network through an endpoint: its paths
    are checked through the endpoint and its requests go to the endpoint's names."""
    stand_in_log = tmp_path / "stand-ins.jsonl"
    env = instance_connect_stand_ins.install(tmp_path / "bin", deployed["endpoint_url"], stand_in_log)
    result, report, diagram = status(deployed, inventory, tmp_path, "-e", "lattice_sandbox=false",
                                     "-e", "status_data_plane=true", env_extra=env)
    returncode, output, _recap = result
    assert returncode == 0, output[-15000:]
    assert report["drift"] == []
    assert "DRIFT: none" in output
    # Every consumer reaches both services, each the way its VPC is connected, the data plane agreeing.
    assert status_paths(report) == {(c, p): [] for c in STATUS_CONSUMERS for p in ("provider-a", "provider-b")}
    assert {(p["consumer"], p["connection"]) for p in report["model"]["paths"]} == set(connections.items())
    assert all(p["checks"].get("data_plane") is True for p in report["model"]["paths"]), report["model"]["paths"]
    # The console table has one row per consumer and service, with how the VPC reaches the network.
    rows = [line.split() for line in output.splitlines() if line.strip().startswith("- consumer-")]
    assert sorted((row[1], row[6], row[-1]) for row in rows) == [
        ("consumer-a", "assoc", "yes"), ("consumer-a", "assoc", "yes"),
        ("consumer-b", "endpoint", "yes"), ("consumer-b", "endpoint", "yes")], rows

    assert diagram.startswith("# VPC Lattice topology\n\n```mermaid\nflowchart LR\n")
    for name, account in accounts.items():
        assert f'subgraph acct_{name.replace("-", "_")}["{name} · {account.id}' in diagram
    for provider in ("provider_a", "provider_b"):
        for consumer in ("consumer_a", "consumer_b"):
            consumer_name = consumer.replace("_", "-")
            # The share and the service association, as labelled arrows.
            assert (f'share_{provider}_service_resource_share -->|"RAM share to {consumer_name}"| '
                    f"sn_{consumer}_service_network") in diagram
            assert (f'sn_{consumer}_service_network -->|"service association ACTIVE"| '
                    f"svc_{provider}_service_orders") in diagram
    assert diagram.count('-->|"VPC association ACTIVE"|') == 1
    assert diagram.count('-->|"VPC endpoint available"| sn_consumer_b_service_network') == 1
    assert "-.->" not in diagram and "linkStyle" not in diagram

    calls = [json.loads(line) for line in stand_in_log.read_text().splitlines()]
    # Each consumer sends a key for one of its own instances, in its own account, then
    # curls each of the two services through it: consumer-b at the endpoint's names.
    key_accounts = [c["account"] for c in calls if c["tool"] == "aws"]
    assert sorted(key_accounts) == sorted(accounts[name].id for name in STATUS_CONSUMERS), calls
    # Under FAULTS' throttling the CLI's default 3 attempts fail about one call in a hundred:
    # the role gives it more.
    assert all(c["attempts"] >= 10 for c in calls if c["tool"] == "aws"), calls
    curls = [c for c in calls if c["tool"] == "ssh"]
    assert len(curls) == 4 and {c["status"] for c in curls} == {200}, calls
    through_endpoint = sorted("vpce-" in c["url"] for c in curls)
    assert through_endpoint == [False, False, True, True], curls
    return result


def check_status_reports_exactly_the_changes_made_behind_its_back(deployed, inventory, tmp_path, accounts, services):
    """Three changes in three accounts, then one status run: each change is reported, with
    its detail and its broken paths, and nothing else is."""
    consumer_a, consumer_b, provider_b = accounts["consumer-a"], accounts["consumer-b"], accounts["provider-b"]

    # 1. A security group rule removed: consumer-a's Lattice security group no longer lets HTTPS in.
    ec2 = consumer_a("ec2")
    group = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [LATTICE_SG]}])["SecurityGroups"][0]
    ec2.revoke_security_group_ingress(GroupId=group["GroupId"], IpPermissions=group["IpPermissions"])

    # 2. A service association deleted: consumer-b's network (reached through its endpoint) loses provider-a's service.
    lattice = consumer_b("vpc-lattice")
    network = lattice.list_service_networks()["items"][0]
    association = next(a for a in lattice.list_service_network_service_associations(
        serviceNetworkIdentifier=network["id"])["items"] if a["serviceArn"] == services["provider-a"])
    lattice.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=association["id"])

    # 3. A principal removed from a share: provider-b's share no longer goes to the organization.
    ram = provider_b("ram")
    share = ram.get_resource_shares(resourceOwner="SELF", name="service-resource-share")["resourceShares"][0]
    ram.disassociate_resource_share(resourceShareArn=share["resourceShareArn"],
                                    principals=[deployed["organization"]["arn"]])
    testing.wait_until(
        lambda: ram.list_principals(resourceOwner="SELF", resourceShareArns=[share["resourceShareArn"]])["principals"],
        lambda principals: principals == [])

    result, report, diagram = status(deployed, inventory, tmp_path)
    returncode, output, _recap = result
    assert returncode != 0
    assert sorted((d["account"], d["kind"], d["resource"]) for d in report["drift"]) == [
        ("consumer-a", "changed", f"security group {LATTICE_SG}"),
        ("consumer-b", "missing", "service association service-network - service-orders"),
        ("provider-b", "changed", "share service-resource-share"),
    ], report["drift"]
    detail = {d["account"]: d["detail"] for d in report["drift"]}
    # (the database's port too: the inventory opens it, consumer_resource_ports)
    assert detail["consumer-a"] == (f"ingress rules [], expected ['tcp 443-443 from {INSTANCE_SG}', "
                                    f"'tcp 5432-5432 from {INSTANCE_SG}']")
    assert detail["consumer-b"] == f"service {services['provider-a']} is not associated"
    assert detail["provider-b"] == "principals [], expected ['organization']"
    assert f"consumer-a: changed security group {LATTICE_SG}" in output
    assert "Drift from the inventory (3)" in output

    # What each change breaks: consumer-a's security group blocks both services (the data plane
    # agrees: its requests time out); consumer-b no longer reaches provider-a's service; nobody is
    # shared provider-b's, and nobody's request to it answers any more.
    broken = status_paths(report)
    assert broken[("consumer-a", "provider-a")] == ["data_plane", "security_group"]
    assert broken[("consumer-b", "provider-a")] == ["service_association"]
    assert all({"share", "data_plane"} <= set(broken[(c, "provider-b")]) for c in STATUS_CONSUMERS), broken
    assert "VPC association ACTIVE · SG blocks 443" in diagram and "linkStyle" in diagram
    assert '-.->|"x service_association"| svc_provider_a_service_orders' in diagram
    assert "x RAM share not visible to consumer-a" in diagram
    return result
