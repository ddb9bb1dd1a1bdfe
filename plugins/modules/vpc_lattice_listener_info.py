#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_listener_info
short_description: List the listeners of an Amazon VPC Lattice service, with their rules
version_added: 0.1.0
description:
  - List the listeners of a VPC Lattice service with their rules, or describe one.
options:
  service:
    description:
      - The service, by name, ID or ARN.
    type: str
    required: true
  name:
    description:
      - Return only the listener with this name.
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
- name: Show the listeners of the provider's service
  lattice.multi_account.vpc_lattice_listener_info:
    service: service-lattice
  register: found
"""

RETURN = r"""
listeners:
  description:
    - The listeners, as M(lattice.multi_account.vpc_lattice_listener) returns them, each with its rules.
    - Empty when the service does not exist.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "listener-0123456789abcdef0", "name": "https-service-listener", "port": 443, "rules": [], "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener_rule import rules_of
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener import ListenerManager
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module


def listeners(module):
    manager = ListenerManager(module)
    found = manager.collect()
    for listener in found:
        listener["rules"] = rules_of(manager.api, manager.parents["serviceIdentifier"], listener["id"])
    return {"listeners": found}


def main():
    run_info_module(dict(ID_OPTION, service=dict(type="str", required=True), name=dict(type="str")), listeners)


if __name__ == "__main__":
    main()
