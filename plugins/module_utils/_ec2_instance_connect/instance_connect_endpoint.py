# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""EC2 Instance Connect endpoints (ec2_instance_connect_endpoint, ec2_instance_connect_endpoint_info).

Operations: describe_instance_connect_endpoints, create_instance_connect_endpoint,
modify_instance_connect_endpoint (security groups, PreserveClientIp, IpAddressType),
delete_instance_connect_endpoint, describe_subnets (the VPC, for check mode);
tags through amazon.aws's add_ec2_tags / remove_ec2_tags (create_tags, delete_tags).
"""

import re
import uuid

from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._core.ec2_endpoint import SECURITY_GROUP_ID
from .._core.ec2_endpoint import SUBNET_ID
from .._core.ec2_endpoint import EC2EndpointManager
from .._core.ec2_endpoint import describe
from .._core.ec2_endpoint import validate_id
from .._core.ec2_endpoint import validate_ids
from .._core.errors import InvalidParameter
from .._core.resource import Change
from .client import InstanceConnectClient

ENDPOINT_ID = re.compile(r"eice-[0-9a-f]{8,17}")


def normalize_endpoint(raw):
    if raw is None:
        return None
    endpoint = boto3_resource_to_ansible_dict(raw)
    endpoint["security_group_ids"] = sorted(endpoint.get("security_group_ids") or [])
    return endpoint


def describe_endpoints(api, ids=None, filters=None):
    return describe(
        api, "describe_instance_connect_endpoints", "InstanceConnectEndpoints", "InstanceConnectEndpointIds",
        "describe EC2 Instance Connect endpoints", ids=ids, filters=filters,
    )


class EndpointManager(EC2EndpointManager):
    client_class = InstanceConnectClient
    result_key = "instance_connect_endpoint"
    description = "EC2 Instance Connect endpoint"
    id_key = "instance_connect_endpoint_id"
    resource_type = "instance-connect-endpoint"
    # EC2 API reference, Ec2InstanceConnectEndpoint.State.
    ready_states = ("create-complete", "update-complete")
    failed_states = ("create-failed", "update-failed", "delete-failed")
    gone_states = ("delete-complete",)
    deleting_state = "delete-in-progress"
    failure_key = "state_message"
    ready_goal = "to become create-complete or update-complete"

    def describe(self, ids=None, filters=None):
        return describe_endpoints(self.api, ids=ids, filters=filters)

    def normalize(self, raw):
        return normalize_endpoint(raw)

    @property
    def wanted_ip_address_type(self):
        """The IP address type to ask for: the option, or ipv4 when the client IP is preserved.

        Left to AWS, the type follows the subnet (dualstack in a dual-stack subnet),
        where PreserveClientIp is refused.
        """
        if self.params.get("ip_address_type"):
            return self.params["ip_address_type"]
        return "ipv4" if self.params["preserve_client_ip"] else None

    def validate(self):
        super().validate()
        validate_id(self.params, "id", ENDPOINT_ID, "an Instance Connect endpoint ID (eice-...)")
        validate_id(self.params, "subnet_id", SUBNET_ID, "a subnet ID (subnet-...)")
        validate_ids(self.params, "security_group_ids", SECURITY_GROUP_ID, "a security group ID (sg-...)",
                     "security group ID")
        if not self.params.get("id") and not self.params.get("subnet_id"):
            raise InvalidParameter("subnet_id", "give subnet_id (or id) to identify the endpoint")
        ip_type = self.params.get("ip_address_type")
        if self.params["preserve_client_ip"] and ip_type not in (None, "ipv4"):
            # EC2 API reference, CreateInstanceConnectEndpoint: PreserveClientIp "is only
            # supported on IPv4 EC2 Instance Connect Endpoints".
            raise InvalidParameter(
                "ip_address_type", f"preserve_client_ip needs ip_address_type ipv4, not {ip_type}"
            )

    def validate_create(self):
        if self.params.get("id"):
            raise InvalidParameter(
                "id",
                f"no Instance Connect endpoint {self.params['id']} exists; leave id unset and give subnet_id to create one",
            )

    def get(self):
        if self.params.get("id"):
            return self.read(self.params["id"])
        return self.find({"subnet-id": self.params["subnet_id"]})

    def predict(self):
        subnet_id = self.params["subnet_id"]
        subnets = self.api.call("describe_subnets", f"describe subnet {subnet_id}", SubnetIds=[subnet_id])["Subnets"]
        predicted = {
            "instance_connect_endpoint_id": None,
            "instance_connect_endpoint_arn": None,
            "state": "create-complete",
            "subnet_id": subnet_id,
            "vpc_id": subnets[0]["VpcId"] if subnets else None,
            "security_group_ids": sorted(self.params.get("security_group_ids") or []),
            "preserve_client_ip": self.params["preserve_client_ip"],
            "tags": self.predicted_tags(),
        }
        if self.wanted_ip_address_type:
            predicted["ip_address_type"] = self.wanted_ip_address_type
        return predicted

    def create(self):
        request = dict(SubnetId=self.params["subnet_id"], PreserveClientIp=self.params["preserve_client_ip"])
        if self.params.get("security_group_ids"):
            request["SecurityGroupIds"] = sorted(self.params["security_group_ids"])
        if self.wanted_ip_address_type:
            request["IpAddressType"] = self.wanted_ip_address_type
        created = self.api.call(
            "create_instance_connect_endpoint", f"create an EC2 Instance Connect endpoint in {request['SubnetId']}",
            ClientToken=str(uuid.uuid4()), **request, **self.tag_specifications(),
        )["InstanceConnectEndpoint"]
        return self.created(created["InstanceConnectEndpointId"], created)

    def delete(self, current):
        endpoint_id = current["instance_connect_endpoint_id"]
        self.api.call_unless_missing(
            "delete_instance_connect_endpoint", f"delete EC2 Instance Connect endpoint {endpoint_id}",
            InstanceConnectEndpointId=endpoint_id,
        )

    def immutable_differences(self, current):
        subnet_id = self.params.get("subnet_id")
        return ["subnet_id"] if subnet_id and subnet_id != current.get("subnet_id") else []

    def changes(self, current):
        request, predicted = {}, {}
        groups = self.changed_ids("security_group_ids", current)
        if groups is not None:
            request["SecurityGroupIds"] = predicted["security_group_ids"] = groups
        preserve = self.params["preserve_client_ip"]
        if preserve != current.get("preserve_client_ip"):
            request["PreserveClientIp"] = predicted["preserve_client_ip"] = preserve
        ip_type = self.wanted_ip_address_type
        if ip_type and ip_type != current.get("ip_address_type"):
            request["IpAddressType"] = predicted["ip_address_type"] = ip_type
        if not request:
            return []
        endpoint_id = current["instance_connect_endpoint_id"]
        return [Change(predicted, lambda: self.api.call(
            "modify_instance_connect_endpoint", f"modify EC2 Instance Connect endpoint {endpoint_id}",
            InstanceConnectEndpointId=endpoint_id, **request,
        ))]
