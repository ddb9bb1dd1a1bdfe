"""The installed collection, run the way AWX runs it, deploys and tears down the
provider by FQCN, acts in the account through its role, and prints no secret.

One deployment proves three things (a deployment is the expensive part of a test). It is
the provider's (``--limit provider``): the consumer role from the same tarball adds
nothing here that other tests don't prove. test_build_install.py shows the tarball holds
every content file of the checkout; tests/awx/test_assume_role_inventory.py that each
host of this inventory, the consumer too, acts in its own account from the one base
credential; the end-to-end tests deploy the consumer and scan its output for secrets.

- By FQCN from an installed copy alone: cwd is a folder whose ansible.cfg sets only
  the poll interval (no paths) and the collections path holds only the tarball
  installed offline, so neither the checkout nor its .collections link can be used.
- The AWX credential story (inventories/sandbox-assume-role as installed): one base
  credential in the environment (the management account's keys, no AWS config
  profiles), a role ARN per host. In the call log the base credential only assumes
  roles, and every change happens in the host's own account.
- Secrets never printed: the deploy and the teardown at -vvv, with the custom stats
  (set_stats) shown, print no secret access key and no session token: neither the
  sandbox accounts' own keys (its aws_config) nor the credentials STS AssumeRole
  handed out during the runs. Those are read off the wire: the runs reach the sandbox
  through a recording HTTP proxy (HTTP_PROXY, which botocore and Ansible honour).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from packaging_env import VENV_BIN, isolated_env
from sandbox import testing

# What an AWX AWS credential injects (shared with the AWX tests).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "awx"))
from awx_env import base_credential_env  # noqa: E402

# The account the runs act in (--limit): the cost of a run is mostly its consumer's (the
# consumer makes three times as many resources), and the tests named above cover it.
ACCOUNTS = ("provider",)


def _id(info, name):
    return info["accounts"][name]["id"]


def check_each_host_acted_in_its_own_account(info, made):
    """The base credential (the management account's keys) only assumed one role per
    host, and every change happened in the host's own account."""
    by_management = {(c["service"], c["operation"]) for c in made if c["account"] == _id(info, "management")}
    assert by_management == {("sts", "AssumeRole")}, by_management
    changed_in = {c["account"] for c in made if testing.is_mutating(c) and c["service"] != "sts"}
    assert changed_in == {_id(info, name) for name in ACCOUNTS}, changed_in


def owned_lattice_resources(info):
    """Names of the services and service networks each account owns (ListServices also
    lists what is shared with the caller: the owner is in the ARN)."""
    found = {}
    for name in ACCOUNTS:
        lattice = testing.client(info, name, "vpc-lattice")
        items = lattice.list_services()["items"] + lattice.list_service_networks()["items"]
        found[name] = sorted(i["name"] for i in items if i["arn"].split(":")[4] == _id(info, name))
    return found


@pytest.fixture
def proxy():
    with testing.recording_proxy() as server:
        yield server


@pytest.mark.sandbox
@pytest.mark.slow(100)
def test_installed_collection_deploys_by_fqcn_per_account_role_printing_no_secret(
        installed_collections, sandbox, calls, proxy, tmp_path):
    installed = installed_collections / "ansible_collections" / "lattice" / "multi_account"
    env = {k: v for k, v in isolated_env(ANSIBLE_COLLECTIONS_PATH=str(installed_collections)).items()
           if not k.startswith("AWS_")}
    env.update(base_credential_env(sandbox), ANSIBLE_SHOW_CUSTOM_STATS="1", **testing.proxy_env(proxy))
    inventory = str(installed / "inventories" / "sandbox-assume-role")
    # cwd's ansible.cfg holds only the checkout's poll interval (a CPU setting, ansible.cfg says why):
    # no collections path, so the installed copy is still all there is to run.
    (tmp_path / "ansible.cfg").write_text("[defaults]\ninternal_poll_interval = 0.01\n")
    # The session's sandbox is shared with other tests: compare with what was there before.
    before = owned_lattice_resources(sandbox)

    outputs, made = {}, {}
    for playbook in ("deploy", "teardown"):
        mark = calls.mark()
        run = subprocess.run([str(VENV_BIN / "ansible-playbook"), f"lattice.multi_account.{playbook}", "-i", inventory,
                              "--limit", ",".join(ACCOUNTS), "-vvv"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1200, check=False)
        outputs[playbook], made[playbook] = run.stdout + run.stderr, calls(since=mark)
        assert run.returncode == 0, f"{playbook} failed\n{outputs[playbook][-15000:]}"
        check_each_host_acted_in_its_own_account(sandbox, made[playbook])
        if playbook == "deploy":
            deployed = owned_lattice_resources(sandbox)
            for name in ACCOUNTS:
                assert set(deployed[name]) > set(before[name]), f"deploy created nothing in {name}: {deployed}"
    assert owned_lattice_resources(sandbox) == before

    # The runs did what they are scanned for: assumed roles, published their outputs.
    assert "CUSTOM STATS" in outputs["deploy"] and "lattice_outputs" in outputs["deploy"]
    # A secret key and a session token per account and run at least.
    assert len(proxy.credentials) >= 2 * 2 * len(ACCOUNTS), len(proxy.credentials)
    secrets = testing.config_secrets(sandbox) | proxy.credentials
    print(f"\nsecrets: {len(secrets)} scanned for in {sum(map(len, outputs.values()))} characters of -vvv output")
    assert {name: testing.leaks(output, secrets) for name, output in outputs.items()} == {"deploy": [], "teardown": []}
