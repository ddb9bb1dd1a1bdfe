#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_configuration_info
short_description: List Amazon VPC Lattice resource configurations
version_added: 0.2.0
description:
  - List the VPC Lattice resource configurations of the account and those other accounts share with it through
    AWS RAM, or describe one (a shared one by ARN).
options:
  name:
    description:
      - Return only the resource configurations with this name.
    type: str
  resource_gateway:
    description:
      - Return only the resource configurations of this resource gateway of the account (name, ID or ARN).
    type: str
  resource_configuration_group:
    description:
      - Return only the children of this V(GROUP) resource configuration (name, ID or ARN).
    type: str
  owned:
    description:
      - V(true) returns only the account's own, V(false) only those shared with it; all when unset.
    type: bool
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice_info
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: The resource configurations providers share with this account
  lattice.multi_account.vpc_lattice_resource_configuration_info:
    owned: false
  register: shared
"""

RETURN = r"""
resource_configurations:
  description: The resource configurations, as M(lattice.multi_account.vpc_lattice_resource_configuration) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "rcfg-0123456789abcdef0", "name": "orders-db", "type": "SINGLE", "status": "ACTIVE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_configuration import (
    ResourceConfigurationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_gateway import (
    ResourceGatewayManager,
)


def resource_configurations(module):
    manager = ResourceConfigurationManager(module)
    filters = {}
    for option, kind, member in (
        ("resource_gateway", ResourceGatewayManager, "resourceGatewayIdentifier"),
        ("resource_configuration_group", ResourceConfigurationManager, "resourceConfigurationGroupIdentifier"),
    ):
        if module.params.get(option):
            filters[member] = manager.reference(kind, option, required=False)
            if filters[member] is None:
                return {"resource_configurations": []}
    owned = module.params.get("owned")

    def keep(item):
        return owned is None or (item["arn"].split(":")[4] == manager.api.caller_account) == owned

    return {"resource_configurations": manager.collect(list_filters=filters, keep=keep)}


def main():
    run_info_module(
        dict(
            ID_OPTION,
            name=dict(type="str"),
            resource_gateway=dict(type="str"),
            resource_configuration_group=dict(type="str"),
            owned=dict(type="bool"),
        ),
        resource_configurations,
    )


if __name__ == "__main__":
    main()
