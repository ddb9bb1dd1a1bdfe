#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_service_network_resource_association
short_description: Associate a resource configuration with an Amazon VPC Lattice service network
version_added: 0.2.0
description:
  - Create and delete the association of a VPC Lattice resource configuration (the account's own, or one another
    account shares through AWS RAM, by ARN) with a service network, so that the VPCs and endpoints of the network
    reach the resource.
  - Associating a V(GROUP) resource configuration brings its children along as associations Amazon manages.
  - Nothing can change in place; a different O(private_dns_enabled) fails unless O(replace=true).
options:
  service_network:
    description:
      - The service network, by name, ID or ARN.
    type: str
    required: true
  resource_configuration:
    description:
      - The resource configuration, by name, ID or ARN (the ARN for one shared by another account).
    type: str
    required: true
  private_dns_enabled:
    description:
      - Whether the VPCs of the network resolve the custom domain name of the resource configuration through
        private DNS. Needs botocore 1.40.69 or newer.
    type: bool
  replace:
    description:
      - Delete and recreate the association when O(private_dns_enabled) differs from the existing one.
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
- name: Reach the database the provider shares from the consumer's service network
  lattice.multi_account.vpc_lattice_service_network_resource_association:
    service_network: consumer-network
    resource_configuration: arn:aws:vpc-lattice:eu-west-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0
    private_dns_enabled: true
"""

RETURN = r"""
service_network_resource_association:
  description: The association; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the association.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:servicenetworkresourceassociation/snra-0123456789abcdef0
    id:
      description: ID of the association.
      type: str
      sample: snra-0123456789abcdef0
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(PARTIAL), C(DELETE_IN_PROGRESS) or a C(*_FAILED) status.
      type: str
      sample: ACTIVE
    service_network_id:
      description: ID of the service network.
      type: str
      sample: sn-0123456789abcdef0
    resource_configuration_id:
      description: ID of the resource configuration.
      type: str
      sample: rcfg-0123456789abcdef0
    resource_configuration_arn:
      description: ARN of the resource configuration.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0
    dns_entry:
      description: The DNS name clients of the network reach the resource by.
      type: dict
      sample: {"domain_name": "snra-0123456789abcdef0.rcfg-0123456789abcdef0.4232ccc.vpc-lattice-rsc.eu-west-1.on.aws"}
    private_dns_entry:
      description: The custom domain name, with private DNS.
      type: dict
      sample: {"domain_name": "db.example.com"}
    private_dns_enabled:
      description: Whether private DNS is enabled, when AWS says.
      type: bool
      sample: true
    is_managed_association:
      description: Whether Amazon manages the association (a child of a V(GROUP)).
      type: bool
      sample: false
    created_by:
      description: Account that created the association.
      type: str
      sample: "123456789012"
    tags:
      description: Tags of the association.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network_resource_association import (
    ResourceAssociationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ResourceAssociationManager,
        dict(
            service_network=dict(type="str", required=True),
            resource_configuration=dict(type="str", required=True),
            private_dns_enabled=dict(type="bool"),
            replace=dict(type="bool", default=False),
        ),
    )


if __name__ == "__main__":
    main()
