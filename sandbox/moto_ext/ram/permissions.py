"""RAM managed permissions: the VPC Lattice ones, listing by the API's permission types, getting, replacing.

Moto lists AWS-managed permissions (none for VPC Lattice) but does not attach
any to a share. As on AWS, a share gets the default permission of each resource
type it holds unless the caller chose one for that type.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from moto.ram.utils import AWS_MANAGED_PERMISSIONS, format_ram_permission

from .exceptions import (
    InvalidParameterException,
    MalformedArnException,
    OperationNotPermittedException,
    UnknownResourceException,
)

# The names follow RAM's naming of AWS managed default permissions (AWSRAMDefaultPermission<Type>,
# as AWSRAMDefaultPermissionSubnet); no AWS page lists the VPC Lattice ones. Sources found:
# AWSRAMPermissionVpcLatticeServiceNetworkReadWrite is the default of aws-ia's
# terraform-aws-amazon-vpc-lattice-module (users' code, so it exists); the VPC Lattice user
# guide names AWSRAMPermissionVpcLatticeResourceConfiguration for resource configurations;
# one user's guide spells the network default AWSRAMDefaultPermissionVPCLatticeServiceNetwork.
# No authoritative source for the exact spelling of the two defaults: treat them as a guess.
LATTICE_PERMISSIONS = [
    format_ram_permission(name="AWSRAMDefaultPermissionVpcLatticeService", resource_type="vpc-lattice:Service",
                          creation_time="2023-03-31 00:00:00.000000"),
    format_ram_permission(name="AWSRAMDefaultPermissionVpcLatticeServiceNetwork",
                          resource_type="vpc-lattice:ServiceNetwork", creation_time="2023-03-31 00:00:00.000000"),
    format_ram_permission(name="AWSRAMPermissionVpcLatticeServiceNetworkReadWrite",
                          resource_type="vpc-lattice:ServiceNetwork", creation_time="2023-03-31 00:00:00.000000",
                          is_resource_type_default=False),
    # Named by the VPC Lattice user guide ("Share resource configurations"): the one permission for the type.
    format_ram_permission(name="AWSRAMPermissionVpcLatticeResourceConfiguration",
                          resource_type="vpc-lattice:ResourceConfiguration",
                          creation_time="2024-12-01 00:00:00.000000"),
]
CATALOG = {permission["arn"]: permission for permission in [*AWS_MANAGED_PERMISSIONS, *LATTICE_PERMISSIONS]}
# What the principal may do with each type (the policy text GetPermission returns).
ACTIONS = {
    "vpc-lattice:Service": ["vpc-lattice:GetService", "vpc-lattice:CreateServiceNetworkServiceAssociation"],
    "vpc-lattice:ServiceNetwork": ["vpc-lattice:GetServiceNetwork", "vpc-lattice:CreateServiceNetworkVpcAssociation",
                                   "vpc-lattice:CreateServiceNetworkServiceAssociation"],
    "vpc-lattice:ResourceConfiguration": ["vpc-lattice:GetResourceConfiguration",
                                          "vpc-lattice:CreateServiceNetworkResourceAssociation"],
}


def on_the_wire(permission: dict[str, Any]) -> dict[str, Any]:
    """A permission as RAM sends it: restJson1 timestamps are epoch seconds (numbers), not the
    strings moto keeps (AWS SDKs other than boto3 refuse strings: the Go SDK does)."""
    result = dict(permission)
    for key in ("creationTime", "lastUpdatedTime"):
        if isinstance(result.get(key), str):
            parsed = datetime.strptime(result[key], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc)
            result[key] = parsed.timestamp()
    return result


def get(arn: str) -> dict[str, Any]:
    if not arn.startswith("arn:aws:ram:"):
        raise MalformedArnException(f"The specified permission ARN {arn} is not valid. Verify the ARN and try again.")
    if arn not in CATALOG:
        raise UnknownResourceException(f"Permission {arn} could not be found.")
    return CATALOG[arn]


def default_for(resource_type: str) -> str | None:
    return next(
        (p["arn"] for p in CATALOG.values() if p["resourceType"] == resource_type and p["isResourceTypeDefault"]),
        None,
    )


class SharePermissions:
    """ResourceShare mixin: the permission ARNs attached to the share."""

    permission_arns: list[str]

    def choose_permissions(self, arns: list[str]) -> None:
        for arn in arns:
            get(arn)
        self.permission_arns = list(dict.fromkeys(arns))

    def add_default_permissions(self, resource_types: list[str]) -> None:
        held = {get(arn)["resourceType"] for arn in self.permission_arns}
        for resource_type in dict.fromkeys(resource_types):
            default = default_for(resource_type)
            if default and resource_type not in held:
                self.permission_arns.append(default)

    def replace_permission(self, arn: str, replace: bool) -> None:
        resource_type = get(arn)["resourceType"]
        same_type = [p for p in self.permission_arns if get(p)["resourceType"] == resource_type and p != arn]
        if same_type and not replace:
            raise InvalidParameterException(
                f"The resource share already has a permission for {resource_type}: set replace to swap it."
            )
        self.permission_arns = [p for p in self.permission_arns if p not in same_type]
        if arn not in self.permission_arns:
            self.permission_arns.append(arn)


class PermissionsBackend:
    """RAM backend mixin."""

    def get_share(self, arn: str | None) -> Any:
        raise NotImplementedError

    def list_permissions(self, resource_type: str, permission_type: str) -> dict[str, Any]:
        # The API's values are AWS_MANAGED / CUSTOMER_MANAGED; moto only accepts its older AWS / LOCAL.
        scope = {"AWS_MANAGED": "AWS", "CUSTOMER_MANAGED": "LOCAL"}.get(permission_type, permission_type)
        result = super().list_permissions(resource_type, scope)  # type: ignore[misc]
        return dict(result, permissions=[on_the_wire(p) for p in result["permissions"]])

    def get_permission(self, permission_arn: str) -> dict[str, Any]:
        permission = on_the_wire(get(permission_arn))
        statement = {"Effect": "Allow", "Action": ACTIONS.get(permission["resourceType"], ["*"])}
        permission["permission"] = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        return {"permission": permission}

    def list_resource_share_permissions(self, resource_share_arn: str) -> dict[str, Any]:
        share = self.get_share(resource_share_arn)
        return {"permissions": [on_the_wire(dict(get(arn), featureSet="STANDARD")) for arn in share.permission_arns]}

    def associate_resource_share_permission(self, resource_share_arn: str, permission_arn: str,
                                            replace: bool) -> dict[str, Any]:
        share = self.get_share(resource_share_arn)
        resource_type = get(permission_arn)["resourceType"]
        # RAM API reference, AssociateResourceSharePermission: "You can add a new AWS RAM
        # permission only if there are currently no resources of that resource type currently
        # in the resource share." (ReplacePermissionAssociations is the way for shares in use.)
        # The reference names no error code; OperationNotPermittedException is in the operation's
        # error list and is RAM's answer for what the share's state does not allow.
        held = [a.entity for a in share.associations if a.kind == "RESOURCE"
                and a.status in ("ASSOCIATED", "ASSOCIATING") and (a.resource_type or "").lower() == resource_type.lower()]
        if held:
            raise OperationNotPermittedException(
                f"The resource share {resource_share_arn} contains resources of type {resource_type} "
                f"({', '.join(held)}): a permission for that type can only be added or replaced "
                "while the share holds none of them."
            )
        share.replace_permission(permission_arn, replace)
        return {"returnValue": True}
