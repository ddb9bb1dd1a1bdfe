"""Service networks: Get/Update/Delete, association counts, validation, shared lookups."""

from __future__ import annotations

from typing import Any

from moto.vpclattice.models import VPCLatticeServiceNetwork

from .common import LatticeResource, ensure_unique, paginate, validate_choice, validate_name
from .endpoint_associations import endpoints_reaching
from .exceptions import ConflictException

AUTH_TYPES = ("NONE", "AWS_IAM")


class ServiceNetwork(LatticeResource, VPCLatticeServiceNetwork):
    kind = "servicenetwork"
    has_status = False

    def associations(self, backends: list[Any], kind: str) -> list[Any]:
        return [
            assoc
            for backend in backends
            for assoc in backend.store(kind).values()
            if assoc.service_network_arn == self.arn and not assoc.lifecycle.gone
        ]

    def to_dict(self, backends: list[Any] | None = None) -> dict[str, Any]:
        result = {
            "arn": self.arn,
            "id": self.id,
            "name": self.name,
            "authType": self.auth_type,
            "createdAt": self.created_at,
            "lastUpdatedAt": self.last_updated_at,
            # Enabled unless created otherwise (aws-samples, shared service network walkthrough: "By default,
            # sharing config is set to true"); CreateServiceNetwork is the only call that sets it.
            "sharingConfig": self.sharing_config or {"enabled": True},
        }
        if backends is not None:
            # AWS counts associations that are not on their way out
            for key, kind in (
                ("numberOfAssociatedServices", "servicenetworkserviceassociation"),
                ("numberOfAssociatedVPCs", "servicenetworkvpcassociation"),
            ):
                result[key] = sum(1 for a in self.associations(backends, kind) if not a.lifecycle.deleting)
        return result


class ServiceNetworkBackend:
    def create_service_network(
        self,
        name: str,
        auth_type: str | None,
        client_token: str | None,
        sharing_config: Any,
        tags: dict[str, str] | None,
    ) -> ServiceNetwork:
        validate_name("ServiceNetworkName", name)
        validate_choice(auth_type or "NONE", AUTH_TYPES, "authType")

        def make() -> ServiceNetwork:
            ensure_unique(self.service_networks.values(), name, "service network")
            network = ServiceNetwork(
                self.region_name, self.account_id, auth_type or "NONE", client_token, name, sharing_config, tags
            )
            network.adopt(self.region_name, self.account_id)
            self.service_networks[network.id] = network
            self.tag_resource(network.arn, tags or {})
            return network

        request = {"name": name, "authType": auth_type, "sharingConfig": sharing_config, "tags": tags}
        return self.client_tokens.create("CreateServiceNetwork", client_token, request, make)

    def get_service_network(self, service_network_identifier: str) -> ServiceNetwork:
        return self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier", shared=True)

    def list_service_networks(
        self, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        return paginate(self.visible("servicenetwork"), max_results, next_token)

    def update_service_network(self, service_network_identifier: str, auth_type: str) -> ServiceNetwork:
        validate_choice(auth_type, AUTH_TYPES, "authType")
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier")
        network.auth_type = auth_type
        network.touch()
        return network

    def delete_service_network(self, service_network_identifier: str) -> None:
        network = self.find("servicenetwork", service_network_identifier, "serviceNetworkIdentifier")
        backends = self.regional()
        # cloud-nuke #1158 / #1159: VPC and resource associations block the delete as service associations do.
        for kind, what in (
            ("servicenetworkserviceassociation", "services"),
            ("servicenetworkvpcassociation", "VPCs"),
            ("servicenetworkresourceassociation", "resource configurations"),
        ):
            in_use = network.associations(backends, kind)
            if in_use:
                raise ConflictException(
                    f"Service network {network.id} still has associated {what}: " + ", ".join(a.id for a in in_use),
                    "SERVICE_NETWORK",
                    network.id,
                )
        # Endpoints (type ServiceNetwork) reach the network as VPC associations do: AWS documents only the
        # associations ("no service or VPC associated with it"); the stricter reading refuses these too.
        reaching = endpoints_reaching(network.arn, self.region_name)
        if reaching:
            raise ConflictException(
                f"Service network {network.id} is still reached by VPC endpoints: " + ", ".join(e.id for e in reaching),
                "SERVICE_NETWORK",
                network.id,
            )
        del self.service_networks[network.id]
        self.forget_policies(network)


class ServiceNetworkResponses:
    def create_service_network(self) -> str:
        network = self.backend.create_service_network(
            name=self._get_param("name"),
            auth_type=self._get_param("authType"),
            client_token=self._get_param("clientToken"),
            sharing_config=self._get_param("sharingConfig"),
            tags=self._get_param("tags"),
        )
        return self.dump(network.to_dict())

    def get_service_network(self) -> str:
        network = self.backend.get_service_network(self._get_param("serviceNetworkIdentifier"))
        return self.dump(network.to_dict(self.backend.regional()))

    def list_service_networks(self) -> str:
        return self.page(self.backend.list_service_networks, lambda n: n.to_dict(self.backend.regional()))

    def update_service_network(self) -> str:
        network = self.backend.update_service_network(
            self._get_param("serviceNetworkIdentifier"), self._get_param("authType")
        )
        return self.dump(network.to_dict())

    def delete_service_network(self) -> str:
        self.backend.delete_service_network(self._get_param("serviceNetworkIdentifier"))
        return "{}"
