# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The two failures a module reports besides AWS's own errors: bad input, and a wait that went wrong;
and what to say when AWS refuses a call for lack of an IAM permission."""

import re

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError


class InvalidParameter(ValueError):
    """Raised before any API call when a module option cannot be valid."""

    def __init__(self, param, problem):
        self.param = param
        self.problem = problem
        super().__init__(invalid(param, problem))


def invalid(param, problem):
    return f"Invalid value for parameter '{param}': {problem}"


class WaitError(AnsibleAWSError):
    """A resource ended in a failed state, vanished, or the wait timed out."""


def error_code(error):
    """The AWS error code behind an AnsibleAWSError (or a botocore ClientError), else None."""
    exception = getattr(error, "exception", error)
    response = getattr(exception, "response", None) or {}
    return response.get("Error", {}).get("Code")


class MissingReference(AnsibleAWSError):
    """An option names another resource that does not exist."""


# The error codes of a call the caller's IAM policies do not allow: AccessDenied (IAM, STS, Route 53),
# UnauthorizedOperation (EC2), AccessDeniedException (VPC Lattice, RAM, Lambda, SSM, Organizations).
ACCESS_DENIED_CODES = ("AccessDenied", "AccessDeniedException", "UnauthorizedOperation")
# AWS's message names the action (IAM User Guide, "Troubleshoot access denied error messages"):
# "User: <arn> is not authorized to perform: <action> [on resource: <arn>] because no identity-based policy ..."
_NOT_AUTHORIZED = re.compile(r"is not authorized to perform: (?P<action>[\w-]+:\w+)(?: on resource: (?P<resource>\S+))?")
IAM_POLICIES_HINT = "the least-privilege policies in the iam/ folder of this collection list every action it needs"


def missing_permission(code, message):
    """``(action, resource)`` when ``code``/``message`` say the caller lacks an IAM permission, else None."""
    if code not in ACCESS_DENIED_CODES:
        return None
    found = _NOT_AUTHORIZED.search(message or "")
    if not found:
        return None
    return found.group("action"), found.group("resource")


def access_denied_advice(code, message):
    """What to do about a missing IAM permission, naming it; None for any other error."""
    missing = missing_permission(code, message)
    if missing is None:
        return None
    action, resource = missing
    where = f" on {resource}" if resource else ""
    return (
        f"the credentials lack the IAM permission {action}{where}; allow it in the policy of the role "
        f"this account runs with ({IAM_POLICIES_HINT})"
    )
