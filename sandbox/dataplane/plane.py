"""One request through VPC Lattice, step by step (see the package docstring)."""

from __future__ import annotations

from typing import Any

from . import auth, lambda_target, routing
from .model import HttpRequest, Outcome, TransportError
from .resolution import Client, Route, find_client, resolve
from .security_groups import check_connection


def _text(status: int, reason: str, body: str, error: str | None = None) -> Outcome:
    return Outcome(status, reason, {"Content-Type": "text/plain"}, body.encode(), error=error)


def invoke_resource(route: Route, request: HttpRequest) -> str:
    return f"{route.service.arn}/{request.path.lstrip('/')}"


def condition_context(client: Client, route: Route, request: HttpRequest) -> dict[str, str]:
    """VPC Lattice's condition keys (Service Authorization Reference, "Amazon VPC Lattice Services")."""
    context = {
        "vpc-lattice-svcs:SourceVpc": client.vpc_id,
        "vpc-lattice-svcs:SourceVpcOwnerAccount": client.account_id,
        "vpc-lattice-svcs:ServiceNetworkArn": route.network.arn,
        "vpc-lattice-svcs:ServiceArn": route.service.arn,
        "vpc-lattice-svcs:Port": str(request.port),
        "vpc-lattice-svcs:RequestMethod": request.method,
    }
    for name, value in request.headers.items():
        context[f"vpc-lattice-svcs:RequestHeader/{name.lower()}"] = value
    for key, value in request.query:
        context[f"vpc-lattice-svcs:RequestQueryString/{key}"] = value
    return context


def authorize(client: Client, route: Route, request: HttpRequest) -> tuple[auth.Caller, Outcome | None]:
    """The caller, and the 403 to answer when its signature fails or an AWS_IAM network or service refuses it."""
    try:
        # a signed request is authenticated whatever the auth types (see auth's docstring)
        caller = auth.authenticate(request, client.region)
    except auth.AuthenticationFailure as failure:
        return auth.ANONYMOUS, _text(403, "Forbidden", f"AccessDeniedException: {failure}", "AccessDeniedException")
    guarded = [
        (resource, backend)
        for resource, backend in ((route.network, _backend_of(route.network)), (route.service, route.service_backend))
        if resource.auth_type == "AWS_IAM"
    ]
    if not guarded:
        return caller, None
    resource_arn = invoke_resource(route, request)
    context = {**condition_context(client, route, request), **caller.context()}
    for resource, backend in guarded:
        policy = backend.auth_policies.get(resource.id)
        kind = "service network" if resource is route.network else "service"
        if not auth.policy_allows(_policy_text(policy), caller, resource_arn, context):
            why = f"because no {kind}-based policy allows the {auth.ACTION} action"
            return caller, _text(403, "Forbidden", auth.denial(caller, resource_arn, why), "AccessDeniedException")
    if caller.account is not None and not auth.identity_allows(caller, resource_arn):
        why = f"because no identity-based policy allows the {auth.ACTION} action"
        return caller, _text(403, "Forbidden", auth.denial(caller, resource_arn, why), "AccessDeniedException")
    return caller, None


def _policy_text(policy: Any) -> str | None:
    # moto keeps the policy document as text, or as an object with a ``policy`` attribute
    return policy if policy is None or isinstance(policy, str) else getattr(policy, "policy", None)


def _backend_of(resource: Any) -> Any:
    from ..moto_ext.vpclattice.sharing import regional_backends

    region, account = resource.arn.split(":")[3:5]
    return next(b for b in regional_backends(region) if b.account_id == account)


def route_request(client: Client, route: Route, listener: Any, request: HttpRequest, caller: auth.Caller) -> Outcome:
    action = routing.action_for(route.service_backend, listener, request)
    if "fixedResponse" in action:
        return _text(action["fixedResponse"]["statusCode"], "", "")
    group = routing.pick_target_group(route.service_backend, action["forward"])
    if group is None:
        return _text(503, "Service Unavailable", "Service Unavailable", "NoTarget")
    if group.type == "LAMBDA":
        return lambda_target.answer(request, caller, route, group, client)
    # IP, INSTANCE and ALB targets would be processes the sandbox does not run:
    # Lattice answers 503 when no target can take the request (VPC Lattice User
    # Guide, "Troubleshooting": "503 ... no healthy targets").
    return _text(503, "Service Unavailable", "Service Unavailable", "NoHealthyTarget")


def answer(instance_id: str, region: str, request: HttpRequest, sign: bool = False) -> Outcome:
    """What the client on ``instance_id`` gets for ``request`` (``sign``: SigV4 with the instance role)."""
    request = request.with_defaults()
    client = find_client(instance_id, region)
    try:
        route = resolve(client, request.host)
        check_connection(client, route, request.port, request.host)
        if sign:
            request = auth.sign(request, auth.instance_credentials(client), region)
        listener = routing.listener_for(route.service_backend, route.service, request)
        routing.check_certificate(route, request)
        caller, refusal = authorize(client, route, request)
        outcome = refusal or route_request(client, route, listener, request, caller)
    except TransportError as failure:
        outcome = Outcome.failure(failure)
    outcome.account = client.account_id
    return outcome


def answer_json(document: dict[str, Any], region: str) -> Outcome:
    return answer(str(document["instance"]), region, HttpRequest.from_json(document), bool(document.get("sign")))
