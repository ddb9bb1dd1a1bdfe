#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_listener_rule
short_description: Manage the rules of Amazon VPC Lattice listeners
version_added: 0.1.0
description:
  - Create, update and delete the rules of a VPC Lattice listener. Match, priority and action are updated in place.
options:
  service:
    description:
      - The service of the listener, by name, ID or ARN.
    type: str
    required: true
  listener:
    description:
      - The listener of the rule, by name, ID or ARN.
    type: str
    required: true
  name:
    description:
      - Name of the rule, unique within the listener.
      - 3 to 63 lowercase letters, digits and hyphens, not starting with C(rule-) or a hyphen, not ending with a
        hyphen, no C(--).
    type: str
    required: true
  priority:
    description:
      - Priority of the rule (1-2000, lower first), unique within the listener. Required with O(state=present).
    type: int
  match:
    description:
      - Which requests the rule applies to. Required with O(state=present).
    type: dict
    suboptions:
      http_match:
        description: Conditions on the HTTP request; all of them must match.
        type: dict
        required: true
        suboptions:
          method:
            description: HTTP method, for example V(GET).
            type: str
          path_match:
            description: Condition on the path.
            type: dict
            suboptions:
              match:
                description: Exactly one of O(match.http_match.path_match.match.exact) and O(match.http_match.path_match.match.prefix).
                type: dict
                required: true
                suboptions:
                  exact:
                    description: The path must be this.
                    type: str
                  prefix:
                    description: The path must start with this.
                    type: str
              case_sensitive:
                description: Whether the match is case sensitive.
                type: bool
          header_matches:
            description: Conditions on headers (at most 5).
            type: list
            elements: dict
            suboptions:
              name:
                description: Header name.
                type: str
                required: true
              match:
                description: Exactly one of exact, prefix and contains.
                type: dict
                required: true
                suboptions:
                  exact:
                    description: The value must be this.
                    type: str
                  prefix:
                    description: The value must start with this.
                    type: str
                  contains:
                    description: The value must contain this.
                    type: str
              case_sensitive:
                description: Whether the match is case sensitive.
                type: bool
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - lattice.multi_account.vpc_lattice.rule_action
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Send /v2 to another target group
  lattice.multi_account.vpc_lattice_listener_rule:
    service: service-lattice
    listener: https-service-listener
    name: v2-path
    priority: 10
    match:
      http_match:
        path_match:
          match:
            prefix: /v2
    action:
      forward:
        target_groups:
          - target_group: target-lambda-v2
"""

RETURN = r"""
listener_rule:
  description: The rule; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the rule.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0/listener/listener-0123456789abcdef0/rule/rule-0123456789abcdef0
    id:
      description: ID of the rule.
      type: str
      sample: rule-0123456789abcdef0
    name:
      description: Name of the rule.
      type: str
      sample: v2-path
    priority:
      description: Priority.
      type: int
      sample: 10
    is_default:
      description: Whether this is the listener's default rule.
      type: bool
      sample: false
    match:
      description: The match, as in O(match).
      type: dict
      sample: {"http_match": {"path_match": {"match": {"prefix": "/v2"}, "case_sensitive": false}}}
    action:
      description: The action, with target groups as C(target_group_identifier) and C(weight).
      type: dict
      sample: {"forward": {"target_groups": [{"target_group_identifier": "tg-0123456789abcdef0", "weight": 100}]}}
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_at:
      description: Time of the last update.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the rule.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener_rule import RuleManager
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener import ACTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module

STRING_MATCH = dict(exact=dict(type="str"), prefix=dict(type="str"))

MATCH = dict(
    type="dict",
    options=dict(
        http_match=dict(
            type="dict",
            required=True,
            options=dict(
                method=dict(type="str"),
                path_match=dict(
                    type="dict",
                    options=dict(
                        match=dict(
                            type="dict",
                            required=True,
                            options=STRING_MATCH,
                            mutually_exclusive=[["exact", "prefix"]],
                            required_one_of=[["exact", "prefix"]],
                        ),
                        case_sensitive=dict(type="bool"),
                    ),
                ),
                header_matches=dict(
                    type="list",
                    elements="dict",
                    options=dict(
                        name=dict(type="str", required=True),
                        match=dict(
                            type="dict",
                            required=True,
                            options=dict(STRING_MATCH, contains=dict(type="str")),
                            mutually_exclusive=[["exact", "prefix", "contains"]],
                            required_one_of=[["exact", "prefix", "contains"]],
                        ),
                        case_sensitive=dict(type="bool"),
                    ),
                ),
            ),
        )
    ),
)


def main():
    run_module(
        RuleManager,
        dict(
            service=dict(type="str", required=True),
            listener=dict(type="str", required=True),
            name=dict(type="str", required=True),
            priority=dict(type="int"),
            match=MATCH,
            action=ACTION,
        ),
        waitable=False,
        required_if=[("state", "present", ["priority", "match", "action"])],
    )


if __name__ == "__main__":
    main()
