"""The call log: one JSON line per API call the sandbox answers.

A WSGI middleware around moto's dispatcher. It works out, from the request
alone, what a client would name the call: the service from the SigV4 credential
scope, the operation with moto's own botocore-model router (so it works for the
query, JSON and REST protocols alike), the account from the access key. The
error code comes from the response, whichever protocol it is written in.
"""

from __future__ import annotations

import io
import json
import re
import threading
from datetime import datetime, timezone
from typing import Any, Callable

from .authorization import IAM_KEY
from .faults import FAULT_KEY

CREDENTIAL = re.compile(r"Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/")
XML_CODE = re.compile(rb"<Code>([^<]+)</Code>")
# SigV4 signing names that differ from botocore's service names (the log uses the latter).
SIGNING_NAMES = {"monitoring": "cloudwatch", "email": "ses", "states": "stepfunctions"}


def scope_of(environ: dict[str, Any]) -> tuple[str, str, str] | None:
    """Access key, region and botocore service name of a signed AWS API request, else None."""
    scope = CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", ""))
    if not scope:  # moto's own API, health checks: not AWS calls
        return None
    access_key, region, signing_name = scope.groups()
    return access_key, region, SIGNING_NAMES.get(signing_name, signing_name)


def service_of(environ: dict[str, Any]) -> str | None:
    scope = scope_of(environ)
    return scope[2] if scope else None


def operation_of(service: str, environ: dict[str, Any], body: bytes) -> str | None:
    from moto.core.request import Request
    from moto.core.routing import get_service_router

    probe = dict(environ, **{"wsgi.input": io.BytesIO(body)})
    try:
        operation, _ = get_service_router(service).match(Request(probe))
    except Exception:  # unknown service or operation: still worth a log line
        return None
    return operation.name


def account_of(environ: dict[str, Any], access_key: str) -> str:
    from moto.iam.models import get_account_id_from

    return environ.get("HTTP_X_MOTO_ACCOUNT_ID") or get_account_id_from(access_key)


def error_code(status: int, headers: list[tuple[str, str]], body: bytes) -> str | None:
    """The AWS error code of a response, for JSON, REST-JSON and XML protocols."""
    if status < 400:
        return None
    for name, value in headers:
        if name.lower() == "x-amzn-errortype" and value:
            return value.split(":")[0]
    try:
        document = json.loads(body)
    except ValueError:
        match = XML_CODE.search(body)
        return match.group(1).decode() if match else f"HTTP{status}"
    if isinstance(document, dict):
        for key in ("__type", "code", "Code"):
            if document.get(key):
                return str(document[key]).split("#")[-1]
    return f"HTTP{status}"


class CallLog:
    """WSGI middleware appending a line to ``path`` for each signed AWS API request."""

    def __init__(self, app: Callable, path: str) -> None:
        self.app = app
        self.path = path
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Any:
        scope = scope_of(environ)
        if not scope:
            return self.app(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        access_key, region, service = scope
        operation = operation_of(service, environ, body)

        answer: dict[str, Any] = {}

        def recording_start_response(status: str, headers: list, exc_info: Any = None) -> Any:
            answer["status"], answer["headers"] = int(status.split()[0]), headers
            return start_response(status, headers, exc_info)

        chunks = list(self.app(environ, recording_start_response))
        entry = {
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "account": account_of(environ, access_key),
            "region": region,
            "service": service,
            "operation": operation,
            "status": answer.get("status"),
            "error": error_code(answer.get("status", 500), answer.get("headers", []), b"".join(chunks)),
            # What CloudTrail records as userAgent: which tool, and which module, made the call.
            "user_agent": environ.get("HTTP_USER_AGENT", ""),
        }
        if environ.get(FAULT_KEY):  # answered by the fault injector (faults.py), not by moto
            entry["fault"] = environ[FAULT_KEY]
        if environ.get(IAM_KEY):  # SANDBOX_IAM=enforce: what was authorized (or denied) and by which statements
            entry["iam"] = environ[IAM_KEY]
        with self.lock, open(self.path, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
        return chunks
