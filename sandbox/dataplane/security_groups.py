"""Security groups on the way to a VPC Lattice service.

Two sets of groups must let the TCP connection through (VPC Lattice User Guide,
"Control traffic in VPC Lattice using security groups"):

- the instance's groups, outbound to VPC Lattice's addresses: the link-local
  range 169.254.171.0/24 and fd00:ec2:80::/64 (the managed prefix lists
  ``com.amazonaws.<region>.vpc-lattice`` and ``...vpc-lattice-ipv6``);
- the VPC association's groups, inbound from the client, by CIDR or by a
  reference to one of the client's groups ("you can reference the security group
  of the client"). A VPC association without security groups filters nothing
  (CreateServiceNetworkVpcAssociation: "securityGroupIds ... optional").

Through a VPC endpoint of type ``ServiceNetwork`` the client connects to the endpoint's
network interfaces in its own VPC instead (AWS PrivateLink guide, "Access a service
network through a service-network endpoint": the endpoint's security groups "control
traffic from resources in your VPC to the endpoint network interfaces"): the client's
groups must let it out to those addresses, the endpoint's groups let it in.

Security groups drop what they do not allow, so the client sees its SYN go
unanswered: the connection times out (curl exit 28), it is not refused.
A dual-stack client tries both address families (curl's happy eyeballs, RFC 8305),
so one family that gets through is enough.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from .model import OPERATION_TIMEDOUT, TransportError

LATTICE_IPV4 = ipaddress.ip_network("169.254.171.0/24")
LATTICE_IPV6 = ipaddress.ip_network("fd00:ec2:80::/64")
PROTOCOLS_COVERING_TCP = ("-1", "tcp", "6")


def _covers_port(rule: Any, port: int) -> bool:
    if str(rule.ip_protocol) not in PROTOCOLS_COVERING_TCP:
        return False
    return rule.from_port is None or rule.from_port <= port <= rule.to_port


def _ranges(rule: Any) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    ranges = []
    for key in ("CidrIp", "CidrIpv6"):
        if rule.ip_range.get(key):
            ranges.append(ipaddress.ip_network(rule.ip_range[key], strict=False))
    return ranges


def _group_ids(groups: Iterable[Any]) -> set[str]:
    return {group if isinstance(group, str) else group.id for group in groups}


def client_addresses(instance: Any) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    addresses = []
    for nic in instance.nics.values():
        addresses.append(ipaddress.ip_address(nic.private_ip_address))
        addresses.extend(ipaddress.ip_address(address) for address in nic.ipv6_addresses)
    return addresses


def client_groups(instance: Any) -> set[str]:
    return _group_ids(group for nic in instance.nics.values() for group in nic.group_set)


def _groups(ec2: Any, group_ids: Iterable[str]) -> list[Any]:
    return [group for group in (ec2.get_security_group_from_id(gid) for gid in group_ids) if group is not None]


def egress_allows(ec2: Any, group_ids: Iterable[str], port: int, family: int) -> bool:
    lattice = LATTICE_IPV4 if family == 4 else LATTICE_IPV6
    return any(
        _covers_port(rule, port) and any(r.version == family and lattice.subnet_of(r) for r in _ranges(rule))
        for group in _groups(ec2, group_ids)
        for rule in group.egress_rules
    )


def ingress_allows(ec2: Any, group_ids: Iterable[str], port: int, source: Any, source_groups: set[str]) -> bool:
    for group in _groups(ec2, group_ids):
        for rule in group.ingress_rules:
            if not _covers_port(rule, port):
                continue
            if rule.source_group.get("GroupId") in source_groups:
                return True
            if any(r.version == source.version and source in r for r in _ranges(rule)):
                return True
    return False


def egress_to(ec2: Any, group_ids: Iterable[str], port: int, destinations: list[Any],
              destination_groups: Iterable[str]) -> bool:
    """The groups let TCP to ``port`` out to one of ``destinations`` (addresses), by CIDR or by a
    reference to a group the destination interfaces are in."""
    for group in _groups(ec2, group_ids):
        for rule in group.egress_rules:
            if not _covers_port(rule, port):
                continue
            if rule.source_group.get("GroupId") in set(destination_groups):
                return True
            if any(r.version == d.version and d in r for r in _ranges(rule) for d in destinations):
                return True
    return False


def _endpoint_addresses(endpoint: Any) -> list[Any]:
    return [ipaddress.ip_address(eni.private_ip_address) for eni in endpoint.interfaces.values()]


def check_connection(client: Any, route: Any, port: int, host: str) -> None:
    """Raise curl's timeout unless some address of the client may open a TCP connection to ``port``."""
    groups = client_groups(client.instance)
    endpoint = route.endpoint
    entry_groups = (endpoint.security_group_ids if endpoint else route.vpc_association.security_group_ids) or []
    for source in client_addresses(client.instance):
        if endpoint is not None:
            targets = [a for a in _endpoint_addresses(endpoint) if a.version == source.version]
            out = bool(targets) and egress_to(client.ec2, groups, port, targets, entry_groups)
        else:
            out = egress_allows(client.ec2, groups, port, source.version)
        into = not entry_groups or ingress_allows(client.ec2, entry_groups, port, source, groups)
        if out and into:
            return
    raise TransportError(
        OPERATION_TIMEDOUT,
        f"curl: (28) Failed to connect to {host} port {port} after 10000 ms: Timeout was reached",
        "ConnectionTimedOut",
    )
