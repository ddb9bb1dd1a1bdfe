#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_policy
short_description: Manage the resource policy of an Amazon VPC Lattice service, service network or resource configuration
version_added: 0.2.0
description:
  - Set or remove the resource-based policy of a VPC Lattice service, service network or resource configuration,
    which lets other accounts use it without AWS RAM (RAM writes such a policy when it shares the resource).
  - Policies are compared semantically (order of statements and of list items does not matter).
options:
  resource_arn:
    description:
      - ARN of the service, service network or resource configuration.
    type: str
    required: true
  policy:
    description:
      - The policy document, as JSON text or a YAML dictionary. Required with O(state=present).
    type: json
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Let one consumer account associate the provider's database with its service network
  lattice.multi_account.vpc_lattice_resource_policy:
    resource_arn: arn:aws:vpc-lattice:eu-west-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0
    policy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            AWS: "444455556666"
          Action:
            - vpc-lattice:GetResourceConfiguration
            - vpc-lattice:CreateServiceNetworkResourceAssociation
          Resource: arn:aws:vpc-lattice:eu-west-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0
"""

RETURN = r"""
resource_policy:
  description: The resource policy; C(null) after a delete.
  returned: always
  type: dict
  contains:
    policy:
      description: The policy document.
      type: dict
      sample: {"Version": "2012-10-17", "Statement": []}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_policy import (
    ResourcePolicyManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ResourcePolicyManager,
        dict(resource_arn=dict(type="str", required=True), policy=dict(type="json")),
        taggable=False,
        waitable=False,
        required_if=[("state", "present", ["policy"])],
    )


if __name__ == "__main__":
    main()
