"""``SANDBOX_IAM=enforce``: every API call of a non-root principal is authorized against its IAM policies.

moto can authorize requests itself (``ActionAuthenticatorMixin``, switched on by
``INITIAL_NO_AUTH_ACTION_COUNT``), but only in the response classes that call it,
with the resource always ``*``, a case-sensitive action match, one error shape for
every JSON service, and nothing for the operations this sandbox adds (most of VPC
Lattice, RAM's sharing, EC2 Instance Connect endpoints). So the sandbox does it in
one WSGI middleware in front of moto, for every signed API call, whatever serves it:

- the action is ``<signing name>:<operation>`` (the IAM action names of every
  service the pattern uses are their API operation names: Service Authorization
  Reference, each service's "Actions defined by ..." table), the operation found by
  moto's own botocore-model router (as for the call log);
- the principal is the access key's: an assumed role (STS session credentials are
  authorized against the role's policies, inline and attached: IAM User Guide,
  "Policy evaluation logic") or an IAM user. Each account's bootstrap administrator
  (``sandbox-admin``) stands for the account's root user and is not restricted, as
  root is not on AWS (IAM User Guide, "AWS account root user"); the bootstrap itself
  runs on moto's backends and never passes through here;
- the identity policies are evaluated as IAM does for a principal in its own account
  (IAM User Guide, "Policy evaluation logic": an explicit deny wins, then an allow is
  needed); ``Action`` / ``NotAction`` match case-insensitively with ``*`` and ``?``,
  ``Resource`` / ``NotResource`` with wildcards. A statement with a ``Condition`` is
  never taken as an allow and always taken as a deny: the sandbox evaluates no
  condition keys, and the stricter reading is the one it keeps;
- the resource is the request's ARN where the sandbox works it out (IAM roles and
  instance profiles, Lambda functions, the service-linked roles below); for any other
  call it is ``*``, so only a statement with ``"Resource": "*"`` (or a pattern that
  matches the literal ``*``) allows it: stricter than AWS, never kinder;
- some calls need more than their own action (``DEPENDENT`` below, each with its
  AWS source): ``iam:PassRole`` for the role a Lambda function or an instance profile
  gets, VPC Lattice's and EC2 Instance Connect's service-linked role creation the first
  time the account needs one, and the EC2 reads of a VPC association;
- STS ``AssumeRole`` also needs the role's trust policy to trust the caller (its
  account root, its ARN, or ``*``), whoever calls, root included;
- a denied call gets the service's own error, before moto sees it: ``AccessDenied``
  (403, IAM / STS / Route 53), ``UnauthorizedOperation`` (403, EC2),
  ``AccessDeniedException`` (403 for REST-JSON services such as VPC Lattice, Lambda and
  RAM; 400 for JSON ones such as SSM and Organizations), with AWS's message "User:
  <arn> is not authorized to perform: <action> on resource: <arn> because no
  identity-based policy allows the <action> action" (IAM User Guide, "Troubleshoot
  access denied error messages"; RAM's as in terraform-provider-aws / LZA bug reports:
  "... is not authorized to perform: ram:CreateResourceShare on resource: ... (Status
  Code: 403; Error Code: AccessDeniedException)"); " on resource: ..." is left out when
  the resource is ``*``, as AWS does for actions without resource-level permissions.

Every authorized call's line in the call log gets ``"iam"``: the actions checked, their
resource, and the ``Sid`` of every statement that allowed each, so a test can tell which
statement a deployment needed. Not modelled: signature verification (any signature of a
known key passes), permission boundaries, session policies, SCPs, resource-based
policies, condition keys, and EC2's encoded authorization failure message.
"""

from __future__ import annotations

import fnmatch
import functools
import io
import json
import re
from typing import Any, Callable, NamedTuple
from urllib.parse import parse_qs, unquote

from .faults import Fault, _protocol, render  # pylint: disable=protected-access

IAM_KEY = "sandbox.iam"
MODES = ("", "enforce")
ROOT_USERS = ("sandbox-admin",)  # bootstrap.ADMIN_USER: the account's root stand-in


class Check(NamedTuple):
    action: str
    resource: str


class Denied(Exception):
    def __init__(self, check: Check, explicit: bool) -> None:
        super().__init__(check.action)
        self.check = check
        self.explicit = explicit


# ---------------------------------------------------------------- the request


@functools.cache
def _model(service: str) -> Any:
    import botocore.session

    return botocore.session.get_session().get_service_model(service)


def _path_params(template: str, path: str) -> dict[str, str]:
    """The URI parameters of a REST request (``/2015-03-31/functions/{FunctionName}/policy``)."""
    pattern = re.sub(r"\\\{(\w+)(?:\\\+)?\\\}", r"(?P<\1>[^/]+)", re.escape(template.split("?")[0]))
    match = re.match(pattern + "$", path)
    return {name: unquote(value) for name, value in match.groupdict().items()} if match else {}


def request_params(service: str, operation: str, environ: dict[str, Any], body: bytes) -> dict[str, Any]:
    """The request's parameters by their botocore names, as far as the resource ARNs need them."""
    protocol = _model(service).metadata["protocol"]
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    if protocol in ("query", "ec2"):
        return {**query, **{k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}}
    params: dict[str, Any] = dict(query)
    if protocol in ("json", "rest-json") and body:
        try:
            document = json.loads(body)
        except ValueError:
            document = {}
        if isinstance(document, dict):
            params.update(document)
    if protocol.startswith("rest"):
        template = _model(service).operation_model(operation).http.get("requestUri", "")
        params.update(_path_params(template, environ.get("PATH_INFO", "")))
    return params


# ---------------------------------------------------------------- resources and dependent actions

IAM_ROLE_OPERATIONS = {
    "CreateRole", "GetRole", "DeleteRole", "TagRole", "UntagRole", "ListRoleTags", "UpdateRole",
    "UpdateAssumeRolePolicy", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies",
    "ListRolePolicies", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListInstanceProfilesForRole",
}
IAM_PROFILE_OPERATIONS = {
    "CreateInstanceProfile", "GetInstanceProfile", "DeleteInstanceProfile", "AddRoleToInstanceProfile",
    "RemoveRoleFromInstanceProfile", "TagInstanceProfile", "UntagInstanceProfile", "ListInstanceProfileTags",
}
# Service-linked roles AWS creates on the caller's behalf the first time (name, service principal).
# VPC Lattice user guide, "Using service-linked roles for VPC Lattice": VPC Lattice creates
# AWSServiceRoleForVpcLattice when you create its resources, which needs iam:CreateServiceLinkedRole.
# EC2 user guide, "Grant permissions to use EC2 Instance Connect Endpoint": creating an endpoint needs
# iam:CreateServiceLinkedRole (AWSServiceRoleForEC2InstanceConnect).
LATTICE_SLR = ("AWSServiceRoleForVpcLattice", "vpc-lattice.amazonaws.com")
EIC_SLR = ("AWSServiceRoleForEC2InstanceConnect", "ec2-instance-connect.amazonaws.com")
SERVICE_LINKED = {
    ("vpc-lattice", "CreateServiceNetwork"): LATTICE_SLR,
    ("vpc-lattice", "CreateService"): LATTICE_SLR,
    ("vpc-lattice", "CreateTargetGroup"): LATTICE_SLR,
    ("ec2", "CreateInstanceConnectEndpoint"): EIC_SLR,
}


def _iam_backend(account: str) -> Any:
    from moto.iam.models import iam_backends

    return iam_backends[account]["global"]


def role_arn(account: str, name: str, path: str = "/") -> str:
    try:
        return _iam_backend(account).get_role(name).arn
    except Exception:  # not (yet) there: the ARN it gets
        return f"arn:aws:iam::{account}:role{path or '/'}{name}"


def _function_arn(account: str, region: str, name: str) -> str:
    if name.startswith("arn:"):
        return ":".join(name.split(":")[:7])  # without a version or alias qualifier
    name = name.split(":")[-1] if ":" in name else name
    return f"arn:aws:lambda:{region}:{account}:function:{name}"


def _profile_roles(account: str, name_or_arn: str) -> list[str]:
    name = name_or_arn.rsplit("/", 1)[-1]
    try:
        return [role.arn for role in _iam_backend(account).get_instance_profile(name).roles]
    except Exception:  # EC2 answers the missing profile itself
        return []


def _slr_arn(account: str, slr: tuple[str, str]) -> str:
    return f"arn:aws:iam::{account}:role/aws-service-role/{slr[1]}/{slr[0]}"


def _has_role(account: str, name: str) -> bool:
    return any(role.name == name for role in _iam_backend(account).get_roles())


def resource_of(service: str, operation: str, params: dict[str, Any], account: str, region: str) -> str:
    if service == "iam" and operation in IAM_ROLE_OPERATIONS and params.get("RoleName"):
        return role_arn(account, params["RoleName"], params.get("Path", "/"))
    if service == "iam" and operation in IAM_PROFILE_OPERATIONS and params.get("InstanceProfileName"):
        return f"arn:aws:iam::{account}:instance-profile{params.get('Path', '/')}{params['InstanceProfileName']}"
    if service == "lambda" and (params.get("FunctionName") or params.get("Resource")):
        # ListTags / TagResource / UntagResource name the function by ARN in "Resource"
        return _function_arn(account, region, params.get("FunctionName") or params["Resource"])
    if service == "ssm" and operation in ("GetParameter", "GetParameters") and params.get("Name"):
        # AWS's public parameters (/aws/service/...) have no account in their ARN (SSM user guide,
        # "Discovering public parameters in Parameter Store")
        owner = "" if params["Name"].startswith("/aws/") else account
        return f"arn:aws:ssm:{region}:{owner}:parameter/{params['Name'].lstrip('/')}"
    if service == "sts" and operation == "AssumeRole":
        return params.get("RoleArn", "*")
    return "*"


def dependent_checks(service: str, operation: str, params: dict[str, Any], account: str) -> list[Check]:
    """The other actions AWS authorizes for this call (beyond its own)."""
    checks = []
    # Lambda developer guide, "Defining Lambda function permissions with an execution role" and the
    # Service Authorization Reference (lambda:CreateFunction / UpdateFunctionConfiguration, dependent
    # action iam:PassRole): the caller must be allowed to pass the function's role.
    if service == "lambda" and operation in ("CreateFunction", "UpdateFunctionConfiguration") and params.get("Role"):
        checks.append(Check("iam:PassRole", params["Role"]))
    # EC2 user guide, "IAM roles for Amazon EC2", "Permissions to launch instances with a role":
    # RunInstances / AssociateIamInstanceProfile with a profile need iam:PassRole on its role.
    if service == "ec2" and operation in ("RunInstances", "AssociateIamInstanceProfile",
                                          "ReplaceIamInstanceProfileAssociation"):
        profile = params.get("IamInstanceProfile.Name") or params.get("IamInstanceProfile.Arn")
        checks += [Check("iam:PassRole", arn) for arn in _profile_roles(account, profile or "")] if profile else []
    # VPC Lattice user guide, "Amazon VPC Lattice API permissions": CreateServiceNetworkVpcAssociation
    # also needs ec2:DescribeVpcs and ec2:DescribeSecurityGroups.
    if service == "vpc-lattice" and operation == "CreateServiceNetworkVpcAssociation":
        checks += [Check("ec2:DescribeVpcs", "*"), Check("ec2:DescribeSecurityGroups", "*")]
    # EC2 user guide, "Grant permissions to use EC2 Instance Connect Endpoint": creating one needs
    # ec2:CreateNetworkInterface and ec2:CreateTags too.
    if service == "ec2" and operation == "CreateInstanceConnectEndpoint":
        checks += [Check("ec2:CreateNetworkInterface", "*"), Check("ec2:CreateTags", "*")]
    slr = SERVICE_LINKED.get((service, operation))
    if slr and not _has_role(account, slr[0]):
        checks.append(Check("iam:CreateServiceLinkedRole", _slr_arn(account, slr)))
    return checks


def create_service_linked_role(service: str, operation: str, account: str) -> None:
    """After the call succeeded: the service-linked role AWS made for it (once per account)."""
    slr = SERVICE_LINKED.get((service, operation))
    if not slr or _has_role(account, slr[0]):
        return
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": slr[1]}, "Action": "sts:AssumeRole"}]}
    _iam_backend(account).create_role(slr[0], json.dumps(trust), f"/aws-service-role/{slr[1]}/", None,
                                      f"Service-linked role of {slr[1]}", [], "3600")


# ---------------------------------------------------------------- policy evaluation


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _matches(patterns: Any, value: str, case_sensitive: bool) -> bool:
    compare = fnmatch.fnmatchcase
    if not case_sensitive:
        return any(compare(value.lower(), str(p).lower()) for p in _listed(patterns))
    return any(compare(value, str(p)) for p in _listed(patterns))


def _concerns(statement: dict[str, Any], check: Check) -> bool:
    if "NotAction" in statement:
        action = not _matches(statement["NotAction"], check.action, False)
    else:
        action = _matches(statement.get("Action", []), check.action, False)
    if "NotResource" in statement:
        return action and not _matches(statement["NotResource"], check.resource, True)
    return action and _matches(statement.get("Resource", []), check.resource, True)


def documents(access_key: Any) -> list[tuple[str, dict[str, Any]]]:
    """(policy name, document) of every identity policy of the principal."""
    from moto.iam.access_control import IAMPolicy

    found = []
    for policy in access_key.collect_policies():
        name = getattr(policy, "name", None) or (policy.get("policy_name") if isinstance(policy, dict) else None)
        found.append((name or "inline", IAMPolicy(policy)._policy_json))  # pylint: disable=protected-access
    return found


def allowing_statements(policies: list[tuple[str, dict[str, Any]]], check: Check) -> list[str]:
    """The Sids (``<policy>#<n>`` without one) of the statements that allow ``check``;
    raises Denied on an explicit deny or when none allows it."""
    allowed = []
    for name, document in policies:
        for index, statement in enumerate(_listed(document.get("Statement", []))):
            if not _concerns(statement, check):
                continue
            if statement.get("Effect") == "Deny":
                raise Denied(check, explicit=True)
            if statement.get("Effect") == "Allow" and "Condition" not in statement:
                allowed.append(statement.get("Sid") or f"{name}#{index}")
    if not allowed:
        raise Denied(check, explicit=False)
    return allowed


def trusts(role: str, caller_arn: str, caller_account: str) -> bool:
    """The trust policy of ``role`` (an ARN, any account) lets the caller assume it
    (IAM User Guide, "Role trust policies"): it names the caller, its account, or ``*``."""
    try:
        owner = iam_account_of(role)
        document = json.loads(_iam_backend(owner).get_role_by_arn(role).assume_role_policy_document)
    except Exception:  # no such role: STS answers it
        return True
    identity = re.sub(r":sts::(\d{12}):assumed-role/([^/]+)/.*", r":iam::\1:role/\2", caller_arn)
    accepted = {"*", caller_account, f"arn:aws:iam::{caller_account}:root", caller_arn, identity}
    for statement in _listed(document.get("Statement", [])):
        principals = statement.get("Principal", {})
        aws = _listed(principals.get("AWS", [])) if isinstance(principals, dict) else _listed(principals)
        if (statement.get("Effect") == "Allow" and _matches(statement.get("Action", []), "sts:AssumeRole", False)
                and accepted & set(aws)):
            return True
    return False


def iam_account_of(arn: str) -> str:
    """The account of an IAM ARN (``arn:aws:iam::<account>:role/...``)."""
    return arn.split(":")[4]


# ---------------------------------------------------------------- errors

def denial_message(principal: str, check: Check, explicit: bool) -> str:
    where = f" on resource: {check.resource}" if check.resource != "*" else ""
    why = ("with an explicit deny in an identity-based policy" if explicit
           else f"because no identity-based policy allows the {check.action} action")
    return f"User: {principal} is not authorized to perform: {check.action}{where} {why}"


def denial(service: str, message: str) -> Fault:
    protocol = _protocol(service)
    if protocol == "ec2":  # EC2 API reference, common client errors: UnauthorizedOperation
        return Fault(403, "UnauthorizedOperation", f"You are not authorized to perform this operation. {message}")
    if protocol in ("query", "rest-xml"):  # IAM, STS, Route 53
        return Fault(403, "AccessDenied", message)
    if protocol == "json":  # SSM, Organizations: the JSON 1.1 protocol answers client errors with 400
        return Fault(400, "AccessDeniedException", message)
    return Fault(403, "AccessDeniedException", message)  # VPC Lattice, Lambda, RAM (REST-JSON)


def _invalid_key(service: str) -> Fault:
    protocol = _protocol(service)
    message = "The security token included in the request is invalid."
    if protocol == "ec2":
        return Fault(401, "AuthFailure", "AWS was not able to validate the provided access credentials")
    if protocol in ("query", "rest-xml"):
        return Fault(403, "InvalidClientTokenId", message)
    return Fault(403, "UnrecognizedClientException", message)


# ---------------------------------------------------------------- the middleware


class Authorization:
    """WSGI middleware: answers a call the caller's policies do not allow with the service's denial."""

    def __init__(self, app: Callable, scope_of: Callable, operation_of: Callable, account_of: Callable) -> None:
        self.app = app
        self.scope_of = scope_of
        self.operation_of = operation_of
        self.account_of = account_of

    def _refuse(self, start_response: Callable, fault: Fault, service: str) -> list[bytes]:
        status, headers, body = render(fault, service)
        start_response(status, headers)
        return [body]

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Any:
        from moto.iam.access_control import AssumedRoleAccessKey, CreateAccessKeyFailure, create_access_key

        scope = self.scope_of(environ)
        if not scope:
            return self.app(environ, start_response)
        key_id, region, service = scope
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        operation = self.operation_of(service, environ, body)
        account = self.account_of(environ, key_id)
        token = environ.get("HTTP_X_AMZ_SECURITY_TOKEN")
        try:
            access_key = create_access_key(account, "aws", key_id, {"X-Amz-Security-Token": token} if token else {})
        except CreateAccessKeyFailure:
            return self._refuse(start_response, _invalid_key(service), service)
        if operation is None:  # not an operation of the service: moto answers it
            return self.app(environ, start_response)
        params = request_params(service, operation, environ, body)
        root = not isinstance(access_key, AssumedRoleAccessKey) and access_key.arn.endswith(
            tuple(f":user/{user}" for user in ROOT_USERS))
        checks = [Check(f"{service}:{operation}", resource_of(service, operation, params, account, region)),
                  *dependent_checks(service, operation, params, account)]
        record = []
        if not root and not (service == "sts" and operation == "GetCallerIdentity"):
            # STS API reference, GetCallerIdentity: "No permissions are required to perform this operation."
            policies = documents(access_key)
            try:
                for check in checks:
                    record.append({"action": check.action, "resource": check.resource,
                                   "allowed_by": allowing_statements(policies, check)})
            except Denied as denied:
                environ[IAM_KEY] = {"denied": denied.check.action, "resource": denied.check.resource}
                fault = denial(service, denial_message(access_key.arn, denied.check, denied.explicit))
                return self._refuse(start_response, fault, service)
        if service == "sts" and operation == "AssumeRole" and not trusts(checks[0].resource, access_key.arn, account):
            # IAM User Guide, "Granting a user permissions to switch roles": the role's trust policy
            # must also name the caller (or its account).
            environ[IAM_KEY] = {"denied": checks[0].action, "resource": checks[0].resource}
            fault = denial(service, denial_message(access_key.arn, checks[0], False))
            return self._refuse(start_response, fault, service)
        if record:
            environ[IAM_KEY] = {"checks": record}

        answer: dict[str, int] = {}

        def recording_start_response(status: str, headers: list, exc_info: Any = None) -> Any:
            answer["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        chunks = list(self.app(environ, recording_start_response))
        if answer.get("status", 500) < 400:
            create_service_linked_role(service, operation, account)
        return chunks


def wrap(app: Callable, mode: str, scope_of: Callable, operation_of: Callable, account_of: Callable) -> Callable:
    """``app`` behind :class:`Authorization` when ``mode`` (SANDBOX_IAM) is ``enforce``."""
    if mode not in MODES:
        raise ValueError(f"SANDBOX_IAM must be 'enforce' or empty, not {mode!r}")
    return Authorization(app, scope_of, operation_of, account_of) if mode == "enforce" else app
