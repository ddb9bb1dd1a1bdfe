"""Services: AWS-shaped DNS names, statuses, Get/Update/Delete, shared lookups."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from moto.vpclattice.models import VPCLatticeService

from .common import LatticeResource, ensure_unique, paginate, validate_choice, validate_name
from .exceptions import ConflictException, ValidationException
from .service_networks import AUTH_TYPES

# API reference, CreateService / UpdateService idleTimeoutSeconds: "The valid range is 60 to 600
# seconds. If you don't specify a value, the default is 60 seconds." (botocore model: min 60, max 600).
IDLE_TIMEOUT_DEFAULT = 60
IDLE_TIMEOUT_RANGE = (60, 600)


def validate_idle_timeout(value: Any) -> None:
    low, high = IDLE_TIMEOUT_RANGE
    if value is not None and not (isinstance(value, int) and low <= value <= high):
        raise ValidationException(
            f"1 validation error detected: Value '{value}' at 'idleTimeoutSeconds' failed to satisfy constraint: "
            f"Member must have value between {low} and {high}"
        )


def validate_custom_domain_name(value: Any) -> None:
    # botocore model, ServiceCustomDomainName: 3 to 255 characters.
    if value is not None:
        validate_name("ServiceCustomDomainName", value, "customDomainName")


def hosted_zone_id(region: str) -> str:
    """Lattice answers from one Route 53 zone per region: a stable made-up ID of the same shape."""
    return "Z" + hashlib.sha256(region.encode()).hexdigest()[:20].upper()


class Service(LatticeResource, VPCLatticeService):
    kind = "service"

    def adopt(self, region: str, account_id: str, parent_arn: str | None = None) -> None:
        super().adopt(region, account_id, parent_arn)
        # AWS's form: <service name>-<the 17 hex digits of the service ID>.<7 hex>.vpc-lattice-svcs.<region>.on.aws
        # (VPC Lattice user guide, "Services": DNS name; the CLI examples of get-service show it).
        hex_id = self.id.split("-", 1)[1]
        domain = f"{self.name}-{hex_id}.{secrets.token_hex(4)[:7]}.vpc-lattice-svcs.{region}.on.aws"
        self.dns = {"domainName": domain, "hostedZoneId": hosted_zone_id(region)}

    def to_dict(self) -> dict[str, Any]:
        result = {
            "id": self.id,
            "arn": self.arn,
            "name": self.name,
            "status": self.current_status,
            "authType": self.auth_type,
            "idleTimeoutSeconds": getattr(self, "idle_timeout_seconds", None) or IDLE_TIMEOUT_DEFAULT,
            "dnsEntry": self.dns,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
        }
        for key, value in (("customDomainName", self.custom_domain_name), ("certificateArn", self.certificate_arn)):
            if value:
                result[key] = value
        return result


class ServiceBackend:
    def create_service(
        self,
        name: str,
        auth_type: str | None,
        certificate_arn: str | None,
        client_token: str | None,
        custom_domain_name: str | None,
        tags: dict[str, str] | None,
        idle_timeout_seconds: int | None = None,
    ) -> Service:
        validate_name("ServiceName", name)
        validate_choice(auth_type or "NONE", AUTH_TYPES, "authType")
        validate_idle_timeout(idle_timeout_seconds)
        validate_custom_domain_name(custom_domain_name)

        def make() -> Service:
            ensure_unique(self.services.values(), name, "service")
            service = Service(
                self.region_name,
                self.account_id,
                auth_type or "NONE",
                certificate_arn,
                client_token,
                custom_domain_name,
                name,
                tags,
            )
            service.idle_timeout_seconds = idle_timeout_seconds or IDLE_TIMEOUT_DEFAULT
            service.adopt(self.region_name, self.account_id)
            self.services[service.id] = service
            self.tag_resource(service.arn, tags or {})
            return service

        request = {
            "name": name,
            "authType": auth_type,
            "certificateArn": certificate_arn,
            "customDomainName": custom_domain_name,
            "idleTimeoutSeconds": idle_timeout_seconds,
            "tags": tags,
        }
        return self.client_tokens.create("CreateService", client_token, request, make)

    def get_service(self, service_identifier: str) -> Service:
        return self.find("service", service_identifier, "serviceIdentifier", shared=True)

    def list_services(
        self, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        return paginate(self.visible("service"), max_results, next_token)

    def update_service(
        self,
        service_identifier: str,
        auth_type: str | None,
        certificate_arn: str | None,
        idle_timeout_seconds: int | None = None,
    ) -> Service:
        service = self.find("service", service_identifier, "serviceIdentifier")
        validate_idle_timeout(idle_timeout_seconds)
        if idle_timeout_seconds is not None:
            service.idle_timeout_seconds = idle_timeout_seconds
        if auth_type is not None:
            validate_choice(auth_type, AUTH_TYPES, "authType")
            service.auth_type = auth_type
        if certificate_arn is not None:
            service.certificate_arn = certificate_arn
        service.touch()
        return service

    def delete_service(self, service_identifier: str) -> Service:
        service = self.find("service", service_identifier, "serviceIdentifier")
        in_use = [
            assoc
            for assoc in self.everywhere("servicenetworkserviceassociation")
            if assoc.service_arn == service.arn and not assoc.lifecycle.gone
        ]
        if in_use:
            raise ConflictException(
                f"Service {service.id} is still associated with service networks through "
                + ", ".join(a.id for a in in_use),
                "SERVICE",
                service.id,
            )
        # AWS removes a service's listeners and their rules along with it
        for listener in [l for l in self.listeners.values() if l.service_arn == service.arn]:
            self.remove_listener(listener)
        self.forget_policies(service)
        service.lifecycle.delete()
        return service


class ServiceResponses:
    def create_service(self) -> str:
        service = self.backend.create_service(
            name=self._get_param("name"),
            auth_type=self._get_param("authType"),
            certificate_arn=self._get_param("certificateArn"),
            client_token=self._get_param("clientToken"),
            custom_domain_name=self._get_param("customDomainName"),
            tags=self._get_param("tags"),
            idle_timeout_seconds=self._get_param("idleTimeoutSeconds"),
        )
        return self.dump(service.to_dict())

    def get_service(self) -> str:
        return self.dump(self.backend.get_service(self._get_param("serviceIdentifier")).to_dict())

    def list_services(self) -> str:
        return self.page(self.backend.list_services, Service.to_dict)

    def update_service(self) -> str:
        service = self.backend.update_service(
            self._get_param("serviceIdentifier"),
            self._get_param("authType"),
            self._get_param("certificateArn"),
            self._get_param("idleTimeoutSeconds"),
        )
        return self.dump(service.to_dict())

    def delete_service(self) -> str:
        service = self.backend.delete_service(self._get_param("serviceIdentifier"))
        return self.dump_only(service, "id", "arn", "name", "status")
