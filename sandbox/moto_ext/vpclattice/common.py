"""Identifiers, names, client tokens and pagination shared by every Lattice resource."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

import botocore.session
from moto.utilities.paginator import Paginator

from ..core.consistency import Visibility, only_readable
from ..core.lifecycle import LATTICE, Lifecycle
from .exceptions import ConflictException, ValidationException

# resource type in an ARN -> ID prefix (the API model's identifier patterns)
PREFIXES = {
    "servicenetwork": "sn",
    "service": "svc",
    "targetgroup": "tg",
    "listener": "listener",
    "rule": "rule",
    "servicenetworkserviceassociation": "snsa",
    "servicenetworkvpcassociation": "snva",
    "accesslogsubscription": "als",
    "resourcegateway": "rgw",
    "resourceconfiguration": "rcfg",
    "servicenetworkresourceassociation": "snra",
    "domainverification": "dv",
}
# resource type in an ARN -> its row in sandbox.timing.AWS
TIMING = {
    "servicenetwork": "lattice-service-network",
    "service": "lattice-service",
    "targetgroup": "lattice-target-group",
    "listener": "lattice-listener",
    "rule": "lattice-rule",
    "servicenetworkserviceassociation": "lattice-service-network-service-association",
    "servicenetworkvpcassociation": "lattice-service-network-vpc-association",
    "resourcegateway": "lattice-resource-gateway",
    "resourceconfiguration": "lattice-resource-configuration",
    "servicenetworkresourceassociation": "lattice-service-network-resource-association",
    "domainverification": "lattice-domain-verification",
}
ARN_RE = re.compile(r"arn:aws[a-z-]*:vpc-lattice:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):(?P<path>.+)")


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(9)[:17]}"


def now() -> str:
    return datetime.now(timezone.utc).isoformat()


@functools.cache
def _shape(name: str) -> Any:
    return botocore.session.get_session().get_service_model("vpc-lattice").shape_for(name)


def validate_name(shape_name: str, value: Any, field: str = "name") -> None:
    """Apply the length and pattern the API model gives ``shape_name`` (the SDK checks only the minimum)."""
    meta = _shape(shape_name).metadata
    if not isinstance(value, str) or not meta["min"] <= len(value) <= meta["max"]:
        raise ValidationException(
            f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: "
            f"Member must have length between {meta['min']} and {meta['max']}"
        )
    if "pattern" in meta and not re.fullmatch(meta["pattern"], value):
        raise ValidationException(
            f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: "
            f"Member must satisfy regular expression pattern: {meta['pattern']}"
        )


def validate_choice(value: Any, choices: Iterable[str], field: str) -> None:
    if value not in choices:
        raise ValidationException(f"Value '{value}' at '{field}' must be one of {sorted(choices)}")


class Identifier:
    """An ``<id>`` or ARN naming a resource of ``kind``; ``account`` and ``region`` are None for an ID."""

    def __init__(self, kind: str, value: Any, field: str) -> None:
        self.kind, self.value = kind, value
        self.account: str | None = None
        self.region: str | None = None
        match = ARN_RE.fullmatch(value) if isinstance(value, str) else None
        if match:
            self.account, self.region = match["account"], match["region"]
            parts = match["path"].split("/")
            # service/svc-1/listener/listener-2 names a listener: the last type/id pair counts
            if len(parts) % 2 or parts[-2] != kind:
                raise ValidationException(f"Invalid {field}: '{value}' is not the ARN of a {kind}")
            self.id = parts[-1]
        else:
            self.id = value
        if not isinstance(self.id, str) or not re.fullmatch(rf"{PREFIXES[kind]}-[0-9a-z]{{17}}", self.id):
            raise ValidationException(
                f"Invalid {field}: '{value}' must be the ID or ARN of a {kind} (names are not accepted)"
            )

    def is_foreign(self, account_id: str) -> bool:
        return self.account is not None and self.account != account_id


class LatticeResource:
    """Identity, timestamps and status common to the Lattice models.

    Moto's models draw IDs from a UUID (with hyphens); AWS uses the prefix and
    17 lowercase hex digits, which the API model's identifier patterns enforce.
    """

    kind = ""
    has_status = True

    def adopt(self, region: str, account_id: str, parent_arn: str | None = None) -> None:
        self.id = new_id(PREFIXES[self.kind])
        base = parent_arn or f"arn:aws:vpc-lattice:{region}:{account_id}:"
        separator = "/" if parent_arn else ""
        self.arn = f"{base}{separator}{self.kind}/{self.id}"
        self.owner_account_id = account_id
        self.created_at = self.last_updated_at = now()
        self.lifecycle = Lifecycle(LATTICE, seconds=None if self.has_status else 0, resource=TIMING[self.kind])
        self.visibility = Visibility(self.arn)

    def touch(self) -> None:
        self.last_updated_at = now()

    @property
    def current_status(self) -> str | None:
        return self.lifecycle.status if self.has_status else None

    def refuse_while(self, *phases: str) -> None:
        """ConflictException while a create/update/delete (``creating``...) is still running, as AWS answers."""
        if any(getattr(self.lifecycle, phase) for phase in phases):
            raise ConflictException(
                f"Invalid resource status for this operation, resource id {self.id}, status: {self.current_status}",
                self.kind,
                self.id,
            )


class ClientTokens:
    """Idempotent creates: the same clientToken with the same request returns the first result."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], tuple[str, Any]] = {}

    def create(self, operation: str, token: str | None, request: dict[str, Any], make: Callable[[], Any]) -> Any:
        if not token:
            return make()
        digest = hashlib.sha256(json.dumps(request, sort_keys=True, default=str).encode()).hexdigest()
        seen = self._seen.get((operation, token))
        if seen:
            if seen[0] != digest:
                raise ConflictException(
                    f"clientToken '{token}' was already used with different parameters", operation, token
                )
            if not getattr(seen[1], "lifecycle", None) or not seen[1].lifecycle.gone:
                return seen[1]
        resource = make()
        self._seen[(operation, token)] = (digest, resource)
        return resource


class _InvalidNextToken(ValidationException):
    def __init__(self, token: str) -> None:
        super().__init__(f"Invalid nextToken '{token}'")


def paginate(
    items: list[Any], max_results: int | None, next_token: str | None, **filters: Any
) -> tuple[list[Any], str | None]:
    """One page of ``items`` (models with an ``id``); ``filters`` must match across pages."""
    paginator = Paginator(
        max_results=max_results,
        max_results_default=100,
        starting_token=next_token,
        unique_attribute="id",
        param_values_to_check=filters,
        fail_on_invalid_token=_InvalidNextToken,
    )
    # a resource made moments ago may be missing from a list (SANDBOX_LAG, core/consistency.py)
    return paginator.paginate(only_readable(items))


def ensure_unique(existing: Iterable[Any], name: str, resource_type: str) -> None:
    for resource in existing:
        if resource.name == name and not resource.lifecycle.gone:
            raise ConflictException(
                f"A {resource_type} named '{name}' already exists ({resource.id})", resource_type, resource.id
            )
