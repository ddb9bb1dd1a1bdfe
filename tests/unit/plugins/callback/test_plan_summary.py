"""plugins/callback/plan_summary.py and plugins/action/planned_change.py: how a changed
result is classified, and, through ansible-playbook, the summary a run ends with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ansible_collections.lattice.multi_account.plugins.callback.plan_summary import classify

ROOT = Path(__file__).resolve().parents[4]


# Results as the modules return them (captured from amazon.aws 10.x and this collection's modules).
@pytest.mark.parametrize("result, check_mode, expected", [
    ({"changed": True, "planned": {"action": "create"}}, True, "create"),
    ({"changed": True, "planned": {"action": "update"}}, True, "change"),
    ({"changed": True, "planned": {"action": "delete"}}, True, "delete"),
    # this collection's modules: a diff from nothing, to nothing, or between two states
    ({"changed": True, "diff": {"before": {}, "after": {"name": "svc"}}, "service": {"arn": "arn:x"}}, False, "create"),
    ({"changed": True, "diff": {"before": {"name": "svc"}, "after": {}}}, False, "delete"),
    ({"changed": True, "diff": [{"before": {"a": 1}, "after": {"a": 2}}]}, True, "change"),
    # amazon.aws in check mode, a resource that does not exist yet: no data about it
    ({"changed": True, "msg": "VPC would be created if not in check mode"}, True, "create"),
    ({"changed": True, "subnet": {}}, True, "create"),
    ({"changed": True, "group_id": None}, True, "create"),
    # amazon.aws in check mode, an existing resource that would change
    ({"changed": True, "vpc": {"id": "vpc-0123", "cidr_block": "10.0.0.0/16"}}, True, "change"),
    ({"changed": True, "group_id": "sg-0123"}, True, "change"),
    # deletions by the module's arguments
    ({"changed": True, "invocation": {"module_args": {"state": "absent", "vpc_id": "vpc-1"}}}, False, "delete"),
    ({"changed": True, "invocation": {"module_args": {"state": "terminated"}}, "instance_ids": ["i-1"]}, True,
     "delete"),
    # a real run cannot tell an amazon.aws creation from a change: both name the resource
    ({"changed": True, "vpc": {"id": "vpc-0123"}}, False, "change"),
    ({"changed": True, "invocation": {"module_args": {"name": "x"}}}, False, "change"),
])
def test_classify(result, check_mode, expected):
    assert classify(result, check_mode) == expected


PLAYBOOK = """
- hosts: provider, consumer
  gather_facts: false
  tasks:
    - name: A planned creation per item
      lattice.multi_account.planned_change:
        resource: ec2 subnet
        name: "{{ item }}"
        properties: {cidr: 10.0.0.0/24}
        reason: VPC v does not exist yet
      loop: "{{ ['subnet-a', 'subnet-b'] if inventory_hostname == 'consumer' else [] }}"

    - name: A planned deletion
      lattice.multi_account.planned_change:
        resource: vpc-lattice listener
        name: old
        action: delete
      when: inventory_hostname == 'provider'
"""


def run(tmp_path, *args):
    (tmp_path / "play.yml").write_text(PLAYBOOK)
    (tmp_path / "hosts").write_text("provider\nconsumer\n")
    env = dict(os.environ, ANSIBLE_CONFIG=str(ROOT / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               ANSIBLE_HOME=str(tmp_path / "home"), ANSIBLE_CONNECTION="local",
               ANSIBLE_PYTHON_INTERPRETER=sys.executable)
    result = subprocess.run([str(Path(sys.executable).parent / "ansible-playbook"), "play.yml", "-i", "hosts", *args],
                            cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    return result.returncode, result.stdout + result.stderr


def test_check_mode_reports_the_planned_changes_and_ends_with_a_plan(tmp_path):
    returncode, output = run(tmp_path, "--check", "--diff")
    assert returncode == 0, output
    assert "+++ after: ec2 subnet subnet-a" in output
    assert "cidr: 10.0.0.0/24" in output
    plan = output.split("PLAN (check mode: nothing was changed)", 1)[1]
    assert "provider: 0 to create, 0 to change, 1 to delete" in plan
    assert "consumer: 2 to create, 0 to change, 0 to delete" in plan


def test_a_planned_change_refuses_to_run_outside_check_mode(tmp_path):
    returncode, output = run(tmp_path)
    assert returncode != 0
    assert "planned_change reports a change only in check mode" in output
    assert "CHANGES" in output and "consumer: nothing changed" in output
