#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: planned_change
short_description: Report, in check mode, a change a deploy would make to a resource whose parent does not exist yet
version_added: 0.2.0
description:
  - In check mode on a fresh account, a resource whose parent does not exist yet (a subnet of a VPC that would be
    created, a listener of a service that would be created) cannot be looked up by the module that manages it,
    since that module needs the parent's ID. The roles then report the change with this action instead of skipping
    it, so that C(--check) is a complete plan, like C(terraform plan), where every resource a deploy would create is
    reported as changed, with its properties in the diff (C(--diff)).
  - Runs on the controller and calls no API. It refuses to run outside check mode, so that it can never report a
    change that was not made.
  - The callback P(lattice.multi_account.plan_summary#callback) counts these changes with the others and ends the
    run with a summary per account.
options:
  resource:
    description:
      - What kind of resource, as a user says it, for example C(ec2 subnet) or C(vpc-lattice listener).
    type: str
    required: true
  name:
    description:
      - The resource's name (or what identifies it).
    type: str
    required: true
  action:
    description:
      - What a deploy would do to it.
    type: str
    choices: [create, update, delete]
    default: create
  properties:
    description:
      - The properties it would have after the deploy; shown as the diff's C(after) (C(before) for C(delete)).
    type: dict
    default: {}
  reason:
    description:
      - Why the change is only planned, for example which parent does not exist yet.
    type: str
    default: ''
attributes:
  check_mode:
    support: full
    description: Runs only in check mode.
  diff_mode:
    support: full
    description: With C(--diff), the planned properties as the diff's C(after) (C(before) for a deletion).
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
"""

EXAMPLES = r"""
- name: Plan the subnets of a VPC that check mode only predicts
  lattice.multi_account.planned_change:
    resource: ec2 subnet
    name: "{{ item.name }}"
    properties:
      cidr: "{{ item.cidr }}"
    reason: VPC my-vpc does not exist yet
  loop: "{{ subnets }}"
  when: ansible_check_mode and vpc.vpc.id is not defined
"""

RETURN = r"""
planned:
  description: The planned change.
  returned: always
  type: dict
  sample: {"action": "create", "resource": "ec2 subnet", "name": "subnet-a", "reason": "VPC my-vpc does not exist yet"}
"""
