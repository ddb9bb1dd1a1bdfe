"""Environment and command helpers shared by the packaging tests and their fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def isolated_env(**extra: str) -> dict[str, str]:
    """Environment for the ansible CLIs: this venv's tools first, and nothing that
    would point Ansible back at the checkout (ANSIBLE_* settings, or a PYTHONPATH
    holding the .collections link). Callers run them outside the checkout, so its
    ansible.cfg is not read either."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANSIBLE_") and k != "PYTHONPATH"}
    # Caches and temporary files stay in the checkout, as with `make` (not in ~/.ansible).
    env["ANSIBLE_HOME"] = os.environ.get("ANSIBLE_HOME", str(ROOT / ".cache" / "ansible"))
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])
    env["ANSIBLE_NOCOLOR"] = "1"
    env.update(extra)
    return env


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Runs a CLI and fails the test with its output when it exits non-zero."""
    result = subprocess.run(
        args, cwd=cwd, env=env or isolated_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result
