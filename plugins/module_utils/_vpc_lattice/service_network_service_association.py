# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Associations of a service network with a service, possibly another account's
(vpc_lattice_service_network_service_association and _info).

Operations: get_service_network_service_association,
list_service_network_service_associations, create_service_network_service_association,
delete_service_network_service_association (nothing to update).  A service of
another account is given by ARN and must be shared with the caller through RAM.
"""

from functools import cached_property

from .lattice_resource import id_of
from .service import ServiceManager
from .service_network_association import ServiceNetworkAssociation


class ServiceAssociationManager(ServiceNetworkAssociation):
    description = "service network service association"
    result_key = "service_network_service_association"
    id_prefix = "snsa"
    identifier_member = "serviceNetworkServiceAssociationIdentifier"
    get_operation = "get_service_network_service_association"
    list_operation = "list_service_network_service_associations"
    create_operation = "create_service_network_service_association"
    delete_operation = "delete_service_network_service_association"
    in_use_advice = "it is still being created; wait until it is ACTIVE and retry"
    option_names = dict(ServiceNetworkAssociation.option_names, serviceIdentifier="service")
    summary_is_complete = True

    @property
    def ident(self):
        return self.params["service"]

    @cached_property
    def service(self):
        return self.reference(ServiceManager, "service", required=self.params.get("state") == "present")

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network if resolve else self.params["service_network"],
            "serviceIdentifier": self.service if resolve else self.params["service"],
        }

    def matches(self, item):
        # A shared service is known here by its ARN; the ID inside it is what the association records.
        return self.service is not None and id_of(self.service) in (item.get("serviceId"), id_of(item.get("serviceArn")))
