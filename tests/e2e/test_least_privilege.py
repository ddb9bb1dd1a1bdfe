"""The least-privilege policies of iam/, enforced: the reference pattern deployed, re-deployed
and torn down by roles that hold nothing else, on a sandbox that authorizes every call
(SANDBOX_IAM=enforce, sandbox/moto_ext/core/authorization.py); and, on the same deployment,
the sample of the interruption matrix that `make test` runs (test_interruptions.py,
SAMPLE_*): a consumer deploy that fails on its own, one killed while it waits for the
instances, then the deploy to the end (exactly one of each resource) and a re-deploy with
changed=0; at the end a teardown interrupted with SIGINT and the teardown that finishes
the job (every account empty). One deployment proves both: deployments are the expensive
part of the suite, and interrupted runs under least privilege are what AWX jobs are.

What is proven, and how:

- enough: a role ``lattice-deployer`` in the provider and in the consumer account holds only
  iam/provider.json or iam/consumer.json (ACCOUNT_ID filled in) and trusts the
  management account; the inventory reaches them with ``aws_role_arn`` from the management
  account's keys (the AWX way). Deploy, re-deploy (changed=0) and teardown succeed, also
  when stopped and run again, and nothing is left. No call of those roles was refused but iam:ListAccountAliases, which
  amazon.aws.aws_caller_info asks for and does without (its account alias).
- nothing too much, statement by statement: the call log of those runs records, for every
  authorized call, each action checked (the call's own and the dependent ones, such as
  iam:PassRole) and the Sid of every statement that allowed it. Every statement of both
  policies is the ONLY statement that allowed at least one of those checks, so without it
  that call is refused (the sandbox refuses whatever no statement allows). That the run then
  fails is shown by real runs only for the sample below: a module could do without a refused
  call, as aws_caller_info does without its alias (the statements' sole grants are
  API calls whose answer the roles use).
  A statement can still hold actions no run used (updates, the other half of a
  create/delete pair that the reference never needs): the proof is per statement, not per
  action.
- the failure names the missing permission, shown for a sample of two statements by two real
  runs (``--limit`` to the account): the provider without ``VpcLatticeRead`` (this collection's module fails on the first
  VPC Lattice read, names the action and says what to do: the policies of iam/) and the
  consumer without ``Ec2Read`` (its first task, an amazon.aws module, fails on
  ec2:DescribeVpcs, AWS's message naming it). The run reads what it had deployed, so the
  reads are what a missing statement stops; every refusal of that run is an action of a
  removed statement, in its own account.
"""

from __future__ import annotations

import configparser
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from test_interruptions import SAMPLE_DEPLOY_STOPS, SAMPLE_TEARDOWN_STOPS, Matrix
from test_pattern import ROOT, Account, ok, playbook

from sandbox import control, testing

DEPLOYER = "lattice-deployer"
POLICIES = {"provider": ROOT / "iam" / "provider.json", "consumer": ROOT / "iam" / "consumer.json"}
# amazon.aws.aws_caller_info reads the account alias if it may, and does without it otherwise.
TOLERATED_DENIALS = {"iam:ListAccountAliases"}
STATEMENTS_REMOVED = {"provider": "VpcLatticeRead", "consumer": "Ec2Read"}
NOT_AUTHORIZED = re.compile(r"is not authorized to perform: ([\w-]+:\w+)")


def policy(account, without=None):
    """iam/<account>.json for ``account``, without the statement whose Sid is ``without``."""
    document = json.loads(POLICIES[account.profile].read_text().replace("ACCOUNT_ID", account.id))
    document["Statement"] = [s for s in document["Statement"] if s["Sid"] != without]
    return document


def grant(account, management_id, without=None):
    """The deployer role of ``account``, trusting the management account, with only its policy."""
    iam = account("iam")
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{management_id}:root"}, "Action": "sts:AssumeRole"}]}
    if not [r for r in iam.list_roles()["Roles"] if r["RoleName"] == DEPLOYER]:
        iam.create_role(RoleName=DEPLOYER, AssumeRolePolicyDocument=json.dumps(trust))
    iam.put_role_policy(RoleName=DEPLOYER, PolicyName="lattice-least-privilege",
                        PolicyDocument=json.dumps(policy(account, without)))


def base_credential(info):
    """The management account's keys as the only credential (what an AWX AWS credential injects)."""
    config = configparser.ConfigParser()
    config.read(info["aws_config_file"])
    keys = config["profile management"]
    return {"AWS_ACCESS_KEY_ID": keys["aws_access_key_id"], "AWS_SECRET_ACCESS_KEY": keys["aws_secret_access_key"],
            "AWS_ENDPOINT_URL": info["endpoint_url"], "AWS_CONFIG_FILE": os.devnull}


def inventory(path, accounts):
    hosts = {group: {"hosts": {a.profile: {"aws_role_arn": f"arn:aws:iam::{a.id}:role/{DEPLOYER}"}}}
             for group, a in (("providers", accounts["provider"]), ("consumers", accounts["consumer"]))}
    (path / "group_vars").mkdir(parents=True)
    (path / "hosts.yml").write_text(yaml.safe_dump(hosts))
    (path / "group_vars" / "all.yml").write_text(yaml.safe_dump({"aws_region": "eu-west-1", "lattice_sandbox": True}))
    return path


def removed_actions(account, sid):
    [statement] = [s for s in policy(account)["Statement"] if s["Sid"] == sid]
    return statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]


def deployer_checks(info, accounts, since=0):
    """(account, call) of every call the deployer roles made, from the call log."""
    ids = {a.id: name for name, a in accounts.items()}
    calls = [json.loads(line) for line in Path(info["calls_log"]).read_text().splitlines()[since:]]
    return [(ids[c["account"]], c) for c in calls if c["account"] in ids and c.get("iam")]


def sole_grants(entries):
    """{account: {Sid: an action that statement alone allowed}} from the call log."""
    needed = {}
    for account, call in entries:
        for check in call["iam"].get("checks", []):
            if len(check["allowed_by"]) == 1:
                needed.setdefault(account, {}).setdefault(check["allowed_by"][0], check["action"])
    return needed


@pytest.fixture(scope="module")
def enforced(tmp_path_factory):
    # As hard as AWS (testing.AWS_LIKE), and transitional states that last 6 s instead of
    # test_pattern.DELAY: long enough for the sample's stops to find the instances still pending
    # (test_interruptions.sandbox_for).
    state_dir = tmp_path_factory.mktemp("least-privilege")
    info = control.start(state_dir, control.free_port(), accounts=("provider", "consumer"), delay=6.0, iam="enforce",
                         **testing.AWS_LIKE)
    yield info
    control.stop(state_dir)


@pytest.mark.sandbox
# Measured alone on the 2-core machine, lightly loaded: 298 s wall, 3 min 24 s of CPU (the sandbox's
# included) for nine runs: the provider's deploy, the consumer's failed and killed deploys, two deploys
# to the end, the two runs without a statement, the interrupted teardown and the last one.
@pytest.mark.slow(300)
def test_least_privilege_policies_through_interrupted_deploys_and_teardowns(enforced, tmp_path):
    info = enforced
    accounts = {name: Account(info, name) for name in ("provider", "consumer")}
    management_id = info["accounts"]["management"]["id"]
    for account in accounts.values():
        grant(account, management_id)
    hosts = inventory(tmp_path / "inventory", accounts)
    env = base_credential(info)

    # The deploy, stopped and run again (test_interruptions.Matrix records what each stop left),
    # then to the end, then again with changed=0 in both accounts.
    matrix = Matrix(info, "sample, least privilege", inventory=hosts, env_extra=env)
    ok(matrix.run("deploy", "--limit", "provider"))
    matrix.deploy_states(SAMPLE_DEPLOY_STOPS, "--limit", "consumer")
    matrix.converge(SAMPLE_DEPLOY_STOPS[-1].name)

    # One statement less, the run fails, and says which permission is missing. One run per
    # account (--limit): deploy.yml stops before the consumers once the providers have failed.
    refusals = set()
    for name, sid in STATEMENTS_REMOVED.items():
        grant(accounts[name], management_id, without=sid)
        mark = len(Path(info["calls_log"]).read_text().splitlines())
        returncode, output, recap = playbook(info, "deploy", hosts, "--limit", name, env_extra=env)
        grant(accounts[name], management_id)
        assert returncode != 0 and recap[name]["failed"], output[-3000:]
        removed = set(removed_actions(accounts[name], sid))
        named = set(NOT_AUTHORIZED.findall(output)) & removed
        assert named, f"{name}: no action of {sid} named in\n{output[-3000:]}"
        if name == "provider":  # this collection's module also says what to do
            assert f"lack the IAM permission {sorted(named)[0]}" in output, output[-3000:]
            assert "iam/ folder of this collection" in output
        refused = {(account, call["iam"]["denied"]) for account, call in deployer_checks(info, accounts, since=mark)
                   if "denied" in call["iam"] and call["iam"]["denied"] not in TOLERATED_DENIALS}
        assert refused and {account for account, _action in refused} == {name}, refused
        assert {action for _account, action in refused} <= removed, refused
        refusals |= refused

    # The teardown, interrupted and run again to the end: every account empty (Matrix.empty).
    matrix.teardown_states(SAMPLE_TEARDOWN_STOPS)
    matrix.figure()

    entries = deployer_checks(info, accounts)
    refused = {call["iam"]["denied"] for _account, call in entries if "denied" in call["iam"]}
    assert refused - TOLERATED_DENIALS == {action for _account, action in refusals}
    needed = sole_grants(entries)
    for name, account in accounts.items():
        sids = [s["Sid"] for s in policy(account)["Statement"]]
        assert sorted(needed.get(name, {})) == sorted(sids), (
            f"{name}: statements no call needed: {sorted(set(sids) - set(needed.get(name, {})))}")
