"""Fixtures shared by the sandbox tests: ``sandbox`` is overridden here with an instant one, and
``aws_client`` and ``calls`` (tests/conftest.py) re-bound to it."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import CallLog, client_factory, session_sandbox, unique, wait_status


INSTANT = {"lag": 0, "iam_propagation": 0, "faults": "", "timing": ""}


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    """The session sandbox of these tests is an instant one, whatever SANDBOX_LAG & co. say:
    they check the sandbox's rules one call at a time; the behaviour over time has its own
    tests (test_lag, test_iam_propagation, test_faults, test_timing), each with a private sandbox.
    A sandbox already running at SANDBOX_STATE_DIR is reused when it is instant."""
    with session_sandbox(tmp_path_factory.mktemp, **INSTANT) as info:
        yield info


# Re-bound to the instant sandbox above (see tests/conftest.py for why).
@pytest.fixture(scope="session")
def aws_client(sandbox):
    return client_factory(sandbox)


@pytest.fixture(scope="session")
def calls(sandbox):
    return CallLog(sandbox["calls_log"])


@pytest.fixture(scope="session")
def provider(aws_client):
    return aws_client("provider", "vpc-lattice")


@pytest.fixture(scope="session")
def consumer(aws_client):
    return aws_client("consumer", "vpc-lattice")


@pytest.fixture(scope="session")
def account_ids(sandbox):
    return {name: account["id"] for name, account in sandbox["accounts"].items()}


@pytest.fixture
def service(provider):
    """An ACTIVE service in the provider account, deleted afterwards if still there."""
    created = provider.create_service(name=unique("orders"))
    yield wait_status(lambda: provider.get_service(serviceIdentifier=created["id"]))
    try:
        provider.delete_service(serviceIdentifier=created["id"])
    except ClientError:
        pass


@pytest.fixture
def lambda_function(aws_client):
    """A Lambda function in the provider account (moto creates it without running it)."""
    iam = aws_client("provider", "iam")
    name = unique("fn")
    role = iam.create_role(
        RoleName=name,
        AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
        '"Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    )["Role"]["Arn"]
    return aws_client("provider", "lambda").create_function(
        FunctionName=name, Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": b"print(1)"}
    )["FunctionArn"]


@pytest.fixture
def lambda_target_group(provider):
    created = provider.create_target_group(name=unique("lambda"), type="LAMBDA")
    return wait_status(lambda: provider.get_target_group(targetGroupIdentifier=created["id"]))


@pytest.fixture
def vpc(aws_client):
    """A VPC with two security groups in the consumer account."""
    ec2 = aws_client("consumer", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    groups = [
        ec2.create_security_group(GroupName=unique("sg"), Description="lattice test", VpcId=vpc_id)["GroupId"]
        for _index in range(2)
    ]
    return {"id": vpc_id, "security_groups": groups, "ec2": ec2}


@pytest.fixture
def service_network(consumer):
    created = consumer.create_service_network(name=unique("net"))
    yield created
    try:
        consumer.delete_service_network(serviceNetworkIdentifier=created["id"])
    except ClientError:
        pass


@pytest.fixture(scope="module")
def private_sandbox(tmp_path_factory):
    """``private_sandbox(lag=..., faults=..., ...)``: a sandbox of its own with those settings (the others
    instant, whatever the environment says), stopped after the module."""
    from sandbox import control

    started = []

    def start(**behaviour):
        state = tmp_path_factory.mktemp("sandbox")
        started.append(state)
        return control.start(
            state, control.free_port(), accounts=("provider", "consumer"), external=("outsider",),
            **{**INSTANT, **behaviour}
        )

    yield start
    for state in started:
        control.stop(state)
