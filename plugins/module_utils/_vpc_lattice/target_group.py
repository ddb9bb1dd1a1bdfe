# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Target groups and their targets (vpc_lattice_target_group, vpc_lattice_target_group_info).

Operations: get_target_group, list_target_groups, create_target_group,
update_target_group (the health check is all AWS can change), delete_target_group,
list_targets, register_targets, deregister_targets.  Type and the rest of the
config are immutable: changing them replaces the group when ``replace`` is set.
"""

import ipaddress
import re

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible.module_utils.common.dict_transformations import snake_dict_to_camel_dict

from ansible_collections.amazon.aws.plugins.module_utils.transformation import scrub_none_parameters

from .._core.errors import InvalidParameter
from .._core.resource import Change
from .._core.waiting import wait_until
from .client import AnsibleLatticeError
from .lattice_resource import LatticeManager
from .lattice_resource import deep_merge
from .lattice_resource import is_subset
from .validation import validate_request

# Settings that only make sense for targets reached over the network.
NETWORK_SETTINGS = ("port", "protocol", "protocol_version", "vpc_identifier", "ip_address_type", "health_check")


# What a target ID is, per target group type (VPC Lattice API reference, Target.id:
# "the ID or ARN of the target ... If the target group type is INSTANCE, this is an
# instance ID. If the target group type is IP, this is an IP address. If the target
# group type is LAMBDA, this is the ARN of a Lambda function. If the target group type
# is ALB, this is the ARN of an Application Load Balancer").
_LAMBDA_ARN = re.compile(r"arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?")
_ALB_ARN = re.compile(r"arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer/app/.+")
_INSTANCE_ID = re.compile(r"i-[0-9a-f]{8}(?:[0-9a-f]{9})?")


def _is_ip(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


TARGET_IDS = {
    "LAMBDA": (
        lambda v: bool(_LAMBDA_ARN.fullmatch(v)),
        "the ARN of a Lambda function (arn:aws:lambda:<region>:<account>:function:<name>), not its name",
    ),
    "ALB": (lambda v: bool(_ALB_ARN.fullmatch(v)), "the ARN of an Application Load Balancer"),
    "INSTANCE": (lambda v: bool(_INSTANCE_ID.fullmatch(v)), "an EC2 instance ID (i- and 8 or 17 hex digits)"),
    "IP": (_is_ip, "an IPv4 or IPv6 address"),
}


def validate_targets(group_type, targets):
    """Each target's ID must be what a group of ``group_type`` registers (names are not resolved)."""
    is_valid, allowed = TARGET_IDS.get(group_type, (None, None))
    for index, target in enumerate(targets):
        if is_valid and not is_valid(target["id"]):
            raise InvalidParameter(
                f"targets[{index}].id", f"{target['id']!r} is not {allowed}, which a {group_type} target group takes"
            )
        if group_type == "LAMBDA" and target.get("port") is not None:
            raise InvalidParameter(f"targets[{index}].port", "a LAMBDA target has no port")


def _key(target):
    return target["id"], target.get("port")


def _matches(wanted, actual):
    # A target registered without a port gets the group's port: any port matches then.
    return wanted["id"] == actual["id"] and wanted.get("port") in (None, actual.get("port"))


class TargetGroupManager(LatticeManager):
    description = "target group"
    result_key = "target_group"
    id_prefix = "tg"
    identifier_member = "targetGroupIdentifier"
    get_operation = "get_target_group"
    list_operation = "list_target_groups"
    create_operation = "create_target_group"
    update_operation = "update_target_group"
    delete_operation = "delete_target_group"
    in_use_advice = (
        "a listener or listener rule still forwards to it; change or delete those "
        "(vpc_lattice_listener / vpc_lattice_listener_rule) first"
    )
    replaceable = True
    # (id, port) of the targets this run deregistered.
    deregistered = frozenset()

    @property
    def config(self):
        return scrub_none_parameters(self.params.get("config") or {})

    def request(self, resolve=True):
        return {
            "name": self.params["name"],
            "type": self.params.get("type"),
            "config": snake_dict_to_camel_dict(self.config) if self.config else None,
        }

    def validate(self):
        super().validate()
        group_type = self.params.get("type")
        if group_type == "LAMBDA":
            wrong = [k for k in NETWORK_SETTINGS if k in self.config]
            if wrong:
                raise InvalidParameter(f"config.{wrong[0]}", "a LAMBDA target group has no network configuration")
        elif group_type:
            if "lambda_event_structure_version" in self.config:
                raise InvalidParameter("config.lambda_event_structure_version", "only LAMBDA target groups have it")
        targets = [scrub_none_parameters(t) for t in self.params.get("targets") or []]
        if targets:
            validate_targets(group_type, targets)
            validate_request(self.api.service_model, "RegisterTargets", {"targets": targets})

    def validate_create(self):
        group_type = self.params["type"]
        missing = [k for k in ("port", "protocol", "vpc_identifier") if k not in self.config]
        if group_type in ("IP", "INSTANCE") and missing:
            raise InvalidParameter(f"config.{missing[0]}", f"required to create a target group of type {group_type}")

    def raw_of(self, item):
        """A LAMBDA group as GetTargetGroup answers it, from its list item: the whole config of a
        LAMBDA group is its event structure version, which the item carries (botocore's model,
        TargetGroupSummary.lambdaEventStructureVersion), a read less per group and run. Any
        other type, and a failed group (its failure reason is only in the Get), is read."""
        if (item.get("type") == "LAMBDA" and item.get("lambdaEventStructureVersion")
                and not (item.get("status") or "").endswith("_FAILED")):
            raw = {k: v for k, v in item.items() if k != "lambdaEventStructureVersion"}
            return dict(raw, config={"lambdaEventStructureVersion": item["lambdaEventStructureVersion"]})
        return super().raw_of(item)

    def lookup(self):
        if self.parents is None:
            return None
        item = self.api.named(self, self.ident, **self.parents)
        return self.raw_of(item) if item else None

    def listed_targets(self, group_id):
        items = self.api.paginate(
            "list_targets", "items", f"list the targets of target group {group_id}", targetGroupIdentifier=group_id
        )
        return [camel_dict_to_snake_dict(t) for t in items]

    def extra(self, raw):
        if raw is None:
            return {"targets": []}
        # A target this run deregistered is on its way out, but AWS keeps listing it
        # until it is gone: DRAINING, or UNUSED in a group no service uses
        # (terraform-provider-aws #41601, #46793). It is no longer a target of the group.
        return {"targets": [t for t in self.listed_targets(raw["id"]) if _key(t) not in self.deregistered]}

    def wait_ready(self, resource):
        resource = super().wait_ready(resource)
        if self.deregistered:
            # Like terraform-provider-aws's attachment delete waiter: until ListTargets no
            # longer lists them, a next run would see the deregistered targets again.
            wait_until(
                lambda: [t for t in self.listed_targets(resource["id"]) if _key(t) in self.deregistered],
                f"the targets deregistered from target group {resource['id']}",
                ready=lambda leaving: not leaving, goal="to be gone",
                state=lambda leaving: ", ".join(f"{t['id']} {t.get('status')}" for t in leaving),
                timeout=self.wait_timeout,
            )
        return resource

    def immutable_differences(self, current):
        config = dict(self.wanted.get("config") or {})
        config.pop("healthCheck", None)
        differ = []
        if self.wanted.get("type") and self.wanted["type"] != current.get("type"):
            differ.append("type")
        if config and not is_subset(camel_dict_to_snake_dict(config), current.get("config")):
            differ.append("config")
        return differ

    def changes(self, current):
        return [c for c in (self._health_check_change(current), self._targets_change(current)) if c]

    def _health_check_change(self, current):
        health_check = (self.wanted.get("config") or {}).get("healthCheck")
        current_config = current.get("config") or {}
        if not health_check or is_subset(camel_dict_to_snake_dict(health_check), current_config.get("health_check")):
            return None
        predicted = {"config": deep_merge(current_config, {"health_check": camel_dict_to_snake_dict(health_check)})}
        return Change(predicted, lambda: self.update(current, healthCheck=health_check))

    def _targets_change(self, current):
        if self.params.get("targets") is None:
            return None
        wanted = [scrub_none_parameters(t) for t in self.params["targets"]]
        # A DRAINING target is already on its way out: neither registered nor to deregister.
        existing = [t for t in current.get("targets") or [] if t.get("status") != "DRAINING"]
        register = [t for t in wanted if not any(_matches(t, e) for e in existing)]
        deregister = []
        if self.params.get("purge_targets"):
            deregister = [
                {"id": e["id"], **({"port": e["port"]} if e.get("port") else {})}
                for e in existing
                if not any(_matches(t, e) for t in wanted)
            ]
        if not (register or deregister):
            return None
        gone = {_key(t) for t in deregister}
        predicted = [e for e in existing if _key(e) not in gone] + register

        def apply():
            if deregister:
                self.deregistered = self.deregistered | {_key(t) for t in deregister}
                self._check_targets("deregister", current, self.api.call(
                    "deregister_targets", f"deregister targets of target group {current['id']}",
                    targetGroupIdentifier=current["id"], targets=deregister,
                ))
            if register:
                self._check_targets("register", current, self.api.call(
                    "register_targets", f"register targets of target group {current['id']}",
                    targetGroupIdentifier=current["id"], targets=register,
                ))

        return Change({"targets": predicted}, apply)

    @staticmethod
    def _check_targets(action, current, result):
        failed = result.get("unsuccessful") or []
        if failed:
            details = "; ".join(f"{t.get('id')}: {t.get('failureMessage') or t.get('failureCode')}" for t in failed)
            raise AnsibleLatticeError(message=f"Failed to {action} targets of target group {current['id']}: {details}")
