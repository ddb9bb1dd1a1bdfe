#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ram_resource_share_invitation
short_description: Accept or reject an AWS RAM resource share invitation
version_added: 0.1.0
description:
  - Accepts (or rejects) the invitation an account outside the owner's AWS Organization receives when a
    resource share names it as a principal. Until it accepts, the account sees nothing of the share.
  - The invitation is found by share name, share ARN and/or sender account (all given ones must match).
  - RAM is eventually consistent, so with O(wait=true) the module waits for a fresh invitation to appear,
    then for the invitation to be C(ACCEPTED) and the share to be usable.
  - An invitation already in the requested state is not a change.
  - Accounts inside an AWS Organization with RAM sharing enabled receive organization shares without any
    invitation. When the share is already visible to the account, the module says so in a warning and
    reports no change instead of failing (for O(state=rejected) it fails, since there is nothing to reject).
options:
  share_name:
    description:
      - Name of the resource share.
    type: str
  share_arn:
    description:
      - ARN of the resource share.
    type: str
  sender_account_id:
    description:
      - ID of the account that owns the share.
    type: str
  state:
    description:
      - V(accepted) accepts the invitation; V(rejected) rejects it.
    type: str
    choices: [accepted, rejected]
    default: accepted
  wait:
    description:
      - Wait up to O(wait_timeout) seconds for the invitation to appear, and after answering for the answer to
        take effect.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true).
    type: int
    default: 600
notes:
  - Check mode makes no change and returns the invitation as it would be.
  - Diff mode returns the invitation before and after under C(diff).
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Accept the provider's share from an account outside the organization
  lattice.multi_account.ram_resource_share_invitation:
    share_name: partner-share
    sender_account_id: "123456789012"
  register: invitation

- name: Reject an unwanted share
  lattice.multi_account.ram_resource_share_invitation:
    share_arn: arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d-1111-2222-3333-444455556666
    state: rejected
"""

RETURN = r"""
invitation:
  description: The invitation; empty when the share reached the account without one.
  returned: always
  type: dict
  contains:
    resource_share_invitation_arn:
      description: ARN of the invitation.
      type: str
      sample: arn:aws:ram:eu-west-1:123456789012:resource-share-invitation/0a1b2c3d-1111-2222-3333-444455556666
    resource_share_name:
      description: Name of the share.
      type: str
      sample: partner-share
    resource_share_arn:
      description: ARN of the share.
      type: str
      sample: arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d-1111-2222-3333-444455556666
    sender_account_id:
      description: Account that owns the share.
      type: str
      sample: "123456789012"
    receiver_account_id:
      description: Account invited.
      type: str
      sample: "210987654321"
    invitation_timestamp:
      description: When the invitation was sent.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    status:
      description: V(PENDING), V(ACCEPTED), V(REJECTED) or V(EXPIRED).
      type: str
      sample: ACCEPTED
resource_share_arn:
  description: ARN of the share that reached the account without an invitation.
  returned: when the share is visible without an invitation
  type: str
  sample: arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d-1111-2222-3333-444455556666
"""

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import exit_with
from ansible_collections.lattice.multi_account.plugins.module_utils._core.waiting import DEFAULT_WAIT_TIMEOUT
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share_invitation import InvitationAnswer


def main():
    module = AnsibleAWSModule(
        argument_spec=dict(
            share_name=dict(type="str"),
            share_arn=dict(type="str"),
            sender_account_id=dict(type="str"),
            state=dict(type="str", choices=["accepted", "rejected"], default="accepted"),
            wait=dict(type="bool", default=True),
            wait_timeout=dict(type="int", default=DEFAULT_WAIT_TIMEOUT),
        ),
        required_one_of=[["share_name", "share_arn", "sender_account_id"]],
        supports_check_mode=True,
    )
    exit_with(module, InvitationAnswer(module).run)


if __name__ == "__main__":
    main()
