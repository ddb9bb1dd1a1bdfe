"""Which resources RAM can share, their RAM type, and whether the owner has them.

Moto's RAM knows resource types only by the word after the account in the ARN
and never checks that the resource exists. AWS refuses a resource the caller
does not own (a resource shared with you cannot be re-shared) or that does not
exist; for VPC Lattice this is checked against the owner's Lattice backend.
"""

from __future__ import annotations

import re
from typing import Any

from moto.ram.models import ResourceShare as MotoResourceShare

from .exceptions import MalformedArnException, OperationNotPermittedException, UnknownResourceException

ARN = re.compile(r"^arn:aws[a-z-]*:(?P<service>[a-z0-9-]+):(?P<region>[a-z0-9-]*):(?P<account>\d{12}):(?P<kind>[a-z-]+)[/:](?P<id>.+)$")
# (service in the ARN, resource word) -> RAM resource type, where moto lacks them.
TYPES = {
    ("vpc-lattice", "service"): "vpc-lattice:Service",
    ("vpc-lattice", "servicenetwork"): "vpc-lattice:ServiceNetwork",
    # VPC Lattice user guide, "Share resource configurations": RAM type vpc-lattice:ResourceConfiguration.
    ("vpc-lattice", "resourceconfiguration"): "vpc-lattice:ResourceConfiguration",
    ("ec2", "subnet"): "ec2:Subnet",
    ("ec2", "transit-gateway"): "ec2:TransitGateway",
    ("ec2", "prefix-list"): "ec2:PrefixList",
}
LATTICE_STORES = {
    "service": "services",
    "servicenetwork": "service_networks",
    "resourceconfiguration": "resource_configurations",
}


def parse(arn: str) -> re.Match:
    match = ARN.match(arn)
    if not match:
        raise MalformedArnException(f"The specified resource ARN {arn} is not valid. Verify the ARN and try again.")
    return match


def resource_type(arn: str) -> str:
    match = parse(arn)
    known = TYPES.get((match["service"], match["kind"]))
    if known:
        return known
    if match["kind"] not in MotoResourceShare.SHAREABLE_RESOURCES:
        raise MalformedArnException("You cannot share the selected resource type.")
    return f"{match['service']}:{match['kind'].title().replace('-', '')}"


def _lattice_resource(match: re.Match) -> Any:
    from moto.vpclattice.models import vpclattice_backends

    per_account = vpclattice_backends.get(match["account"], {})
    backend = per_account[match["region"]] if match["region"] in per_account.keys() else None
    store = getattr(backend, LATTICE_STORES[match["kind"]], {}) if backend else {}
    resource = store.get(match["id"])
    lifecycle = getattr(resource, "lifecycle", None)
    return None if resource is None or (lifecycle is not None and lifecycle.gone) else resource


def still_exists(arn: str) -> bool:
    """False once a shared Lattice resource has been deleted (RAM then drops it from its shares)."""
    match = ARN.match(arn)
    return not (match and match["service"] == "vpc-lattice" and match["kind"] in LATTICE_STORES) or (
        _lattice_resource(match) is not None
    )


def check_shareable(arn: str, owner: str, region: str) -> str:
    """The RAM type of ``arn``, after checking that ``owner`` may share it in ``region``."""
    kind = resource_type(arn)
    match = parse(arn)
    not_found = UnknownResourceException(f"The resource {arn} could not be found in account {owner}.")
    if match["account"] != owner or match["region"] not in ("", region):
        raise not_found
    resource = _lattice_resource(match) if match["service"] == "vpc-lattice" else None
    if match["service"] == "vpc-lattice" and resource is None:
        raise not_found
    if match["kind"] == "servicenetwork" and (getattr(resource, "sharing_config", None) or {}).get("enabled") is False:
        # CreateServiceNetwork sharingConfig: "Specify if the service network should be enabled for sharing";
        # one created with sharing disabled cannot join a share. RAM names no code for it: its refusal of
        # an operation on a resource that does not allow it is OperationNotPermittedException.
        raise OperationNotPermittedException(f"The service network {arn} is not enabled for sharing.")
    return kind
