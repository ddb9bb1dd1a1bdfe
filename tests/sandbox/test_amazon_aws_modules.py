"""amazon.aws modules work against the sandbox with only AWS_CONFIG_FILE and a profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.sandbox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_ipv6_vpc_subnet_and_instance_with_amazon_aws(sandbox, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=sandbox["aws_config_file"], ANSIBLE_CONFIG=str(ROOT / "ansible.cfg"))
    variables = tmp_path / "vars.json"
    variables.write_text(json.dumps({
        "resource_prefix": f"sbx-{uuid.uuid4().hex[:8]}",
        "expected_account": sandbox["accounts"]["consumer"]["id"],
        "ansible_python_interpreter": sys.executable,
    }))
    result = subprocess.run(
        [str(Path(sys.executable).with_name("ansible-playbook")), str(HERE / "playbooks" / "ipv6_network.yml"),
         "-i", "localhost,", "-e", f"@{variables}"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-3000:]
    assert "failed=0" in result.stdout
