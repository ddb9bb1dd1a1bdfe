"""A TCP connection from an instance to a VPC resource (a resource configuration) through VPC Lattice.

A client in a VPC associated with a service network reaches the resource configurations associated with
that network (VPC Lattice user guide, "Resource configurations for VPC resources" and "Service network
associations"), step by step:

- DNS: the association's generated name (``dnsEntry``, ``<snra>.<rcfg>.<hash>.vpc-lattice-rsc.<region>.on.aws``)
  resolves from a VPC with an ACTIVE association to the network, the resource association and the
  configuration being ACTIVE and the configuration the network owner's or shared with it through RAM.
  The configuration's custom domain name resolves only through private DNS: the resource association
  and the VPC association both have it enabled, and the VPC association's DNS preference takes the domain
  (``ALL_DOMAINS``; a ``SPECIFIED_*`` preference naming it; ``VERIFIED_DOMAINS_*``, ``VERIFIED_DOMAINS_ONLY``
  being the default, when the configuration names a domain verification that is VERIFIED now, see
  ``moto_ext/vpclattice/domain_verifications.py``). Otherwise: "Could not resolve host" (curl 6).
  Through a VPC endpoint of type ``ServiceNetwork`` instead (``moto_ext/ec2/lattice_endpoints.py``): the
  endpoint's name for the configuration (``<vpce>-<snra>.<rcfg>.<hash>.vpc-lattice-rsc.<region>.on.aws``, what
  DescribeVpcEndpointAssociations lists), from the endpoint's VPC, the endpoint ``available`` and its network
  the VPC owner's or shared with it (CreateServiceNetworkResourceAssociation, VPC Lattice API reference: the
  association "allows the resource configuration to receive connections through the service network,
  including through a service network VPC endpoint"). The association's own name does not resolve there,
  as for services (``resolution.py``); nor does a custom domain: the private hosted zones AWS manages for
  an endpoint with private DNS are not modelled, so the sandbox is the stricter.
- Security groups: as for a service (``security_groups.py``): the client's groups out to VPC Lattice,
  the VPC association's groups in from the client; through an endpoint, the client's groups out to the
  endpoint's network interfaces and the endpoint's groups in from the client; otherwise a timeout (curl 28).
- Port: the configuration's port ranges (a child's, or its group's) must hold the port; otherwise
  the connection is refused (curl 7), as for a service port no listener holds.
- Gateway: the resource gateway must be ACTIVE and, when it has security groups, one of them must let
  TCP to the port out towards the resource (user guide, "Resource gateways": the gateway's security
  groups control the traffic from the gateway to the resource); otherwise a timeout.

What listens behind the resource is not modelled: a connection that gets through opens.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import ipaddress
from typing import Any

from ..moto_ext.vpclattice.sharing import regional_backends
from .model import COULD_NOT_CONNECT, OPERATION_TIMEDOUT, Outcome, TransportError
from .resolution import _active, _not_resolved, _usable_by, find_client
from .security_groups import _covers_port, _groups, _ranges, check_connection


@dataclasses.dataclass
class ResourceRoute:
    configuration: Any
    gateway: Any
    vpc_association: Any
    resource_association: Any
    # The entry of the route security_groups.check_connection checks: a ServiceNetwork endpoint when the
    # name is the endpoint's, else the VPC association.
    endpoint: Any = None


def _verified(configuration: Any) -> bool:
    """The configuration's custom domain is verified: it names a domain verification that is VERIFIED
    (checked at each lookup: the verification is lost when its TXT record goes)."""
    verification = configuration.domain_verification
    return verification is not None and verification.verification_status == "VERIFIED"


def _private_dns_takes(vpc_association: Any, configuration: Any, domain: str) -> bool:
    if not vpc_association.private_dns_enabled:
        return False
    options = vpc_association.dns_options or {}
    preference = options.get("privateDnsPreference", "VERIFIED_DOMAINS_ONLY")
    if preference == "ALL_DOMAINS":
        return True
    if preference.startswith("VERIFIED_DOMAINS") and _verified(configuration):
        return True
    if preference in ("VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY"):
        return any(fnmatch.fnmatch(domain, pattern.lower()) for pattern in options.get("privateDnsSpecifiedDomains", []))
    return False


def _names(association: Any, vpc_association: Any) -> list[str]:
    names = [association.dns["domainName"].lower()]
    configuration = association.configuration
    custom = configuration.custom_domain_name
    if custom and association.private_dns_enabled and _private_dns_takes(vpc_association, configuration,
                                                                          custom.lower()):
        names.append(custom.lower())
    return names


def _reachable_networks(client: Any, backends: list[Any]) -> list[Any]:
    """The ACTIVE associations of the client's VPC with networks its account may use (as ``resolution.py``)."""
    own = [a for b in backends for a in b.service_network_vpc_associations.values()
           if a.vpc_id == client.vpc_id and a.created_by == client.account_id]
    return [a for a in own if _active(a) and _usable_by(a.service_network_arn, client.account_id, client.region)]


def _gateway_of(backends: list[Any], configuration: Any) -> Any:
    owner = next(b for b in backends if b.account_id == configuration.owner_account_id)
    return owner.resource_gateways.get(configuration.resource_gateway_id)


def _resolve_through_endpoint(client: Any, host: str) -> ResourceRoute:
    from ..moto_ext.ec2.lattice_endpoints import reachable_resources, resource_endpoint_name

    backends = regional_backends(client.region)
    for endpoint in client.ec2.readable_lattice_endpoints():
        if (endpoint.vpc_id != client.vpc_id or endpoint.vpc_endpoint_type != "ServiceNetwork"
                or endpoint.state != "available"
                or not _usable_by(endpoint.service_network_arn, client.account_id, client.region)):
            continue
        for configuration, association, _network in reachable_resources(endpoint):
            if host == resource_endpoint_name(endpoint, association):
                return ResourceRoute(configuration, _gateway_of(backends, configuration), None, association,
                                     endpoint=endpoint)
    raise _not_resolved(host)


def resolve_resource(client: Any, host: str) -> ResourceRoute:
    if host.startswith("vpce-") and ".vpc-lattice-rsc." in host:
        return _resolve_through_endpoint(client, host)
    backends = regional_backends(client.region)
    for vpc_association in _reachable_networks(client, backends):
        network_arn = vpc_association.service_network_arn
        network_owner = network_arn.split(":")[4]
        for backend in backends:
            for association in backend.service_network_resource_associations.values():
                configuration = association.configuration
                if (
                    association.service_network_arn != network_arn
                    or not _active(association)
                    or configuration.lifecycle.gone
                    or not _active(configuration)
                    or not _usable_by(configuration.arn, network_owner, client.region)
                    or host not in _names(association, vpc_association)
                ):
                    continue
                return ResourceRoute(configuration, _gateway_of(backends, configuration), vpc_association, association)
    raise _not_resolved(host)


def _port_ranges(route: ResourceRoute) -> list[tuple[int, int]]:
    return route.configuration.ports()


def _resource_networks(configuration: Any) -> list[Any]:
    definition = configuration.definition or {}
    if definition.get("ipResource"):
        return [ipaddress.ip_network(definition["ipResource"]["ipAddress"])]
    if definition.get("cidrResource"):
        return [ipaddress.ip_network(c) for c in definition["cidrResource"]["cidrRanges"]]
    return []


def _gateway_lets_out(route: ResourceRoute, port: int) -> bool:
    gateway = route.gateway
    if gateway is None or not _active(gateway):
        return False
    if not gateway.security_group_ids:
        return True
    from moto.ec2.models import ec2_backends

    ec2 = ec2_backends[gateway.owner_account_id][gateway.arn.split(":")[3]]
    targets = _resource_networks(route.configuration)
    for group in _groups(ec2, gateway.security_group_ids):
        for rule in group.egress_rules:
            if not _covers_port(rule, port):
                continue
            ranges = _ranges(rule)
            # A DNS or ARN resource has no address the sandbox knows: any range that covers the port will do.
            if not targets and ranges:
                return True
            if any(t.version == r.version and t.subnet_of(r) for t in targets for r in ranges):
                return True
    return False


def _timeout(host: str, port: int) -> TransportError:
    return TransportError(
        OPERATION_TIMEDOUT, f"curl: (28) Failed to connect to {host} port {port} after 10000 ms: Timeout was reached",
        "ConnectionTimedOut",
    )


def connect(instance_id: str, region: str, host: str, port: int) -> Outcome:
    """Whether a TCP connection from ``instance_id`` to ``host:port`` opens (exit code 0) and why not."""
    client = find_client(instance_id, region)
    host = host.lower()
    try:
        route = resolve_resource(client, host)
        check_connection(client, route, port, host)
        if not any(low <= port <= high for low, high in _port_ranges(route)):
            raise TransportError(
                COULD_NOT_CONNECT, f"curl: (7) Failed to connect to {host} port {port}: Connection refused",
                "ConnectionRefused",
            )
        if not _gateway_lets_out(route, port):
            raise _timeout(host, port)
        outcome = Outcome(exit_code=0, message=f"Connected to {host} port {port}")
    except TransportError as failure:
        outcome = Outcome.failure(failure)
    outcome.account = client.account_id
    return outcome


def connect_json(document: dict[str, Any], region: str) -> Outcome:
    host, _, port = str(document["tcp"]).rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"tcp must be HOST:PORT, not {document['tcp']!r}")
    return connect(str(document["instance"]), region, host, int(port))
