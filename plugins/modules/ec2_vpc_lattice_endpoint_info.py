#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ec2_vpc_lattice_endpoint_info
short_description: List VPC endpoints to VPC Lattice service networks and resource configurations
version_added: 0.2.0
description:
  - Lists VPC endpoints of type C(ServiceNetwork) and C(Resource) by ID and/or filters, in the shape
    M(lattice.multi_account.ec2_vpc_lattice_endpoint) returns, each with what it reaches and under which DNS
    names (DescribeVpcEndpointAssociations).
  - Through a C(ServiceNetwork) endpoint a service answers to a DNS name of the endpoint
    (C(<endpoint ID>-<service association ID>.<...>.vpc-lattice-svcs.<region>.on.aws)), not to its own
    generated name; C(associations[].dns_entry.dns_name) holds it.
options:
  ids:
    description:
      - Only these endpoints (C(vpce-...)).
    type: list
    elements: str
    aliases: [vpc_endpoint_ids]
  filters:
    description:
      - Filters as for the DescribeVpcEndpoints API, for example C(vpc-id), C(vpc-endpoint-state), C(tag:Name).
      - Endpoints of other types are left out whatever the filters say.
    type: dict
    default: {}
  service_network:
    description:
      - Only endpoints that reach this service network (ARN).
    type: str
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: The service-network endpoints of the consumer VPC and the names of the services behind them
  lattice.multi_account.ec2_vpc_lattice_endpoint_info:
    filters:
      vpc-id: "{{ vpc.vpc.id }}"
      vpc-endpoint-state: available
  register: endpoints

- name: Call each service through its endpoint name
  ansible.builtin.debug:
    msg: "{{ endpoints.vpc_endpoints | map(attribute='associations') | flatten
             | map(attribute='dns_entry.dns_name') | list }}"
"""

RETURN = r"""
vpc_endpoints:
  description:
    - The matching endpoints, each as M(lattice.multi_account.ec2_vpc_lattice_endpoint) returns it, plus
      C(associations).
    - AWS lists deleted endpoints for a while, with state C(deleted).
  returned: always
  type: list
  elements: dict
  contains:
    associations:
      description:
        - What an C(available) endpoint reaches, as DescribeVpcEndpointAssociations answers (empty otherwise).
      type: list
      elements: dict
      sample: [{"id": "vpce-rsc-asc-0123456789abcdef0", "vpc_endpoint_id": "vpce-0123456789abcdef0",
                "associated_resource_arn": "arn:aws:vpc-lattice:eu-west-1:111111111111:service/svc-0123456789abcdef0",
                "associated_resource_accessibility": "Accessible", "service_network_name": "partners",
                "dns_entry": {"dns_name": "vpce-0123456789abcdef0-snsa-0123456789abcdef0.7d67968.vpc-lattice-svcs.eu-west-1.on.aws",
                              "hosted_zone_id": "Z0123456789ABCDEFGHIJ"}}]
  sample: [{"vpc_endpoint_id": "vpce-0123456789abcdef0", "vpc_endpoint_type": "ServiceNetwork", "state": "available",
            "vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-0123456789abcdef0"],
            "security_group_ids": ["sg-0123456789abcdef0"], "ip_address_type": "ipv4", "private_dns_enabled": false,
            "service_network_arn": "arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0",
            "tags": {"Name": "consumer-to-partners"}, "associations": []}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.client import VpcEndpointClient
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import ENDPOINT_ID
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import TARGETS
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import describe_associations
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import describe_endpoints
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_vpc_endpoint.lattice_endpoint import normalize_endpoint

LATTICE_TYPES = [endpoint_type for endpoint_type, _member, _pattern in TARGETS.values()]


def list_endpoints(module):
    ids = module.params.get("ids") or []
    for index, endpoint_id in enumerate(ids):
        if not ENDPOINT_ID.fullmatch(endpoint_id):
            raise InvalidParameter(f"ids[{index}]", f"{endpoint_id!r} is not a VPC endpoint ID (vpce-...)")
    network = module.params.get("service_network")
    if network is not None and not TARGETS["service_network"][2].fullmatch(network):
        raise InvalidParameter("service_network", f"{network!r} is not a service network ARN")
    api = VpcEndpointClient(module)
    found = [
        endpoint
        for endpoint in describe_endpoints(api, ids=ids, filters=module.params.get("filters"))
        if endpoint.get("VpcEndpointType") in LATTICE_TYPES and network in (None, endpoint.get("ServiceNetworkArn"))
    ]
    return {
        "vpc_endpoints": [
            normalize_endpoint(e, describe_associations(api, e["VpcEndpointId"]) if e.get("State") == "available" else [])
            for e in found
        ]
    }


def main():
    run_info_module(
        dict(
            ids=dict(type="list", elements="str", aliases=["vpc_endpoint_ids"]),
            filters=dict(type="dict", default={}),
            service_network=dict(type="str"),
        ),
        list_endpoints,
    )


if __name__ == "__main__":
    main()
