"""The extended EC2 backend: Instance Connect endpoints, VPC Lattice VPC endpoints and IPv6 (see the mixins' modules)."""

from __future__ import annotations

from moto.ec2.models import EC2Backend as MotoEC2Backend

from .instance_connect_endpoints import InstanceConnectEndpoint, InstanceConnectEndpointBackend
from .ipv6 import Ipv6Backend
from .lattice_endpoints import LatticeEndpointBackend


class EC2Backend(InstanceConnectEndpointBackend, LatticeEndpointBackend, Ipv6Backend, MotoEC2Backend):
    def __init__(self, region_name: str, account_id: str) -> None:
        # Moto's constructor initialises only moto's own mixins.
        self.instance_connect_endpoints: dict[str, InstanceConnectEndpoint] = {}
        super().__init__(region_name, account_id)

    def do_resources_exist(self, resource_ids: list[str]) -> bool:
        """CreateTags checks its resources exist; moto does not know endpoints."""
        endpoints = [r for r in resource_ids if r.startswith("eice-")]
        if endpoints:
            self.describe_instance_connect_endpoints(endpoints, {})
        return super().do_resources_exist([r for r in resource_ids if not r.startswith("eice-")])
