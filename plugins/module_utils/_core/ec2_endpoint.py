# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the EC2 endpoints (Instance Connect endpoints, VPC endpoints) share.

Both are EC2 resources without a name: described by ID or by filters, tagged
through CreateTags / DeleteTags, created with a ClientToken, and polled by a
``State`` that AWS keeps listing for a while after a delete.  The resource
files (``_ec2_instance_connect/instance_connect_endpoint.py``,
``_ec2_vpc_endpoint/lattice_endpoint.py``) name their operations and states;
this file holds only the logic around them.
"""

import re
from functools import partial

from ansible_collections.amazon.aws.plugins.module_utils.ec2 import add_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.ec2 import remove_ec2_tags
from ansible_collections.amazon.aws.plugins.module_utils.tagging import boto3_tag_specifications
from ansible_collections.amazon.aws.plugins.module_utils.transformation import ansible_dict_to_boto3_filter_list

from .client import AWSClient
from .errors import InvalidParameter
from .resource import ResourceManager
from .waiting import NOT_FOUND_GRACE
from .waiting import wait_until
from .waiting import wait_until_gone

# EC2 resource IDs: a prefix and 8 (older resources) or 17 hexadecimal digits.
SUBNET_ID = re.compile(r"subnet-[0-9a-f]{8,17}")
SECURITY_GROUP_ID = re.compile(r"sg-[0-9a-f]{8,17}")
VPC_ID = re.compile(r"vpc-[0-9a-f]{8,17}")


class EC2Client(AWSClient):
    """The ec2 client of an endpoint package; ``quota_advice`` answers every *LimitExceeded code."""

    service = "ec2"
    quota_advice = None

    def advice(self, code, aws_message, operation):
        if self.quota_advice and code and "LimitExceeded" in code:
            return self.quota_advice
        return super().advice(code, aws_message, operation)


def describe(api, operation, key, ids_member, description, ids=None, filters=None):
    """Every item under ``key`` that ``operation`` finds by ``ids`` (request member ``ids_member``) or ``filters``."""
    request = {}
    if ids:
        request[ids_member] = list(ids)
    if filters:
        request["Filters"] = ansible_dict_to_boto3_filter_list(filters)
    return api.paginate(operation, key, description, **request)


def validate_id(params, option, pattern, what):
    """Raise InvalidParameter when ``params[option]`` is set and does not look like ``what``."""
    value = params.get(option)
    if value is not None and not pattern.fullmatch(value):
        raise InvalidParameter(option, f"{value!r} is not {what}")


def validate_ids(params, option, pattern, what, kind):
    """The same for a list option, which, when set, must hold at least one ``kind``."""
    values = params.get(option)
    for index, value in enumerate(values or []):
        if not pattern.fullmatch(value):
            raise InvalidParameter(f"{option}[{index}]", f"{value!r} is not {what}")
    if values is not None and not values:
        raise InvalidParameter(option, f"give at least one {kind}, or leave it unset")


class EC2EndpointManager(ResourceManager):
    """An EC2 endpoint: read by ID, found by filters, tagged with EC2 tags, waited for by its state.

    A subclass declares ``id_key`` (its ID in the module's shape), ``resource_type``
    (for TagSpecifications), its states, ``failure_key`` (where AWS says why it
    failed), ``ready_goal``, and implements ``describe`` and ``normalize``.
    """

    id_key = None
    resource_type = None
    ready_states = ()
    failed_states = ()
    # States AWS still lists an endpoint in after deleting it: it is gone.
    gone_states = ()
    # The state of an endpoint being deleted: no longer the one a search by filters finds.
    deleting_state = None
    failure_key = None
    ready_goal = None

    def describe(self, ids=None, filters=None):
        """The raw endpoints (API spelling) with these IDs or matching these filters."""
        raise NotImplementedError

    def normalize(self, raw):
        """The module's shape of one raw endpoint."""
        raise NotImplementedError

    # --- reading ----------------------------------------------------------------
    def read(self, endpoint_id):
        found = [e for e in self.describe(ids=[endpoint_id]) if e.get("State") not in self.gone_states]
        return self.normalize(found[0]) if found else None

    def refresh(self, current):
        return self.read(current[self.id_key])

    def find(self, filters, matches=lambda raw: True):
        """The first endpoint the filters find that ``matches`` and is not being deleted, or None."""
        leaving = self.gone_states + (self.deleting_state,)
        found = [e for e in self.describe(filters=filters) if matches(e) and e.get("State") not in leaving]
        return self.normalize(found[0]) if found else None

    def failure(self, endpoint):
        if endpoint.get("state") in self.failed_states:
            return f"is {endpoint['state']}: {endpoint.get(self.failure_key) or 'no reason given'}"
        return None

    # --- creating ---------------------------------------------------------------
    def tag_specifications(self):
        """TagSpecifications for the create request: the tags the user asked for, or nothing."""
        if not self.params.get("tags"):
            return {}
        return {"TagSpecifications": boto3_tag_specifications(self.params["tags"], types=[self.resource_type])}

    def predicted_tags(self):
        return {k: str(v) for k, v in (self.params.get("tags") or {}).items()}

    def created(self, endpoint_id, raw):
        """The endpoint a create call answered with (``raw``), as the next read sees it."""
        if not self.wait:
            return self.read(endpoint_id) or self.normalize(raw)
        # EC2 is eventually consistent: a new endpoint may not be described for a moment.
        return wait_until(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}",
            ready=lambda endpoint: endpoint is not None, goal="to be readable after its creation",
            timeout=min(self.wait_timeout, NOT_FOUND_GRACE),
        )

    # --- updating ---------------------------------------------------------------
    def changed_ids(self, option, current):
        """The sorted IDs ``option`` asks for when they differ from the endpoint's, else None."""
        wanted = self.params.get(option)
        if wanted is None or sorted(set(wanted)) == current.get(option):
            return None
        return sorted(set(wanted))

    def set_tags(self, current, to_set, to_unset):
        endpoint_id = current[self.id_key]
        remove_ec2_tags(self.api.client, self.module, endpoint_id, to_unset)
        add_ec2_tags(self.api.client, self.module, endpoint_id, to_set)

    # --- waiting ----------------------------------------------------------------
    def wait_ready(self, resource):
        endpoint_id = resource[self.id_key]
        return wait_until(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}",
            ready=lambda endpoint: endpoint is not None and endpoint["state"] in self.ready_states,
            goal=self.ready_goal, failure=self.failure,
            state=lambda endpoint: "not found" if endpoint is None else endpoint["state"],
            timeout=self.wait_timeout, current=resource,
        )

    def wait_gone(self, resource):
        endpoint_id = resource[self.id_key]
        return wait_until_gone(
            partial(self.read, endpoint_id), f"{self.description} {endpoint_id}", failure=self.failure,
            state=lambda endpoint: endpoint["state"], timeout=self.wait_timeout,
        )
