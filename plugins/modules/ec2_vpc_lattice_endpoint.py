#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ec2_vpc_lattice_endpoint
short_description: Manage VPC endpoints to VPC Lattice service networks and resource configurations
version_added: 0.2.0
description:
  - Create, update and delete VPC endpoints of type C(ServiceNetwork) (a VPC reaches a service network, its
    services and its resources, in addition to or instead of the VPC's single service network VPC association)
    and of type C(Resource) (a VPC reaches one resource configuration).
  - M(amazon.aws.ec2_vpc_endpoint) cannot create these two types.
  - An endpoint is identified by O(id) or, without it, by O(vpc_id) and the ARN it reaches
    (O(service_network) or O(resource_configuration)).
  - Subnets, security groups, the IP address type, private DNS and the DNS options are updated in place
    (ModifyVpcEndpoint). What an endpoint reaches and its VPC cannot change.
  - The service network or resource configuration must be the account's own or shared with it through AWS RAM.
options:
  id:
    description:
      - ID of an existing endpoint (C(vpce-...)).
    type: str
  vpc_id:
    description:
      - VPC of the endpoint. Required unless O(id) is given.
    type: str
  service_network:
    description:
      - ARN of the service network an endpoint of type C(ServiceNetwork) reaches.
      - Mutually exclusive with O(resource_configuration).
    type: str
  resource_configuration:
    description:
      - ARN of the resource configuration an endpoint of type C(Resource) reaches.
    type: str
  subnet_ids:
    description:
      - Subnets of the endpoint's network interfaces, at most one per Availability Zone. Required to create.
      - A service-network endpoint takes a block of 16 contiguous free IPv4 addresses (a /28) per subnet for
        the services; AWS fails the endpoint (state C(failed)) in a subnet without room for one.
    type: list
    elements: str
  security_group_ids:
    description:
      - Security groups of the endpoint's network interfaces; they must let the clients in. When unset on
        creation AWS uses the VPC's default security group; when unset on an existing endpoint they are not touched.
    type: list
    elements: str
  ip_address_type:
    description:
      - IP address type of the endpoint. AWS defaults to V(ipv4); V(dualstack) and V(ipv6) need subnets with
        IPv6 ranges.
    type: str
    choices: [ipv4, dualstack, ipv6]
  private_dns_enabled:
    description:
      - Whether VPC Lattice provisions private hosted zones in the VPC for the custom domain names of what
        the endpoint reaches (see O(dns_options)). AWS defaults to V(false) for these endpoint types.
    type: bool
  dns_options:
    description:
      - DNS options of the endpoint. Unset suboptions are not touched.
    type: dict
    suboptions:
      dns_record_ip_type:
        description:
          - The DNS records AWS creates; must suit O(ip_address_type) (V(ipv4) for an V(ipv4) endpoint).
        type: str
        choices: [ipv4, dualstack, ipv6]
      private_dns_preference:
        description:
          - For which custom domain names VPC Lattice creates private hosted zones; needs O(private_dns_enabled=true).
          - Needs botocore 1.43.74 or newer.
        type: str
        choices: [VERIFIED_DOMAINS_ONLY, ALL_DOMAINS, VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS, SPECIFIED_DOMAINS_ONLY]
      private_dns_specified_domains:
        description:
          - The domain names (wildcards allowed), with the two C(*SPECIFIED_DOMAINS*) preferences only; at most 10.
          - Needs botocore 1.43.74 or newer.
        type: list
        elements: str
  wait:
    description:
      - Wait until the endpoint is C(available) after a change, or deleted after a delete. An endpoint that
        ends C(failed) fails the task with the reason AWS gives.
    type: bool
    default: true
notes:
  - The DNS names under which the endpoint reaches each service and resource are listed by
    M(lattice.multi_account.ec2_vpc_lattice_endpoint_info) (C(associations)).
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
  - lattice.multi_account.ec2_endpoint
"""

EXAMPLES = r"""
- name: Reach a service network shared with this account from the consumer VPC
  lattice.multi_account.ec2_vpc_lattice_endpoint:
    vpc_id: "{{ vpc.vpc.id }}"
    service_network: arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0
    subnet_ids:
      - "{{ subnet_a.subnet.id }}"
      - "{{ subnet_b.subnet.id }}"
    security_group_ids:
      - "{{ endpoint_sg.group_id }}"
    tags:
      Name: consumer-to-partners
  register: endpoint

- name: Reach one resource configuration
  lattice.multi_account.ec2_vpc_lattice_endpoint:
    vpc_id: "{{ vpc.vpc.id }}"
    resource_configuration: arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0
    subnet_ids:
      - "{{ subnet_a.subnet.id }}"
    ip_address_type: ipv4

- name: Delete the first one
  lattice.multi_account.ec2_vpc_lattice_endpoint:
    id: "{{ endpoint.vpc_endpoint.vpc_endpoint_id }}"
    state: absent
"""

RETURN = r"""
vpc_endpoint:
  description: The endpoint; empty after a delete.
  returned: always
  type: dict
  contains:
    vpc_endpoint_id:
      description: ID of the endpoint (null in check mode before it exists).
      type: str
      sample: vpce-0123456789abcdef0
    vpc_endpoint_type:
      description: C(ServiceNetwork) or C(Resource).
      type: str
      sample: ServiceNetwork
    vpc_id:
      description: VPC of the endpoint.
      type: str
      sample: vpc-0123456789abcdef0
    state:
      description: C(pending), C(available), C(deleting), C(failed), ...
      type: str
      sample: available
    failure_reason:
      description: Why the endpoint failed, when it did.
      type: str
      returned: when AWS gives one
    service_network_arn:
      description: The service network a C(ServiceNetwork) endpoint reaches.
      type: str
      returned: for a ServiceNetwork endpoint
      sample: arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0
    resource_configuration_arn:
      description: The resource configuration a C(Resource) endpoint reaches.
      type: str
      returned: for a Resource endpoint
    subnet_ids:
      description: Subnets, sorted.
      type: list
      elements: str
      sample: ["subnet-0123456789abcdef0"]
    security_group_ids:
      description: Security groups, sorted.
      type: list
      elements: str
      sample: ["sg-0123456789abcdef0"]
    network_interface_ids:
      description: Network interfaces of the endpoint, one per subnet.
      type: list
      elements: str
    ip_address_type:
      description: IP address type.
      type: str
      sample: ipv4
    private_dns_enabled:
      description: Whether private DNS is enabled.
      type: bool
      sample: false
    dns_options:
      description: DNS options (C(dns_record_ip_type), C(private_dns_preference), C(private_dns_specified_domains)).
      type: dict
      sample: {"dns_record_ip_type": "ipv4"}
    owner_id:
      description: Account that owns the endpoint.
      type: str
      sample: "222222222222"
    creation_timestamp:
      description: Creation time.
      type: str
    tags:
      description: Tags of the endpoint.
      type: dict
      sample: {"Name": "consumer-to-partners"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import LatticeEndpointManager


def main():
    run_module(
        LatticeEndpointManager,
        dict(
            id=dict(type="str"),
            vpc_id=dict(type="str"),
            service_network=dict(type="str"),
            resource_configuration=dict(type="str"),
            subnet_ids=dict(type="list", elements="str"),
            security_group_ids=dict(type="list", elements="str"),
            ip_address_type=dict(type="str", choices=["ipv4", "dualstack", "ipv6"]),
            private_dns_enabled=dict(type="bool"),
            dns_options=dict(
                type="dict",
                options=dict(
                    dns_record_ip_type=dict(type="str", choices=["ipv4", "dualstack", "ipv6"]),
                    private_dns_preference=dict(
                        type="str",
                        choices=[
                            "VERIFIED_DOMAINS_ONLY", "ALL_DOMAINS", "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
                            "SPECIFIED_DOMAINS_ONLY",
                        ],
                    ),
                    private_dns_specified_domains=dict(type="list", elements="str"),
                ),
            ),
        ),
        mutually_exclusive=[("service_network", "resource_configuration")],
    )


if __name__ == "__main__":
    main()
