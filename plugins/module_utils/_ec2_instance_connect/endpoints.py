# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""EC2 Instance Connect endpoints: API calls, the module output shape, and the resource manager."""

import re
import uuid

from ansible_collections.amazon.aws.plugins.module_utils.ec2 import add_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.ec2 import remove_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry
from ansible_collections.amazon.aws.plugins.module_utils.tagging import boto3_tag_specifications
from ansible_collections.amazon.aws.plugins.module_utils.transformation import ansible_dict_to_boto3_filter_list
from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._resource import AdvisingErrorHandler
from .._resource import Change
from .._resource import InvalidParameter
from .._resource import ResourceManager
from .._resource import wait_for_status

RESOURCE_TYPE = "instance-connect-endpoint"
ENDPOINT_ID = re.compile(r"eice-[0-9a-f]{8,17}")
SUBNET_ID = re.compile(r"subnet-[0-9a-f]{8,17}")
SECURITY_GROUP_ID = re.compile(r"sg-[0-9a-f]{8,17}")
# Endpoints AWS still lists after deleting them.
GONE = ("delete-complete",)


class AnsibleInstanceConnectError(AnsibleAWSError):
    pass


class InstanceConnectErrorHandler(AdvisingErrorHandler):
    _CUSTOM_EXCEPTION = AnsibleInstanceConnectError
    MISSING_CODES = ("InvalidInstanceConnectEndpointId.NotFound",)
    ADVICE = {
        "InvalidSubnetID.NotFound": "subnet_id does not exist in this account and region; check it",
        "InvalidSubnet": "subnet_id cannot hold an Instance Connect endpoint; check it",
        "InvalidGroup.NotFound": "a security group in security_group_ids does not exist in the subnet's VPC; check them",
        "InvalidSecurityGroupID.NotFound": "a security group in security_group_ids does not exist; check them",
        "IncorrectState": "the endpoint is being created, updated or deleted; wait for it to settle and run the task again",
        "UnauthorizedOperation": "the credentials may not do this; check the IAM permissions of the calling role",
    }

    @classmethod
    def advice(cls, code, aws_message, description):
        if code and "LimitExceeded" in code:
            return (
                "an Instance Connect endpoint quota is exhausted (one endpoint per VPC and per subnet, five per account and "
                "region by default); delete an unused endpoint or request a quota increase"
            )
        return super().advice(code, aws_message, description)


def normalize_endpoint(raw):
    if raw is None:
        return None
    endpoint = boto3_resource_to_ansible_dict(raw)
    endpoint["security_group_ids"] = sorted(endpoint.get("security_group_ids") or [])
    return endpoint


class InstanceConnect:
    """An EC2 client with the Instance Connect endpoint calls."""

    def __init__(self, module):
        self.module = module
        self.client = module.client("ec2", retry_decorator=AWSRetry.jittered_backoff())

    def _call(self, description, method, **kwargs):
        return InstanceConnectErrorHandler.common_error_handler(description)(method)(aws_retry=True, **kwargs)

    def describe(self, ids=None, filters=None):
        kwargs = {}
        if ids:
            kwargs["InstanceConnectEndpointIds"] = list(ids)
        if filters:
            kwargs["Filters"] = ansible_dict_to_boto3_filter_list(filters)

        @InstanceConnectErrorHandler.list_error_handler("describe EC2 Instance Connect endpoints", default_value=[])
        @AWSRetry.jittered_backoff()
        def read():
            paginator = self.client.get_paginator("describe_instance_connect_endpoints")
            return paginator.paginate(**kwargs).build_full_result().get("InstanceConnectEndpoints", [])

        return read()

    def subnet_vpc(self, subnet_id):
        subnets = self._call(f"describe subnet {subnet_id}", self.client.describe_subnets, SubnetIds=[subnet_id])["Subnets"]
        return subnets[0]["VpcId"] if subnets else None

    def create(self, **request):
        return self._call(
            f"create an EC2 Instance Connect endpoint in {request['SubnetId']}",
            self.client.create_instance_connect_endpoint,
            ClientToken=str(uuid.uuid4()),
            **request,
        )["InstanceConnectEndpoint"]

    def modify(self, endpoint_id, **request):
        self._call(
            f"modify EC2 Instance Connect endpoint {endpoint_id}",
            self.client.modify_instance_connect_endpoint,
            InstanceConnectEndpointId=endpoint_id,
            **request,
        )

    def delete(self, endpoint_id):
        handler = InstanceConnectErrorHandler.deletion_error_handler(f"delete EC2 Instance Connect endpoint {endpoint_id}")
        return handler(self.client.delete_instance_connect_endpoint)(aws_retry=True, InstanceConnectEndpointId=endpoint_id)


class EndpointManager(ResourceManager):
    result_key = "instance_connect_endpoint"
    description = "EC2 Instance Connect endpoint"

    def __init__(self, module):
        super().__init__(module)
        self.api = InstanceConnect(module)

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

    def read(self, endpoint_id):
        found = [e for e in self.api.describe(ids=[endpoint_id]) if e.get("State") not in GONE]
        return normalize_endpoint(found[0]) if found else None

    def refresh(self, current):
        return self.read(current["instance_connect_endpoint_id"])

    def get(self):
        if self.params.get("id"):
            return self.read(self.params["id"])
        found = [
            e
            for e in self.api.describe(filters={"subnet-id": self.params["subnet_id"]})
            if e.get("State") not in GONE + ("delete-in-progress",)
        ]
        return normalize_endpoint(found[0]) if found else None

    def _require_creatable(self):
        if self.params.get("id"):
            raise InvalidParameter(
                "id", f"no Instance Connect endpoint {self.params['id']} exists; leave id unset and give subnet_id to create one"
            )

    def predict(self):
        self._require_creatable()
        return {
            "instance_connect_endpoint_id": None,
            "instance_connect_endpoint_arn": None,
            "state": "create-complete",
            "subnet_id": self.params["subnet_id"],
            "vpc_id": self.api.subnet_vpc(self.params["subnet_id"]),
            "security_group_ids": sorted(self.params.get("security_group_ids") or []),
            "preserve_client_ip": self.params["preserve_client_ip"],
            "tags": {k: str(v) for k, v in (self.params.get("tags") or {}).items()},
        }

    def create(self):
        self._require_creatable()
        request = dict(SubnetId=self.params["subnet_id"], PreserveClientIp=self.params["preserve_client_ip"])
        if self.params.get("security_group_ids"):
            request["SecurityGroupIds"] = sorted(self.params["security_group_ids"])
        if self.params.get("tags"):
            request["TagSpecifications"] = boto3_tag_specifications(self.params["tags"], types=[RESOURCE_TYPE])
        created = self.api.create(**request)
        return self.read(created["InstanceConnectEndpointId"]) or normalize_endpoint(created)

    def delete(self, current):
        self.api.delete(current["instance_connect_endpoint_id"])

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
        if not request:
            return []
        return [Change(predicted, lambda: self.api.modify(current["instance_connect_endpoint_id"], **request))]

    def set_tags(self, current, to_set, to_unset):
        endpoint_id = current["instance_connect_endpoint_id"]
        remove_ec2_tags(self.api.client, self.module, endpoint_id, to_unset)
        add_ec2_tags(self.api.client, self.module, endpoint_id, to_set)

    def _status(self, endpoint_id):
        """The endpoint with its state spelt like the other AWS statuses, for wait_for_status."""
        endpoint = self.read(endpoint_id)
        if endpoint is None:
            return None
        return dict(
            endpoint,
            status=endpoint["state"].upper().replace("-", "_"),
            statusMessage=endpoint.get("state_message"),
        )

    def _wait(self, resource, ready):
        endpoint_id = resource["instance_connect_endpoint_id"]
        settled = wait_for_status(
            lambda: self._status(endpoint_id),
            f"{self.description} {endpoint_id}",
            ready=ready,
            timeout=self.params["wait_timeout"],
        )
        return None if settled is None else self.read(endpoint_id)

    def wait_ready(self, resource):
        return self._wait(resource, ("CREATE_COMPLETE", "UPDATE_COMPLETE"))

    def wait_gone(self, resource):
        return self._wait(resource, None)
