#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_domain_verification
short_description: Start, wait for and delete Amazon VPC Lattice domain verifications
version_added: 0.2.0
description:
  - Start the verification of a domain the account owns, so that its resource configurations can use the domain
    and its subdomains as custom domain names (with
    O(lattice.multi_account.vpc_lattice_resource_configuration#module:domain_verification)), and consumers whose
    private DNS preference is C(VERIFIED_DOMAINS_ONLY) resolve them.
  - The verification is found by its domain name; starting it again is not a change.
  - AWS marks it C(VERIFIED) once the TXT record it returns (RV(domain_verification.txt_record)) is in the domain's
    public DNS, for instance with M(amazon.aws.route53) in the domain's public hosted zone. Only its tags change
    in place.
  - Needs botocore 1.40.69 or newer.
options:
  domain_name:
    description:
      - The domain to verify (3-255 characters), such as V(example.com). Its subdomains are verified with it.
    type: str
    required: true
  wait:
    description:
      - Wait until the verification is C(VERIFIED), which needs its TXT record published first.
      - A verification that ends C(VERIFICATION_TIMED_OUT) fails the task; delete it and start a new one.
    type: bool
    default: false
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true).
    type: int
    default: 600
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Start the verification of the provider's domain
  lattice.multi_account.vpc_lattice_domain_verification:
    domain_name: orders.example.com
    tags:
      Project: lattice
  register: verification

- name: Publish the TXT record AWS looks for
  amazon.aws.route53:
    state: present
    zone: example.com
    record: "{{ verification.domain_verification.txt_record.name }}"
    type: TXT
    ttl: 300
    value: '"{{ verification.domain_verification.txt_record.value }}"'

- name: Wait until AWS has seen it
  lattice.multi_account.vpc_lattice_domain_verification:
    domain_name: orders.example.com
    wait: true
    wait_timeout: 1800

- name: Delete it (the resource configurations that name it first)
  lattice.multi_account.vpc_lattice_domain_verification:
    domain_name: orders.example.com
    state: absent
"""

RETURN = r"""
domain_verification:
  description: The domain verification; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the verification.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:domainverification/dv-0123456789abcdef0
    id:
      description: ID of the verification.
      type: str
      sample: dv-0123456789abcdef0
    domain_name:
      description: The domain being verified.
      type: str
      sample: orders.example.com
    status:
      description: C(PENDING), C(VERIFIED) or C(VERIFICATION_TIMED_OUT).
      type: str
      sample: PENDING
    txt_method_config:
      description: The TXT record as AWS gives it, its name relative to the domain.
      type: dict
      sample: {"name": "_0123456789abcd", "value": "vpc-lattice:0123456789ab"}
    txt_record:
      description: The TXT record to publish in the domain's public DNS; quote the value for Route 53.
      returned: when AWS has answered (not in check mode for a new verification)
      type: dict
      contains:
        name:
          description: Fully qualified name of the record.
          type: str
          sample: _0123456789abcd.orders.example.com
        type:
          description: Always C(TXT).
          type: str
          sample: TXT
        value:
          description: Value of the record.
          type: str
          sample: vpc-lattice:0123456789ab
    created_at:
      description: When the verification was started.
      type: str
      sample: "2026-01-01T00:00:00+00:00"
    last_verified_time:
      description: When AWS last found the record, once it has.
      type: str
      sample: "2026-01-01T00:05:00+00:00"
    tags:
      description: Tags of the verification.
      type: dict
      sample: {"Project": "lattice"}
"""

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import argument_spec
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import exit_with
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.domain_verification import (
    DomainVerificationManager,
)


def main():
    module = AnsibleAWSModule(
        argument_spec=argument_spec(
            domain_name=dict(type="str", required=True),
            # PENDING lasts until someone publishes the TXT record: not waited for unless asked.
            wait=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    manager = DomainVerificationManager(module)
    exit_with(module, lambda: manager.converge(module.check_mode))


if __name__ == "__main__":
    main()
