"""Eventual consistency (``SANDBOX_LAG``): a new resource is not readable at once.

AWS's control planes are eventually consistent: a read right after a create may
answer not-found. terraform-provider-aws treats it as such everywhere (its
``tfresource.RetryWhenNewResourceNotFound`` retries Get after Create for a minute on
RAM shares, Lattice resources and Instance Connect endpoints; the EC2 API reference,
"Eventual consistency", says the same of every EC2 resource). Moto answers with the
final state at once, which lets code that reads once after a create pass here and
fail on AWS.

Pieces the service extensions share:

- :class:`Visibility`, kept by a new resource: it becomes readable after a random
  share of ``SANDBOX_LAG`` seconds, drawn per resource (repeatable with ``SANDBOX_SEED``).
- :func:`reading`: True while the sandbox answers a read (Get*, List*, Describe*).
  Only reads are lagged: the issue's behaviour, and what terraform retries.
- :func:`readable`: the check the extensions call in their readers.

``install()`` (core/__init__.py) wraps moto's ``BaseResponse.call_action`` so that
every service knows whether it is answering a read.
"""

from __future__ import annotations

import contextvars
import random
import time
from collections.abc import Iterable
from typing import Any, Callable, TypeVar

from ... import settings

READS = ("Get", "List", "Describe")
_operation: contextvars.ContextVar[str | None] = contextvars.ContextVar("sandbox_operation", default=None)
T = TypeVar("T")


def draw(key: str) -> float:
    """A share in [0, 1) for ``key``: the same for the same key and SANDBOX_SEED, random without a seed."""
    seed = settings.seed()
    return random.Random(f"{seed}/{key}").random() if seed else random.random()


def lag_for(key: str) -> float:
    """Seconds until what ``key`` names reaches its readers: up to SANDBOX_LAG."""
    return settings.lag() * draw(key)


class Visibility:
    """When a new resource becomes readable: ``lag_for(key)`` seconds after it was made."""

    def __init__(self, key: str) -> None:
        self.since = time.time()
        self.after = lag_for(key)

    @property
    def visible(self) -> bool:
        return time.time() - self.since >= self.after


def reading() -> bool:
    """True while the current request is a read (Get*, List*, Describe*)."""
    operation = _operation.get()
    return bool(operation) and operation.startswith(READS)


def readable(resource: Any) -> bool:
    """False while a read must not see ``resource`` yet (it has a ``visibility`` that has not arrived)."""
    visibility = getattr(resource, "visibility", None)
    return visibility is None or visibility.visible or not reading()


def only_readable(resources: Iterable[T]) -> list[T]:
    return [resource for resource in resources if readable(resource)]


def answering(operation: str, call: Callable[[], T]) -> T:
    """Run ``call`` as the answer to ``operation`` (the API's CamelCase name)."""
    token = _operation.set(operation)
    try:
        return call()
    finally:
        _operation.reset(token)


def install() -> None:
    """Make every moto response handler record which operation it answers."""
    from moto.core.responses import BaseResponse

    if getattr(BaseResponse.call_action, "sandbox_consistency", False):
        return
    original = BaseResponse.call_action

    def call_action(self: Any) -> Any:
        return answering(self._get_action(), lambda: original(self))

    call_action.sandbox_consistency = True  # type: ignore[attr-defined]
    BaseResponse.call_action = call_action
