"""SANDBOX_FAULTS: throttling and internal errors, in each service's own format, before any effect."""

from __future__ import annotations

import json

import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.parsers import create_parser

from sandbox import testing
from sandbox.moto_ext.core.faults import INTERNAL, THROTTLING, FaultInjector, FaultSettings, render
from sandbox.testing import unique

# One operation per service, to parse its faults with botocore as a client would.
OPERATIONS = {
    "vpc-lattice": "ListServices", "ram": "GetResourceShares", "ec2": "DescribeVpcs", "iam": "ListRoles",
    "sts": "GetCallerIdentity", "lambda": "ListFunctions", "organizations": "ListAccounts",
    "route53": "ListHostedZonesByName",
}
EXPECTED_THROTTLING = {
    "vpc-lattice": ("ThrottlingException", 429), "ram": ("ThrottlingException", 429),
    "ec2": ("RequestLimitExceeded", 503), "iam": ("Throttling", 400), "sts": ("Throttling", 400),
    "lambda": ("TooManyRequestsException", 429), "organizations": ("TooManyRequestsException", 400),
    "route53": ("Throttling", 400),
}


def parsed(service: str, fault) -> dict:
    model = botocore.session.get_session().get_service_model(service)
    status, headers, body = render(fault, service)
    response = {"status_code": int(status.split()[0]), "headers": dict(headers), "body": body}
    return create_parser(model.metadata["protocol"]).parse(response, model.operation_model(OPERATIONS[service]).output_shape)


@pytest.mark.parametrize("service", sorted(OPERATIONS))
def test_each_service_throttles_in_its_own_format(service):
    answer = parsed(service, THROTTLING[service])
    assert (answer["Error"]["Code"], answer["ResponseMetadata"]["HTTPStatusCode"]) == EXPECTED_THROTTLING[service]
    for fault in INTERNAL[service]:
        answer = parsed(service, fault)
        assert answer["Error"]["Code"] == fault.code and answer["ResponseMetadata"]["HTTPStatusCode"] in (500, 503)


def test_settings_are_checked():
    assert FaultSettings.parse("throttle=0.2,error=0.05,seed=7") == FaultSettings(0.2, 0.05, "7")
    assert FaultSettings.parse("") == FaultSettings(0.0, 0.0, None)
    for bad in ("throttle=2", "throttle=0.6,error=0.6", "slow=0.1", "throttle"):
        with pytest.raises(ValueError, match="SANDBOX_FAULTS"):
            FaultSettings.parse(bad)


def test_a_seed_repeats_the_same_faults():
    def run(seed: str) -> list[str]:
        injector = FaultInjector(lambda environ, start: [b"ok"], FaultSettings(0.3, 0.1, seed), lambda e: "ec2")
        outcome = []
        for _index in range(60):
            environ: dict = {}
            injector(environ, lambda status, headers: None)
            outcome.append(environ.get("sandbox.fault", "-"))
        return outcome

    first = run("7")
    assert first == run("7") and first != run("8")
    assert {"throttle", "error", "-"} == set(first)


@pytest.fixture(scope="module")
def faulty(private_sandbox):
    info = private_sandbox(faults="throttle=0.3,error=0.1,seed=7")
    assert info["faults"] == "throttle=0.3,error=0.1,seed=7"
    no_retries = Config(retries={"max_attempts": 1, "mode": "standard"})
    return info, lambda profile, service: testing.client(info, profile, service, config=no_retries)


def test_faults_are_answered_before_any_effect_and_logged(faulty):
    info, client = faulty
    ec2 = client("consumer", "ec2")
    vpc = None
    while vpc is None:
        try:
            vpc = ec2.create_vpc(CidrBlock="10.77.0.0/16")["Vpc"]["VpcId"]
        except ClientError:
            pass
    made, failures = [], []
    for _index in range(30):
        name = unique("sg")
        try:
            ec2.create_security_group(GroupName=name, Description="faults", VpcId=vpc)
            made.append(name)
        except ClientError as error:
            failures.append((error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]))
    assert failures and made
    assert set(failures) <= {("RequestLimitExceeded", 503), ("InternalError", 500), ("Unavailable", 503)}

    listed = None
    while listed is None:
        try:
            listed = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]
        except ClientError:
            pass
    # a faulted create made nothing: only the answered ones exist (plus the VPC's default group)
    assert sorted(g["GroupName"] for g in listed if g["GroupName"] != "default") == sorted(made)

    with open(info["calls_log"], encoding="utf-8") as log:
        calls = [json.loads(line) for line in log]
    creates = [c for c in calls if c["operation"] == "CreateSecurityGroup"]
    assert {c.get("fault") for c in creates} >= {"throttle", None}
    assert all(c["error"] in ("RequestLimitExceeded", "InternalError", "Unavailable") for c in creates if c.get("fault"))
    assert sum(1 for c in creates if not c.get("fault")) == len(made)


def test_sdk_retries_get_through(faulty):
    """With the SDK's standard retries, a run under faults completes: the codes are retryable."""
    info, _client = faulty
    retrying = Config(retries={"max_attempts": 10, "mode": "standard"})
    for profile, service, call in (
        ("provider", "vpc-lattice", lambda c: c.list_services()),
        ("provider", "ram", lambda c: c.get_resource_shares(resourceOwner="SELF")),
        ("provider", "iam", lambda c: c.list_roles()),
        ("provider", "sts", lambda c: c.get_caller_identity()),
        ("provider", "lambda", lambda c: c.list_functions()),
        ("management", "organizations", lambda c: c.list_accounts()),
    ):
        client = testing.client(info, profile, service, config=retrying)
        for _index in range(5):
            call(client)
