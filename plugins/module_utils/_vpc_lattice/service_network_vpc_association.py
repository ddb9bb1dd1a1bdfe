# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Associations of a service network with a VPC (vpc_lattice_service_network_vpc_association and _info).

Operations: get_service_network_vpc_association,
list_service_network_vpc_associations, create_service_network_vpc_association,
update_service_network_vpc_association (securityGroupIds, privateDnsEnabled,
dnsOptions), delete_service_network_vpc_association.  A VPC belongs to one
service network.
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
    # The API takes the private DNS settings on update too (botocore model,
    # UpdateServiceNetworkVpcAssociation: privateDnsEnabled, dnsOptions).
    updatable = ("securityGroupIds", "privateDnsEnabled", "dnsOptions")
    # Create has them from botocore 1.40.69, Update from 1.43.75 (checked in PyPI's releases).
    botocore_minimums = {"privateDnsEnabled": "1.43.75", "dnsOptions": "1.43.75"}
    option_names = dict(ServiceNetworkAssociation.option_names, vpcIdentifier="vpc_id")

    @property
    def ident(self):
        return self.params["vpc_id"]

    def request(self, resolve=True):
        return {
            "serviceNetworkIdentifier": self.network if resolve else self.params["service_network"],
            "vpcIdentifier": self.params["vpc_id"],
            "securityGroupIds": self.params.get("security_group_ids"),
            "privateDnsEnabled": self.params.get("private_dns_enabled"),
            "dnsOptions": self._dns_options(),
        }

    def _dns_options(self):
        options = self.params.get("dns_options")
        if options is None:
            return None
        return {
            "privateDnsPreference": options.get("private_dns_preference"),
            "privateDnsSpecifiedDomains": options.get("private_dns_specified_domains"),
        }

    def validate(self):
        super().validate()
        # The API reference (DnsOptions): the preference is "only supported when private DNS is
        # enabled", the specified domains only with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or
        # SPECIFIED_DOMAINS_ONLY (which need them to mean anything).
        options = self.params.get("dns_options")
        if options is None:
            return
        if self.params.get("private_dns_enabled") is not True:
            raise InvalidParameter("dns_options", "AWS takes DNS options only with private_dns_enabled=true")
        preference = options.get("private_dns_preference")
        domains = options.get("private_dns_specified_domains")
        with_domains = preference in ("VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")
        if with_domains and not domains:
            raise InvalidParameter(
                "dns_options.private_dns_specified_domains", f"is required with private_dns_preference={preference}"
            )
        if domains and not with_domains:
            raise InvalidParameter(
                "dns_options.private_dns_specified_domains",
                "is taken only with private_dns_preference VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or "
                "SPECIFIED_DOMAINS_ONLY",
            )

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
