# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The two failures a module reports besides AWS's own errors: bad input, and a wait that went wrong."""

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
