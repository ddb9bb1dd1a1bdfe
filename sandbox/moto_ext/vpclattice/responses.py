"""VPC Lattice responses: moto's handlers plus one mixin per resource (see models.py)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

import botocore.session

from moto.vpclattice.models import vpclattice_backends
from moto.vpclattice.responses import VPCLatticeResponse as MotoVPCLatticeResponse

from .domain_verifications import DomainVerificationResponses
from .endpoint_associations import EndpointAssociationResponses
from .listeners import ListenerResponses
from .models import VPCLatticeBackend
from .policies import PolicyResponses
from .resource_associations import ResourceAssociationResponses
from .resource_configurations import ResourceConfigurationResponses
from .resource_gateways import ResourceGatewayResponses
from .rules import RuleResponses
from .service_associations import ServiceAssociationResponses
from .service_networks import ServiceNetworkResponses
from .services import ServiceResponses
from .target_groups import TargetGroupResponses
from .targets import TargetResponses
from .vpc_associations import VpcAssociationResponses

# Lattice calls read other accounts' backends and prune finished deletes: one at a time,
# so that no request iterates over a store another one is changing.
_LOCK = threading.RLock()


@cache
def summary_members(list_method: str) -> frozenset[str]:
    """The members of a List operation's item shape (``ServiceSummary`` for ListServices ...).

    AWS's List operations answer summaries, not what the Get operation answers: ListServices
    has no ``authType`` or ``certificateArn``, ListServiceNetworkVpcAssociations no
    ``securityGroupIds``, none has ``failureCode``/``failureMessage`` (botocore's vpc-lattice
    model). A sandbox that answered more would let a module skip a Get it needs on AWS.
    """
    model = botocore.session.get_session().get_service_model("vpc-lattice")
    operation = "".join(word.capitalize() for word in list_method.split("_"))
    return frozenset(model.operation_model(operation).output_shape.members["items"].member.members)


class VPCLatticeResponse(
    ServiceNetworkResponses,
    ServiceResponses,
    TargetGroupResponses,
    TargetResponses,
    ListenerResponses,
    RuleResponses,
    ServiceAssociationResponses,
    VpcAssociationResponses,
    EndpointAssociationResponses,
    PolicyResponses,
    ResourceGatewayResponses,
    ResourceConfigurationResponses,
    ResourceAssociationResponses,
    DomainVerificationResponses,
    MotoVPCLatticeResponse,
):
    def _dispatch(self, *args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            return super()._dispatch(*args, **kwargs)

    @property
    def backend(self) -> VPCLatticeBackend:
        backend = vpclattice_backends[self.current_account][self.region]
        # deletes finish in the background on AWS: drop what finished since the last call
        backend.prune()
        return backend

    @staticmethod
    def dump(body: dict[str, Any]) -> str:
        return json.dumps({key: value for key, value in body.items() if value is not None})

    def dump_only(self, resource: Any, *keys: str, view: dict[str, Any] | None = None) -> str:
        """The fields of ``resource`` (or of its ``view``) that an operation's output shape has
        (creates and deletes answer few)."""
        return self.dump({key: value for key, value in (view or resource.to_dict()).items() if key in keys})

    def page(
        self, method: Callable[..., tuple[list[Any], str | None]], render: Callable[[Any], dict], **filters: Any
    ) -> str:
        """A List operation's page: each item rendered, then cut to the operation's summary members."""
        items, next_token = method(
            max_results=self._get_param("maxResults"), next_token=self._get_param("nextToken"), **filters
        )
        members = summary_members(method.__name__)
        summaries = [{k: v for k, v in render(item).items() if k in members} for item in items]
        return self.dump({"items": summaries, "nextToken": next_token})
