#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_gateway_info
short_description: List Amazon VPC Lattice resource gateways
version_added: 0.2.0
description:
  - List the VPC Lattice resource gateways of the account, or describe one.
options:
  name:
    description:
      - Return only the gateway with this name.
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
- name: The resource gateway of the provider VPC
  lattice.multi_account.vpc_lattice_resource_gateway_info:
    name: provider-resources
  register: found
"""

RETURN = r"""
resource_gateways:
  description: The gateways, as M(lattice.multi_account.vpc_lattice_resource_gateway) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "rgw-0123456789abcdef0", "name": "provider-resources", "status": "ACTIVE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_gateway import (
    ResourceGatewayManager,
)


def main():
    run_info_module(
        dict(ID_OPTION, name=dict(type="str")),
        lambda module: {"resource_gateways": ResourceGatewayManager(module).collect()},
    )


if __name__ == "__main__":
    main()
