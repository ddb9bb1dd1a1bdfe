"""POST /_sandbox/snapshot/<name> and /_sandbox/restore/<name> (sandbox/snapshot.py): the
test tool with which the interruption matrix checks both paths from one stopped run."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from botocore.exceptions import ClientError

from sandbox import control, testing
from sandbox.testing import unique, wait_status

pytestmark = pytest.mark.sandbox

DELAY = 1.0  # every transitional state, in seconds
PROPAGATION = 1.0  # a new IAM role cannot be given to a Lambda function for this long
TRUST = ('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", '
         '"Principal": {"Service": "lambda.amazonaws.com"}}]}')


@pytest.fixture(scope="module")
def info(private_sandbox):
    return private_sandbox(delay=DELAY, iam_propagation=PROPAGATION)


def names(lattice):
    return {network["name"] for network in lattice.list_service_networks()["items"]}


def test_restore_puts_back_what_was_saved_and_drops_what_came_after(info):
    lattice, ssm = testing.client(info, "provider", "vpc-lattice"), testing.client(info, "provider", "ssm")
    kept = lattice.create_service_network(name=unique("kept"))
    parameter = "/" + unique("kept")  # SSM's ParameterDict needs its own way of being copied
    ssm.put_parameter(Name=parameter, Value="saved", Type="String")
    control.snapshot(info, "kept")
    later = lattice.create_service_network(name=unique("later"))
    lattice.delete_service_network(serviceNetworkIdentifier=kept["id"])
    ssm.put_parameter(Name=parameter, Value="changed", Type="String", Overwrite=True)
    assert kept["name"] not in names(lattice)

    control.restore(info, "kept")
    assert kept["name"] in names(lattice) and later["name"] not in names(lattice)
    assert lattice.get_service_network(serviceNetworkIdentifier=kept["id"])["arn"] == kept["arn"]
    assert ssm.get_parameter(Name=parameter)["Parameter"]["Value"] == "saved"
    # A snapshot can be restored again: the restore copied it.
    lattice.delete_service_network(serviceNetworkIdentifier=kept["id"])
    control.restore(info, "kept")
    assert kept["name"] in names(lattice)


def test_restore_resumes_each_transition_with_the_time_it_had_left(info):
    lattice = testing.client(info, "provider", "vpc-lattice")
    service = lattice.create_service(name=unique("creating"))
    assert service["status"] == "CREATE_IN_PROGRESS"
    control.snapshot(info, "creating")
    wait_status(lambda: lattice.get_service(serviceIdentifier=service["id"]))  # DELAY has passed

    control.restore(info, "creating")
    # As at the snapshot, not as DELAY later: a re-deploy from it finds the create in progress.
    assert lattice.get_service(serviceIdentifier=service["id"])["status"] == "CREATE_IN_PROGRESS"
    wait_status(lambda: lattice.get_service(serviceIdentifier=service["id"]))


def test_restore_resumes_the_iam_propagation_of_a_new_role(info):
    iam, functions = testing.client(info, "provider", "iam"), testing.client(info, "provider", "lambda")
    role = iam.create_role(RoleName=unique("new"), AssumeRolePolicyDocument=TRUST)["Role"]
    control.snapshot(info, "new-role")
    code = BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return {}\n")

    def create_function():
        return functions.create_function(FunctionName=unique("fn"), Runtime="python3.12", Role=role["Arn"],
                                         Handler="index.handler", Code={"ZipFile": code.getvalue()})
    testing.wait_until(lambda: _created(create_function), bool)  # PROPAGATION has passed

    control.restore(info, "new-role")
    with pytest.raises(ClientError, match="cannot be assumed"):
        create_function()


def _created(create):
    try:
        return create()
    except ClientError as error:
        if "cannot be assumed" in str(error):
            return None
        raise


def test_restore_puts_back_how_often_an_aws_managed_policy_is_attached(info):
    """AWS managed policies are shared, not copied (snapshot.py): their attachment count is
    what a snapshot saves of them."""
    iam = testing.client(info, "provider", "iam")
    policy = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    role = iam.create_role(RoleName=unique("reader"), AssumeRolePolicyDocument=TRUST)["Role"]["RoleName"]
    before = iam.get_policy(PolicyArn=policy)["Policy"]["AttachmentCount"]
    control.snapshot(info, "unattached")
    iam.attach_role_policy(RoleName=role, PolicyArn=policy)
    assert iam.get_policy(PolicyArn=policy)["Policy"]["AttachmentCount"] == before + 1

    control.restore(info, "unattached")
    assert iam.get_policy(PolicyArn=policy)["Policy"]["AttachmentCount"] == before
    assert iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"] == []


def test_restoring_a_name_never_saved_is_an_error(info):
    with pytest.raises(RuntimeError, match="no snapshot named 'never'"):
        control.restore(info, "never")
