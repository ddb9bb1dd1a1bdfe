#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_policy_info
short_description: Read the resource policy of an Amazon VPC Lattice service, service network or resource configuration
version_added: 0.2.0
description:
  - Return the resource-based policy of a VPC Lattice service, service network or resource configuration (the one
    AWS RAM writes when it shares the resource, or one set with M(lattice.multi_account.vpc_lattice_resource_policy)).
options:
  resource_arn:
    description:
      - ARN of the service, service network or resource configuration.
    type: str
    required: true
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
notes:
  - Check mode is supported; the module changes nothing.
"""

EXAMPLES = r"""
- name: Who may use the provider's database without RAM?
  lattice.multi_account.vpc_lattice_resource_policy_info:
    resource_arn: arn:aws:vpc-lattice:eu-west-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0
  register: found
"""

RETURN = r"""
resource_policy:
  description:
    - The resource policy, as M(lattice.multi_account.vpc_lattice_resource_policy) returns it.
    - C(null) when the resource has none, or does not exist.
  returned: always
  type: dict
  contains:
    policy:
      description: The policy document.
      type: dict
      sample: {"Version": "2012-10-17", "Statement": []}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_policy import (
    ResourcePolicyManager,
)


def collect(module):
    manager = ResourcePolicyManager(module)
    manager.validate()
    return {"resource_policy": manager.get()}


def main():
    run_info_module(dict(resource_arn=dict(type="str", required=True)), collect)


if __name__ == "__main__":
    main()
