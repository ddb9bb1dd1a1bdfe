"""Session fixtures for tests that need the sandbox (see sandbox/README.md).

``sandbox`` reuses the sandbox named by SANDBOX_STATE_DIR when one with the same
behaviour is running there; otherwise it starts a private one (free port, temporary state dir,
accounts provider + consumer, external account outsider) and stops it at the end.
Like every sandbox the tests deploy to, it is never kinder than AWS: a new resource
may stay unreadable for up to 2 s and Lambda refuses an IAM role younger than 5 s
(sandbox.testing.AWS_LIKE).
"""

from __future__ import annotations

import pytest

from sandbox import testing


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    with testing.session_sandbox(tmp_path_factory.mktemp, **testing.AWS_LIKE) as info:
        yield info


# aws_client and calls are bound to the sandbox of the directory that asks for them.
# pytest makes a session fixture once per session, with the first ``sandbox`` it was
# given: a directory that overrides ``sandbox`` (tests/sandbox) overrides these too.
@pytest.fixture(scope="session")
def aws_client(sandbox):
    """``aws_client(profile, service)``: a boto3 client acting in that sandbox account."""
    return testing.client_factory(sandbox)


@pytest.fixture(scope="session")
def calls(sandbox):
    """The call log: ``calls()`` lists entries, ``calls(since=calls.mark())`` the new ones."""
    return testing.CallLog(sandbox["calls_log"])
