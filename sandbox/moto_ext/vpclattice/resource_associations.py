"""Service network resource associations: a resource configuration (possibly another account's,
shared through RAM) made reachable from the VPCs and endpoints of a service network.

Sources: VPC Lattice API reference (CreateServiceNetworkResourceAssociation,
ListServiceNetworkResourceAssociations: includeChildren, isManagedAssociation), the botocore
model (snra- and 17 hex digits; statuses CREATE_IN_PROGRESS, ACTIVE, PARTIAL, DELETE_IN_PROGRESS,
*_FAILED), the VPC Lattice user guide ("Resource configurations": a resource's DNS name
``<snra id>.<rcfg id>.<hash>.vpc-lattice-rsc.<region>.on.aws``; private DNS for a custom domain),
cloud-nuke #1159 (a service network with resource associations cannot be deleted; associations
Amazon manages cannot be deleted by the caller) and aws-nuke #983 (managed associations are skipped).
"""

from __future__ import annotations

import secrets
from typing import Any

from .common import LatticeResource, paginate
from .exceptions import AccessDeniedException, ConflictException, ValidationException
from .services import hosted_zone_id

KIND = "servicenetworkresourceassociation"


def is_shareable(network: Any) -> bool:
    """True when the network's owner shares it with other accounts through RAM (UpdateResourceConfiguration:
    allowAssociationToShareableServiceNetwork is about "service networks that are shared with other accounts")."""
    from ..ram.access import regional_backends

    region = network.arn.split(":")[3]
    return any(
        share.owning_account_id == network.owner_account_id and share.status == "ACTIVE"
        and network.arn in share.resource_ids()
        for backend in regional_backends(region) if backend.account_id == network.owner_account_id
        for share in backend.resource_shares
    )


class ResourceAssociation(LatticeResource):
    kind = KIND

    def __init__(self, network: Any, configuration: Any, private_dns_enabled: bool | None, managed: bool) -> None:
        self.service_network_id, self.service_network_arn = network.id, network.arn
        self.service_network_name = network.name
        self.resource_configuration_id, self.resource_configuration_arn = configuration.id, configuration.arn
        self.resource_configuration_name = configuration.name
        self.configuration = configuration
        self.private_dns_enabled = private_dns_enabled
        self.managed = managed
        self.name = f"{network.id}/{configuration.id}"

    def owners(self) -> set[str]:
        return {self.service_network_arn.split(":")[4], self.resource_configuration_arn.split(":")[4]}

    def adopt(self, region: str, account_id: str, parent_arn: str | None = None) -> None:
        super().adopt(region, account_id, parent_arn)
        self.dns = {
            "domainName": f"{self.id}.{self.resource_configuration_id}.{secrets.token_hex(4)[:7]}"
                          f".vpc-lattice-rsc.{region}.on.aws",
            "hostedZoneId": hosted_zone_id(region),
        }

    def to_dict(self) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn,
            "status": self.current_status,
            "createdBy": self.created_by,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
            "resourceConfigurationId": self.resource_configuration_id,
            "resourceConfigurationArn": self.resource_configuration_arn,
            "resourceConfigurationName": self.resource_configuration_name,
            "serviceNetworkId": self.service_network_id,
            "serviceNetworkArn": self.service_network_arn,
            "serviceNetworkName": self.service_network_name,
            "dnsEntry": self.dns,
            "isManagedAssociation": self.managed,
        }
        if self.private_dns_enabled is not None:
            result["privateDnsEnabled"] = self.private_dns_enabled
        # With private DNS, the VPCs of the network resolve the configuration's custom domain name.
        custom = getattr(self.configuration, "custom_domain_name", None)
        if self.private_dns_enabled and custom:
            result["privateDnsEntry"] = {"domainName": custom, "hostedZoneId": hosted_zone_id(self.arn.split(":")[3])}
        # GetServiceNetworkResourceAssociation: "the domain verification status" (botocore model), of the
        # configuration's verification, when it names one.
        verification = getattr(self.configuration, "domain_verification", None)
        if verification is not None:
            result["domainVerificationStatus"] = verification.verification_status
        return result


class ResourceAssociationBackend:
    def _new_resource_association(self, network: Any, configuration: Any, private_dns: bool | None,
                                  managed: bool) -> ResourceAssociation:
        association = ResourceAssociation(network, configuration, private_dns, managed)
        association.adopt(self.region_name, self.account_id)
        association.created_by = self.account_id
        self.service_network_resource_associations[association.id] = association
        return association

    def create_service_network_resource_association(
        self,
        service_network_identifier: str,
        resource_configuration_identifier: str,
        private_dns_enabled: bool | None,
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> ResourceAssociation:
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
        configuration = self.find("resourceconfiguration", resource_configuration_identifier,
                                  "resourceConfigurationIdentifier", shared=True)
        if self.account_id not in (network.owner_account_id, configuration.owner_account_id):
            # As for services: the caller must own the network or the resource configuration.
            raise AccessDeniedException(
                "The caller must own the service network or the resource configuration; both are shared with it"
            )
        if configuration.type == "CHILD":
            raise ValidationException(
                f"Resource configuration {configuration.id} is a CHILD: associate its GROUP "
                f"{configuration.group_id}; its children follow as managed associations"
            )
        if configuration.lifecycle.deleting:
            raise ConflictException(f"Resource configuration {configuration.id} is being deleted",
                                    "RESOURCE_CONFIGURATION", configuration.id)
        if not configuration.allow_shareable and (network.owner_account_id != self.account_id or is_shareable(network)):
            raise ValidationException(
                f"Resource configuration {configuration.id} does not allow association to a shareable service "
                f"network ({network.id} is shared with other accounts): set "
                "allowAssociationToShareableServiceNetwork"
            )

        def make() -> ResourceAssociation:
            for other in self.everywhere(KIND):
                if (other.resource_configuration_arn == configuration.arn
                        and other.service_network_arn == network.arn and not other.lifecycle.gone):
                    raise ConflictException(
                        f"Resource configuration {configuration.id} is already associated with service network "
                        f"{network.id} ({other.id})",
                        "SERVICE_NETWORK_RESOURCE_ASSOCIATION",
                        other.id,
                    )
            association = self._new_resource_association(network, configuration, private_dns_enabled, False)
            self.tag_resource(association.arn, tags or {})
            owner = next(b for b in self.regional() if b.account_id == configuration.owner_account_id)
            for child in owner.resource_configurations.values():
                if child.group_id == configuration.id and not child.lifecycle.gone:
                    self._new_resource_association(network, child, private_dns_enabled, True)
            return association

        request = {"sn": network.arn, "rcfg": configuration.arn, "privateDns": private_dns_enabled, "tags": tags}
        return self.client_tokens.create("CreateServiceNetworkResourceAssociation", client_token, request, make)

    def get_service_network_resource_association(self, identifier: str) -> ResourceAssociation:
        return self.find(KIND, identifier, "serviceNetworkResourceAssociationIdentifier")

    def list_service_network_resource_associations(
        self,
        service_network_identifier: str | None = None,
        resource_configuration_identifier: str | None = None,
        include_children: Any = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        # The caller's own associations, and those others made with its network or configuration.
        found = [a for a in self.everywhere(KIND)
                 if a.owner_account_id == self.account_id or self.account_id in a.owners()]
        if service_network_identifier:
            network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
            found = [a for a in found if a.service_network_arn == network.arn]
        if resource_configuration_identifier:
            configuration = self.find("resourceconfiguration", resource_configuration_identifier,
                                      "resourceConfigurationIdentifier", shared=True)
            found = [a for a in found if a.resource_configuration_arn == configuration.arn]
        if str(include_children).lower() != "true":
            found = [a for a in found if not a.managed]
        return paginate(found, max_results, next_token, sn=service_network_identifier,
                        rcfg=resource_configuration_identifier, children=include_children)

    def delete_service_network_resource_association(self, identifier: str) -> ResourceAssociation:
        association = self.get_service_network_resource_association(identifier)
        if association.managed:
            raise ValidationException(
                f"Association {association.id} is managed by Amazon (a child of a GROUP resource configuration): "
                "delete the association of the group"
            )
        association.refuse_while("creating")
        association.lifecycle.delete()
        for child in self.everywhere(KIND):
            if (child.managed and child.service_network_arn == association.service_network_arn
                    and child.configuration.group_id == association.resource_configuration_id):
                child.lifecycle.delete()
        return association


class ResourceAssociationResponses:
    def create_service_network_resource_association(self) -> str:
        association = self.backend.create_service_network_resource_association(
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            resource_configuration_identifier=self._get_param("resourceConfigurationIdentifier"),
            private_dns_enabled=self._get_param("privateDnsEnabled"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        return self.dump_only(association, "id", "arn", "status", "createdBy", "privateDnsEnabled")

    def get_service_network_resource_association(self) -> str:
        association = self.backend.get_service_network_resource_association(
            self._get_param("serviceNetworkResourceAssociationIdentifier")
        )
        return self.dump(association.to_dict())

    def list_service_network_resource_associations(self) -> str:
        return self.page(
            self.backend.list_service_network_resource_associations,
            ResourceAssociation.to_dict,
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            resource_configuration_identifier=self._get_param("resourceConfigurationIdentifier"),
            include_children=self._get_param("includeChildren"),
        )

    def delete_service_network_resource_association(self) -> str:
        association = self.backend.delete_service_network_resource_association(
            self._get_param("serviceNetworkResourceAssociationIdentifier")
        )
        return self.dump_only(association, "id", "arn", "status")
