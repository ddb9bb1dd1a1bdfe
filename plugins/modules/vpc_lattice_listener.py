#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_listener
short_description: Manage the listeners of Amazon VPC Lattice services
version_added: 0.1.0
description:
  - Create, update and delete the listeners of a VPC Lattice service (at most two per service).
  - AWS can change only the default action of an existing listener; a different O(protocol) or O(port) fails
    unless O(replace=true).
options:
  service:
    description:
      - The service of the listener, by name, ID or ARN.
    type: str
    required: true
  name:
    description:
      - Name of the listener, unique within the service.
      - 3 to 63 lowercase letters, digits and hyphens, not starting with C(listener-) or a hyphen, not ending with a
        hyphen, no C(--).
    type: str
    required: true
  protocol:
    description:
      - Protocol of the listener. Required with O(state=present).
    type: str
    choices: [HTTP, HTTPS, TLS_PASSTHROUGH]
  port:
    description:
      - Port of the listener (1-65535). AWS defaults to 80 for V(HTTP) and 443 for V(HTTPS).
    type: int
  replace:
    description:
      - Delete and recreate the listener when O(protocol) or O(port) differ from the existing one.
      - The service is unreachable on that listener in between.
    type: bool
    default: false
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - lattice.multi_account.vpc_lattice.default_action
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: HTTPS listener forwarding to the Lambda target group
  lattice.multi_account.vpc_lattice_listener:
    service: service-lattice
    name: https-service-listener
    protocol: HTTPS
    port: 443
    default_action:
      forward:
        target_groups:
          - target_group: target-lambda
            weight: 100

- name: Answer 404 to everything
  lattice.multi_account.vpc_lattice_listener:
    service: service-lattice
    name: https-service-listener
    protocol: HTTPS
    port: 443
    default_action:
      fixed_response:
        status_code: 404
"""

RETURN = r"""
listener:
  description: The listener; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the listener.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0/listener/listener-0123456789abcdef0
    id:
      description: ID of the listener.
      type: str
      sample: listener-0123456789abcdef0
    name:
      description: Name of the listener.
      type: str
      sample: https-service-listener
    protocol:
      description: Protocol.
      type: str
      sample: HTTPS
    port:
      description: Port.
      type: int
      sample: 443
    service_arn:
      description: ARN of the service.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0
    service_id:
      description: ID of the service.
      type: str
      sample: svc-0123456789abcdef0
    default_action:
      description: The default action, with target groups as C(target_group_identifier) and C(weight).
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
      description: Tags of the listener.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener import ListenerManager
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.listener import ACTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ListenerManager,
        dict(
            service=dict(type="str", required=True),
            name=dict(type="str", required=True),
            protocol=dict(type="str", choices=["HTTP", "HTTPS", "TLS_PASSTHROUGH"]),
            port=dict(type="int"),
            default_action=ACTION,
            replace=dict(type="bool", default=False),
        ),
        waitable=False,
        required_if=[("state", "present", ["protocol", "default_action"])],
    )


if __name__ == "__main__":
    main()
