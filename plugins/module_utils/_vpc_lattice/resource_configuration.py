# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Resource configurations (vpc_lattice_resource_configuration and _info).

Operations: get_resource_configuration, list_resource_configurations,
create_resource_configuration, update_resource_configuration (portRanges,
resourceConfigurationDefinition, allowAssociationToShareableServiceNetwork),
delete_resource_configuration.  ListResourceConfigurations also returns what
other accounts share with the caller, so names are looked up among owned ones.
The type, protocol, gateway, group and domains cannot change: a different value
fails unless ``replace`` is set.
"""

from functools import cached_property

from .._core.errors import InvalidParameter
from .lattice_resource import LatticeManager
from .resource_gateway import ResourceGatewayManager

# Which options each type takes (API reference, CreateResourceConfiguration: "(SINGLE, GROUP, CHILD)"
# and the like beside each member; CIDR: botocore model).
TAKES = {
    "SINGLE": {"port_ranges", "protocol", "resource_gateway", "definition", "allow_association_to_shareable_service_network",
               "custom_domain_name", "domain_verification"},
    "GROUP": {"port_ranges", "protocol", "resource_gateway", "allow_association_to_shareable_service_network",
              "group_domain", "domain_verification"},
    "CHILD": {"port_ranges", "resource_configuration_group", "definition", "custom_domain_name"},
    "ARN": {"resource_gateway", "definition", "allow_association_to_shareable_service_network"},
    "CIDR": {"port_ranges", "protocol", "resource_gateway", "definition",
             "allow_association_to_shareable_service_network"},
}
# The definition each type identifies its resource with.
DEFINITIONS = {
    "SINGLE": ("ip_resource", "dns_resource"),
    "CHILD": ("ip_resource", "dns_resource"),
    "ARN": ("arn_resource",),
    "CIDR": ("cidr_resource",),
    "GROUP": (),
}
# botocore CHANGELOG: the CIDR type and the TCP_UDP protocol are in the model from 1.43.97
# (checked against the PyPI releases: 1.43.96 has neither).
CIDR_BOTOCORE = "1.43.97"


class ResourceConfigurationManager(LatticeManager):
    description = "resource configuration"
    result_key = "resource_configuration"
    id_prefix = "rcfg"
    identifier_member = "resourceConfigurationIdentifier"
    get_operation = "get_resource_configuration"
    list_operation = "list_resource_configurations"
    create_operation = "create_resource_configuration"
    update_operation = "update_resource_configuration"
    delete_operation = "delete_resource_configuration"
    in_use_advice = (
        "it is still associated with a service network (vpc_lattice_service_network_resource_association "
        "state=absent, in the network owner's account too) or is a group with children; remove those first"
    )
    owned_only = True
    replaceable = True
    updatable = ("portRanges", "resourceConfigurationDefinition", "allowAssociationToShareableServiceNetwork")
    immutable = ("type", "protocol", "resourceGatewayIdentifier", "resourceConfigurationGroupIdentifier",
                 "customDomainName", "groupDomain")
    option_names = {
        "resourceGatewayIdentifier": "resource_gateway",
        "resourceConfigurationGroupIdentifier": "resource_configuration_group",
        "resourceConfigurationDefinition": "definition",
        "domainVerificationIdentifier": "domain_verification",
    }
    prediction_keys = {
        "resourceGatewayIdentifier": "resourceGatewayId",
        "resourceConfigurationGroupIdentifier": "resourceConfigurationGroupId",
        "domainVerificationIdentifier": "domainVerificationId",
    }
    # CreateResourceConfiguration has the custom domain members from botocore 1.40.69 (botocore
    # CHANGELOG: "custom domain name for resource configurations").
    botocore_minimums = {"customDomainName": "1.40.69", "groupDomain": "1.40.69",
                         "domainVerificationIdentifier": "1.40.69"}

    @cached_property
    def gateway(self):
        return self.reference(ResourceGatewayManager, "resource_gateway", required=self.params.get("state") == "present")

    @cached_property
    def group(self):
        return self.reference(
            ResourceConfigurationManager, "resource_configuration_group", required=self.params.get("state") == "present"
        )

    def item_identifier(self, item):
        # ListResourceConfigurations also lists configurations other accounts share: those only by ARN.
        return item["arn"] if item["arn"].split(":")[4] != self.api.caller_account else item["id"]

    def request(self, resolve=True):
        return {
            "name": self.params.get("name"),
            "type": self.params.get("type"),
            "portRanges": self.params.get("port_ranges"),
            "protocol": self.params.get("protocol"),
            "resourceGatewayIdentifier": self.gateway if resolve else self.params.get("resource_gateway"),
            "resourceConfigurationGroupIdentifier": (
                self.group if resolve else self.params.get("resource_configuration_group")
            ),
            "resourceConfigurationDefinition": self._definition(),
            "allowAssociationToShareableServiceNetwork": self.params.get(
                "allow_association_to_shareable_service_network"
            ),
            "customDomainName": self.params.get("custom_domain_name"),
            "groupDomain": self.params.get("group_domain"),
            "domainVerificationIdentifier": self.params.get("domain_verification"),
        }

    def _definition(self):
        definition = self.params.get("definition")
        if definition is None:
            return None
        resources = {
            "ipResource": definition.get("ip_resource") and {"ipAddress": definition["ip_resource"]["ip_address"]},
            "dnsResource": definition.get("dns_resource") and {
                "domainName": definition["dns_resource"]["domain_name"],
                "ipAddressType": definition["dns_resource"]["ip_address_type"],
            },
            "arnResource": definition.get("arn_resource") and {"arn": definition["arn_resource"]["arn"]},
            "cidrResource": definition.get("cidr_resource") and {
                "cidrRanges": definition["cidr_resource"]["cidr_ranges"]
            },
        }
        return {key: value for key, value in resources.items() if value}

    def validate(self):
        if self.params.get("type") == "CIDR" or self.params.get("protocol") == "TCP_UDP":
            # Before the model check, which would call the value unknown with an older botocore.
            self.module.require_botocore_at_least(CIDR_BOTOCORE, reason="for CIDR resource configurations and TCP_UDP")
        super().validate()
        kind = self.params.get("type")
        given = {option for option in set().union(*TAKES.values()) if self.params.get(option) is not None}
        refused = sorted(given - TAKES[kind])
        if refused:
            raise InvalidParameter(refused[0], f"is not taken by a {kind} resource configuration (type={kind})")
        if self.params.get("protocol") == "TCP_UDP" and kind != "CIDR":
            raise InvalidParameter("protocol", "TCP_UDP is taken only by CIDR resource configurations")
        definition = {k: v for k, v in (self.params.get("definition") or {}).items() if v}
        if len(definition) > 1 or (definition and set(definition) - set(DEFINITIONS[kind])):
            raise InvalidParameter(
                "definition", f"a {kind} resource configuration takes one of {', '.join(DEFINITIONS[kind])}"
            )

    def validate_create(self):
        kind = self.params["type"]
        required = {
            "SINGLE": ("resource_gateway", "definition", "port_ranges"),
            "GROUP": ("resource_gateway", "port_ranges"),
            "CHILD": ("resource_configuration_group", "definition"),
            "ARN": ("resource_gateway", "definition"),
            "CIDR": ("resource_gateway", "definition", "port_ranges"),
        }[kind]
        for option in required:
            if self.params.get(option) is None:
                raise InvalidParameter(option, f"is required to create a {kind} resource configuration")
