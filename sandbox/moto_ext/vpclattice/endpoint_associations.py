"""ListServiceNetworkVpcEndpointAssociations: the VPC endpoints (type ServiceNetwork) that reach a service network.

The endpoints are EC2's (``ec2/lattice_endpoints.py``); this is the service network's side. The AWS CLI
example of ``list-service-network-vpc-endpoint-associations`` shows the items' fields (``createdAt``,
``serviceNetworkArn``, ``state`` ``ACTIVE``, ``vpcEndpointId``, ``vpcEndpointOwnerId``) and no ``id``;
the owner of the service network sees the endpoints of every account that reaches it.
"""

from __future__ import annotations

from datetime import timezone
from typing import Any

from .common import paginate

# EC2 endpoint state -> the association's. Only ACTIVE is documented (the CLI example); the
# others follow the Lattice spelling of the same phases.
STATES = {"pending": "PENDING", "available": "ACTIVE", "deleting": "DELETING", "failed": "FAILED"}


def endpoints_reaching(network_arn: str, region: str) -> list[Any]:
    """Endpoints of every account in ``region`` that reach ``network_arn`` and are not deleted."""
    from moto.ec2.models import ec2_backends

    found = []
    for per_region in list(ec2_backends.values()):
        if region in per_region.keys():
            found.extend(per_region[region].lattice_endpoints_of(network_arn))
    return found


class EndpointAssociationBackend:
    def list_service_network_vpc_endpoint_associations(
        self, service_network_identifier: str, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)
        endpoints = [e for e in endpoints_reaching(network.arn, self.region_name) if e.state in STATES]
        return paginate(endpoints, max_results, next_token, sn=service_network_identifier)


def endpoint_association(endpoint: Any) -> dict[str, Any]:
    return {
        "vpcEndpointId": endpoint.id,
        "vpcId": endpoint.vpc_id,
        "vpcEndpointOwnerId": endpoint.owner_id,
        "state": STATES[endpoint.state],
        "serviceNetworkArn": endpoint.service_network_arn,
        # restJson1 timestamps carry their zone (moto's EC2 clock is naive UTC).
        "createdAt": endpoint.creation_timestamp.replace(tzinfo=timezone.utc).isoformat(),
    }


class EndpointAssociationResponses:
    def list_service_network_vpc_endpoint_associations(self) -> str:
        return self.page(
            self.backend.list_service_network_vpc_endpoint_associations,
            endpoint_association,
            service_network_identifier=self._get_param("serviceNetworkIdentifier"),
        )
