# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Listener rules (vpc_lattice_listener_rule; vpc_lattice_listener_info returns them with their listener).

Operations: get_rule, list_rules, create_rule, update_rule (match, priority,
action), delete_rule; all take the parent serviceIdentifier and listenerIdentifier.
"""

from ansible.module_utils.common.dict_transformations import snake_dict_to_camel_dict

from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .lattice_resource import to_ansible
from .listener import ListenerManager
from .listener import ServiceChild
from .listener import action_request


class RuleManager(ServiceChild):
    description = "listener rule"
    result_key = "listener_rule"
    id_prefix = "rule"
    identifier_member = "ruleIdentifier"
    get_operation = "get_rule"
    list_operation = "list_rules"
    create_operation = "create_rule"
    update_operation = "update_rule"
    delete_operation = "delete_rule"
    updatable = ("match", "priority", "action")
    parent_options = {"serviceIdentifier": "service", "listenerIdentifier": "listener"}

    def resolve_parents(self):
        service = self.service_identifier()
        if service is None:
            return None
        listener = self.reference(
            ListenerManager, "listener", required=self.params.get("state") == "present", serviceIdentifier=service
        )
        return None if listener is None else {"serviceIdentifier": service, "listenerIdentifier": listener}

    def request(self, resolve=True):
        match = scrub_none_parameters(self.params.get("match") or {}) or None
        return {
            "name": self.params["name"],
            "priority": self.params.get("priority"),
            "match": snake_dict_to_camel_dict(match) if match else None,
            "action": action_request(self, "action", resolve),
        }


def rules_of(api, service, listener):
    """The rules of a listener, each like vpc_lattice_listener_rule returns it."""
    parents = {"serviceIdentifier": service, "listenerIdentifier": listener}
    items = api.paginate("list_rules", "items", f"list the rules of listener {listener}", **parents)
    rules = []
    # The default rule is the listener's default_action, already returned with the listener.
    for item in (i for i in items if not i.get("isDefault")):
        raw = api.call_unless_missing("get_rule", f"get listener rule {item['id']}", ruleIdentifier=item["id"], **parents)
        if raw is not None:
            rules.append(to_ansible(raw, api.tags(raw["arn"])))
    return rules
