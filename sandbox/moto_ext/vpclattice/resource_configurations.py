"""Resource configurations: a VPC resource (an IP, a DNS name, an AWS resource ARN, CIDR ranges)
reachable through a resource gateway, and groups of them.

Sources: VPC Lattice API reference (CreateResourceConfiguration, UpdateResourceConfiguration,
DeleteResourceConfiguration: which member goes with which type, "(SINGLE, GROUP, CHILD)"...),
the botocore model (types, protocols, port range pattern, 1-10 CIDR ranges), the VPC Lattice user
guide ("Resource configurations": custom domain names, group domains, IP addresses in the VPC),
terraform-provider-aws internal/service/vpclattice/resource_configuration.go (ARN resources take
no port ranges or protocol; IP and DNS resources need port ranges; a child takes no protocol and
inherits its group's gateway; DNS resources name their IP address type).
"""

from __future__ import annotations

import ipaddress
from typing import Any

from .common import LatticeResource, _shape, ensure_unique, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ValidationException

KIND = "resourceconfiguration"
# The members each type takes (API reference, CreateResourceConfiguration; CIDR: botocore model,
# where cidrResource and TCP_UDP came with the CIDR type).
TAKES = {
    "SINGLE": {"portRanges", "protocol", "resourceGatewayIdentifier", "resourceConfigurationDefinition",
               "allowAssociationToShareableServiceNetwork", "customDomainName", "domainVerificationIdentifier"},
    "GROUP": {"portRanges", "protocol", "resourceGatewayIdentifier", "allowAssociationToShareableServiceNetwork",
              "groupDomain", "domainVerificationIdentifier"},
    "CHILD": {"portRanges", "resourceConfigurationGroupIdentifier", "resourceConfigurationDefinition",
              "customDomainName"},
    "ARN": {"resourceGatewayIdentifier", "resourceConfigurationDefinition",
            "allowAssociationToShareableServiceNetwork"},
    "CIDR": {"portRanges", "protocol", "resourceGatewayIdentifier", "resourceConfigurationDefinition",
             "allowAssociationToShareableServiceNetwork"},
}
# The definition each type identifies its resource with.
DEFINITIONS = {
    "SINGLE": ("ipResource", "dnsResource"),
    "CHILD": ("ipResource", "dnsResource"),
    "ARN": ("arnResource",),
    "CIDR": ("cidrResource",),
}
MAX_CIDR_RANGES = 10


def model_enum(shape: str) -> list[str]:
    return list(_shape(shape).enum)


def parse_port_ranges(port_ranges: list[str], field: str = "portRanges") -> list[tuple[int, int]]:
    """(low, high) pairs of ``1-65535`` / ``22`` strings; ValidationException for anything else."""
    parsed = []
    for value in port_ranges:
        validate_name("PortRange", value, field)
        low, _, high = value.partition("-")
        low_port, high_port = int(low), int(high or low)
        if not 1 <= low_port <= high_port <= 65535:
            raise ValidationException(f"Invalid port range '{value}' in {field}: ports are 1-65535, low to high")
        parsed.append((low_port, high_port))
    return parsed


def validate_definition(kind: str, definition: dict[str, Any] | None, field: str) -> None:
    allowed = DEFINITIONS.get(kind, ())
    given = [key for key, value in (definition or {}).items() if value is not None]
    if kind == "GROUP":
        if given:
            raise ValidationException(f"A GROUP resource configuration takes no {field}: its children define resources")
        return
    if len(given) != 1 or given[0] not in allowed:
        raise ValidationException(f"A {kind} resource configuration needs exactly one of {field}.{' or '.join(allowed)}")
    member = definition[given[0]]
    if given[0] == "dnsResource":
        validate_name("DomainName", member.get("domainName"), f"{field}.dnsResource.domainName")
        # terraform resource_configuration.go: ip_address_type is required with a DNS resource.
        validate_choice(member.get("ipAddressType"), model_enum("ResourceConfigurationIpAddressType"),
                        f"{field}.dnsResource.ipAddressType")
    elif given[0] == "ipResource":
        try:
            ipaddress.ip_address(member.get("ipAddress"))
        except ValueError:
            raise ValidationException(f"{field}.ipResource.ipAddress '{member.get('ipAddress')}' is not an IP address")
    elif given[0] == "arnResource":
        validate_name("WildcardArn", member.get("arn"), f"{field}.arnResource.arn")
    elif given[0] == "cidrResource":
        ranges = member.get("cidrRanges") or []
        if not 1 <= len(ranges) <= MAX_CIDR_RANGES:
            raise ValidationException(f"{field}.cidrResource.cidrRanges takes 1 to {MAX_CIDR_RANGES} CIDR ranges")
        for cidr in ranges:
            try:
                ipaddress.ip_network(cidr, strict=True)
            except ValueError:
                raise ValidationException(f"{field}.cidrResource.cidrRanges: '{cidr}' is not a CIDR range")


def addresses_of(definition: dict[str, Any]) -> list[Any]:
    """The IP networks an IP or CIDR definition points at (an IP is a /32 or /128)."""
    if definition.get("ipResource"):
        return [ipaddress.ip_network(definition["ipResource"]["ipAddress"])]
    if definition.get("cidrResource"):
        return [ipaddress.ip_network(c) for c in definition["cidrResource"]["cidrRanges"]]
    return []


class ResourceConfiguration(LatticeResource):
    kind = KIND

    def __init__(self, name: str, kind: str, request: dict[str, Any]) -> None:
        self.name = name
        self.type = kind
        self.port_ranges = request.get("portRanges")
        self.protocol = request.get("protocol")
        self.definition = request.get("resourceConfigurationDefinition")
        self.allow_shareable = bool(request.get("allowAssociationToShareableServiceNetwork"))
        self.custom_domain_name = request.get("customDomainName")
        self.group_domain = request.get("groupDomain")
        self.resource_gateway_id: str | None = None
        self.group_id: str | None = None
        self.domain_verification: Any = None

    @property
    def domain_verification_id(self) -> str | None:
        return self.domain_verification.id if self.domain_verification else None

    def ports(self) -> list[tuple[int, int]]:
        return parse_port_ranges(self.port_ranges or [])

    def to_dict(self) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn,
            "name": self.name,
            "type": self.type,
            "status": self.current_status,
            "resourceGatewayId": self.resource_gateway_id,
            "resourceConfigurationGroupId": self.group_id,
            "portRanges": self.port_ranges,
            "protocol": self.protocol,
            "resourceConfigurationDefinition": self.definition,
            "customDomainName": self.custom_domain_name,
            "groupDomain": self.group_domain,
            "domainVerificationId": self.domain_verification_id,
            "domainVerificationArn": self.domain_verification.arn if self.domain_verification else None,
            # Consumers "can see the verification status of your custom domain name when they describe the
            # resource configuration" (user guide, "Create and verify a domain").
            "domainVerificationStatus": (
                self.domain_verification.verification_status if self.domain_verification else None
            ),
            "amazonManaged": False,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
        }
        # A child has no sharing setting of its own (API reference: the member is "(SINGLE, GROUP, ARN)").
        if self.type != "CHILD":
            result["allowAssociationToShareableServiceNetwork"] = self.allow_shareable
        return result


class ResourceConfigurationBackend:
    def _configuration_gateway(self, identifier: str) -> Any:
        gateway = self.find("resourcegateway", identifier, "resourceGatewayIdentifier")
        if gateway.lifecycle.deleting:
            raise ConflictException(f"Resource gateway {gateway.id} is being deleted", "RESOURCE_GATEWAY", gateway.id)
        return gateway

    def _check_in_vpc(self, gateway: Any, definition: dict[str, Any] | None, field: str) -> None:
        # User guide, "Resource configurations": "For IPv4 and IPv6, only IP addresses in the VPC are supported"
        # (the VPC of the resource gateway). CIDR ranges are held to the same rule.
        networks = addresses_of(definition or {})
        if not networks:
            return
        vpc = self._ec2().vpcs[gateway.vpc_id]
        blocks = [
            ipaddress.ip_network(a["cidr_block"])
            for a in vpc.get_cidr_block_association_set(ipv6=False) + vpc.get_cidr_block_association_set(ipv6=True)
        ]
        for network in networks:
            if not any(network.version == b.version and network.subnet_of(b) for b in blocks):
                raise ValidationException(f"{field}: {network} is not within VPC {gateway.vpc_id} of the resource gateway")

    def create_resource_configuration(self, name: str, kind: str, client_token: str | None,
                                      tags: dict[str, str] | None, **request: Any) -> ResourceConfiguration:
        validate_name("ResourceConfigurationName", name)
        validate_choice(kind, model_enum("ResourceConfigurationType"), "type")
        given = {member for member, value in request.items() if value is not None}
        refused = sorted(given - TAKES[kind])
        if refused:
            raise ValidationException(f"A {kind} resource configuration does not take {', '.join(refused)}")
        protocol = request.get("protocol")
        if protocol is not None:
            validate_choice(protocol, model_enum("ProtocolType"), "protocol")
            # TCP_UDP came into the model with CIDR resource configurations: only they take it.
            if protocol != "TCP" and kind != "CIDR":
                raise ValidationException(f"protocol {protocol} is supported only for CIDR resource configurations")
        if request.get("portRanges") is not None:
            parse_port_ranges(request["portRanges"])
        elif kind in ("SINGLE", "GROUP", "CIDR"):
            # terraform resource_configuration.go: IP and DNS resources require port_ranges.
            raise ValidationException(f"A {kind} resource configuration needs portRanges")
        validate_definition(kind, request.get("resourceConfigurationDefinition"), "resourceConfigurationDefinition")
        for member in ("customDomainName", "groupDomain"):
            if request.get(member) is not None:
                validate_name("DomainName", request[member], member)
        verification = None
        if request.get("domainVerificationIdentifier") is not None:
            # API reference: "The domain verification ID of your verified custom domain name" - one of the
            # caller's own (another account's is refused, an unknown one not found), for the domain named here.
            domains = [request[m] for m in ("customDomainName", "groupDomain") if request.get(m) is not None]
            if not domains:
                raise ValidationException("domainVerificationIdentifier needs customDomainName or groupDomain")
            verification = self.verification_for(
                request["domainVerificationIdentifier"], domains, "domainVerificationIdentifier"
            )

        gateway = group = None
        if kind == "CHILD":
            if not request.get("resourceConfigurationGroupIdentifier"):
                raise ValidationException("A CHILD resource configuration needs resourceConfigurationGroupIdentifier")
            group = self.find(KIND, request["resourceConfigurationGroupIdentifier"],
                              "resourceConfigurationGroupIdentifier")
            if group.type != "GROUP":
                raise ValidationException(f"Resource configuration {group.id} is of type {group.type}, not GROUP")
            # User guide: a child's custom domain is a subdomain of its group's domain.
            custom = request.get("customDomainName")
            if custom and not (group.group_domain and custom.endswith("." + group.group_domain)):
                raise ValidationException(
                    f"customDomainName {custom} must be a subdomain of the group's groupDomain {group.group_domain}"
                )
            gateway = self.find("resourcegateway", group.resource_gateway_id, "resourceGatewayIdentifier")
        else:
            if not request.get("resourceGatewayIdentifier"):
                raise ValidationException(f"A {kind} resource configuration needs resourceGatewayIdentifier")
            gateway = self._configuration_gateway(request["resourceGatewayIdentifier"])
        self._check_in_vpc(gateway, request.get("resourceConfigurationDefinition"), "resourceConfigurationDefinition")

        def make() -> ResourceConfiguration:
            ensure_unique(self.resource_configurations.values(), name, "resource configuration")
            configuration = ResourceConfiguration(name, kind, request)
            configuration.adopt(self.region_name, self.account_id)
            configuration.resource_gateway_id = gateway.id
            configuration.domain_verification = verification
            if group is not None:
                configuration.group_id = group.id
                # A child has the group's protocol (API reference: protocol is "(SINGLE, GROUP)").
                configuration.protocol = group.protocol
                configuration.port_ranges = configuration.port_ranges or group.port_ranges
            self.resource_configurations[configuration.id] = configuration
            self.tag_resource(configuration.arn, tags or {})
            return configuration

        return self.client_tokens.create(
            "CreateResourceConfiguration", client_token, {"name": name, "type": kind, "tags": tags, **request}, make
        )

    def get_resource_configuration(self, identifier: str) -> ResourceConfiguration:
        return self.find(KIND, identifier, "resourceConfigurationIdentifier", shared=True)

    def list_resource_configurations(
        self,
        resource_gateway_identifier: str | None = None,
        resource_configuration_group_identifier: str | None = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        # Like ListServices: what the caller owns and what other accounts share with it.
        found = self.visible(KIND)
        if resource_gateway_identifier:
            gateway = self.find("resourcegateway", resource_gateway_identifier, "resourceGatewayIdentifier")
            found = [c for c in found if c.resource_gateway_id == gateway.id and c.owner_account_id == self.account_id]
        if resource_configuration_group_identifier:
            group = self.find(KIND, resource_configuration_group_identifier, "resourceConfigurationGroupIdentifier",
                              shared=True)
            found = [c for c in found if c.group_id == group.id]
        return paginate(found, max_results, next_token, rgw=resource_gateway_identifier,
                        group=resource_configuration_group_identifier)

    def update_resource_configuration(self, identifier: str, **changes: Any) -> ResourceConfiguration:
        configuration = self.find(KIND, identifier, "resourceConfigurationIdentifier")
        configuration.refuse_while("busy")
        given = {member for member, value in changes.items() if value is not None}
        # API reference, UpdateResourceConfiguration: portRanges "(SINGLE, GROUP, CHILD)",
        # resourceConfigurationDefinition "(SINGLE, CHILD, ARN)", allowAssociation... "(SINGLE, GROUP, ARN)".
        refused = sorted(given - TAKES[configuration.type])
        if refused:
            raise ValidationException(f"A {configuration.type} resource configuration cannot update {', '.join(refused)}")
        if changes.get("portRanges") is not None:
            parse_port_ranges(changes["portRanges"])
            configuration.port_ranges = changes["portRanges"]
        definition = changes.get("resourceConfigurationDefinition")
        if definition is not None:
            validate_definition(configuration.type, definition, "resourceConfigurationDefinition")
            gateway = self.find("resourcegateway", configuration.resource_gateway_id, "resourceGatewayIdentifier")
            self._check_in_vpc(gateway, definition, "resourceConfigurationDefinition")
            configuration.definition = definition
        if changes.get("allowAssociationToShareableServiceNetwork") is not None:
            configuration.allow_shareable = changes["allowAssociationToShareableServiceNetwork"]
        if given:
            configuration.lifecycle.update()
            configuration.touch()
        return configuration

    def delete_resource_configuration(self, identifier: str) -> ResourceConfiguration:
        configuration = self.find(KIND, identifier, "resourceConfigurationIdentifier")
        configuration.refuse_while("creating", "updating")
        children = [c for c in self.resource_configurations.values()
                    if c.group_id == configuration.id and not c.lifecycle.gone]
        # Associations in any account's service network block the delete, as for a service
        # (cloud-nuke #1159: the network's owner cannot remove what another account's configuration needs).
        associated = [a for a in self.everywhere("servicenetworkresourceassociation")
                      if a.resource_configuration_arn == configuration.arn and not a.lifecycle.gone]
        if children or associated:
            raise ConflictException(
                f"Resource configuration {configuration.id} is still in use by "
                + ", ".join([c.id for c in children] + [a.id for a in associated]),
                "RESOURCE_CONFIGURATION",
                configuration.id,
            )
        self.forget_policies(configuration)
        configuration.lifecycle.delete()
        return configuration


class ResourceConfigurationResponses:
    def _configuration_request(self) -> dict[str, Any]:
        return {
            member: self._get_param(member)
            for member in ("portRanges", "protocol", "resourceGatewayIdentifier", "resourceConfigurationGroupIdentifier",
                           "resourceConfigurationDefinition", "allowAssociationToShareableServiceNetwork",
                           "customDomainName", "groupDomain", "domainVerificationIdentifier")
        }

    def create_resource_configuration(self) -> str:
        configuration = self.backend.create_resource_configuration(
            name=self._get_param("name"),
            kind=self._get_param("type"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
            **self._configuration_request(),
        )
        view = configuration.to_dict()
        # CreateResourceConfiguration answers the verification's ID and ARN, not its status (botocore model).
        return self.dump({k: v for k, v in view.items()
                          if k not in ("amazonManaged", "lastUpdatedAt", "domainVerificationStatus")})

    def get_resource_configuration(self) -> str:
        return self.dump(
            self.backend.get_resource_configuration(self._get_param("resourceConfigurationIdentifier")).to_dict()
        )

    def list_resource_configurations(self) -> str:
        return self.page(
            self.backend.list_resource_configurations,
            ResourceConfiguration.to_dict,
            resource_gateway_identifier=self._get_param("resourceGatewayIdentifier"),
            resource_configuration_group_identifier=self._get_param("resourceConfigurationGroupIdentifier"),
        )

    def update_resource_configuration(self) -> str:
        configuration = self.backend.update_resource_configuration(
            self._get_param("resourceConfigurationIdentifier"),
            portRanges=self._get_param("portRanges"),
            resourceConfigurationDefinition=self._get_param("resourceConfigurationDefinition"),
            allowAssociationToShareableServiceNetwork=self._get_param("allowAssociationToShareableServiceNetwork"),
        )
        return self.dump_only(
            configuration, "id", "name", "arn", "resourceGatewayId", "resourceConfigurationGroupId", "type",
            "portRanges", "allowAssociationToShareableServiceNetwork", "protocol", "status",
            "resourceConfigurationDefinition",
        )

    def delete_resource_configuration(self) -> str:
        self.backend.delete_resource_configuration(self._get_param("resourceConfigurationIdentifier"))
        return "{}"
