"""SANDBOX_IAM=enforce: every call of a non-root principal authorized against its IAM policies,
refused in each service's own error format with AWS's message naming the action."""

from __future__ import annotations

import json

import boto3
import botocore.session
import pytest
from botocore.exceptions import ClientError
from botocore.parsers import create_parser

from sandbox import control, settings, testing
from sandbox.moto_ext.core.authorization import Check, denial, denial_message
from sandbox.moto_ext.core.faults import render
from sandbox.testing import CallLog, unique

OPERATIONS = {
    "vpc-lattice": "ListServices", "ram": "GetResourceShares", "ec2": "DescribeVpcs", "iam": "ListRoles",
    "sts": "AssumeRole", "lambda": "ListFunctions", "organizations": "DescribeOrganization",
    "route53": "ListHostedZonesByName", "ssm": "GetParameter",
}
EXPECTED = {
    "vpc-lattice": ("AccessDeniedException", 403), "ram": ("AccessDeniedException", 403),
    "lambda": ("AccessDeniedException", 403), "ec2": ("UnauthorizedOperation", 403),
    "iam": ("AccessDenied", 403), "sts": ("AccessDenied", 403), "route53": ("AccessDenied", 403),
    "organizations": ("AccessDeniedException", 400), "ssm": ("AccessDeniedException", 400),
}
ARN = "arn:aws:sts::123456789012:assumed-role/deployer/session"


@pytest.mark.parametrize("service", sorted(OPERATIONS))
def test_each_service_refuses_in_its_own_format_naming_the_action(service):
    model = botocore.session.get_session().get_service_model(service)
    action = f"{service}:{OPERATIONS[service]}"
    status, headers, body = render(denial(service, denial_message(ARN, Check(action, "*"), False)), service)
    response = {"status_code": int(status.split()[0]), "headers": dict(headers), "body": body}
    parsed = create_parser(model.metadata["protocol"]).parse(
        response, model.operation_model(OPERATIONS[service]).output_shape)
    assert (parsed["Error"]["Code"], parsed["ResponseMetadata"]["HTTPStatusCode"]) == EXPECTED[service]
    assert f"User: {ARN} is not authorized to perform: {action} because no identity-based policy allows " \
           f"the {action} action" in parsed["Error"]["Message"]


def test_the_setting_is_checked(monkeypatch):
    monkeypatch.setenv("SANDBOX_IAM", "audit")
    with pytest.raises(ValueError, match="SANDBOX_IAM"):
        settings.iam()


@pytest.fixture(scope="module")
def enforced(tmp_path_factory):
    state_dir = tmp_path_factory.mktemp("iam-enforce")
    info = control.start(state_dir, control.free_port(), accounts=("provider",), lag=0, iam_propagation=0,
                         faults="", timing="", iam="enforce")
    yield info
    control.stop(state_dir)


def statement(sid, actions, resource="*", effect="Allow"):
    return {"Sid": sid, "Effect": effect, "Action": actions, "Resource": resource}


def assumed(info, *statements, trusted=True):
    """A boto3 session of a new provider role holding only ``statements``, assumed from the management account."""
    management = info["accounts"]["management"]["id"]
    iam = testing.client(info, "provider", "iam")
    name = unique("role")
    principal = f"arn:aws:iam::{management}:root" if trusted else "arn:aws:iam::111122223333:root"
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}]}
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_role_policy(RoleName=name, PolicyName="only",
                        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": list(statements)}))
    credentials = testing.client(info, "management", "sts").assume_role(
        RoleArn=arn, RoleSessionName="test")["Credentials"]
    session = boto3.Session(aws_access_key_id=credentials["AccessKeyId"],
                            aws_secret_access_key=credentials["SecretAccessKey"],
                            aws_session_token=credentials["SessionToken"], region_name=info["region"])
    return lambda service: session.client(service, endpoint_url=info["endpoint_url"]), name


def refused(call, **params):
    with pytest.raises(ClientError) as raised:
        call(**params)
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


@pytest.mark.sandbox
def test_a_role_may_do_what_its_policies_allow_and_nothing_else(enforced):
    client, role = assumed(enforced, statement("ListServices", "vpc-lattice:listservices"))
    provider = enforced["accounts"]["provider"]["id"]
    assert client("vpc-lattice").list_services()["items"] == []
    assert client("sts").get_caller_identity()["Account"] == provider  # needs no permission (STS API reference)
    who = f"arn:aws:sts::{provider}:assumed-role/{role}/test"
    assert refused(client("vpc-lattice").list_service_networks) == (
        "AccessDeniedException", f"User: {who} is not authorized to perform: vpc-lattice:ListServiceNetworks "
                                 "because no identity-based policy allows the vpc-lattice:ListServiceNetworks action")
    assert refused(client("ec2").describe_vpcs)[0] == "UnauthorizedOperation"
    assert refused(client("iam").list_roles)[0] == "AccessDenied"
    # The account's own keys stand for its root user: not restricted.
    assert testing.client(enforced, "provider", "vpc-lattice").list_service_networks()["items"] == []


@pytest.mark.sandbox
def test_resources_are_scoped_and_an_explicit_deny_wins(enforced):
    provider = enforced["accounts"]["provider"]["id"]
    mine = f"arn:aws:lambda:{enforced['region']}:{provider}:function:mine"
    secret = f"arn:aws:iam::{provider}:role/secret"
    client, _role = assumed(enforced, statement("Mine", "lambda:GetFunction", mine), statement("AllRoles", "iam:GetRole"),
                            statement("NotThat", "iam:GetRole", secret, "Deny"))
    code, _message = refused(client("lambda").get_function, FunctionName="mine")
    assert code == "ResourceNotFoundException"  # allowed, so Lambda itself answers
    code, message = refused(client("lambda").get_function, FunctionName="other")
    assert code == "AccessDeniedException"
    assert f"lambda:GetFunction on resource: arn:aws:lambda:{enforced['region']}:{provider}:function:other" in message
    code, message = refused(client("iam").get_role, RoleName="secret")
    assert (code, message.endswith("with an explicit deny in an identity-based policy")) == ("AccessDenied", True)


@pytest.mark.sandbox
def test_passing_a_role_to_lambda_needs_iam_pass_role(enforced):
    provider = enforced["accounts"]["provider"]["id"]
    client, _role = assumed(enforced, statement("Lambda", "lambda:CreateFunction"))
    target = f"arn:aws:iam::{provider}:role/{unique('fn-role')}"
    code, message = refused(client("lambda").create_function, FunctionName=unique("fn"), Runtime="python3.13",
                            Role=target, Handler="index.handler", Code={"ZipFile": b"PK\x05\x06" + b"\0" * 18})
    assert code == "AccessDeniedException"
    assert f"is not authorized to perform: iam:PassRole on resource: {target}" in message


@pytest.mark.sandbox
def test_the_first_lattice_resource_needs_the_service_linked_role(enforced):
    calls = CallLog(enforced["calls_log"])
    slr = (f"arn:aws:iam::{enforced['accounts']['provider']['id']}:role/aws-service-role/vpc-lattice.amazonaws.com/"
           "AWSServiceRoleForVpcLattice")
    without, _role = assumed(enforced, statement("Lattice", "vpc-lattice:CreateServiceNetwork"))
    code, message = refused(without("vpc-lattice").create_service_network, name=unique("net"))
    assert code == "AccessDeniedException" and f"iam:CreateServiceLinkedRole on resource: {slr}" in message

    mark = calls.mark()
    client, _role = assumed(enforced, statement("Lattice", "vpc-lattice:CreateServiceNetwork"),
                            statement("LinkedRole", "iam:CreateServiceLinkedRole", slr))
    client("vpc-lattice").create_service_network(name=unique("net"))
    assert "AWSServiceRoleForVpcLattice" in [
        r["RoleName"] for r in testing.client(enforced, "provider", "iam").list_roles()["Roles"]]
    # The call log says which statement allowed each action the call needed.
    [created] = [c for c in calls(since=mark) if c["operation"] == "CreateServiceNetwork"]
    assert [(c["action"], c["allowed_by"]) for c in created["iam"]["checks"]] == [
        ("vpc-lattice:CreateServiceNetwork", ["Lattice"]), ("iam:CreateServiceLinkedRole", ["LinkedRole"])]
    # Once the role exists, the next create no longer needs the permission.
    without("vpc-lattice").create_service_network(name=unique("net"))


@pytest.mark.sandbox
def test_assuming_a_role_needs_its_trust_policy_to_name_the_caller(enforced):
    with pytest.raises(ClientError) as raised:
        assumed(enforced, statement("Any", "vpc-lattice:ListServices"), trusted=False)
    assert raised.value.response["Error"]["Code"] == "AccessDenied"
    assert "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" in \
        raised.value.response["Error"]["Message"]
