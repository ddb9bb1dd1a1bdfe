# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWSClient: one boto3 client with retries, pagination and errors that say what to do.

Each service package subclasses it once (``_vpc_lattice/client.py``, ``_ram/client.py``,
``_ec2_instance_connect/client.py``) with its error class, its "does not exist"
codes and its advice per error code.  Resource files call operations by their
boto3 names (``self.api.call("create_service", ...)``), so ``grep create_service``
finds every call site.
"""

try:
    import botocore
    import botocore.config
except ImportError:
    pass  # AnsibleAWSModule reports the missing library.

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

from .errors import access_denied_advice

# Codes AWSRetry does not retry by default but AWS documents as retryable:
# VPC Lattice and RAM throttle with ThrottlingException (HTTP 429) and fail
# transiently with InternalServerException (500) / ServiceUnavailableException (503)
# (VPC Lattice API reference, "Common Errors"; RAM API reference, "Errors").
RETRYABLE_CODES = ["ThrottlingException", "InternalServerException", "ServiceUnavailableException"]

# Appended to amazon.aws's user agent ("APN/1.0 Ansible/<version> amazon.aws/<version>"),
# which names amazon.aws for every module that uses its AnsibleAWSModule: this names the
# collection and the module, so CloudTrail's userAgent (and the sandbox's call log, which
# `make bench` counts per module) tells this collection's calls from amazon.aws's.
USER_AGENT_PREFIX = "lattice.multi_account/"


def user_agent_config(module):
    """botocore config naming this collection and ``module`` in every request's User-Agent."""
    name = (getattr(module, "_name", None) or "module").rsplit(".", 1)[-1]
    return botocore.config.Config(user_agent_extra=USER_AGENT_PREFIX + name)


def collection_client(module, service, retry_decorator):
    """``module.client(service)`` with this collection's user agent (``user_agent_config``)."""
    return module.client(service, retry_decorator=retry_decorator, config=user_agent_config(module))


class AWSClient:
    """A boto3 client of ``service`` as the modules of this collection use it."""

    service = None
    error_class = AnsibleAWSError
    # Error codes meaning "that resource does not exist".
    missing_codes = ()
    # Error code -> what the user should do about it.
    advice_by_code = {}

    def __init__(self, module):
        self.module = module
        self.retry = AWSRetry.jittered_backoff(catch_extra_error_codes=RETRYABLE_CODES)
        self.client = collection_client(module, self.service, self.retry)

    @property
    def service_model(self):
        return self.client.meta.service_model

    def advice(self, code, aws_message, operation):
        """What the user should do about error ``code`` of ``operation``; subclasses refine it."""
        return self.advice_by_code.get(code)

    def _fail(self, error, description, advice):
        if isinstance(error, botocore.exceptions.ClientError):
            details = error.response.get("Error", {})
            code = details.get("Code")
            # A missing IAM permission is named first: no other advice helps until it is granted.
            hint = (access_denied_advice(code, details.get("Message", ""))
                    or (advice or {}).get(code) or self.advice(code, details.get("Message", ""), description))
            message = f"Failed to {description}" + (f": {hint}" if hint else "")
        else:
            message = f"Failed to {description}"
        return self.error_class(message=message, exception=error)

    def call(self, operation, description, /, advice=None, **params):
        """Run ``operation`` (boto3 method name) with retries; AWS errors become ``error_class``.

        ``description`` completes "Failed to ..."; ``advice`` maps error codes to
        advice that is better than the service-wide one for this call.
        """
        method = getattr(self.client, operation)
        try:
            response = method(aws_retry=True, **params)
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as e:
            raise self._fail(e, description, advice) from e
        response = dict(response or {})
        response.pop("ResponseMetadata", None)
        return response

    def call_unless_missing(self, operation, description, /, advice=None, **params):
        """``call``, but None when AWS answers that the resource does not exist."""
        try:
            return self.call(operation, description, advice=advice, **params)
        except self.error_class as e:
            if self.is_missing(e):
                return None
            raise

    def is_missing(self, error):
        exception = getattr(error, "exception", None)
        response = getattr(exception, "response", None) or {}
        return response.get("Error", {}).get("Code") in self.missing_codes

    def paginate(self, operation, key, description, /, **params):
        """Every item under ``key`` of every page of ``operation``, through botocore's paginator.

        An empty list when AWS answers that the thing listed from (a share, a service) does not exist.
        """

        @self.retry
        def read_all():
            return self.client.get_paginator(operation).paginate(**params).build_full_result().get(key, [])

        try:
            return read_all()
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as e:
            error = self._fail(e, description, None)
            if self.is_missing(error):
                return []
            raise error from e
