"""Start, stop and inspect a sandbox (one per state directory).

``start`` runs :mod:`sandbox.server` as a detached process (its own session, so
it outlives the shell or test that started it) and returns once the server
answers and has written ``accounts.json``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import settings

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60


def _paths(state_dir: str | os.PathLike) -> dict[str, Path]:
    root = Path(state_dir).resolve()
    return {name: root / file for name, file in (
        ("root", ""), ("pid", "server.pid"), ("accounts", "accounts.json"), ("log", "server.log"))}


def _pid(paths: dict[str, Path]) -> int | None:
    try:
        pid = int(paths["pid"].read_text())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def _answers(endpoint_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{endpoint_url}/moto-api/config", timeout=2) as response:
            return 200 <= response.status < 300
    except OSError:
        return False


def status(state_dir: str | os.PathLike | None = None) -> dict[str, Any] | None:
    """The accounts.json of the sandbox running for ``state_dir``, or None."""
    paths = _paths(state_dir or settings.state_dir())
    if _pid(paths) is None or not paths["accounts"].exists():
        return None
    info = json.loads(paths["accounts"].read_text())
    return info if _answers(info["endpoint_url"]) else None


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(
    state_dir: str | os.PathLike | None = None,
    port: int | None = None,
    accounts: Iterable[str] | None = None,
    external: Iterable[str] | None = None,
    delay: float | None = None,
    region: str | None = None,
    **behaviour: Any,
) -> dict[str, Any]:
    """Start a sandbox (or reuse the one answering for ``state_dir``); returns accounts.json.

    ``behaviour``: ``lag``, ``iam_propagation``, ``faults``, ``timing``, ``time_scale``, ``iam``
    (see settings.py); unset ones come from the environment (SANDBOX_LAG...).
    """
    unknown = set(behaviour) - set(settings.BEHAVIOUR)
    if unknown:
        raise TypeError(f"unknown sandbox settings: {', '.join(sorted(unknown))}")
    paths = _paths(state_dir or settings.state_dir())
    running = status(paths["root"])
    if running:
        return running
    stop(paths["root"])
    port = port or settings.port()
    if not _port_free(port):
        raise RuntimeError(f"port {port} is in use by another program: choose another with --port")
    paths["root"].mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")])))
    for name, value in (("SANDBOX_ACCOUNTS", accounts), ("SANDBOX_EXTERNAL_ACCOUNTS", external)):
        if value is not None:
            env[name] = " ".join(value)
    if delay is not None:
        env["SANDBOX_DELAY"] = str(delay)
    if region is not None:
        env["SANDBOX_REGION"] = region
    for name, value in behaviour.items():
        if value is not None:
            env[settings.BEHAVIOUR[name][0]] = str(value)
    with open(paths["log"], "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "sandbox.server", "--state-dir", str(paths["root"]), "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=paths["root"],
            start_new_session=True,
        )
    paths["pid"].write_text(f"{process.pid}\n")
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        info = status(paths["root"])
        if info:
            return info
        time.sleep(0.1)
    stop(paths["root"])
    tail = paths["log"].read_text(errors="replace")[-2000:]
    raise RuntimeError(f"the sandbox did not start; end of {paths['log']}:\n{tail}")


def stop(state_dir: str | os.PathLike | None = None) -> bool:
    """Stop the sandbox of ``state_dir``; True if one was running. Keeps the logs."""
    paths = _paths(state_dir or settings.state_dir())
    pid = _pid(paths)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while _pid(paths) is not None and time.monotonic() < deadline:
            try:  # reap it when it is our child (tests), so it does not linger as a zombie
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            time.sleep(0.05)
        if _pid(paths) is not None:
            os.kill(pid, signal.SIGKILL)
    for name in ("pid", "accounts"):
        paths[name].unlink(missing_ok=True)
    return pid is not None


def snapshot(info: dict[str, Any], name: str) -> None:
    """Save every account's resources under ``name`` (sandbox/snapshot.py)."""
    _post(info, f"/_sandbox/snapshot/{name}")


def restore(info: dict[str, Any], name: str) -> None:
    """Put back the resources saved under ``name``: the accounts hold what they held then."""
    _post(info, f"/_sandbox/restore/{name}")


def _post(info: dict[str, Any], path: str) -> None:
    request = urllib.request.Request(info["endpoint_url"] + path, data=b"", method="POST")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"POST {path}: {error.code} {error.read().decode(errors='replace')}") from None


def env_exports(info: dict[str, Any], state_dir: str | os.PathLike) -> str:
    """Shell lines that point the AWS SDKs, the CLI, Ansible and pytest at the sandbox."""
    profiles = " ".join(account["profile"] for account in info["accounts"].values())
    return "\n".join([
        f"export AWS_CONFIG_FILE={info['aws_config_file']}",
        f"export SANDBOX_STATE_DIR={Path(state_dir).resolve()}",
        f"# profiles: {profiles}",
    ]) + "\n"
