#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ec2_instance_connect_endpoint
short_description: Manage EC2 Instance Connect endpoints
version_added: 0.1.0
description:
  - Create, update and delete EC2 Instance Connect endpoints, which let clients reach instances in private
    subnets over SSH or RDP without public IP addresses.
  - An endpoint is identified by O(id) or, without it, by its subnet (AWS allows one endpoint per subnet).
  - Security groups and client IP preservation are updated in place (ModifyInstanceConnectEndpoint); the
    subnet of an existing endpoint cannot change.
options:
  id:
    description:
      - ID of an existing endpoint (C(eice-...)).
      - Leave it unset to find the endpoint by O(subnet_id), or to create one.
    type: str
  subnet_id:
    description:
      - Subnet of the endpoint. Required to create one.
    type: str
  security_group_ids:
    description:
      - Security groups of the endpoint (IDs, of the subnet's VPC). When unset on creation AWS uses the VPC's
        default security group; when unset on an existing endpoint they are not touched.
    type: list
    elements: str
  preserve_client_ip:
    description:
      - Whether instances see the client's IP address as source (V(true)) or the endpoint's network interface
        address (V(false)).
      - AWS supports it only on an V(ipv4) endpoint; with O(ip_address_type) unset the module then asks for
        V(ipv4), since in a dual-stack subnet AWS would default to V(dualstack).
    type: bool
    default: false
  ip_address_type:
    description:
      - The IP address type of the endpoint. When unset AWS chooses from the subnet (V(dualstack) in a dual-stack
        subnet), unless O(preserve_client_ip=true), which needs V(ipv4).
      - Can be changed on an existing endpoint.
    type: str
    choices: [ipv4, dualstack, ipv6]
    version_added: 0.2.0
  wait:
    description:
      - Wait until the endpoint is C(create-complete) (or C(update-complete)) after a change, or deleted after
        a delete. An endpoint that ends C(*-failed) fails the task with the reason AWS gives.
    type: bool
    default: true
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
- name: Reach the consumer's instances through an Instance Connect endpoint
  lattice.multi_account.ec2_instance_connect_endpoint:
    subnet_id: "{{ endpoints_subnet_a.subnet.id }}"
    security_group_ids:
      - "{{ endpoint_sg.group_id }}"
    preserve_client_ip: false
    tags:
      Name: consumer-eice
  register: eice

- name: Delete it
  lattice.multi_account.ec2_instance_connect_endpoint:
    id: "{{ eice.instance_connect_endpoint.instance_connect_endpoint_id }}"
    state: absent
"""

RETURN = r"""
instance_connect_endpoint:
  description: The endpoint; empty after a delete.
  returned: always
  type: dict
  contains:
    instance_connect_endpoint_id:
      description: ID of the endpoint (null in check mode before it exists).
      type: str
      sample: eice-0123456789abcdef0
    instance_connect_endpoint_arn:
      description: ARN of the endpoint.
      type: str
      sample: arn:aws:ec2:eu-west-1:123456789012:instance-connect-endpoint/eice-0123456789abcdef0
    state:
      description: C(create-in-progress), C(create-complete), C(update-complete), C(delete-in-progress), ...
      type: str
      sample: create-complete
    state_message:
      description: Reason for the state, when AWS gives one.
      type: str
      returned: when AWS gives one
    subnet_id:
      description: Subnet of the endpoint.
      type: str
      sample: subnet-0123456789abcdef0
    vpc_id:
      description: VPC of the endpoint.
      type: str
      sample: vpc-0123456789abcdef0
    availability_zone:
      description: Availability zone of the subnet.
      type: str
      sample: eu-west-1a
    security_group_ids:
      description: Security groups, sorted.
      type: list
      elements: str
      sample: ["sg-0123456789abcdef0"]
    preserve_client_ip:
      description: Whether the client IP address is preserved.
      type: bool
      sample: false
    ip_address_type:
      description: IP address type of the endpoint.
      type: str
      sample: ipv4
    dns_name:
      description: DNS name of the endpoint.
      type: str
      sample: eice-0123456789abcdef0.1a2b3c4d.ec2-instance-connect-endpoint.eu-west-1.amazonaws.com
    network_interface_ids:
      description: Network interfaces of the endpoint.
      type: list
      elements: str
      sample: ["eni-0123456789abcdef0"]
    owner_id:
      description: Account that owns the endpoint.
      type: str
      sample: "123456789012"
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the endpoint.
      type: dict
      sample: {"Name": "consumer-eice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.instance_connect_endpoint import EndpointManager


def main():
    run_module(
        EndpointManager,
        dict(
            id=dict(type="str"),
            subnet_id=dict(type="str"),
            security_group_ids=dict(type="list", elements="str"),
            preserve_client_ip=dict(type="bool", default=False),
            ip_address_type=dict(type="str", choices=["ipv4", "dualstack", "ipv6"]),
        ),
    )


if __name__ == "__main__":
    main()
