"""The AWX credential story on the sandbox: one base credential in the environment
(the management account's keys, no AWS config profiles), a role ARN per inventory
host, and each host's tasks acting in its own account."""

from __future__ import annotations

import pytest
import yaml
from sandbox.testing import is_mutating

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


def _owned(items: list[dict], sandbox: dict, name: str) -> list[str]:
    """Names of the items whose ARN says `name`'s account owns them (ListServices also
    returns services shared with the caller, e.g. through the organization)."""
    return [i["name"] for i in items if i["arn"].split(":")[4] == sandbox["accounts"][name]["id"]]


@pytest.mark.sandbox
@pytest.mark.slow
def test_deploy_and_teardown_with_the_assume_role_inventory(sandbox, base_credential_env, calls, aws_client):
    def lattice(name: str) -> dict[str, list[str]]:
        client = aws_client(name, "vpc-lattice")
        return {
            "services": _owned(client.list_services()["items"], sandbox, name),
            "service_networks": _owned(client.list_service_networks()["items"], sandbox, name),
        }

    # The session's sandbox is shared with other tests: compare with what was there before.
    before = {name: lattice(name) for name in ("provider", "consumer", "management")}
    mark = calls.mark()
    try:
        result = ansible(str(BIN / "ansible-playbook"), "playbooks/deploy.yml", "-i", ASSUME_ROLE_INVENTORY, env=base_credential_env)
        assert result.returncode == 0, f"deploy failed\n{result.stdout}\n{result.stderr}"
        made = calls(since=mark)  # before this test's own boto3 calls below
        assert set(lattice("provider")["services"]) > set(before["provider"]["services"]), \
            "no new VPC Lattice service owned by the provider account"
        assert set(lattice("consumer")["service_networks"]) > set(before["consumer"]["service_networks"]), \
            "no new service network owned by the consumer account"
        assert lattice("management") == before["management"]
        # Every change happened in the accounts the roles belong to; the base
        # credential only assumed roles.
        changed_in = {c["account"] for c in made if is_mutating(c) and c["service"] != "sts"}
        assert changed_in and changed_in <= {sandbox["accounts"]["provider"]["id"], sandbox["accounts"]["consumer"]["id"]}
        assert {(c["service"], c["operation"]) for c in _made_by(made, sandbox, "management")} == {
            ("sts", "AssumeRole")
        }
    finally:
        # Also after a failed deploy: the session's sandbox may be shared with other tests.
        teardown = ansible(str(BIN / "ansible-playbook"), "playbooks/teardown.yml", "-i", ASSUME_ROLE_INVENTORY, env=base_credential_env)
    assert teardown.returncode == 0, f"teardown failed\n{teardown.stdout}\n{teardown.stderr}"
    assert {name: lattice(name) for name in before} == before
