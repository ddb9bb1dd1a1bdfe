#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_gateway
short_description: Manage Amazon VPC Lattice resource gateways
version_added: 0.2.0
description:
  - Create, update and delete a VPC Lattice resource gateway, the point of entry into a VPC through which
    resource configurations (databases, TCP services, CIDR ranges) are reached from service networks.
  - Only the security groups can change in place; a different VPC, subnets, IP address type, number of IPv4
    addresses per ENI or DNS resolution setting fails unless O(replace=true).
options:
  name:
    description:
      - Name of the resource gateway, unique in the account (3-40 lowercase letters, digits and hyphens, not
        starting with C(rgw-)), or its ID or ARN.
    type: str
    required: true
  vpc_id:
    description:
      - ID of the VPC of the resources. Required to create the gateway.
    type: str
  subnet_ids:
    description:
      - IDs of the subnets of O(vpc_id) the gateway places its network interfaces in. Required to create it.
    type: list
    elements: str
  security_group_ids:
    description:
      - IDs of up to 5 security groups of O(vpc_id) for the gateway's network interfaces. Updated in place.
      - Leave unset to leave them alone.
    type: list
    elements: str
  ip_address_type:
    description:
      - IP address type of the gateway; V(IPV6) and V(DUALSTACK) need subnets with an IPv6 CIDR block.
      - AWS uses V(IPV4) when unset.
    type: str
    choices: [IPV4, IPV6, DUALSTACK]
  ipv4_addresses_per_eni:
    description:
      - Number of IPv4 addresses (1-62) in each network interface of an V(IPV4) or V(DUALSTACK) gateway.
      - AWS uses 16 when unset. Needs botocore 1.40.41 or newer.
    type: int
  dns_resolution:
    description:
      - Where the domain names of the gateway's DNS resource configurations resolve, V(IN_VPC) or V(PUBLIC).
      - Needs botocore 1.43.3 or newer.
    type: str
    choices: [IN_VPC, PUBLIC]
  replace:
    description:
      - Delete and recreate the gateway when an option AWS cannot update differs from the existing gateway.
      - AWS refuses to delete a gateway that resource configurations still use.
    type: bool
    default: false
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - lattice.multi_account.vpc_lattice.wait
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: A resource gateway in the provider VPC
  lattice.multi_account.vpc_lattice_resource_gateway:
    name: provider-resources
    vpc_id: vpc-0123456789abcdef0
    subnet_ids: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
    security_group_ids: [sg-0123456789abcdef0]
    tags:
      Project: lattice

- name: Delete it (its resource configurations first)
  lattice.multi_account.vpc_lattice_resource_gateway:
    name: provider-resources
    state: absent
"""

RETURN = r"""
resource_gateway:
  description: The resource gateway; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the gateway.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:resourcegateway/rgw-0123456789abcdef0
    id:
      description: ID of the gateway.
      type: str
      sample: rgw-0123456789abcdef0
    name:
      description: Name of the gateway.
      type: str
      sample: provider-resources
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(UPDATE_IN_PROGRESS), C(DELETE_IN_PROGRESS) or a C(*_FAILED) status.
      type: str
      sample: ACTIVE
    vpc_id:
      description: ID of the VPC.
      type: str
      sample: vpc-0123456789abcdef0
    subnet_ids:
      description: IDs of the subnets.
      type: list
      elements: str
      sample: ["subnet-0123456789abcdef0"]
    security_group_ids:
      description: IDs of the security groups.
      type: list
      elements: str
      sample: ["sg-0123456789abcdef0"]
    ip_address_type:
      description: IP address type.
      type: str
      sample: IPV4
    ipv4_addresses_per_eni:
      description: IPv4 addresses in each network interface.
      type: int
      sample: 16
    resource_config_dns_resolution:
      description: Where DNS resources resolve, when set.
      type: str
      sample: IN_VPC
    tags:
      description: Tags of the gateway.
      type: dict
      sample: {"Project": "lattice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_gateway import (
    ResourceGatewayManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ResourceGatewayManager,
        dict(
            name=dict(type="str", required=True),
            vpc_id=dict(type="str"),
            subnet_ids=dict(type="list", elements="str"),
            security_group_ids=dict(type="list", elements="str"),
            ip_address_type=dict(type="str", choices=["IPV4", "IPV6", "DUALSTACK"]),
            ipv4_addresses_per_eni=dict(type="int"),
            dns_resolution=dict(type="str", choices=["IN_VPC", "PUBLIC"]),
            replace=dict(type="bool", default=False),
        ),
    )


if __name__ == "__main__":
    main()
