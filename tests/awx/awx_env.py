"""Helpers for the AWX tests: run the ansible CLIs from the checkout the way an AWX
job does, with one base AWS credential in the environment."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ASSUME_ROLE_INVENTORY = "inventories/sandbox-assume-role"


def ansible(*args: str, env: dict[str, str] | None = None, timeout: int = 1200) -> subprocess.CompletedProcess:
    """From the checkout (its ansible.cfg resolves lattice.multi_account), inheriting no
    controller or AWS settings: `env` gives the only ones the command sees."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CONTROLLER_", "TOWER_", "AWS_"))}
    base.update(ANSIBLE_NOCOLOR="1", PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))
    base.update(env or {})
    return subprocess.run(list(args), cwd=ROOT, env=base, capture_output=True, text=True, timeout=timeout, check=False)


def base_credential_env(sandbox: dict) -> dict[str, str]:
    """What an AWX AWS credential injects: access keys (here the sandbox management
    account's) and nothing else; the endpoint is the sandbox's. AWS_CONFIG_FILE points
    at nothing, so no sandbox profile can be used by mistake."""
    config = configparser.ConfigParser()
    config.read(sandbox["aws_config_file"])
    management = config[f"profile {sandbox['accounts']['management']['profile']}"]
    return {
        "AWS_ACCESS_KEY_ID": management["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": management["aws_secret_access_key"],
        "AWS_ENDPOINT_URL": sandbox["endpoint_url"],
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
