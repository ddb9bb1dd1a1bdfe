#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_access_log_subscription
short_description: Send the access logs of an Amazon VPC Lattice service or service network somewhere
version_added: 0.1.0
description:
  - Create, update and delete access log subscriptions of a VPC Lattice service or service network.
  - AWS allows one subscription per kind of destination (CloudWatch Logs log group, S3 bucket, Firehose delivery
    stream); the existing subscription of the same kind is updated to the new destination.
options:
  service:
    description:
      - The service, by name, ID or ARN. Exactly one of O(service) and O(service_network).
    type: str
  service_network:
    description:
      - The service network, by name, ID or ARN. Exactly one of O(service) and O(service_network).
    type: str
  destination_arn:
    description:
      - ARN of the CloudWatch Logs log group, S3 bucket or Firehose delivery stream.
    type: str
    required: true
  service_network_log_type:
    description:
      - For a service network, which traffic the subscription logs, V(SERVICE) (requests to its services) or
        V(RESOURCE) (connections to its resource configurations). AWS uses V(SERVICE) when unset.
      - A service network may have one subscription per destination type and log type; this option tells
        them apart. Set on creation only (AWS cannot change it in place).
    type: str
    choices: [SERVICE, RESOURCE]
    version_added: 0.2.0
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
- name: Log the service's requests to CloudWatch Logs
  lattice.multi_account.vpc_lattice_access_log_subscription:
    service: service-lattice
    destination_arn: arn:aws:logs:eu-west-1:123456789012:log-group:/lattice/service-lattice
"""

RETURN = r"""
access_log_subscription:
  description: The subscription; C(null) after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the subscription.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:accesslogsubscription/als-0123456789abcdef0
    id:
      description: ID of the subscription.
      type: str
      sample: als-0123456789abcdef0
    resource_arn:
      description: ARN of the service or service network.
      type: str
      sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0
    resource_id:
      description: ID of the service or service network.
      type: str
      sample: svc-0123456789abcdef0
    destination_arn:
      description: ARN of the destination.
      type: str
      sample: arn:aws:logs:eu-west-1:123456789012:log-group:/lattice/service-lattice
    service_network_log_type:
      description: For a service network, C(SERVICE) or C(RESOURCE).
      type: str
      returned: for a service network's subscription
      sample: SERVICE
    created_at:
      description: Creation time.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_at:
      description: Time of the last update.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    tags:
      description: Tags of the subscription.
      type: dict
      sample: {}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.access_log_subscription import (
    AccessLogSubscriptionManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module


def main():
    run_module(
        AccessLogSubscriptionManager,
        dict(
            service=dict(type="str"),
            service_network=dict(type="str"),
            destination_arn=dict(type="str", required=True),
            service_network_log_type=dict(type="str", choices=["SERVICE", "RESOURCE"]),
        ),
        waitable=False,
        mutually_exclusive=[["service", "service_network"]],
        required_one_of=[["service", "service_network"]],
    )


if __name__ == "__main__":
    main()
