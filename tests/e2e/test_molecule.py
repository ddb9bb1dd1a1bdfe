"""Runs the molecule scenarios of extensions/molecule/ on a private sandbox.

Each scenario deploys (converge), checks idempotence, verifies and tears down
(destroy) on the sandbox; ANSIBLE_HOME points into the test's temporary folder so
nothing is written to the home folder.
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


@pytest.mark.sandbox
@pytest.mark.slow(225)
@pytest.mark.parametrize("scenario", SCENARIOS)
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
    result = subprocess.run([str(BIN / "molecule"), "test", "-s", scenario], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-20000:]
    assert "failed=0" in output.split("SCENARIO RECAP")[-1], output[-5000:]
    if scenario == "pattern":
        assert "Hello from Lambda Function!!" in output, output[-5000:]
