"""Listener default actions and rule actions (forward / fixedResponse)."""

from __future__ import annotations

from typing import Any

from .exceptions import ValidationException

FIXED_RESPONSE_CODES = (404, 500)


class Forwarding:
    """Model mixin for listeners and rules: which target groups their action forwards to."""

    def routing_action(self) -> dict[str, Any]:
        raise NotImplementedError

    def forwards_to(self) -> set[str]:
        groups = self.routing_action().get("forward", {}).get("targetGroups", [])
        return {group["targetGroupIdentifier"] for group in groups}


def validate_action(backend: Any, action: Any, field: str) -> dict[str, Any]:
    """Check an action the way CreateListener/CreateRule do; the target groups must exist in this account."""
    if not isinstance(action, dict) or len(action) != 1 or next(iter(action)) not in ("forward", "fixedResponse"):
        raise ValidationException(f"{field} must contain exactly one of forward, fixedResponse")
    if "fixedResponse" in action:
        status = action["fixedResponse"].get("statusCode")
        # The API model allows 100-599, but VPC Lattice accepts only 404 and 500 (VPC Lattice
        # user guide, "Listener rules" / "Fixed response": "404 or 500"; the console offers these two).
        if status not in FIXED_RESPONSE_CODES:
            raise ValidationException(
                f"{field}.fixedResponse.statusCode {status} is not supported: use one of 404, 500"
            )
        return action
    groups = action["forward"].get("targetGroups") or []
    if not 1 <= len(groups) <= 10:
        raise ValidationException(f"{field}.forward.targetGroups must list 1 to 10 target groups")
    for group in groups:
        backend.get_target_group(group.get("targetGroupIdentifier"))
        group.setdefault("weight", 100 if len(groups) == 1 else 1)
    return action
