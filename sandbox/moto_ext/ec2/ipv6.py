"""IPv6 for subnets and instances, where moto falls short.

- Subnet: ``Ipv6CidrBlockAssociationSet[].Ipv6CidrBlockState.State`` came back as
  the repr of a dict, and the ``ipv6-cidr-block-association.*`` filters that
  amazon.aws.ec2_vpc_subnet uses were not implemented (a 500 error).
- Instances: the per-interface ``Ipv6AddressCount`` / ``Ipv6Addresses`` of
  RunInstances were ignored, and a subnet's ``AssignIpv6AddressOnCreation`` did
  not give new interfaces an address.
"""

from __future__ import annotations

from typing import Any

from moto.ec2.models.instances import Instance as MotoInstance
from moto.ec2.models.subnets import Subnet as MotoSubnet

ASSOCIATION_FILTERS = {
    "ipv6-cidr-block-association.ipv6-cidr-block": "ipv6CidrBlock",
    "ipv6-cidr-block-association.association-id": "associationId",
    "ipv6-cidr-block-association.state": "state",
}


class Subnet(MotoSubnet):
    def _associations(self) -> list[dict[str, str]]:
        return [
            {
                "ipv6CidrBlock": association["ipv6CidrBlock"],
                "associationId": association["associationId"],
                "state": association["ipv6CidrBlockState"]["State"],
            }
            for association in self.ipv6_cidr_block_associations.values()
        ]

    @property
    def ipv6_cidr_block_association_set(self) -> list[dict[str, Any]]:
        return [
            {
                "ipv6CidrBlock": association["ipv6CidrBlock"],
                "associationId": association["associationId"],
                "ipv6CidrBlockState": {"state": association["state"]},
            }
            for association in self._associations()
            if association["state"] in ("associating", "associated")
        ]

    def get_filter_value(self, filter_name: str, method_name: str | None = None) -> Any:
        if filter_name in ASSOCIATION_FILTERS:
            # Every association counts, disassociated ones too: the module waits for those.
            return [association[ASSOCIATION_FILTERS[filter_name]] for association in self._associations()]
        if filter_name in ("ipv6-native", "assign-ipv6-address-on-creation"):
            return getattr(self, filter_name.replace("-", "_"))
        return super().get_filter_value(filter_name, method_name)

    def has_ipv6(self) -> bool:
        return any(a["state"] == "associated" for a in self._associations())


class Instance(MotoInstance):
    def prep_nics(self, nic_spec: list[dict[str, Any]], *args: Any, **kwargs: Any) -> None:
        super().prep_nics(nic_spec, *args, **kwargs)
        for nic in nic_spec:
            addresses = [item["Ipv6Address"] for item in nic.get("Ipv6Addresses") or []]
            count = int(nic.get("Ipv6AddressCount") or 0)
            eni = self.nics.get(int(nic.get("DeviceIndex", 0)))
            if eni is None or nic.get("NetworkInterfaceId") or not (addresses or count):
                continue
            # What the request asks for replaces the subnet's automatic address.
            eni.ipv6_addresses = []
            self.ec2_backend.assign_ipv6_addresses(eni.id, ipv6_addresses=addresses, ipv6_count=count)


class Ipv6Backend:
    """EC2 backend mixin."""

    def create_network_interface(self, subnet: Any, *args: Any, **kwargs: Any) -> Any:
        eni = super().create_network_interface(subnet, *args, **kwargs)  # type: ignore[misc]
        if subnet.assign_ipv6_address_on_creation and subnet.has_ipv6() and not eni.ipv6_addresses:
            self.assign_ipv6_addresses(eni.id, ipv6_count=1)  # type: ignore[attr-defined]
        return eni
