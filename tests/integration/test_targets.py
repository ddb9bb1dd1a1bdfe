"""Run every integration target against the sandbox, one pytest case each.

Targets follow amazon.aws's layout (``targets/<name>/tasks/main.yml`` and an
``aliases`` file) and receive the variables ansible-test would give them, plus the
sandbox's profiles, so the same task files run unchanged against real accounts.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TARGETS = sorted(p.name for p in (HERE / "targets").iterdir() if (p / "tasks" / "main.yml").is_file())


# Targets that take more than ~20 s, with their measured seconds (tests/conftest.py starts them first).
SLOW = {"vpc_lattice_vpc_resources": 56}


def _target(name):
    return pytest.param(name, marks=pytest.mark.slow(SLOW[name])) if name in SLOW else name


def _disabled(name):
    aliases = HERE / "targets" / name / "aliases"
    return aliases.is_file() and "disabled" in [line.strip() for line in aliases.read_text().splitlines()]


@pytest.mark.sandbox
@pytest.mark.parametrize("target", [_target(t) for t in TARGETS if not _disabled(t)])
def test_target(target, sandbox, tmp_path):
    accounts = {name: acct["id"] for name, acct in sandbox["accounts"].items()}
    extra_vars = {
        "integration_target": target,
        # The venv's Python, which has boto3, not whatever `python3` is first on PATH.
        "ansible_python_interpreter": sys.executable,
        "resource_prefix": "it-" + secrets.token_hex(4),
        "aws_region": sandbox["region"],
        "sandbox_accounts": accounts,
        "organization_arn": sandbox["organization"]["arn"],
        "provider_profile": "provider",
        "consumer_profile": "consumer",
        "external_profile": next(
            (n for n, a in sandbox["accounts"].items() if not a["in_organization"]), ""
        ),
    }
    vars_file = tmp_path / "vars.json"
    vars_file.write_text(json.dumps(extra_vars))
    env = dict(
        os.environ,
        AWS_CONFIG_FILE=sandbox["aws_config_file"],
        ANSIBLE_ROLES_PATH=str(HERE / "targets"),
        ANSIBLE_CONFIG=str(ROOT / "ansible.cfg"),
    )
    for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(var, None)
    cmd = [
        str(Path(sys.executable).with_name("ansible-playbook")),
        str(HERE / "target.yml"),
        "-i", "localhost,",
        "-e", f"@{vars_file}",
    ]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
