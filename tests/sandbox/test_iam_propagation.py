"""SANDBOX_IAM_PROPAGATION: Lambda cannot assume a role younger than the setting."""

from __future__ import annotations

import json
import time

import pytest
from botocore.exceptions import ClientError

from sandbox import testing
from sandbox.testing import unique, wait_until

pytestmark = pytest.mark.sandbox

PROPAGATION = 1.5
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
MESSAGE = "The role defined for the function cannot be assumed by Lambda."


@pytest.fixture(scope="module")
def clients(private_sandbox):
    info = private_sandbox(iam_propagation=PROPAGATION)
    assert info["iam_propagation"] == PROPAGATION
    return testing.client(info, "provider", "iam"), testing.client(info, "provider", "lambda")


def refused(call) -> None:
    with pytest.raises(ClientError) as info:
        call()
    error = info.value.response
    assert (error["Error"]["Code"], error["Error"]["Message"]) == ("InvalidParameterValueException", MESSAGE)
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_a_new_role_cannot_be_used_until_it_has_propagated(clients):
    iam, lam = clients
    name = unique("fn")
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)["Role"]
    create = dict(FunctionName=name, Runtime="python3.12", Role=role["Arn"], Handler="index.handler",
                  Code={"ZipFile": b"print(1)"})
    refused(lambda: lam.create_function(**create))
    with pytest.raises(ClientError):  # nothing was created
        lam.get_function(FunctionName=name)

    def attempt():
        try:
            return lam.create_function(**create)
        except ClientError as error:
            assert error.response["Error"]["Message"] == MESSAGE
            return None

    function = wait_until(attempt, bool, timeout=PROPAGATION + 5)
    # the wall clock, as the sandbox's: accepted only once the role is PROPAGATION seconds old
    assert time.time() - role["CreateDate"].timestamp() >= PROPAGATION
    assert function["Role"] == role["Arn"]

    newer = iam.create_role(RoleName=unique("fn"), AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
    refused(lambda: lam.update_function_configuration(FunctionName=name, Role=newer))
    assert lam.get_function_configuration(FunctionName=name)["Role"] == role["Arn"]
    # a change that does not name a role is not concerned
    lam.update_function_configuration(FunctionName=name, Timeout=10)
