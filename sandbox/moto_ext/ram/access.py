"""Who may use a shared resource: RAM's answer, for the other extensions.

A principal of a share covers an account when it is that account (ID, or an IAM
ARN in it), the organization the account belongs to, or an OU that contains it.
Only associations in status ASSOCIATED grant access: an account outside the
organization stays ASSOCIATING until it accepts its invitation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

RAM_SERVICE_PRINCIPAL = "ram.amazonaws.com"
IAM_PRINCIPAL = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):")
OU_PRINCIPAL = re.compile(r"^arn:aws[a-z-]*:organizations::\d{12}:ou/(o-[a-z0-9]+)/(ou-[a-z0-9-]+)$")
ORG_PRINCIPAL = re.compile(r"^arn:aws[a-z-]*:organizations::\d{12}:organization/(o-[a-z0-9]+)$")


def organization_backend(account_id: str) -> Any | None:
    """The Organizations backend of the management account of ``account_id``'s organization."""
    from moto.organizations.models import organizations_backends

    own = organizations_backends[account_id]["aws"]
    if own.org is not None:
        return own
    management = organizations_backends.master_accounts.get(account_id)
    return organizations_backends[management[0]][management[1]] if management else None


def same_organization(account_a: str, account_b: str) -> bool:
    backend = organization_backend(account_a)
    return backend is not None and backend is organization_backend(account_b)


def sharing_enabled(account_id: str) -> bool:
    """True when the organization of ``account_id`` has enabled sharing with RAM."""
    backend = organization_backend(account_id)
    return backend is not None and any(
        service["ServicePrincipal"] == RAM_SERVICE_PRINCIPAL for service in backend.services
    )


def principal_account(principal: str) -> str | None:
    """The account a principal names directly (account ID or IAM ARN), else None."""
    if re.fullmatch(r"\d{12}", principal):
        return principal
    match = IAM_PRINCIPAL.match(principal)
    return match.group(1) if match else None


def covers(principal: str, account_id: str) -> bool:
    """True when the share principal ``principal`` includes ``account_id``."""
    if principal_account(principal) is not None:
        return principal_account(principal) == account_id
    backend = organization_backend(account_id)
    if backend is None:
        return False
    if ORG_PRINCIPAL.match(principal):
        return principal == backend.org.arn
    match = OU_PRINCIPAL.match(principal)
    return bool(match) and match.group(1) == backend.org.id and match.group(2) in backend.ancestor_ids(account_id)


def regional_backends(region: str) -> list[Any]:
    """The RAM backend of every account that has one in ``region``."""
    from moto.ram.models import ram_backends

    return [per_account[region] for per_account in list(ram_backends.values()) if region in per_account.keys()]


def shares_with(account_id: str, region: str) -> Iterator[Any]:
    """Active shares owned by other accounts whose associated principals include ``account_id``."""
    for backend in regional_backends(region):
        if backend.account_id == account_id:
            continue
        for share in backend.resource_shares:
            if share.status == "ACTIVE" and any(
                covers(principal, account_id) for principal in share.principal_ids("ASSOCIATED")
            ):
                yield share


def is_shared_with(resource_arn: str, caller_account_id: str, region: str) -> bool:
    """True when the owner of ``resource_arn`` shares it with the caller's account, OU or
    organization through an active share (or the caller accepted its invitation).

    False for the owner itself: owning is not being shared with.
    """
    owner = resource_arn.split(":")[4] if resource_arn.count(":") >= 5 else None
    return owner != caller_account_id and any(
        share.owning_account_id == owner and resource_arn in share.resource_ids("ASSOCIATED")
        for share in shares_with(caller_account_id, region)
    )
