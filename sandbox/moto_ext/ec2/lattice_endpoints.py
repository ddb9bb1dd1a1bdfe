"""VPC endpoints of type ``ServiceNetwork`` and ``Resource`` (VPC Lattice through PrivateLink), absent from moto.

Moto's CreateVpcEndpoint knows ``Interface`` and ``Gateway`` only: it takes any
other type, ignores ``ServiceNetworkArn``, ``ResourceConfigurationArn``,
``IpAddressType`` and ``DnsOptions``, and answers ``available`` at once. Sources
of what AWS does instead (each rule below names its own):

- EC2 API reference and botocore model (ec2 2016-11-15): ``CreateVpcEndpoint``,
  ``ModifyVpcEndpoint``, ``DescribeVpcEndpoints`` (filters, states
  ``pendingAcceptance | pending | available | deleting | deleted | rejected | failed``),
  ``DeleteVpcEndpoints`` (``Unsuccessful`` items), ``DescribeVpcEndpointAssociations``.
- AWS PrivateLink guide, "Access service networks through AWS PrivateLink" and
  "Access a service network through a service-network endpoint": the service network
  must be the caller's own or shared with it through RAM; a /28 block of free
  addresses per Availability Zone is taken for the services.
- aws-samples output of ``aws ec2 create-vpc-endpoint --vpc-endpoint-type ServiceNetwork``
  (no ``ServiceName``, ``PrivateDnsEnabled: false`` when not asked for, the groups as
  ``Groups``) and of ``describe-vpc-endpoint-associations`` (IDs ``vpce-rsc-asc-<17 hex>``,
  DNS names ``<vpce>-snra-<17 hex>.rcfg-<17 hex>.4232ccc.vpc-lattice-rsc.<region>.on.aws``);
  a CDK sample with a service's name through an endpoint taken from the console,
  ``<vpce>-snsa-<17 hex>.7d67968.vpc-lattice-svcs.<region>.on.aws``.
- terraform-provider-aws (``internal/service/ec2``): the error codes it tests for,
  ``InvalidVpcEndpointId.NotFound`` on describe and ``InvalidVpcEndpoint.NotFound`` in a
  delete's ``Unsuccessful`` items.

The endpoint lives in moto's ``vpc_end_points`` (a subclass of moto's model), so tags,
filters by tag and the resource-type prefix ``vpce`` keep working.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from typing import Any

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ec2.exceptions import (
    EC2ClientError,
    InvalidParameter,
    InvalidParameterCombination,
    InvalidParameterValue,
    InvalidSubnetIdError,
    InvalidVpcEndPointIdError,
)
from moto.ec2.models.vpcs import VPCEndPoint
from moto.ec2.utils import add_tag_specification

from ..core.consistency import Visibility, readable
from ..core.lifecycle import Lifecycle, States
from ..ram.access import is_shared_with

LATTICE_TYPES = ("ServiceNetwork", "Resource")
IP_ADDRESS_TYPES = ("ipv4", "dualstack", "ipv6")
# botocore model, DnsRecordIpType; ``service-defined`` is an Interface endpoint's (the AWS service decides).
DNS_RECORD_IP_TYPES = ("ipv4", "dualstack", "ipv6", "service-defined")
# PrivateLink guide, "IP address types" / "DNS record IP type": the records an endpoint may publish.
RECORD_TYPES_FOR = {"ipv4": ("ipv4",), "ipv6": ("ipv6",), "dualstack": ("ipv4", "dualstack", "ipv6")}
# botocore model, DnsOptionsSpecification.PrivateDnsPreference ("only supported when private DNS is
# enabled and when the VPC endpoint type is ServiceNetwork or Resource"); PrivateDnsSpecifiedDomains
# "only ... when the private DNS preference is VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or
# SPECIFIED_DOMAINS_ONLY" (read, the stricter way, as: then needed), at most 10.
PREFERENCES = ("VERIFIED_DOMAINS_ONLY", "ALL_DOMAINS", "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")
WITH_DOMAINS = ("VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")
MAX_SPECIFIED_DOMAINS = 10
# An endpoint is created and changed in the background: ``pending`` then ``available``; a
# delete goes ``deleting`` then ``deleted``, which DescribeVpcEndpoints still lists for a while.
# (``pendingAcceptance`` belongs to endpoints of an endpoint service that accepts connections:
# a service network or resource configuration has no such acceptance.)
STATES = States("pending", "available", "pending", "deleting", "deleted")
# PrivateLink guide, service-network endpoint prerequisites: "a contiguous /28 block (16 IPv4
# addresses) per Availability Zone ... cannot overlap with the five Amazon-reserved addresses".
SERVICE_BLOCK = 16
RESERVED_PER_SUBNET = 5
LATTICE_ARN = re.compile(
    r"arn:aws[a-z-]*:vpc-lattice:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):"
    r"(?P<kind>servicenetwork|resourceconfiguration)/(?P<id>(?:sn|rcfg)-[0-9a-f]{17})"
)
# The Lattice backend store of each kind an endpoint may reach (vpclattice/sharing.py STORES).
LATTICE_STORES = {"servicenetwork": "service_networks", "resourceconfiguration": "resource_configurations"}


class MissingParameter(EC2ClientError):
    def __init__(self, parameter: str) -> None:
        super().__init__("MissingParameter", f"The request must contain the parameter {parameter}")


class DuplicateSubnetsInSameZone(EC2ClientError):
    """Interface endpoints' answer to two subnets of one Availability Zone (one network interface per zone)."""

    def __init__(self, subnet_id: str) -> None:
        super().__init__(
            "DuplicateSubnetsInSameZone",
            f"Found another VPC endpoint subnet in the availability zone of {subnet_id}. "
            "VPC endpoint subnets should be in different availability zones.",
        )


class IncorrectState(EC2ClientError):
    def __init__(self, endpoint_id: str, state: str) -> None:
        super().__init__("IncorrectState", f"VPC endpoint {endpoint_id} is in state {state} and cannot be modified")


def _regional_lattice_backends(region: str) -> list[Any]:
    from ..vpclattice.sharing import regional_backends

    return regional_backends(region)


def lattice_target(arn: str, kind: str, option: str, account_id: str, region: str) -> Any:
    """The service network or resource configuration ``arn`` names, if the caller may reach it.

    PrivateLink guide: "You must have a service network that was either created by you or shared
    with you from another account through AWS RAM" (the same for resource configurations). The
    reference names no error code for one that is missing or not shared; EC2 answers
    InvalidParameter for a value it cannot use.
    """
    match = LATTICE_ARN.fullmatch(arn or "")
    if match is None or match["kind"] != kind:
        raise InvalidParameterValue(f"Value ({arn}) for parameter {option} is invalid: not a {kind} ARN")
    if match["region"] != region:
        raise InvalidParameter(f"{option} {arn} is in another Region than the endpoint ({region})")
    owner = match["account"]
    backend = next((b for b in _regional_lattice_backends(region) if b.account_id == owner), None)
    target = getattr(backend, LATTICE_STORES[kind], {}).get(match["id"]) if backend else None
    if target is not None and getattr(target, "lifecycle", None) is not None and target.lifecycle.gone:
        target = None
    if target is None or (owner != account_id and not is_shared_with(arn, account_id, region)):
        raise InvalidParameter(
            f"The {kind} {arn} does not exist or is not shared with account {account_id} through AWS RAM"
        )
    return target


def check_dns_options(endpoint_type: str, ip_address_type: str, private_dns_enabled: bool,
                      dns_options: dict[str, Any]) -> None:
    record_type = dns_options.get("DnsRecordIpType")
    if record_type is not None and record_type not in DNS_RECORD_IP_TYPES:
        raise InvalidParameterValue(
            f"Value ({record_type}) for parameter DnsOptions.DnsRecordIpType is invalid. "
            f"Valid values: {', '.join(DNS_RECORD_IP_TYPES)}"
        )
    if record_type is not None and record_type not in RECORD_TYPES_FOR[ip_address_type]:
        raise InvalidParameter(
            f"DnsRecordIpType {record_type} is not supported for a VPC endpoint of IpAddressType {ip_address_type}"
        )
    if dns_options.get("PrivateDnsOnlyForInboundResolverEndpoint"):
        # botocore model: "available only for services that support both gateway and interface endpoints".
        raise InvalidParameter(f"PrivateDnsOnlyForInboundResolverEndpoint is not supported for {endpoint_type} endpoints")
    preference = dns_options.get("PrivateDnsPreference")
    domains = dns_options.get("PrivateDnsSpecifiedDomains")
    if (preference is not None or domains) and not private_dns_enabled:
        raise InvalidParameter("PrivateDnsPreference and PrivateDnsSpecifiedDomains need PrivateDnsEnabled")
    if preference is not None and preference not in PREFERENCES:
        raise InvalidParameterValue(
            f"Value ({preference}) for parameter DnsOptions.PrivateDnsPreference is invalid. "
            f"Valid values: {', '.join(PREFERENCES)}"
        )
    if preference in WITH_DOMAINS and not domains:
        raise MissingParameter("DnsOptions.PrivateDnsSpecifiedDomains")
    if domains and preference not in WITH_DOMAINS:
        raise InvalidParameterCombination(
            "PrivateDnsSpecifiedDomains is only supported with PrivateDnsPreference "
            "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY"
        )
    if domains and len(domains) > MAX_SPECIFIED_DOMAINS:
        raise InvalidParameterValue(f"At most {MAX_SPECIFIED_DOMAINS} PrivateDnsSpecifiedDomains are allowed")


def _has_service_block(subnet: Any) -> bool:
    """Room for the /28 block of a service-network endpoint (the subnet's addresses minus AWS's five)."""
    size = ipaddress.ip_network(subnet.cidr_block, strict=False).num_addresses
    return size - RESERVED_PER_SUBNET >= SERVICE_BLOCK


class LatticeVpcEndpoint(VPCEndPoint):
    """A ServiceNetwork or Resource endpoint: what DescribeVpcEndpoints answers for it."""

    def __init__(self, ec2_backend: Any, vpc_id: str, endpoint_type: str, target_arn: str, subnets: list[Any],
                 group_ids: list[str], ip_address_type: str, private_dns_enabled: bool,
                 dns_options: dict[str, Any], client_token: str | None, tags: dict[str, str]) -> None:
        # Moto's constructor sets a fixed ``state``: this model derives it from the lifecycle.
        self.ec2_backend = ec2_backend
        self.id = f"vpce-{secrets.token_hex(9)[:17]}"
        self.vpc_id = vpc_id
        self.vpc_endpoint_type = endpoint_type
        self.service_network_arn = target_arn if endpoint_type == "ServiceNetwork" else None
        self.resource_configuration_arn = target_arn if endpoint_type == "Resource" else None
        self.service_name = None
        self.policy_document = None
        self.route_table_ids: list[str] = []
        self.destination_prefix_list_id = None
        self.security_group_ids = list(dict.fromkeys(group_ids))
        self.ip_address_type = ip_address_type
        self.private_dns_enabled = private_dns_enabled
        self.dns_options = dns_options
        self.client_token = client_token
        self.requester_managed = False
        self.dns_entries: list[dict[str, str]] = []
        self.creation_timestamp = utcnow()
        self.lifecycle = Lifecycle(STATES, resource="ec2-vpc-endpoint")
        # DescribeVpcEndpoints may not list it at once (SANDBOX_LAG, core/consistency.py).
        self.visibility = Visibility(self.id)
        self.interfaces: dict[str, Any] = {}
        self.association_ids: dict[str, str] = {}
        self.add_tags(tags)
        for subnet in subnets:
            self._add_interface(subnet)

    # --- network interfaces, one per subnet -----------------------------------
    def _add_interface(self, subnet: Any) -> None:
        self.interfaces[subnet.id] = self.ec2_backend.create_network_interface(
            subnet, None, group_ids=self.security_group_ids, description=f"VPC Endpoint Interface {self.id}"
        )

    def _remove_interface(self, subnet_id: str) -> None:
        interface = self.interfaces.pop(subnet_id, None)
        if interface is not None:
            self.ec2_backend.delete_network_interface(interface.id)

    @property
    def subnet_ids(self) -> list[str]:  # type: ignore[override]
        return list(self.interfaces)

    @property
    def network_interface_ids(self) -> list[str]:  # type: ignore[override]
        return [interface.id for interface in self.interfaces.values()]

    # --- state ------------------------------------------------------------------
    @property
    def failure_reason(self) -> str | None:
        if self.vpc_endpoint_type != "ServiceNetwork" or self.lifecycle.deleted_at is not None:
            return None
        small = [subnet_id for subnet_id, eni in self.interfaces.items() if not _has_service_block(eni.subnet)]
        if small:
            return (
                f"Subnet {small[0]} does not have a contiguous /28 block of free IPv4 addresses "
                "for the service network's services"
            )
        return None

    @property
    def state(self) -> str:  # type: ignore[override]
        status = self.lifecycle.status
        if status == "available" and self.failure_reason:
            return "failed"
        return status or "deleted"

    @state.setter
    def state(self, value: str) -> None:
        """Moto's DeleteVpcEndpoints sets ``deleted``; the lifecycle goes through ``deleting`` first."""
        if value == "deleted":
            self.lifecycle.delete()

    @property
    def owner_id(self) -> str:
        return self.ec2_backend.account_id

    @property
    def vpc_endpoint_id(self) -> str:
        return self.id

    @property
    def target_arn(self) -> str:
        return self.service_network_arn or self.resource_configuration_arn

    def get_filter_value(self, filter_name: str, method_name: str | None = None) -> Any:
        # DescribeVpcEndpoints filters (EC2 API reference).
        values = {
            "vpc-id": self.vpc_id,
            "vpc-endpoint-id": self.id,
            "vpc-endpoint-state": self.state,
            "vpc-endpoint-type": self.vpc_endpoint_type,
            "ip-address-type": self.ip_address_type,
            "service-name": self.service_name,
            "service-region": self.ec2_backend.region_name,
        }
        if filter_name in values:
            return values[filter_name]
        return super().get_filter_value(filter_name, method_name)


class LatticeEndpointBackend:
    """EC2 backend mixin: the ServiceNetwork and Resource types of the VPC endpoint operations."""

    vpc_end_points: dict[str, Any]

    def create_lattice_vpc_endpoint(self, request: dict[str, Any], tags: dict[str, str]) -> LatticeVpcEndpoint:
        endpoint_type = request["VpcEndpointType"]
        token = request.get("ClientToken")
        existing = next(
            (e for e in self.vpc_end_points.values() if token and getattr(e, "client_token", None) == token), None
        )
        if existing is not None:
            return existing
        self._refuse_members_of_other_types(endpoint_type, request)
        vpc = self.get_vpc(request["VpcId"])  # type: ignore[attr-defined]  # InvalidVpcID.NotFound
        member, kind = (
            ("ServiceNetworkArn", "servicenetwork") if endpoint_type == "ServiceNetwork"
            else ("ResourceConfigurationArn", "resourceconfiguration")
        )
        if not request.get(member):
            raise MissingParameter(member)
        account_id, region = self.account_id, self.region_name  # type: ignore[attr-defined]
        lattice_target(request[member], kind, member, account_id, region)
        subnets = self._endpoint_subnets(vpc.id, request.get("SubnetIds") or [])
        ip_address_type = request.get("IpAddressType") or self._default_ip_address_type(subnets)
        self._check_ip_address_type(ip_address_type, subnets)
        group_ids = request.get("SecurityGroupIds") or [
            self.get_default_security_group(vpc.id).id  # type: ignore[attr-defined]
        ]
        self._check_endpoint_groups(vpc.id, group_ids)
        # aws-samples create-vpc-endpoint output: PrivateDnsEnabled false when not asked for.
        private_dns = bool(request.get("PrivateDnsEnabled", False))
        dns_options = dict(request.get("DnsOptions") or {})
        check_dns_options(endpoint_type, ip_address_type, private_dns, dns_options)
        # PrivateLink guide, "DNS record IP type": by default the records follow the endpoint's IP address type.
        dns_options.setdefault("DnsRecordIpType", ip_address_type)
        if private_dns and endpoint_type in LATTICE_TYPES:
            dns_options.setdefault("PrivateDnsPreference", "VERIFIED_DOMAINS_ONLY")
        endpoint = LatticeVpcEndpoint(
            self, vpc.id, endpoint_type, request[member], subnets, group_ids, ip_address_type, private_dns,
            dns_options, token, tags,
        )
        self.vpc_end_points[endpoint.id] = endpoint
        return endpoint

    @staticmethod
    def _refuse_members_of_other_types(endpoint_type: str, request: dict[str, Any]) -> None:
        # Messages of EC2's own answers (amazon.aws issue #576: "Route table IDs are only supported for
        # Gateway type VPC Endpoint."); the model documents each member's endpoint types.
        if request.get("RouteTableIds"):
            raise InvalidParameter("Route table IDs are only supported for Gateway type VPC Endpoint.")
        if request.get("PolicyDocument"):
            raise InvalidParameter("Policy documents are only supported for Interface and Gateway type VPC Endpoint.")
        if request.get("ServiceName"):
            raise InvalidParameterCombination(f"ServiceName cannot be used with VpcEndpointType {endpoint_type}")
        other = "ResourceConfigurationArn" if endpoint_type == "ServiceNetwork" else "ServiceNetworkArn"
        if request.get(other):
            raise InvalidParameterCombination(f"{other} cannot be used with VpcEndpointType {endpoint_type}")
        if request.get("SubnetConfigurations"):
            raise InvalidParameter(f"SubnetConfigurations are not supported for {endpoint_type} type VPC Endpoint.")

    def _endpoint_subnets(self, vpc_id: str, subnet_ids: list[str]) -> list[Any]:
        # The PrivateLink guide's create steps require subnets (the network interfaces live there).
        if not subnet_ids:
            raise MissingParameter("SubnetIds")
        subnets, zones = [], {}
        for subnet_id in dict.fromkeys(subnet_ids):
            subnet = self.get_subnet(subnet_id)  # type: ignore[attr-defined]
            if subnet is None:
                raise InvalidSubnetIdError(subnet_id)
            if subnet.vpc_id != vpc_id:
                raise InvalidParameter(f"The subnet ID '{subnet_id}' does not belong to VPC {vpc_id}")
            if subnet.availability_zone in zones:
                raise DuplicateSubnetsInSameZone(subnet_id)
            zones[subnet.availability_zone] = subnet_id
            subnets.append(subnet)
        return subnets

    @staticmethod
    def _default_ip_address_type(subnets: list[Any]) -> str:
        """PrivateLink guide, "IP address types": IPv4 by default; an IPv6-only subnet allows IPv6 only."""
        if subnets and all(getattr(s, "ipv6_native", False) for s in subnets):
            return "ipv6"
        return "ipv4"

    @staticmethod
    def _check_ip_address_type(ip_address_type: str, subnets: list[Any]) -> None:
        if ip_address_type not in IP_ADDRESS_TYPES:
            raise InvalidParameterValue(
                f"Value ({ip_address_type}) for parameter IpAddressType is invalid. "
                f"Valid values: {', '.join(IP_ADDRESS_TYPES)}"
            )
        # PrivateLink guide, "IP address types": dualstack and IPv6 need subnets with IPv6 address ranges,
        # IPv4 and dualstack subnets with IPv4 ones.
        for subnet in subnets:
            if ip_address_type != "ipv4" and not subnet.has_ipv6():
                raise InvalidParameter(f"Subnet {subnet.id} has no IPv6 CIDR block for IpAddressType {ip_address_type}")
            if ip_address_type != "ipv6" and getattr(subnet, "ipv6_native", False):
                raise InvalidParameter(f"Subnet {subnet.id} is IPv6-only: IpAddressType {ip_address_type} needs IPv4")

    def _check_endpoint_groups(self, vpc_id: str, group_ids: list[str]) -> None:
        for group in self.describe_security_groups(group_ids=group_ids):  # type: ignore[attr-defined]
            if group.vpc_id != vpc_id:
                # EC2's answer when a network interface would join a group of another VPC.
                raise InvalidParameter(f"Security group {group.id} and VPC {vpc_id} belong to different networks.")

    def lattice_endpoint(self, endpoint_id: str) -> LatticeVpcEndpoint | None:
        endpoint = self.vpc_end_points.get(endpoint_id)
        return endpoint if isinstance(endpoint, LatticeVpcEndpoint) else None

    def modify_lattice_vpc_endpoint(self, endpoint: LatticeVpcEndpoint, request: dict[str, Any]) -> None:
        if endpoint.state not in ("available", "failed"):
            raise IncorrectState(endpoint.id, endpoint.state)
        for member, types in (("AddRouteTableIds", "Gateway"), ("RemoveRouteTableIds", "Gateway"),
                              ("PolicyDocument", "Interface and Gateway"), ("ResetPolicy", "Gateway"),
                              ("SubnetConfigurations", "Interface")):
            if request.get(member):
                raise InvalidParameter(f"{member} is only supported for {types} type VPC Endpoint.")
        remove = set(request.get("RemoveSubnetIds") or [])
        added = self._endpoint_subnets(endpoint.vpc_id, request["AddSubnetIds"]) if request.get("AddSubnetIds") else []
        kept = [eni.subnet for subnet_id, eni in endpoint.interfaces.items() if subnet_id not in remove]
        if not kept and not added:
            raise InvalidParameter("A VPC endpoint must keep at least one subnet")
        self._endpoint_subnets(endpoint.vpc_id, [s.id for s in kept + added])  # one subnet per Availability Zone
        groups = [g for g in endpoint.security_group_ids if g not in (request.get("RemoveSecurityGroupIds") or [])]
        groups += [g for g in request.get("AddSecurityGroupIds") or [] if g not in groups]
        if not groups:
            # Every endpoint network interface is in at least one group (CreateVpcEndpoint: the VPC's
            # default group when none is given).
            raise InvalidParameter("A VPC endpoint must keep at least one security group")
        self._check_endpoint_groups(endpoint.vpc_id, groups)
        ip_address_type = request.get("IpAddressType") or endpoint.ip_address_type
        self._check_ip_address_type(ip_address_type, kept + added)
        private_dns = endpoint.private_dns_enabled if request.get("PrivateDnsEnabled") is None else bool(
            request["PrivateDnsEnabled"]
        )
        dns_options = dict(endpoint.dns_options)
        dns_options.update(request.get("DnsOptions") or {})
        if request.get("IpAddressType") and not (request.get("DnsOptions") or {}).get("DnsRecordIpType"):
            if dns_options.get("DnsRecordIpType") not in RECORD_TYPES_FOR[ip_address_type]:
                dns_options["DnsRecordIpType"] = ip_address_type
        if not private_dns:
            dns_options.pop("PrivateDnsPreference", None)
            dns_options.pop("PrivateDnsSpecifiedDomains", None)
        check_dns_options(endpoint.vpc_endpoint_type, ip_address_type, private_dns, dns_options)

        for subnet_id in remove:
            endpoint._remove_interface(subnet_id)
        endpoint.security_group_ids = groups
        for subnet in added:
            endpoint._add_interface(subnet)
        for interface in endpoint.interfaces.values():
            self.modify_network_interface_attribute(interface.id, groups)  # type: ignore[attr-defined]
        endpoint.ip_address_type = ip_address_type
        endpoint.private_dns_enabled = private_dns
        endpoint.dns_options = dns_options
        endpoint.lifecycle.update()

    def delete_lattice_vpc_endpoint(self, endpoint: LatticeVpcEndpoint) -> None:
        if endpoint.lifecycle.deleted_at is None:
            endpoint.lifecycle.delete()
            for subnet_id in list(endpoint.interfaces):
                endpoint._remove_interface(subnet_id)

    def readable_lattice_endpoints(self) -> list[LatticeVpcEndpoint]:
        return [e for e in self.vpc_end_points.values() if isinstance(e, LatticeVpcEndpoint) and readable(e)]

    def lattice_endpoints_of(self, target_arn: str) -> list[LatticeVpcEndpoint]:
        return [
            e for e in self.vpc_end_points.values()
            if isinstance(e, LatticeVpcEndpoint) and e.target_arn == target_arn and e.lifecycle.deleted_at is None
        ]


def endpoint_associations(endpoint: LatticeVpcEndpoint) -> list[dict[str, Any]]:
    """DescribeVpcEndpointAssociations: what the endpoint reaches, each with the DNS name it has there.

    A service of a service network gets ``<vpce>-<snsa ID>.<the service name's hash label>.vpc-lattice-svcs.
    <region>.on.aws``; its own generated name is not answered through an endpoint (the AWS networking blog
    "Managing DNS resolution with Amazon VPC Lattice and VPC resources": consumers use the names of the
    endpoint's associations). A resource configuration reached by a Resource endpoint gets
    ``<vpce>.<rcfg ID>.4232ccc.vpc-lattice-rsc.<region>.on.aws`` (AWS CLI example).
    """
    region = endpoint.ec2_backend.region_name
    if endpoint.vpc_endpoint_type == "Resource":
        rcfg_id = endpoint.resource_configuration_arn.rsplit("/", 1)[-1]
        name = f"{endpoint.id}.{rcfg_id}.4232ccc.vpc-lattice-rsc.{region}.on.aws"
        return [_association(endpoint, endpoint.resource_configuration_arn, name, None, None)]
    associations = []
    for service, association, network in reachable_services(endpoint):
        label = service.dns["domainName"].split(".")[1]
        name = f"{endpoint.id}-{association.id}.{label}.vpc-lattice-svcs.{region}.on.aws"
        associations.append(_association(endpoint, service.arn, name, service.dns["hostedZoneId"], network))
    for configuration, association, network in reachable_resources(endpoint):
        associations.append(_association(endpoint, configuration.arn, resource_endpoint_name(endpoint, association),
                                         association.dns["hostedZoneId"], network))
    return associations


def resource_endpoint_name(endpoint: LatticeVpcEndpoint, association: Any) -> str:
    """The name a resource configuration of the network has through a ServiceNetwork endpoint.

    The endpoint's ID before the service network resource association's own generated name: aws-samples
    output of ``describe-vpc-endpoint-associations`` for a service-network endpoint,
    ``<vpce>-snra-<17 hex>.rcfg-<17 hex>.4232ccc.vpc-lattice-rsc.<region>.on.aws``, where the association's
    own name is ``snra-<17 hex>.rcfg-<17 hex>.<hash>.vpc-lattice-rsc.<region>.on.aws``
    (GetServiceNetworkResourceAssociation ``dnsEntry``).
    """
    return f"{endpoint.id}-{association.dns['domainName'].lower()}"


def _network_of(endpoint: LatticeVpcEndpoint, backends: list[Any]) -> Any:
    network_arn = endpoint.service_network_arn
    owner = network_arn.split(":")[4]
    return next((b.service_networks.get(network_arn.rsplit("/", 1)[-1]) for b in backends if b.account_id == owner),
                None)


def reachable_services(endpoint: LatticeVpcEndpoint) -> list[tuple[Any, Any, Any]]:
    """(service, service network service association, network) for each ACTIVE service of the endpoint's network."""
    region = endpoint.ec2_backend.region_name
    backends = _regional_lattice_backends(region)
    network_arn = endpoint.service_network_arn
    owner = network_arn.split(":")[4]
    network = _network_of(endpoint, backends)
    if network is None:
        return []
    found = []
    for backend in backends:
        for association in backend.service_network_service_associations.values():
            if association.service_network_arn != network_arn or association.lifecycle.status != "ACTIVE":
                continue
            service_owner = association.service_arn.split(":")[4]
            service_backend = next((b for b in backends if b.account_id == service_owner), None)
            service = service_backend.services.get(association.service_arn.rsplit("/", 1)[-1]) if service_backend else None
            if service is None or service.lifecycle.status != "ACTIVE":
                continue
            # A service of another account reaches the network only while shared with its owner (resolution.py).
            if service_owner != owner and not is_shared_with(service.arn, owner, region):
                continue
            found.append((service, association, network))
    return found


def reachable_resources(endpoint: LatticeVpcEndpoint) -> list[tuple[Any, Any, Any]]:
    """(resource configuration, service network resource association, network) for each resource configuration
    the endpoint's network carries.

    CreateServiceNetworkResourceAssociation (VPC Lattice API reference): the association "allows the resource
    configuration to receive connections through the service network, including through a service network VPC
    endpoint". As through a VPC association (``dataplane/resources.py``): the association and the configuration
    ACTIVE, and the configuration the network owner's or shared with it through RAM.
    """
    region = endpoint.ec2_backend.region_name
    backends = _regional_lattice_backends(region)
    network = _network_of(endpoint, backends)
    if network is None:
        return []
    owner = network.arn.split(":")[4]
    found = []
    for backend in backends:
        for association in backend.service_network_resource_associations.values():
            configuration = association.configuration
            if (association.service_network_arn != network.arn or association.lifecycle.status != "ACTIVE"
                    or configuration.lifecycle.gone or configuration.lifecycle.status != "ACTIVE"):
                continue
            if configuration.owner_account_id != owner and not is_shared_with(configuration.arn, owner, region):
                continue
            found.append((configuration, association, network))
    return found


def _association(endpoint: LatticeVpcEndpoint, resource_arn: str, dns_name: str, zone_id: str | None,
                 network: Any) -> dict[str, Any]:
    association_id = endpoint.association_ids.setdefault(resource_arn, f"vpce-rsc-asc-{secrets.token_hex(9)[:17]}")
    result = {
        "Id": association_id,
        "VpcEndpointId": endpoint.id,
        "AssociatedResourceAccessibility": "Accessible",
        "DnsEntry": {"DnsName": dns_name, "HostedZoneId": zone_id or "Z03265862FOUNWMZOKUF4"},
        "AssociatedResourceArn": resource_arn,
    }
    if network is not None:
        result["ServiceNetworkArn"] = network.arn
        result["ServiceNetworkName"] = network.name
    return result


REQUEST_MEMBERS = (
    "VpcEndpointType", "VpcId", "ServiceName", "PolicyDocument", "RouteTableIds", "SubnetIds", "SecurityGroupIds",
    "IpAddressType", "DnsOptions", "ClientToken", "PrivateDnsEnabled", "SubnetConfigurations", "ServiceNetworkArn",
    "ResourceConfigurationArn",
)
MODIFY_MEMBERS = (
    "ResetPolicy", "PolicyDocument", "AddRouteTableIds", "RemoveRouteTableIds", "AddSubnetIds", "RemoveSubnetIds",
    "AddSecurityGroupIds", "RemoveSecurityGroupIds", "IpAddressType", "DnsOptions", "PrivateDnsEnabled",
    "SubnetConfigurations",
)


class LatticeEndpointResponse:
    """EC2 response mixin: ServiceNetwork and Resource endpoints here, every other type to moto."""

    def _request(self, members: tuple[str, ...]) -> dict[str, Any]:
        request = {member: self._get_param(member) for member in members}
        for member in ("PrivateDnsEnabled", "ResetPolicy"):
            if request.get(member) is not None:
                request[member] = self._get_bool_param(member)
        dns = request.get("DnsOptions")
        if dns and "PrivateDnsOnlyForInboundResolverEndpoint" in dns:
            dns["PrivateDnsOnlyForInboundResolverEndpoint"] = str(
                dns["PrivateDnsOnlyForInboundResolverEndpoint"]
            ).lower() == "true"
        return request

    def create_vpc_endpoint(self) -> ActionResult:
        if self._get_param("VpcEndpointType") not in LATTICE_TYPES:
            return super().create_vpc_endpoint()
        self.error_on_dryrun()
        endpoint = self.ec2_backend.create_lattice_vpc_endpoint(
            self._request(REQUEST_MEMBERS), add_tag_specification(self._get_param("TagSpecifications", [])),
        )
        result = {"VpcEndpoint": endpoint}
        if endpoint.client_token:
            result["ClientToken"] = endpoint.client_token
        return ActionResult(result)

    def describe_vpc_endpoints(self) -> ActionResult:
        endpoint_ids = self._get_param("VpcEndpointIds", [])
        for endpoint_id in endpoint_ids:
            endpoint = self.ec2_backend.lattice_endpoint(endpoint_id)
            if endpoint is not None and not readable(endpoint):
                raise InvalidVpcEndPointIdError(endpoint_id)
        endpoints = self.ec2_backend.describe_vpc_endpoints(
            vpc_end_point_ids=endpoint_ids, filters=self._filters_from_querystring()
        )
        return ActionResult({"VpcEndpoints": [e for e in endpoints if readable(e)]})

    def modify_vpc_endpoint(self) -> ActionResult:
        endpoint = self.ec2_backend.lattice_endpoint(self._get_param("VpcEndpointId"))
        if endpoint is None:
            return super().modify_vpc_endpoint()
        self.error_on_dryrun()
        self.ec2_backend.modify_lattice_vpc_endpoint(endpoint, self._request(MODIFY_MEMBERS))
        return ActionResult({"Return": True})

    def delete_vpc_endpoints(self) -> ActionResult:
        self.error_on_dryrun()
        unsuccessful, for_moto = [], []
        for endpoint_id in self._get_param("VpcEndpointIds", []):
            endpoint = self.ec2_backend.lattice_endpoint(endpoint_id)
            if endpoint is not None:
                self.ec2_backend.delete_lattice_vpc_endpoint(endpoint)
            elif endpoint_id in self.ec2_backend.vpc_end_points:
                for_moto.append(endpoint_id)
            else:
                # Moto skips an unknown ID silently; EC2 reports it (terraform-provider-aws ignores
                # exactly this code when deleting: errCodeInvalidVPCEndpointNotFound).
                unsuccessful.append({
                    "Error": {"Code": "InvalidVpcEndpoint.NotFound",
                              "Message": f"The Vpc Endpoint Id '{endpoint_id}' does not exist"},
                    "ResourceId": endpoint_id,
                })
        self.ec2_backend.delete_vpc_endpoints(vpce_ids=for_moto)
        return ActionResult({"Unsuccessful": unsuccessful})

    def describe_vpc_endpoint_associations(self) -> ActionResult:
        endpoint_ids = self._get_param("VpcEndpointIds", [])
        endpoints = self.ec2_backend.readable_lattice_endpoints()
        for endpoint_id in endpoint_ids:
            if endpoint_id not in {e.id for e in endpoints}:
                raise InvalidVpcEndPointIdError(endpoint_id)
        associations = [
            association
            for endpoint in endpoints
            if (not endpoint_ids or endpoint.id in endpoint_ids) and endpoint.state == "available"
            for association in endpoint_associations(endpoint)
        ]
        filters = self._filters_from_querystring() or {}
        keys = {"vpc-endpoint-id": "VpcEndpointId", "association-id": "Id", "service-network-arn": "ServiceNetworkArn",
                "associated-resource-id": "AssociatedResourceArn"}
        for name, values in filters.items():
            key = keys.get(name)
            if key is None:
                from moto.ec2.exceptions import FilterNotImplementedError

                raise FilterNotImplementedError(name, "DescribeVpcEndpointAssociations")
            associations = [a for a in associations if a.get(key) in values]
        return ActionResult({"VpcEndpointAssociations": associations})
