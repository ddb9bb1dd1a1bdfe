# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""LatticeManager: the generic VPC Lattice resource behind every vpc_lattice_* module.

A module subclass declares its kind, how to build the request from the options,
which members AWS can update in place and which it cannot, and how to find the
existing resource.  Everything else (validation from the service model, tags,
waiting, check-mode prediction, diff) is here or in ``_resource``.
"""

from functools import partial

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict
from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .._resource import Change
from .._resource import ResourceManager
from .._resource import wait_for_status
from .api import SERVICE
from .api import SERVICE_NETWORK
from .api import Lattice
from .api import id_of
from .api import is_id_or_arn
from .validation import validate_request


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


class LatticeManager(ResourceManager):
    kind = None
    # API members (camelCase) AWS can update in place, and ones it cannot.
    updatable = ()
    immutable = ()
    # API member -> module option, for validation messages.
    option_names = {}
    # Request member -> the key GetX returns it under (references come back as IDs).
    prediction_keys = {}

    def __init__(self, module):
        super().__init__(module)
        self.api = Lattice(module)
        self.description = self.kind.description

    # --- what subclasses provide -------------------------------------------
    def request(self, resolve=True):
        """The Create request (camelCase) built from the options.

        ``resolve=False`` is used for validation before any API call, so it must
        not look anything up; references are left as the user wrote them.
        """
        raise NotImplementedError

    def resolve_parents(self):
        """Identifiers of the parent resources needed by Get/List/Delete; None when a parent is missing."""
        return {}

    def parents(self):
        # Resolving a parent by name costs List calls: do it once per run.
        if not hasattr(self, "_parents"):
            self._parents = self.resolve_parents()
        return self._parents

    def wanted(self):
        """The resolved request without unset options (computed once)."""
        if not hasattr(self, "_wanted"):
            self._wanted = scrub_none_parameters(self.request())
        return self._wanted

    def lookup(self):
        """The existing resource as GetX returns it, or None."""
        name = self.params.get("name")
        parents = self.parents()
        if parents is None:
            return None
        return self.api.find(self.kind, name, **parents)

    def extra(self, raw):
        """Additional output keys read with other calls (targets, ...)."""
        return {}

    @property
    def ident(self):
        return self.params.get("name")

    # --- ResourceManager hooks ---------------------------------------------
    def validate(self):
        super().validate()
        op = "Create" + "".join(part.capitalize() for part in self.kind.op.split("_"))
        request = scrub_none_parameters(self.request(resolve=False))
        validate_request(self.api.service_model, op, request, self.option_names)

    def describe(self, raw):
        if raw is None:
            return None
        tags = self.api.tags(self.kind, raw["arn"]) if self.taggable and raw.get("arn") else None
        result = to_ansible(raw, tags)
        result.update(self.extra(raw))
        return result

    def get(self):
        return self.describe(self.lookup())

    def read(self, identifier):
        return self.describe(self.api.get(self.kind, identifier, **(self.parents() or {})))

    def refresh(self, current):
        return self.read(current["id"])

    def predict(self):
        request = dict(self.wanted())
        for member, key in self.prediction_keys.items():
            if member in request:
                request[key] = id_of(request.pop(member))
        predicted = to_ansible(request, (self.params.get("tags") or {}) if self.taggable else None)
        predicted.update(self.extra(None))
        return predicted

    def create(self):
        request = dict(self.wanted(), **(self.parents() or {}))
        if self.taggable and self.params.get("tags"):
            request["tags"] = {k: str(v) for k, v in self.params["tags"].items()}
        created = self.api.create(self.kind, self.ident, **request)
        return self.read(created["id"])

    def delete(self, current):
        self.api.delete(self.kind, current["id"], **(self.parents() or {}))

    def set_tags(self, current, to_set, to_unset):
        self.api.tag(self.kind, current["arn"], to_set, to_unset)

    def _wait(self, resource, **kwargs):
        return wait_for_status(
            partial(self.read, resource["id"]),
            f"{self.description} {resource['id']}",
            timeout=self.params["wait_timeout"],
            **kwargs,
        )

    def wait_ready(self, resource):
        return self._wait(resource, current=resource) if resource.get("status") else resource

    def wait_gone(self, resource):
        return self._wait(resource, ready=None) if "status" in resource else None

    def _differences(self, current, members):
        wanted = self.wanted()
        return {
            m: wanted[m]
            for m in members
            if m in wanted and not is_subset(self.snake(wanted[m]), current.get(self.snake_key(m)))
        }

    @staticmethod
    def snake(value):
        return camel_dict_to_snake_dict(value) if isinstance(value, dict) else value

    @staticmethod
    def snake_key(member):
        return camel_dict_to_snake_dict({member: None}).popitem()[0]

    def immutable_differences(self, current):
        return [self.option_names.get(m) or self.snake_key(m) for m in self._differences(current, self.immutable)]

    def changes(self, current):
        differences = self._differences(current, self.updatable)
        if not differences:
            return []
        # Updates replace the whole member (an action, a match, a list of groups).
        predicted = {self.snake_key(m): self.snake(v) for m, v in differences.items()}
        return [
            Change(
                predicted, lambda: self.api.update(self.kind, current["id"], **(self.parents() or {}), **differences)
            )
        ]

    def reference(self, kind, option, required=True):
        """The identifier to give AWS for the resource named by ``option`` (name, ID or ARN).

        IDs and ARNs are used as given (an ARN may belong to another account); a
        name is looked up in this account.  Returns None when it does not exist
        and ``required`` is false (nothing to delete then).
        """
        value = self.params.get(option)
        if value is None or is_id_or_arn(kind, value):
            return value
        found = self.api.id_by_name(kind, value)
        if found is not None:
            return found
        if required and not self.assume_created(kind, option, value):
            raise self.api.not_found(kind, value, option)
        return None

    def assume_created(self, kind, option, value):
        """In check mode a missing reference may be created by an earlier task of the same run."""
        if not self.module.check_mode:
            return False
        self.module.warn(
            f"{option}: {kind.description} {value} does not exist; assuming an earlier task would create it"
        )
        return True


class AttachedToServiceOrNetwork(LatticeManager):
    """Something that belongs to a service or a service network (options ``service`` / ``service_network``)."""

    option_names = {"resourceIdentifier": "service"}

    def target(self):
        """Identifier of the service or service network; None when it does not exist (nothing to delete)."""
        if not hasattr(self, "_target"):
            option, kind = ("service", SERVICE) if self.params.get("service") else ("service_network", SERVICE_NETWORK)
            self._target = self.reference(kind, option, required=self.params.get("state") == "present")
        return self._target

    def target_as_given(self):
        return self.params.get("service") or self.params.get("service_network")
