"""``POST /_sandbox/snapshot/<name>`` and ``POST /_sandbox/restore/<name>``: save every
account's resources and put them back, for tests that check two futures of one state.

A test tool, not an AWS behaviour, in the manner of moto's own ``POST /moto-api/reset``:
the interruption matrix (tests/e2e/test_interruptions.py) stops a deploy at a point,
saves what the accounts hold, checks that a teardown empties them, restores the saved
state, and checks that a re-deploy converges from it: both paths from one stopped run.

What is saved is moto's whole state: every ``BackendDict`` in use (every service, account
and region), deep-copied in one go so that references between services stay shared.

A restore puts the accounts back as they were **at the moment of the snapshot**: the time
the snapshot spent saved does not count. Every clock the sandbox's behaviours read
(``CLOCKS``: the lifecycles' transitions, the read-after-write lag, RAM's associations,
the IAM role propagation Lambda checks) is moved forward by that time, so a resource saved
``CREATE_IN_PROGRESS`` with 4 s to go is restored with 4 s to go, as for a user who runs
again right after the stop. Nothing else changes: the call log keeps every call (tests
read it from an offset), faults, IAM enforcement and the data plane's caches (keyed by
content) stay as they are.

A snapshot is kept in memory under its name until the server stops; saving a name again
replaces it. A restore copies the snapshot again, so one snapshot can be restored many times.
"""

from __future__ import annotations

import copy
import copyreg
import datetime
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from .wsgi import json_reply

PREFIX = "/_sandbox/"
ACTIONS = ("snapshot", "restore")


def clocks() -> dict[type, tuple[str, ...]]:
    """The classes whose attributes hold the time of a call (epoch seconds or a datetime),
    from which a behaviour of the sandbox measures how long ago it was."""
    from moto.iam.models import Role

    from .moto_ext.core.consistency import Visibility
    from .moto_ext.core.lifecycle import Lifecycle
    from .moto_ext.ram.models import Association

    return {
        Lifecycle: ("created_at", "updated_at", "deleted_at"),  # every transitional state
        Visibility: ("since",),  # the read-after-write lag (SANDBOX_LAG)
        Association: ("_settles_at",),  # RAM ASSOCIATING / DISASSOCIATING
        Role: ("create_date",),  # the IAM propagation CreateFunction checks (awslambda/models.py)
    }


# The seconds a restore adds to every clock; 0 while saving. Set under SnapshotEndpoint.lock.
_shift = 0.0


def _reduce_with_shifted_clocks(instance: Any) -> tuple:
    """How copy.deepcopy rebuilds an instance of a ``clocks()`` class: its attributes, with
    each clock moved ``_shift`` seconds forward."""
    state = dict(instance.__dict__)
    for name in clocks()[type(instance)]:
        value = state.get(name)
        if isinstance(value, datetime.datetime):
            state[name] = value + datetime.timedelta(seconds=_shift)
        elif isinstance(value, (int, float)):
            state[name] = value + _shift
    return copyreg.__newobj__, (type(instance),), state


def _new_parameter_dict(account_id: str, region_name: str) -> Any:
    from moto.ssm.models import ParameterDict

    return ParameterDict(account_id, region_name)


def _reduce_parameter_dict(parameters: Any) -> tuple:
    """SSM's ParameterDict is a defaultdict whose __init__ takes (account_id, region_name):
    the defaultdict way of copying it, ``cls(default_factory)``, cannot build it."""
    return (_new_parameter_dict, (parameters.account_id, parameters.region_name), dict(parameters.__dict__),
            None, iter(parameters.items()))


def _register_reducers() -> None:
    """copy.deepcopy asks copyreg's table first, before an object's own way of copying."""
    from moto.ssm.models import ParameterDict

    copyreg.pickle(ParameterDict, _reduce_parameter_dict)
    for cls in clocks():
        copyreg.pickle(cls, _reduce_with_shifted_clocks)


def _aws_managed_policies(backends: list[Any]) -> list[Any]:
    """Every account's AWS managed policies (moto loads about 1,200 per account,
    MOTO_IAM_LOAD_MANAGED_POLICIES): shared between the live state and the snapshots instead
    of copied, which took 1.6 of a snapshot's 2.0 s (measured on a 1+1 deployment). An
    account can change nothing of them but how many roles, users and groups they are
    attached to (``attachment_count``): the snapshot records it and a restore puts it back."""
    from moto.iam.models import AWSManagedPolicy

    return [policy for backend in backends if backend.service_name == "iam"
            for _account, _region, iam in backend.iter_backends()
            for policy in iam.aws_managed_policies if isinstance(policy, AWSManagedPolicy)]


def _in_use() -> list[Any]:
    from moto.core.base_backend import BackendDict

    return list(BackendDict._instances)  # the BackendDicts moto resets on /moto-api/reset


@dataclass
class Snapshot:
    taken_at: float
    backends: dict[Any, dict[str, Any]]  # BackendDict -> its accounts, deep-copied
    shared: list[tuple[Any, int]]  # AWS managed policies, not copied, and their attachment_count


def save() -> Snapshot:
    """A deep copy of every BackendDict's accounts."""
    from moto.core.base_backend import backend_lock

    global _shift
    _register_reducers()
    with backend_lock:
        _shift = 0.0
        backends = _in_use()
        shared = _aws_managed_policies(backends)
        # One deepcopy call: one memo, so an object two services refer to stays one object.
        # An object in the memo already is not copied: the AWS managed policies.
        copies = copy.deepcopy([dict(backend) for backend in backends], {id(p): p for p in shared})
        return Snapshot(time.time(), dict(zip(backends, copies)), [(p, p.attachment_count) for p in shared])


def restore(snapshot: Snapshot) -> None:
    """Put ``snapshot`` back, its clocks moved by the time since it was taken; a
    BackendDict first used after the snapshot is emptied."""
    from moto.core.base_backend import BackendDict, backend_lock

    global _shift
    _register_reducers()
    with backend_lock:
        _shift = time.time() - snapshot.taken_at
        try:
            copies = copy.deepcopy(list(snapshot.backends.values()), {id(p): p for p, _count in snapshot.shared})
        finally:
            _shift = 0.0
        for policy, count in snapshot.shared:
            policy.attachment_count = count
        for backend in _in_use():
            if backend not in snapshot.backends:
                dict.clear(backend)
        for backend, accounts in zip(snapshot.backends, copies):
            dict.clear(backend)
            dict.update(backend, accounts)
            if backend not in BackendDict._instances:
                BackendDict._instances.append(backend)


class SnapshotEndpoint:
    """WSGI middleware: serves ``POST /_sandbox/snapshot/<name>`` and
    ``POST /_sandbox/restore/<name>``, hands everything else to ``app``."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.snapshots: dict[str, Snapshot] = {}
        # One at a time. A test sends these between runs, when no playbook is calling;
        # moto's backend_lock keeps out the requests that would create a backend meanwhile.
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Any:
        path = environ.get("PATH_INFO", "")
        action, _slash, name = path[len(PREFIX):].partition("/") if path.startswith(PREFIX) else ("", "", "")
        if action not in ACTIONS:
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST" or not name:
            return json_reply(start_response, 400, {"message": f"use POST {PREFIX}{action}/<name>"})
        with self.lock:
            if action == "restore" and name not in self.snapshots:
                return json_reply(start_response, 404, {"message": f"no snapshot named {name!r}"})
            try:
                if action == "snapshot":
                    self.snapshots[name] = save()
                else:
                    restore(self.snapshots[name])
            except Exception as error:  # what could not be copied, for the test's message
                return json_reply(start_response, 500, {"message": f"{action} {name!r} failed: {error!r}"})
        return json_reply(start_response, 200, {action: name})
