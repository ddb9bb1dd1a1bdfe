# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the vpc_lattice_*_info modules share: list or get, filter, describe like the resource modules."""

from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .api import RULE
from .resource import to_ansible

# Options of every _info module.
ID_OPTION = dict(id=dict(type="str", aliases=["arn"]))


def collect(manager, list_filters=None, keep=None):
    """Describe (same shape as the resource module) every resource matching the module's options.

    ``id`` (an ID or ARN) is read directly; otherwise every page of the List call
    is read, filtered by ``name`` and by ``keep(item)``.
    """
    params = manager.params
    parents = manager.parents()
    if parents is None:
        return []
    if params.get("id"):
        raws = [manager.api.get(manager.kind, params["id"], **parents)]
    else:
        items = manager.api.list(manager.kind, **parents, **scrub_none_parameters(list_filters or {}))
        items = [i for i in items if params.get("name") in (None, i.get("name")) and (keep is None or keep(i))]
        raws = [manager.api.get(manager.kind, i["id"], **parents) for i in items]
    return [manager.describe(raw) for raw in raws if raw is not None]


def rules_of(api, service, listener):
    """The rules of a listener, each like vpc_lattice_listener_rule returns it."""
    parents = {"serviceIdentifier": service, "listenerIdentifier": listener}
    rules = []
    # The default rule is the listener's default_action, already returned with the listener.
    for item in (i for i in api.list(RULE, **parents) if not i.get("isDefault")):
        raw = api.get(RULE, item["id"], **parents)
        if raw is not None:
            rules.append(to_ansible(raw, api.tags(RULE, raw["arn"])))
    return rules


def collect_associations(manager, **filters):
    """Associations filtered by service network (resolved from a name) plus ``filters``; ``{<key>s: [...]}``."""
    key = manager.result_key + "s"
    network = manager.network()
    if manager.params.get("service_network") and network is None:
        return {key: []}
    return {key: collect(manager, list_filters=dict(filters, serviceNetworkIdentifier=network))}
