"""Resource gateways: the point of entry into a provider VPC for its VPC resources.

Sources: VPC Lattice API reference (CreateResourceGateway, UpdateResourceGateway,
DeleteResourceGateway), the botocore model (names, enums, 1-62 IPv4 addresses per ENI,
at most 5 security groups), the VPC Lattice user guide ("Resource gateways"), and
terraform-provider-aws internal/service/vpclattice/resource_gateway.go.
"""

from __future__ import annotations

from typing import Any

from .common import LatticeResource, ensure_unique, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

KIND = "resourcegateway"
IP_ADDRESS_TYPES = ("IPV4", "IPV6", "DUALSTACK")
DNS_RESOLUTIONS = ("IN_VPC", "PUBLIC")
MAX_SECURITY_GROUPS = 5
# botocore model, Ipv4AddressesPerEni: 1-62. The user guide ("Resource gateways") gives 16 as the
# default number of IPv4 addresses per ENI.
IPV4_PER_ENI_RANGE = (1, 62)
IPV4_PER_ENI_DEFAULT = 16


class ResourceGateway(LatticeResource):
    kind = KIND

    def __init__(self, name: str, vpc_id: str, subnet_ids: list[str], security_group_ids: list[str],
                 ip_address_type: str, ipv4_addresses_per_eni: int | None, dns_resolution: str | None) -> None:
        self.name = name
        self.vpc_id = vpc_id
        self.subnet_ids = list(subnet_ids)
        self.security_group_ids = list(security_group_ids)
        self.ip_address_type = ip_address_type
        self.ipv4_addresses_per_eni = ipv4_addresses_per_eni
        self.dns_resolution = dns_resolution

    def to_dict(self) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn,
            "name": self.name,
            "status": self.current_status,
            "vpcId": self.vpc_id,
            "subnetIds": self.subnet_ids,
            "securityGroupIds": self.security_group_ids,
            "ipAddressType": self.ip_address_type,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
        }
        if self.ipv4_addresses_per_eni is not None:
            result["ipv4AddressesPerEni"] = self.ipv4_addresses_per_eni
        # Returned only when set: no AWS source says what AWS answers for a gateway made without it.
        if self.dns_resolution is not None:
            result["resourceConfigDnsResolution"] = self.dns_resolution
        return result

    def summary(self) -> dict[str, Any]:
        # ListResourceGateways names the VPC vpcIdentifier, GetResourceGateway vpcId (botocore model).
        result = self.to_dict()
        result["vpcIdentifier"] = result.pop("vpcId")
        return result


class ResourceGatewayBackend:
    def _gateway_network(self, vpc_id: str | None, subnet_ids: list[str] | None, ip_address_type: str) -> None:
        ec2 = self._ec2()
        # The model marks vpcIdentifier and subnetIds optional; the user guide and terraform require both
        # for a gateway the caller makes (only service-managed gateways come without): the stricter reading.
        if not vpc_id or not subnet_ids:
            raise ValidationException("A resource gateway needs vpcIdentifier and at least one subnet in subnetIds")
        if vpc_id not in ec2.vpcs:
            raise ResourceNotFoundException("vpc", vpc_id)
        for subnet_id in subnet_ids:
            subnet = next((s for zone in ec2.subnets.values() for s in zone.values() if s.id == subnet_id), None)
            if subnet is None or subnet.vpc_id != vpc_id:
                raise ValidationException(f"Subnet {subnet_id} does not exist in VPC {vpc_id}")
            # User guide, "Resource gateways": the IP address type must be one the subnets support
            # (IPv6 and dual-stack gateways need subnets with an IPv6 CIDR block).
            if ip_address_type in ("IPV6", "DUALSTACK") and not subnet.has_ipv6():
                raise ValidationException(
                    f"Subnet {subnet_id} has no IPv6 CIDR block: it cannot serve a {ip_address_type} resource gateway"
                )

    def _gateway_security_groups(self, vpc_id: str, security_group_ids: list[str]) -> None:
        if len(security_group_ids) > MAX_SECURITY_GROUPS:
            raise ValidationException(
                "1 validation error detected: Value at 'securityGroupIds' failed to satisfy constraint: "
                f"Member must have length less than or equal to {MAX_SECURITY_GROUPS}"
            )
        for group_id in security_group_ids:
            group = self._ec2().get_security_group_from_id(group_id)
            if group is None or group.vpc_id != vpc_id:
                raise ValidationException(f"Security group {group_id} does not exist in VPC {vpc_id}")

    def create_resource_gateway(
        self,
        name: str,
        vpc_identifier: str | None,
        subnet_ids: list[str] | None,
        security_group_ids: list[str] | None,
        ip_address_type: str | None,
        ipv4_addresses_per_eni: int | None,
        resource_config_dns_resolution: str | None,
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> ResourceGateway:
        validate_name("ResourceGatewayName", name)
        # terraform resource_gateway.go: ip_address_type defaults to IPV4.
        address_type = ip_address_type or "IPV4"
        validate_choice(address_type, IP_ADDRESS_TYPES, "ipAddressType")
        if resource_config_dns_resolution is not None:
            validate_choice(resource_config_dns_resolution, DNS_RESOLUTIONS, "resourceConfigDnsResolution")
        per_eni = ipv4_addresses_per_eni
        if per_eni is not None:
            low, high = IPV4_PER_ENI_RANGE
            if not isinstance(per_eni, int) or not low <= per_eni <= high:
                raise ValidationException(
                    f"1 validation error detected: Value '{per_eni}' at 'ipv4AddressesPerEni' failed to satisfy "
                    f"constraint: Member must have value between {low} and {high}"
                )
            # API reference: "The number of IPv4 addresses in each ENI ... only for IPV4 and DUALSTACK".
            if address_type == "IPV6":
                raise ValidationException("ipv4AddressesPerEni is supported only with ipAddressType IPV4 or DUALSTACK")
        elif address_type != "IPV6":
            per_eni = IPV4_PER_ENI_DEFAULT
        self._gateway_network(vpc_identifier, subnet_ids, address_type)
        self._gateway_security_groups(vpc_identifier, security_group_ids or [])

        def make() -> ResourceGateway:
            ensure_unique(self.resource_gateways.values(), name, "resource gateway")
            gateway = ResourceGateway(
                name, vpc_identifier, subnet_ids, security_group_ids or [], address_type, per_eni,
                resource_config_dns_resolution,
            )
            gateway.adopt(self.region_name, self.account_id)
            self.resource_gateways[gateway.id] = gateway
            self.tag_resource(gateway.arn, tags or {})
            return gateway

        request = {
            "name": name, "vpc": vpc_identifier, "subnets": subnet_ids, "sgs": security_group_ids,
            "ipAddressType": ip_address_type, "perEni": ipv4_addresses_per_eni,
            "dns": resource_config_dns_resolution, "tags": tags,
        }
        return self.client_tokens.create("CreateResourceGateway", client_token, request, make)

    def get_resource_gateway(self, identifier: str) -> ResourceGateway:
        return self.find(KIND, identifier, "resourceGatewayIdentifier")

    def list_resource_gateways(
        self, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        return paginate(list(self.resource_gateways.values()), max_results, next_token)

    def update_resource_gateway(self, identifier: str, security_group_ids: list[str] | None) -> ResourceGateway:
        gateway = self.get_resource_gateway(identifier)
        gateway.refuse_while("busy")
        if security_group_ids is not None:
            self._gateway_security_groups(gateway.vpc_id, security_group_ids)
            gateway.security_group_ids = list(security_group_ids)
            gateway.lifecycle.update()
            gateway.touch()
        return gateway

    def delete_resource_gateway(self, identifier: str) -> ResourceGateway:
        gateway = self.get_resource_gateway(identifier)
        gateway.refuse_while("creating", "updating")
        # Resource configurations reach their resources through the gateway: AWS refuses to delete it while
        # any remain (aws-nuke PR #983 deletes in the order association -> configuration -> gateway).
        in_use = [
            c for c in self.resource_configurations.values()
            if c.resource_gateway_id == gateway.id and not c.lifecycle.gone
        ]
        if in_use:
            raise ConflictException(
                f"Resource gateway {gateway.id} is still used by resource configurations: "
                + ", ".join(c.id for c in in_use),
                "RESOURCE_GATEWAY",
                gateway.id,
            )
        gateway.lifecycle.delete()
        return gateway


class ResourceGatewayResponses:
    def create_resource_gateway(self) -> str:
        gateway = self.backend.create_resource_gateway(
            name=self._get_param("name"),
            vpc_identifier=self._get_param("vpcIdentifier"),
            subnet_ids=self._get_param("subnetIds"),
            security_group_ids=self._get_param("securityGroupIds"),
            ip_address_type=self._get_param("ipAddressType"),
            ipv4_addresses_per_eni=self._get_param("ipv4AddressesPerEni"),
            resource_config_dns_resolution=self._get_param("resourceConfigDnsResolution"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        # CreateResourceGateway answers vpcIdentifier (botocore model).
        return self.dump_only(
            gateway, "id", "arn", "name", "status", "vpcIdentifier", "subnetIds", "securityGroupIds",
            "ipAddressType", "ipv4AddressesPerEni", "resourceConfigDnsResolution", view=gateway.summary(),
        )

    def get_resource_gateway(self) -> str:
        return self.dump(self.backend.get_resource_gateway(self._get_param("resourceGatewayIdentifier")).to_dict())

    def list_resource_gateways(self) -> str:
        return self.page(self.backend.list_resource_gateways, ResourceGateway.summary)

    def update_resource_gateway(self) -> str:
        gateway = self.backend.update_resource_gateway(
            self._get_param("resourceGatewayIdentifier"), self._get_param("securityGroupIds")
        )
        view = gateway.to_dict()
        if view["ipAddressType"] == "DUALSTACK":
            # UpdateResourceGateway's output enum (IpAddressType) has IPV4 and IPV6 only (botocore model).
            del view["ipAddressType"]
        return self.dump_only(
            gateway, "id", "arn", "name", "status", "vpcId", "subnetIds", "securityGroupIds", "ipAddressType", view=view
        )

    def delete_resource_gateway(self) -> str:
        gateway = self.backend.delete_resource_gateway(self._get_param("resourceGatewayIdentifier"))
        return self.dump_only(gateway, "id", "arn", "name", "status")
