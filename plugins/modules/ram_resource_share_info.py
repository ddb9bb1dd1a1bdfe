#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ram_resource_share_info
short_description: List AWS RAM resource shares with their resources and principals
version_added: 0.1.0
description:
  - Lists the resource shares the account owns (O(resource_owner=SELF)) or that other accounts share with it
    (O(resource_owner=OTHER-ACCOUNTS)), each with its resources (ARN and type) and, for owned shares, its
    principals.
  - Shares shared with the account but not accepted yet (pending invitations) are not listed, as in AWS.
options:
  resource_owner:
    description:
      - V(SELF) for shares this account owns, V(OTHER-ACCOUNTS) for shares made to it.
    type: str
    choices: [SELF, OTHER-ACCOUNTS]
    default: SELF
  name:
    description:
      - Only shares with this name.
    type: str
  arn:
    description:
      - Only the share with this ARN.
    type: str
  status:
    description:
      - Only shares in this status. When unset, deleted and deleting shares (which AWS keeps listing for a while)
        are left out.
    type: str
    choices: [PENDING, ACTIVE, FAILED, DELETING, DELETED]
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Find the service the provider shared with this (consumer) account
  lattice.multi_account.ram_resource_share_info:
    resource_owner: OTHER-ACCOUNTS
    name: service-resource-share
  register: shared

- name: The shared service ARN
  ansible.builtin.set_fact:
    service_arn: >-
      {{ shared.resource_shares[0].resources | selectattr('type', 'equalto', 'vpc-lattice:Service')
         | map(attribute='arn') | first }}
"""

RETURN = r"""
resource_shares:
  description:
    - The matching shares, sorted by name, each as M(lattice.multi_account.ram_resource_share) returns it.
    - For O(resource_owner=OTHER-ACCOUNTS) there is no C(principals), and each resource's C(status) is its
      availability (V(AVAILABLE)) as ListResources reports it, not an association status.
  returned: always
  type: list
  elements: dict
  sample: [{"name": "service-resource-share", "status": "ACTIVE", "owning_account_id": "123456789012",
            "arn": "arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d-1111-2222-3333-444455556666",
            "resources": [{"arn": "arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0",
                           "type": "vpc-lattice:Service", "status": "AVAILABLE"}], "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.client import RAMClient
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import SHARE_ARN
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import describe_shares
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import find_shares


def list_shares(module):
    arn = module.params.get("arn")
    if arn is not None and not SHARE_ARN.fullmatch(arn):
        raise InvalidParameter("arn", f"{arn!r} is not a RAM resource share ARN")
    api = RAMClient(module)
    owner = module.params["resource_owner"]
    shares = find_shares(api, owner, name=module.params.get("name"), arn=arn, status=module.params.get("status"))
    return {"resource_shares": describe_shares(api, shares, owner)}


def main():
    run_info_module(
        dict(
            resource_owner=dict(type="str", choices=["SELF", "OTHER-ACCOUNTS"], default="SELF"),
            name=dict(type="str"),
            arn=dict(type="str"),
            status=dict(type="str", choices=["PENDING", "ACTIVE", "FAILED", "DELETING", "DELETED"]),
        ),
        list_shares,
    )


if __name__ == "__main__":
    main()
