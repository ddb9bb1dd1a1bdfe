#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_info
short_description: List Amazon VPC Lattice services
version_added: 0.1.0
description:
  - List the VPC Lattice services of the account, or describe one (also a service shared by another account, by ARN).
options:
  name:
    description:
      - Return only the service with this name.
    type: str
  service_network:
    description:
      - Return only the services of this account associated with this service network (name, ID or ARN).
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
- name: Get the DNS name of the provider's service
  lattice.multi_account.vpc_lattice_service_info:
    name: service-lattice
  register: found

- name: Show it
  ansible.builtin.debug:
    msg: "{{ found.services[0].dns_entry.domain_name }}"
"""

RETURN = r"""
services:
  description: The services, as M(lattice.multi_account.vpc_lattice_service) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "svc-0123456789abcdef0", "name": "service-lattice", "status": "ACTIVE", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service import ServiceManager
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network import ServiceNetworkManager


def services(module):
    manager = ServiceManager(module)
    if not module.params.get("service_network"):
        return {"services": manager.collect()}
    network = manager.reference(ServiceNetworkManager, "service_network", required=False)
    associations = []
    if network:
        associations = manager.api.paginate(
            "list_service_network_service_associations", "items", f"list the services of service network {network}",
            serviceNetworkIdentifier=network,
        )
    associated = {a["serviceId"] for a in associations}
    return {"services": manager.collect(keep=lambda item: item["id"] in associated)}


def main():
    run_info_module(dict(ID_OPTION, name=dict(type="str"), service_network=dict(type="str")), services)


if __name__ == "__main__":
    main()
