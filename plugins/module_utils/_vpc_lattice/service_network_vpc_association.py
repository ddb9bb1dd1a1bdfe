# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Associations of a service network with a VPC (vpc_lattice_service_network_vpc_association and _info).

Operations: get_service_network_vpc_association,
list_service_network_vpc_associations, create_service_network_vpc_association,
update_service_network_vpc_association (securityGroupIds),
delete_service_network_vpc_association.  A VPC belongs to one service network.
"""

from .._core.errors import InvalidParameter
from .service_network_association import ServiceNetworkAssociation


class VpcAssociationManager(ServiceNetworkAssociation):
    description = "service network VPC association"
    result_key = "service_network_vpc_association"
    id_prefix = "snva"
    identifier_member = "serviceNetworkVpcAssociationIdentifier"
    get_operation = "get_service_network_vpc_association"
    list_operation = "list_service_network_vpc_associations"
    create_operation = "create_service_network_vpc_association"
    update_operation = "update_service_network_vpc_association"
    delete_operation = "delete_service_network_vpc_association"
    in_use_advice = "it is still being created or updated; wait until it is ACTIVE and retry"
    updatable = ("securityGroupIds",)
    option_names = dict(ServiceNetworkAssociation.option_names, vpcIdentifier="vpc_id")

    @property
    def ident(self):
        return self.params["vpc_id"]

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network if resolve else self.params["service_network"],
            "vpcIdentifier": self.params["vpc_id"],
            "securityGroupIds": self.params.get("security_group_ids"),
        }

    def list_filters(self):
        return {"vpcIdentifier": self.params["vpc_id"]}

    def matches(self, item):
        return item.get("vpcId") == self.params["vpc_id"]

    def changes(self, current):
        # AWS: once an association has security groups it cannot be left with none
        # (UpdateServiceNetworkVpcAssociation requires at least one); delete and recreate it.
        if self.params.get("security_group_ids") == [] and current.get("security_group_ids"):
            raise InvalidParameter(
                "security_group_ids",
                "AWS cannot remove every security group from a VPC association; delete the association "
                "(state=absent) and create it again without security groups",
            )
        return super().changes(current)
