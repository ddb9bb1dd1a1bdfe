#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: vpc_lattice_domain_verification_info
short_description: List Amazon VPC Lattice domain verifications
version_added: 0.2.0
description:
  - List the VPC Lattice domain verifications of the account, or describe one, with the TXT record each needs.
  - Needs botocore 1.40.69 or newer.
options:
  domain_name:
    description:
      - Return only the verifications of this domain.
    type: str
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - lattice.multi_account.vpc_lattice_info
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Is the provider's domain verified?
  lattice.multi_account.vpc_lattice_domain_verification_info:
    domain_name: orders.example.com
  register: found
"""

RETURN = r"""
domain_verifications:
  description: The verifications, as M(lattice.multi_account.vpc_lattice_domain_verification) returns them.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "dv-0123456789abcdef0", "domain_name": "orders.example.com", "status": "VERIFIED", "tags": {}}]
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import ID_OPTION
from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_info_module
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.domain_verification import (
    DomainVerificationManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.domain_verification import (
    require_botocore,
)


def collect(module):
    require_botocore(module)
    manager = DomainVerificationManager(module)
    keep = manager.same_domain if module.params.get("domain_name") else None
    return {"domain_verifications": manager.collect(keep=keep)}


def main():
    run_info_module(dict(ID_OPTION, domain_name=dict(type="str")), collect)


if __name__ == "__main__":
    main()
