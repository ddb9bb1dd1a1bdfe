#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
module: ram_resource_share
short_description: Manage AWS RAM resource shares
version_added: 0.1.0
description:
  - Create, update and delete AWS Resource Access Manager (RAM) resource shares, identified by name.
  - Updates add and remove only the resources and principals that differ (AssociateResourceShare and
    DisassociateResourceShare); the share is never deleted and recreated, so principals keep access to
    what stays shared.
  - Waits until every resource and principal association is C(ASSOCIATED). A principal outside the
    AWS Organization stays C(ASSOCIATING) until it accepts the invitation (see
    M(lattice.multi_account.ram_resource_share_invitation)); the module reports it with a warning
    instead of waiting for it.
options:
  name:
    description:
      - Name of the resource share. RAM allows several shares with one name; this module refuses to
        manage a name that more than one active share of the account uses.
    type: str
    required: true
  state:
    description:
      - V(present) creates the share or converges it to the options given; options left unset are not touched.
      - V(absent) deletes it; deleting a share that does not exist is not a change.
    type: str
    choices: [present, absent]
    default: present
  resource_arns:
    description:
      - ARNs of the resources to share, for example a VPC Lattice service ARN.
      - With O(purge_resources=true) this list is the complete list of shared resources.
    type: list
    elements: str
  principals:
    description:
      - Who the resources are shared with. Each entry is an AWS account ID, an organization ARN, an
        organizational unit ARN, an IAM role or user ARN, a service principal, or the word
        V(organization), which stands for the caller's own AWS Organization (looked up with
        organizations DescribeOrganization).
      - Organization and OU principals need sharing with AWS Organizations enabled
        (M(lattice.multi_account.ram_organization_sharing)).
      - With O(purge_principals=true) this list is the complete list of principals.
    type: list
    elements: str
  allow_external_principals:
    description:
      - Whether principals outside the AWS Organization may be added. While V(false), adding an
        account outside the organization fails.
      - When not set, a new share gets V(false) (the safe choice; the RAM API itself defaults to
        V(true)) and an existing share keeps its setting.
    type: bool
  permission_arns:
    description:
      - ARNs of RAM managed permissions to use instead of the default permission of each resource type.
      - Permissions missing from the share are associated, replacing the permission of the same
        resource type.
    type: list
    elements: str
  purge_resources:
    description:
      - Remove resources that are shared but not listed in O(resource_arns).
    type: bool
    default: true
  purge_principals:
    description:
      - Remove principals that are associated but not listed in O(principals).
    type: bool
    default: true
  wait:
    description:
      - Wait until the share is C(ACTIVE) and its associations are settled after a change, or until
        it is deleted.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true).
    type: int
    default: 600
notes:
  - Check mode makes no change and returns the share as it would be; new principals are predicted as
    C(ASSOCIATED) since whether an account is outside the organization is only known once it is added.
  - Diff mode returns the share before and after under C(diff).
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
extends_documentation_fragment:
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.tags
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Share a VPC Lattice service with the whole organization (the reference pattern)
  lattice.multi_account.ram_resource_share:
    name: service-resource-share
    resource_arns:
      - "{{ service.service.arn }}"
    principals:
      - organization
    allow_external_principals: false
  register: share

- name: Share with an account outside the organization; it must accept the invitation
  lattice.multi_account.ram_resource_share:
    name: partner-share
    resource_arns:
      - "{{ service.service.arn }}"
    principals:
      - "210987654321"
    allow_external_principals: true
    tags:
      Project: lattice

- name: Add one more account without touching the other principals
  lattice.multi_account.ram_resource_share:
    name: partner-share
    principals:
      - "111122223333"
    purge_principals: false

- name: Delete the share (principals lose access)
  lattice.multi_account.ram_resource_share:
    name: partner-share
    state: absent
"""

RETURN = r"""
resource_share:
  description: The resource share; empty after a delete.
  returned: always
  type: dict
  contains:
    arn:
      description: ARN of the share (null in check mode before it exists).
      type: str
      sample: arn:aws:ram:eu-west-1:123456789012:resource-share/0a1b2c3d-1111-2222-3333-444455556666
    name:
      description: Name of the share.
      type: str
      sample: service-resource-share
    status:
      description: Status of the share (V(PENDING), V(ACTIVE), V(FAILED), V(DELETING), V(DELETED)).
      type: str
      sample: ACTIVE
    status_message:
      description: Reason for the status, when AWS gives one.
      type: str
      returned: when AWS gives one
    owning_account_id:
      description: Account that owns the share.
      type: str
      sample: "123456789012"
    allow_external_principals:
      description: Whether principals outside the organization may be added.
      type: bool
      sample: false
    feature_set:
      description: V(STANDARD) for shares created through RAM.
      type: str
      sample: STANDARD
    creation_time:
      description: When the share was created.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    last_updated_time:
      description: When the share was last changed.
      type: str
      sample: "2024-01-01T00:00:00+00:00"
    resources:
      description: Shared resources, sorted by ARN.
      type: list
      elements: dict
      contains:
        arn:
          description: ARN of the resource.
          type: str
          sample: arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0
        type:
          description: RAM resource type.
          type: str
          sample: vpc-lattice:Service
        status:
          description: Status of the association of the resource with the share.
          type: str
          sample: ASSOCIATED
    principals:
      description: Principals the share is associated with, sorted by ID.
      type: list
      elements: dict
      contains:
        id:
          description: Account ID, organization or OU ARN, or IAM ARN.
          type: str
          sample: arn:aws:organizations::123456789012:organization/o-abcdefghij
        status:
          description: V(ASSOCIATED), or V(ASSOCIATING) while an account outside the organization has not accepted.
          type: str
          sample: ASSOCIATED
        external:
          description: Whether the principal is outside the organization.
          type: bool
          sample: false
    permission_arns:
      description: ARNs of the permissions associated with the share.
      type: list
      elements: str
      returned: when O(permission_arns) is set
    tags:
      description: Tags of the share.
      type: dict
      sample: {"Project": "lattice"}
"""

from ansible_collections.lattice.multi_account.plugins.module_utils._core.module import run_module
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import ResourceShareManager


def main():
    run_module(
        ResourceShareManager,
        dict(
            name=dict(type="str", required=True),
            resource_arns=dict(type="list", elements="str"),
            principals=dict(type="list", elements="str"),
            allow_external_principals=dict(type="bool"),
            permission_arns=dict(type="list", elements="str"),
            purge_resources=dict(type="bool", default=True),
            purge_principals=dict(type="bool", default=True),
        ),
    )


if __name__ == "__main__":
    main()
