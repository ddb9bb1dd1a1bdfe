"""Run a vpc_lattice_* module's main() against a botocore Stubber built on the real service model.

Every expected API call is declared in order with its parameters; the Stubber
checks both the request and the canned response against the vpc-lattice model,
and fails on any call not declared, so a test also proves which calls (and so
which mutations) a run makes.
"""

import json
from unittest import mock

import botocore.session
import pytest
from botocore.stub import ANY
from botocore.stub import Stubber

from ansible.module_utils import basic
from ansible.module_utils.testing import patch_module_args

from ansible_collections.amazon.aws.plugins.module_utils.botocore import botocore_at_least
from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule
from ansible_collections.amazon.aws.plugins.module_utils.retries import RetryingBotoClientWrapper

ACCOUNT = "123456789012"
REGION = "eu-west-1"
NOW = "2024-01-01T00:00:00Z"

__all__ = [
    "ANY",
    "ACCOUNT",
    "NOW",
    "REGION",
    "run",
    "Calls",
    "arn",
    "hexid",
    "service_network",
    "service",
    "target_group",
    "listener",
    "forward",
    "association",
    "listing",
    "described",
]


def hexid(prefix, n=1):
    return f"{prefix}-{n:017x}"


def arn(resource, account=ACCOUNT):
    return f"arn:aws:vpc-lattice:{REGION}:{account}:{resource}"


class ModuleExit(Exception):
    def __init__(self, result):
        super().__init__(result)
        self.result = result


class Calls:
    """Ordered list of expected calls: ``ok(method, response, params)`` / ``error(method, code, params)``."""

    def __init__(self):
        self.items = []

    def ok(self, method, response=None, params=None):
        self.items.append(("ok", method, response or {}, params))
        return self

    def error(self, method, code, params=None, status=400, message=None):
        self.items.append(("error", method, code, params, status, message or f"{code} raised by the stub"))
        return self


def _client(service="vpc-lattice"):
    session = botocore.session.get_session()
    return session.create_client(
        service, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing"
    )


class CallerIdentity:
    """STS as the modules use it: GetCallerIdentity tells which listed services the caller owns."""

    def __init__(self):
        self.calls = 0

    def get_caller_identity(self, aws_retry=False):
        self.calls += 1
        return {"Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:user/test", "UserId": "AIDATEST"}


def run(main, args, calls, check_mode=False, sleep=None, service="vpc-lattice"):
    """Run ``main`` with ``args``; return the result dict (``failed`` set when the module failed).

    ``service``: the one service whose calls are stubbed (the ec2_* modules stub ``ec2``).
    """
    client = _client(service)
    stubber = Stubber(client)
    for outcome, method, *details in calls.items:
        if outcome == "ok":
            response, params = details
            stubber.add_response(method, response, params)
        else:
            code, params, status, message = details
            stubber.add_client_error(method, code, message, status, expected_params=params)

    stubbed_service = service

    def fake_client(self, service, retry_decorator=None, **kwargs):
        if service == "sts":
            return CallerIdentity()
        assert service == stubbed_service
        return RetryingBotoClientWrapper(client, retry_decorator) if retry_decorator else client

    def exit_json(self, **kwargs):
        raise ModuleExit(json.loads(json.dumps(kwargs, default=str)))

    def fail_json(self, msg, **kwargs):
        raise ModuleExit(dict(failed=True, msg=msg))

    args = dict(args, region=REGION, _ansible_check_mode=check_mode)
    with stubber, patch_module_args(args), mock.patch.object(
        AnsibleAWSModule, "client", fake_client
    ), mock.patch.object(basic.AnsibleModule, "exit_json", exit_json), mock.patch.object(
        basic.AnsibleModule, "fail_json", fail_json
    ), mock.patch(
        "time.sleep", sleep or (lambda s: None)
    ):
        with pytest.raises(ModuleExit) as exc:
            main()
        assert not stubber._queue, f"module ended with calls still expected; result: {exc.value.result}"
    return exc.value.result


# --- canned API objects, shaped like the vpc-lattice responses ---------------------


def service_network(n=1, name="net-one", **extra):
    return dict(
        id=hexid("sn", n),
        arn=arn(f"servicenetwork/{hexid('sn', n)}"),
        name=name,
        authType="NONE",
        createdAt=NOW,
        lastUpdatedAt=NOW,
        numberOfAssociatedVPCs=0,
        numberOfAssociatedServices=0,
        **extra,
    )


def service(n=1, name="web-service", status="ACTIVE", account=ACCOUNT, **extra):
    sid = hexid("svc", n)
    return dict(
        id=sid,
        arn=arn(f"service/{sid}", account),
        name=name,
        status=status,
        authType="NONE",
        createdAt=NOW,
        lastUpdatedAt=NOW,
        dnsEntry={"domainName": f"{sid}.1234567.vpc-lattice-svcs.{REGION}.on.aws", "hostedZoneId": "Z1"},
        **extra,
    )


def target_group(n=1, name="target-lambda", status="ACTIVE", type="LAMBDA", config=None, **extra):
    tid = hexid("tg", n)
    return dict(
        id=tid,
        arn=arn(f"targetgroup/{tid}"),
        name=name,
        type=type,
        status=status,
        createdAt=NOW,
        lastUpdatedAt=NOW,
        config=config if config is not None else {"lambdaEventStructureVersion": "V2"},
        serviceArns=[],
        **extra,
    )


def listener(n=1, name="https-listener", service_n=1, protocol="HTTPS", port=443, action=None, **extra):
    lid, sid = hexid("listener", n), hexid("svc", service_n)
    return dict(
        id=lid,
        arn=arn(f"service/{sid}/listener/{lid}"),
        name=name,
        protocol=protocol,
        port=port,
        serviceArn=arn(f"service/{sid}"),
        serviceId=sid,
        createdAt=NOW,
        lastUpdatedAt=NOW,
        defaultAction=action or forward(hexid("tg", 1)),
        **extra,
    )


def forward(*groups, weight=100):
    return {"forward": {"targetGroups": [{"targetGroupIdentifier": g, "weight": weight} for g in groups]}}


def association(kind, n=1, status="ACTIVE", **extra):
    aid = hexid(kind, n)
    resource = {"snva": "servicenetworkvpcassociation", "snsa": "servicenetworkserviceassociation"}[kind]
    base = dict(
        id=aid,
        arn=arn(f"{resource}/{aid}"),
        status=status,
        createdBy=ACCOUNT,
        createdAt=NOW,
        serviceNetworkId=hexid("sn", 1),
        serviceNetworkArn=arn(f"servicenetwork/{hexid('sn', 1)}"),
        serviceNetworkName="net-one",
    )
    base.update(extra)
    return base


def listing(*items, keys=("id", "arn", "name")):
    """A ListX response holding the summary fields of ``items``."""
    return {"items": [{k: item[k] for k in keys if k in item} for item in items]}


def summary_members(operation):
    """The members of a ListX item as botocore's model has them (``ServiceNetworkServiceAssociationSummary`` ...)."""
    model = botocore.session.get_session().get_service_model("vpc-lattice")
    return tuple(model.operation_model(operation).output_shape.members["items"].member.members)


def tags_read(calls, resource, tags=None):
    """Expect only ListTagsForResource: a resource whose list item is complete needs no GetX."""
    calls.ok("list_tags_for_resource", {"tags": tags or {}}, {"resourceArn": resource["arn"]})
    return calls


def described(calls, method, resource, tags=None, id_param=None, **parents):
    """Expect GetX(resource) then ListTagsForResource: what describing a resource costs."""
    calls.ok(method, resource, dict(parents, **{id_param: resource["id"]}))
    calls.ok("list_tags_for_resource", {"tags": tags or {}}, {"resourceArn": resource["arn"]})
    return calls


def needs_botocore(version):
    """For a test of an option that older botocore does not know: tests/packaging's
    test_minimum_versions runs these tests with requirements.txt's floor, where the module
    asks for ``version`` instead (test_*_asks_for_the_botocore_it_needs)."""
    return pytest.mark.skipif(not botocore_at_least(version), reason=f"needs botocore>={version}")
