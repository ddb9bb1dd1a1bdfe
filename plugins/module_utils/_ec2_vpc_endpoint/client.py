# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ec2 client of the ec2_vpc_lattice_endpoint modules: errors with advice."""

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError

from .._core.ec2_endpoint import EC2Client


class AnsibleVpcEndpointError(AnsibleAWSError):
    """A failure of the ec2_vpc_lattice_endpoint modules."""


# EC2 error codes of CreateVpcEndpoint / ModifyVpcEndpoint (EC2 API reference, "Error codes").
ADVICE = {
    "InvalidVpcID.NotFound": "vpc_id does not exist in this account and region; check it",
    "InvalidSubnetID.NotFound": "a subnet in subnet_ids does not exist; check them",
    "InvalidGroup.NotFound": "a security group in security_group_ids does not exist; check them",
    "InvalidSecurityGroupID.NotFound": "a security group in security_group_ids does not exist; check them",
    "DuplicateSubnetsInSameZone": "subnet_ids holds two subnets of one Availability Zone; keep one per zone",
    "MissingParameter": "a required option is missing; give subnet_ids and service_network or resource_configuration",
    "IncorrectState": "the endpoint is being created or changed; wait for it to become available and run the task again",
    "UnauthorizedOperation": (
        "the credentials may not do this; the caller needs ec2:CreateVpcEndpoint and, for a service network, "
        "vpc-lattice:CreateServiceNetworkVpcEndpointAssociation (and the RAM share of the network)"
    ),
}


class VpcEndpointClient(EC2Client):
    error_class = AnsibleVpcEndpointError
    missing_codes = ("InvalidVpcEndpointId.NotFound",)
    advice_by_code = ADVICE
    quota_advice = "a VPC endpoint quota is exhausted; delete an unused endpoint or request a quota increase"

    def advice(self, code, aws_message, operation):
        if code == "InvalidParameter" and "not shared" in (aws_message or ""):
            return (
                "share the service network or resource configuration with this account through AWS RAM (and accept "
                "the invitation if the owner is outside the organization), or give an ARN this account owns"
            )
        return super().advice(code, aws_message, operation)
