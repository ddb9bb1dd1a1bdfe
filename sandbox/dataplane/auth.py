"""Who is calling, and whether the auth policies let them in.

VPC Lattice User Guide, "Control access to VPC Lattice services using auth policies":

- A service network or service with auth type ``AWS_IAM`` checks every request
  against its auth policy; without an auth policy "all traffic gets an access
  denied error". With auth type ``NONE`` it checks nothing.
- Requests are authenticated with SigV4 for the signing name ``vpc-lattice-svcs``
  ("SigV4 authenticated requests for Amazon VPC Lattice"); an unsigned request is
  anonymous and can only be allowed by a statement whose principal is ``*``.
- "For authorization to succeed, both auth policies and identity-based policies
  need to have explicit allow statements": a signed caller also needs
  ``vpc-lattice-svcs:Invoke`` in its own IAM policies. An explicit deny wins.
- The action is ``vpc-lattice-svcs:Invoke`` on
  ``arn:aws:vpc-lattice:<region>:<owner>:service/<service-id>/<request-path>``
  ("Resource format for auth policies"), with the condition keys of
  "Condition keys for auth policies" (``vpc-lattice-svcs:SourceVpc`` ...).
- A denied request gets HTTP 403 with an ``AccessDeniedException`` body.

"SIGv4 authenticated requests for Amazon VPC Lattice", Considerations: "VPC
Lattice attempts to authenticate any request that is signed with SIGv4 ... The
request fails without authentication" (whatever the auth type), and "VPC Lattice
does not support payload signing. You must send an x-amz-content-sha256 header
with the value set to UNSIGNED-PAYLOAD".

On an instance, the credentials to sign with come from the instance profile's
role (EC2 User Guide, "Use an IAM role to grant permissions to applications
running on Amazon EC2 instances": IMDS serves the role's temporary credentials).
"""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from typing import Any

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from ..moto_ext.ram.access import organization_backend
from .conditions import conditions_hold, principal_matches
from .model import NO_CREDENTIALS, HttpRequest, TransportError

SIGNING_NAME = "vpc-lattice-svcs"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
ACTION = "vpc-lattice-svcs:Invoke"
AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/(?P<service>[^/]+)/aws4_request,"
    r"\s*SignedHeaders=(?P<signed>[^,]+),\s*Signature=(?P<signature>[0-9a-f]{64})$"
)


@dataclasses.dataclass
class Caller:
    """The principal a request comes from; ``account`` is None for an anonymous (unsigned) request."""

    account: str | None = None
    arn: str | None = None  # arn:aws:sts::<account>:assumed-role/<role>/<session>, or a user ARN
    identity_arn: str | None = None  # the role's (or user's) IAM ARN: aws:PrincipalArn
    session_name: str | None = None
    access_key: Any = None  # moto's access key object: finds the identity policies
    service: str | None = None  # a service principal (vpc-lattice.amazonaws.com invoking Lambda)

    @property
    def principal_type(self) -> str:
        if self.account is None:
            return "Anonymous"
        return "AssumedRole" if self.session_name else "User"

    def context(self) -> dict[str, str]:
        """The global condition keys of this principal (IAM User Guide, "AWS global condition context keys")."""
        context = {"aws:PrincipalType": self.principal_type}
        if self.account is not None:
            context.update({"aws:PrincipalAccount": self.account, "aws:PrincipalArn": self.identity_arn or ""})
            organization = organization_backend(self.account)
            if organization is not None and organization.org is not None:
                context["aws:PrincipalOrgID"] = organization.org.id
        return context


ANONYMOUS = Caller()


class AuthenticationFailure(Exception):
    pass


_CREDENTIALS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _instance_role_arn(client: Any) -> str | None:
    """The role of the instance's IAM instance profile (RunInstances / AssociateIamInstanceProfile)."""
    association = client.ec2.iam_instance_profile_associations.get(client.instance.id)
    roles = getattr(association.iam_instance_profile, "roles", None) if association is not None else None
    return roles[0].arn if roles else None


def instance_credentials(client: Any) -> Credentials:
    """The role credentials IMDS would serve the instance (the same ones until they expire)."""
    from moto.sts.models import sts_backends

    role_arn = _instance_role_arn(client)
    if role_arn is None:
        # IMDS answers 404 on iam/security-credentials/ without a profile: nothing to sign with.
        raise TransportError(
            NO_CREDENTIALS,
            f"curl: (2) --aws-sigv4: instance {client.instance.id} has no IAM instance profile with a role",
            "NoCredentials",
        )
    with _LOCK:
        cached = _CREDENTIALS.get(client.instance.id)
        if cached is None or cached.role_arn != role_arn:
            cached = sts_backends[client.account_id]["aws"].assume_role(
                region_name=client.region,
                role_session_name=client.instance.id,  # EC2 names the session after the instance
                role_arn=role_arn,
                policy=None,
                duration=21600,
                external_id=None,
            )
            _CREDENTIALS[client.instance.id] = cached
    return Credentials(cached.access_key_id, cached.secret_access_key, cached.session_token)


def _aws_request(request: HttpRequest, headers: dict[str, str]) -> AWSRequest:
    return AWSRequest(method=request.method, url=request.url, data=request.body, headers=headers)


def sign(request: HttpRequest, credentials: Credentials, region: str) -> HttpRequest:
    """``request`` with SigV4 headers for ``vpc-lattice-svcs``, as ``curl --aws-sigv4`` adds them."""
    aws_request = _aws_request(request, {**request.headers, "x-amz-content-sha256": UNSIGNED_PAYLOAD})
    SigV4Auth(credentials, SIGNING_NAME, region).add_auth(aws_request)
    return dataclasses.replace(request, headers=dict(aws_request.headers.items()))


def _find_access_key(key_id: str, token: str | None) -> Any:
    from moto.iam.access_control import CreateAccessKeyFailure, create_access_key
    from moto.iam.models import get_account_id_from

    headers = {"X-Amz-Security-Token": token} if token else {}
    try:
        return create_access_key(get_account_id_from(key_id), "aws", key_id, headers)
    except CreateAccessKeyFailure as failure:
        raise AuthenticationFailure(f"The security token included in the request is invalid ({failure.reason})")


def authenticate(request: HttpRequest, region: str) -> Caller:
    """The caller a SigV4 signature proves, recomputed with the key's secret; anonymous when unsigned."""
    header = request.header("Authorization")
    if header is None:
        return ANONYMOUS
    parsed = AUTHORIZATION.match(header.strip())
    if parsed is None:
        raise AuthenticationFailure("The Authorization header is not a SigV4 (AWS4-HMAC-SHA256) signature")
    if parsed["service"] != SIGNING_NAME or parsed["region"] != region:
        raise AuthenticationFailure(
            f"Credential should be scoped to a valid region and to service '{SIGNING_NAME}', "
            f"not '{parsed['region']}/{parsed['service']}'"
        )
    if request.header("x-amz-content-sha256") != UNSIGNED_PAYLOAD:
        raise AuthenticationFailure("VPC Lattice needs the header x-amz-content-sha256: UNSIGNED-PAYLOAD")
    access_key = _find_access_key(parsed["key"], request.header("X-Amz-Security-Token"))
    signed = parsed["signed"].split(";")
    headers = {name: value for name, value in request.headers.items() if name.lower() in signed}
    aws_request = _aws_request(request, headers)
    aws_request.context["timestamp"] = request.header("X-Amz-Date") or ""
    auth = SigV4Auth(access_key.create_credentials(), SIGNING_NAME, region)
    expected = auth.signature(auth.string_to_sign(aws_request, auth.canonical_request(aws_request)), aws_request)
    if expected != parsed["signature"]:
        raise AuthenticationFailure(
            "The request signature we calculated does not match the signature you provided"
        )
    arn = access_key.arn
    session = arn.rsplit("/", 1)[-1] if ":assumed-role/" in arn else None
    identity = (
        re.sub(r":sts::(\d{12}):assumed-role/([^/]+)/.*", r":iam::\1:role/\2", arn) if session else arn
    )
    return Caller(access_key.account_id, arn, identity, session, access_key)


def _statement_result(statement: dict[str, Any], caller: Caller, resource: str, context: dict[str, str]) -> str:
    """'Allow', 'Deny' or '' for one statement of a resource policy."""
    from moto.iam.access_control import IAMPolicy, PermissionResult

    if "Principal" in statement and not principal_matches(statement["Principal"], caller):
        return ""
    if "NotPrincipal" in statement or not conditions_hold(statement, context):
        return ""
    # moto's IAMPolicy matches Action/NotAction and Resource (wildcards included)
    bare = {k: v for k, v in statement.items() if k in ("Effect", "Action", "NotAction", "Resource")}
    bare.setdefault("Resource", "*")
    result = IAMPolicy(json.dumps({"Statement": [bare]})).is_action_permitted(ACTION, resource)
    return {PermissionResult.PERMITTED: "Allow", PermissionResult.DENIED: "Deny"}.get(result, "")


def policy_allows(policy: str | None, caller: Caller, resource: str, context: dict[str, str]) -> bool:
    """An explicit allow and no explicit deny in a resource (auth) policy."""
    if not policy:
        return False
    statements = json.loads(policy).get("Statement", [])
    statements = [statements] if isinstance(statements, dict) else statements
    results = {_statement_result(statement, caller, resource, context) for statement in statements}
    return "Allow" in results and "Deny" not in results


def identity_allows(caller: Caller, resource: str) -> bool:
    """The caller's own IAM policies allow the invoke (moto's evaluation, as for API calls)."""
    from moto.iam.access_control import IAMPolicy, PermissionResult

    policies = caller.access_key.collect_policies()
    results = {IAMPolicy(policy).is_action_permitted(ACTION, resource) for policy in policies}
    return PermissionResult.PERMITTED in results and PermissionResult.DENIED not in results


def denial(caller: Caller, resource: str, why: str) -> str:
    who = caller.arn or "anonymous"
    return f"AccessDeniedException: User: {who} is not authorized to perform: {ACTION} on resource: {resource} {why}"
