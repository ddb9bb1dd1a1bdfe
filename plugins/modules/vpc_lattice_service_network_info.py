#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_info
short_description: List Amazon VPC Lattice service networks
version_added: 0.1.0
description:
  - List the VPC Lattice service networks of the account, or describe one.
options:
  name:
    description:
      - Return only the service network with this name.
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
- name: Find the consumer's service network
  lattice.multi_account.vpc_lattice_service_network_info:
    name: service-network
  register: found
"""

RETURN = r"""
service_networks:
  description: The service networks, as M(lattice.multi_account.vpc_lattice_service_network) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "sn-0123456789abcdef0", "name": "service-network", "auth_type": "NONE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network import ServiceNetworkManager


def main():
    run_info_module(
        dict(ID_OPTION, name=dict(type="str")),
        lambda module: {"service_networks": ServiceNetworkManager(module).collect()},
    )


if __name__ == "__main__":
    main()
