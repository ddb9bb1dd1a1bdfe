"""SANDBOX_TIMING=aws: each transitional state lasts its AWS duration (sandbox/timing.py) times SANDBOX_TIME_SCALE."""

from __future__ import annotations

import time

import pytest

from sandbox import testing, timing
from sandbox.testing import unique, wait_until

SCALE = 0.01  # the Instance Connect endpoint's 150 s become 1.5 s


def test_every_duration_names_its_source():
    for resource, states in timing.AWS.items():
        for state, duration in states.items():
            assert duration.seconds >= 0 and len(duration.source) > 20, (resource, state)


def test_the_table_applies_only_when_asked(monkeypatch):
    monkeypatch.setenv("SANDBOX_DELAY", "0.5")
    monkeypatch.delenv("SANDBOX_TIMING", raising=False)
    assert timing.seconds("ec2-instance-connect-endpoint", "create-in-progress") == 0.5
    assert timing.seconds("lambda-function", "Pending", fast=0) == 0
    monkeypatch.setenv("SANDBOX_TIMING", "aws")
    monkeypatch.setenv("SANDBOX_TIME_SCALE", "0.1")
    assert timing.seconds("ec2-instance-connect-endpoint", "create-in-progress") == pytest.approx(15)
    assert timing.seconds("lattice-service-network", "CREATE_IN_PROGRESS") == 0


@pytest.fixture(scope="module")
def timed(private_sandbox):
    info = private_sandbox(timing="aws", time_scale=SCALE)
    assert (info["timing"], info["time_scale"]) == ("aws", SCALE)
    return lambda profile, service: testing.client(info, profile, service)


def phase_length(read, after: str) -> float:
    started = time.time()
    wait_until(read, lambda value: value == after, timeout=10)
    return time.time() - started


def assert_still_in_phase(seen: str, phase: str, asked: float, lasts: float) -> None:
    """The read after a transition sees `phase` unless that phase's scaled length had passed by then.

    The short phases last well under a second at this scale: on a loaded machine the next
    read may come later than that, and only then may it find the next state already.
    """
    after = time.monotonic() - asked
    assert seen == phase or after >= lasts * SCALE, (seen, phase, after)


def test_instance_connect_endpoint_takes_its_aws_time(timed):
    ec2 = timed("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.62.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.62.1.0/24")["Subnet"]["SubnetId"]
    endpoint = ec2.create_instance_connect_endpoint(SubnetId=subnet)["InstanceConnectEndpoint"]
    assert endpoint["State"] == "create-in-progress"

    def state():
        return ec2.describe_instance_connect_endpoints(
            InstanceConnectEndpointIds=[endpoint["InstanceConnectEndpointId"]])["InstanceConnectEndpoints"][0]["State"]

    expected = timing.AWS["ec2-instance-connect-endpoint"]["create-in-progress"].seconds * SCALE
    took = phase_length(state, "create-complete")
    assert expected - 0.5 <= took <= expected + 1.5


def test_lattice_and_lambda_states_follow_the_table(timed):
    lattice, lam, iam = timed("provider", "vpc-lattice"), timed("provider", "lambda"), timed("provider", "iam")
    network = lattice.create_service_network(name=unique("net"))
    assert lattice.get_service_network(serviceNetworkIdentifier=network["id"])["id"] == network["id"]  # no phase
    service = lattice.create_service(name=unique("timed"))
    assert service["status"] == "CREATE_IN_PROGRESS"
    wait_until(lambda: lattice.get_service(serviceIdentifier=service["id"])["status"], lambda s: s == "ACTIVE",
               timeout=timing.AWS["lattice-service"]["CREATE_IN_PROGRESS"].seconds * SCALE + 2)

    role = iam.create_role(RoleName=unique("fn"), AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    name = unique("fn")
    created = lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="index.handler",
                                  Code={"ZipFile": b"print(1)"})
    assert created["State"] == "Pending"
    wait_until(lambda: lam.get_function_configuration(FunctionName=name)["State"], lambda s: s == "Active", timeout=3)
    asked = time.monotonic()
    lam.update_function_configuration(FunctionName=name, Timeout=10)
    assert_still_in_phase(lam.get_function_configuration(FunctionName=name)["LastUpdateStatus"], "InProgress", asked,
                          timing.AWS["lambda-function"]["InProgress"].seconds)
    wait_until(lambda: lam.get_function_configuration(FunctionName=name)["LastUpdateStatus"],
               lambda s: s == "Successful", timeout=3)


def test_instances_start_pending_and_shut_down(timed):
    ec2 = timed("consumer", "ec2")
    image = timed("consumer", "ssm").get_parameter(
        Name="/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")["Parameter"]["Value"]
    instance = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1)["Instances"][0]
    assert instance["State"] == {"Code": 0, "Name": "pending"}

    def state():
        return ec2.describe_instances(InstanceIds=[instance["InstanceId"]])["Reservations"][0]["Instances"][0]["State"]

    wait_until(state, lambda s: s == {"Code": 16, "Name": "running"}, timeout=3)
    asked = time.monotonic()
    terminating = ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])["TerminatingInstances"][0]
    assert terminating["CurrentState"]["Name"] == "shutting-down"
    assert_still_in_phase(state()["Name"], "shutting-down", asked, timing.AWS["ec2-instance"]["shutting-down"].seconds)
    wait_until(state, lambda s: s == {"Code": 48, "Name": "terminated"}, timeout=3)


def test_an_unknown_timing_is_refused(monkeypatch):
    monkeypatch.setenv("SANDBOX_TIMING", "fast")
    with pytest.raises(ValueError, match="SANDBOX_TIMING"):
        timing.seconds("lattice-service", "CREATE_IN_PROGRESS")
