# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ram and organizations clients of the ram_* modules: errors with advice, and the caller's organization."""

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError

from .._core.client import AWSClient

_EXTERNAL = "set allow_external_principals: true to share with accounts outside your AWS Organization, or remove them"
_ORG_SHARING = (
    "organization and OU principals need sharing with AWS Organizations enabled: run "
    "lattice.multi_account.ram_organization_sharing with the management account's credentials"
)


class AnsibleRAMError(AnsibleAWSError):
    """A failure of the ram_* modules."""


def _external_principal_advice(aws_message):
    """RAM refuses a principal outside the organization with OperationNotPermittedException or,
    depending on the operation, InvalidParameterException (RAM API reference, CreateResourceShare /
    AssociateResourceShare errors); both get the same advice."""
    lowered = aws_message.lower()
    if "external" in lowered or "outside" in lowered:
        return _EXTERNAL
    if "organization" in lowered:
        return f"{_EXTERNAL}; {_ORG_SHARING}"
    return None


class RAMClient(AWSClient):
    service = "ram"
    error_class = AnsibleRAMError
    missing_codes = ("UnknownResourceException", "ResourceShareInvitationArnNotFoundException")
    advice_by_code = {
        "UnknownResourceException": (
            "a resource share, resource, principal or permission given does not exist; check the ARNs and account "
            "IDs (a resource must be in the region the module runs in)"
        ),
        "MalformedArnException": (
            "an ARN is malformed or its resource type cannot be shared; check resource_arns and permission_arns"
        ),
        "InvalidParameterException": "AWS rejected a parameter; check it against the module documentation",
        "InvalidStateTransitionException": (
            "the resource share is being changed or deleted; wait a little and run the task again"
        ),
        "ResourceShareLimitExceededException": (
            "a RAM quota is exhausted; delete unused shares or request a quota increase"
        ),
        "TagPolicyViolationException": "the tags break a tag policy of your organization; fix tags",
        "UnmatchedPolicyPermissionException": (
            "permission_arns do not match the resource types being shared; use a permission for each resource type"
        ),
        "ResourceShareInvitationAlreadyRejectedException": (
            "the invitation was rejected; the owner must share with this account again"
        ),
        "ResourceShareInvitationExpiredException": (
            "the invitation expired; the owner must share with this account again"
        ),
        "AccessDeniedException": "the credentials may not do this; check the IAM permissions of the calling role",
        "ThrottlingException": "AWS kept throttling the requests; retry later",
    }

    def advice(self, code, aws_message, operation):
        if code in ("OperationNotPermittedException", "InvalidParameterException"):
            external = _external_principal_advice(aws_message)
            if external:
                return external
        if code == "OperationNotPermittedException":
            return (
                "only the owner of a resource can share it (a resource shared with you cannot be shared again); "
                f"{_EXTERNAL}"
            )
        return super().advice(code, aws_message, operation)


class OrganizationsClient(AWSClient):
    service = "organizations"
    error_class = AnsibleRAMError
    missing_codes = ("AWSOrganizationsNotInUseException",)
    advice_by_code = {
        "AccessDeniedException": (
            "only the organization's management account (or a delegated administrator) may do this; "
            "run the task with the management account's credentials"
        ),
    }

    def organization(self):
        """The caller's organization (DescribeOrganization), or None outside any organization."""
        found = self.call_unless_missing("describe_organization", "describe the organization of this account")
        return found["Organization"] if found else None


class IAMClient(AWSClient):
    service = "iam"
    error_class = AnsibleRAMError
    missing_codes = ("NoSuchEntity",)
