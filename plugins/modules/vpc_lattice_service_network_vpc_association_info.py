#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_vpc_association_info
short_description: List the VPC associations of Amazon VPC Lattice service networks
version_added: 0.1.0
description:
  - List the associations between VPC Lattice service networks and VPCs, by service network or by VPC, or describe one.
options:
  service_network:
    description:
      - Return the associations of this service network (name, ID or ARN).
    type: str
  vpc_id:
    description:
      - Return the association of this VPC.
    type: str
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice_info
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Which service network is the VPC associated with?
  lattice.multi_account.vpc_lattice_service_network_vpc_association_info:
    vpc_id: vpc-0123456789abcdef0
  register: found
"""

RETURN = r"""
service_network_vpc_associations:
  description: The associations, as M(lattice.multi_account.vpc_lattice_service_network_vpc_association) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "snva-0123456789abcdef0", "vpc_id": "vpc-0123456789abcdef0", "status": "ACTIVE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_vpc_association import (
    VpcAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module


def main():
    run_info_module(
        dict(ID_OPTION, service_network=dict(type="str"), vpc_id=dict(type="str")),
        lambda module: VpcAssociationManager(module).collect_associations(vpcIdentifier=module.params.get("vpc_id")),
        required_one_of=[["service_network", "vpc_id", "id"]],
    )


if __name__ == "__main__":
    main()
