#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_target_group
short_description: Manage Amazon VPC Lattice target groups and their targets
version_added: 0.1.0
description:
  - Create, update and delete VPC Lattice target groups, and register or deregister their targets.
  - AWS can change only the health check of an existing target group; a different O(type) or O(config) fails
    unless O(replace=true).
  - AWS refuses to delete a target group that a listener or rule still forwards to.
options:
  name:
    description:
      - Name of the target group, unique in the account.
      - 3 to 128 lowercase letters, digits and hyphens, not starting with C(tg-) or a hyphen, not ending with a
        hyphen, no C(--).
    type: str
    required: true
  type:
    description:
      - Type of the targets. Required with O(state=present); AWS cannot change it.
    type: str
    choices: [LAMBDA, INSTANCE, IP, ALB]
  config:
    description:
      - Configuration of the target group. Not used for V(LAMBDA) except O(config.lambda_event_structure_version).
      - Only O(config.health_check) can be changed after creation.
    type: dict
    suboptions:
      port:
        description: Default port of the targets (1-65535).
        type: int
      protocol:
        description: Protocol of the targets.
        type: str
        choices: [HTTP, HTTPS, TCP]
      protocol_version:
        description: Protocol version.
        type: str
        choices: [HTTP1, HTTP2, GRPC]
      vpc_identifier:
        description: ID of the VPC of the targets (not for V(LAMBDA)).
        type: str
      ip_address_type:
        description: IP address type of V(IP) targets.
        type: str
        choices: [IPV4, IPV6]
      lambda_event_structure_version:
        description: Version of the event structure sent to a V(LAMBDA) target.
        type: str
        choices: [V1, V2]
      health_check:
        description: Health check of the targets; the only part of O(config) AWS can update in place.
        type: dict
        suboptions:
          enabled:
            description: Whether health checks run.
            type: bool
          protocol:
            description: Protocol of the health check.
            type: str
            choices: [HTTP, HTTPS, TCP]
          protocol_version:
            description: Protocol version of the health check.
            type: str
            choices: [HTTP1, HTTP2]
          port:
            description: Port of the health check.
            type: int
          path:
            description: Path of the health check.
            type: str
          health_check_interval_seconds:
            description: Seconds between checks (5-300).
            type: int
          health_check_timeout_seconds:
            description: Seconds before a check fails (1-120).
            type: int
          healthy_threshold_count:
            description: Successes before a target is healthy.
            type: int
          unhealthy_threshold_count:
            description: Failures before a target is unhealthy.
            type: int
          matcher:
            description: Expected response.
            type: dict
            suboptions:
              http_code:
                description: HTTP codes, for example V(200) or V(200-299).
                type: str
  targets:
    description:
      - Targets of the group; leave unset to leave the targets alone.
      - For V(LAMBDA) the ID is the function ARN and there is no port.
    type: list
    elements: dict
    suboptions:
      id:
        description: Instance ID, IP address, Lambda function ARN or ALB ARN.
        type: str
        required: true
      port:
        description: Port of the target; defaults to the port of the target group.
        type: int
  purge_targets:
    description:
      - Deregister the targets not listed in O(targets).
    type: bool
    default: true
  replace:
    description:
      - Delete and recreate the target group when O(type) or O(config) (other than the health check) differ from
        the existing one. AWS refuses the delete while a listener or rule forwards to it, so this is safe.
    type: bool
    default: false
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - lattice.multi_account.vpc_lattice.wait
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Lambda target group with the function as its target
  lattice.multi_account.vpc_lattice_target_group:
    name: target-lambda
    type: LAMBDA
    config:
      lambda_event_structure_version: V2
    targets:
      - id: "{{ function.configuration.function_arn }}"

- name: Instance target group
  lattice.multi_account.vpc_lattice_target_group:
    name: web-instances
    type: INSTANCE
    config:
      port: 80
      protocol: HTTP
      vpc_identifier: vpc-0123456789abcdef0
      health_check:
        path: /health
    targets:
      - id: i-0123456789abcdef0
"""

RETURN = r"""
target_group:
  description: The target group; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the target group.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-0123456789abcdef0
    id:
      description: ID of the target group.
      type: str
      sample: tg-0123456789abcdef0
    name:
      description: Name of the target group.
      type: str
      sample: target-lambda
    type:
      description: Type of the targets.
      type: str
      sample: LAMBDA
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(DELETE_IN_PROGRESS), C(CREATE_FAILED) or C(DELETE_FAILED).
      type: str
      sample: ACTIVE
    config:
      description: Configuration, as in O(config).
      type: dict
      sample: {"lambda_event_structure_version": "V2"}
    service_arns:
      description: ARNs of the services whose listeners forward to the group.
      type: list
      elements: str
      sample: []
    targets:
      description: Registered targets.
      type: list
      elements: dict
      contains:
        id:
          description: ID of the target.
          type: str
        port:
          description: Port of the target.
          type: int
        status:
          description: Health status of the target.
          type: str
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_at:
      description: Time of the last update.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the target group.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.target_group import TargetGroupManager

HEALTH_CHECK = dict(
    enabled=dict(type="bool"),
    protocol=dict(type="str", choices=["HTTP", "HTTPS", "TCP"]),
    protocol_version=dict(type="str", choices=["HTTP1", "HTTP2"]),
    port=dict(type="int"),
    path=dict(type="str"),
    health_check_interval_seconds=dict(type="int"),
    health_check_timeout_seconds=dict(type="int"),
    healthy_threshold_count=dict(type="int"),
    unhealthy_threshold_count=dict(type="int"),
    matcher=dict(type="dict", options=dict(http_code=dict(type="str"))),
)

CONFIG = dict(
    port=dict(type="int"),
    protocol=dict(type="str", choices=["HTTP", "HTTPS", "TCP"]),
    protocol_version=dict(type="str", choices=["HTTP1", "HTTP2", "GRPC"]),
    vpc_identifier=dict(type="str"),
    ip_address_type=dict(type="str", choices=["IPV4", "IPV6"]),
    lambda_event_structure_version=dict(type="str", choices=["V1", "V2"]),
    health_check=dict(type="dict", options=HEALTH_CHECK),
)


def main():
    run_module(
        TargetGroupManager,
        dict(
            name=dict(type="str", required=True),
            type=dict(type="str", choices=["LAMBDA", "INSTANCE", "IP", "ALB"]),
            config=dict(type="dict", options=CONFIG),
            targets=dict(
                type="list", elements="dict", options=dict(id=dict(type="str", required=True), port=dict(type="int"))
            ),
            purge_targets=dict(type="bool", default=True),
            replace=dict(type="bool", default=False),
        ),
        required_if=[("state", "present", ["type"])],
    )


if __name__ == "__main__":
    main()
