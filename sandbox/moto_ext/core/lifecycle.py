"""Asynchronous status transitions, driven by the clock.

AWS creates and deletes many resources in the background: the create call
returns ``CREATE_IN_PROGRESS`` and a later read returns ``ACTIVE``. Moto answers
with the final status at once, which lets client code that forgets to wait pass
here and fail on AWS. A :class:`Lifecycle` remembers when its resource was
created, updated or deleted and reports the in-progress status until
``SANDBOX_DELAY`` seconds have passed.

Usage in a model::

    self.lifecycle = Lifecycle(LATTICE)
    ...
    def describe(self):
        return {..., "status": self.lifecycle.status}

    # in the backend's delete: mark, keep the object until it is gone
    resource.lifecycle.delete()
    # in the backend's readers: drop what has finished deleting
    prune(self.services)
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from typing import NamedTuple

from ... import settings, timing


class States(NamedTuple):
    """The names a service gives to each phase; ``None`` when it has no such phase."""

    creating: str
    active: str
    updating: str | None
    deleting: str
    deleted: str | None
    # What a finished update reports, when the service does not go back to ``active``.
    updated: str | None = None


LATTICE = States("CREATE_IN_PROGRESS", "ACTIVE", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS", None)
# A registered target: deregistration drains (DeregisterTargets, ListTargets status enum).
LATTICE_TARGET = States("INITIAL", "HEALTHY", None, "DRAINING", None)
EC2_INSTANCE_CONNECT_ENDPOINT = States(
    "create-in-progress", "create-complete", "update-in-progress", "delete-in-progress", "delete-complete",
    updated="update-complete",
)


class Lifecycle:
    """``seconds`` fixes every phase's duration; otherwise each phase lasts what
    :func:`sandbox.timing.seconds` gives ``resource`` (a key of ``timing.AWS``) in that state."""

    def __init__(self, states: States, seconds: float | None = None, resource: str | None = None,
                 fast: float | None = None) -> None:
        self.states = states
        # Read once so that changing the environment later does not rewrite history.
        self.durations = {
            phase: self._duration(seconds, resource, state, fast)
            for phase, state in (("create", states.creating), ("update", states.updating), ("delete", states.deleting))
        }
        self.created_at = time.time()
        self.updated_at: float | None = None
        self.deleted_at: float | None = None

    @staticmethod
    def _duration(seconds: float | None, resource: str | None, state: str | None, fast: float | None) -> float:
        """``fast``: the duration when SANDBOX_TIMING is off (default SANDBOX_DELAY)."""
        if seconds is not None:
            return seconds
        if resource is None or state is None or state not in timing.AWS.get(resource, {}):
            return (settings.delay() if fast is None else fast) if state else 0.0
        return timing.seconds(resource, state, fast)

    @property
    def seconds(self) -> float:
        """The create duration (what callers that knew one duration for all phases read)."""
        return self.durations["create"]

    @staticmethod
    def _running(since: float | None, seconds: float) -> bool:
        return since is not None and time.time() - since < seconds

    def update(self) -> None:
        self.updated_at = time.time()

    def delete(self) -> None:
        if self.deleted_at is None:
            self.deleted_at = time.time()

    @property
    def creating(self) -> bool:
        return self._running(self.created_at, self.durations["create"])

    @property
    def updating(self) -> bool:
        return self.states.updating is not None and self._running(self.updated_at, self.durations["update"])

    @property
    def deleting(self) -> bool:
        return self._running(self.deleted_at, self.durations["delete"])

    @property
    def gone(self) -> bool:
        """True once a delete has finished: readers should no longer return the resource."""
        return self.deleted_at is not None and not self.deleting

    @property
    def busy(self) -> bool:
        """True while a create, update or delete is still running (AWS refuses most changes then)."""
        return self.creating or self.updating or self.deleting

    @property
    def status(self) -> str | None:
        if self.deleted_at is not None:
            return self.states.deleting if self.deleting else self.states.deleted
        if self.creating:
            return self.states.creating
        if self.updating:
            return self.states.updating
        if self.updated_at is not None and self.states.updated:
            return self.states.updated
        return self.states.active


def prune(resources: MutableMapping) -> None:
    """Drop, from a mapping of id -> model with a ``lifecycle``, the ones whose delete finished."""
    for key in [key for key, model in resources.items() if model.lifecycle.gone]:
        del resources[key]
