"""VPC Lattice backend: moto's, plus the operations and AWS behaviours the pattern needs.

Each mixin (one file per resource) carries the backend methods for that
resource; moto's backend comes last so that its methods are the fallback.
"""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeBackend as MotoVPCLatticeBackend

from .common import ClientTokens
from .domain_verifications import DomainVerificationBackend
from .endpoint_associations import EndpointAssociationBackend
from .listeners import ListenerBackend
from .policies import PolicyBackend
from .resource_associations import ResourceAssociationBackend
from .resource_configurations import ResourceConfigurationBackend
from .resource_gateways import ResourceGatewayBackend
from .rules import RuleBackend
from .service_associations import AssociationListing, ServiceAssociationBackend
from .service_networks import ServiceNetworkBackend
from .services import ServiceBackend
from .sharing import SharedResources
from .target_groups import TargetGroupBackend
from .targets import TargetBackend
from .vpc_associations import VpcAssociationBackend


class VPCLatticeBackend(
    SharedResources,
    PolicyBackend,
    ServiceNetworkBackend,
    ServiceBackend,
    TargetGroupBackend,
    TargetBackend,
    ListenerBackend,
    RuleBackend,
    AssociationListing,
    ServiceAssociationBackend,
    VpcAssociationBackend,
    EndpointAssociationBackend,
    ResourceGatewayBackend,
    ResourceConfigurationBackend,
    ResourceAssociationBackend,
    DomainVerificationBackend,
    MotoVPCLatticeBackend,
):
    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.client_tokens = ClientTokens()
        self.resource_gateways: dict[str, Any] = {}
        self.resource_configurations: dict[str, Any] = {}
        self.domain_verifications: dict[str, Any] = {}
        # moto's own store of the same name holds its stub models: start empty with ours
        self.service_network_resource_associations: dict[str, Any] = {}
