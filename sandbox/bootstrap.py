"""What a fresh sandbox holds before it answers its first call.

Runs inside the server process, on moto's backends directly (so none of it
appears in the call log): an organization whose management account enabled
RAM sharing with it, member accounts with stable IDs, accounts outside the
organization, and in every account an administrator whose access key acts in
that account plus the role ``OrganizationAccountAccessRole`` (trusting the
management account) that STS can assume.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

MANAGEMENT = "management"
ADMIN_USER = "sandbox-admin"
ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess"
ACCESS_ROLE = "OrganizationAccountAccessRole"


def account_id(name: str) -> str:
    """A 12-digit account ID derived from the account name: the same every run."""
    digest = int(hashlib.sha256(f"lattice-sandbox/{name}".encode()).hexdigest(), 16)
    return str(100_000_000_000 + digest % 900_000_000_000)


def _admin_credentials(iam: Any, region: str) -> dict[str, str]:
    iam.create_user(region_name=region, user_name=ADMIN_USER)
    try:
        iam.attach_user_policy(ADMIN_POLICY, ADMIN_USER)
    except Exception:  # managed policies not loaded: moto does not enforce IAM anyway
        pass
    key = iam.create_access_key(ADMIN_USER)
    return {"aws_access_key_id": key.access_key_id, "aws_secret_access_key": key.secret_access_key}


def _ensure_access_role(iam: Any, management_id: str) -> None:
    """Organization members get the role from CreateAccount; the others get the same here.
    Either way it holds AdministratorAccess, as the one Organizations creates does
    (Organizations user guide, "Accessing a member account that has a management account
    access role"): it matters once SANDBOX_IAM=enforce authorizes the role's calls."""
    if not any(role.name == ACCESS_ROLE for role in iam.get_roles()):
        _create_access_role(iam, management_id)
    try:
        iam.attach_role_policy(ADMIN_POLICY, ACCESS_ROLE)
    except Exception:  # managed policies not loaded: moto does not enforce IAM anyway
        pass


def _create_access_role(iam: Any, management_id: str) -> None:
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{management_id}:root"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    iam.create_role(ACCESS_ROLE, json.dumps(trust), "/", None, "", [], "3600")


def bootstrap(
    region: str, members: list[str], external: list[str]
) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    """Create organization, accounts and credentials; returns the accounts.json body
    (without endpoint and file paths) and the credentials per profile."""
    from moto.iam.models import iam_backends
    from moto.organizations.models import organizations_backends
    from moto.ram.models import ram_backends

    names = [MANAGEMENT, *members, *external]
    if len(set(names)) != len(names):
        raise ValueError(f"account names must be unique and not {MANAGEMENT!r}: {names}")
    management_id = account_id(MANAGEMENT)
    organizations = organizations_backends[management_id]["aws"]
    organization = organizations.create_organization(region=region, FeatureSet="ALL")["Organization"]
    for name in members:
        organizations.create_account_with_id(
            account_id(name), AccountName=name, Email=f"{name}@sandbox.invalid"
        )
    ram_backends[management_id][region].enable_sharing_with_aws_organization()

    accounts, credentials = {}, {}
    for name in names:
        iam = iam_backends[account_id(name)]["global"]
        _ensure_access_role(iam, management_id)
        credentials[name] = _admin_credentials(iam, region)
        accounts[name] = {
            "id": account_id(name),
            "profile": name,
            "in_organization": name not in external,
        }
    return {
        "organization": {
            "id": organization["Id"],
            "arn": organization["Arn"],
            "management_account_id": management_id,
        },
        "accounts": accounts,
    }, credentials
