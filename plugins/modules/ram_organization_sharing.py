#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ram_organization_sharing
short_description: Enable AWS RAM sharing with AWS Organizations
version_added: 0.1.0
description:
  - Enables sharing with AWS Organizations (RAM EnableSharingWithAwsOrganization), so that resource shares
    can name the organization or an OU as principal and member accounts receive them without invitations.
  - Run it with the credentials of the organization's management account.
  - The current state is read from the organization's trusted services (C(ram.amazonaws.com) in
    organizations ListAWSServiceAccessForOrganization); already enabled is not a change.
options:
  state:
    description:
      - V(enabled) is the only state; RAM has no API to disable the sharing again.
    type: str
    choices: [enabled]
    default: enabled
notes:
  - Check mode makes no change and returns the predicted result.
  - Diff mode returns the state before and after under C(diff).
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Let RAM share with the organization (management account)
  lattice.multi_account.ram_organization_sharing:
    profile: management
"""

RETURN = r"""
organization_sharing:
  description: Whether RAM sharing with AWS Organizations is enabled.
  returned: always
  type: dict
  contains:
    enabled:
      description: V(true) once enabled.
      type: bool
      sample: true
"""

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import exit_with
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.organization_sharing import ensure_enabled


def main():
    module = AnsibleAWSModule(
        argument_spec=dict(state=dict(type="str", choices=["enabled"], default="enabled")),
        supports_check_mode=True,
    )
    exit_with(module, lambda: ensure_enabled(module, module.check_mode))


if __name__ == "__main__":
    main()
