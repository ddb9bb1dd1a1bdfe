# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Listeners and listener rules: children of a service whose actions forward to target groups."""

from ansible.module_utils.common.dict_transformations import snake_dict_to_camel_dict

from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .api import LISTENER
from .api import RULE
from .api import SERVICE
from .api import TARGET_GROUP
from .api import is_id_or_arn
from .resource import LatticeManager


def action_request(manager, option, resolve=True):
    """The API form of a default_action/action option; target groups resolved to IDs when ``resolve``."""
    action = manager.params.get(option)
    if not action:
        return None
    if action.get("fixed_response"):
        return {"fixedResponse": {"statusCode": action["fixed_response"]["status_code"]}}
    groups = []
    for index, group in enumerate(action["forward"]["target_groups"]):
        identifier = group["target_group"]
        if resolve and not is_id_or_arn(TARGET_GROUP, identifier):
            path = f"{option}.forward.target_groups[{index}].target_group"
            found = manager.api.id_by_name(TARGET_GROUP, identifier)
            if found is not None:
                identifier = found
            elif not manager.assume_created(TARGET_GROUP, path, identifier):
                raise manager.api.not_found(TARGET_GROUP, identifier, path)
        groups.append({"targetGroupIdentifier": identifier, "weight": group["weight"]})
    return {"forward": {"targetGroups": groups}}


class ServiceChild(LatticeManager):
    """A resource that lives inside a service (listener) or a listener (rule)."""

    option_names = {"targetGroupIdentifier": "target_group"}

    def service_identifier(self):
        return self.reference(SERVICE, "service", required=self.params.get("state") == "present")

    def resolve_parents(self):
        service = self.service_identifier()
        return None if service is None else {"serviceIdentifier": service}


class ListenerManager(ServiceChild):
    kind = LISTENER
    result_key = "listener"
    updatable = ("defaultAction",)
    immutable = ("protocol", "port")
    replaceable = True

    def request(self, resolve=True):
        request = {
            "name": self.params["name"],
            "protocol": self.params.get("protocol"),
            "port": self.params.get("port"),
            "defaultAction": action_request(self, "default_action", resolve),
        }
        return request


class RuleManager(ServiceChild):
    kind = RULE
    result_key = "listener_rule"
    updatable = ("match", "priority", "action")

    def resolve_parents(self):
        service = self.service_identifier()
        if service is None:
            return None
        listener = self.params["listener"]
        if not is_id_or_arn(LISTENER, listener):
            found = self.api.id_by_name(LISTENER, listener, serviceIdentifier=service)
            if found is None:
                if self.params.get("state") == "present" and not self.assume_created(LISTENER, "listener", listener):
                    raise self.api.not_found(LISTENER, listener, "listener")
                return None
            listener = found
        return {"serviceIdentifier": service, "listenerIdentifier": listener}

    def request(self, resolve=True):
        match = scrub_none_parameters(self.params.get("match") or {}) or None
        request = {
            "name": self.params["name"],
            "priority": self.params.get("priority"),
            "match": snake_dict_to_camel_dict(match) if match else None,
            "action": action_request(self, "action", resolve),
        }
        return request
