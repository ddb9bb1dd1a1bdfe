"""LAMBDA target groups: invoke the function's deployed code with VPC Lattice's event.

VPC Lattice User Guide, "Lambda functions as targets in VPC Lattice":

- The service may invoke the function only if its resource policy allows the
  principal ``vpc-lattice.amazonaws.com`` (``lambda:InvokeFunction``, source ARN
  the target group: "Permissions to invoke the Lambda function").
- The event has the structure of the target group's
  ``lambdaEventStructureVersion`` ("Receive events from the VPC Lattice service"):
  V1 ``raw_path``, ``method``, ``headers`` (one value each),
  ``query_string_parameters``, ``body``, ``is_base64_encoded``; V2 ``version``
  "2.0", ``path``, ``method``, ``headers`` (lists of values),
  ``queryStringParameters``, ``body``, ``isBase64Encoded`` and ``requestContext``
  (ARNs, ``identity``, ``region``, ``timeEpoch`` in microseconds). With V1 the
  caller's identity reaches the function in ``x-amzn-lattice-*`` headers
  ("Identity headers" in the same guide).
- The answer must be a JSON object with ``statusCode`` and may have
  ``statusDescription``, ``headers``, ``body``, ``isBase64Encoded``
  ("Response from the Lambda function").
- A function that cannot be invoked, fails, times out, or answers anything else
  gives the client 502 Bad Gateway (the same rule Elastic Load Balancing
  documents for Lambda targets, "Lambda functions as targets": "If the Lambda
  function ... returns a malformed response ... HTTP 502"; the stricter reading
  where the Lattice guide is silent).

The code is the zip the sandbox's Lambda received (moto keeps it), unpacked once
per code hash and run in a subprocess by the runtime's Python
(``python3.12`` for ``python3.12``), with the function's handler, timeout and
environment variables and nothing of the sandbox's environment.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from .auth import Caller
from .conditions import conditions_hold, principal_matches
from .model import HttpRequest, Outcome

LATTICE_PRINCIPAL = "vpc-lattice.amazonaws.com"
RUNTIME = Path(__file__).with_name("lambda_runtime.py")
_UNPACKED: dict[str, str] = {}
_LOCK = threading.Lock()


def bad_gateway(reason: str) -> Outcome:
    return Outcome(502, "Bad Gateway", {"Content-Type": "text/plain"}, b"Bad Gateway", error=reason)


def function_of(group: Any, account_id: str, region: str) -> Any | None:
    """The function registered in ``group`` (one per LAMBDA target group), or None."""
    from moto.awslambda.models import lambda_backends

    for target in group.targets.values():
        if target.lifecycle.deleted_at is None:
            try:
                return lambda_backends[account_id][region].get_function(target.id)
            except Exception:  # moto's not-found types vary; the target then has no function to run
                return None
    return None


def lattice_may_invoke(function: Any, group: Any) -> bool:
    lattice = Caller(service=LATTICE_PRINCIPAL)
    context = {"aws:SourceArn": group.arn, "aws:SourceAccount": group.owner_account_id}
    allowed = denied = False
    for statement in function.policy.statements:
        actions = statement.get("Action")
        actions = actions if isinstance(actions, list) else [actions]
        if not any(a in ("lambda:InvokeFunction", "lambda:*", "*") for a in actions):
            continue
        if principal_matches(statement.get("Principal"), lattice) and conditions_hold(statement, context):
            denied |= statement.get("Effect") == "Deny"
            allowed |= statement.get("Effect") == "Allow"
    return allowed and not denied


def _body(request: HttpRequest) -> tuple[str, bool]:
    try:
        return request.body.decode("utf-8"), False
    except UnicodeDecodeError:
        return base64.b64encode(request.body).decode(), True


def event(version: str, request: HttpRequest, caller: Caller, route: Any, group: Any, client: Any) -> dict[str, Any]:
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers["x-forwarded-for"] = client.instance.private_ip_address
    body, encoded = _body(request)
    query = dict(request.query)
    identity = {"sourceVpcArn": client.vpc_arn, "type": "AWS_IAM" if caller.account else "NONE"}
    if caller.account:
        identity.update({"principal": caller.arn, "sessionName": caller.session_name or ""})
        org = caller.context().get("aws:PrincipalOrgID")
        if org:
            identity["principalOrgID"] = org
    if version == "V1":
        headers["x-amzn-lattice-network"] = f"SourceVpcArn={client.vpc_arn}"
        headers["x-amzn-lattice-target"] = (
            f"ServiceArn={route.service.arn}; ServiceNetworkArn={route.network.arn}; TargetGroupArn={group.arn}"
        )
        headers["x-amzn-lattice-identity"] = "; ".join(
            f"{key[0].upper()}{key[1:]}={value}" for key, value in identity.items() if key != "sourceVpcArn"
        )
        return {
            "raw_path": request.path,
            "method": request.method,
            "headers": headers,
            "query_string_parameters": query,
            "body": body,
            "is_base64_encoded": encoded,
        }
    return {
        "version": "2.0",
        "path": request.path,
        "method": request.method,
        "headers": {name: [value] for name, value in headers.items()},
        "queryStringParameters": query,
        "body": body,
        "isBase64Encoded": encoded,
        "requestContext": {
            "serviceNetworkArn": route.network.arn,
            "serviceArn": route.service.arn,
            "targetGroupArn": group.arn,
            "identity": identity,
            "region": client.region,
            "timeEpoch": str(int(time.time() * 1_000_000)),
        },
    }


def _code_dir(function: Any) -> str:
    digest = function.code_digest
    with _LOCK:
        if digest not in _UNPACKED or not os.path.isdir(_UNPACKED[digest]):
            target = tempfile.mkdtemp(prefix="sandbox-lambda-")
            zipfile.ZipFile(io.BytesIO(function.code_bytes)).extractall(target)
            _UNPACKED[digest] = target
    return _UNPACKED[digest]


@functools.cache
def _interpreter(runtime: str) -> str | None:
    """The runtime's Python; the sandbox's own interpreter stands in when that version is not installed
    (or is only a pyenv shim that refuses to run)."""
    if not (runtime or "").startswith("python"):
        return None
    found = shutil.which(runtime)
    if found and subprocess.run([found, "-c", "pass"], capture_output=True, check=False).returncode == 0:
        return found
    return sys.executable


def invoke(function: Any, payload: dict[str, Any]) -> dict[str, Any]:
    """The function's result (``{"result": ...}``) or its error payload."""
    interpreter = _interpreter(function.run_time)
    if interpreter is None or not getattr(function, "code_bytes", b""):
        return {"errorType": "Runtime.Unavailable", "errorMessage": f"the sandbox cannot run {function.run_time} code"}
    timeout = float(function.timeout or 3)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "AWS_REGION": function.region, "AWS_LAMBDA_FUNCTION_NAME": function.function_name,
           **(function.environment_vars or {})}
    try:
        done = subprocess.run(
            [interpreter, str(RUNTIME), _code_dir(function), function.handler, function.function_name, str(timeout)],
            input=json.dumps(payload), capture_output=True, text=True, timeout=timeout + 1, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"errorType": "Sandbox.Timedout", "errorMessage": f"Task timed out after {timeout:.2f} seconds"}
    lines = done.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        return {"errorType": "Runtime.ExitError", "errorMessage": done.stderr[-500:]}


def to_response(answer: Any) -> Outcome:
    """The HTTP response Lattice builds from the function's answer, or 502 for anything malformed."""
    status = answer.get("statusCode") if isinstance(answer, dict) else None
    if not isinstance(status, int) or not 100 <= status <= 599:
        return bad_gateway("LambdaInvalidResponse")
    headers = answer.get("headers") or {}
    body = answer.get("body") or ""
    if not isinstance(headers, dict) or not isinstance(body, str):
        return bad_gateway("LambdaInvalidResponse")
    try:
        raw = base64.b64decode(body, validate=True) if answer.get("isBase64Encoded") else body.encode()
    except ValueError:
        return bad_gateway("LambdaInvalidResponse")
    description = str(answer.get("statusDescription") or "")
    reason = description.split(" ", 1)[1] if " " in description else description
    return Outcome(answer["statusCode"], reason, {str(k): str(v) for k, v in headers.items()}, raw)


def answer(request: HttpRequest, caller: Caller, route: Any, group: Any, client: Any) -> Outcome:
    function = function_of(group, route.service_backend.account_id, client.region)
    if function is None:
        # no registered function: nothing can take the request (as for other target types)
        return Outcome(503, "Service Unavailable", {"Content-Type": "text/plain"}, b"Service Unavailable",
                       error="NoTarget")
    if not lattice_may_invoke(function, group):
        return bad_gateway("LambdaPermissionDenied")
    version = group.config.get("lambdaEventStructureVersion", "V1")
    result = invoke(function, event(version, request, caller, route, group, client))
    if "result" not in result:
        return bad_gateway(f"LambdaFunctionError:{result.get('errorType')}")
    return to_response(result["result"])
