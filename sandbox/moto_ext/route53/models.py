"""Route 53: private hosted zones and record deletes as strict as AWS.

Moto (5.2.5) accepts what AWS refuses, which would let code pass here and fail on AWS:

- a private zone associated with a VPC that does not exist: AWS answers ``InvalidVPCId``
  (Route 53 API reference, CreateHostedZone and AssociateVPCWithHostedZone, Errors);
- two private zones of the same name associated with the same VPC: AWS answers
  ``ConflictingDomainExists`` (same pages: "The cause of this error depends on the operation
  that you're performing: ... Create a private hosted zone: A hosted zone with the specified
  name already exists and is already associated with the Amazon VPC that you specified");
- a DELETE change that does not repeat the record exactly: AWS answers ``InvalidChangeBatch``
  (API reference, ChangeResourceRecordSets: "DELETE: Deletes an existing resource record set
  that has the specified values"; the values "must match the current values exactly").

And it refuses what AWS accepts: a CREATE of a record that was deleted after the same CREATE
(moto looks the record up in its change journal, and its lookup returns every later record
of the zone too). AWS refuses a CREATE only while the record exists (same page: "CREATE:
Creates a resource record set that has the specified values"; an existing one is
``InvalidChangeBatch`` "... but it already exists").
"""

from __future__ import annotations

import copy

from typing import Any

from moto.route53.exceptions import (
    ConflictingDomainExists,
    InvalidVPCId,
    ResourceRecordAlreadyExists,
    Route53ClientError,
)
from moto.route53.models import FakeZone
from moto.route53.models import Route53Backend as MotoRoute53Backend


class InvalidChangeBatch(Route53ClientError):
    def __init__(self, message: str) -> None:
        super().__init__("InvalidChangeBatch", message)


def _name(name: str) -> str:
    return name.lower().rstrip(".") + "."


def _alias(alias: dict[str, Any] | None) -> tuple[str, str, str] | None:
    if not alias:
        return None
    health = str(alias.get("EvaluateTargetHealth", False)).lower()
    return _name(alias.get("DNSName", "")), alias.get("HostedZoneId", ""), health


def _values(records: list[Any] | None) -> list[str]:
    return sorted(r["Value"] if isinstance(r, dict) else r for r in records or [])


class Route53Backend(MotoRoute53Backend):
    def _check_vpc(self, vpc_id: str | None, vpc_region: str | None) -> None:
        from moto.ec2.models import ec2_backends

        regions = ec2_backends[self.account_id]
        if not vpc_id or not vpc_region or vpc_region not in regions.keys() or vpc_id not in regions[vpc_region].vpcs:
            raise InvalidVPCId()

    def _check_no_twin(self, name: str, vpc_id: str, zone_id: str | None = None) -> None:
        for zone in self.zones.values():
            if zone.id == zone_id or not zone.private_zone or _name(zone.name) != _name(name):
                continue
            if any(vpc.get("vpc_id") == vpc_id for vpc in zone.vpcs):
                raise ConflictingDomainExists(name, None)

    def create_hosted_zone(
        self,
        name: str,
        private_zone: bool,
        caller_reference: str | None = None,
        vpcid: str | None = None,
        vpcregion: str | None = None,
        comment: str | None = None,
        delegation_set_id: str | None = None,
    ) -> FakeZone:
        if private_zone:
            self._check_vpc(vpcid, vpcregion)
            self._check_no_twin(name, vpcid)
        return super().create_hosted_zone(
            name, private_zone, caller_reference, vpcid, vpcregion, comment, delegation_set_id
        )

    def associate_vpc_with_hosted_zone(self, zone_id: str, vpcid: str, vpcregion: str) -> FakeZone:
        zone = self.get_hosted_zone(zone_id)
        if zone.private_zone:
            self._check_vpc(vpcid, vpcregion)
            self._check_no_twin(zone.name, vpcid, zone.id)
        return super().associate_vpc_with_hosted_zone(zone_id, vpcid, vpcregion)

    def change_resource_record_sets(self, zoneid: str, change_list: list[dict[str, Any]]) -> None:
        zone = self.get_hosted_zone(zoneid)
        for change in change_list:
            record = change["ResourceRecordSet"]
            if change.get("Action") == "DELETE":
                self._check_exact(zone, record)
            elif change.get("Action") == "CREATE":
                if self._current(zone, record) is not None:
                    raise ResourceRecordAlreadyExists(name=_name(record["Name"]), _type=record.get("Type"))
                # The record does not exist: forget the journal's earlier CREATE of it (see above).
                probe = copy.deepcopy(change)
                probe["ResourceRecordSet"]["Name"] = probe["ResourceRecordSet"]["Name"].strip(".")
                zone.rr_changes[:] = [c for c in zone.rr_changes if c != probe]
        super().change_resource_record_sets(zoneid, change_list)

    @staticmethod
    def _current(zone: FakeZone, wanted: dict[str, Any]) -> Any:
        name, kind = _name(wanted["Name"]), wanted.get("Type")
        return next(
            (r for r in zone.rrsets
             if _name(r.name) == name and r.type == kind and r.set_identifier == wanted.get("SetIdentifier")),
            None,
        )

    @classmethod
    def _check_exact(cls, zone: FakeZone, wanted: dict[str, Any]) -> None:
        name, kind = _name(wanted["Name"]), wanted.get("Type")
        current = cls._current(zone, wanted)
        if current is None:
            raise InvalidChangeBatch(
                f"Tried to delete resource record set [name='{name}', type='{kind}'] but it was not found"
            )
        same = (
            _alias(current.alias_target) == _alias(wanted.get("AliasTarget"))
            and str(current.ttl or "") == str(wanted.get("TTL") or "")
            and _values(current.records) == _values(wanted.get("ResourceRecords"))
        )
        if not same:
            raise InvalidChangeBatch(
                f"Tried to delete resource record set [name='{name}', type='{kind}'] but the values provided do "
                "not match the current values"
            )
