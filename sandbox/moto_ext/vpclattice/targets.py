"""Target registration: RegisterTargets, DeregisterTargets, ListTargets."""

from __future__ import annotations

import re
from typing import Any

from ..core.lifecycle import LATTICE_TARGET, Lifecycle
from .common import paginate

LAMBDA_ARN = re.compile(
    r"arn:aws[a-z-]*:lambda:(?P<region>[^:]+):(?P<account>\d{12}):function:(?P<name>[^:]+)(:[^:]+)?"
)


class Target:
    def __init__(self, target_id: str, port: int | None) -> None:
        self.id, self.port = target_id, port
        # registration takes effect at once (no creating phase); deregistration drains
        # (timing.AWS["lattice-target"]; SANDBOX_DELAY by default), then the target is gone
        self.lifecycle = Lifecycle(LATTICE_TARGET, resource="lattice-target")
        self.lifecycle.created_at = 0

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.id, self.port)

    def to_dict(self, status: str | None = None) -> dict[str, Any]:
        result: dict[str, Any] = {"id": self.id}
        if self.port is not None:
            result["port"] = self.port
        if status:
            result["status"] = status
        return result


def _failure(target: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    return {**target, "failureCode": code, "failureMessage": message}


class TargetBackend:
    def _target_problem(self, group: Any, target: dict[str, Any]) -> str | None:
        """Why ``target`` cannot be registered in ``group``, or None."""
        if group.type == "LAMBDA":
            match = LAMBDA_ARN.fullmatch(target["id"])
            if not match or match["account"] != self.account_id or match["region"] != self.region_name:
                return "a LAMBDA target must be the ARN of a function in the target group's account and region"
            from moto.awslambda.models import lambda_backends

            try:
                lambda_backends[self.account_id][self.region_name].get_function(target["id"])
            except Exception:  # moto raises several not-found types; any of them means no function
                return f"Lambda function {target['id']} does not exist"
            if "port" in target:
                return "a LAMBDA target takes no port"
        elif group.type == "INSTANCE":
            from moto.ec2.models import ec2_backends

            if not any(
                instance.id == target["id"]
                for instance in ec2_backends[self.account_id][self.region_name].all_instances()
            ):
                return f"Instance {target['id']} does not exist"
        return None

    def _registrable(self, target_group_identifier: str) -> Any:
        group = self.get_target_group(target_group_identifier)
        group.refuse_while("busy")
        return group

    def _port(self, group: Any, target: dict[str, Any]) -> int | None:
        return None if group.type == "LAMBDA" else target.get("port", group.config.get("port"))

    def register_targets(self, target_group_identifier: str, targets: list[dict[str, Any]]) -> tuple[list, list]:
        group = self._registrable(target_group_identifier)
        successful, unsuccessful = [], []
        for requested in targets:
            problem = self._target_problem(group, requested)
            if problem:
                unsuccessful.append(_failure(requested, "InvalidTarget", problem))
                continue
            target = Target(requested["id"], self._port(group, requested))
            group.targets[target.key] = target
            successful.append(target.to_dict())
        return successful, unsuccessful

    def deregister_targets(self, target_group_identifier: str, targets: list[dict[str, Any]]) -> tuple[list, list]:
        group = self._registrable(target_group_identifier)
        successful, unsuccessful = [], []
        for requested in targets:
            target = group.targets.get((requested["id"], self._port(group, requested)))
            if target is None or target.lifecycle.gone:
                unsuccessful.append(_failure(requested, "TargetNotFound", "The target is not registered"))
                continue
            target.lifecycle.delete()
            successful.append(target.to_dict())
        return successful, unsuccessful

    def target_status(self, group: Any, target: Target) -> str:
        if target.lifecycle.deleting:
            # A group no service uses does not drain: the deregistered target stays UNUSED
            # until it is gone (terraform-provider-aws #46793: "unexpected state 'UNUSED'",
            # reason TargetGroupNotInUse, after DeregisterTargets).
            return "DRAINING" if self.service_arns_of(group) else "UNUSED"
        if group.type == "LAMBDA" or not group.config.get("healthCheck", {}).get("enabled", True):
            return "UNAVAILABLE"  # no health checks for this target group
        return "HEALTHY" if self.service_arns_of(group) else "UNUSED"

    def list_targets(
        self,
        target_group_identifier: str,
        targets: list[dict[str, Any]] | None = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        group = self.get_target_group(target_group_identifier)
        wanted = {(t["id"], self._port(group, t)) for t in targets or []}
        listed = [
            target
            for key, target in list(group.targets.items())
            if not target.lifecycle.gone and (not wanted or key in wanted)
        ]
        page, token = paginate(listed, max_results, next_token, group=group.id, targets=sorted(map(str, wanted)))
        return [target.to_dict(self.target_status(group, target)) for target in page], token


def draining(group: Any) -> list[Target]:
    """Targets of ``group`` deregistered but not yet gone."""
    return [target for target in group.targets.values() if target.lifecycle.deleting]


class TargetResponses:
    def register_targets(self) -> str:
        successful, unsuccessful = self.backend.register_targets(
            self._get_param("targetGroupIdentifier"), self._get_param("targets")
        )
        return self.dump({"successful": successful, "unsuccessful": unsuccessful})

    def deregister_targets(self) -> str:
        successful, unsuccessful = self.backend.deregister_targets(
            self._get_param("targetGroupIdentifier"), self._get_param("targets")
        )
        return self.dump({"successful": successful, "unsuccessful": unsuccessful})

    def list_targets(self) -> str:
        items, token = self.backend.list_targets(
            self._get_param("targetGroupIdentifier"),
            self._get_param("targets"),
            self._get_param("maxResults"),
            self._get_param("nextToken"),
        )
        return self.dump({"items": items, "nextToken": token})
