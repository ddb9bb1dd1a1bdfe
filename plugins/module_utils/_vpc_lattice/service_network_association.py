# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the two kinds of service network association share: they have no name, and are found
through the service network's list (ListServiceNetworkVpcAssociations / ListServiceNetworkServiceAssociations)."""

from functools import cached_property

from .lattice_resource import LatticeManager
from .service_network import ServiceNetworkManager


class ServiceNetworkAssociation(LatticeManager):
    """An association of a service network with a VPC or a service: no name, found through the network's list."""

    option_names = {"serviceNetworkIdentifier": "service_network"}
    prediction_keys = {
        "serviceNetworkIdentifier": "serviceNetworkId",
        "vpcIdentifier": "vpcId",
        "serviceIdentifier": "serviceId",
    }

    @cached_property
    def network(self):
        return self.reference(ServiceNetworkManager, "service_network", required=self.params.get("state") == "present")

    def matches(self, item):
        raise NotImplementedError

    def list_filters(self):
        return {}

    def lookup(self):
        if self.network is None:
            return None
        items = self.api.paginate(
            self.list_operation, "items", f"list the {self.description}s of service network {self.network}",
            serviceNetworkIdentifier=self.network, **self.list_filters(),
        )
        found = [i for i in items if self.matches(i)]
        return self.raw_of(found[0]) if found else None

    def collect_associations(self, **filters):
        """For _info modules: ``{<result_key>s: [...]}`` filtered by service network (a name is resolved) and ``filters``."""
        key = self.result_key + "s"
        if self.params.get("service_network") and self.network is None:
            return {key: []}
        return {key: self.collect(list_filters=dict(filters, serviceNetworkIdentifier=self.network))}
