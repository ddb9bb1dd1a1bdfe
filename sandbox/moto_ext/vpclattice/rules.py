"""Listener rules: CreateRule with per-listener names and priorities, Get/Update/BatchUpdate/Delete/List."""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeRule

from .actions import Forwarding, validate_action
from .common import Identifier, LatticeResource, ensure_unique, paginate, validate_name
from .exceptions import ConflictException, LatticeError, ResourceNotFoundException, ValidationException


def validate_rule(match: Any, priority: Any) -> None:
    if match is not None and not (isinstance(match, dict) and isinstance(match.get("httpMatch"), dict)):
        raise ValidationException("match must contain httpMatch")
    if priority is not None and not (isinstance(priority, int) and 1 <= priority <= 100):
        raise ValidationException(f"priority must be between 1 and 100, not {priority}")


class Rule(LatticeResource, Forwarding, VPCLatticeRule):
    kind = "rule"
    has_status = False

    def routing_action(self) -> dict[str, Any]:
        return self.action

    def to_dict(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "id": self.id,
            "name": self.name,
            "isDefault": False,
            "match": self.match,
            "priority": self.priority,
            "action": self.action,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
        }


class DefaultRule:
    """The rule every listener has: its default action, listed with ``isDefault``, changed through UpdateListener."""

    def __init__(self, listener: Any) -> None:
        self.listener = listener
        self.id = listener.default_rule_id
        self.arn = f"{listener.arn}/rule/{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "id": self.id,
            "name": "default",
            "isDefault": True,
            "action": self.listener.default_action,
            "createdAt": self.listener.created_at,
            "lastUpdatedAt": self.listener.last_updated_at,
        }


class RuleBackend:
    def _check_priority(self, listener: Any, priority: int, rule_id: str | None = None) -> None:
        for other in self.rules.values():
            if other.listener_arn == listener.arn and other.priority == priority and other.id != rule_id:
                raise ConflictException(
                    f"Priority {priority} is already used by rule {other.id} of listener {listener.id}",
                    "RULE",
                    other.id,
                )

    def create_rule(
        self,
        service_identifier: str,
        listener_identifier: str,
        name: str,
        match: dict[str, Any],
        priority: int,
        action: dict[str, Any],
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> Rule:
        validate_name("RuleName", name)
        validate_rule(match, priority)
        listener = self.get_listener(service_identifier, listener_identifier)
        validate_action(self, action, "action")

        def make() -> Rule:
            ensure_unique([r for r in self.rules.values() if r.listener_arn == listener.arn], name, "rule")
            self._check_priority(listener, priority)
            rule = Rule(
                self.region_name,
                self.account_id,
                action,
                client_token,
                listener.id,
                match,
                name,
                priority,
                listener.service_identifier,
                tags,
            )
            rule.adopt(self.region_name, self.account_id, parent_arn=listener.arn)
            rule.listener_arn, rule.service_arn = listener.arn, listener.service_arn
            self.rules[rule.id] = rule
            self.tag_resource(rule.arn, tags or {})
            return rule

        request = {
            "listener": listener.id,
            "name": name,
            "match": match,
            "priority": priority,
            "action": action,
            "tags": tags,
        }
        return self.client_tokens.create("CreateRule", client_token, request, make)

    def get_rule(self, service_identifier: str, listener_identifier: str, rule_identifier: str) -> Any:
        listener = self.get_listener(service_identifier, listener_identifier)
        if Identifier("rule", rule_identifier, "ruleIdentifier").id == listener.default_rule_id:
            return DefaultRule(listener)
        rule = self.find("rule", rule_identifier, "ruleIdentifier")
        if rule.listener_arn != listener.arn:
            raise ResourceNotFoundException("rule", rule_identifier)
        return rule

    def list_rules(
        self,
        service_identifier: str,
        listener_identifier: str,
        max_results: int | None = None,
        next_token: str | None = None,
    ) -> tuple[list[Any], str | None]:
        listener = self.get_listener(service_identifier, listener_identifier)
        rules = sorted((r for r in self.rules.values() if r.listener_arn == listener.arn), key=lambda r: r.priority)
        # the default rule is evaluated last
        return paginate([*rules, DefaultRule(listener)], max_results, next_token, listener=listener.id)

    def update_rule(
        self,
        service_identifier: str,
        listener_identifier: str,
        rule_identifier: str,
        match: dict[str, Any] | None,
        priority: int | None,
        action: dict[str, Any] | None,
    ) -> Rule:
        rule = self.changeable_rule(service_identifier, listener_identifier, rule_identifier)
        validate_rule(match, priority)
        if priority is not None:
            self._check_priority(self.listeners[rule.listener_arn.rsplit("/", 1)[-1]], priority, rule.id)
            rule.priority = priority
        if action is not None:
            rule.action = validate_action(self, action, "action")
        if match is not None:
            rule.match = match
        rule.touch()
        return rule

    def batch_update_rule(
        self, service_identifier: str, listener_identifier: str, rules: list[dict[str, Any]]
    ) -> tuple[list[Rule], list[dict[str, str]]]:
        # A missing service or listener fails the whole call; a bad rule fails only its own entry.
        self.get_listener(service_identifier, listener_identifier)
        successful, unsuccessful = [], []
        for item in rules:
            try:
                successful.append(
                    self.update_rule(
                        service_identifier, listener_identifier, item.get("ruleIdentifier"),
                        item.get("match"), item.get("priority"), item.get("action"),
                    )
                )
            except LatticeError as error:
                unsuccessful.append(
                    {"ruleIdentifier": item.get("ruleIdentifier"), "failureCode": error.error_type,
                     "failureMessage": error.message}
                )
        return successful, unsuccessful

    def changeable_rule(self, service_identifier: str, listener_identifier: str, rule_identifier: str) -> Rule:
        rule = self.get_rule(service_identifier, listener_identifier, rule_identifier)
        if isinstance(rule, DefaultRule):
            raise ValidationException("The default rule cannot be changed or deleted: update the listener instead")
        return rule

    def delete_rule(self, service_identifier: str, listener_identifier: str, rule_identifier: str) -> None:
        del self.rules[self.changeable_rule(service_identifier, listener_identifier, rule_identifier).id]


class RuleResponses:
    def _rule_path(self) -> tuple[str, str, str]:
        return (
            self._get_param("serviceIdentifier"),
            self._get_param("listenerIdentifier"),
            self._get_param("ruleIdentifier"),
        )

    def create_rule(self) -> str:
        rule = self.backend.create_rule(
            service_identifier=self._get_param("serviceIdentifier"),
            listener_identifier=self._get_param("listenerIdentifier"),
            name=self._get_param("name"),
            match=self._get_param("match"),
            priority=self._get_param("priority"),
            action=self._get_param("action"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        return self.dump(rule.to_dict())

    def get_rule(self) -> str:
        return self.dump(self.backend.get_rule(*self._rule_path()).to_dict())

    def list_rules(self) -> str:
        return self.page(
            self.backend.list_rules,
            lambda rule: rule.to_dict(),
            service_identifier=self._get_param("serviceIdentifier"),
            listener_identifier=self._get_param("listenerIdentifier"),
        )

    def update_rule(self) -> str:
        rule = self.backend.update_rule(
            *self._rule_path(), self._get_param("match"), self._get_param("priority"), self._get_param("action")
        )
        return self.dump(rule.to_dict())

    def batch_update_rule(self) -> str:
        successful, unsuccessful = self.backend.batch_update_rule(
            self._get_param("serviceIdentifier"), self._get_param("listenerIdentifier"), self._get_param("rules")
        )
        return self.dump(
            {
                "successful": [
                    {k: v for k, v in rule.to_dict().items() if k not in ("createdAt", "lastUpdatedAt")}
                    for rule in successful
                ],
                "unsuccessful": unsuccessful,
            }
        )

    def delete_rule(self) -> str:
        self.backend.delete_rule(*self._rule_path())
        return "{}"
