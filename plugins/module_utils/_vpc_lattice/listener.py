# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Listeners of a service (vpc_lattice_listener, vpc_lattice_listener_info), and the actions they share with rules.

Operations: get_listener, list_listeners, create_listener, update_listener
(defaultAction only), delete_listener; all take the parent serviceIdentifier.
Protocol and port cannot change: a listener is replaced when ``replace`` is set.
"""

from .lattice_resource import LatticeManager
from .service import ServiceManager
from .target_group import TargetGroupManager

TARGET_GROUP_REFERENCE = dict(
    type="list",
    elements="dict",
    options=dict(
        target_group=dict(type="str", required=True, aliases=["target_group_identifier"]),
        weight=dict(type="int", default=100),
    ),
)

# The default_action of a listener and the action of a rule.
ACTION = dict(
    type="dict",
    options=dict(
        forward=dict(type="dict", options=dict(target_groups=dict(TARGET_GROUP_REFERENCE, required=True))),
        # VPC Lattice accepts only 404 and 500 for a fixed response (user guide, listener rules).
        fixed_response=dict(type="dict", options=dict(status_code=dict(type="int", required=True, choices=[404, 500]))),
    ),
    mutually_exclusive=[["forward", "fixed_response"]],
    required_one_of=[["forward", "fixed_response"]],
)


def action_request(manager, option, resolve=True):
    """The API form of a default_action/action option; target group names resolved to IDs when ``resolve``."""
    action = manager.params.get(option)
    if not action:
        return None
    if action.get("fixed_response"):
        return {"fixedResponse": {"statusCode": action["fixed_response"]["status_code"]}}
    groups = []
    for index, group in enumerate(action["forward"]["target_groups"]):
        identifier = group["target_group"]
        if resolve:
            path = f"{option}.forward.target_groups[{index}].target_group"
            # In check mode a group an earlier task creates keeps its name in the prediction.
            identifier = manager.reference(TargetGroupManager, path, identifier) or identifier
        groups.append({"targetGroupIdentifier": identifier, "weight": group["weight"]})
    return {"forward": {"targetGroups": groups}}


class ServiceChild(LatticeManager):
    """A resource that lives inside a service: a listener, or a rule of one."""

    option_names = {"targetGroupIdentifier": "target_group"}
    parent_options = {"serviceIdentifier": "service"}

    def service_identifier(self):
        return self.reference(ServiceManager, "service", required=self.params.get("state") == "present")

    def resolve_parents(self):
        service = self.service_identifier()
        return None if service is None else {"serviceIdentifier": service}


class ListenerManager(ServiceChild):
    description = "listener"
    result_key = "listener"
    id_prefix = "listener"
    identifier_member = "listenerIdentifier"
    get_operation = "get_listener"
    list_operation = "list_listeners"
    create_operation = "create_listener"
    update_operation = "update_listener"
    delete_operation = "delete_listener"
    updatable = ("defaultAction",)
    immutable = ("protocol", "port")
    replaceable = True

    def request(self, resolve=True):
        return {
            "name": self.params["name"],
            "protocol": self.params.get("protocol"),
            "port": self.params.get("port"),
            "defaultAction": action_request(self, "default_action", resolve),
        }
