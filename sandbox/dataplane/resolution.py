"""Where the client is and what the service's DNS name resolves to from there.

VPC Lattice answers a service's generated DNS name
(``<name>-<hex>.<hex>.vpc-lattice-svcs.<region>.on.aws``) only from a VPC that
is associated with a service network the service is associated with; elsewhere
the name does not resolve ("Manage the associations for a VPC Lattice service
network", VPC Lattice User Guide: "clients in the VPC can ... resolve and reach
the services associated with the service network"; "Service DNS", same guide).
Only ACTIVE associations count: one still CREATE_IN_PROGRESS or
DELETE_IN_PROGRESS does not carry traffic yet / any more.

A service owned by another account reaches a service network only while it is
shared with the service network's owner through RAM (VPC Lattice User Guide,
"Share your VPC Lattice entities"; when the share stops, the association stops
working). The same holds for a service network shared with the VPC's owner.

A VPC can also reach a service network through a VPC endpoint of type ``ServiceNetwork``
(``moto_ext/ec2/lattice_endpoints.py``). Through it a service answers to a name of the
endpoint, ``<vpce ID>-<service association ID>.<label>.vpc-lattice-svcs.<region>.on.aws``
(what DescribeVpcEndpointAssociations lists; AWS networking blog "Managing DNS resolution
with Amazon VPC Lattice and VPC resources": consumers of an endpoint use these names), not
to its own generated name. Only an ``available`` endpoint of the client's VPC, to a network
the VPC's owner owns or is shared through RAM, answers; AWS publishes the endpoint's names
with the endpoint network interfaces' private addresses, which only its VPC can reach (the
sandbox answers "could not resolve host" elsewhere: a failure either way).

A custom domain name resolves only through DNS the owner of the VPC configures:
a Route 53 private hosted zone associated with the VPC, holding an alias record
to the service's generated name (``private_dns.py``). The client still names the
custom domain in TLS (SNI): VPC Lattice has no default certificate for it, so
HTTPS to a custom domain fails without the service's own certificate (VPC Lattice
User Guide, "Configure a custom domain name": "if you don't provide an SSL/TLS
certificate corresponding to your custom domain name, all HTTPS connections to
your custom domain name will fail"; "Bring Your Own Certificate (BYOC)": "VPC
Lattice serves HTTPS requests using Server Name Indication (SNI)").
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..moto_ext.ram.access import is_shared_with
from ..moto_ext.vpclattice.sharing import regional_backends
from . import private_dns
from .model import COULD_NOT_RESOLVE_HOST, TransportError


@dataclasses.dataclass
class Client:
    """The instance the request leaves from."""

    account_id: str
    region: str
    instance: Any
    ec2: Any

    @property
    def vpc_id(self) -> str:
        return self.instance.vpc_id

    @property
    def vpc_arn(self) -> str:
        return f"arn:aws:ec2:{self.region}:{self.account_id}:vpc/{self.vpc_id}"


@dataclasses.dataclass
class Route:
    """What the name resolved to: the service, reached through this network and these associations."""

    service: Any
    service_backend: Any
    network: Any
    vpc_association: Any
    service_association: Any
    # The name the client asked for, which it sends as the TLS server name (SNI).
    server_name: str = ""
    # The VPC endpoint (type ServiceNetwork) the route goes through, instead of a VPC association.
    endpoint: Any = None

    @property
    def generated_name(self) -> str:
        """The AWS-generated name the route was found under: the service's own, or the endpoint's for it."""
        if self.endpoint is None:
            return self.service.dns["domainName"].lower()
        return endpoint_name(self.endpoint, self.service, self.service_association)

    @property
    def custom_domain(self) -> bool:
        # An endpoint's name lies in the service's generated domain (<label>.vpc-lattice-svcs...),
        # which AWS's default certificate covers; only a name of the user's own is a custom domain.
        return self.server_name != self.generated_name


class UnknownInstance(LookupError):
    pass


def find_client(instance_id: str, region: str) -> Client:
    """The running instance ``instance_id`` in whichever sandbox account holds it."""
    from moto.ec2.models import ec2_backends

    for account_id, per_region in list(ec2_backends.items()):
        if region not in per_region.keys():
            continue
        backend = per_region[region]
        for instance in backend.all_instances():
            if instance.id == instance_id and instance.state == "running":
                return Client(account_id, region, instance, backend)
    raise UnknownInstance(f"no running instance {instance_id} in {region}")


def _active(resource: Any) -> bool:
    return resource.lifecycle.status == "ACTIVE"


def _usable_by(resource_arn: str, account_id: str, region: str) -> bool:
    """The caller owns ``resource_arn`` or RAM shares it with the caller."""
    return resource_arn.split(":")[4] == account_id or is_shared_with(resource_arn, account_id, region)


def _not_resolved(host: str) -> TransportError:
    return TransportError(COULD_NOT_RESOLVE_HOST, f"curl: (6) Could not resolve host: {host}", "CouldNotResolveHost")


def resolve(client: Client, host: str) -> Route:
    """The route to the service named ``host`` from the client's VPC, or curl's "could not resolve host"."""
    try:
        aliased = private_dns.target(client.account_id, client.vpc_id, client.region, host)
    except private_dns.NoSuchName:
        raise _not_resolved(host) from None
    # A name no private zone holds is looked up as is: only the generated names resolve then.
    generated, zone_id = aliased or (host, None)
    route = _resolve_generated(client, generated, zone_id)
    if route is None:
        raise _not_resolved(host)
    route.server_name = host
    return route


def endpoint_name(endpoint: Any, service: Any, service_association: Any) -> str:
    label = service.dns["domainName"].split(".")[1]
    return f"{endpoint.id}-{service_association.id}.{label}.vpc-lattice-svcs.{endpoint.ec2_backend.region_name}.on.aws"


def _resolve_through_endpoint(client: Client, host: str) -> Route | None:
    """The route to ``host`` when it names a service through an available ServiceNetwork endpoint of the VPC."""
    from ..moto_ext.ec2.lattice_endpoints import reachable_services

    for endpoint in client.ec2.readable_lattice_endpoints():
        if (endpoint.vpc_id != client.vpc_id or endpoint.vpc_endpoint_type != "ServiceNetwork"
                or endpoint.state != "available"
                or not _usable_by(endpoint.service_network_arn, client.account_id, client.region)):
            continue
        for service, service_association, network in reachable_services(endpoint):
            if host == endpoint_name(endpoint, service, service_association):
                owner = service.arn.split(":")[4]
                backend = next(b for b in regional_backends(client.region) if b.account_id == owner)
                return Route(service, backend, network, None, service_association, endpoint=endpoint)
    return None


def _resolve_generated(client: Client, host: str, zone_id: str | None) -> Route | None:
    if zone_id is None and ".vpc-lattice-svcs." in host and host.startswith("vpce-"):
        return _resolve_through_endpoint(client, host)
    backends = regional_backends(client.region)
    vpc_associations = [
        association
        for backend in backends
        for association in backend.service_network_vpc_associations.values()
        if association.vpc_id == client.vpc_id and association.created_by == client.account_id and _active(association)
    ]
    for vpc_association in vpc_associations:
        network_arn = vpc_association.service_network_arn
        if not _usable_by(network_arn, client.account_id, client.region):
            continue
        network_owner = network_arn.split(":")[4]
        for backend in backends:
            for service_association in backend.service_network_service_associations.values():
                if service_association.service_network_arn != network_arn or not _active(service_association):
                    continue
                route = _route(backends, service_association, network_owner, host, zone_id, client.region)
                if route is not None:
                    route.vpc_association = vpc_association
                    return route
    return None


def _route(
    backends: list[Any], association: Any, network_owner: str, host: str, zone_id: str | None, region: str
) -> Route | None:
    owner = association.service_arn.split(":")[4]
    backend = next((b for b in backends if b.account_id == owner), None)
    service = backend.services.get(association.service_arn.rsplit("/", 1)[-1]) if backend else None
    if service is None or not _active(service) or host != service.dns["domainName"].lower():
        return None
    if zone_id is not None and zone_id != service.dns["hostedZoneId"]:
        # An alias names its target's hosted zone; another zone's name is not the service's.
        return None
    if not _usable_by(service.arn, network_owner, region):
        return None
    network = next(
        (b.service_networks.get(association.service_network_arn.rsplit("/", 1)[-1]) for b in backends
         if b.account_id == network_owner),
        None,
    )
    return None if network is None else Route(service, backend, network, None, association)
