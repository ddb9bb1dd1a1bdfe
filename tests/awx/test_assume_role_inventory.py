"""The AWX credential story on the sandbox: one base credential in the environment
(the management account's keys, no AWS config profiles), a role ARN per inventory
host, and each host's tasks acting in its own account."""

from __future__ import annotations

import pytest
import yaml

from awx_env import ASSUME_ROLE_INVENTORY, BIN, ROOT, ansible


def _hosts() -> dict[str, dict]:
    inventory = yaml.safe_load((ROOT / ASSUME_ROLE_INVENTORY / "hosts.yml").read_text())
    return {name: hostvars for group in inventory.values() for name, hostvars in group["hosts"].items()}


def _playbook(playbook: str, env: dict[str, str]) -> None:
    result = ansible(str(BIN / "ansible-playbook"), playbook, "-i", ASSUME_ROLE_INVENTORY, env=env)
    assert result.returncode == 0, f"{playbook} failed\n{result.stdout}\n{result.stderr}"


def _made_by(made: list[dict], sandbox: dict, name: str) -> list[dict]:
    return [c for c in made if c["account"] == sandbox["accounts"][name]["id"]]


@pytest.mark.sandbox
def test_inventory_has_one_host_per_sandbox_account_with_its_role(sandbox):
    hosts = _hosts()
    assert sorted(hosts) == ["consumer", "provider"]
    for name, hostvars in hosts.items():
        assert hostvars == {
            "aws_role_arn": f"arn:aws:iam::{sandbox['accounts'][name]['id']}:role/OrganizationAccountAccessRole"
        }


@pytest.mark.sandbox
def test_each_host_acts_in_its_own_account_from_one_base_credential(sandbox, base_credential_env, calls):
    mark = calls.mark()
    _playbook("tests/awx/assume_role_check.yml", base_credential_env)

    made = calls(since=mark)
    by_management = sorted((c["service"], c["operation"]) for c in _made_by(made, sandbox, "management"))
    # The base credential is used for nothing but assuming one role per host.
    assert by_management == [("sts", "AssumeRole")] * len(_hosts())
    for name in ("provider", "consumer"):
        operations = {(c["service"], c["operation"]) for c in _made_by(made, sandbox, name)}
        assert {("sts", "GetCallerIdentity"), ("vpc-lattice", "ListServiceNetworks")} <= operations, name


# The provider's deploy and teardown with this inventory run in tests/packaging/test_installed_collection_run.py,
# which checks the same call-log story (management only assumes roles, the host changes only
# its own account) on the run it scans for secrets.
