"""Listeners: per-service names and ports, at most two per service, Get/Update/Delete."""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeListener

from .actions import Forwarding, validate_action
from .common import LatticeResource, ensure_unique, new_id, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ResourceNotFoundException, ServiceQuotaExceededException, ValidationException

PROTOCOLS = ("HTTP", "HTTPS", "TLS_PASSTHROUGH")
DEFAULT_PORTS = {"HTTP": 80, "HTTPS": 443}
MAX_LISTENERS_PER_SERVICE = 2


class Listener(LatticeResource, Forwarding, VPCLatticeListener):
    kind = "listener"
    has_status = False

    def routing_action(self) -> dict[str, Any]:
        return self.default_action

    def to_dict(self) -> dict[str, Any]:
        return {
            "arn": self.arn,
            "id": self.id,
            "name": self.name,
            "protocol": self.protocol,
            "port": self.port,
            "serviceArn": self.service_arn,
            "serviceId": self.service_identifier,
            "defaultAction": self.default_action,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
        }


class ListenerBackend:
    def create_listener(
        self,
        service_identifier: str,
        name: str,
        protocol: str,
        port: int | None,
        default_action: dict[str, Any],
        client_token: str | None,
        tags: dict[str, str] | None,
    ) -> Listener:
        validate_name("ListenerName", name)
        validate_choice(protocol, PROTOCOLS, "protocol")
        if port is None and protocol not in DEFAULT_PORTS:
            raise ValidationException(f"port is required for protocol {protocol}")
        port = port if port is not None else DEFAULT_PORTS[protocol]
        service = self.find("service", service_identifier, "serviceIdentifier")
        validate_action(self, default_action, "defaultAction")

        def make() -> Listener:
            siblings = [l for l in self.listeners.values() if l.service_arn == service.arn]
            ensure_unique(siblings, name, "listener")
            for sibling in siblings:
                if sibling.port == port:
                    raise ConflictException(
                        f"Listener {sibling.id} of service {service.id} already uses port {port}",
                        "LISTENER",
                        sibling.id,
                    )
            if len(siblings) >= MAX_LISTENERS_PER_SERVICE:
                raise ServiceQuotaExceededException(
                    f"Service {service.id} already has {MAX_LISTENERS_PER_SERVICE} listeners", "LISTENER", "L-listeners"
                )
            listener = Listener(
                self.region_name, self.account_id, service.id, name, protocol, port, default_action, client_token, tags
            )
            listener.adopt(self.region_name, self.account_id, parent_arn=service.arn)
            listener.service_arn = service.arn
            listener.default_rule_id = new_id("rule")
            self.listeners[listener.id] = listener
            self.tag_resource(listener.arn, tags or {})
            return listener

        request = {
            "service": service.id,
            "name": name,
            "protocol": protocol,
            "port": port,
            "defaultAction": default_action,
            "tags": tags,
        }
        return self.client_tokens.create("CreateListener", client_token, request, make)

    def get_listener(self, service_identifier: str, listener_identifier: str) -> Listener:
        service = self.find("service", service_identifier, "serviceIdentifier")
        listener = self.find("listener", listener_identifier, "listenerIdentifier")
        if listener.service_arn != service.arn:
            raise ResourceNotFoundException("listener", listener_identifier)
        return listener

    def list_listeners(
        self, service_identifier: str, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        service = self.find("service", service_identifier, "serviceIdentifier")
        listeners = [l for l in self.listeners.values() if l.service_arn == service.arn]
        return paginate(listeners, max_results, next_token, service=service.id)

    def update_listener(
        self, service_identifier: str, listener_identifier: str, default_action: dict[str, Any]
    ) -> Listener:
        listener = self.get_listener(service_identifier, listener_identifier)
        listener.default_action = validate_action(self, default_action, "defaultAction")
        listener.touch()
        return listener

    def remove_listener(self, listener: Listener) -> None:
        for rule in [r for r in self.rules.values() if r.listener_arn == listener.arn]:
            del self.rules[rule.id]
        del self.listeners[listener.id]

    def delete_listener(self, service_identifier: str, listener_identifier: str) -> None:
        self.remove_listener(self.get_listener(service_identifier, listener_identifier))


class ListenerResponses:
    def create_listener(self) -> str:
        listener = self.backend.create_listener(
            service_identifier=self._get_param("serviceIdentifier"),
            name=self._get_param("name"),
            protocol=self._get_param("protocol"),
            port=self._get_param("port"),
            default_action=self._get_param("defaultAction"),
            client_token=self._get_param("clientToken"),
            tags=self._get_param("tags"),
        )
        return self.dump(listener.to_dict())

    def get_listener(self) -> str:
        listener = self.backend.get_listener(
            self._get_param("serviceIdentifier"), self._get_param("listenerIdentifier")
        )
        return self.dump(listener.to_dict())

    def list_listeners(self) -> str:
        return self.page(
            self.backend.list_listeners, Listener.to_dict, service_identifier=self._get_param("serviceIdentifier")
        )

    def update_listener(self) -> str:
        listener = self.backend.update_listener(
            self._get_param("serviceIdentifier"),
            self._get_param("listenerIdentifier"),
            self._get_param("defaultAction"),
        )
        return self.dump(listener.to_dict())

    def delete_listener(self) -> str:
        self.backend.delete_listener(self._get_param("serviceIdentifier"), self._get_param("listenerIdentifier"))
        return "{}"
