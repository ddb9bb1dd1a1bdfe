"""The extended EC2 response: handlers for the added operations."""

from moto.ec2.responses import EC2Response as MotoEC2Response

from .instance_connect_endpoints import InstanceConnectEndpointResponse
from .lattice_endpoints import LatticeEndpointResponse
from .security_groups import SecurityGroupDescriptionResponse


class EC2Response(
    InstanceConnectEndpointResponse, LatticeEndpointResponse, SecurityGroupDescriptionResponse, MotoEC2Response
):
    pass
