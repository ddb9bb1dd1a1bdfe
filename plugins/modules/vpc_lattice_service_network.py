#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network
short_description: Manage Amazon VPC Lattice service networks
version_added: 0.1.0
description:
  - Create, update and delete VPC Lattice service networks.
  - A service network groups services and the VPCs whose clients may reach them.
options:
  name:
    description:
      - Name of the service network, unique in the account.
      - 3 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen, no C(--).
    type: str
    required: true
  auth_type:
    description:
      - V(NONE) lets any client of an associated VPC in; V(AWS_IAM) requires SigV4 requests allowed by the auth policy
        (see M(lattice.multi_account.vpc_lattice_auth_policy)).
      - Defaults to V(NONE) when the service network is created.
    type: str
    choices: [NONE, AWS_IAM]
  sharing_config:
    description:
      - Whether the service network may be shared through AWS RAM. AWS enables it when unset on creation.
      - A service network that is not shareable can be associated with resource configurations shared with
        its account (those refuse shareable networks unless they allow it); it cannot join a RAM share.
      - Set on creation only; AWS cannot change it on an existing service network (the task fails, delete the
        network and create it again).
    type: dict
    version_added: 0.2.0
    suboptions:
      enabled:
        description: Whether sharing is enabled.
        type: bool
        required: true
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Create the consumer's service network
  lattice.multi_account.vpc_lattice_service_network:
    name: service-network
    auth_type: NONE
    tags:
      Project: lattice
  register: network

- name: Delete it (its associations must be removed first)
  lattice.multi_account.vpc_lattice_service_network:
    name: service-network
    state: absent
"""

RETURN = r"""
service_network:
  description: The service network; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the service network.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0123456789abcdef0
    id:
      description: ID of the service network.
      type: str
      sample: sn-0123456789abcdef0
    name:
      description: Name of the service network.
      type: str
      sample: service-network
    auth_type:
      description: Authentication type.
      type: str
      sample: NONE
    sharing_config:
      description: Whether the service network may be shared through AWS RAM.
      type: dict
      sample: {"enabled": true}
    number_of_associated_services:
      description: How many services are associated.
      type: int
      sample: 1
    number_of_associated_vpcs:
      description: How many VPCs are associated.
      type: int
      sample: 1
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_at:
      description: Time of the last update.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the service network.
      type: dict
      sample: {"Project": "lattice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network import ServiceNetworkManager


def main():
    run_module(
        ServiceNetworkManager,
        dict(
            name=dict(type="str", required=True),
            auth_type=dict(type="str", choices=["NONE", "AWS_IAM"]),
            sharing_config=dict(type="dict", options=dict(enabled=dict(type="bool", required=True))),
        ),
        waitable=False,
    )


if __name__ == "__main__":
    main()
