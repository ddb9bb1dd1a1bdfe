#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_service_association
short_description: Associate a service with an Amazon VPC Lattice service network
version_added: 0.1.0
description:
  - Create and delete the association of a VPC Lattice service with a service network, so that clients of the
    network's VPCs reach the service.
  - The service may belong to another account. Give its ARN then; it must have been shared with this account through
    AWS RAM (see M(lattice.multi_account.ram_resource_share)).
options:
  service_network:
    description:
      - The service network, by name, ID or ARN.
    type: str
    required: true
  service:
    description:
      - The service, by name or ID (this account) or ARN (any account).
    type: str
    required: true
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
- name: Associate the provider's shared service with the consumer's network
  lattice.multi_account.vpc_lattice_service_network_service_association:
    service_network: service-network
    service: arn:aws:vpc-lattice:eu-west-1:111122223333:service/svc-0123456789abcdef0
  register: association

- name: Show the DNS name of the service in this network
  ansible.builtin.debug:
    msg: "{{ association.service_network_service_association.dns_entry.domain_name }}"
"""

RETURN = r"""
service_network_service_association:
  description: The association; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the association.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetworkserviceassociation/snsa-0123456789abcdef0
    id:
      description: ID of the association.
      type: str
      sample: snsa-0123456789abcdef0
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(DELETE_IN_PROGRESS) or a C(*_FAILED) status.
      type: str
      sample: ACTIVE
    service_arn:
      description: ARN of the service.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:111122223333:service/svc-0123456789abcdef0
    service_id:
      description: ID of the service.
      type: str
      sample: svc-0123456789abcdef0
    service_name:
      description: Name of the service.
      type: str
      sample: service-lattice
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
    dns_entry:
      description: The DNS name of the service for clients of this network.
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
      description: The service's custom domain name, when it has one.
      type: str
      sample: parking.example.com
    created_by:
      description: Account that created the association.
      type: str
      sample: "123456789012"
    tags:
      description: Tags of the association.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_service_association import (
    ServiceAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ServiceAssociationManager,
        dict(service_network=dict(type="str", required=True), service=dict(type="str", required=True)),
    )


if __name__ == "__main__":
    main()
