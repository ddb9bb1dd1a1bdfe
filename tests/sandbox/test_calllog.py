"""The call log names every answered call the way botocore does, for every protocol."""

from __future__ import annotations

from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import is_mutating

pytestmark = pytest.mark.sandbox


def _entry(log, service, operation, account=None):
    # Tests run in parallel against one sandbox: another worker's calls can interleave with ours.
    matches = [
        c for c in log
        if c["service"] == service and c["operation"] == operation and account in (None, c["account"])
    ]
    assert matches, f"no {service} {operation} by {account or 'any account'} in {log}"
    return matches[-1]


def test_successful_calls_of_each_protocol_are_logged(sandbox, aws_client, calls):
    mark = calls.mark()
    aws_client("consumer", "ec2").describe_vpcs()  # query
    aws_client("consumer", "sts").get_caller_identity()  # query
    aws_client("consumer", "organizations").describe_organization()  # JSON
    aws_client("provider", "ram").get_resource_shares(resourceOwner="SELF")  # REST-JSON
    aws_client("provider", "lambda").list_functions()  # REST-JSON
    aws_client("provider", "vpc-lattice").list_services()  # REST-JSON
    log = calls(since=mark)
    consumer, provider = sandbox["accounts"]["consumer"]["id"], sandbox["accounts"]["provider"]["id"]
    for service, operation, account in (
        ("ec2", "DescribeVpcs", consumer),
        ("sts", "GetCallerIdentity", consumer),
        ("organizations", "DescribeOrganization", consumer),
        ("ram", "GetResourceShares", provider),
        ("lambda", "ListFunctions", provider),
        ("vpc-lattice", "ListServices", provider),
    ):
        entry = _entry(log, service, operation, account)
        assert entry["region"] == sandbox["region"]
        assert entry["status"] == 200
        assert entry["error"] is None
        assert datetime.fromisoformat(entry["time"]).tzinfo is not None
        assert set(entry) == {"time", "account", "region", "service", "operation", "status", "error", "user_agent"}
        # As CloudTrail's userAgent: botocore's own, here without anything appended.
        assert entry["user_agent"].startswith("Boto3/") and "lattice.multi_account" not in entry["user_agent"]


@pytest.mark.parametrize(
    "profile, service, call, operation, code",
    [
        ("consumer", "ec2", lambda c: c.describe_vpcs(VpcIds=["vpc-0123456789abcdef0"]), "DescribeVpcs",
         "InvalidVpcID.NotFound"),
        ("consumer", "organizations", lambda c: c.describe_account(AccountId="000000000000"), "DescribeAccount",
         "AccountNotFoundException"),
        ("provider", "ram", lambda c: c.get_resource_shares(resourceOwner="NOBODY"), "GetResourceShares",
         "InvalidParameterException"),
        ("provider", "vpc-lattice", lambda c: c.get_service(serviceIdentifier="svc-0123456789abcdef0"), "GetService",
         "ResourceNotFoundException"),
    ],
)
def test_errors_are_logged_with_their_code(sandbox, aws_client, calls, profile, service, call, operation, code):
    mark = calls.mark()
    with pytest.raises(ClientError) as error:
        call(aws_client(profile, service))
    assert error.value.response["Error"]["Code"] == code
    entry = _entry(calls(since=mark), service, operation, sandbox["accounts"][profile]["id"])
    assert entry["error"] == code
    assert entry["status"] == error.value.response["ResponseMetadata"]["HTTPStatusCode"] >= 400


def test_mutating_calls_are_told_apart(aws_client, calls):
    mark = calls.mark()
    ec2 = aws_client("consumer", "ec2")
    group = ec2.create_security_group(GroupName="calllog-probe", Description="call log test")["GroupId"]
    ec2.delete_security_group(GroupId=group)
    aws_client("consumer", "sts").get_caller_identity()
    mutating = [c["operation"] for c in calls.mutating(since=mark) if c["service"] == "ec2"]
    assert mutating == ["CreateSecurityGroup", "DeleteSecurityGroup"]
    assert not is_mutating({"service": "ram", "operation": "ListResources"})
