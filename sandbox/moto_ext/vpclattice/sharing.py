"""Finding Lattice resources by ID or ARN, across accounts where RAM allows it.

Moto keeps one backend per account and region; a service or service network
owned by another account lives in that account's backend. AWS lets a caller use
such a resource (get it, associate it) only by ARN and only while it is shared
with the caller through RAM; anything else is refused.
"""

from __future__ import annotations

from typing import Any

from ..core.consistency import readable
from ..core.lifecycle import prune
from ..ram.access import is_shared_with
from .common import Identifier
from .exceptions import AccessDeniedException, ResourceNotFoundException

STORES = {
    "servicenetwork": "service_networks",
    "service": "services",
    "targetgroup": "target_groups",
    "listener": "listeners",
    "rule": "rules",
    "servicenetworkserviceassociation": "service_network_service_associations",
    "servicenetworkvpcassociation": "service_network_vpc_associations",
    "resourcegateway": "resource_gateways",
    "resourceconfiguration": "resource_configurations",
    "servicenetworkresourceassociation": "service_network_resource_associations",
    "domainverification": "domain_verifications",
}
# RAM shares services, service networks and resource configurations (RAM user guide, shareable resources).
SHAREABLE = ("service", "servicenetwork", "resourceconfiguration")
ASSOCIATIONS = ("servicenetworkserviceassociation", "servicenetworkvpcassociation", "servicenetworkresourceassociation")


def regional_backends(region: str) -> list[Any]:
    """Every account's Lattice backend in ``region`` that exists, with finished deletes dropped."""
    from moto.vpclattice.models import vpclattice_backends

    backends = [
        per_account[region] for per_account in list(vpclattice_backends.values()) if region in per_account.keys()
    ]
    for backend in backends:
        backend.prune()
    return backends


def owners_of(association: Any) -> set[str]:
    """The accounts owning an end of ``association`` (its service network, and its service if it has one)."""
    if hasattr(association, "owners"):
        return association.owners()
    return {association.service_network_arn.split(":")[4]}


class SharedResources:
    """Backend mixin: lookups that know about other accounts."""

    account_id: str
    region_name: str

    def prune(self) -> None:
        for attribute in STORES.values():
            prune(getattr(self, attribute))

    def regional(self) -> list[Any]:
        return regional_backends(self.region_name)

    def store(self, kind: str) -> dict[str, Any]:
        return getattr(self, STORES[kind])

    def find(self, kind: str, value: Any, field: str, shared: bool = False) -> Any:
        """The resource ``value`` names; with ``shared``, also one another account shares with the caller."""
        ident = Identifier(kind, value, field)
        backend = self
        if ident.is_foreign(self.account_id) and kind in ASSOCIATIONS:
            return self._association_in_own_network(kind, ident)
        if ident.is_foreign(self.account_id):
            if not (shared and kind in SHAREABLE and is_shared_with(value, self.account_id, self.region_name)):
                raise AccessDeniedException(
                    f"Account {self.account_id} is not authorized to use {value}: "
                    "it belongs to another account and is not shared with this one"
                )
            backend = next((b for b in regional_backends(self.region_name) if b.account_id == ident.account), None)
        elif ident.region not in (None, self.region_name):
            raise ResourceNotFoundException(kind, value)
        resource = backend.store(kind).get(ident.id) if backend else None
        if (resource is None or resource.lifecycle.gone) and kind in ASSOCIATIONS:
            return self._association_in_own_network(kind, ident)
        if resource is None or resource.lifecycle.gone or not readable(resource):
            raise ResourceNotFoundException(kind, value)
        return resource

    def _association_in_own_network(self, kind: str, ident: Identifier) -> Any:
        """An association another account made with the caller's service network (or, for a
        service association, with the caller's service): AWS shows it to both, each under an
        ARN in its own account."""
        for backend in regional_backends(self.region_name):
            association = backend.store(kind).get(ident.id)
            if (
                association is not None
                and ident.account in (None, backend.account_id, self.account_id)
                and self.account_id in owners_of(association)
                and readable(association)
            ):
                return association
        raise ResourceNotFoundException(kind, ident.value)

    def visible(self, kind: str) -> list[Any]:
        """The caller's resources of ``kind`` plus those other accounts share with it (List* answers both)."""
        own = list(self.store(kind).values())
        shared = [
            resource
            for backend in regional_backends(self.region_name)
            if backend.account_id != self.account_id
            for resource in backend.store(kind).values()
            if is_shared_with(resource.arn, self.account_id, self.region_name)
        ]
        return own + shared

    def everywhere(self, kind: str) -> list[Any]:
        """Resources of ``kind`` in every account of the region (associations made by others count too)."""
        return [r for backend in regional_backends(self.region_name) for r in backend.store(kind).values()]
