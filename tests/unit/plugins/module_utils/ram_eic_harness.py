"""A stand-in AnsibleAWSModule whose clients are botocore Stubbers on the real service models.

The ram_* and ec2_instance_connect_endpoint* decisions live in module_utils
managers that only need ``params``, ``check_mode``, ``client()`` and ``warn()``
from the module, so the tests drive them directly. Every expected call is
declared in order with its parameters; any other call fails the test, which
proves which calls (and so which mutations) a run makes.
"""

import itertools
from datetime import datetime
from datetime import timezone
from unittest import mock

import botocore.session
from botocore.stub import ANY
from botocore.stub import Stubber

from ansible_collections.amazon.aws.plugins.module_utils.retries import RetryingBotoClientWrapper

from ansible_collections.lattice.multi_account.plugins.module_utils._core import waiting

ACCOUNT = "111111111111"
OTHER = "222222222222"
OUTSIDER = "333333333333"
REGION = "eu-west-1"
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)

__all__ = ["ANY", "ACCOUNT", "OTHER", "OUTSIDER", "REGION", "NOW", "FakeModule", "no_sleep"]


class FakeModule:
    def __init__(self, params, check_mode=False, services=("ram",)):
        self.params = dict(params)
        self.check_mode = check_mode
        self.warnings = []
        session = botocore.session.get_session()
        self.clients = {
            s: session.create_client(s, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing")
            for s in services
        }
        self.stubbers = {s: Stubber(c) for s, c in self.clients.items()}
        self.configs = {}

    def client(self, service, retry_decorator=None, config=None):
        # AnsibleAWSModule.client merges ``config`` (the collection's user agent) into its own.
        self.configs[service] = config
        return RetryingBotoClientWrapper(self.clients[service], retry_decorator)

    def warn(self, message):
        self.warnings.append(message)

    def fail_json_aws(self, exception, msg=None, **kwargs):
        raise AssertionError(f"{msg}: {exception}")

    def expect(self, service, method, response=None, params=None):
        self.stubbers[service].add_response(method, response or {}, params)
        return self

    def expect_error(self, service, method, code, message="raised by the stub", params=None):
        self.stubbers[service].add_client_error(method, code, message, 400, expected_params=params)
        return self

    def __enter__(self):
        for stubber in self.stubbers.values():
            stubber.activate()
        return self

    def __exit__(self, *exc):
        for stubber in self.stubbers.values():
            stubber.deactivate()
        if exc[0] is None:
            for stubber in self.stubbers.values():
                stubber.assert_no_pending_responses()
        return False


def no_sleep():
    """Make _core.waiting.wait_until poll without pausing."""
    return mock.patch.object(waiting, "poll_delays", lambda: itertools.repeat(0))
