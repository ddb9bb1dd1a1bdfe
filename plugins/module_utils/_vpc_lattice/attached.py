# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Auth policies and access log subscriptions: attached to a service or a service network."""

import json

from ansible_collections.amazon.aws.plugins.module_utils.policy import compare_policies

from .._resource import Change
from .api import ACCESS_LOG_SUBSCRIPTION
from .api import Kind
from .resource import AttachedToServiceOrNetwork
from .validation import validate_request

# Not a resource of its own in the API: get/put/delete_auth_policy(resourceIdentifier=...).
AUTH_POLICY = Kind("auth policy", "auth_policy", "resourceIdentifier", "", ())


def destination_service(arn):
    """s3, logs or firehose: AWS allows one subscription per destination type."""
    return arn.split(":")[2] if arn and arn.count(":") >= 5 else None


class AuthPolicyManager(AttachedToServiceOrNetwork):
    kind = AUTH_POLICY
    result_key = "auth_policy"
    taggable = False

    @property
    def ident(self):
        return self.target_as_given()

    @property
    def policy(self):
        # type=json hands the policy over as a string whatever the user wrote (YAML dict or JSON text).
        return json.loads(self.params["policy"]) if self.params.get("policy") else None

    def request(self, resolve=True):
        return {
            "resourceIdentifier": self.target() if resolve else None,
            "policy": json.dumps(self.policy, sort_keys=True) if self.policy is not None else None,
        }

    def validate(self):
        # PutAuthPolicy is what creates an auth policy.
        validate_request(
            self.api.service_model, "PutAuthPolicy", {"policy": self.request(resolve=False)["policy"] or ""}
        )

    def lookup(self):
        target = self.target()
        if target is None:
            return None
        found = self.api.get(self.kind, target)
        return found if found and found.get("policy") else None

    def describe(self, raw):
        if raw is None:
            return None
        return {"policy": json.loads(raw["policy"]), "state": raw.get("state")}

    def predict(self):
        return {"policy": self.policy}

    def create(self):
        self._put()
        return self.get()

    def _put(self):
        target = self.target()
        self.api.call(
            "put_auth_policy", "put", self.kind, target, resourceIdentifier=target, policy=self.wanted()["policy"]
        )

    def delete(self, current):
        self.api.delete(self.kind, self.target())

    def refresh(self, current):
        return self.get()

    def changes(self, current):
        if not compare_policies(current["policy"], self.policy):
            return []
        return [Change({"policy": self.policy}, self._put)]


class AccessLogSubscriptionManager(AttachedToServiceOrNetwork):
    kind = ACCESS_LOG_SUBSCRIPTION
    result_key = "access_log_subscription"
    updatable = ("destinationArn",)
    option_names = dict(AttachedToServiceOrNetwork.option_names, destinationArn="destination_arn")
    prediction_keys = {"resourceIdentifier": "resourceId"}

    @property
    def ident(self):
        return self.params["destination_arn"]

    def request(self, resolve=True):
        return {
            "resourceIdentifier": self.target() if resolve else None,
            "destinationArn": self.params["destination_arn"],
        }

    def lookup(self):
        target = self.target()
        if target is None:
            return None
        wanted = destination_service(self.params["destination_arn"])
        items = [
            i
            for i in self.api.list(self.kind, resourceIdentifier=target)
            if destination_service(i["destinationArn"]) == wanted
        ]
        return self.api.get(self.kind, items[0]["id"]) if items else None
