#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_resource_configuration
short_description: Manage Amazon VPC Lattice resource configurations
version_added: 0.2.0
description:
  - Create, update and delete a VPC Lattice resource configuration, a VPC resource (an IP address, a domain name,
    an AWS resource by ARN, CIDR ranges) or a group of them, reached through a resource gateway and shared with
    other accounts through AWS RAM (M(lattice.multi_account.ram_resource_share)).
  - The port ranges, the definition and O(allow_association_to_shareable_service_network) are updated in place;
    a different type, protocol, gateway, group or domain fails unless O(replace=true).
  - Which options each O(type) takes (VPC Lattice API reference, CreateResourceConfiguration) -
    V(SINGLE) O(resource_gateway), O(definition) (IP or DNS), O(port_ranges), O(protocol), O(custom_domain_name);
    V(GROUP) O(resource_gateway), O(port_ranges), O(protocol), O(group_domain) and no definition;
    V(CHILD) O(resource_configuration_group), O(definition) (IP or DNS), O(port_ranges), O(custom_domain_name)
    (a subdomain of the group's domain); V(ARN) O(resource_gateway) and an ARN definition; V(CIDR)
    O(resource_gateway), a CIDR definition, O(port_ranges) and O(protocol) V(TCP) or V(TCP_UDP).
options:
  name:
    description:
      - Name of the resource configuration, unique in the account (3-40 lowercase letters, digits and hyphens, not
        starting with C(rcfg-)), or its ID or ARN.
    type: str
    required: true
  type:
    description:
      - Type of the resource configuration. V(CIDR) needs botocore 1.43.97 or newer.
    type: str
    choices: [SINGLE, GROUP, CHILD, ARN, CIDR]
    default: SINGLE
  resource_gateway:
    description:
      - The resource gateway (name, ID or ARN) the resource is reached through. Not for V(CHILD), which uses its
        group's.
    type: str
  resource_configuration_group:
    description:
      - The V(GROUP) resource configuration (name, ID or ARN) a V(CHILD) belongs to.
    type: str
  port_ranges:
    description:
      - TCP port ranges consumers may use, each a port (V(5432)) or a range (V(1-65535)). Updated in place.
    type: list
    elements: str
  protocol:
    description:
      - Protocol of the resource; V(TCP_UDP) only for V(CIDR) (botocore 1.43.97 or newer). AWS uses V(TCP) when unset.
    type: str
    choices: [TCP, TCP_UDP]
  definition:
    description:
      - The resource, exactly one of the suboptions. Updated in place.
    type: dict
    suboptions:
      ip_resource:
        description: An IP address in the VPC of the resource gateway.
        type: dict
        suboptions:
          ip_address:
            description: The IPv4 or IPv6 address.
            type: str
            required: true
      dns_resource:
        description: A domain name.
        type: dict
        suboptions:
          domain_name:
            description: The domain name.
            type: str
            required: true
          ip_address_type:
            description: The IP address type the name resolves to.
            type: str
            required: true
            choices: [IPV4, IPV6, DUALSTACK]
      arn_resource:
        description: An AWS resource (such as an Amazon RDS database) by ARN.
        type: dict
        suboptions:
          arn:
            description: The ARN.
            type: str
            required: true
      cidr_resource:
        description: CIDR ranges (V(CIDR) type).
        type: dict
        suboptions:
          cidr_ranges:
            description: 1 to 10 CIDR ranges in the VPC of the resource gateway.
            type: list
            elements: str
            required: true
  allow_association_to_shareable_service_network:
    description:
      - Whether the resource configuration may be associated with service networks shared with other accounts.
        AWS uses V(false) when unset. Updated in place.
    type: bool
  custom_domain_name:
    description:
      - Custom domain name consumers reach the resource by (with private DNS on their association).
      - Needs botocore 1.40.69 or newer, as O(group_domain) and O(domain_verification) do.
    type: str
  group_domain:
    description:
      - Domain of a V(GROUP); its children's custom domain names are subdomains of it.
    type: str
  domain_verification:
    description:
      - ID or ARN of the VPC Lattice domain verification that proves the ownership of the domain, of this account
        and of O(custom_domain_name) or O(group_domain) or a parent domain of it (see
        M(lattice.multi_account.vpc_lattice_domain_verification)). Without it consumers whose private DNS
        preference is C(VERIFIED_DOMAINS_ONLY) do not resolve the custom domain.
    type: str
  replace:
    description:
      - Delete and recreate the resource configuration when an option AWS cannot update differs.
      - AWS refuses to delete it while it is associated with a service network or has children.
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
- name: A PostgreSQL database of the provider VPC, by IP address
  lattice.multi_account.vpc_lattice_resource_configuration:
    name: orders-db
    resource_gateway: provider-resources
    port_ranges: ["5432"]
    protocol: TCP
    definition:
      ip_resource:
        ip_address: 10.0.1.25

- name: A group of resources under one domain, and one of its children
  lattice.multi_account.vpc_lattice_resource_configuration:
    name: "{{ item.name }}"
    type: "{{ item.type }}"
    resource_gateway: "{{ item.gateway | default(omit) }}"
    resource_configuration_group: "{{ item.group | default(omit) }}"
    port_ranges: ["443"]
    group_domain: "{{ item.domain | default(omit) }}"
    definition: "{{ item.definition | default(omit) }}"
  loop:
    - {name: internal-apis, type: GROUP, gateway: provider-resources, domain: apis.example.com}
    - {name: billing-api, type: CHILD, group: internal-apis,
       definition: {dns_resource: {domain_name: billing.internal, ip_address_type: IPV4}}}
"""

RETURN = r"""
resource_configuration:
  description: The resource configuration; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the resource configuration.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0
    id:
      description: ID of the resource configuration.
      type: str
      sample: rcfg-0123456789abcdef0
    name:
      description: Name of the resource configuration.
      type: str
      sample: orders-db
    type:
      description: Type.
      type: str
      sample: SINGLE
    status:
      description: C(CREATE_IN_PROGRESS), C(ACTIVE), C(UPDATE_IN_PROGRESS), C(DELETE_IN_PROGRESS) or a C(*_FAILED) status.
      type: str
      sample: ACTIVE
    resource_gateway_id:
      description: ID of the resource gateway.
      type: str
      sample: rgw-0123456789abcdef0
    resource_configuration_group_id:
      description: ID of the group of a V(CHILD).
      type: str
      sample: rcfg-0fedcba9876543210
    port_ranges:
      description: Port ranges.
      type: list
      elements: str
      sample: ["5432"]
    protocol:
      description: Protocol.
      type: str
      sample: TCP
    resource_configuration_definition:
      description: The resource (C(ip_resource), C(dns_resource), C(arn_resource) or C(cidr_resource)).
      type: dict
      sample: {"ip_resource": {"ip_address": "10.0.1.25"}}
    allow_association_to_shareable_service_network:
      description: Whether it may be associated with shared service networks.
      type: bool
      sample: false
    custom_domain_name:
      description: Custom domain name, when set.
      type: str
      sample: db.example.com
    tags:
      description: Tags; missing for a resource configuration another account shares (they cannot be read).
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.resource_configuration import (
    ResourceConfigurationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        ResourceConfigurationManager,
        dict(
            name=dict(type="str", required=True),
            type=dict(type="str", choices=["SINGLE", "GROUP", "CHILD", "ARN", "CIDR"], default="SINGLE"),
            resource_gateway=dict(type="str"),
            resource_configuration_group=dict(type="str"),
            port_ranges=dict(type="list", elements="str"),
            protocol=dict(type="str", choices=["TCP", "TCP_UDP"]),
            definition=dict(
                type="dict",
                options=dict(
                    ip_resource=dict(type="dict", options=dict(ip_address=dict(type="str", required=True))),
                    dns_resource=dict(
                        type="dict",
                        options=dict(
                            domain_name=dict(type="str", required=True),
                            ip_address_type=dict(type="str", required=True, choices=["IPV4", "IPV6", "DUALSTACK"]),
                        ),
                    ),
                    arn_resource=dict(type="dict", options=dict(arn=dict(type="str", required=True))),
                    cidr_resource=dict(
                        type="dict", options=dict(cidr_ranges=dict(type="list", elements="str", required=True))
                    ),
                ),
                mutually_exclusive=[["ip_resource", "dns_resource", "arn_resource", "cidr_resource"]],
            ),
            allow_association_to_shareable_service_network=dict(type="bool"),
            custom_domain_name=dict(type="str"),
            group_domain=dict(type="str"),
            domain_verification=dict(type="str"),
            replace=dict(type="bool", default=False),
        ),
        mutually_exclusive=[["resource_gateway", "resource_configuration_group"]],
    )


if __name__ == "__main__":
    main()
