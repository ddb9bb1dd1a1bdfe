"""RAM managed permissions: the VPC Lattice ones, listing by the API's permission types, getting, replacing.

Moto lists AWS-managed permissions (none for VPC Lattice) but does not attach
any to a share. As on AWS, a share gets the default permission of each resource
type it holds unless the caller chose one for that type.
"""

from __future__ import annotations

import json
from typing import Any

from moto.ram.utils import AWS_MANAGED_PERMISSIONS, format_ram_permission

from .exceptions import InvalidParameterException, MalformedArnException, UnknownResourceException

LATTICE_PERMISSIONS = [
    format_ram_permission(name="AWSRAMDefaultPermissionVpcLatticeService", resource_type="vpc-lattice:Service",
                          creation_time="2023-03-31 00:00:00.000000"),
    format_ram_permission(name="AWSRAMDefaultPermissionVpcLatticeServiceNetwork",
                          resource_type="vpc-lattice:ServiceNetwork", creation_time="2023-03-31 00:00:00.000000"),
    format_ram_permission(name="AWSRAMPermissionVpcLatticeServiceNetworkReadWrite",
                          resource_type="vpc-lattice:ServiceNetwork", creation_time="2023-03-31 00:00:00.000000",
                          is_resource_type_default=False),
]
CATALOG = {permission["arn"]: permission for permission in [*AWS_MANAGED_PERMISSIONS, *LATTICE_PERMISSIONS]}
# What the principal may do with each type (the policy text GetPermission returns).
ACTIONS = {
    "vpc-lattice:Service": ["vpc-lattice:GetService", "vpc-lattice:CreateServiceNetworkServiceAssociation"],
    "vpc-lattice:ServiceNetwork": ["vpc-lattice:GetServiceNetwork", "vpc-lattice:CreateServiceNetworkVpcAssociation",
                                   "vpc-lattice:CreateServiceNetworkServiceAssociation"],
}


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
        return super().list_permissions(resource_type, scope)  # type: ignore[misc]

    def get_permission(self, permission_arn: str) -> dict[str, Any]:
        permission = dict(get(permission_arn))
        statement = {"Effect": "Allow", "Action": ACTIONS.get(permission["resourceType"], ["*"])}
        permission["permission"] = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
        return {"permission": permission}

    def list_resource_share_permissions(self, resource_share_arn: str) -> dict[str, Any]:
        share = self.get_share(resource_share_arn)
        return {"permissions": [dict(get(arn), featureSet="STANDARD") for arn in share.permission_arns]}

    def associate_resource_share_permission(self, resource_share_arn: str, permission_arn: str,
                                            replace: bool) -> dict[str, Any]:
        self.get_share(resource_share_arn).replace_permission(permission_arn, replace)
        return {"returnValue": True}
