# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Options of every module that manages a VPC Lattice resource.
    DOCUMENTATION = r"""
options:
  state:
    description:
      - V(present) creates the resource or converges it to the options given; options left unset are not touched.
      - V(absent) deletes it; deleting a resource that does not exist is not a change.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Check mode makes no change and returns the resource as it would be.
  - Diff mode returns the resource before and after under C(diff).
  - A name, an ID or an ARN may be used for every reference to another VPC Lattice resource;
    a resource owned by another account (shared through AWS RAM) must be given by ARN.
"""

    # Resources with a status (CREATE_IN_PROGRESS -> ACTIVE, DELETE_IN_PROGRESS).
    WAIT = r"""
options:
  wait:
    description:
      - Wait until the resource is C(ACTIVE) after a create or update, or gone after a delete.
      - A resource that ends in a C(*_FAILED) status fails the task with that status and the reason AWS gives.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true).
    type: int
    default: 600
"""

    # A listener's default action and a rule's action have the same API shape; sanity
    # requires literal strings here, hence the two copies.
    DEFAULT_ACTION = r"""
options:
  default_action:
    description:
      - What the listener does with requests no rule matches. Required with O(state=present).
      - Exactly one of O(default_action.forward) and O(default_action.fixed_response).
    type: dict
    suboptions:
      forward:
        description: Forward to one or more target groups.
        type: dict
        suboptions:
          target_groups:
            description: Target groups and their weights.
            type: list
            elements: dict
            required: true
            suboptions:
              target_group:
                description: Name, ID or ARN of the target group.
                type: str
                required: true
                aliases: [target_group_identifier]
              weight:
                description: Share of the traffic (0-999).
                type: int
                default: 100
      fixed_response:
        description: Answer with a fixed status code.
        type: dict
        suboptions:
          status_code:
            description:
              - HTTP status code. VPC Lattice accepts only V(404) and V(500) for a fixed response
                (VPC Lattice user guide, "Listener rules", fixed-response action).
            type: int
            required: true
            choices: [404, 500]
"""

    RULE_ACTION = r"""
options:
  action:
    description:
      - What the rule does with matching requests. Required with O(state=present).
      - Exactly one of O(action.forward) and O(action.fixed_response).
    type: dict
    suboptions:
      forward:
        description: Forward to one or more target groups.
        type: dict
        suboptions:
          target_groups:
            description: Target groups and their weights.
            type: list
            elements: dict
            required: true
            suboptions:
              target_group:
                description: Name, ID or ARN of the target group.
                type: str
                required: true
                aliases: [target_group_identifier]
              weight:
                description: Share of the traffic (0-999).
                type: int
                default: 100
      fixed_response:
        description: Answer with a fixed status code.
        type: dict
        suboptions:
          status_code:
            description:
              - HTTP status code. VPC Lattice accepts only V(404) and V(500) for a fixed response
                (VPC Lattice user guide, "Listener rules", fixed-response action).
            type: int
            required: true
            choices: [404, 500]
"""
