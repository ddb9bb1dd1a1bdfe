"""Service network VPC associations: one service network per VPC, security groups updated in place."""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeServiceNetworkVpcAssociation

from .common import LatticeResource, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ResourceNotFoundException, ServiceQuotaExceededException, ValidationException

KIND = "servicenetworkvpcassociation"
MAX_SECURITY_GROUPS = 5

# API reference, DnsOptions: privateDnsPreference is "only supported when private DNS is enabled";
# privateDnsSpecifiedDomains "only ... when the private DNS preference is VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS
# or SPECIFIED_DOMAINS_ONLY" (which need them: the stricter reading). botocore model: 1-10 domains of 1-255
# characters, the preference one of the four below.
PREFERENCES = ("VERIFIED_DOMAINS_ONLY", "ALL_DOMAINS", "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")
WITH_DOMAINS = ("VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")
MAX_SPECIFIED_DOMAINS = 10


def validate_dns(private_dns_enabled: bool | None, dns_options: dict[str, Any] | None) -> None:
    if not dns_options:
        return
    if private_dns_enabled is not True:
        raise ValidationException("dnsOptions is only supported when privateDnsEnabled is true")
    preference = dns_options.get("privateDnsPreference")
    domains = dns_options.get("privateDnsSpecifiedDomains")
    if preference is not None:
        validate_choice(preference, PREFERENCES, "dnsOptions.privateDnsPreference")
    if preference in WITH_DOMAINS and not domains:
        raise ValidationException(f"privateDnsSpecifiedDomains is required with privateDnsPreference {preference}")
    if domains and preference not in WITH_DOMAINS:
        raise ValidationException(
            "privateDnsSpecifiedDomains is only supported with privateDnsPreference "
            "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY"
        )
    if domains and len(domains) > MAX_SPECIFIED_DOMAINS:
        raise ValidationException(
            f"1 validation error detected: Value at 'dnsOptions.privateDnsSpecifiedDomains' failed to satisfy "
            f"constraint: Member must have length less than or equal to {MAX_SPECIFIED_DOMAINS}"
        )
    for domain in domains or []:
        validate_name("PrivateDnsSpecifiedDomain", domain, "dnsOptions.privateDnsSpecifiedDomains")


class VpcAssociation(LatticeResource, VPCLatticeServiceNetworkVpcAssociation):
    kind = KIND
    private_dns_enabled: bool | None = None
    dns_options: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn,
            "status": self.current_status,
            "createdBy": self.created_by,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
            "serviceNetworkId": self.service_network_id,
            "serviceNetworkName": self.service_network_name,
            "serviceNetworkArn": self.service_network_arn,
            "vpcId": self.vpc_id,
            "securityGroupIds": self.security_group_ids,
        }
        # Returned only when set: no AWS source says what AWS answers for an association made without them.
        if self.private_dns_enabled is not None:
            result["privateDnsEnabled"] = self.private_dns_enabled
        if self.dns_options:
            result["dnsOptions"] = self.dns_options
        return result


class VpcAssociationBackend:
    def _ec2(self) -> Any:
        from moto.ec2.models import ec2_backends

        return ec2_backends[self.account_id][self.region_name]

    def _check_security_groups(self, vpc_id: str, security_group_ids: list[str]) -> None:
        if len(security_group_ids) > MAX_SECURITY_GROUPS:
            raise ServiceQuotaExceededException(
                f"A VPC association takes at most {MAX_SECURITY_GROUPS} security groups",
                "SECURITY_GROUP",
                "L-sg-per-assoc",
            )
        for group_id in security_group_ids:
            group = self._ec2().get_security_group_from_id(group_id)
            if group is None or group.vpc_id != vpc_id:
                raise ValidationException(f"Security group {group_id} does not exist in VPC {vpc_id}")

    def create_service_network_vpc_association(
        self,
        service_network_identifier: str,
        vpc_identifier: str,
        security_group_ids: list[str] | None,
        client_token: str | None,
        tags: dict[str, str] | None,
        private_dns_enabled: bool | None = None,
        dns_options: dict[str, Any] | None = None,
    ) -> VpcAssociation:
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
        if vpc_identifier not in self._ec2().vpcs:
            raise ResourceNotFoundException("vpc", vpc_identifier)
        self._check_security_groups(vpc_identifier, security_group_ids or [])
        validate_dns(private_dns_enabled, dns_options)

        def make() -> VpcAssociation:
            for other in self.everywhere(KIND):
                if other.vpc_id == vpc_identifier:
                    raise ConflictException(
                        f"VPC {vpc_identifier} is already associated with service network "
                        f"{other.service_network_id} ({other.id})",
                        "SERVICE_NETWORK_VPC_ASSOCIATION",
                        other.id,
                    )
            association = VpcAssociation(
                self.region_name, self.account_id, client_token, security_group_ids, network, tags, vpc_identifier
            )
            association.adopt(self.region_name, self.account_id)
            association.created_by = self.account_id
            association.private_dns_enabled = private_dns_enabled
            association.dns_options = dns_options or None
            self.service_network_vpc_associations[association.id] = association
            self.tag_resource(association.arn, tags or {})
            return association

        request = {
            "serviceNetwork": network.arn,
            "vpc": vpc_identifier,
            "sgs": security_group_ids,
            "tags": tags,
            "privateDns": private_dns_enabled,
            "dnsOptions": dns_options,
        }
        return self.client_tokens.create("CreateServiceNetworkVpcAssociation", client_token, request, make)

    def get_service_network_vpc_association(self, identifier: str) -> VpcAssociation:
        return self.find(KIND, identifier, "serviceNetworkVpcAssociationIdentifier")

    def list_service_network_vpc_associations(
        self,
        service_network_identifier: str | None = None,
        vpc_identifier: str | None = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        if not service_network_identifier and not vpc_identifier:
            raise ValidationException("Either serviceNetworkIdentifier or vpcIdentifier is required")
        found = list(self.store(KIND).values())
        if service_network_identifier:
            network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
            found = self.associations_of(KIND, network.owner_account_id == self.account_id)
            found = [a for a in found if a.service_network_arn == network.arn]
        if vpc_identifier:
            found = [a for a in found if a.vpc_id == vpc_identifier]
        return paginate(found, max_results, next_token, sn=service_network_identifier, vpc=vpc_identifier)

    def update_service_network_vpc_association(
        self,
        identifier: str,
        security_group_ids: list[str] | None,
        private_dns_enabled: bool | None = None,
        dns_options: dict[str, Any] | None = None,
    ) -> VpcAssociation:
        association = self.get_service_network_vpc_association(identifier)
        association.refuse_while("busy")
        if security_group_ids is None and private_dns_enabled is None and dns_options is None:
            raise ValidationException("Nothing to update: give securityGroupIds, privateDnsEnabled or dnsOptions")
        if security_group_ids is not None and not security_group_ids:
            # once an association has security groups it must keep at least one
            raise ValidationException("securityGroupIds must list at least one security group")
        enabled = association.private_dns_enabled if private_dns_enabled is None else private_dns_enabled
        # Options given alone are checked against the private DNS setting the association keeps.
        validate_dns(enabled, dns_options)
        if dns_options is None and enabled is not True and association.dns_options:
            # Turning private DNS off leaves no DNS options to apply.
            association.dns_options = None
        if security_group_ids is not None:
            self._check_security_groups(association.vpc_id, security_group_ids)
            association.security_group_ids = list(security_group_ids)
        association.private_dns_enabled = enabled
        if dns_options is not None:
            association.dns_options = dns_options or None
        association.lifecycle.update()
        association.touch()
        return association

    def delete_service_network_vpc_association(self, identifier: str) -> VpcAssociation:
        association = self.get_service_network_vpc_association(identifier)
        association.refuse_while("creating", "updating")
        association.lifecycle.delete()
        return association


class VpcAssociationResponses:
    def create_service_network_vpc_association(self) -> str:
        association = self.backend.create_service_network_vpc_association(
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            vpc_identifier=self._get_param("vpcIdentifier"),
            security_group_ids=self._get_param("securityGroupIds"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
            private_dns_enabled=self._get_param("privateDnsEnabled"),
            dns_options=self._get_param("dnsOptions"),
        )
        return self.dump_only(
            association, "id", "status", "arn", "createdBy", "securityGroupIds", "privateDnsEnabled", "dnsOptions"
        )

    def get_service_network_vpc_association(self) -> str:
        association = self.backend.get_service_network_vpc_association(
            self._get_param("serviceNetworkVpcAssociationIdentifier")
        )
        return self.dump(association.to_dict())

    def list_service_network_vpc_associations(self) -> str:
        return self.page(
            self.backend.list_service_network_vpc_associations,
            VpcAssociation.to_dict,
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
            vpc_identifier=self._get_param("vpcIdentifier"),
        )

    def update_service_network_vpc_association(self) -> str:
        association = self.backend.update_service_network_vpc_association(
            self._get_param("serviceNetworkVpcAssociationIdentifier"),
            self._get_param("securityGroupIds"),
            self._get_param("privateDnsEnabled"),
            self._get_param("dnsOptions"),
        )
        return self.dump_only(
            association, "id", "status", "arn", "createdBy", "securityGroupIds", "privateDnsEnabled", "dnsOptions"
        )

    def delete_service_network_vpc_association(self) -> str:
        association = self.backend.delete_service_network_vpc_association(
            self._get_param("serviceNetworkVpcAssociationIdentifier")
        )
        return self.dump_only(association, "id", "status", "arn")
