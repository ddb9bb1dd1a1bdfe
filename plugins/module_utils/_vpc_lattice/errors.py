# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Turns VPC Lattice ClientErrors into messages that say what to do next."""

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError

from .._resource import AdvisingErrorHandler


class AnsibleLatticeError(AnsibleAWSError):
    pass


# Advice per error code, looked up by the action being taken ("delete", "create",
# ...) first, then for any action.  "{kind}" and "{ident}" are filled in.
ADVICE = {
    ("ConflictException", "delete"): "{kind} {ident} is still in use: {dependents}",
    ("ConflictException", "create"): (
        "a conflicting {kind} already exists (names are unique per account, a VPC belongs to one service network, "
        "a service has at most 2 listeners); reuse it or pick another name"
    ),
    ("ConflictException", None): "{kind} {ident} is busy or in a conflicting state; wait for it to settle and retry",
    ("ResourceNotFoundException", None): (
        "{kind} {ident} was not found; check the name, ID or ARN (a resource of another account must be given "
        "by ARN and shared with this account through AWS RAM)"
    ),
    ("AccessDeniedException", None): (
        "this account may not use {kind} {ident}; if it belongs to another account, share it with this account "
        "through AWS RAM (and accept the invitation outside an organization), or check the IAM permissions"
    ),
    (
        "ServiceQuotaExceededException",
        None,
    ): "a VPC Lattice quota is exhausted; delete unused resources or request a quota increase",
    ("ValidationException", None): "AWS rejected the parameters; check them against the module documentation",
    ("ThrottlingException", None): "AWS kept throttling the requests; retry later",
}

# What can keep each kind from being deleted (the ConflictException cases AWS documents).
DEPENDENTS = {
    "service network": (
        "service or VPC associations still exist; remove them first with vpc_lattice_service_network_service_association "
        "and vpc_lattice_service_network_vpc_association (state=absent)"
    ),
    "service": (
        "it is still associated with a service network; remove the association "
        "(vpc_lattice_service_network_service_association state=absent) first"
    ),
    "target group": (
        "a listener or listener rule still forwards to it; change or delete those "
        "(vpc_lattice_listener / vpc_lattice_listener_rule) first"
    ),
    "service network VPC association": "it is still being created or updated; wait until it is ACTIVE and retry",
    "service network service association": "it is still being created; wait until it is ACTIVE and retry",
}


def advice(code, action, kind, ident):
    template = ADVICE.get((code, action)) or ADVICE.get((code, None))
    if not template:
        return None
    dependents = DEPENDENTS.get(kind, "another resource still depends on it; remove that first")
    return template.format(kind=kind, ident=ident or "", dependents=dependents).replace("  ", " ")


class Call(str):
    """The description of an API call ("delete service svc-1") that keeps its parts for the advice."""

    def __new__(cls, verb, kind, ident=None):
        call = super().__new__(cls, f"{verb} {kind}" + (f" {ident}" if ident else ""))
        call.verb, call.kind, call.ident = verb, kind, ident
        return call


class LatticeErrorHandler(AdvisingErrorHandler):
    _CUSTOM_EXCEPTION = AnsibleLatticeError
    MISSING_CODES = ("ResourceNotFoundException",)

    @classmethod
    def advice(cls, code, aws_message, description):
        return advice(
            code,
            getattr(description, "verb", None),
            getattr(description, "kind", None),
            getattr(description, "ident", None),
        )
