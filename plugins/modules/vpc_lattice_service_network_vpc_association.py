#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_vpc_association
short_description: Associate a VPC with an Amazon VPC Lattice service network
version_added: 0.1.0
description:
  - Create, update and delete the association of a VPC with a VPC Lattice service network, so that clients in the
    VPC reach the services of the network.
  - A VPC can be associated with one service network only.
  - The security groups are updated in place.
options:
  service_network:
    description:
      - The service network, by name, ID or ARN.
    type: str
    required: true
  vpc_id:
    description:
      - ID of the VPC.
    type: str
    required: true
  security_group_ids:
    description:
      - IDs of up to 5 security groups that control which clients of the VPC may reach the service network.
      - Leave unset to leave them alone; V([]) removes them all.
    type: list
    elements: str
  private_dns_enabled:
    description:
      - Whether VPC Lattice manages private DNS (private hosted zones for the custom domain names of the resources
        of the service network) in the VPC. Updated in place.
      - Leave unset to leave it alone.
      - Needs botocore 1.43.75 or newer, as O(dns_options) does (the rest of the module works with older botocore).
    type: bool
    version_added: 0.2.0
  dns_options:
    description:
      - Which domains get private DNS; only with O(private_dns_enabled=true). Updated in place.
    type: dict
    version_added: 0.2.0
    suboptions:
      private_dns_preference:
        description:
          - V(ALL_DOMAINS), V(VERIFIED_DOMAINS_ONLY), or the verified ones and/or the domains in
            O(dns_options.private_dns_specified_domains).
        type: str
        choices: [VERIFIED_DOMAINS_ONLY, ALL_DOMAINS, VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS, SPECIFIED_DOMAINS_ONLY]
      private_dns_specified_domains:
        description:
          - 1 to 10 domain names; required with, and only taken with, O(dns_options.private_dns_preference)
            V(VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS) or V(SPECIFIED_DOMAINS_ONLY).
        type: list
        elements: str
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
- name: Associate the consumer VPC, allowing the Lattice security group
  lattice.multi_account.vpc_lattice_service_network_vpc_association:
    service_network: service-network
    vpc_id: vpc-0123456789abcdef0
    security_group_ids:
      - sg-0123456789abcdef0

- name: Let VPC Lattice manage private DNS for two domains only
  lattice.multi_account.vpc_lattice_service_network_vpc_association:
    service_network: service-network
    vpc_id: vpc-0123456789abcdef0
    private_dns_enabled: true
    dns_options:
      private_dns_preference: SPECIFIED_DOMAINS_ONLY
      private_dns_specified_domains: ["orders.example.com", "*.billing.example.com"]
"""

RETURN = r"""
service_network_vpc_association:
  description: The association; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the association.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetworkvpcassociation/snva-0123456789abcdef0
    id:
      description: ID of the association.
      type: str
      sample: snva-0123456789abcdef0
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(UPDATE_IN_PROGRESS), C(DELETE_IN_PROGRESS) or a C(*_FAILED) status.
      type: str
      sample: ACTIVE
    service_network_arn:
      description: ARN of the service network.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetwork/sn-0123456789abcdef0
    service_network_id:
      description: ID of the service network.
      type: str
      sample: sn-0123456789abcdef0
    service_network_name:
      description: Name of the service network.
      type: str
      sample: service-network
    vpc_id:
      description: ID of the VPC.
      type: str
      sample: vpc-0123456789abcdef0
    security_group_ids:
      description: IDs of the security groups.
      type: list
      elements: str
      sample: ["sg-0123456789abcdef0"]
    private_dns_enabled:
      description: Whether private DNS is enabled, when AWS says.
      type: bool
      sample: true
    dns_options:
      description: The DNS options, when set.
      type: dict
      contains:
        private_dns_preference:
          description: Which domains get private DNS.
          type: str
          sample: SPECIFIED_DOMAINS_ONLY
        private_dns_specified_domains:
          description: The domains named by the consumer.
          type: list
          elements: str
          sample: ["*.example.com"]
    created_by:
      description: Account that created the association.
      type: str
      sample: "123456789012"
    tags:
      description: Tags of the association.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_vpc_association import (
    VpcAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        VpcAssociationManager,
        dict(
            service_network=dict(type="str", required=True),
            vpc_id=dict(type="str", required=True),
            security_group_ids=dict(type="list", elements="str"),
            private_dns_enabled=dict(type="bool"),
            dns_options=dict(
                type="dict",
                options=dict(
                    private_dns_preference=dict(
                        type="str",
                        choices=[
                            "VERIFIED_DOMAINS_ONLY",
                            "ALL_DOMAINS",
                            "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
                            "SPECIFIED_DOMAINS_ONLY",
                        ],
                    ),
                    private_dns_specified_domains=dict(type="list", elements="str"),
                ),
            ),
        ),
    )


if __name__ == "__main__":
    main()
