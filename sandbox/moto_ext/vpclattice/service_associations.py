"""Service network service associations, including services shared by other accounts.

The association lives in the caller's account; the service (and the service
network) may be another account's, used by ARN when shared through RAM.
"""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeServiceNetworkServiceAssociation

from .common import LatticeResource, paginate
from .exceptions import ConflictException, ValidationException

KIND = "servicenetworkserviceassociation"


class ServiceAssociation(LatticeResource, VPCLatticeServiceNetworkServiceAssociation):
    """An association of a service with a service network, possibly of two accounts.

    Across accounts AWS gives the association an ARN in each owner's account (same ID):
    the service owner lists it (ListServiceNetworkServiceAssociations with its
    serviceIdentifier) under its own account, and either owner may delete it
    (VPC Lattice user guide, "Manage service associations": the service owner can
    disassociate its service from a network it was shared to).
    """

    kind = KIND

    def arn_for(self, viewer: str | None) -> str:
        """The ARN the account ``viewer`` knows the association by."""
        if viewer is None or viewer == self.owner_account_id:
            return self.arn
        parts = self.arn.split(":")
        return ":".join([*parts[:4], viewer, *parts[5:]])

    def owners(self) -> set[str]:
        """The accounts that own an end of the association."""
        return {self.service_network_arn.split(":")[4], self.service_arn.split(":")[4]}

    def to_dict(self, viewer: str | None = None) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn_for(viewer),
            "status": self.current_status,
            "createdBy": self.created_by,
            "createdAt": self.created_at,
            "serviceId": self.service_id,
            "serviceName": self.service_name,
            "serviceArn": self.service_arn,
            "serviceNetworkId": self.service_network_id,
            "serviceNetworkName": self.service_network_name,
            "serviceNetworkArn": self.service_network_arn,
            "dnsEntry": self.dns,
        }
        if self.custom_domain_name:
            result["customDomainName"] = self.custom_domain_name
        return result


class AssociationListing:
    """Backend mixin: which associations a List call may answer."""

    def associations_of(self, kind: str, owned: bool) -> list[Any]:
        """Everyone's associations when the caller owns the filtering resource, else only the caller's."""
        return self.everywhere(kind) if owned else list(self.store(kind).values())


class ServiceAssociationBackend:
    def create_service_network_service_association(
        self,
        service_network_identifier: str,
        service_identifier: str,
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> ServiceAssociation:
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
        service = self.find("service", service_identifier, "serviceIdentifier", shared=True)

        def make() -> ServiceAssociation:
            for other in self.everywhere(KIND):
                if other.service_arn == service.arn and other.service_network_arn == network.arn:
                    raise ConflictException(
                        f"Service {service.id} is already associated with service network {network.id} ({other.id})",
                        "SERVICE_NETWORK_SERVICE_ASSOCIATION",
                        other.id,
                    )
            association = ServiceAssociation(
                self.region_name, self.account_id, network.id, service.id, client_token, tags
            )
            association.adopt(self.region_name, self.account_id)
            association.service_arn, association.service_name = service.arn, service.name
            association.service_network_arn, association.service_network_name = network.arn, network.name
            association.dns, association.custom_domain_name = service.dns, service.custom_domain_name
            self.service_network_service_associations[association.id] = association
            self.tag_resource(association.arn, tags or {})
            return association

        request = {"serviceNetwork": network.arn, "service": service.arn, "tags": tags}
        return self.client_tokens.create("CreateServiceNetworkServiceAssociation", client_token, request, make)

    def get_service_network_service_association(self, identifier: str) -> ServiceAssociation:
        return self.find(KIND, identifier, "serviceNetworkServiceAssociationIdentifier")

    def list_service_network_service_associations(
        self,
        service_network_identifier: str | None = None,
        service_identifier: str | None = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        if not service_network_identifier and not service_identifier:
            raise ValidationException("Either serviceNetworkIdentifier or serviceIdentifier is required")
        candidates = None
        for kind, identifier, field, attribute in (
            ("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", "service_network_arn"),
            ("service", service_identifier, "serviceIdentifier", "service_arn"),
        ):
            if identifier:
                parent = self.find(kind, identifier, field, shared=True)
                found = self.associations_of(KIND, parent.owner_account_id == self.account_id)
                matching = [a for a in found if getattr(a, attribute) == parent.arn]
                candidates = matching if candidates is None else [a for a in candidates if a in matching]
        return paginate(
            candidates or [], max_results, next_token, sn=service_network_identifier, svc=service_identifier
        )

    def delete_service_network_service_association(self, identifier: str) -> ServiceAssociation:
        association = self.get_service_network_service_association(identifier)
        association.refuse_while("creating")
        association.lifecycle.delete()
        return association


class ServiceAssociationResponses:
    def create_service_network_service_association(self) -> str:
        association = self.backend.create_service_network_service_association(
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            service_identifier=self._get_param("serviceIdentifier"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        return self.dump_only(association, "id", "status", "arn", "createdBy", "customDomainName", "dnsEntry")

    def get_service_network_service_association(self) -> str:
        association = self.backend.get_service_network_service_association(
            self._get_param("serviceNetworkServiceAssociationIdentifier")
        )
        return self.dump(association.to_dict(self.current_account))

    def list_service_network_service_associations(self) -> str:
        return self.page(
            self.backend.list_service_network_service_associations,
            lambda association: association.to_dict(self.current_account),
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            service_identifier=self._get_param("serviceIdentifier"),
        )

    def delete_service_network_service_association(self) -> str:
        association = self.backend.delete_service_network_service_association(
            self._get_param("serviceNetworkServiceAssociationIdentifier")
        )
        return self.dump_only(association, "id", "status", "arn", view=association.to_dict(self.current_account))
