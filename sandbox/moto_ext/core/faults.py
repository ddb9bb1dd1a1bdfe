"""Injected faults (``SANDBOX_FAULTS``): throttling and internal errors, as AWS answers them.

Every AWS API throttles and now and then fails inside; clients are expected to
retry with backoff (AWS SDK developer guides, "Retry behavior"; botocore's
``_retry.json`` lists the codes below as retryable). A WSGI middleware in front
of moto answers a share of the signed API calls, before moto sees them (so they
have no effect), with the service's own throttling error or an internal error,
in the service's protocol. The call log (``calllog.py``, outside this one) marks
each injected answer with ``"fault": "throttle"`` or ``"fault": "error"``.

``SANDBOX_FAULTS=throttle=0.2,error=0.05,seed=7``: 20 % throttled, 5 % internal
errors; ``seed`` makes the sequence of draws repeatable. The sandbox's own
bootstrap runs on moto's backends directly and never passes through here.
"""

from __future__ import annotations

import functools
import json
import random
import threading
import uuid
from http import HTTPStatus
from typing import Any, Callable, NamedTuple

FAULT_KEY = "sandbox.fault"


class Fault(NamedTuple):
    status: int
    code: str
    message: str


# Per service (botocore's name): its throttling error, then its internal errors.
# Sources: each service's API reference "Errors" / "Common errors" pages and botocore's models.
THROTTLING = {
    # VPC Lattice API reference, common errors: ThrottlingException, HTTP 429.
    "vpc-lattice": Fault(429, "ThrottlingException", "Rate exceeded"),
    # RAM API reference (ThrottlingException, 429, on every operation since 2023).
    "ram": Fault(429, "ThrottlingException", "Rate exceeded"),
    # EC2 API reference, "Request throttling": RequestLimitExceeded, 503 in the EC2 error format.
    "ec2": Fault(503, "RequestLimitExceeded", "Request limit exceeded."),
    # IAM / STS API reference, common errors: Throttling, 400.
    "iam": Fault(400, "Throttling", "Rate exceeded"),
    "sts": Fault(400, "Throttling", "Rate exceeded"),
    # Lambda API reference: TooManyRequestsException, 429 (Reason CallerRateLimitExceeded).
    "lambda": Fault(429, "TooManyRequestsException", "Rate exceeded"),
    # Organizations API reference: TooManyRequestsException (json 1.1 protocol, 400).
    "organizations": Fault(400, "TooManyRequestsException", "AWS Organizations can't complete your request "
                                                            "because it received too many requests. Try again later."),
    # Route 53 API reference, common errors: Throttling, 400 (rest-xml protocol).
    "route53": Fault(400, "Throttling", "Rate exceeded"),
}
INTERNAL = {
    "vpc-lattice": [Fault(500, "InternalServerException", "An unexpected error occurred")],
    # RAM API reference: ServerInternalException 500, ServiceUnavailableException 503.
    "ram": [Fault(500, "ServerInternalException", "An internal error occurred"),
            Fault(503, "ServiceUnavailableException", "The service is unavailable")],
    # EC2 common client errors: InternalError 500, Unavailable 503.
    "ec2": [Fault(500, "InternalError", "An internal error has occurred"),
            Fault(503, "Unavailable", "The server is overloaded and can't handle the request")],
    # IAM: ServiceFailure 500; common errors: ServiceUnavailable 503.
    "iam": [Fault(500, "ServiceFailure", "The request processing has failed because of an unknown error"),
            Fault(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server")],
    "sts": [Fault(500, "InternalFailure", "The request processing has failed because of an unknown error"),
            Fault(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server")],
    # Lambda: ServiceException 500.
    "lambda": [Fault(500, "ServiceException", "The AWS Lambda service encountered an internal error")],
    # Organizations: ServiceException 500.
    "organizations": [Fault(500, "ServiceException", "AWS Organizations can't complete your request "
                                                     "because of an internal service error. Try again later.")],
    # Route 53 API reference, common errors: InternalFailure 500, ServiceUnavailable 503.
    "route53": [Fault(500, "InternalFailure", "The request processing has failed because of an unknown error"),
                Fault(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server")],
}
# The namespace of an XML error document (Route 53 API reference, "Errors": ErrorResponse).
XML_NAMESPACES = {
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
    "route53": "https://route53.amazonaws.com/doc/2013-04-01/",
}
# Any other service: the common errors of every AWS API.
DEFAULT_THROTTLING = Fault(400, "ThrottlingException", "Rate exceeded")
DEFAULT_INTERNAL = [Fault(500, "InternalFailure", "The request processing has failed"),
                    Fault(503, "ServiceUnavailable", "The service is unavailable")]


class FaultSettings(NamedTuple):
    throttle: float
    error: float
    seed: str | None

    @classmethod
    def parse(cls, text: str) -> FaultSettings:
        """``throttle=0.2,error=0.05,seed=7`` (any part optional); ValueError names what is wrong."""
        values: dict[str, Any] = {"throttle": 0.0, "error": 0.0, "seed": None}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, _, value = part.partition("=")
            if key not in values or not value:
                raise ValueError(f"SANDBOX_FAULTS: '{part}' is not throttle=<share>, error=<share> or seed=<value>")
            values[key] = value if key == "seed" else float(value)
        for key in ("throttle", "error"):
            if not 0 <= values[key] <= 1:
                raise ValueError(f"SANDBOX_FAULTS: {key} must be a share between 0 and 1, not {values[key]}")
        if values["throttle"] + values["error"] > 1:
            raise ValueError("SANDBOX_FAULTS: throttle + error cannot exceed 1")
        return cls(**values)


@functools.cache
def _protocol(service: str) -> str:
    import botocore.session

    try:
        model = botocore.session.get_session().get_service_model(service)
    except Exception:  # unknown to botocore: answer in JSON
        return "json"
    return model.metadata["protocol"]


def render(fault: Fault, service: str) -> tuple[str, list[tuple[str, str]], bytes]:
    """Status line, headers and body of ``fault`` in the error format of ``service``'s protocol."""
    request_id = str(uuid.uuid4())
    protocol = _protocol(service)
    headers = [("x-amzn-RequestId", request_id)]
    if protocol == "ec2":
        body = (
            f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{fault.code}</Code>"
            f"<Message>{fault.message}</Message></Error></Errors><RequestID>{request_id}</RequestID></Response>"
        )
        headers.append(("Content-Type", "text/xml;charset=UTF-8"))
    elif protocol in ("query", "rest-xml"):
        # Query services (IAM, STS) and REST-XML ones (Route 53) answer the same ErrorResponse document.
        namespace = XML_NAMESPACES.get(service, XML_NAMESPACES["iam"])
        kind = "Sender" if fault.status < 500 else "Receiver"
        body = (
            f"<ErrorResponse xmlns=\"{namespace}\"><Error>"
            f"<Type>{kind}</Type><Code>{fault.code}</Code><Message>{fault.message}</Message></Error>"
            f"<RequestId>{request_id}</RequestId></ErrorResponse>"
        )
        headers.append(("Content-Type", "text/xml"))
    else:  # json and rest-json: the code in the header and in the body
        document = {"__type": fault.code, "message": fault.message}
        if fault.code == "TooManyRequestsException" and service == "lambda":
            document.update(Type="User", Reason="CallerRateLimitExceeded")
        body = json.dumps(document)
        headers += [("x-amzn-ErrorType", fault.code), ("Content-Type", "application/json")]
        if fault.status == 429 or fault.status == 503:
            headers.append(("Retry-After", "1"))
    encoded = body.encode()
    headers.append(("Content-Length", str(len(encoded))))
    return f"{fault.status} {HTTPStatus(fault.status).phrase}", headers, encoded


class FaultInjector:
    """WSGI middleware: answers a share of signed API calls with a fault, before moto sees them."""

    def __init__(self, app: Callable, settings: FaultSettings, service_of: Callable[[dict], str | None]) -> None:
        self.app = app
        self.settings = settings
        self.service_of = service_of
        self.random = random.Random(settings.seed)
        self.lock = threading.Lock()

    def _draw(self, service: str) -> tuple[str, Fault] | None:
        with self.lock:  # one sequence of draws, whatever the threads: repeatable with a seed
            draw, pick = self.random.random(), self.random.random()
        if draw < self.settings.throttle:
            return "throttle", THROTTLING.get(service, DEFAULT_THROTTLING)
        if draw < self.settings.throttle + self.settings.error:
            choices = INTERNAL.get(service, DEFAULT_INTERNAL)
            return "error", choices[int(pick * len(choices))]
        return None

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Any:
        service = self.service_of(environ)
        drawn = self._draw(service) if service else None
        if drawn is None:
            return self.app(environ, start_response)
        kind, fault = drawn
        environ[FAULT_KEY] = kind
        status, headers, body = render(fault, service)
        start_response(status, headers)
        return [body]


def wrap(app: Callable, text: str, service_of: Callable[[dict], str | None]) -> Callable:
    """``app`` behind a :class:`FaultInjector` when ``text`` (SANDBOX_FAULTS) asks for faults."""
    settings = FaultSettings.parse(text)
    if not settings.throttle and not settings.error:
        return app
    return FaultInjector(app, settings, service_of)
