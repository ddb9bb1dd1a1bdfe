"""The reference pattern end to end, as hard as AWS gets: every row of the reference
(../shared/seed/resources.md) checked with boto3, account by account, on a sandbox that
delays (testing.AWS_LIKE), throttles and fails calls (REFERENCE_FAULTS), and authorizes every call
against the caller's IAM policies (SANDBOX_IAM=enforce, sandbox/moto_ext/core/authorization.py),
and, in the two test_interruption_sample_* tests, each on a sandbox of its own beside
it, with runs stopped halfway as AWX jobs and laptops stop them. One deployment each
proves all of it: deployments are the expensive part of the suite (`make test` has 20
minutes).

The runs use inventories/sandbox as shipped, plus one file that has the provider and the
consumer assume a role ``lattice-deployer`` in their account, holding only iam/provider.json
or iam/consumer.json (ACCOUNT_ID filled in); the management account runs as itself.

In order:

- check mode on fresh accounts is a complete plan (plan_summary: every resource the deploy
  creates) and makes no mutating call;
- the deploy: every row of the reference, exactly one of each resource, no deprecated
  option used;
- verify.yml calls the service from a consumer instance through the sandbox's data plane;
- check mode after the deploy: nothing to do, changed=0 in every account, no mutating call;
- least privilege, statement by statement: a run without the provider's ``VpcLatticeRead``,
  one without the consumer's ``Ec2Read`` and one without only its ``ec2:DescribeSubnets``
  fail, naming the missing permission and printing no traceback (this
  collection's modules also say what to do); every refusal of those runs is an action of the
  removed statement, in its own account;
- the teardown: every account empty (that a further teardown changes nothing and makes no
  mutating call is test_pattern.py's outsider test);
- no run printed a secret key; every injected fault was retried;
- from the call log of all the runs: every statement of both policies is the ONLY statement
  that allowed at least one check (the call's action or a dependent one, such as
  iam:PassRole), so without it that call is refused (the sandbox refuses whatever no
  statement allows). That the run then fails is shown by real runs only for the two above:
  a module could do without a refused call, as amazon.aws.aws_caller_info does without the
  account alias (iam:ListAccountAliases, the one refusal tolerated). A statement can still
  hold actions no run used (updates, the other half of a create/delete pair): the proof is
  per statement, not per action.

test_interruption_sample_provider_and_teardown and test_interruption_sample_consumer,
beside it, each on a sandbox alike: the sample of the interruption matrix (their
docstrings), under the same roles and faults; no call refused but the one tolerated;
every injected fault retried.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_interruptions import SAMPLE_CONSUMER_STOPS, SAMPLE_PROVIDER_STOPS, SAMPLE_TEARDOWN_STOPS, Matrix
from test_pattern import (ROOT, Account, changed, check_empty, check_faults_were_retried, check_no_secret,
                          ok, plan, playbook)

from sandbox import control, testing

DEPLOYER = "lattice-deployer"
POLICIES = {"provider": ROOT / "iam" / "provider.json", "consumer": ROOT / "iam" / "consumer.json"}
# amazon.aws.aws_caller_info reads the account alias if it may, and does without it otherwise.
TOLERATED_DENIALS = {"iam:ListAccountAliases"}
# (account, Sid, action): the deploy without that action of the statement (the whole statement
# when None) fails, naming it. The subnets' read alone is its own case: it is the one read
# amazon.aws's info module does not turn into a message (roles/consumer/tasks/vpc.yml).
PERMISSIONS_REMOVED = [
    ("provider", "VpcLatticeRead", None),
    ("consumer", "Ec2Read", None),
    ("consumer", "Ec2Read", "ec2:DescribeSubnets"),
]
NOT_AUTHORIZED = re.compile(r"is not authorized to perform: ([\w-]+:\w+)")
# Half test_pattern.FAULTS' rates: every retry waits (botocore's backoff), and this test's
# twelve runs follow each other; the 2+2 test takes the full rates.
REFERENCE_FAULTS = "throttle=0.1,error=0.025"


def policy(account, without=None, action=None):
    """iam/<account>.json for ``account``, without the statement whose Sid is ``without``, or
    only without its ``action``."""
    document = json.loads(POLICIES[account.profile].read_text().replace("ACCOUNT_ID", account.id))
    if action is None:
        document["Statement"] = [s for s in document["Statement"] if s["Sid"] != without]
    for statement in document["Statement"]:
        if statement["Sid"] == without:
            statement["Action"] = [a for a in statement["Action"] if a != action]
    return document


def grant(account, without=None, action=None):
    """The deployer role of ``account``, trusting the account's own root (its profile in the sandbox
    inventory is the source credential), with only its policy."""
    iam = account("iam")
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account.id}:root"}, "Action": "sts:AssumeRole"}]}
    if not [r for r in iam.list_roles()["Roles"] if r["RoleName"] == DEPLOYER]:
        iam.create_role(RoleName=DEPLOYER, AssumeRolePolicyDocument=json.dumps(trust))
    iam.put_role_policy(RoleName=DEPLOYER, PolicyName="lattice-least-privilege",
                        PolicyDocument=json.dumps(policy(account, without, action)))


def inventory(path, accounts):
    """inventories/sandbox as shipped (what `make deploy` uses), plus one file: the provider and
    the consumer reach their account through its deployer role, assumed from the account's own
    profile (roles/aws_account: aws_profile is the source of aws_role_arn)."""
    shutil.copytree(ROOT / "inventories" / "sandbox", path)
    hosts = {name: {"aws_role_arn": f"arn:aws:iam::{account.id}:role/{DEPLOYER}"} for name, account in accounts.items()}
    (path / "deployer_roles.yml").write_text(yaml.safe_dump({"all": {"hosts": hosts}}))
    return path


def not_sts(calls):
    """The calls but STS's: assuming the deployer role creates nothing, also in check mode."""
    return [c for c in calls if c["service"] != "sts"]


def removed_actions(account, sid, action=None):
    if action is not None:
        return [action]
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


@pytest.fixture
def reference(tmp_path_factory):
    """A sandbox of its own for each test (xdist runs the two tests side by side). Transitional
    states last 3 s (instead of test_pattern.DELAY): long enough for the sample's stops to find
    the waits still in progress."""
    state_dir = tmp_path_factory.mktemp("reference")
    info = control.start(state_dir, control.free_port(), accounts=("provider", "consumer"), delay=3.0, iam="enforce",
                         faults=REFERENCE_FAULTS, **testing.AWS_LIKE)
    yield info
    control.stop(state_dir)


def deployers(info, tmp_path):
    """The accounts, each with its deployer role; the inventory that assumes them; the
    environment of the runs."""
    accounts = {name: Account(info, name) for name in ("provider", "consumer")}
    for account in accounts.values():
        grant(account)
    hosts = inventory(tmp_path / "inventory", accounts)
    # Assumed credentials carry no profile, so not the sandbox's endpoint of the profile either.
    return accounts, hosts, {"AWS_ENDPOINT_URL": info["endpoint_url"]}


@pytest.mark.sandbox
# Measured on the 2-core machine, alone: with the sample's 13 states inside it, each one path,
# 378 s and 4 min 17 s of CPU on a fast day, 484 s and 6 min 10 s on a slower one (2026-12-02);
# on that day, with 12 states each with both paths, 1095 s and 10 min 14 s beside the three
# tests of the whole matrix. The sample is now two tests of its own beside it (the sample
# in one test beside it took 640 s, the reference about 390 s).
@pytest.mark.slow(400)
def test_reference_pattern(reference, tmp_path):
    info = reference
    accounts, hosts, env = deployers(info, tmp_path)
    provider, consumer = accounts["provider"], accounts["consumer"]
    log = testing.CallLog(info["calls_log"])

    # --check --diff on fresh accounts: a complete plan (planned_change: also what a missing
    # parent hides). Provider: Lambda role, function, service, target group, invoke permission,
    # listener, share. Consumer: VPC, 4 subnets, 4 route tables, 3 security groups, Instance
    # Connect endpoint, instance role and its policy, 2 instances, service network, VPC
    # association, 1 service association.
    mark = log.mark()
    planned = ok(playbook(info, "deploy", hosts, "--check", "--diff", env_extra=env))
    assert not_sts(log.mutating(since=mark)) == []
    assert plan(planned) == {"management-account": "nothing to do",
                             "provider": "7 to create, 0 to change, 0 to delete",
                             "consumer": "20 to create, 0 to change, 0 to delete"}, planned[1][-15000:]
    assert "+++ after: vpc-lattice listener https-service-listener" in planned[1]
    check_empty(provider)
    check_empty(consumer)

    # The deploy (Matrix.converge: every row of the reference, exactly one of each resource).
    # The further deploy with changed=0 is the check-mode run below (nothing to do, changed=0
    # in every account, no mutating call): the same reads, without a run of its own; a real
    # no-op re-deploy is the interruption sample's, and every role path is shown unchanged by
    # test_pattern.py's 2+2 test (its re-deploy after changes made behind its back).
    matrix = Matrix(info, "reference", inventory=hosts, env_extra=env | {"ANSIBLE_DEPRECATION_WARNINGS": "1"})
    matrix.converge("deploy", again=False)
    assert matrix.problems == [], matrix.problems
    # No deprecated option or behaviour is used. The one deprecation left is printed by
    # amazon.aws.iam_role (10.x) on every call, whatever its options.
    deployed = matrix.runs[-1]
    deprecations = [line for line in deployed[1].splitlines() if "DEPRECATION" in line]
    assert [d for d in deprecations if "iam_role.assume_role_policy_document_raw" not in d] == [], deprecations

    # verify.yml calls the service from a consumer instance through the sandbox's data plane.
    mark = log.mark()
    verified = ok(playbook(info, "verify", hosts, env_extra=env))
    assert "Hello from Lambda Function!!" in verified[1]
    assert [(c["operation"], c["status"], c["account"]) for c in log(since=mark)
            if c["service"] == "vpc-lattice-svcs" and not c.get("fault")] == [("Invoke", 200, consumer.id)]
    mark = log.mark()
    checked = ok(playbook(info, "deploy", hosts, "--check", "--diff", env_extra=env))
    assert changed(checked) == {"management-account": 0, "provider": 0, "consumer": 0}, checked[1][-15000:]
    assert set(plan(checked).values()) == {"nothing to do"}, checked[1][-5000:]
    assert not_sts(log.mutating(since=mark)) == []
    # Every VPC Lattice and RAM call is one of this collection's modules (amazon.aws has none)
    # and names it in the User-Agent, as CloudTrail records it; make bench counts by it.
    lattice_and_ram = [c for c in log(since=mark) if c["service"] in ("vpc-lattice", "ram")]
    agents = {(re.search(r"lattice\.multi_account/(\w+)", c["user_agent"]) or [None, c["user_agent"]])[1]
              for c in lattice_and_ram}
    assert {"vpc_lattice_service", "vpc_lattice_target_group", "vpc_lattice_listener", "ram_resource_share",
            "ram_resource_share_info", "vpc_lattice_service_network",
            "vpc_lattice_service_network_vpc_association",
            "vpc_lattice_service_network_service_association"} == agents, agents

    # One statement less, the run fails, and says which permission is missing. One run per
    # account (--limit): deploy.yml stops before the consumers once the providers have failed.
    refusals = set()
    for name, sid, action in PERMISSIONS_REMOVED:
        grant(accounts[name], without=sid, action=action)
        mark = len(Path(info["calls_log"]).read_text().splitlines())
        returncode, output, recap = playbook(info, "deploy", hosts, "--limit", name, env_extra=env)
        grant(accounts[name])
        assert returncode != 0 and recap[name]["failed"], output[-3000:]
        removed = set(removed_actions(accounts[name], sid, action))
        named = set(NOT_AUTHORIZED.findall(output)) & removed
        assert named, f"{name}: no action of {sid} ({action or 'all'}) named in\n{output[-3000:]}"
        assert "Traceback" not in output, output[-3000:]
        if name == "provider":  # this collection's module also says what to do
            assert f"lack the IAM permission {sorted(named)[0]}" in output, output[-3000:]
            assert "iam/ folder of this collection" in output
        refused = {(account, call["iam"]["denied"]) for account, call in deployer_checks(info, accounts, since=mark)
                   if "denied" in call["iam"] and call["iam"]["denied"] not in TOLERATED_DENIALS}
        assert refused and {account for account, _action in refused} == {name}, refused
        assert {action for _account, action in refused} <= removed, refused
        refusals |= refused

    # The teardown: every account empty (that a further teardown changes nothing and makes no
    # mutating call is test_pattern.py's outsider test).
    torn = ok(matrix.run("teardown"))
    check_empty(provider)
    check_empty(consumer)
    check_no_secret(info, planned, verified, checked, torn, *matrix.runs)
    print(f"reference pattern under SANDBOX_FAULTS={REFERENCE_FAULTS}: {check_faults_were_retried(log)} faults, all retried")

    entries = deployer_checks(info, accounts)
    refused = {call["iam"]["denied"] for _account, call in entries if "denied" in call["iam"]}
    assert refused - TOLERATED_DENIALS == {action for _account, action in refusals}
    needed = sole_grants(entries)
    for name, account in accounts.items():
        sids = [s["Sid"] for s in policy(account)["Statement"]]
        assert sorted(needed.get(name, {})) == sorted(sids), (
            f"{name}: statements no call needed: {sorted(set(sids) - set(needed.get(name, {})))}")


# The sample of the interruption matrix in two tests side by side, so that neither is the
# session's longest (they spend part of their time waiting for the sandbox's transitions).
@pytest.mark.sandbox
@pytest.mark.slow(450)
def test_interruption_sample_provider_and_teardown(reference, tmp_path):
    """The provider's deploy stopped at each of its seven states (test_interruptions.py,
    SAMPLE_PROVIDER_STOPS), each run from what the previous one left, and from each state,
    before the next run, a teardown that leaves the provider empty and the state put back
    (a sandbox snapshot); from the last, a deploy of the whole pattern (exactly one of each
    resource) and once more (changed=0); then the teardown stopped at three points, each
    from what the previous one left, each followed by a second teardown that leaves every
    account empty. Under the reference's least-privilege roles and faults, so that the
    deploys and teardowns AWX cancels run under least privilege too."""
    info = reference
    accounts, hosts, env = deployers(info, tmp_path)
    matrix = Matrix(info, "sample: provider and teardown", inventory=hosts, env_extra=env)
    matrix.deploy_states(SAMPLE_PROVIDER_STOPS, "--limit", "management-account,provider", to_the_end=False)
    matrix.converge(SAMPLE_PROVIDER_STOPS[-1].name)
    matrix.teardown_states(SAMPLE_TEARDOWN_STOPS)
    check_sample(info, accounts, matrix)


@pytest.mark.sandbox
@pytest.mark.slow(450)
def test_interruption_sample_consumer(reference, tmp_path):
    """On a deployed provider, the consumer's deploy (``--limit consumer``) stopped at five
    states (SAMPLE_CONSUMER_STOPS), each reached from the one before, among them a deploy
    that fails on its own; from each, a teardown that leaves the consumer empty, then, from
    the state put back, the next stopped deploy; from the last, a deploy to the end
    (exactly one of each resource) and once more (changed=0). Under the reference's
    least-privilege roles and faults."""
    info = reference
    accounts, hosts, env = deployers(info, tmp_path)
    matrix = Matrix(info, "sample: consumer", inventory=hosts, env_extra=env)
    ok(matrix.run("deploy", "--limit", "management-account,provider"))
    matrix.deploy_states(SAMPLE_CONSUMER_STOPS, "--limit", "consumer")
    check_sample(info, accounts, matrix)


def check_sample(info, accounts, matrix):
    """The sample's figure (no state left something behind or made a duplicate, no secret
    printed), no call refused but the tolerated one, every injected fault retried."""
    matrix.figure()
    refused = {call["iam"]["denied"] for _account, call in deployer_checks(info, accounts) if "denied" in call["iam"]}
    assert refused <= TOLERATED_DENIALS, refused
    print(f"{matrix.group} under SANDBOX_FAULTS={REFERENCE_FAULTS}: "
          f"{check_faults_were_retried(testing.CallLog(info['calls_log']))} faults, all retried")
