#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service
short_description: Manage Amazon VPC Lattice services
version_added: 0.1.0
description:
  - Create, update and delete VPC Lattice services.
  - Deleting a service also deletes its listeners and rules; AWS refuses it while the service is
    associated with a service network.
options:
  name:
    description:
      - Name of the service, unique in the account.
      - 3 to 40 lowercase letters, digits and hyphens, not starting with C(svc-) or a hyphen, not ending with a
        hyphen, no C(--).
    type: str
    required: true
  auth_type:
    description:
      - V(NONE) or V(AWS_IAM) (requests must be signed and allowed by the auth policy).
      - Defaults to V(NONE) when the service is created.
    type: str
    choices: [NONE, AWS_IAM]
  custom_domain_name:
    description:
      - A custom domain name for the service (3 to 255 characters). AWS cannot change it after creation, so a
        different value fails unless O(replace=true).
      - Clients resolve it only through DNS the consumer configures, for example a Route 53 private hosted zone
        with alias records to RV(service.dns_entry).
    type: str
  certificate_arn:
    description:
      - ARN of the ACM certificate for the custom domain name (HTTPS listeners).
    type: str
  idle_timeout_seconds:
    description:
      - Seconds a connection may stay idle before VPC Lattice closes it, 60 to 600.
      - AWS uses 60 when the service is created without it.
      - Needs botocore 1.43.37 or newer (the rest of the module works with older botocore).
    type: int
    version_added: 0.2.0
  replace:
    description:
      - Delete and recreate the service when O(custom_domain_name) differs from the existing one.
      - Deleting a service deletes its listeners and rules, and its ID, ARN and generated DNS name change; AWS
        refuses it while the service is associated with a service network (remove those associations first).
    type: bool
    default: false
    version_added: 0.2.0
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
- name: Create the provider's service
  lattice.multi_account.vpc_lattice_service:
    name: service-lattice
    auth_type: NONE
  register: service

- name: Show the DNS name clients use
  ansible.builtin.debug:
    msg: "{{ service.service.dns_entry.domain_name }}"

- name: A service under a custom domain, with its ACM certificate and a longer idle timeout
  lattice.multi_account.vpc_lattice_service:
    name: service-billing
    auth_type: AWS_IAM
    custom_domain_name: billing.example.internal
    certificate_arn: arn:aws:acm:eu-west-1:123456789012:certificate/abcd
    idle_timeout_seconds: 120

- name: Move it to another custom domain (AWS cannot change it in place; replace deletes and recreates it)
  lattice.multi_account.vpc_lattice_service:
    name: service-billing
    custom_domain_name: billing.example.com
    certificate_arn: arn:aws:acm:eu-west-1:123456789012:certificate/efgh
    replace: true

- name: Delete the service (after removing its service network associations)
  lattice.multi_account.vpc_lattice_service:
    name: service-lattice
    state: absent
"""

RETURN = r"""
service:
  description: The service; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the service.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0
    id:
      description: ID of the service.
      type: str
      sample: svc-0123456789abcdef0
    name:
      description: Name of the service.
      type: str
      sample: service-lattice
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(DELETE_IN_PROGRESS), C(CREATE_FAILED) or C(DELETE_FAILED).
      type: str
      sample: ACTIVE
    auth_type:
      description: Authentication type.
      type: str
      sample: NONE
    dns_entry:
      description: The DNS name AWS generated for the service.
      type: dict
      contains:
        domain_name:
          description: Domain name.
          type: str
          sample: svc-0123456789abcdef0.7d67968.vpc-lattice-svcs.eu-west-1.on.aws
        hosted_zone_id:
          description: ID of the hosted zone.
          type: str
          sample: Z0123456789ABCDEFGHIJ
    custom_domain_name:
      description: The custom domain name, when set.
      type: str
      sample: api.example.com
    certificate_arn:
      description: The certificate ARN, when set.
      type: str
      sample: arn:aws:acm:eu-west-1:123456789012:certificate/abcd
    idle_timeout_seconds:
      description: Idle timeout of the connections, in seconds.
      type: int
      sample: 60
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_at:
      description: Time of the last update.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the service.
      type: dict
      sample: {"Project": "lattice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service import ServiceManager


def main():
    run_module(
        ServiceManager,
        dict(
            name=dict(type="str", required=True),
            auth_type=dict(type="str", choices=["NONE", "AWS_IAM"]),
            custom_domain_name=dict(type="str"),
            certificate_arn=dict(type="str"),
            idle_timeout_seconds=dict(type="int"),
            replace=dict(type="bool", default=False),
        ),
    )


if __name__ == "__main__":
    main()
