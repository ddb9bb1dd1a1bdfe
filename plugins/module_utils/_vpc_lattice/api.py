# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""VPC Lattice API wrappers: retries, error handling, pagination, name/ID/ARN resolution.

Every resource kind follows the same API naming (get_X, list_Xs, create_X,
update_X, delete_X, an ``XIdentifier`` parameter, IDs ``<prefix>-<17 hex>``),
so one table of kinds drives one set of wrappers.
"""

import re
import uuid
from collections import namedtuple

from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

from .errors import AnsibleLatticeError
from .errors import Call
from .errors import LatticeErrorHandler

Kind = namedtuple("Kind", "description op id_param prefix parents")

SERVICE_NETWORK = Kind("service network", "service_network", "serviceNetworkIdentifier", "sn", ())
SERVICE = Kind("service", "service", "serviceIdentifier", "svc", ())
TARGET_GROUP = Kind("target group", "target_group", "targetGroupIdentifier", "tg", ())
LISTENER = Kind("listener", "listener", "listenerIdentifier", "listener", ("serviceIdentifier",))
RULE = Kind("listener rule", "rule", "ruleIdentifier", "rule", ("serviceIdentifier", "listenerIdentifier"))
SN_VPC_ASSOCIATION = Kind(
    "service network VPC association",
    "service_network_vpc_association",
    "serviceNetworkVpcAssociationIdentifier",
    "snva",
    (),
)
SN_SERVICE_ASSOCIATION = Kind(
    "service network service association",
    "service_network_service_association",
    "serviceNetworkServiceAssociationIdentifier",
    "snsa",
    (),
)
ACCESS_LOG_SUBSCRIPTION = Kind(
    "access log subscription", "access_log_subscription", "accessLogSubscriptionIdentifier", "als", ()
)


# VPC Lattice throttles with ThrottlingException, which AWSRetry does not retry by default.
RETRY = AWSRetry.jittered_backoff(catch_extra_error_codes=["ThrottlingException"])


def is_id_or_arn(kind, identifier):
    """True for ``<prefix>-<17 hex>`` and ARNs; names can never look like that (AWS forbids the prefix)."""
    return identifier.startswith("arn:") or bool(re.fullmatch(rf"{kind.prefix}-[0-9a-z]{{17}}", identifier))


def id_of(identifier):
    """The ID inside an ARN (last path element), or the identifier itself."""
    return identifier.rsplit("/", 1)[-1] if identifier and identifier.startswith("arn:") else identifier


def _handled(verb, kind, ident):
    return LatticeErrorHandler.common_error_handler(Call(verb, kind.description, ident))


class Lattice:
    """A vpc-lattice client with the calls the modules need."""

    def __init__(self, module):
        self.client = module.client("vpc-lattice", retry_decorator=RETRY)
        self._names = {}

    @property
    def service_model(self):
        return self.client.meta.service_model

    # Positional-only: API parameters such as ``action`` (CreateRule) must not clash.
    def _call(self, method, verb, kind, ident, /, **kwargs):
        return _handled(verb, kind, ident)(getattr(self.client, method))(aws_retry=True, **kwargs)

    def get(self, kind, identifier, /, **parents):
        """The resource as GetX returns it, or None when it does not exist."""
        try:
            return self.call(f"get_{kind.op}", "get", kind, identifier, **parents, **{kind.id_param: identifier})
        except AnsibleLatticeError as e:
            if _code(e) == "ResourceNotFoundException":
                return None
            raise

    def list(self, kind, **filters):
        """All items of ListXs (every page)."""
        return self.list_op(f"list_{kind.op}s", kind, **filters)

    def list_op(self, method, kind, **filters):
        @_handled("list", kind, None)
        @RETRY
        def _list():
            return self.client.get_paginator(method).paginate(**filters).build_full_result().get("items", [])

        return _list()

    def id_by_name(self, kind, name, **parents):
        """The ID of the resource with this name, from the List call alone (None if absent).

        Names are listed once per kind and parent in a module run: a listener
        forwarding to several target groups by name costs one ListTargetGroups.
        """
        key = (kind, tuple(sorted(parents.items())))
        if key not in self._names:
            self._names[key] = {item.get("name"): item["id"] for item in self.list(kind, **parents)}
        return self._names[key].get(name)

    def find_by_name(self, kind, name, **parents):
        found = self.id_by_name(kind, name, **parents)
        return self.get(kind, found, **parents) if found else None

    def find(self, kind, identifier, **parents):
        """Resolve a name, ID or ARN to the full resource (None if absent)."""
        if is_id_or_arn(kind, identifier):
            return self.get(kind, identifier, **parents)
        return self.find_by_name(kind, identifier, **parents)

    @staticmethod
    def not_found(kind, identifier, option):
        """The error for a reference (module option ``option``) that does not exist."""
        return AnsibleLatticeError(
            message=(
                f"{option}: {kind.description} {identifier} not found; create it first, or give the ARN of one "
                "shared with this account through AWS RAM"
            )
        )

    def create(self, kind, ident, /, **params):
        # A fresh token per module run: AWS returns the first result if botocore retries the call.
        params.setdefault("clientToken", str(uuid.uuid4()))
        return self._strip(self._call(f"create_{kind.op}", "create", kind, ident, **params))

    def update(self, kind, identifier, /, **params):
        return self._strip(
            self._call(f"update_{kind.op}", "update", kind, identifier, **{kind.id_param: identifier}, **params)
        )

    def delete(self, kind, identifier, /, **parents):
        """Delete; False when it was already gone."""
        try:
            self._call(f"delete_{kind.op}", "delete", kind, identifier, **parents, **{kind.id_param: identifier})
        except AnsibleLatticeError as e:
            if _code(e) == "ResourceNotFoundException":
                return False
            raise
        return True

    def call(self, method, verb, kind, ident, /, **kwargs):
        """Any other operation, with the same error handling."""
        return self._strip(self._call(method, verb, kind, ident, **kwargs))

    def tags(self, kind, arn):
        """Tags of a resource; None when this account may not read them (a resource shared by another account)."""
        try:
            return self.call("list_tags_for_resource", "list tags of", kind, arn, resourceArn=arn).get("tags", {})
        except AnsibleLatticeError as e:
            if _code(e) == "AccessDeniedException":
                return None
            raise

    def tag(self, kind, arn, to_set, to_unset):
        if to_unset:
            self.call("untag_resource", "untag", kind, arn, resourceArn=arn, tagKeys=list(to_unset))
        if to_set:
            self.call("tag_resource", "tag", kind, arn, resourceArn=arn, tags={k: str(v) for k, v in to_set.items()})

    @staticmethod
    def _strip(response):
        response = dict(response or {})
        response.pop("ResponseMetadata", None)
        return response


def _code(error):
    exception = getattr(error, "exception", None)
    response = getattr(exception, "response", None) or {}
    return response.get("Error", {}).get("Code")
