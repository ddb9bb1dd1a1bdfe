# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The ec2 client of the ec2_instance_connect_endpoint modules: errors with advice."""

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError

from .._core.ec2_endpoint import EC2Client


class AnsibleInstanceConnectError(AnsibleAWSError):
    """A failure of the ec2_instance_connect_endpoint modules."""


# EC2 error codes of the Instance Connect endpoint operations (EC2 API reference, "Error codes").
ADVICE = {
    "InvalidSubnetID.NotFound": "subnet_id does not exist in this account and region; check it",
    "InvalidSubnet": "subnet_id cannot hold an Instance Connect endpoint; check it",
    "InvalidGroup.NotFound": "a security group in security_group_ids does not exist in the subnet's VPC; check them",
    "InvalidSecurityGroupID.NotFound": "a security group in security_group_ids does not exist; check them",
    "IncorrectState": (
        "the endpoint is being created, updated or deleted; wait for it to settle and run the task again"
    ),
    "UnauthorizedOperation": "the credentials may not do this; check the IAM permissions of the calling role",
}


class InstanceConnectClient(EC2Client):
    error_class = AnsibleInstanceConnectError
    missing_codes = ("InvalidInstanceConnectEndpointId.NotFound",)
    advice_by_code = ADVICE
    quota_advice = (
        "an Instance Connect endpoint quota is exhausted (one endpoint per VPC and per subnet, five per account "
        "and region by default); delete an unused endpoint or request a quota increase"
    )
