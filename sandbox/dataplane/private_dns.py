"""What a name resolves to from a VPC through the Route 53 private hosted zones associated with it.

- The Route 53 Resolver of a VPC answers a name from the private hosted zones
  associated with the VPC; when several zones' names contain the query name, the
  most specific zone answers, and a name missing from it does not resolve (NXDOMAIN,
  no fall-back to public DNS) (Route 53 Developer Guide, "Working with private
  hosted zones", "Considerations": "If there is a matching private hosted zone ...
  Resolver ... responds with NXDOMAIN" and "most specific" namespace).
- A zone of another account reaches the VPC only through
  CreateVPCAssociationAuthorization (Route 53 Developer Guide, "Associating an
  Amazon VPC and a private hosted zone that you created with different AWS
  accounts"); the sandbox does not model that flow, so only the VPC owner's zones
  count (stricter than AWS, never kinder).
- A custom domain name reaches a VPC Lattice service through an alias (or CNAME)
  record to the service's generated DNS name; an alias also names the target's
  hosted zone, the service's ``dnsEntry.hostedZoneId`` (VPC Lattice User Guide,
  "Configure a custom domain name for your VPC Lattice service": "When a client
  makes a request using your custom domain name, the DNS server resolves it to
  the VPC Lattice generated domain name"; Route 53 API reference, AliasTarget).
"""

from __future__ import annotations

from typing import Any

# The record types curl asks for: IPv4 first, then IPv6 (dual-stack instances).
ADDRESS_TYPES = ("A", "AAAA")


class NoSuchName(LookupError):
    """A private zone holds the name's domain but not the name: NXDOMAIN."""


def _bare(name: str) -> str:
    return name.lower().rstrip(".")


def _zones(account_id: str, vpc_id: str, region: str) -> list[Any]:
    from moto.route53.models import route53_backends

    if account_id not in route53_backends:
        return []
    zones = []
    for backend in route53_backends[account_id].values():
        for zone in backend.zones.values():
            associated = any(
                vpc.get("vpc_id") == vpc_id and vpc.get("vpc_region") in (None, region) for vpc in zone.vpcs
            )
            if zone.private_zone and associated:
                zones.append(zone)
    return zones


def target(account_id: str, vpc_id: str, region: str, host: str) -> tuple[str, str | None] | None:
    """The (DNS name, hosted zone ID or None) ``host`` points to from the VPC, None when no private zone holds it.

    Raises NoSuchName when the most specific private zone for ``host`` has no A/AAAA alias or CNAME record for it.
    """
    host = _bare(host)
    holding = [z for z in _zones(account_id, vpc_id, region) if host == _bare(z.name) or host.endswith("." + _bare(z.name))]
    if not holding:
        return None
    zone = max(holding, key=lambda z: len(_bare(z.name)))
    records = [r for r in zone.rrsets if _bare(r.name) == host]
    for record_type in ADDRESS_TYPES:
        for record in records:
            if record.type == record_type and record.alias_target:
                alias = record.alias_target
                return _bare(alias.get("DNSName", "")), alias.get("HostedZoneId")
    for record in records:
        if record.type == "CNAME" and record.records:
            return _bare(record.records[0]), None
    raise NoSuchName(host)
