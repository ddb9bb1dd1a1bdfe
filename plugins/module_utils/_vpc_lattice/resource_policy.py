# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Resource policies of a service, service network or resource configuration (vpc_lattice_resource_policy).

Operations: get_resource_policy, put_resource_policy (creates and replaces),
delete_resource_policy, all with resourceArn.  A resource policy is what RAM
writes when it shares the resource; setting one directly shares it without RAM.
Not a resource of its own (no ID, tags or status): the core hooks directly, as
for auth policies.
"""

import json

from .auth_policy import AuthPolicyManager
from .validation import validate_request


class ResourcePolicyManager(AuthPolicyManager):
    """What differs from an auth policy: the operations, the target (an ARN only) and no state."""

    description = "resource policy"
    result_key = "resource_policy"

    @property
    def target(self):
        return self.params["resource_arn"]

    def validate(self):
        request = {"resourceArn": self.target}
        if self.policy is not None:
            request["policy"] = self.policy_text
        validate_request(self.api.service_model, "PutResourcePolicy", request, {"resourceArn": "resource_arn"})

    def get(self):
        found = self.api.call_unless_missing(
            "get_resource_policy", f"get the resource policy of {self.target}", resourceArn=self.target
        )
        if not found or not found.get("policy"):
            return None
        return {"policy": json.loads(found["policy"])}

    def _put(self):
        self.api.call(
            "put_resource_policy", f"put the resource policy of {self.target}", resourceArn=self.target,
            policy=self.policy_text,
        )

    def delete(self, current):
        self.api.call_unless_missing(
            "delete_resource_policy", f"delete the resource policy of {self.target}", resourceArn=self.target
        )
