# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Associations of a service network with a VPC or with a service (possibly of another account).

Associations have no name: they are found by listing the associations of the
service network and matching the VPC or the service.
"""

from .api import SERVICE
from .api import SERVICE_NETWORK
from .api import SN_SERVICE_ASSOCIATION
from .api import SN_VPC_ASSOCIATION
from .api import id_of
from .resource import LatticeManager


class AssociationManager(LatticeManager):
    # API member -> option, for messages and for finding the association.
    option_names = {"serviceNetworkIdentifier": "service_network"}
    prediction_keys = {
        "serviceNetworkIdentifier": "serviceNetworkId",
        "vpcIdentifier": "vpcId",
        "serviceIdentifier": "serviceId",
    }

    def network(self):
        if not hasattr(self, "_network"):
            self._network = self.reference(
                SERVICE_NETWORK, "service_network", required=self.params.get("state") == "present"
            )
        return self._network

    def matches(self, item):
        raise NotImplementedError

    def list_filters(self):
        return {}

    def lookup(self):
        network = self.network()
        if network is None:
            return None
        items = [
            i
            for i in self.api.list(self.kind, serviceNetworkIdentifier=network, **self.list_filters())
            if self.matches(i)
        ]
        return self.api.get(self.kind, items[0]["id"]) if items else None


class VpcAssociationManager(AssociationManager):
    kind = SN_VPC_ASSOCIATION
    result_key = "service_network_vpc_association"
    updatable = ("securityGroupIds",)
    option_names = dict(AssociationManager.option_names, vpcIdentifier="vpc_id")

    @property
    def ident(self):
        return self.params["vpc_id"]

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network() if resolve else self.params["service_network"],
            "vpcIdentifier": self.params["vpc_id"],
            "securityGroupIds": self.params.get("security_group_ids"),
        }

    def list_filters(self):
        return {"vpcIdentifier": self.params["vpc_id"]}

    def matches(self, item):
        return item.get("vpcId") == self.params["vpc_id"]


class ServiceAssociationManager(AssociationManager):
    kind = SN_SERVICE_ASSOCIATION
    result_key = "service_network_service_association"
    option_names = dict(AssociationManager.option_names, serviceIdentifier="service")

    @property
    def ident(self):
        return self.params["service"]

    def service(self):
        if not hasattr(self, "_service"):
            self._service = self.reference(SERVICE, "service", required=self.params.get("state") == "present")
        return self._service

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network() if resolve else self.params["service_network"],
            "serviceIdentifier": self.service() if resolve else self.params["service"],
        }

    def matches(self, item):
        service = self.service()
        # A shared service is known here by its ARN; the ID inside it is what the association records.
        return service is not None and id_of(service) in (item.get("serviceId"), id_of(item.get("serviceArn")))
