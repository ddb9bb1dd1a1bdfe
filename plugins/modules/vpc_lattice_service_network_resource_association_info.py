#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_resource_association_info
short_description: List the resource associations of Amazon VPC Lattice service networks
version_added: 0.2.0
description:
  - List the associations between VPC Lattice service networks and resource configurations, by service network or
    by resource configuration (also those other accounts made with the account's own), or describe one.
options:
  service_network:
    description:
      - Return the associations of this service network (name, ID or ARN).
    type: str
  resource_configuration:
    description:
      - Return the associations of this resource configuration (name, ID or ARN).
    type: str
  include_children:
    description:
      - Also return the associations Amazon manages for the children of V(GROUP) resource configurations.
    type: bool
    default: false
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice_info
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Which service networks reach the provider's database?
  lattice.multi_account.vpc_lattice_service_network_resource_association_info:
    resource_configuration: orders-db
  register: found
"""

RETURN = r"""
service_network_resource_associations:
  description: >-
    The associations, as M(lattice.multi_account.vpc_lattice_service_network_resource_association) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "snra-0123456789abcdef0", "resource_configuration_id": "rcfg-0123456789abcdef0", "status": "ACTIVE"}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_resource_association import (
    ResourceAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module


def associations(module):
    manager = ResourceAssociationManager(module)
    filters = {"includeChildren": module.params["include_children"] or None}
    if module.params.get("resource_configuration"):
        filters["resourceConfigurationIdentifier"] = manager.configuration
        if manager.configuration is None:
            return {"service_network_resource_associations": []}
    return manager.collect_associations(**filters)


def main():
    run_info_module(
        dict(
            ID_OPTION,
            service_network=dict(type="str"),
            resource_configuration=dict(type="str"),
            include_children=dict(type="bool", default=False),
        ),
        associations,
        required_one_of=[["service_network", "resource_configuration", "id"]],
    )


if __name__ == "__main__":
    main()
