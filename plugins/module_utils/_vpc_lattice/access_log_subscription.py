# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Access log subscriptions of a service or service network (vpc_lattice_access_log_subscription).

Operations: get_access_log_subscription, list_access_log_subscriptions,
create_access_log_subscription, update_access_log_subscription (destinationArn),
delete_access_log_subscription.  AWS allows one subscription per destination
type (CloudWatch Logs, S3, Firehose), and for a service network per log type
(``serviceNetworkLogType`` SERVICE or RESOURCE, set on create only): that is how
an existing one is found.
"""

from functools import cached_property

from .._core.errors import InvalidParameter
from .attachment import attachment_option
from .attachment import resolve_attachment
from .attachment import validate_attachment
from .lattice_resource import LatticeManager

# CreateAccessLogSubscription: "Amazon CloudWatch Logs log group, Kinesis Data Firehose
# delivery stream, or Amazon S3 bucket" (VPC Lattice API reference).
DESTINATION_SERVICES = ("logs", "s3", "firehose")


def destination_service(arn):
    """s3, logs or firehose: AWS allows one subscription per destination type."""
    return arn.split(":")[2] if arn and arn.count(":") >= 5 else None


class AccessLogSubscriptionManager(LatticeManager):
    description = "access log subscription"
    result_key = "access_log_subscription"
    id_prefix = "als"
    identifier_member = "accessLogSubscriptionIdentifier"
    get_operation = "get_access_log_subscription"
    list_operation = "list_access_log_subscriptions"
    create_operation = "create_access_log_subscription"
    update_operation = "update_access_log_subscription"
    delete_operation = "delete_access_log_subscription"
    updatable = ("destinationArn",)
    option_names = {
        "resourceIdentifier": "service",
        "destinationArn": "destination_arn",
        "serviceNetworkLogType": "service_network_log_type",
    }
    prediction_keys = {"resourceIdentifier": "resourceId"}

    @property
    def ident(self):
        return self.params["destination_arn"]

    @cached_property
    def target(self):
        return resolve_attachment(self.module, self.api)

    def validate(self):
        super().validate()
        validate_attachment(self.params, self.api, "ListAccessLogSubscriptions")
        if self.params.get("service_network_log_type") and not self.params.get("service_network"):
            # botocore model: "the type of log that monitors your Amazon VPC Lattice service networks".
            raise InvalidParameter("service_network_log_type", "applies to a service network only; unset it for a service")
        service = destination_service(self.params["destination_arn"])
        if service is not None and service not in DESTINATION_SERVICES:
            raise InvalidParameter(
                "destination_arn",
                f"{service} is not an access log destination; give a CloudWatch Logs log group, an S3 bucket "
                "or a Firehose delivery stream ARN",
            )

    @property
    def log_type(self):
        """The log type a service network's subscription has: the option, else AWS's default (SERVICE)."""
        if not self.params.get("service_network"):
            return None
        return self.params.get("service_network_log_type") or "SERVICE"

    def request(self, resolve=True):
        return {
            "resourceIdentifier": self.target if resolve else None,
            "destinationArn": self.params["destination_arn"],
            "serviceNetworkLogType": self.params.get("service_network_log_type"),
        }

    def lookup(self):
        if self.target is None:
            return None
        wanted = destination_service(self.params["destination_arn"])
        option = attachment_option(self.params)[0]
        items = self.api.paginate(
            self.list_operation, "items", f"list the access log subscriptions of {option} {self.target}",
            resourceIdentifier=self.target,
        )
        found = [
            i for i in items
            if destination_service(i["destinationArn"]) == wanted
            and (self.log_type is None or i.get("serviceNetworkLogType", "SERVICE") == self.log_type)
        ]
        return self.get_raw(found[0]["id"]) if found else None
