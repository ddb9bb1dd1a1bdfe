"""A refusal for a missing IAM permission: the permission read from AWS's message, in each service's wording."""

import pytest

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import (
    access_denied_advice,
    missing_permission,
)

WHO = "User: arn:aws:sts::123456789012:assumed-role/lattice-deployer/s"


@pytest.mark.parametrize("code, message, expected", [
    # IAM / STS / Route 53 (AccessDenied), with the resource
    ("AccessDenied", f"{WHO} is not authorized to perform: iam:GetRole on resource: "
                     "arn:aws:iam::123456789012:role/lambda-vpc-lattice-role because no identity-based policy allows "
                     "the iam:GetRole action", ("iam:GetRole", "arn:aws:iam::123456789012:role/lambda-vpc-lattice-role")),
    # EC2 puts its own sentence first
    ("UnauthorizedOperation", f"You are not authorized to perform this operation. {WHO} is not authorized to "
                              "perform: ec2:CreateVpc because no identity-based policy allows the ec2:CreateVpc action",
     ("ec2:CreateVpc", None)),
    # REST-JSON services, an explicit deny
    ("AccessDeniedException", f"{WHO} is not authorized to perform: vpc-lattice:CreateService with an explicit "
                              "deny in an identity-based policy", ("vpc-lattice:CreateService", None)),
])
def test_the_missing_permission_is_read_from_the_message(code, message, expected):
    assert missing_permission(code, message) == expected
    advice = access_denied_advice(code, message)
    assert f"lack the IAM permission {expected[0]}" in advice and "iam/ folder" in advice


@pytest.mark.parametrize("code, message", [
    # VPC Lattice's refusal of another account's resource names no permission: other advice fits better
    ("AccessDeniedException", "The resource is shared: only its owner may read its tags"),
    ("ConflictException", f"{WHO} is not authorized to perform: vpc-lattice:DeleteService"),
])
def test_other_refusals_get_no_iam_advice(code, message):
    assert access_denied_advice(code, message) is None
