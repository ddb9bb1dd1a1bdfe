"""Target groups: config rules per type, statuses, Get/Update/Delete, in-use checks."""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeTargetGroup

from .common import LatticeResource, ensure_unique, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ValidationException
from .targets import draining

TYPES = ("IP", "LAMBDA", "INSTANCE", "ALB")
NETWORK_KEYS = ("port", "protocol", "protocolVersion", "vpcIdentifier", "healthCheck", "ipAddressType")
DEFAULT_HEALTH_CHECK = {
    "enabled": True,
    "protocolVersion": "HTTP1",
    "path": "/",
    "healthCheckIntervalSeconds": 30,
    "healthCheckTimeoutSeconds": 5,
    "healthyThresholdCount": 5,
    "unhealthyThresholdCount": 2,
    "matcher": {"httpCode": "200"},
}


def normalise_config(target_type: str, config: dict[str, Any] | None) -> dict[str, Any]:
    """The config AWS stores for a new target group, or ValidationException for one it refuses."""
    config = dict(config or {})
    if target_type == "LAMBDA":
        refused = [key for key in NETWORK_KEYS if key in config]
        if refused:
            raise ValidationException(f"Target groups of type LAMBDA do not support config.{', config.'.join(refused)}")
        version = config.get("lambdaEventStructureVersion", "V1")
        validate_choice(version, ("V1", "V2"), "config.lambdaEventStructureVersion")
        return {"lambdaEventStructureVersion": version}
    if "lambdaEventStructureVersion" in config:
        raise ValidationException(f"config.lambdaEventStructureVersion is supported only for LAMBDA, not {target_type}")
    missing = [key for key in ("port", "protocol", "vpcIdentifier") if key not in config]
    if missing:
        raise ValidationException(f"Target groups of type {target_type} require config.{', config.'.join(missing)}")
    validate_choice(config["protocol"], ("HTTP", "HTTPS", "TCP"), "config.protocol")
    if "ipAddressType" in config and target_type != "IP":
        raise ValidationException("config.ipAddressType is supported only for target groups of type IP")
    if "healthCheck" in config and target_type == "ALB":
        raise ValidationException("Target groups of type ALB do not support config.healthCheck")
    if config["protocol"] != "TCP":
        config.setdefault("protocolVersion", "HTTP1")
    if target_type == "IP":
        config.setdefault("ipAddressType", "IPV4")
    if target_type != "ALB":
        config["healthCheck"] = {
            **DEFAULT_HEALTH_CHECK,
            "protocol": config["protocol"],
            **config.get("healthCheck", {}),
        }
    return config


class TargetGroup(LatticeResource, VPCLatticeTargetGroup):
    kind = "targetgroup"

    def to_dict(self, service_arns: list[str] | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "arn": self.arn,
            "name": self.name,
            "type": self.type,
            "config": self.config,
            "status": self.current_status,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
            "serviceArns": service_arns or [],
        }

    def summary(self, service_arns: list[str]) -> dict[str, Any]:
        summary = self.to_dict(service_arns)
        config = summary.pop("config")
        summary.update(
            {k: config[k] for k in ("port", "protocol", "ipAddressType", "lambdaEventStructureVersion") if k in config}
        )
        if "vpcIdentifier" in config:
            summary["vpcIdentifier"] = config["vpcIdentifier"]
        return summary


class TargetGroupBackend:
    def create_target_group(
        self,
        name: str,
        target_type: str,
        config: dict[str, Any] | None,
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> TargetGroup:
        validate_name("TargetGroupName", name)
        validate_choice(target_type, TYPES, "type")
        stored_config = normalise_config(target_type, config)

        def make() -> TargetGroup:
            ensure_unique(self.target_groups.values(), name, "target group")
            group = TargetGroup(self.region_name, self.account_id, name, target_type, stored_config, client_token, tags)
            group.adopt(self.region_name, self.account_id)
            group.targets = {}
            self.target_groups[group.id] = group
            self.tag_resource(group.arn, tags or {})
            return group

        request = {"name": name, "type": target_type, "config": config, "tags": tags}
        return self.client_tokens.create("CreateTargetGroup", client_token, request, make)

    def get_target_group(self, target_group_identifier: str) -> TargetGroup:
        return self.find("targetgroup", target_group_identifier, "targetGroupIdentifier")

    def target_group_users(self, group: TargetGroup) -> list[Any]:
        """Listeners and rules whose action forwards to ``group``."""
        return [
            user
            for user in [*self.listeners.values(), *self.rules.values()]
            if group.arn in user.forwards_to() or group.id in user.forwards_to()
        ]

    def service_arns_of(self, group: TargetGroup) -> list[str]:
        return sorted({user.service_arn for user in self.target_group_users(group)})

    def list_target_groups(
        self,
        vpc_identifier: str | None = None,
        target_group_type: str | None = None,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        groups = [
            group
            for group in self.target_groups.values()
            if (not vpc_identifier or group.config.get("vpcIdentifier") == vpc_identifier)
            and (not target_group_type or group.type == target_group_type)
        ]
        return paginate(groups, max_results, next_token, vpc=vpc_identifier, type=target_group_type)

    def update_target_group(self, target_group_identifier: str, health_check: dict[str, Any]) -> TargetGroup:
        group = self.get_target_group(target_group_identifier)
        if group.type in ("LAMBDA", "ALB"):
            raise ValidationException(f"Target groups of type {group.type} do not support health checks")
        group.refuse_while("busy")
        group.config["healthCheck"] = {**group.config.get("healthCheck", {}), **(health_check or {})}
        group.touch()
        return group

    def delete_target_group(self, target_group_identifier: str) -> TargetGroup:
        group = self.get_target_group(target_group_identifier)
        group.refuse_while("creating")
        users = self.target_group_users(group)
        if users:
            raise ConflictException(
                f"Target group {group.id} is in use by " + ", ".join(user.arn for user in users),
                "TARGET_GROUP",
                group.id,
            )
        if draining(group):
            # terraform-provider-aws #41601: DeleteTargetGroup fails at once while deregistered
            # targets are still draining (for a short while even once the targets are gone).
            raise ConflictException(
                f"Target group {group.id} has targets that are still draining: "
                + ", ".join(target.id for target in draining(group)),
                "TARGET_GROUP",
                group.id,
            )
        group.lifecycle.delete()
        return group


class TargetGroupResponses:
    def create_target_group(self) -> str:
        group = self.backend.create_target_group(
            name=self._get_param("name"),
            target_type=self._get_param("type"),
            config=self._get_param("config"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        return self.dump_only(group, "id", "arn", "name", "type", "config", "status")

    def get_target_group(self) -> str:
        group = self.backend.get_target_group(self._get_param("targetGroupIdentifier"))
        return self.dump(group.to_dict(self.backend.service_arns_of(group)))

    def list_target_groups(self) -> str:
        return self.page(
            self.backend.list_target_groups,
            lambda group: group.summary(self.backend.service_arns_of(group)),
            vpc_identifier=self._get_param("vpcIdentifier"),
            target_group_type=self._get_param("targetGroupType"),
        )

    def update_target_group(self) -> str:
        group = self.backend.update_target_group(
            self._get_param("targetGroupIdentifier"), self._get_param("healthCheck")
        )
        return self.dump(group.to_dict(self.backend.service_arns_of(group)))

    def delete_target_group(self) -> str:
        group = self.backend.delete_target_group(self._get_param("targetGroupIdentifier"))
        return self.dump_only(group, "id", "arn", "status")
