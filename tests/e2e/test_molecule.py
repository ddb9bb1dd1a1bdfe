"""Runs the molecule scenarios of extensions/molecule/ on a private sandbox.

The `provider` scenario deploys the provider role (converge), checks idempotence,
verifies and tears down (destroy); the `pattern` scenario imports the deploy, verify and
teardown playbooks. Both repeat what the end-to-end tests already run under harder
conditions (injected faults, IAM enforced, checked with boto3: the provider role is
deployed, re-deployed, verified and torn down in each of them), and `make test` has 20
minutes: so `make test` runs each scenario's `syntax` step (molecule loads the scenario,
ansible-playbook parses the converge play) and parses every other playbook of the
scenario. Run them whole with `MOLECULE_FULL=1 make test-molecule`. ANSIBLE_HOME points
into the test's temporary folder so nothing is written to the home folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox import control, testing

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCENARIOS = sorted(p.parent.name for p in (ROOT / "extensions" / "molecule").glob("*/molecule.yml"))


@pytest.fixture(scope="module")
def molecule_sandbox(tmp_path_factory):
    state_dir = tmp_path_factory.mktemp("molecule-sandbox")
    info = control.start(state_dir, control.free_port(), accounts=("provider", "consumer"), external=(), delay=0.2,
                         **testing.AWS_LIKE)
    yield state_dir, info
    control.stop(state_dir)


# Scenarios that repeat an end-to-end test: only their syntax step, unless MOLECULE_FULL is set.
REPEATS_E2E = {"pattern", "provider"}


def command(scenario):
    if scenario in REPEATS_E2E and not os.environ.get("MOLECULE_FULL"):
        return "syntax"
    return "test"


@pytest.mark.sandbox
@pytest.mark.parametrize("scenario", [
    pytest.param(name, marks=[] if command(name) == "syntax" else [pytest.mark.slow(225)]) for name in SCENARIOS])
def test_scenario(scenario, molecule_sandbox, tmp_path):
    state_dir, _info = molecule_sandbox
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        SANDBOX_STATE_DIR=str(state_dir),
        ANSIBLE_HOME=str(tmp_path / "ansible-home"),
        ANSIBLE_NOCOLOR="1",
        NO_COLOR="1",
    )
    for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(var, None)
    result = subprocess.run([str(BIN / "molecule"), command(scenario), "-s", scenario], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:]
    if command(scenario) == "syntax":
        assert "playbook: " in output, output[-5000:]
        # molecule's syntax step parses converge.yml: the other playbooks of the scenario too.
        for path in sorted((ROOT / "extensions" / "molecule" / scenario).glob("*.yml")):
            if path.name in ("molecule.yml", "converge.yml"):
                continue
            checked = subprocess.run([str(BIN / "ansible-playbook"), "--syntax-check", str(path)], cwd=ROOT, env=env,
                                     capture_output=True, text=True, check=False)
            assert checked.returncode == 0, f"{path.name}: {checked.stdout[-3000:]}{checked.stderr[-3000:]}"
        return
    assert "failed=0" in output.split("SCENARIO RECAP")[-1], output[-5000:]
    if scenario == "pattern":
        assert "Hello from Lambda Function!!" in output, output[-5000:]
