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
  description:
    - The matching endpoints, each as M(lattice.multi_account.ec2_instance_connect_endpoint) returns it.
    - AWS lists deleted endpoints for a while, with state C(delete-complete).
  returned: always
  type: list
  elements: dict
  sample: [{"instance_connect_endpoint_id": "eice-0123456789abcdef0", "state": "create-complete",
            "subnet_id": "subnet-0123456789abcdef0", "vpc_id": "vpc-0123456789abcdef0",
            "security_group_ids": ["sg-0123456789abcdef0"], "preserve_client_ip": false, "ip_address_type": "ipv4",
            "tags": {"Name": "consumer-eice"}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.client import InstanceConnectClient
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.instance_connect_endpoint import ENDPOINT_ID
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.instance_connect_endpoint import describe_endpoints
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.instance_connect_endpoint import normalize_endpoint


def list_endpoints(module):
    ids = module.params.get("ids") or []
    for index, endpoint_id in enumerate(ids):
        if not ENDPOINT_ID.fullmatch(endpoint_id):
            raise InvalidParameter(f"ids[{index}]", f"{endpoint_id!r} is not an Instance Connect endpoint ID (eice-...)")
    found = describe_endpoints(InstanceConnectClient(module), ids=ids, filters=module.params.get("filters"))
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
