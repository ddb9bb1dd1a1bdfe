# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""RAM sharing with AWS Organizations (ram_organization_sharing), from the management account.

Operations: ram enable_sharing_with_aws_organization; organizations
describe_organization and list_aws_service_access_for_organization; sts
get_caller_identity; iam get_role.

Enabled means what terraform-provider-aws's aws_ram_sharing_with_organization
reads: ram.amazonaws.com has trusted access to the organization AND RAM's
service-linked role AWSServiceRoleForResourceAccessManager exists.  Trusted
access alone (turned on from the Organizations console or API) is not enough:
only EnableSharingWithAwsOrganization creates the role RAM needs
(RAM user guide, "Enable resource sharing within AWS Organizations").
"""

from .._core.client import collection_client
from .._core.resource import build_result
from .client import AnsibleRAMError
from .client import IAMClient
from .client import OrganizationsClient
from .client import RAMClient

RAM_SERVICE_PRINCIPAL = "ram.amazonaws.com"
RAM_SERVICE_LINKED_ROLE = "AWSServiceRoleForResourceAccessManager"


def is_enabled(module, organizations):
    trusted = organizations.paginate(
        "list_aws_service_access_for_organization", "EnabledServicePrincipals",
        "list the AWS services with access to the organization",
    )
    if not any(entry.get("ServicePrincipal") == RAM_SERVICE_PRINCIPAL for entry in trusted):
        return False
    role = IAMClient(module).call_unless_missing(
        "get_role", f"read the service-linked role {RAM_SERVICE_LINKED_ROLE}", RoleName=RAM_SERVICE_LINKED_ROLE
    )
    return role is not None


def ensure_enabled(module, check_mode):
    organizations = OrganizationsClient(module)
    # Enabled already (every run after the first): two reads. Only the management account or a
    # delegated administrator may list the trusted services, so whatever else happens (not
    # enabled, access denied, no organization) is explained by the checks below first.
    try:
        if is_enabled(module, organizations):
            return build_result(False, "organization_sharing", {"enabled": True}, {"enabled": True})
        refused = None
    except AnsibleRAMError as error:
        refused = error
    organization = organizations.organization()
    if organization is None:
        raise AnsibleRAMError(
            message="This account is not a member of an AWS Organization, so there is no organization to share with; "
            "run the task with the credentials of the organization's management account"
        )
    sts = collection_client(module, "sts", organizations.retry)
    caller = sts.get_caller_identity(aws_retry=True)["Account"]
    if caller != organization["MasterAccountId"]:
        raise AnsibleRAMError(
            message=f"Account {caller} is a member of organization {organization['Id']}, but only its management account "
            f"({organization['MasterAccountId']}) can enable sharing with AWS Organizations; run the task with that "
            "account's credentials"
        )
    if refused is not None:
        raise refused
    before = {"enabled": False}
    if not check_mode:
        RAMClient(module).call("enable_sharing_with_aws_organization", "enable sharing with AWS Organizations")
    return build_result(True, "organization_sharing", before, {"enabled": True})
