"""Session fixtures for tests that need the sandbox (see sandbox/README.md).

``sandbox`` reuses the sandbox named by SANDBOX_STATE_DIR when one is running
there; otherwise it starts a private one (free port, temporary state dir,
accounts provider + consumer, external account outsider) and stops it at the end.
"""

from __future__ import annotations

import os

import pytest

from sandbox import control, testing


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    state_dir = os.environ.get("SANDBOX_STATE_DIR")
    running = control.status(state_dir) if state_dir else None
    if running:
        yield running
        return
    private = tmp_path_factory.mktemp("sandbox")
    info = control.start(
        private, control.free_port(), accounts=("provider", "consumer"), external=("outsider",)
    )
    try:
        yield info
    finally:
        control.stop(private)


@pytest.fixture(scope="session")
def aws_client(sandbox):
    """``aws_client(profile, service)``: a boto3 client acting in that sandbox account."""

    def make(profile, service, **kwargs):
        return testing.client(sandbox, profile, service, **kwargs)

    return make


@pytest.fixture(scope="session")
def calls(sandbox):
    """The call log: ``calls()`` lists entries, ``calls(since=calls.mark())`` the new ones."""
    return testing.CallLog(sandbox["calls_log"])
