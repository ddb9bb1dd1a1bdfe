"""Organizations: create a member account with a chosen ID; who may list the trusted services.

Moto picks a random ID for every new account; a sandbox whose account IDs must
stay the same from run to run needs to choose it.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

from moto.organizations import utils
from moto.organizations.exceptions import AWSOrganizationsNotInUseException
from moto.organizations.exceptions import InvalidInputException
from moto.organizations.exceptions import OrganizationsClientError
from moto.organizations.models import OrganizationsBackend as MotoOrganizationsBackend
from moto.organizations.models import organizations_backends


class AccessDeniedException(OrganizationsClientError):
    def __init__(self) -> None:
        super().__init__("AccessDeniedException", "You don't have permissions to access this resource.")


class OrganizationsBackend(MotoOrganizationsBackend):
    def create_account_with_id(self, account_id: str, **kwargs: Any) -> dict[str, Any]:
        """CreateAccount, except that the new account gets ``account_id``."""
        if any(account.id == account_id for account in self.accounts):
            raise InvalidInputException(f"Account {account_id} is already in the organization.")
        # FakeAccount draws its ID (and creates OrganizationAccountAccessRole in that
        # account) inside its constructor: choosing the ID there keeps all of that.
        with mock.patch.object(utils, "make_random_account_id", return_value=account_id):
            return self.create_account(**kwargs)

    def find_account(self, account_id: str):
        """The organization's FakeAccount for ``account_id``, or None."""
        return next((account for account in self.accounts if account.id == account_id), None)

    def ancestor_ids(self, account_id: str) -> list[str]:
        """IDs of the OUs (innermost first) and root that contain ``account_id``."""
        account = self.find_account(account_id)
        ids: list[str] = []
        parent_id = account.parent_id if account else None
        while parent_id:
            ids.append(parent_id)
            parent = next((ou for ou in self.ou if ou.id == parent_id), None)
            parent_id = getattr(parent, "parent_id", None)
        return ids

    def list_aws_service_access_for_organization(self) -> dict[str, Any]:
        """Only the management account or a delegated administrator may call it (Organizations
        API reference, ListAWSServiceAccessForOrganization: "You can only call this operation
        from the management account or a member account that is a delegated administrator").
        Moto answers any other account with an empty list, which reads as "not enabled"."""
        if self.org is not None:
            return super().list_aws_service_access_for_organization()
        if self.account_id not in organizations_backends.master_accounts:
            raise AWSOrganizationsNotInUseException
        management_id, partition = organizations_backends.master_accounts[self.account_id]
        management = organizations_backends[management_id][partition]
        if not any(admin.account.id == self.account_id for admin in management.admins):
            raise AccessDeniedException
        return management.list_aws_service_access_for_organization()
