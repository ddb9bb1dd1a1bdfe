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

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.api import SERVICE_NETWORK
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.api import SN_SERVICE_ASSOCIATION
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.info import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.info import collect
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.networks import ServiceManager


def services(module):
    manager = ServiceManager(module)
    if not module.params.get("service_network"):
        return {"services": collect(manager)}
    network = manager.reference(SERVICE_NETWORK, "service_network", required=False)
    associations = manager.api.list(SN_SERVICE_ASSOCIATION, serviceNetworkIdentifier=network) if network else []
    associated = {a["serviceId"] for a in associations}
    return {"services": collect(manager, keep=lambda item: item["id"] in associated)}


def main():
    run_info_module(dict(ID_OPTION, name=dict(type="str"), service_network=dict(type="str")), services)


if __name__ == "__main__":
    main()
