"""The extended EC2 response: handlers for the added operations."""

from moto.ec2.responses import EC2Response as MotoEC2Response

from .instance_connect_endpoints import InstanceConnectEndpointResponse


class EC2Response(InstanceConnectEndpointResponse, MotoEC2Response):
    pass
