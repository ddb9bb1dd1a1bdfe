#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_service_association_info
short_description: List the service associations of Amazon VPC Lattice service networks
version_added: 0.1.0
description:
  - List the associations between VPC Lattice service networks and services, by service network or by service, or
    describe one.
options:
  service_network:
    description:
      - Return the associations of this service network (name, ID or ARN).
    type: str
  service:
    description:
      - Return the associations of this service (name or ID in this account, or ARN).
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
- name: Services reachable through the consumer's network
  lattice.multi_account.vpc_lattice_service_network_service_association_info:
    service_network: service-network
  register: found
"""

RETURN = r"""
service_network_service_associations:
  description: The associations, as M(lattice.multi_account.vpc_lattice_service_network_service_association) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "snsa-0123456789abcdef0", "service_id": "svc-0123456789abcdef0", "status": "ACTIVE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_service_association import (
    ServiceAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module


def associations(module):
    manager = ServiceAssociationManager(module)
    if module.params.get("service") and manager.service is None:
        return {manager.result_key + "s": []}
    return manager.collect_associations(serviceIdentifier=manager.service)


def main():
    run_info_module(
        dict(ID_OPTION, service_network=dict(type="str"), service=dict(type="str")),
        associations,
        required_one_of=[["service_network", "service", "id"]],
    )


if __name__ == "__main__":
    main()
