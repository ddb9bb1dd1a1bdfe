# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Resource gateways (vpc_lattice_resource_gateway, vpc_lattice_resource_gateway_info).

Operations: get_resource_gateway, list_resource_gateways, create_resource_gateway,
update_resource_gateway (securityGroupIds only), delete_resource_gateway.  The
VPC, subnets, IP address type, addresses per ENI and DNS resolution setting
cannot change: a different value fails unless ``replace`` is set, which deletes
the gateway and creates it again (its resource configurations must go first).
"""

from .._core.errors import InvalidParameter
from .lattice_resource import LatticeManager


class ResourceGatewayManager(LatticeManager):
    description = "resource gateway"
    result_key = "resource_gateway"
    id_prefix = "rgw"
    identifier_member = "resourceGatewayIdentifier"
    get_operation = "get_resource_gateway"
    list_operation = "list_resource_gateways"
    create_operation = "create_resource_gateway"
    update_operation = "update_resource_gateway"
    delete_operation = "delete_resource_gateway"
    in_use_advice = (
        "resource configurations still use it; delete them (vpc_lattice_resource_configuration state=absent) first"
    )
    replaceable = True
    updatable = ("securityGroupIds",)
    immutable = ("vpcIdentifier", "subnetIds", "ipAddressType", "ipv4AddressesPerEni", "resourceConfigDnsResolution")
    option_names = {
        "vpcIdentifier": "vpc_id",
        "resourceConfigDnsResolution": "dns_resolution",
    }
    # GetResourceGateway names the VPC vpcId.
    prediction_keys = {"vpcIdentifier": "vpcId"}
    # CreateResourceGateway has ipv4AddressesPerEni from botocore 1.40.41 and resourceConfigDnsResolution
    # from 1.43.3 (botocore CHANGELOG: "number of IPv4 addresses in each ENI", "privately resolvable DNS resources").
    botocore_minimums = {"ipv4AddressesPerEni": "1.40.41", "resourceConfigDnsResolution": "1.43.3"}

    def request(self, resolve=True):
        return {
            "name": self.params.get("name"),
            "vpcIdentifier": self.params.get("vpc_id"),
            "subnetIds": self.params.get("subnet_ids"),
            "securityGroupIds": self.params.get("security_group_ids"),
            "ipAddressType": self.params.get("ip_address_type"),
            "ipv4AddressesPerEni": self.params.get("ipv4_addresses_per_eni"),
            "resourceConfigDnsResolution": self.params.get("dns_resolution"),
        }

    def validate(self):
        super().validate()
        # API reference, CreateResourceGateway: the IPv4 addresses per ENI apply to IPV4 and DUALSTACK gateways.
        if self.params.get("ipv4_addresses_per_eni") is not None and self.params.get("ip_address_type") == "IPV6":
            raise InvalidParameter("ipv4_addresses_per_eni", "is taken only with ip_address_type IPV4 or DUALSTACK")

    def validate_create(self):
        for option in ("vpc_id", "subnet_ids"):
            if not self.params.get(option):
                raise InvalidParameter(option, "is required to create a resource gateway")
