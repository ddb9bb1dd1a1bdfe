# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Associations of a service network with a resource configuration, possibly another account's
(vpc_lattice_service_network_resource_association and _info).

Operations: get_service_network_resource_association,
list_service_network_resource_associations, create_service_network_resource_association,
delete_service_network_resource_association (nothing to update: a different
private DNS setting fails unless ``replace`` is set).  A resource configuration
of another account is given by ARN and must be shared with the caller through RAM.
Associations Amazon manages (the children of a GROUP) are left to AWS.
"""

from functools import cached_property

from .lattice_resource import id_of
from .resource_configuration import ResourceConfigurationManager
from .service_network_association import ServiceNetworkAssociation


class ResourceAssociationManager(ServiceNetworkAssociation):
    description = "service network resource association"
    result_key = "service_network_resource_association"
    id_prefix = "snra"
    identifier_member = "serviceNetworkResourceAssociationIdentifier"
    get_operation = "get_service_network_resource_association"
    list_operation = "list_service_network_resource_associations"
    create_operation = "create_service_network_resource_association"
    delete_operation = "delete_service_network_resource_association"
    in_use_advice = "it is still being created; wait until it is ACTIVE and retry"
    replaceable = True
    immutable = ("privateDnsEnabled",)
    option_names = dict(ServiceNetworkAssociation.option_names, resourceConfigurationIdentifier="resource_configuration")
    prediction_keys = dict(
        ServiceNetworkAssociation.prediction_keys, resourceConfigurationIdentifier="resourceConfigurationId"
    )
    # CreateServiceNetworkResourceAssociation has privateDnsEnabled from botocore 1.40.69 (botocore CHANGELOG).
    botocore_minimums = {"privateDnsEnabled": "1.40.69"}

    @property
    def ident(self):
        return self.params["resource_configuration"]

    @cached_property
    def configuration(self):
        return self.reference(
            ResourceConfigurationManager, "resource_configuration", required=self.params.get("state") == "present"
        )

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network if resolve else self.params["service_network"],
            "resourceConfigurationIdentifier": (
                self.configuration if resolve else self.params["resource_configuration"]
            ),
            "privateDnsEnabled": self.params.get("private_dns_enabled"),
        }

    def matches(self, item):
        # A shared configuration is known here by its ARN; the ID inside it is what the association records.
        return self.configuration is not None and id_of(self.configuration) in (
            item.get("resourceConfigurationId"), id_of(item.get("resourceConfigurationArn"))
        )
