"""Tags, auth policies and access log subscriptions addressed by ID or ARN of the caller's resources."""

from __future__ import annotations

from typing import Any

from .common import ARN_RE, PREFIXES, new_id, validate_choice
from .exceptions import ResourceNotFoundException, ValidationException
from .sharing import STORES

LOG_TYPES = ("SERVICE", "RESOURCE")


def kind_of(identifier: Any) -> str | None:
    """The resource type an ID or ARN names (``service``, ``servicenetwork``...), or None."""
    if not isinstance(identifier, str):
        return None
    match = ARN_RE.fullmatch(identifier)
    if match:
        parts = match["path"].split("/")
        return parts[-2] if len(parts) >= 2 else None
    prefix = identifier.split("-", 1)[0]
    return next((kind for kind, p in PREFIXES.items() if p == prefix), None)


RESOURCE_POLICY_KINDS = ("service", "servicenetwork", "resourceconfiguration")


class PolicyBackend:
    def resource_for(self, identifier: str, field: str, kinds: tuple[str, ...] = tuple(STORES)) -> Any:
        kind = kind_of(identifier)
        if kind == "accesslogsubscription" and kind in kinds:
            sub = self.access_log_subscriptions.get(identifier.rsplit("/", 1)[-1])
            if sub is None:
                raise ResourceNotFoundException(kind, identifier)
            return sub
        if kind not in kinds or kind not in STORES:
            raise ValidationException(f"Invalid {field}: '{identifier}'")
        return self.find(kind, identifier, field)

    def forget_policies(self, resource: Any) -> None:
        """Deleting a service, service network or resource configuration deletes its auth and resource policies
        and access log subscriptions."""
        self.auth_policies.pop(resource.id, None)
        self.resource_policies.pop(resource.arn, None)
        for sub in [s for s in self.access_log_subscriptions.values() if s.resourceArn == resource.arn]:
            del self.access_log_subscriptions[sub.id]

    def list_tags_for_resource(self, resource_arn: str) -> dict[str, str]:
        self.resource_for(resource_arn, "resourceArn", (*STORES, "accesslogsubscription"))
        return super().list_tags_for_resource(resource_arn)

    def tag_resource(self, resource_arn: str, tags: dict[str, str]) -> None:
        # creates tag their new resource through here before it is findable: only check API calls
        super().tag_resource(resource_arn, tags)

    def tag_existing_resource(self, resource_arn: str, tags: dict[str, str]) -> None:
        self.resource_for(resource_arn, "resourceArn", (*STORES, "accesslogsubscription"))
        super().tag_resource(resource_arn, tags)

    def untag_resource(self, resource_arn: str, tag_keys: list[str]) -> None:
        self.resource_for(resource_arn, "resourceArn", (*STORES, "accesslogsubscription"))
        super().untag_resource(resource_arn, tag_keys)

    def put_auth_policy(self, resourceIdentifier: str, policy: str) -> Any:
        resource = self.resource_for(resourceIdentifier, "resourceIdentifier", ("service", "servicenetwork"))
        return super().put_auth_policy(resource.id, policy)

    def get_auth_policy(self, resourceIdentifier: str) -> Any:
        resource = self.resource_for(resourceIdentifier, "resourceIdentifier", ("service", "servicenetwork"))
        return super().get_auth_policy(resource.id)

    def delete_auth_policy(self, resourceIdentifier: str) -> None:
        resource = self.resource_for(resourceIdentifier, "resourceIdentifier", ("service", "servicenetwork"))
        super().delete_auth_policy(resource.id)

    def put_resource_policy(self, resourceArn: str, policy: str) -> None:
        # moto stores a policy for any string; AWS wants an existing service, service network or
        # resource configuration (API reference, PutResourcePolicy: the resources RAM shares)
        self.resource_for(resourceArn, "resourceArn", RESOURCE_POLICY_KINDS)
        super().put_resource_policy(resourceArn, policy)

    def get_resource_policy(self, resourceArn: str) -> str:
        self.resource_for(resourceArn, "resourceArn", RESOURCE_POLICY_KINDS)
        return super().get_resource_policy(resourceArn)

    def delete_resource_policy(self, resourceArn: str) -> None:
        self.resource_for(resourceArn, "resourceArn", RESOURCE_POLICY_KINDS)
        super().delete_resource_policy(resourceArn)

    def create_access_log_subscription(self, resourceIdentifier: str, **kwargs: Any) -> Any:
        resource = self.resource_for(resourceIdentifier, "resourceIdentifier", ("service", "servicenetwork"))
        log_type = kwargs.get("serviceNetworkLogType")
        # botocore model, ServiceNetworkLogType: SERVICE or RESOURCE, "the type of log that monitors your
        # Amazon VPC Lattice service networks": a service has no such type (the stricter reading refuses it).
        if log_type is not None:
            validate_choice(log_type, LOG_TYPES, "serviceNetworkLogType")
            if resource.kind != "servicenetwork":
                raise ValidationException("serviceNetworkLogType is only supported for a service network")
        sub = super().create_access_log_subscription(resourceIdentifier=resource.id, **kwargs)
        if resource.kind != "servicenetwork":
            # moto writes SERVICE on every subscription; GetAccessLogSubscription of a service has none.
            sub.serviceNetworkLogType = None
        # moto draws the ID from a UUID; AWS uses als- and 17 hex digits
        del self.access_log_subscriptions[sub.id]
        tags = self.tagger.get_tag_dict_for_resource(sub.arn)
        self.tagger.delete_all_tags_for_resource(sub.arn)
        sub.id = new_id("als")
        sub.arn = f"{sub.arn.rsplit('/', 1)[0]}/{sub.id}"
        self.access_log_subscriptions[sub.id] = sub
        super().tag_resource(sub.arn, tags)
        return sub

    def list_access_log_subscriptions(self, resourceIdentifier: str, **kwargs: Any) -> Any:
        resource = self.resource_for(resourceIdentifier, "resourceIdentifier", ("service", "servicenetwork"))
        return super().list_access_log_subscriptions(resourceIdentifier=resource.id, **kwargs)


class PolicyResponses:
    def tag_resource(self) -> str:
        self.backend.tag_existing_resource(self._get_param("resourceArn"), self._get_param("tags"))
        return "{}"
