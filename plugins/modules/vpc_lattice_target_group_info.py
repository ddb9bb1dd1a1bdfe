#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_target_group_info
short_description: List Amazon VPC Lattice target groups and their targets
version_added: 0.1.0
description:
  - List the VPC Lattice target groups of the account with their targets, or describe one.
options:
  name:
    description:
      - Return only the target group with this name.
    type: str
  type:
    description:
      - Return only target groups of this type.
    type: str
    choices: [LAMBDA, INSTANCE, IP, ALB]
  vpc_id:
    description:
      - Return only target groups in this VPC.
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
- name: Show the targets of the Lambda target group
  lattice.multi_account.vpc_lattice_target_group_info:
    name: target-lambda
  register: found
"""

RETURN = r"""
target_groups:
  description: The target groups, as M(lattice.multi_account.vpc_lattice_target_group) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "tg-0123456789abcdef0", "name": "target-lambda", "type": "LAMBDA", "targets": [], "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.target_group import TargetGroupManager


def target_groups(module):
    filters = {"targetGroupType": module.params.get("type"), "vpcIdentifier": module.params.get("vpc_id")}
    return {"target_groups": TargetGroupManager(module).collect(list_filters=filters)}


def main():
    run_info_module(
        dict(
            ID_OPTION,
            name=dict(type="str"),
            type=dict(type="str", choices=["LAMBDA", "INSTANCE", "IP", "ALB"]),
            vpc_id=dict(type="str"),
        ),
        target_groups,
    )


if __name__ == "__main__":
    main()
