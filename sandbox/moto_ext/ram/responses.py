"""RAM response handlers for the operations models.py adds or changes."""

from __future__ import annotations

import json
from typing import Any

from moto.ram.responses import ResourceAccessManagerResponse as MotoRamResponse


class ResourceAccessManagerResponse(MotoRamResponse):
    def _answer(self, result: dict[str, Any] | None = None) -> str:
        result = dict(result or {})
        if self._get_param("clientToken"):
            result["clientToken"] = self._get_param("clientToken")
        return json.dumps(result)

    def get_resource_shares(self) -> str:
        return json.dumps(self.ram_backend.get_resource_shares(
            self._get_param("resourceOwner"),
            **{key: self._get_param(key) for key in ("resourceShareArns", "resourceShareStatus", "name", "tagFilters")},
        ))

    def update_resource_share(self) -> str:
        return self._answer(self.ram_backend.update_resource_share(
            self._get_param("resourceShareArn"), self._get_param("allowExternalPrincipals"), self._get_param("name")
        ))

    def delete_resource_share(self) -> str:
        return self._answer(self.ram_backend.delete_resource_share(self._get_param("resourceShareArn")))

    def _association_change(self, method: Any) -> str:
        return self._answer(method(
            self._get_param("resourceShareArn"),
            self._get_param("resourceArns") or [],
            self._get_param("principals") or [],
        ))

    def associate_resource_share(self) -> str:
        return self._association_change(self.ram_backend.associate_resource_share)

    def disassociate_resource_share(self) -> str:
        return self._association_change(self.ram_backend.disassociate_resource_share)

    def list_resources(self) -> str:
        return json.dumps(self.ram_backend.list_resources(
            self._get_param("resourceOwner"),
            **{key: self._get_param(param) for key, param in (
                ("principal", "principal"), ("resource_type", "resourceType"),
                ("resource_arns", "resourceArns"), ("resource_share_arns", "resourceShareArns"))},
        ))

    def list_principals(self) -> str:
        return json.dumps(self.ram_backend.list_principals(
            self._get_param("resourceOwner"),
            **{key: self._get_param(param) for key, param in (
                ("resource_arn", "resourceArn"), ("principals", "principals"),
                ("resource_type", "resourceType"), ("resource_share_arns", "resourceShareArns"))},
        ))

    def get_resource_share_invitations(self) -> str:
        return json.dumps(self.ram_backend.get_resource_share_invitations(
            self._get_param("resourceShareInvitationArns"), self._get_param("resourceShareArns")
        ))

    def accept_resource_share_invitation(self) -> str:
        return self._answer(self.ram_backend.accept_resource_share_invitation(
            self._get_param("resourceShareInvitationArn")
        ))

    def reject_resource_share_invitation(self) -> str:
        return self._answer(self.ram_backend.reject_resource_share_invitation(
            self._get_param("resourceShareInvitationArn")
        ))

    def tag_resource(self) -> str:
        self.ram_backend.tag_resource(self._get_param("resourceShareArn"), self._get_param("tags") or [])
        return "{}"

    def untag_resource(self) -> str:
        self.ram_backend.untag_resource(self._get_param("resourceShareArn"), self._get_param("tagKeys") or [])
        return "{}"

    def get_permission(self) -> str:
        return json.dumps(self.ram_backend.get_permission(self._get_param("permissionArn")), default=str)

    def list_resource_share_permissions(self) -> str:
        return json.dumps(self.ram_backend.list_resource_share_permissions(self._get_param("resourceShareArn")))

    def associate_resource_share_permission(self) -> str:
        return self._answer(self.ram_backend.associate_resource_share_permission(
            self._get_param("resourceShareArn"), self._get_param("permissionArn"), bool(self._get_param("replace"))
        ))
