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
from functools import partial

from ansible_collections.amazon.aws.plugins.module_utils.ec2 import add_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.ec2 import remove_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.tagging import boto3_tag_specifications
from ansible_collections.amazon.aws.plugins.module_utils.transformation import ansible_dict_to_boto3_filter_list
from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._core.errors import InvalidParameter
from .._core.resource import Change
from .._core.resource import ResourceManager
from .._core.waiting import NOT_FOUND_GRACE
from .._core.waiting import wait_until
from .._core.waiting import wait_until_gone
from .client import InstanceConnectClient

RESOURCE_TYPE = "instance-connect-endpoint"
ENDPOINT_ID = re.compile(r"eice-[0-9a-f]{8,17}")
SUBNET_ID = re.compile(r"subnet-[0-9a-f]{8,17}")
SECURITY_GROUP_ID = re.compile(r"sg-[0-9a-f]{8,17}")
# EC2 API reference, Ec2InstanceConnectEndpoint.State.
READY = ("create-complete", "update-complete")
FAILED = ("create-failed", "update-failed", "delete-failed")
# Endpoints AWS still lists after deleting them.
GONE = ("delete-complete",)


def normalize_endpoint(raw):
    if raw is None:
        return None
    endpoint = boto3_resource_to_ansible_dict(raw)
    endpoint["security_group_ids"] = sorted(endpoint.get("security_group_ids") or [])
    return endpoint


def describe_endpoints(api, ids=None, filters=None):
    request = {}
    if ids:
        request["InstanceConnectEndpointIds"] = list(ids)
    if filters:
        request["Filters"] = ansible_dict_to_boto3_filter_list(filters)
    return api.paginate(
        "describe_instance_connect_endpoints", "InstanceConnectEndpoints", "describe EC2 Instance Connect endpoints",
        **request,
    )


def endpoint_failure(endpoint):
    if endpoint["state"] in FAILED:
        return f"is {endpoint['state']}: {endpoint.get('state_message') or 'no reason given'}"
    return None


class EndpointManager(ResourceManager):
    client_class = InstanceConnectClient
    result_key = "instance_connect_endpoint"
    description = "EC2 Instance Connect endpoint"

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
        endpoint_id = self.params.get("id")
        if endpoint_id is not None and not ENDPOINT_ID.fullmatch(endpoint_id):
            raise InvalidParameter("id", f"{endpoint_id!r} is not an Instance Connect endpoint ID (eice-...)")
        subnet_id = self.params.get("subnet_id")
        if subnet_id is not None and not SUBNET_ID.fullmatch(subnet_id):
            raise InvalidParameter("subnet_id", f"{subnet_id!r} is not a subnet ID (subnet-...)")
        for index, group in enumerate(self.params.get("security_group_ids") or []):
            if not SECURITY_GROUP_ID.fullmatch(group):
                raise InvalidParameter(f"security_group_ids[{index}]", f"{group!r} is not a security group ID (sg-...)")
        if self.params.get("security_group_ids") is not None and not self.params["security_group_ids"]:
            raise InvalidParameter("security_group_ids", "give at least one security group ID, or leave it unset")
        if not endpoint_id and not subnet_id:
            raise InvalidParameter("subnet_id", "give subnet_id (or id) to identify the endpoint")
        ip_type = self.params.get("ip_address_type")
        if self.params["preserve_client_ip"] and ip_type not in (None, "ipv4"):
            # EC2 API reference, CreateInstanceConnectEndpoint: PreserveClientIp "is only
            # supported on IPv4 EC2 Instance Connect Endpoints".
            raise InvalidParameter(
                "ip_address_type", f"preserve_client_ip needs ip_address_type ipv4, not {ip_type}"
            )

    def read(self, endpoint_id):
        found = [e for e in describe_endpoints(self.api, ids=[endpoint_id]) if e.get("State") not in GONE]
        return normalize_endpoint(found[0]) if found else None

    def refresh(self, current):
        return self.read(current["instance_connect_endpoint_id"])

    def get(self):
        if self.params.get("id"):
            return self.read(self.params["id"])
        found = [
            e
            for e in describe_endpoints(self.api, filters={"subnet-id": self.params["subnet_id"]})
            if e.get("State") not in GONE + ("delete-in-progress",)
        ]
        return normalize_endpoint(found[0]) if found else None

    def _require_creatable(self):
        if self.params.get("id"):
            raise InvalidParameter(
                "id",
                f"no Instance Connect endpoint {self.params['id']} exists; leave id unset and give subnet_id to create one",
            )

    def predict(self):
        self._require_creatable()
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
            "tags": {k: str(v) for k, v in (self.params.get("tags") or {}).items()},
        }
        if self.wanted_ip_address_type:
            predicted["ip_address_type"] = self.wanted_ip_address_type
        return predicted

    def create(self):
        self._require_creatable()
        request = dict(SubnetId=self.params["subnet_id"], PreserveClientIp=self.params["preserve_client_ip"])
        if self.params.get("security_group_ids"):
            request["SecurityGroupIds"] = sorted(self.params["security_group_ids"])
        if self.wanted_ip_address_type:
            request["IpAddressType"] = self.wanted_ip_address_type
        if self.params.get("tags"):
            request["TagSpecifications"] = boto3_tag_specifications(self.params["tags"], types=[RESOURCE_TYPE])
        created = self.api.call(
            "create_instance_connect_endpoint", f"create an EC2 Instance Connect endpoint in {request['SubnetId']}",
            ClientToken=str(uuid.uuid4()), **request,
        )["InstanceConnectEndpoint"]
        endpoint_id = created["InstanceConnectEndpointId"]
        if not self.wait:
            return self.read(endpoint_id) or normalize_endpoint(created)
        # EC2 is eventually consistent: a new endpoint may not be described for a moment.
        return wait_until(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}",
            ready=lambda endpoint: endpoint is not None, goal="to be readable after its creation",
            timeout=min(self.wait_timeout, NOT_FOUND_GRACE),
        )

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
        groups = self.params.get("security_group_ids")
        if groups is not None and sorted(set(groups)) != current.get("security_group_ids"):
            request["SecurityGroupIds"] = predicted["security_group_ids"] = sorted(set(groups))
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

    def set_tags(self, current, to_set, to_unset):
        endpoint_id = current["instance_connect_endpoint_id"]
        remove_ec2_tags(self.api.client, self.module, endpoint_id, to_unset)
        add_ec2_tags(self.api.client, self.module, endpoint_id, to_set)

    def wait_ready(self, resource):
        endpoint_id = resource["instance_connect_endpoint_id"]
        return wait_until(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}",
            ready=lambda endpoint: endpoint is not None and endpoint["state"] in READY,
            goal="to become create-complete or update-complete", failure=endpoint_failure,
            state=lambda endpoint: "not found" if endpoint is None else endpoint["state"],
            timeout=self.wait_timeout, current=resource,
        )

    def wait_gone(self, resource):
        endpoint_id = resource["instance_connect_endpoint_id"]
        return wait_until_gone(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}", failure=endpoint_failure,
            state=lambda endpoint: endpoint["state"], timeout=self.wait_timeout,
        )
