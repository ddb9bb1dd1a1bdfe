#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_auth_policy
short_description: Manage the auth policy of an Amazon VPC Lattice service or service network
version_added: 0.1.0
description:
  - Set or remove the IAM auth policy of a VPC Lattice service or service network.
  - The policy is enforced only while the auth type of the service or service network is V(AWS_IAM).
  - Policies are compared semantically (order of statements and of list items does not matter).
options:
  service:
    description:
      - The service, by name, ID or ARN. Exactly one of O(service) and O(service_network).
    type: str
  service_network:
    description:
      - The service network, by name, ID or ARN. Exactly one of O(service) and O(service_network).
    type: str
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
- name: Allow the organization to invoke the service
  lattice.multi_account.vpc_lattice_auth_policy:
    service: service-lattice
    policy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: "*"
          Action: vpc-lattice-svcs:Invoke
          Resource: "*"
          Condition:
            StringEquals:
              aws:PrincipalOrgID: o-abcd1234
"""

RETURN = r"""
auth_policy:
  description: The auth policy; C(null) after a delete.
  returned: always
  type: dict
  contains:
    policy:
      description: The policy document.
      type: dict
      sample: {"Version": "2012-10-17", "Statement": []}
    state:
      description: C(Active) when enforced (auth type V(AWS_IAM)), C(Inactive) otherwise.
      type: str
      sample: Active
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.auth_policy import AuthPolicyManager
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        AuthPolicyManager,
        dict(service=dict(type="str"), service_network=dict(type="str"), policy=dict(type="json")),
        taggable=False,
        waitable=False,
        mutually_exclusive=[["service", "service_network"]],
        required_one_of=[["service", "service_network"]],
        required_if=[("state", "present", ["policy"])],
    )


if __name__ == "__main__":
    main()
