# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""LatticeManager: what every VPC Lattice resource file builds on.

VPC Lattice resources share one API shape: GetX / ListXs / CreateX / UpdateX /
DeleteX with an ``xIdentifier`` member, IDs ``<prefix>-<17 hex>``, a clientToken
on create, optional ``status``.  A resource file (``service.py`` ...) names its
operations explicitly and says how to build its request from the options; this
file does the rest with the core (``_core/``): validation from the botocore
model, tags, waiting, check-mode prediction and diff.
"""

import re
import uuid
from functools import cached_property
from functools import partial

from ansible.module_utils.common.dict_transformations import _camel_to_snake
from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict
from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .._core.references import resolve
from .._core.resource import Change
from .._core.resource import ResourceManager
from .._core.waiting import NOT_FOUND_GRACE
from .._core.waiting import wait_until
from .._core.waiting import wait_until_gone
from .client import LatticeClient
from .validation import validate_request

# Options of every vpc_lattice_*_info module.
ID_OPTION = dict(id=dict(type="str", aliases=["arn"]))


def id_of(identifier):
    """The ID inside an ARN (last path element), or the identifier itself."""
    return identifier.rsplit("/", 1)[-1] if identifier and identifier.startswith("arn:") else identifier


def to_ansible(resource, tags=None):
    """snake_case resource as the modules return it, tags as a plain dict."""
    if resource is None:
        return None
    result = boto3_resource_to_ansible_dict(resource, transform_tags=False, force_tags=False)
    # camel_dict_to_snake_dict splits the acronym in numberOfAssociatedVPCs.
    if "number_of_associated_vp_cs" in result:
        result["number_of_associated_vpcs"] = result.pop("number_of_associated_vp_cs")
    if tags is not None:
        result["tags"] = dict(tags)
    return result


def is_subset(wanted, actual):
    """True when every value the user asked for is already set (AWS fills in the rest)."""
    if isinstance(wanted, dict):
        return isinstance(actual, dict) and all(is_subset(v, actual.get(k)) for k, v in wanted.items() if v is not None)
    if isinstance(wanted, list) and all(isinstance(v, str) for v in wanted):
        # Security group IDs and the like: AWS does not keep their order.
        return isinstance(actual, list) and sorted(wanted) == sorted(actual)
    if isinstance(wanted, list):
        return isinstance(actual, list) and len(wanted) == len(actual) and all(map(is_subset, wanted, actual))
    if isinstance(wanted, str) and isinstance(actual, str) and (wanted.startswith("arn:") or actual.startswith("arn:")):
        # References come back as ID or ARN depending on the API; the ID identifies them.
        return id_of(wanted) == id_of(actual)
    return wanted == actual


def deep_merge(base, patch):
    if not (isinstance(base, dict) and isinstance(patch, dict)):
        return patch
    merged = dict(base)
    for key, value in patch.items():
        if value is not None:
            merged[key] = deep_merge(base.get(key), value)
    return merged


def lattice_failure(resource):
    """Why a resource can no longer reach its goal: a ``*_FAILED`` status, with AWS's reason."""
    status = resource.get("status") or ""
    if not status.endswith("_FAILED"):
        return None
    reason = resource.get("failure_message") or resource.get("failure_code") or "no reason given"
    return f"is {status}: {reason}"


def is_settled(resource):
    """Found, and ACTIVE or without a status (service networks and listeners have none)."""
    return resource is not None and resource.get("status") in (None, "ACTIVE")


class LatticeManager(ResourceManager):
    client_class = LatticeClient

    # --- what a resource file declares --------------------------------------
    description = None
    id_prefix = None
    identifier_member = None
    get_operation = None
    list_operation = None
    create_operation = None
    update_operation = None
    delete_operation = None
    # Why AWS refuses to delete it (ConflictException), and what to do first.
    in_use_advice = "another resource still depends on it; remove that first"
    # Names are looked up among the caller's own resources only (shareable kinds).
    owned_only = False
    # API members (camelCase) AWS can update in place, and ones it cannot.
    updatable = ()
    immutable = ()
    # API member -> module option, for validation messages.
    option_names = {}
    # Request member -> the key GetX returns it under (references come back as IDs).
    prediction_keys = {}
    # Parent identifier member (of the List operation) -> the module option that names the parent.
    parent_options = {}
    # The List operation's item has every member the Get operation answers but failureCode and
    # failureMessage (botocore model: true of ListServiceNetworkServiceAssociations, not of
    # ListServices, ListServiceNetworkVpcAssociations ...): an item that has not failed is read
    # from the list, without a Get.
    summary_is_complete = False
    # API member -> the first botocore whose model has it on every operation the member is sent with.
    # Older botocore refuses the member (ParamValidationError), so setting its option asks for that
    # botocore by name; everything else keeps working with requirements.txt's floor.
    botocore_minimums = {}

    @classmethod
    def is_identifier(cls, value):
        """True for ``<prefix>-<17 hex>`` and ARNs; names can never look like that (AWS forbids the prefix)."""
        return value.startswith("arn:") or bool(re.fullmatch(rf"{cls.id_prefix}-[0-9a-z]{{17}}", value))

    def request(self, resolve=True):
        """The Create request (camelCase) built from the options.

        ``resolve=False`` is used for validation before any API call, so it must
        not look anything up; references are left as the user wrote them.
        """
        raise NotImplementedError

    def resolve_parents(self):
        """Identifiers of the parent resources needed by Get/List/Delete; None when a parent is missing."""
        return {}

    @cached_property
    def parents(self):
        # Resolving a parent by name costs List calls: once per run.
        return self.resolve_parents()

    @cached_property
    def wanted(self):
        """The resolved request without unset options."""
        return scrub_none_parameters(self.request())

    @property
    def ident(self):
        return self.params.get("name")

    def item_identifier(self, item):
        """What GetX takes for an item of ListXs (an ID means the caller's own account)."""
        return item["id"]

    def extra(self, raw):
        """Additional output keys read with other calls (targets, ...)."""
        return {}

    # --- references ----------------------------------------------------------
    def reference(self, kind, option, value=None, required=True, **parents):
        """The identifier AWS takes for the ``kind`` resource the option names (see _core.references)."""
        value = self.params.get(option) if value is None else value
        return resolve(
            self.module, option, value, kind, lambda name: self.find_id(kind, name, **parents), required=required
        )

    def find_id(self, kind, name, **parents):
        found = self.api.named(kind, name, owned_only=kind.owned_only, **parents)
        return found["id"] if found else None

    # --- reading -------------------------------------------------------------
    def get_raw(self, identifier):
        """GetX as AWS returns it, or None."""
        return self.api.call_unless_missing(
            self.get_operation,
            f"get {self.description} {identifier}",
            **(self.parents or {}),
            **{self.identifier_member: identifier},
        )

    def lookup(self):
        """The existing resource as GetX returns it, or None."""
        if self.parents is None:
            return None
        if self.owned_only and self.taggable:
            # One resource of that name whose tags the caller may read is its own: VPC Lattice
            # refuses ListTagsForResource on another account's resource (AccessDeniedException:
            # terraform-provider-aws #32938 and #41270, fixed by #41295, "tags cannot be listed for
            # another account"). Describing it reads the tags anyway (kept for it), so telling the
            # owner costs no GetCallerIdentity. Several of that name, or tags refused (also by a
            # policy without ListTagsForResource), are told apart by the account in their ARN.
            named = self.api.with_name(self, self.ident, **self.parents)
            if len(named) == 1:
                raw = self.get_raw(named[0]["id"])
                if raw is not None and self.api.tags(raw["arn"], keep=True) is not None:
                    return raw
        found = self.find_id(self, self.ident, **self.parents)
        return self.get_raw(found) if found else None

    def describe(self, raw):
        if raw is None:
            return None
        try:
            tags = self.api.tags(raw["arn"]) if self.taggable and raw.get("arn") else None
        except self.api.error_class as e:
            # Gone between GetX and ListTagsForResource: a delete in progress finished (seen
            # on teardown), or, right after a create, the tags endpoint does not see the
            # resource yet (eventual consistency). Both read as "not there (yet)", which the
            # callers already wait on.
            if self.api.is_missing(e):
                return None
            raise
        result = to_ansible(raw, tags)
        result.update(self.extra(raw))
        return result

    def raw_of(self, item):
        """An item of ListXs as GetX would answer it: the item itself where the summary is complete."""
        if self.summary_is_complete and not (item.get("status") or "").endswith("_FAILED"):
            return item
        return self.get_raw(self.item_identifier(item))

    def get(self):
        return self.describe(self.lookup())

    def read(self, identifier):
        return self.describe(self.get_raw(identifier))

    def refresh(self, current):
        return self.read(current["id"])

    def collect(self, list_filters=None, keep=None):
        """For _info modules: every resource matching ``id`` or ``name``, ``list_filters`` and ``keep(item)``."""
        if self.parents is None:
            return []
        if self.params.get("id"):
            raws = [self.get_raw(self.params["id"])]
        else:
            items = self.api.paginate(
                self.list_operation, "items", f"list {self.description}s",
                **self.parents, **scrub_none_parameters(list_filters or {}),
            )
            wanted_name = self.params.get("name")
            items = [i for i in items if wanted_name in (None, i.get("name")) and (keep is None or keep(i))]
            raws = [self.raw_of(i) for i in items]
        # describe() is None for a resource gone between GetX and ListTagsForResource (a delete finishing).
        return [found for found in (self.describe(raw) for raw in raws) if found is not None]

    # --- ResourceManager hooks ---------------------------------------------
    def validate(self):
        super().validate()
        operation = self.api.client.meta.method_to_api_mapping[self.create_operation]
        request = scrub_none_parameters(self.request(resolve=False))
        for member, version in self.botocore_minimums.items():
            if member in request:
                option = self.option_names.get(member) or _camel_to_snake(member)
                self.module.require_botocore_at_least(version, reason=f"to set {option}")
        validate_request(self.api.service_model, operation, request, self.option_names)
        # Parents go to Get/List calls, not into the Create request: check them as the user wrote them,
        # so that a malformed ARN is named by its option before any call.
        parents = {member: self.params.get(option) for member, option in self.parent_options.items()}
        operation = self.api.client.meta.method_to_api_mapping[self.list_operation]
        validate_request(self.api.service_model, operation, scrub_none_parameters(parents), self.parent_options)

    def predict(self):
        request = dict(self.wanted)
        for member, key in self.prediction_keys.items():
            if member in request:
                request[key] = id_of(request.pop(member))
        predicted = to_ansible(request, (self.params.get("tags") or {}) if self.taggable else None)
        predicted.update(self.extra(None))
        return predicted

    def create(self):
        request = dict(self.wanted, **(self.parents or {}))
        if self.taggable and self.params.get("tags"):
            request["tags"] = {k: str(v) for k, v in self.params["tags"].items()}
        created = self.api.call(
            self.create_operation,
            f"create {self.description} {self.ident}",
            advice={"ConflictException": (
                f"a conflicting {self.description} already exists (names are unique per account, a VPC belongs to "
                "one service network, a service has at most 2 listeners); reuse it or pick another name"
            )},
            # A fresh token per module run: AWS returns the first result if the call is retried.
            clientToken=str(uuid.uuid4()),
            **request,
        )
        return self.read_created(created)

    def read_created(self, created):
        """The new resource as GetX returns it.

        AWS is eventually consistent: Get may not find a resource for a moment
        after its create, so with ``wait`` this polls until it is found; without,
        the create response stands in for it.
        """
        if not self.wait:
            return self.read(created["id"]) or self.describe_response(created)
        return wait_until(
            partial(self.read, created["id"]),
            f"{self.description} {created['id']}",
            ready=lambda resource: resource is not None,
            goal="to be readable after its creation",
            timeout=min(self.wait_timeout, NOT_FOUND_GRACE),
        )

    def describe_response(self, response):
        tags = (self.params.get("tags") or {}) if self.taggable else None
        return dict(to_ansible(response, tags), **self.extra(None))

    def delete(self, current):
        self.api.call_unless_missing(
            self.delete_operation,
            f"delete {self.description} {current['id']}",
            advice={"ConflictException": f"{self.description} {current['id']} is still in use: {self.in_use_advice}"},
            **(self.parents or {}),
            **{self.identifier_member: current["id"]},
        )

    def set_tags(self, current, to_set, to_unset):
        self.api.tag(current["arn"], to_set, to_unset)

    def wait_ready(self, resource):
        if is_settled(resource) and resource.get("id"):
            return resource
        return wait_until(
            partial(self.read, resource["id"]),
            f"{self.description} {resource['id']}",
            ready=is_settled,
            goal="to become ACTIVE",
            failure=lattice_failure,
            timeout=self.wait_timeout,
            current=resource,
        )

    def wait_gone(self, resource):
        if "status" not in resource:
            return None
        return wait_until_gone(
            partial(self.read, resource["id"]),
            f"{self.description} {resource['id']}",
            failure=lattice_failure,
            timeout=self.wait_timeout,
        )

    # --- updates -------------------------------------------------------------
    def _differences(self, current, members):
        # A reference goes in as ``xIdentifier`` and comes back as ``xId`` (prediction_keys).
        return {
            m: self.wanted[m]
            for m in members
            if m in self.wanted
            and not is_subset(self.snake(self.wanted[m]), current.get(self.snake_key(self.prediction_keys.get(m, m))))
        }

    @staticmethod
    def snake(value):
        return camel_dict_to_snake_dict(value) if isinstance(value, dict) else value

    @staticmethod
    def snake_key(member):
        return camel_dict_to_snake_dict({member: None}).popitem()[0]

    def immutable_differences(self, current):
        return [self.option_names.get(m) or self.snake_key(m) for m in self._differences(current, self.immutable)]

    def update(self, current, **changes):
        return self.api.call(
            self.update_operation,
            f"update {self.description} {current['id']}",
            **(self.parents or {}),
            **{self.identifier_member: current["id"]},
            **changes,
        )

    def changes(self, current):
        differences = self._differences(current, self.updatable)
        if not differences:
            return []
        # Updates replace the whole member (an action, a match, a list of groups).
        predicted = {self.snake_key(m): self.snake(v) for m, v in differences.items()}
        return [Change(predicted, lambda: self.update(current, **differences))]
