#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ec2_instance_connect_endpoint_info
short_description: List EC2 Instance Connect endpoints
version_added: 0.1.0
description:
  - Lists EC2 Instance Connect endpoints by ID and/or filters, in the shape
    M(lattice.multi_account.ec2_instance_connect_endpoint) returns.
options:
  ids:
    description:
      - Only these endpoints (C(eice-...)).
    type: list
    elements: str
    aliases: [instance_connect_endpoint_ids]
  filters:
    description:
      - Filters as for the DescribeInstanceConnectEndpoints API, for example C(vpc-id), C(subnet-id), C(state),
        C(tag:Name).
    type: dict
    default: {}
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: The Instance Connect endpoint of the consumer VPC
  lattice.multi_account.ec2_instance_connect_endpoint_info:
    filters:
      vpc-id: "{{ vpc.vpc.id }}"
      state: create-complete
  register: eice
"""

RETURN = r"""
instance_connect_endpoints:
  description: The matching endpoints (AWS lists deleted ones for a while, with state C(delete-complete)).
  returned: always
  type: list
  elements: dict
  contains:
    instance_connect_endpoint_id:
      description: ID of the endpoint.
      type: str
      sample: eice-0123456789abcdef0
    instance_connect_endpoint_arn:
      description: ARN of the endpoint.
      type: str
      sample: arn:aws:ec2:eu-west-1:123456789012:instance-connect-endpoint/eice-0123456789abcdef0
    state:
      description: State of the endpoint.
      type: str
      sample: create-complete
    subnet_id:
      description: Subnet of the endpoint.
      type: str
      sample: subnet-0123456789abcdef0
    vpc_id:
      description: VPC of the endpoint.
      type: str
      sample: vpc-0123456789abcdef0
    security_group_ids:
      description: Security groups, sorted.
      type: list
      elements: str
      sample: ["sg-0123456789abcdef0"]
    preserve_client_ip:
      description: Whether the client IP address is preserved.
      type: bool
      sample: false
    dns_name:
      description: DNS name of the endpoint.
      type: str
      sample: eice-0123456789abcdef0.1a2b3c4d.ec2-instance-connect-endpoint.eu-west-1.amazonaws.com
    tags:
      description: Tags of the endpoint.
      type: dict
      sample: {"Name": "consumer-eice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.endpoints import ENDPOINT_ID
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.endpoints import InstanceConnect
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.endpoints import normalize_endpoint
from ansible_collections.lattice.multi_account.plugins.module_utils._resource import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.module import run_info_module


def list_endpoints(module):
    ids = module.params.get("ids") or []
    for index, endpoint_id in enumerate(ids):
        if not ENDPOINT_ID.fullmatch(endpoint_id):
            raise InvalidParameter(f"ids[{index}]", f"{endpoint_id!r} is not an Instance Connect endpoint ID (eice-...)")
    found = InstanceConnect(module).describe(ids=ids, filters=module.params.get("filters"))
    return {"instance_connect_endpoints": [normalize_endpoint(e) for e in found]}


def main():
    run_info_module(
        dict(
            ids=dict(type="list", elements="str", aliases=["instance_connect_endpoint_ids"]),
            filters=dict(type="dict", default={}),
        ),
        list_endpoints,
    )


if __name__ == "__main__":
    main()
