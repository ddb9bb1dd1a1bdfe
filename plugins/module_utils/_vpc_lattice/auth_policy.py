# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Auth policies of a service or service network (vpc_lattice_auth_policy).

Operations: get_auth_policy, put_auth_policy (creates and replaces),
delete_auth_policy, all with resourceIdentifier.  Not a resource of its own in
the API (no ID, no tags, no status), so this manager implements the core hooks
directly instead of LatticeManager's.
"""

import json
from functools import cached_property

from ansible_collections.amazon.aws.plugins.module_utils.policy import compare_policies

from .._core.errors import InvalidParameter
from .._core.resource import Change
from .._core.resource import ResourceManager
from .attachment import resolve_attachment
from .attachment import validate_attachment
from .client import LatticeClient
from .validation import validate_request


def _policy_option(value):
    """The policy option as a dict: type=json hands it over as a string whatever the user wrote."""
    try:
        policy = json.loads(value)
    except ValueError as e:
        raise InvalidParameter("policy", f"is not valid JSON: {e}") from e
    if not isinstance(policy, dict) or "Statement" not in policy:
        raise InvalidParameter("policy", "is not an IAM policy document (a JSON object with a Statement)")
    _check_policy(policy)
    return policy


# IAM JSON policy element reference: Version is 2012-10-17 or 2008-10-17; Statement is
# one statement or a list of them, each with Effect Allow or Deny, one of
# Action / NotAction, and (in a resource-based policy such as an auth policy) one of
# Principal / NotPrincipal.
POLICY_VERSIONS = ("2012-10-17", "2008-10-17")


def _check_policy(policy):
    if "Version" in policy and policy["Version"] not in POLICY_VERSIONS:
        raise InvalidParameter("policy", f"Version {policy['Version']!r} is not one of {', '.join(POLICY_VERSIONS)}")
    statements = policy["Statement"]
    statements = [statements] if isinstance(statements, dict) else statements
    if not isinstance(statements, list) or not statements:
        raise InvalidParameter("policy", "Statement must be a statement object or a non-empty list of them")
    for index, statement in enumerate(statements):
        where = f"Statement[{index}]"
        if not isinstance(statement, dict):
            raise InvalidParameter("policy", f"{where} is not a JSON object")
        if statement.get("Effect") not in ("Allow", "Deny"):
            raise InvalidParameter("policy", f"{where}.Effect must be Allow or Deny")
        for element in (("Action", "NotAction"), ("Principal", "NotPrincipal")):
            if not any(name in statement for name in element):
                raise InvalidParameter("policy", f"{where} needs {' or '.join(element)}")


class AuthPolicyManager(ResourceManager):
    client_class = LatticeClient
    description = "auth policy"
    result_key = "auth_policy"
    taggable = False

    @cached_property
    def policy(self):
        return _policy_option(self.params["policy"]) if self.params.get("policy") else None

    @cached_property
    def target(self):
        return resolve_attachment(self.module, self.api)

    @property
    def policy_text(self):
        return json.dumps(self.policy, sort_keys=True)

    def validate(self):
        validate_attachment(self.params, self.api, "GetAuthPolicy")
        if self.policy is not None:
            validate_request(self.api.service_model, "PutAuthPolicy", {"policy": self.policy_text})

    def get(self):
        if self.target is None:
            return None
        found = self.api.call_unless_missing(
            "get_auth_policy", f"get the auth policy of {self.target}", resourceIdentifier=self.target
        )
        if not found or not found.get("policy"):
            return None
        return {"policy": json.loads(found["policy"]), "state": found.get("state")}

    def refresh(self, current):
        return self.get()

    def predict(self):
        return {"policy": self.policy}

    def _put(self):
        self.api.call(
            "put_auth_policy", f"put the auth policy of {self.target}", resourceIdentifier=self.target,
            policy=self.policy_text,
        )

    def create(self):
        self._put()
        return self.get() or self.predict()

    def delete(self, current):
        self.api.call_unless_missing(
            "delete_auth_policy", f"delete the auth policy of {self.target}", resourceIdentifier=self.target
        )

    def changes(self, current):
        if not compare_policies(current["policy"], self.policy):
            return []
        return [Change({"policy": self.policy}, self._put)]
