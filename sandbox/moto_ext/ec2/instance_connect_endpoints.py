"""EC2 Instance Connect endpoints (CreateInstanceConnectEndpoint & co.), absent from moto.

Like AWS, an endpoint is created asynchronously (``create-in-progress`` then
``create-complete``), owns a requester-managed network interface in its subnet,
is modified asynchronously (``update-in-progress`` then ``update-complete``;
AWS refuses a change while one is running), and stays visible as
``delete-complete`` after it is deleted.
"""

from __future__ import annotations

import secrets
from typing import Any

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ec2.exceptions import (
    EC2ClientError,
    InvalidParameter,
    InvalidParameterCombination,
    InvalidParameterValue,
    InvalidSubnetIdError,
)
from moto.ec2.models.core import TaggedEC2Resource
from moto.ec2.utils import add_tag_specification, generic_filter

from ..core.consistency import Visibility, only_readable, readable
from ..core.lifecycle import EC2_INSTANCE_CONNECT_ENDPOINT, Lifecycle

PREFIX = "eice"
IP_ADDRESS_TYPES = ("ipv4", "dualstack", "ipv6")


class InstanceConnectEndpointNotFound(EC2ClientError):
    def __init__(self, endpoint_id: str) -> None:
        super().__init__(
            "InvalidInstanceConnectEndpointId.NotFound",
            f"The instance connect endpoint ID '{endpoint_id}' does not exist",
        )


class InstanceConnectEndpointBusy(EC2ClientError):
    def __init__(self, endpoint_id: str, state: str | None) -> None:
        super().__init__(
            "IncorrectState",
            f"The instance connect endpoint '{endpoint_id}' is in state '{state}' and cannot be modified now",
        )


def default_ip_address_type(subnet: Any) -> str:
    """CreateInstanceConnectEndpoint's IpAddressType when none is given (EC2 API reference):
    ``dualstack`` if the subnet has IPv4 and IPv6 CIDRs, ``ipv4`` if only IPv4, ``ipv6`` if only IPv6."""
    if getattr(subnet, "ipv6_native", False):
        return "ipv6"
    return "dualstack" if subnet.has_ipv6() else "ipv4"


def check_ip_address_type(ip_address_type: str | None, preserve_client_ip: bool | None) -> None:
    """The IpAddressType values and AWS's rule for PreserveClientIp, on create as on modify.

    EC2 API reference (CreateInstanceConnectEndpoint, ModifyInstanceConnectEndpoint):
    "PreserveClientIp is only supported on IPv4 EC2 Instance Connect Endpoints. To use
    PreserveClientIp, the value for IpAddressType must be ipv4." The reference names no
    error code; InvalidParameterCombination is EC2's code for parameters that exclude each other.
    """
    if ip_address_type is not None and ip_address_type not in IP_ADDRESS_TYPES:
        raise InvalidParameterValue(
            f"Value ({ip_address_type}) for parameter IpAddressType is invalid. "
            f"Valid values: {', '.join(IP_ADDRESS_TYPES)}"
        )
    if preserve_client_ip and ip_address_type != "ipv4":
        raise InvalidParameterCombination("PreserveClientIp is only supported on IPv4 EC2 Instance Connect Endpoints.")


class InstanceConnectEndpoint(TaggedEC2Resource):
    def __init__(self, ec2_backend: Any, subnet: Any, group_ids: list[str], preserve_client_ip: bool,
                 client_token: str | None, ip_address_type: str) -> None:
        self.ec2_backend = ec2_backend
        self.id = f"{PREFIX}-{secrets.token_hex(9)[:17]}"
        self.subnet = subnet
        self.group_ids = group_ids
        self.preserve_client_ip = preserve_client_ip
        self.ip_address_type = ip_address_type
        self.client_token = client_token
        self.created_at = utcnow()
        self.lifecycle = Lifecycle(EC2_INSTANCE_CONNECT_ENDPOINT, resource="ec2-instance-connect-endpoint")
        # DescribeInstanceConnectEndpoints may not list it at once (SANDBOX_LAG, core/consistency.py)
        self.visibility = Visibility(self.id)
        self.dns_suffix = f"{secrets.token_hex(4)}.ec2-instance-connect-endpoint.{ec2_backend.region_name}.amazonaws.com"
        self.network_interface = ec2_backend.create_network_interface(
            subnet, None, group_ids=group_ids, description=f"EC2 Instance Connect Endpoint {self.id}"
        )

    @property
    def arn(self) -> str:
        backend = self.ec2_backend
        return f"arn:aws:ec2:{backend.region_name}:{backend.account_id}:instance-connect-endpoint/{self.id}"

    def get_filter_value(self, filter_name: str, method_name: str | None = None) -> Any:
        values = {
            "instance-connect-endpoint-id": self.id,
            "state": self.lifecycle.status,
            "subnet-id": self.subnet.id,
            "vpc-id": self.subnet.vpc_id,
        }
        if filter_name in values:
            return values[filter_name]
        return super().get_filter_value(filter_name, "DescribeInstanceConnectEndpoints")

    def to_dict(self) -> dict[str, Any]:
        return {
            "OwnerId": self.ec2_backend.account_id,
            "InstanceConnectEndpointId": self.id,
            "InstanceConnectEndpointArn": self.arn,
            "State": self.lifecycle.status,
            "StateMessage": "",
            "DnsName": f"{self.id}.{self.dns_suffix}",
            "FipsDnsName": f"{self.id}.fips.{self.dns_suffix}",
            "NetworkInterfaceIds": [self.network_interface.id] if self.network_interface else [],
            "VpcId": self.subnet.vpc_id,
            "AvailabilityZone": self.subnet.availability_zone,
            "CreatedAt": self.created_at,
            "SubnetId": self.subnet.id,
            "PreserveClientIp": self.preserve_client_ip,
            "SecurityGroupIds": self.group_ids,
            "IpAddressType": self.ip_address_type,
            "Tags": [{"Key": tag["key"], "Value": tag["value"]} for tag in self.get_tags()],
        }


class InstanceConnectEndpointBackend:
    """EC2 backend mixin."""

    instance_connect_endpoints: dict[str, InstanceConnectEndpoint]

    def create_instance_connect_endpoint(self, subnet_id: str, security_group_ids: list[str] | None,
                                         preserve_client_ip: bool, client_token: str | None,
                                         tags: dict[str, str],
                                         ip_address_type: str | None = None) -> InstanceConnectEndpoint:
        existing = next(
            (e for e in self.instance_connect_endpoints.values() if client_token and e.client_token == client_token),
            None,
        )
        if existing:
            return existing
        subnet = self.get_subnet(subnet_id)  # type: ignore[attr-defined]
        if subnet is None:
            raise InvalidSubnetIdError(subnet_id)
        ip_address_type = ip_address_type or default_ip_address_type(subnet)
        check_ip_address_type(ip_address_type, preserve_client_ip)
        if security_group_ids:
            self._check_groups(subnet, security_group_ids)
        else:
            security_group_ids = [self.get_default_security_group(subnet.vpc_id).id]  # type: ignore[attr-defined]
        endpoint = InstanceConnectEndpoint(
            self, subnet, security_group_ids, preserve_client_ip, client_token, ip_address_type
        )
        endpoint.add_tags(tags)
        self.instance_connect_endpoints[endpoint.id] = endpoint
        return endpoint

    def _check_groups(self, subnet: Any, group_ids: list[str]) -> None:
        for group in self.describe_security_groups(group_ids=group_ids):  # type: ignore[attr-defined]
            if group.vpc_id != subnet.vpc_id:
                # EC2's answer when a network interface would join a group of another VPC.
                raise InvalidParameter(
                    f"Security group {group.id} and subnet {subnet.id} belong to different networks."
                )

    def modify_instance_connect_endpoint(self, endpoint_id: str, security_group_ids: list[str] | None,
                                         preserve_client_ip: bool | None,
                                         ip_address_type: str | None) -> InstanceConnectEndpoint:
        endpoint = self._endpoint(endpoint_id)
        if endpoint.lifecycle.busy or endpoint.lifecycle.deleted_at is not None:
            raise InstanceConnectEndpointBusy(endpoint_id, endpoint.lifecycle.status)
        check_ip_address_type(
            ip_address_type or endpoint.ip_address_type,
            endpoint.preserve_client_ip if preserve_client_ip is None else preserve_client_ip,
        )
        if security_group_ids:
            self._check_groups(endpoint.subnet, security_group_ids)
            endpoint.group_ids = list(dict.fromkeys(security_group_ids))
            self.modify_network_interface_attribute(  # type: ignore[attr-defined]
                endpoint.network_interface.id, endpoint.group_ids
            )
        if preserve_client_ip is not None:
            endpoint.preserve_client_ip = preserve_client_ip
        if ip_address_type is not None:
            endpoint.ip_address_type = ip_address_type
        endpoint.lifecycle.update()
        return endpoint

    def describe_instance_connect_endpoints(self, endpoint_ids: list[str] | None,
                                            filters: dict[str, Any]) -> list[InstanceConnectEndpoint]:
        endpoints = only_readable(self.instance_connect_endpoints.values())
        for endpoint_id in endpoint_ids or []:
            if not readable(self._endpoint(endpoint_id)):
                raise InstanceConnectEndpointNotFound(endpoint_id)
        if endpoint_ids:
            endpoints = [e for e in endpoints if e.id in endpoint_ids]
        return generic_filter(filters, endpoints)

    def _endpoint(self, endpoint_id: str) -> InstanceConnectEndpoint:
        endpoint = self.instance_connect_endpoints.get(endpoint_id)
        if endpoint is None:
            raise InstanceConnectEndpointNotFound(endpoint_id)
        return endpoint

    def delete_instance_connect_endpoint(self, endpoint_id: str) -> InstanceConnectEndpoint:
        endpoint = self._endpoint(endpoint_id)
        if endpoint.lifecycle.deleted_at is None:
            endpoint.lifecycle.delete()
            self.delete_network_interface(endpoint.network_interface.id)  # type: ignore[attr-defined]
            endpoint.network_interface = None
        return endpoint


class InstanceConnectEndpointResponse:
    """EC2 response mixin."""

    def create_instance_connect_endpoint(self) -> ActionResult:
        self.error_on_dryrun()
        endpoint = self.ec2_backend.create_instance_connect_endpoint(
            subnet_id=self._get_param("SubnetId"),
            security_group_ids=self._get_param("SecurityGroupIds", []),
            preserve_client_ip=self._get_bool_param("PreserveClientIp", False),
            client_token=self._get_param("ClientToken"),
            tags=add_tag_specification(self._get_param("TagSpecifications", [])),
            ip_address_type=self._get_param("IpAddressType"),
        )
        result = {"InstanceConnectEndpoint": endpoint.to_dict()}
        if endpoint.client_token:
            result["ClientToken"] = endpoint.client_token
        return ActionResult(result)

    def describe_instance_connect_endpoints(self) -> ActionResult:
        endpoints = self.ec2_backend.describe_instance_connect_endpoints(
            self._get_param("InstanceConnectEndpointIds", []), self._filters_from_querystring()
        )
        return ActionResult({"InstanceConnectEndpoints": [e.to_dict() for e in endpoints]})

    def modify_instance_connect_endpoint(self) -> ActionResult:
        self.error_on_dryrun()
        self.ec2_backend.modify_instance_connect_endpoint(
            self._get_param("InstanceConnectEndpointId"),
            security_group_ids=self._get_param("SecurityGroupIds"),
            preserve_client_ip=self._get_bool_param("PreserveClientIp"),
            ip_address_type=self._get_param("IpAddressType"),
        )
        return ActionResult({"Return": True})

    def delete_instance_connect_endpoint(self) -> ActionResult:
        self.error_on_dryrun()
        endpoint = self.ec2_backend.delete_instance_connect_endpoint(self._get_param("InstanceConnectEndpointId"))
        return ActionResult({"InstanceConnectEndpoint": endpoint.to_dict()})
