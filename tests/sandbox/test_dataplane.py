"""The VPC Lattice data plane: the reference pattern carries traffic, and each way to break it gets AWS's answer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sandbox.testing import unique, wait_gone

from sandbox.dataplane.testing import MESSAGE, Pattern, zip_source

ECHO = """
import json
def lambda_handler(event, context):
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(event)}
"""


@pytest.fixture
def pattern(sandbox, aws_client):
    return Pattern(sandbox, aws_client)


def test_reference_pattern_answers_with_the_functions_message(pattern, calls):
    built = pattern.build()
    since = calls.mark()
    answer = pattern.request(built["instance"], built["url"])
    assert answer["status"] == 200, (answer["error"], answer)
    assert json.loads(answer["body"]) == {"message": MESSAGE}
    assert answer["headers"]["Content-Type"] == "application/json"
    logged = [c for c in calls(since) if c["service"] == "vpc-lattice-svcs"]
    assert [(c["operation"], c["status"], c["account"]) for c in logged] == [
        ("Invoke", 200, pattern.ids["consumer"])
    ]


def test_cli_prints_the_answer_and_exits_like_curl(pattern, sandbox):
    built = pattern.build()
    state_dir = sandbox["aws_config_file"].rsplit("/", 1)[0]
    command = [sys.executable, "-m", "sandbox", "request", "--state-dir", state_dir, "--instance", built["instance"]]
    done = subprocess.run([*command, built["url"]], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("HTTP/1.1 200")
    assert MESSAGE in done.stdout
    unknown = subprocess.run([*command, "https://nowhere.vpc-lattice-svcs.eu-west-1.on.aws"],
                             capture_output=True, text=True, check=False)
    assert unknown.returncode == 6
    assert "Could not resolve host" in unknown.stderr


def test_vpc_not_associated_does_not_resolve(pattern):
    built = pattern.build()
    other = pattern.network()
    answer = pattern.request(other["instance"], built["url"])
    assert (answer["status"], answer["exit_code"]) == (None, 6)
    assert "Could not resolve host" in answer["message"]


def test_service_not_associated_does_not_resolve(pattern):
    built = pattern.build()
    unassociated = pattern.service()
    pattern.share(unassociated)
    answer = pattern.request(built["instance"], f"https://{unassociated['dnsEntry']['domainName']}")
    assert answer["exit_code"] == 6


def test_lattice_security_group_without_443_times_out(pattern):
    built = pattern.build()
    by_reference = {"GroupId": built["vpc"]["instance_sg"]}
    pattern.ec2.revoke_security_group_ingress(GroupId=built["vpc"]["lattice_sg"], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [by_reference],
    }])
    assert pattern.request(built["instance"], built["url"])["exit_code"] == 28
    # the subnet's CIDR is as good as the group reference
    pattern.ec2.authorize_security_group_ingress(GroupId=built["vpc"]["lattice_sg"], IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/24"}],
    }])
    assert pattern.request(built["instance"], built["url"])["status"] == 200


def test_instance_without_egress_times_out(pattern):
    built = pattern.build()
    pattern.ec2.revoke_security_group_egress(GroupId=built["vpc"]["instance_sg"], IpPermissions=[{
        "IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
    }])
    assert pattern.request(built["instance"], built["url"])["exit_code"] == 28


def _iam_pattern(pattern, principal=None, **build):
    built = pattern.build(service_auth="AWS_IAM", **build)
    pattern.lattice["provider"].put_auth_policy(
        resourceIdentifier=built["service"]["id"],
        policy=pattern.allow_all_policy(principal or {"AWS": pattern.ids["consumer"]}),
    )
    return built


def test_aws_iam_service_needs_a_signed_request(pattern):
    built = _iam_pattern(pattern)
    unsigned = pattern.request(built["instance"], built["url"])
    assert unsigned["status"] == 403
    assert unsigned["body"].startswith("AccessDeniedException: User: anonymous is not authorized")
    signed = pattern.request(built["instance"], built["url"], sign=True)
    assert signed["status"] == 200, signed
    assert json.loads(signed["body"]) == {"message": MESSAGE}


def test_tampered_signature_is_refused(pattern):
    built = _iam_pattern(pattern)
    headers = {"Authorization": "AWS4-HMAC-SHA256 Credential=ASIAXXXXXXXXXXXXXXXX/20260101/eu-west-1/"
               "vpc-lattice-svcs/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
               "X-Amz-Date": "20260101T000000Z"}
    assert pattern.request(built["instance"], built["url"], headers=headers)["status"] == 403


def test_consumer_outside_the_auth_policy_is_refused(pattern):
    built = _iam_pattern(pattern, principal={"AWS": f"arn:aws:iam::{pattern.ids['provider']}:root"})
    answer = pattern.request(built["instance"], built["url"], sign=True)
    assert answer["status"] == 403
    assert "no service-based policy allows" in answer["body"]


def test_service_network_without_auth_policy_denies_everything(pattern):
    built = pattern.build(network_auth="AWS_IAM")
    assert pattern.request(built["instance"], built["url"], sign=True)["status"] == 403
    pattern.lattice["consumer"].put_auth_policy(
        resourceIdentifier=built["network"]["id"],
        policy=json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "vpc-lattice-svcs:Invoke", "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": pattern.sandbox["organization"]["id"]}},
        }]}),
    )
    assert pattern.request(built["instance"], built["url"], sign=True)["status"] == 200
    # anonymous callers have no organization
    assert pattern.request(built["instance"], built["url"])["status"] == 403


def test_caller_needs_invoke_in_its_own_policies(pattern):
    built = _iam_pattern(pattern)
    iam = pattern.client("consumer", "iam")
    profile_arn = pattern.ec2.describe_iam_instance_profile_associations(
        Filters=[{"Name": "instance-id", "Values": [built["instance"]]}]
    )["IamInstanceProfileAssociations"][0]["IamInstanceProfile"]["Arn"]
    role = iam.get_instance_profile(InstanceProfileName=profile_arn.rsplit("/", 1)[-1])["InstanceProfile"]["Roles"][0]
    iam.put_role_policy(RoleName=role["RoleName"], PolicyName="invoke", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "vpc-lattice-svcs:Invoke", "Resource": "*"}],
    }))
    answer = pattern.request(built["instance"], built["url"], sign=True)
    assert answer["status"] == 403
    assert "no identity-based policy allows" in answer["body"]


def test_provider_removing_the_consumer_from_its_share(pattern):
    built = pattern.build()
    ram = pattern.client("provider", "ram")
    ram.disassociate_resource_share(resourceShareArn=built["share"], principals=[pattern.ids["consumer"]])
    consumer_ram = pattern.client("consumer", "ram")
    from sandbox.testing import wait_until

    wait_until(lambda: consumer_ram.list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"],
               lambda found: all(r["arn"] != built["service"]["arn"] for r in found))
    assert pattern.request(built["instance"], built["url"])["exit_code"] == 6


def test_service_association_deleted(pattern):
    built = pattern.build()
    lattice = pattern.lattice["consumer"]
    association = built["service_association"]["id"]
    lattice.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=association)
    # already while DELETE_IN_PROGRESS the service is unreachable
    assert pattern.request(built["instance"], built["url"])["exit_code"] == 6
    wait_gone(lambda: lattice.get_service_network_service_association(
        serviceNetworkServiceAssociationIdentifier=association))
    assert pattern.request(built["instance"], built["url"])["exit_code"] == 6


def test_v2_event_reaches_the_function(pattern):
    built = pattern.build(service_auth="AWS_IAM", version="V2", code=zip_source(ECHO))
    pattern.lattice["provider"].put_auth_policy(
        resourceIdentifier=built["service"]["id"], policy=pattern.allow_all_policy("*"))
    answer = pattern.request(built["instance"], built["url"] + "/orders?id=7", method="POST",
                             headers={"X-Test": "yes"}, body="hello", sign=True)
    event = json.loads(answer["body"])
    assert (event["version"], event["method"], event["path"], event["body"]) == ("2.0", "POST", "/orders", "hello")
    assert event["headers"]["x-test"] == ["yes"]
    assert event["queryStringParameters"] == {"id": "7"}
    context = event["requestContext"]
    assert context["serviceArn"] == built["service"]["arn"]
    assert context["targetGroupArn"] == built["service"]["target_group"]["arn"]
    assert context["identity"]["sourceVpcArn"].endswith(built["vpc"]["vpc"])
    assert context["identity"]["principal"].startswith(f"arn:aws:sts::{pattern.ids['consumer']}:assumed-role/")


def test_v1_event_reaches_the_function(pattern):
    built = pattern.build(code=zip_source(ECHO))
    event = json.loads(pattern.request(built["instance"], built["url"] + "/a?b=c")["body"])
    assert (event["raw_path"], event["method"], event["query_string_parameters"]) == ("/a", "GET", {"b": "c"})
    assert "version" not in event and event["headers"]["x-forwarded-for"].startswith("10.0.0.")


@pytest.mark.parametrize("source, status", [
    ("def lambda_handler(event, context):\n    raise RuntimeError('boom')\n", 502),
    ("def lambda_handler(event, context):\n    return 'not an object'\n", 502),
    ("def lambda_handler(event, context):\n"
     "    return {'statusCode': 201, 'body': 'aGk=', 'isBase64Encoded': True}\n", 201),
])
def test_function_answers_become_http_responses(pattern, source, status):
    built = pattern.build(code=zip_source(source))
    answer = pattern.request(built["instance"], built["url"])
    assert answer["status"] == status
    if status == 201:
        assert answer["body"] == "hi"


def test_function_without_lattice_permission_is_a_bad_gateway(pattern):
    built = pattern.build(permit=False)
    assert pattern.request(built["instance"], built["url"])["status"] == 502


def test_rules_fixed_responses_and_other_targets(pattern):
    built = pattern.build()
    lattice = pattern.lattice["provider"]
    service, listener = built["service"]["id"], built["service"]["listener"]["id"]
    ip_group = lattice.create_target_group(name=unique("ip"), type="IP", config={
        "port": 80, "protocol": "HTTP", "vpcIdentifier": pattern.client("provider", "ec2").create_vpc(
            CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]})
    lattice.create_rule(serviceIdentifier=service, listenerIdentifier=listener, name="admin", priority=10,
                        match={"httpMatch": {"pathMatch": {"match": {"prefix": "/admin"}}}},
                        action={"fixedResponse": {"statusCode": 404}})
    lattice.create_rule(serviceIdentifier=service, listenerIdentifier=listener, name="canary", priority=20,
                        match={"httpMatch": {"method": "GET", "headerMatches": [
                            {"name": "X-Canary", "match": {"exact": "on"}}]}},
                        action={"forward": {"targetGroups": [{"targetGroupIdentifier": ip_group["id"]}]}})
    request = pattern.request
    assert request(built["instance"], built["url"] + "/admin/x")["status"] == 404
    assert request(built["instance"], built["url"] + "/Admin/x")["status"] == 200  # paths are case-sensitive
    assert request(built["instance"], built["url"], headers={"x-canary": "ON"})["status"] == 503
    assert request(built["instance"], built["url"], headers={"x-canary": "ON"}, method="POST")["status"] == 200
    # only the listener's port and protocol connect
    assert request(built["instance"], built["url"].replace("https://", "http://"))["exit_code"] != 0


def test_signed_request_is_authenticated_even_without_auth(pattern):
    built = pattern.build()
    assert pattern.request(built["instance"], built["url"], sign=True)["status"] == 200
    headers = {"Authorization": "AWS4-HMAC-SHA256 Credential=ASIAXXXXXXXXXXXXXXXX/20260101/eu-west-1/"
               "vpc-lattice-svcs/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
               "X-Amz-Date": "20260101T000000Z", "x-amz-content-sha256": "UNSIGNED-PAYLOAD"}
    assert pattern.request(built["instance"], built["url"], headers=headers)["status"] == 403
