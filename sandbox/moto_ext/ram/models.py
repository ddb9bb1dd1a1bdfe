"""RAM: shares with associations, cross-account views and invitations.

Moto's RAM keeps a share's principals and resources as plain lists and has no
association state, no view from the receiving side and no invitations. Here a
share holds :class:`Association` objects (one per principal or resource, with
AWS's association statuses); principals outside the owner's organization (or
any account while the organization has not enabled sharing) get an
:class:`Invitation` and stay ``ASSOCIATING`` until they accept it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import time

from moto.core.utils import unix_time, utcnow
from moto.ram.models import ManagedPermission
from moto.ram.models import ResourceAccessManagerBackend as MotoRamBackend
from moto.ram.models import ResourceShare as MotoResourceShare

from ... import timing
from ..core.consistency import Visibility, lag_for, only_readable
from . import access
from .exceptions import (
    ORGANIZATION_ONLY,
    IdempotentParameterMismatchException,
    InvalidParameterException,
    OperationNotPermittedException,
    ResourceShareInvitationAlreadyAcceptedException,
    ResourceShareInvitationAlreadyRejectedException,
    ResourceShareInvitationArnNotFoundException,
    UnknownResourceException,
)
from .permissions import LATTICE_PERMISSIONS, PermissionsBackend, SharePermissions
from .resources import check_shareable, still_exists

RAM_SERVICE_LINKED_ROLE = "AWSServiceRoleForResourceAccessManager"

OWNERS = ("SELF", "OTHER-ACCOUNTS")


# A change of association goes through its transitional status, then settles (RAM API
# reference, ResourceShareAssociation.status; terraform-provider-aws's RAM waiters poll
# ASSOCIATING / DISASSOCIATING). How long: timing.AWS["ram-association"] with
# SANDBOX_TIMING=aws, else a random share of SANDBOX_LAG (none by default).
SETTLES = {"ASSOCIATING": "ASSOCIATED", "DISASSOCIATING": "DISASSOCIATED"}


class Association:
    def __init__(self, share: ResourceShare, entity: str, kind: str, external: bool = False,
                 resource_type: str | None = None) -> None:
        self.share = share
        self.entity = entity
        self.kind = kind  # PRINCIPAL or RESOURCE
        self.external = external
        self.resource_type = resource_type
        self._status = "ASSOCIATED"
        self._settles_at: float | None = None
        self.creation_time = self.last_updated_time = utcnow()

    @property
    def status(self) -> str:
        if self._settles_at is not None and time.time() >= self._settles_at:
            self._settles_at = None
            self.set_status(SETTLES[self._status])
        if self.kind == "RESOURCE" and self._status == "ASSOCIATED" and not still_exists(self.entity):
            self.set_status("DISASSOCIATED")
        return self._status

    def set_status(self, status: str) -> None:
        self._status = status
        self._settles_at = None
        self.last_updated_time = utcnow()

    def move_to(self, status: str) -> None:
        """ASSOCIATED or DISASSOCIATED, through ASSOCIATING / DISASSOCIATING for a while."""
        transitional = next(t for t, final in SETTLES.items() if final == status)
        seconds = timing.seconds(
            "ram-association", transitional, fast=lag_for(f"{self.share.arn}/{self.entity}/{status}")
        )
        if seconds <= 0:
            self.set_status(status)
            return
        self.set_status(transitional)
        self._settles_at = time.time() + seconds

    def describe(self) -> dict[str, Any]:
        return {
            "resourceShareArn": self.share.arn,
            "resourceShareName": self.share.name,
            "associatedEntity": self.entity,
            "associationType": self.kind,
            "status": self.status,
            "creationTime": unix_time(self.creation_time),
            "lastUpdatedTime": unix_time(self.last_updated_time),
            "external": self.external,
        }


class Invitation:
    def __init__(self, share: ResourceShare, receiver: str) -> None:
        self.share = share
        self.receiver = receiver
        self.arn = f"arn:{share.partition}:ram:{share.region}:{share.account_id}:resource-share-invitation/{uuid.uuid4()}"
        self.status = "PENDING"
        self.timestamp = utcnow()
        # An outsider's invitation reaches it after a while (SANDBOX_LAG, core/consistency.py).
        self.visibility = Visibility(self.arn)

    def describe(self) -> dict[str, Any]:
        return {
            "resourceShareInvitationArn": self.arn,
            "resourceShareName": self.share.name,
            "resourceShareArn": self.share.arn,
            "senderAccountId": self.share.owning_account_id,
            "receiverAccountId": self.receiver,
            "invitationTimestamp": unix_time(self.timestamp),
            "status": self.status,
        }


class ResourceShare(SharePermissions, MotoResourceShare):
    def __init__(self, account_id: str, region: str, **kwargs: Any) -> None:
        super().__init__(account_id, region, **kwargs)
        self.choose_permissions(kwargs.get("permissionArns") or [])
        self.associations: list[Association] = []
        self.invitations: list[Invitation] = []
        self.tags = {tag["key"]: tag["value"] for tag in kwargs.get("tags") or []}
        self.client_token = kwargs.get("clientToken")
        self.visibility = Visibility(self.arn)
        self.request = {
            key: kwargs.get(key)
            for key in ("name", "resourceArns", "principals", "allowExternalPrincipals", "permissionArns")
        }

    # -- associations ---------------------------------------------------------
    def _find(self, kind: str, entity: str) -> Association | None:
        return next((a for a in self.associations if a.kind == kind and a.entity == entity), None)

    def _ids(self, kind: str, status: str | None) -> list[str]:
        return [a.entity for a in self.associations if a.kind == kind and status in (None, a.status)]

    def principal_ids(self, status: str | None = None) -> list[str]:
        return self._ids("PRINCIPAL", status)

    def resource_ids(self, status: str | None = None) -> list[str]:
        return self._ids("RESOURCE", status)

    def _associate(self, kind: str, entity: str, **kwargs: Any) -> Association:
        association = self._find(kind, entity)
        if association is None:
            association = Association(self, entity, kind, **kwargs)
            self.associations.append(association)
            association.move_to("ASSOCIATED")
        elif association.status != "ASSOCIATED":
            association.move_to("ASSOCIATED")
        return association

    def add_principals(self, principals: list[str]) -> list[Association]:
        for principal in principals:
            self._check_principal(principal)
        return [self._add_principal(principal) for principal in principals]

    def _check_principal(self, principal: str) -> None:
        owner = self.owning_account_id
        organization, unit = access.ORG_PRINCIPAL.match(principal), access.OU_PRINCIPAL.match(principal)
        if organization or unit:
            # Moto looks the OU up in the owner's own Organizations backend, empty for members.
            backend = access.organization_backend(owner)
            known = [backend.org] + list(backend.ou) if backend else []
            if principal not in [entity.arn for entity in known]:
                what = f"Organization {organization.group(1)}" if organization else f"OrganizationalUnit {unit.group(2)}"
                raise UnknownResourceException(f"{what} could not be found.")
            if not access.sharing_enabled(owner):
                raise OperationNotPermittedException(ORGANIZATION_ONLY)
            return
        account = access.principal_account(principal)
        if account is None:
            raise InvalidParameterException(f"Principal ID {principal} is malformed. Verify the ID and try again.")
        if not access.same_organization(owner, account) and not self.allow_external_principals:
            raise OperationNotPermittedException(ORGANIZATION_ONLY)

    def _add_principal(self, principal: str) -> Association:
        account = access.principal_account(principal)
        owner = self.owning_account_id
        if account is None or account == owner or (
            access.same_organization(owner, account) and access.sharing_enabled(owner)
        ):
            return self._associate("PRINCIPAL", principal)
        existing = self._find("PRINCIPAL", principal)
        if existing is not None and existing.status in ("ASSOCIATED", "ASSOCIATING"):
            return existing
        # Added (again): the account has to accept a (new) invitation first.
        association = self._associate(
            "PRINCIPAL", principal, external=not access.same_organization(owner, account)
        )
        association.set_status("ASSOCIATING")
        if not any(i.receiver == account and i.status == "PENDING" for i in self.invitations):
            self.invitations.append(Invitation(self, account))
        return association

    def add_resources(self, resource_arns: list[str]) -> list[Association]:
        kinds = [check_shareable(arn, self.owning_account_id, self.region) for arn in resource_arns]
        self.add_default_permissions(kinds)
        return [
            self._associate("RESOURCE", arn, resource_type=kind) for arn, kind in zip(resource_arns, kinds)
        ]

    def disassociate(self, kind: str, entities: list[str]) -> list[Association]:
        found = []
        for entity in entities:
            association = self._find(kind, entity)
            if association is None or association.status in ("DISASSOCIATED", "DISASSOCIATING"):
                raise UnknownResourceException(f"{entity} is not associated with resource share {self.arn}.")
            found.append(association)
        for association in found:
            association.move_to("DISASSOCIATED")
        return found

    # -- lifecycle ------------------------------------------------------------
    def delete(self) -> None:
        super().delete()
        for association in self.associations:
            association.set_status("DISASSOCIATED")

    def update(self, allow_external_principals: bool | None, name: str | None) -> None:
        # Moto's update overwrites both; an unset parameter must leave the value alone.
        super().update(
            self.allow_external_principals if allow_external_principals is None else allow_external_principals,
            name or self.name,
        )

    def describe(self) -> dict[str, Any]:
        document = super().describe()
        document["tags"] = [{"key": key, "value": value} for key, value in self.tags.items()]
        return document


class ResourceAccessManagerBackend(PermissionsBackend, MotoRamBackend):
    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.managed_permissions.extend(
            ManagedPermission(account_id, region_name, p["name"], p["resourceType"],
                              creation_time=p["creationTime"], is_resource_type_default=p["isResourceTypeDefault"])
            for p in LATTICE_PERMISSIONS
        )

    # -- lookups ----------------------------------------------------------------
    def get_share(self, arn: str | None) -> ResourceShare:
        share = next((s for s in self.resource_shares if s.arn == arn), None)
        if share is None:
            raise UnknownResourceException(f"ResourceShare {arn} could not be found.")
        return share

    def _active_share(self, arn: str | None) -> ResourceShare:
        share = self.get_share(arn)
        if share.status != "ACTIVE":
            raise UnknownResourceException(f"ResourceShare {arn} is {share.status}.")
        return share

    def _shares(self, resource_owner: str | None) -> list[ResourceShare]:
        if resource_owner not in OWNERS:
            raise InvalidParameterException(
                f"{resource_owner} is not a valid resource owner. Specify either SELF or OTHER-ACCOUNTS and try again."
            )
        if resource_owner == "SELF":
            # a share made moments ago may be missing (SANDBOX_LAG, core/consistency.py)
            return only_readable(self.resource_shares)
        return list(access.shares_with(self.account_id, self.region_name))

    def _by_token(self, token: str | None, request: dict[str, Any]) -> ResourceShare | None:
        share = next((s for s in self.resource_shares if token and s.client_token == token), None)
        if share is not None and share.request != request:
            raise IdempotentParameterMismatchException(
                f"The client token {token} was already used with different parameters."
            )
        return share

    # -- shares -----------------------------------------------------------------
    def create_resource_share(self, **kwargs: Any) -> dict[str, Any]:
        share = ResourceShare(self.account_id, self.region_name, **kwargs)
        existing = self._by_token(kwargs.get("clientToken"), share.request)
        if existing is None:
            share.add_resources(kwargs.get("resourceArns") or [])
            share.add_principals(kwargs.get("principals") or [])
            self.resource_shares.append(share)
        result = {"resourceShare": (existing or share).describe()}
        result["resourceShare"].pop("featureSet")
        if kwargs.get("clientToken"):
            result["clientToken"] = kwargs["clientToken"]
        return result

    def get_resource_shares(self, resource_owner: str | None, **filters: Any) -> dict[str, Any]:
        shares = self._shares(resource_owner)
        arns, status, name = filters.get("resourceShareArns"), filters.get("resourceShareStatus"), filters.get("name")
        tag_filters = filters.get("tagFilters") or []
        shares = [
            share for share in shares
            if (not arns or share.arn in arns)
            and (not status or share.status == status)
            and (not name or share.name == name)
            and all(share.tags.get(f["tagKey"]) in (f.get("tagValues") or [share.tags.get(f["tagKey"])])
                    and f["tagKey"] in share.tags for f in tag_filters)
        ]
        return {"resourceShares": [share.describe() for share in shares]}

    def update_resource_share(self, resource_share_arn: str | None, allow_external_principals: bool | None,
                              name: str | None) -> dict[str, Any]:
        self._active_share(resource_share_arn)
        return super().update_resource_share(resource_share_arn, allow_external_principals, name)

    def enable_sharing_with_aws_organization(self) -> dict[str, Any]:
        """Trusted access for RAM in the organization, and RAM's service-linked role in this account.

        AWS RAM user guide, "Using service-linked roles for AWS RAM": enabling sharing
        with AWS Organizations creates AWSServiceRoleForResourceAccessManager, which
        terraform-provider-aws (aws_ram_sharing_with_organization) reads back with
        the trusted access to tell that sharing is enabled.
        """
        from moto.iam.models import iam_backends

        result = super().enable_sharing_with_aws_organization()
        self.organizations_backend.enable_aws_service_access(ServicePrincipal=access.RAM_SERVICE_PRINCIPAL)
        iam = iam_backends[self.account_id]["global"]
        if not any(role.name == RAM_SERVICE_LINKED_ROLE for role in iam.roles.values()):
            iam.create_role(
                RAM_SERVICE_LINKED_ROLE,
                json.dumps({"Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Principal": {"Service": access.RAM_SERVICE_PRINCIPAL}, "Action": "sts:AssumeRole",
                }]}),
                f"/aws-service-role/{access.RAM_SERVICE_PRINCIPAL}/",
                permissions_boundary=None, description="AWS RAM service-linked role", tags=[],
                max_session_duration="3600", linked_service="ram",
            )
        return result

    def associate_resource_share(self, resource_share_arn: str, resource_arns: list[str],
                                 principals: list[str]) -> dict[str, Any]:
        share = self._active_share(resource_share_arn)
        associations = share.add_resources(resource_arns) + share.add_principals(principals)
        share.last_updated_time = utcnow()
        return {"resourceShareAssociations": [a.describe() for a in associations]}

    def disassociate_resource_share(self, resource_share_arn: str, resource_arns: list[str],
                                    principals: list[str]) -> dict[str, Any]:
        share = self._active_share(resource_share_arn)
        associations = share.disassociate("RESOURCE", resource_arns) + share.disassociate("PRINCIPAL", principals)
        share.last_updated_time = utcnow()
        return {"resourceShareAssociations": [a.describe() for a in associations]}

    def get_resource_share_associations(self, association_type: str | None, association_status: str | None,
                                        resource_share_arns: list[str], resource_arn: str | None,
                                        principal: str | None) -> dict[str, Any]:
        # Moto validates the arguments; its answer (from plain lists) is replaced.
        super().get_resource_share_associations(association_type, association_status, [], resource_arn, principal)
        entity = resource_arn or principal
        associations = [
            association.describe()
            for share in self.resource_shares + list(access.shares_with(self.account_id, self.region_name))
            if not resource_share_arns or share.arn in resource_share_arns
            for association in share.associations
            if association.kind == association_type
            and (not association_status or association.status == association_status)
            and (not entity or association.entity == entity)
        ]
        return {"resourceShareAssociations": associations}

    # -- what is shared -----------------------------------------------------------
    def _associations(self, resource_owner: str, kind: str, share_arns: list[str] | None) -> list[Association]:
        return [
            association
            for share in self._shares(resource_owner)
            if share.status == "ACTIVE" and (not share_arns or share.arn in share_arns)
            for association in share.associations
            if association.kind == kind and association.status == "ASSOCIATED"
        ]

    def list_resources(self, resource_owner: str, principal: str | None = None, resource_type: str | None = None,
                       resource_arns: list[str] | None = None,
                       resource_share_arns: list[str] | None = None) -> dict[str, Any]:
        resources = []
        for association in self._associations(resource_owner, "RESOURCE", resource_share_arns):
            share = association.share
            if resource_type and association.resource_type.lower() != resource_type.lower():
                continue
            if resource_arns and association.entity not in resource_arns:
                continue
            if principal and not any(access.covers(p, principal) or p == principal for p in share.principal_ids("ASSOCIATED")):
                continue
            resources.append({
                "arn": association.entity,
                "type": association.resource_type,
                "resourceShareArn": share.arn,
                "status": "AVAILABLE",
                "creationTime": unix_time(association.creation_time),
                "lastUpdatedTime": unix_time(association.last_updated_time),
                "resourceRegionScope": "REGIONAL",
            })
        return {"resources": resources}

    def list_principals(self, resource_owner: str, resource_arn: str | None = None, principals: list[str] | None = None,
                        resource_type: str | None = None,
                        resource_share_arns: list[str] | None = None) -> dict[str, Any]:
        found = []
        for association in self._associations(resource_owner, "PRINCIPAL", resource_share_arns):
            share = association.share
            if resource_arn and resource_arn not in share.resource_ids("ASSOCIATED"):
                continue
            if resource_type and not any(
                a.kind == "RESOURCE" and a.status == "ASSOCIATED" and a.resource_type.lower() == resource_type.lower()
                for a in share.associations
            ):
                continue
            # A receiver sees who shared with it: the owning account, not the principal entries.
            principal_id = association.entity if resource_owner == "SELF" else share.owning_account_id
            if principals and principal_id not in principals:
                continue
            found.append({
                "id": principal_id,
                "resourceShareArn": share.arn,
                "creationTime": unix_time(association.creation_time),
                "lastUpdatedTime": unix_time(association.last_updated_time),
                "external": association.external,
            })
        if resource_owner == "OTHER-ACCOUNTS":
            found = list({(p["id"], p["resourceShareArn"]): p for p in found}.values())
        return {"principals": found}

    # -- invitations ----------------------------------------------------------------
    def _received_invitations(self) -> list[Invitation]:
        return [
            invitation
            for backend in access.regional_backends(self.region_name)
            for share in backend.resource_shares
            for invitation in share.invitations
            if invitation.receiver == self.account_id and invitation.visibility.visible
        ]

    def get_resource_share_invitations(self, invitation_arns: list[str] | None = None,
                                       resource_share_arns: list[str] | None = None) -> dict[str, Any]:
        invitations = [
            i for i in self._received_invitations()
            if (not invitation_arns or i.arn in invitation_arns)
            and (not resource_share_arns or i.share.arn in resource_share_arns)
        ]
        if invitation_arns and not invitations:
            raise ResourceShareInvitationArnNotFoundException(f"ResourceShareInvitationArn {invitation_arns} not found.")
        return {"resourceShareInvitations": [i.describe() for i in invitations]}

    def _answer_invitation(self, invitation_arn: str, status: str) -> dict[str, Any]:
        invitation = next((i for i in self._received_invitations() if i.arn == invitation_arn), None)
        if invitation is None:
            raise ResourceShareInvitationArnNotFoundException(f"ResourceShareInvitationArn {invitation_arn} not found.")
        if invitation.status == "ACCEPTED":
            raise ResourceShareInvitationAlreadyAcceptedException(f"{invitation_arn} was already accepted.")
        if invitation.status == "REJECTED":
            raise ResourceShareInvitationAlreadyRejectedException(f"{invitation_arn} was already rejected.")
        invitation.status = status
        association_status = "ASSOCIATED" if status == "ACCEPTED" else "DISASSOCIATED"
        for association in invitation.share.associations:
            # Only a pending association is settled: one removed meanwhile stays removed.
            if (association.kind == "PRINCIPAL" and association.status == "ASSOCIATING"
                    and access.principal_account(association.entity) == self.account_id):
                association.set_status(association_status)
        return {"resourceShareInvitation": invitation.describe()}

    def accept_resource_share_invitation(self, invitation_arn: str) -> dict[str, Any]:
        return self._answer_invitation(invitation_arn, "ACCEPTED")

    def reject_resource_share_invitation(self, invitation_arn: str) -> dict[str, Any]:
        return self._answer_invitation(invitation_arn, "REJECTED")

    # -- tags -----------------------------------------------------------------------
    def tag_resource(self, resource_share_arn: str, tags: list[dict[str, str]]) -> None:
        self.get_share(resource_share_arn).tags.update({tag["key"]: tag["value"] for tag in tags})

    def untag_resource(self, resource_share_arn: str, tag_keys: list[str]) -> None:
        share = self.get_share(resource_share_arn)
        for key in tag_keys:
            share.tags.pop(key, None)
