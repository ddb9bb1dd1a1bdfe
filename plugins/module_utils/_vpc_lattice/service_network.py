# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Service networks (vpc_lattice_service_network, vpc_lattice_service_network_info).

Operations: get_service_network, list_service_networks, create_service_network,
update_service_network (authType only), delete_service_network.  A service
network has no status.  ``sharingConfig`` is set on create only (UpdateServiceNetwork
has no such member): a different one cannot be converged in place.  ListServiceNetworks also returns networks other
accounts share with the caller, so names are looked up among owned ones only.
"""

from .._core.errors import InvalidParameter
from .lattice_resource import LatticeManager


class ServiceNetworkManager(LatticeManager):
    description = "service network"
    result_key = "service_network"
    id_prefix = "sn"
    identifier_member = "serviceNetworkIdentifier"
    get_operation = "get_service_network"
    list_operation = "list_service_networks"
    create_operation = "create_service_network"
    update_operation = "update_service_network"
    delete_operation = "delete_service_network"
    in_use_advice = (
        "service or VPC associations still exist; remove them first with vpc_lattice_service_network_service_association "
        "and vpc_lattice_service_network_vpc_association (state=absent)"
    )
    owned_only = True
    updatable = ("authType",)
    immutable = ("sharingConfig",)
    option_names = {"sharingConfig": "sharing_config"}

    def validate(self):
        name = self.params.get("name")
        # The module finds the network by name; an ID or ARN here would never match one.
        if name and self.is_identifier(name):
            raise InvalidParameter("name", f"{name!r} is an ID or ARN; give the service network's name")
        super().validate()

    def request(self, resolve=True):
        sharing = self.params.get("sharing_config")
        return {
            "name": self.params.get("name"),
            "authType": self.params.get("auth_type"),
            "sharingConfig": None if sharing is None else {"enabled": sharing["enabled"]},
        }
