# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""VPC endpoints of type ServiceNetwork and Resource (ec2_vpc_lattice_endpoint, ec2_vpc_lattice_endpoint_info).

Operations: describe_vpc_endpoints, create_vpc_endpoint, modify_vpc_endpoint (subnets, security groups,
IpAddressType, PrivateDnsEnabled, DnsOptions), delete_vpc_endpoints, describe_vpc_endpoint_associations
(what the endpoint reaches and under which DNS names); tags through amazon.aws's add_ec2_tags /
remove_ec2_tags (create_tags, delete_tags).

An endpoint has no name: it is found by ``id`` or by its VPC and the ARN it reaches. AWS keeps
deleted endpoints listed (state ``deleted``) for a while; they count as gone.
"""

import re
import uuid

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.amazon.aws.plugins.module_utils.tagging import boto3_tag_list_to_ansible_dict
from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._core.ec2_endpoint import SECURITY_GROUP_ID
from .._core.ec2_endpoint import SUBNET_ID
from .._core.ec2_endpoint import VPC_ID
from .._core.ec2_endpoint import EC2EndpointManager
from .._core.ec2_endpoint import describe
from .._core.ec2_endpoint import validate_id
from .._core.ec2_endpoint import validate_ids
from .._core.errors import InvalidParameter
from .._core.resource import Change
from .client import AnsibleVpcEndpointError
from .client import VpcEndpointClient

ENDPOINT_ID = re.compile(r"vpce-[0-9a-f]{8,17}")
# The ARN each endpoint type reaches (VPC Lattice ARNs: the account owning the network or configuration).
TARGETS = {
    "service_network": ("ServiceNetwork", "ServiceNetworkArn",
                        re.compile(r"arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:servicenetwork/sn-[0-9a-f]{17}")),
    "resource_configuration": ("Resource", "ResourceConfigurationArn",
                               re.compile(r"arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:"
                                          r"resourceconfiguration/rcfg-[0-9a-f]{17}")),
}
# botocore model (DnsOptionsSpecification): members newer than requirements.txt's botocore floor.
DNS_OPTION_MEMBERS = {
    "dns_record_ip_type": "DnsRecordIpType",
    "private_dns_preference": "PrivateDnsPreference",
    "private_dns_specified_domains": "PrivateDnsSpecifiedDomains",
}
# Checked against the PyPI wheels: 1.40.10 lacks both, 1.43.74 has them (the first release with them may be older).
BOTOCORE_MINIMUMS = {"private_dns_preference": "1.43.74", "private_dns_specified_domains": "1.43.74"}
PREFERENCES_WITH_DOMAINS = ("VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", "SPECIFIED_DOMAINS_ONLY")


def normalize_endpoint(raw, associations=None):
    """The module's shape: snake_case, tags as a dict, security groups as sorted IDs."""
    if raw is None:
        return None
    endpoint = boto3_resource_to_ansible_dict(raw)
    endpoint["security_group_ids"] = sorted(group["group_id"] for group in endpoint.pop("groups", []) or [])
    endpoint["subnet_ids"] = sorted(endpoint.get("subnet_ids") or [])
    endpoint["tags"] = boto3_tag_list_to_ansible_dict(raw.get("Tags") or [])
    if associations is not None:
        endpoint["associations"] = [boto3_resource_to_ansible_dict(a) for a in associations]
    return endpoint


def describe_endpoints(api, ids=None, filters=None):
    return describe(
        api, "describe_vpc_endpoints", "VpcEndpoints", "VpcEndpointIds", "describe VPC endpoints",
        ids=ids, filters=filters,
    )


def describe_associations(api, endpoint_id):
    """What the endpoint reaches: each service or resource with the DNS name it has through the endpoint."""
    return api.call(
        "describe_vpc_endpoint_associations", f"describe the associations of VPC endpoint {endpoint_id}",
        VpcEndpointIds=[endpoint_id],
    ).get("VpcEndpointAssociations", [])


class LatticeEndpointManager(EC2EndpointManager):
    client_class = VpcEndpointClient
    result_key = "vpc_endpoint"
    description = "VPC endpoint"
    id_key = "vpc_endpoint_id"
    resource_type = "vpc-endpoint"
    # EC2 API reference, DescribeVpcEndpoints filter vpc-endpoint-state.
    ready_states = ("available",)
    failed_states = ("failed", "rejected", "expired")
    gone_states = ("deleted",)
    deleting_state = "deleting"
    failure_key = "failure_reason"
    ready_goal = "to become available"

    def describe(self, ids=None, filters=None):
        return describe_endpoints(self.api, ids=ids, filters=filters)

    def normalize(self, raw):
        return normalize_endpoint(raw)

    # --- what the options ask for ---------------------------------------------
    @property
    def target_option(self):
        return next((option for option in TARGETS if self.params.get(option)), None)

    @property
    def wanted_dns_options(self):
        """DnsOptions (API spelling) for the dns_options the user set; None when unset."""
        options = self.params.get("dns_options")
        if options is None:
            return None
        return {member: options[key] for key, member in DNS_OPTION_MEMBERS.items() if options.get(key) is not None}

    def validate(self):
        super().validate()
        validate_id(self.params, "id", ENDPOINT_ID, "a VPC endpoint ID (vpce-...)")
        validate_id(self.params, "vpc_id", VPC_ID, "a VPC ID (vpc-...)")
        for option, (endpoint_type, _member, pattern) in TARGETS.items():
            value = self.params.get(option)
            if value is not None and not pattern.fullmatch(value):
                raise InvalidParameter(option, f"{value!r} is not the ARN of a {endpoint_type} endpoint's target")
        validate_ids(self.params, "subnet_ids", SUBNET_ID, "a subnet ID (subnet-...)", "subnet ID")
        validate_ids(self.params, "security_group_ids", SECURITY_GROUP_ID, "a security group ID (sg-...)",
                     "security group ID")
        if not self.params.get("id") and not (self.params.get("vpc_id") and self.target_option):
            raise InvalidParameter(
                "vpc_id", "give vpc_id and service_network or resource_configuration (or id) to identify the endpoint"
            )
        self._validate_dns_options()

    def _validate_dns_options(self):
        options = self.params.get("dns_options") or {}
        preference = options.get("private_dns_preference")
        domains = options.get("private_dns_specified_domains")
        # botocore model, DnsOptionsSpecification: the preference "only supported when private DNS is enabled";
        # the specified domains only with the two SPECIFIED preferences.
        if (preference or domains) and self.params.get("private_dns_enabled") is False:
            raise InvalidParameter("dns_options", "private_dns_preference and its domains need private_dns_enabled=true")
        if preference in PREFERENCES_WITH_DOMAINS and not domains:
            raise InvalidParameter(
                "dns_options.private_dns_specified_domains", f"private_dns_preference {preference} needs the domains"
            )
        if domains and preference not in PREFERENCES_WITH_DOMAINS:
            raise InvalidParameter(
                "dns_options.private_dns_preference",
                f"private_dns_specified_domains need private_dns_preference {' or '.join(PREFERENCES_WITH_DOMAINS)}",
            )
        # Older botocore refuses these members (ParamValidationError): ask for the version by name.
        for key, version in BOTOCORE_MINIMUMS.items():
            if options.get(key) is not None:
                self.module.require_botocore_at_least(version, reason=f"to set dns_options.{key}")

    def validate_create(self):
        if self.params.get("id"):
            raise InvalidParameter(
                "id", f"no VPC endpoint {self.params['id']} exists; leave id unset and give vpc_id and "
                "service_network or resource_configuration to create one",
            )
        if not self.params.get("subnet_ids"):
            raise InvalidParameter("subnet_ids", "give the subnets of the endpoint's network interfaces to create it")

    # --- reading ----------------------------------------------------------------
    def get(self):
        if self.params.get("id"):
            found = self.read(self.params["id"])
            self._check_identity(found)
            return found
        endpoint_type, member, _pattern = TARGETS[self.target_option]
        target = self.params[self.target_option]
        return self.find({"vpc-id": self.params["vpc_id"], "vpc-endpoint-type": endpoint_type},
                         matches=lambda endpoint: endpoint.get(member) == target)

    def _check_identity(self, endpoint):
        """An endpoint found by id must be the one the other options describe: AWS cannot move it."""
        if endpoint is None:
            return
        for option, (endpoint_type, _member, _pattern) in TARGETS.items():
            key = "service_network_arn" if option == "service_network" else "resource_configuration_arn"
            wanted = self.params.get(option)
            if wanted and wanted != endpoint.get(key):
                raise InvalidParameter(
                    option, f"VPC endpoint {endpoint['vpc_endpoint_id']} reaches {endpoint.get(key) or 'another target'}"
                    f", not {wanted}; AWS cannot change what an endpoint reaches: delete it and create another",
                )

    def immutable_differences(self, current):
        vpc_id = self.params.get("vpc_id")
        return ["vpc_id"] if vpc_id and vpc_id != current.get("vpc_id") else []

    # --- creating ---------------------------------------------------------------
    def predict(self):
        endpoint_type, member, _pattern = TARGETS[self.target_option]
        predicted = {
            "vpc_endpoint_id": None,
            "vpc_endpoint_type": endpoint_type,
            "vpc_id": self.params["vpc_id"],
            "state": "available",
            "subnet_ids": sorted(set(self.params["subnet_ids"])),
            "security_group_ids": sorted(set(self.params.get("security_group_ids") or [])),
            "private_dns_enabled": bool(self.params.get("private_dns_enabled")),
            "tags": self.predicted_tags(),
            ("service_network_arn" if endpoint_type == "ServiceNetwork" else "resource_configuration_arn"):
                self.params[self.target_option],
        }
        if self.params.get("ip_address_type"):
            predicted["ip_address_type"] = self.params["ip_address_type"]
        if self.wanted_dns_options:
            predicted["dns_options"] = camel_dict_to_snake_dict(self.wanted_dns_options)
        return predicted

    def create(self):
        endpoint_type, member, _pattern = TARGETS[self.target_option]
        request = {
            "VpcEndpointType": endpoint_type,
            "VpcId": self.params["vpc_id"],
            member: self.params[self.target_option],
            "SubnetIds": sorted(set(self.params["subnet_ids"])),
        }
        if self.params.get("security_group_ids"):
            request["SecurityGroupIds"] = sorted(set(self.params["security_group_ids"]))
        if self.params.get("ip_address_type"):
            request["IpAddressType"] = self.params["ip_address_type"]
        if self.params.get("private_dns_enabled") is not None:
            request["PrivateDnsEnabled"] = self.params["private_dns_enabled"]
        if self.wanted_dns_options:
            request["DnsOptions"] = self.wanted_dns_options
        created = self.api.call(
            "create_vpc_endpoint", f"create a {endpoint_type} VPC endpoint in {request['VpcId']}",
            ClientToken=str(uuid.uuid4()), **request, **self.tag_specifications(),
        )["VpcEndpoint"]
        return self.created(created["VpcEndpointId"], created)

    def delete(self, current):
        endpoint_id = current["vpc_endpoint_id"]
        result = self.api.call("delete_vpc_endpoints", f"delete VPC endpoint {endpoint_id}", VpcEndpointIds=[endpoint_id])
        # DeleteVpcEndpoints answers per endpoint in Unsuccessful; one already gone is what was asked for.
        for item in result.get("Unsuccessful") or []:
            error = item.get("Error") or {}
            if error.get("Code") not in ("InvalidVpcEndpoint.NotFound", "InvalidVpcEndpointId.NotFound"):
                raise AnsibleVpcEndpointError(
                    message=f"Failed to delete VPC endpoint {endpoint_id}: {error.get('Code')}: {error.get('Message')}"
                )

    # --- updating ---------------------------------------------------------------
    def changes(self, current):
        request, predicted = {}, {}
        # ModifyVpcEndpoint takes what to add and what to remove, not the whole list.
        for option, add, remove in (("subnet_ids", "AddSubnetIds", "RemoveSubnetIds"),
                                    ("security_group_ids", "AddSecurityGroupIds", "RemoveSecurityGroupIds")):
            wanted = self.changed_ids(option, current)
            if wanted is not None:
                request[add] = sorted(set(wanted) - set(current.get(option) or []))
                request[remove] = sorted(set(current.get(option) or []) - set(wanted))
                predicted[option] = wanted
        ip_type = self.params.get("ip_address_type")
        if ip_type and ip_type != current.get("ip_address_type"):
            request["IpAddressType"] = predicted["ip_address_type"] = ip_type
        private_dns = self.params.get("private_dns_enabled")
        if private_dns is not None and private_dns != current.get("private_dns_enabled"):
            request["PrivateDnsEnabled"] = predicted["private_dns_enabled"] = private_dns
        dns = self.wanted_dns_options
        wanted_dns = camel_dict_to_snake_dict(dns) if dns else {}
        current_dns = current.get("dns_options") or {}
        if any(current_dns.get(key) != value for key, value in wanted_dns.items()):
            request["DnsOptions"] = dns
            predicted["dns_options"] = dict(current_dns, **wanted_dns)
        request = {key: value for key, value in request.items() if value not in ([], None)}
        if not request:
            return []
        endpoint_id = current["vpc_endpoint_id"]
        return [Change(predicted, lambda: self.api.call(
            "modify_vpc_endpoint", f"modify VPC endpoint {endpoint_id}", VpcEndpointId=endpoint_id, **request,
        ))]
