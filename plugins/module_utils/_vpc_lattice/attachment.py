# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What auth policies and access log subscriptions share: the service or service network they attach to
(options ``service`` / ``service_network``, a name, ID or ARN)."""

from .._core.references import resolve
from .service import ServiceManager
from .service_network import ServiceNetworkManager
from .validation import validate_request


def attachment_option(params):
    """(option, kind) of the resource the module attaches to."""
    return ("service", ServiceManager) if params.get("service") else ("service_network", ServiceNetworkManager)


def resolve_attachment(module, api):
    """The identifier of the service or service network; None when it does not exist (nothing to delete)."""
    option, kind = attachment_option(module.params)
    return resolve(
        module,
        option,
        module.params.get(option),
        kind,
        lambda name: (api.named(kind, name, owned_only=kind.owned_only) or {}).get("id"),
        required=module.params.get("state") == "present",
    )


def validate_attachment(params, api, operation):
    """The service / service_network option as written, against the ``operation``'s resourceIdentifier pattern."""
    option = attachment_option(params)[0]
    if params.get(option) is not None:
        validate_request(
            api.service_model, operation, {"resourceIdentifier": params[option]}, {"resourceIdentifier": option}
        )
