"""Session fixtures for tests that need the sandbox (see sandbox/README.md).

``sandbox`` reuses the sandbox named by SANDBOX_STATE_DIR when one with the same
behaviour is running there; otherwise it starts a private one (free port, temporary state dir,
accounts provider + consumer, external account outsider) and stops it at the end.
Like every sandbox the tests deploy to, it is never kinder than AWS: a new resource
may stay unreadable for up to 2 s and Lambda refuses an IAM role younger than 5 s
(sandbox.testing.AWS_LIKE).
"""

from __future__ import annotations

import os

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


def _seconds(item):
    marker = item.get_closest_marker("slow")
    return marker.args[0] if marker and marker.args else 0


# trylast: after `-m` and `-k` have deselected (pytest's own hook), or the deselected tests
# (make test's `-m "not interruptions"`, the longest of all) would take the front places and
# leave the longest selected tests second in their worker's first pair.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests that take minutes (``slow(seconds)``) first, longest first, each
    followed by a short one; then the other tests in their order.

    `make test` runs ``--dist load --maxschedchunk 1``: pytest-xdist gives each worker
    two consecutive tests to start with, then one more each time one of its tests
    ends. So each worker starts one long deployment at once, and the next long one
    goes to the first worker that frees up, instead of the long ones queueing behind
    each other on one worker at the end of the session.
    """
    slow = sorted((item for item in items if _seconds(item)), key=_seconds, reverse=True)
    fast = [item for item in items if not _seconds(item)]
    ordered = []
    for index, item in enumerate(slow):
        ordered += [item] + fast[index:index + 1]
    items[:] = ordered + fast[len(slow):]


# The end-to-end tests that take this long (slow(seconds), as measured in a full session)
# are the session's longest chains of runs: they end last, and they spend most of their
# time waiting, as on AWS (`make test` runs six workers on two cores). Measured at 8d5e286:
# the 2+2 test ran 19.3 of the session's 20.2 minutes, the reference test 18.6, and for
# their last minutes the two ran alone, each slowed before that by the short tests beside
# it. So a worker lowers its priority (nice, which its runs and sandboxes inherit) before
# it runs any other test: the chains get the CPU when they need it, the short tests fill
# the rest. A lowered priority cannot be raised again without privileges, so a worker
# that ran a chain runs the rest of its tests lowered too. Only under pytest-xdist. Since
# 2026-12-02 there are four chains: the 2+2 test, the reference test and the interruption
# sample's two tests beside it (tests/e2e/test_reference_pattern.py).
CHAIN_SECONDS = 350
SHORT_TEST_NICENESS = 10
_lowered = []


def pytest_runtest_setup(item):
    if os.environ.get("PYTEST_XDIST_WORKER") and not _lowered and _seconds(item) < CHAIN_SECONDS:
        os.nice(SHORT_TEST_NICENESS)
        _lowered.append(item.nodeid)
