# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""RAM resource shares (ram_resource_share, ram_resource_share_info).

Operations: get_resource_shares, get_resource_share_associations, list_resources,
list_principals (via the associations), list_resource_share_permissions,
get_permission, create_resource_share, update_resource_share (allowExternalPrincipals),
delete_resource_share, associate_resource_share / disassociate_resource_share
(resources and principals), associate_resource_share_permission, tag_resource,
untag_resource; organizations describe_organization for the word 'organization'.
RAM allows several shares of one name; this module manages a share by name.
"""

import re
import time
import uuid
from functools import cached_property

from ansible_collections.amazon.aws.plugins.module_utils.tagging import boto3_tag_list_to_ansible_dict
from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._core.errors import InvalidParameter
from .._core.resource import Change
from .._core.resource import ResourceManager
from .._core.waiting import NOT_FOUND_GRACE
from .._core.waiting import wait_until
from .._core.waiting import wait_until_gone
from .client import AnsibleRAMError
from .client import OrganizationsClient
from .client import RAMClient

SELF = "SELF"
OTHER_ACCOUNTS = "OTHER-ACCOUNTS"
ORGANIZATION = "organization"

# Associations in these states grant (or are about to grant, or keep while an
# account is suspended) access: RAM API reference, ResourceShareAssociation.status.
# DISASSOCIATED and FAILED ones stay listed by AWS for a while and are history.
LIVE_ASSOCIATIONS = ("ASSOCIATING", "ASSOCIATED", "SUSPENDED", "SUSPENDING", "RESTORING")
IN_FLIGHT = ("ASSOCIATING", "DISASSOCIATING")
GONE_SHARES = ("DELETING", "DELETED")
# An account ID principal stays ASSOCIATING until it accepts an invitation when it is
# outside the organization, or when the organization has not enabled RAM sharing:
# that can take days, so the wait gives it this long and then reports it.
PRINCIPAL_GRACE = 30

_PARTITION = r"arn:aws(?:-[a-z]+)*"
ACCOUNT_ID = re.compile(r"\d{12}")
ORGANIZATION_ARN = re.compile(_PARTITION + r":organizations::\d{12}:organization/o-[a-z0-9]{10,32}")
PRINCIPAL_PATTERNS = (
    ACCOUNT_ID,
    ORGANIZATION_ARN,
    re.compile(_PARTITION + r":organizations::\d{12}:ou/o-[a-z0-9]{10,32}/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}"),
    re.compile(_PARTITION + r":iam::\d{12}:(?:root|role/.+|user/.+)"),
    re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com"),
)
RESOURCE_ARN = re.compile(_PARTITION + r":[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+")
SHARE_ARN = re.compile(_PARTITION + r":ram:[a-z0-9-]+:\d{12}:resource-share/.+")
PERMISSION_ARN = re.compile(_PARTITION + r":ram:[a-z0-9-]*:(?:aws|\d{12}):permission/.+")

# The services whose resources RAM can share: the RAM user guide's "Shareable AWS
# resources" page (the resource types `aws ram list-resource-types` returns are
# "<service>:<Type>"). IAM, Lambda, SQS, S3 buckets and the like are not among them:
# RAM answers "MalformedArnException"/"InvalidParameterException" for them, so
# they are refused here before any call.
SHAREABLE_SERVICES = frozenset((
    "acm-pca", "appmesh", "aps", "backup", "codebuild", "codeconnections", "datazone", "ec2",
    "evs", "glue", "imagebuilder", "iotfleetwise", "license-manager", "license-manager-linux-subscriptions",
    "lakeformation", "mediapackagev2", "network-firewall", "networkmanager", "outposts", "pca-connector-ad",
    "rds", "resource-groups", "route53-recovery-control-config", "route53profiles",
    "route53resolver", "s3-outposts", "sagemaker", "servicecatalog", "ssm", "ssm-contacts", "ssm-incidents",
    "vpc-lattice",
))


def validate_shareable(arns, option="resource_arns"):
    for index, arn in enumerate(arns or []):
        service = arn.split(":")[2]
        if service not in SHAREABLE_SERVICES:
            raise InvalidParameter(
                f"{option}[{index}]",
                f"{arn!r} is a {service} resource, which AWS RAM cannot share; shareable are resources of "
                f"{', '.join(sorted(SHAREABLE_SERVICES))} (RAM user guide, Shareable AWS resources)",
            )


# RAM resource type names, by ARN service and resource prefix, as ListResources lists
# them. An owned share whose resources are all of these types is described without
# ListResources; for any other type (and in check mode's prediction, a guess from the
# ARN) the type comes from ListResources.
KNOWN_RESOURCE_TYPES = {
    ("vpc-lattice", "service"): "vpc-lattice:Service",
    ("vpc-lattice", "servicenetwork"): "vpc-lattice:ServiceNetwork",
    ("vpc-lattice", "resourceconfiguration"): "vpc-lattice:ResourceConfiguration",
    ("ec2", "subnet"): "ec2:Subnet",
    ("ec2", "prefix-list"): "ec2:PrefixList",
    ("ec2", "transit-gateway"): "ec2:TransitGateway",
    ("route53resolver", "resolver-rule"): "route53resolver:ResolverRule",
}


def _service_and_resource(arn):
    """('vpc-lattice', 'service') for arn:aws:vpc-lattice:<region>:<account>:service/svc-..."""
    parts = arn.split(":", 5)
    return parts[2], re.split(r"[/:]", parts[5], maxsplit=1)[0]


def known_resource_type(arn):
    """The RAM resource type of an ARN of KNOWN_RESOURCE_TYPES, or None."""
    return KNOWN_RESOURCE_TYPES.get(_service_and_resource(arn))


def resource_type_of(arn):
    """The RAM resource type an ARN will be listed with, as far as it can be told from the ARN."""
    service, resource = _service_and_resource(arn)
    return known_resource_type(arn) or f"{service}:" + "".join(word.capitalize() for word in resource.split("-"))


def validate_principals(principals, option="principals"):
    for index, principal in enumerate(principals or []):
        if principal == ORGANIZATION:
            continue
        if not any(p.fullmatch(principal) for p in PRINCIPAL_PATTERNS):
            raise InvalidParameter(
                f"{option}[{index}]",
                f"{principal!r} is not an account ID (12 digits), an organization or OU ARN, an IAM role or user ARN, "
                f"a service principal, or the word '{ORGANIZATION}'",
            )


def validate_arns(values, pattern, option, what):
    for index, value in enumerate(values or []):
        if not pattern.fullmatch(value):
            raise InvalidParameter(f"{option}[{index}]", f"{value!r} is not {what}")


def latest(associations):
    """One association per associated entity, the most recent: AWS keeps old FAILED/DISASSOCIATED records."""
    newest = {}
    for association in associations:
        entity = association["associatedEntity"]
        stamp = association.get("lastUpdatedTime") or association.get("creationTime")
        known = newest.get(entity)
        if known is None or (stamp and (known[0] is None or stamp >= known[0])):
            newest[entity] = (stamp, association)
    return [entry[1] for entry in newest.values()]


def live(associations):
    return [a for a in latest(associations) if a.get("status") in LIVE_ASSOCIATIONS]


# ListResources and GetResourceShareAssociations take a list of share ARNs and name each
# item's share (resourceShareArn), so several shares are read with one call per kind. The
# API reference and botocore's model give the list no maximum; 50 per call is our bound.
SHARES_PER_CALL = 50


def _per_share(api, operation, key, description, share_arns, **request):
    """{share ARN: its items} of ``operation`` for ``share_arns``, SHARES_PER_CALL shares per call."""
    items = {arn: [] for arn in share_arns}
    for first in range(0, len(share_arns), SHARES_PER_CALL):
        batch = share_arns[first:first + SHARES_PER_CALL]
        shares = f"resource share {batch[0]}" if len(batch) == 1 else f"{len(batch)} resource shares"
        for item in api.paginate(operation, key, f"{description} of {shares}", resourceShareArns=batch, **request):
            items.setdefault(item.get("resourceShareArn"), []).append(item)
    return items


def shares_associations(api, share_arns, association_type):
    """{share ARN: its associations of ``association_type``} (RESOURCE or PRINCIPAL), all statuses."""
    return _per_share(api, "get_resource_share_associations", "resourceShareAssociations",
                      f"list the {association_type.lower()} associations", share_arns,
                      associationType=association_type)


def share_associations(api, share_arn, association_type):
    return shares_associations(api, [share_arn], association_type)[share_arn]


def describe_shares(api, raws, owner):
    """The module output for shares as GetResourceShares returns them, in the same order.

    Owned shares list resources and principals from their associations, so the
    association status (``ASSOCIATING`` for a principal that has not accepted
    yet) is visible; shares of other accounts list what ListResources returns.
    Each list is read once for all the shares (``_per_share``), not once per share.
    """
    shares = []
    for raw in raws:
        share = boto3_resource_to_ansible_dict(raw, transform_tags=False, force_tags=False)
        share["arn"] = share.pop("resource_share_arn")
        share["tags"] = boto3_tag_list_to_ansible_dict(raw.get("tags") or [], "key", "value")
        shares.append(share)
    arns = [share["arn"] for share in shares]
    if not arns:
        return []

    def listed(share_arns):
        return _per_share(api, "list_resources", "resources", "list the resources", share_arns, resourceOwner=owner)

    if owner != SELF:
        resources = listed(arns)
        for share in shares:
            share["resources"] = sorted(
                ({"arn": r["arn"], "type": r.get("type"), "status": r.get("status")} for r in resources[share["arn"]]),
                key=lambda r: r["arn"],
            )
        return shares

    def associations(association_type):
        return {arn: live(items) for arn, items in shares_associations(api, arns, association_type).items()}

    associated = associations("RESOURCE")
    # Only a type the ARN does not tell needs ListResources (a read less per run).
    untold = [arn for arn in arns if any(known_resource_type(a["associatedEntity"]) is None for a in associated[arn])]
    types = {r["arn"]: r.get("type") for items in listed(untold).values() for r in items} if untold else {}
    principals = associations("PRINCIPAL")
    for share in shares:
        share["resources"] = sorted(
            (
                {
                    "arn": a["associatedEntity"],
                    "type": types.get(a["associatedEntity"]) or resource_type_of(a["associatedEntity"]),
                    "status": a["status"],
                }
                for a in associated[share["arn"]]
            ),
            key=lambda r: r["arn"],
        )
        share["principals"] = sorted(
            (
                {"id": a["associatedEntity"], "status": a["status"], "external": bool(a.get("external"))}
                for a in principals[share["arn"]]
            ),
            key=lambda p: p["id"],
        )
    return shares


def describe_share(api, raw, owner):
    """``describe_shares`` of one share, or None."""
    return describe_shares(api, [raw], owner)[0] if raw is not None else None


def with_statuses(share, associations):
    """An owned ``share`` with the statuses of ``associations``, read after it: what settled in
    between shows as settled, what ended is left out, what started is added (as a share read
    now would list them), so that the share a wait returns is never older than what it waited for."""
    newer = {(a["associationType"], a["associatedEntity"]): a for a in associations}

    def merged(items, kind, key, new_item):
        listed = {}
        for item in items:
            association = newer.get((kind, item[key]))
            listed[item[key]] = dict(item, status=association["status"]) if association else item
        for (association_kind, entity), association in newer.items():
            if association_kind == kind and entity not in listed:
                listed[entity] = new_item(association)
        return sorted((i for i in listed.values() if i["status"] in LIVE_ASSOCIATIONS), key=lambda i: i[key])

    share["resources"] = merged(share["resources"], "RESOURCE", "arn", lambda a: {
        "arn": a["associatedEntity"], "type": resource_type_of(a["associatedEntity"]), "status": a["status"]})
    share["principals"] = merged(share["principals"], "PRINCIPAL", "id", lambda a: {
        "id": a["associatedEntity"], "status": a["status"], "external": bool(a.get("external"))})
    return share


def find_shares(api, owner, name=None, arn=None, status=None):
    request = dict(resourceOwner=owner)
    if name:
        request["name"] = name
    if arn:
        request["resourceShareArns"] = [arn]
    if status:
        request["resourceShareStatus"] = status
    shares = api.paginate("get_resource_shares", "resourceShares", "list resource shares", **request)
    if not status:
        # AWS keeps deleted shares listed for a while; they are history, not state.
        shares = [s for s in shares if s.get("status") not in GONE_SHARES]
    return sorted(shares, key=lambda s: (s.get("name", ""), s.get("resourceShareArn", "")))


def _tag_list(tags):
    return [{"key": k, "value": str(v)} for k, v in sorted(tags.items())]


class ResourceShareManager(ResourceManager):
    client_class = RAMClient
    result_key = "resource_share"
    description = "resource share"

    # --- input ------------------------------------------------------------------
    def validate(self):
        super().validate()
        name = self.params["name"]
        if not name.strip():
            raise InvalidParameter("name", "must not be empty")
        validate_arns(self.params.get("resource_arns"), RESOURCE_ARN, "resource_arns", "a resource ARN")
        validate_shareable(self.params.get("resource_arns"))
        validate_principals(self.params.get("principals"))
        validate_arns(self.params.get("permission_arns"), PERMISSION_ARN, "permission_arns", "a RAM permission ARN")

    # The organization principal of the share as read (read()), if it has exactly one.
    shared_organization = None

    @cached_property
    def desired_principals(self):
        """The principals option with 'organization' replaced by the caller's organization ARN."""
        if self.params.get("principals") is None:
            return None
        resolved = []
        for principal in self.params["principals"]:
            if principal == ORGANIZATION:
                principal = self.shared_organization or self.described_organization()
            if principal not in resolved:
                resolved.append(principal)
        return resolved

    def described_organization(self):
        organization = OrganizationsClient(self.module).organization()
        if organization is None:
            raise InvalidParameter(
                "principals",
                f"'{ORGANIZATION}' means the caller's AWS Organization, but this account is not in one; "
                "give account IDs instead",
            )
        return organization["Arn"]

    @property
    def desired_resources(self):
        resources = self.params.get("resource_arns")
        return None if resources is None else sorted(set(resources))

    # --- reading ------------------------------------------------------------------
    def get(self):
        shares = find_shares(self.api, SELF, name=self.params["name"])
        if len(shares) > 1:
            arns = ", ".join(s["resourceShareArn"] for s in shares)
            raise AnsibleRAMError(
                message=f"Several resource shares are named {self.params['name']!r} ({arns}); "
                "RAM allows duplicate names but this module manages a share by name: delete the extra shares first"
            )
        return self.read(shares[0]) if shares else None

    def read(self, raw):
        share = describe_share(self.api, raw, SELF)
        # An organization the caller's share is associated with is the caller's own: RAM shares only
        # with "the accounts in the calling account's organization" (EnableSharingWithAwsOrganization,
        # RAM API reference). It stands for the word 'organization' without DescribeOrganization (a
        # read less per run once the share exists); an account in no organization has no such principal.
        organizations = {p["id"] for p in (share or {}).get("principals", []) if ORGANIZATION_ARN.fullmatch(p["id"])}
        if len(organizations) == 1 and self.shared_organization is None:
            self.shared_organization = organizations.pop()
        if share is not None and self.params.get("permission_arns") is not None:
            share["permission_arns"] = sorted(p["arn"] for p in self.permissions(share["arn"]))
        return share

    def read_arn(self, arn):
        found = find_shares(self.api, SELF, arn=arn)
        return self.read(found[0]) if found else None

    def refresh(self, current):
        return self.read_arn(current["arn"])

    def permissions(self, share_arn):
        # ListResourceSharePermissions has no botocore paginator: follow nextToken here.
        permissions, token = [], None
        while True:
            page = self.api.call(
                "list_resource_share_permissions", f"list the permissions of resource share {share_arn}",
                resourceShareArn=share_arn, **({"nextToken": token} if token else {}),
            )
            permissions.extend(page.get("permissions", []))
            token = page.get("nextToken")
            if not token:
                return permissions

    def permission_resource_type(self, permission_arn):
        permission = self.api.call("get_permission", f"get permission {permission_arn}", permissionArn=permission_arn)
        # RAM spells resource types in more than one case (VPC-LATTICE:SERVICE in permissions).
        return (permission["permission"].get("resourceType") or "").lower()

    # --- create and delete --------------------------------------------------------
    def predict(self):
        predicted = {
            "name": self.params["name"],
            "arn": None,
            "status": "ACTIVE",
            "allow_external_principals": bool(self.params["allow_external_principals"]),
            "tags": {k: str(v) for k, v in (self.params.get("tags") or {}).items()},
            "resources": self._predicted_resources([]),
            "principals": self._predicted_principals([]),
        }
        if self.params.get("permission_arns") is not None:
            predicted["permission_arns"] = sorted(set(self.params["permission_arns"]))
        return predicted

    def create(self):
        request = dict(name=self.params["name"], allowExternalPrincipals=bool(self.params["allow_external_principals"]))
        if self.desired_resources:
            request["resourceArns"] = self.desired_resources
        if self.desired_principals:
            request["principals"] = self.desired_principals
        if self.params.get("permission_arns"):
            request["permissionArns"] = sorted(set(self.params["permission_arns"]))
        if self.params.get("tags"):
            request["tags"] = _tag_list(self.params["tags"])
        created = self.api.call(
            "create_resource_share", f"create resource share {request['name']}", clientToken=str(uuid.uuid4()),
            **request,
        )["resourceShare"]
        arn = created["resourceShareArn"]
        # terraform-provider-aws retries reading a new share for a minute: RAM is eventually consistent.
        return wait_until(
            lambda: self.read_arn(arn), f"resource share {arn}", ready=lambda share: share is not None,
            goal="to be readable after its creation", timeout=min(self.wait_timeout, NOT_FOUND_GRACE),
        )

    def delete(self, current):
        self.api.call_unless_missing(
            "delete_resource_share", f"delete resource share {current['arn']}", resourceShareArn=current["arn"],
            clientToken=str(uuid.uuid4()),
        )

    def set_tags(self, current, to_set, to_unset):
        if to_unset:
            self.api.call("untag_resource", f"untag resource share {current['arn']}",
                          resourceShareArn=current["arn"], tagKeys=sorted(to_unset))
        if to_set:
            self.api.call("tag_resource", f"tag resource share {current['arn']}",
                          resourceShareArn=current["arn"], tags=_tag_list(to_set))

    # --- updates --------------------------------------------------------------------
    def _difference(self, current_ids, desired, purge):
        if desired is None:
            return [], []
        to_add = sorted(set(desired) - set(current_ids))
        to_remove = sorted(set(current_ids) - set(desired)) if purge else []
        return to_add, to_remove

    def _predicted_resources(self, current):
        to_add, to_remove = self._difference(
            [r["arn"] for r in current], self.desired_resources, self.params["purge_resources"]
        )
        kept = [r for r in current if r["arn"] not in to_remove]
        added = [{"arn": arn, "type": resource_type_of(arn), "status": "ASSOCIATED"} for arn in to_add]
        return sorted(kept + added, key=lambda r: r["arn"])

    def _predicted_principals(self, current):
        to_add, to_remove = self._difference(
            [p["id"] for p in current], self.desired_principals, self.params["purge_principals"]
        )
        kept = [p for p in current if p["id"] not in to_remove]
        added = [{"id": principal, "status": "ASSOCIATED", "external": False} for principal in to_add]
        return sorted(kept + added, key=lambda p: p["id"])

    def _associations_change(self, operation, share_arn, resource_arns, principals):
        request = {}
        if resource_arns:
            request["resourceArns"] = sorted(resource_arns)
        if principals:
            request["principals"] = sorted(principals)
        verb, preposition = operation.split("_")[0], "to" if operation.startswith("associate") else "from"
        what = ", ".join(request.get("resourceArns", []) + request.get("principals", []))
        return lambda: self.api.call(
            operation, f"{verb} {what} {preposition} resource share {share_arn}", resourceShareArn=share_arn,
            clientToken=str(uuid.uuid4()), **request,
        )

    def changes(self, current):
        arn = current["arn"]
        res_add, res_remove = self._difference(
            [r["arn"] for r in current["resources"]], self.desired_resources, self.params["purge_resources"]
        )
        pri_add, pri_remove = self._difference(
            [p["id"] for p in current["principals"]], self.desired_principals, self.params["purge_principals"]
        )
        allow = self.params["allow_external_principals"]
        external_change = None
        if allow is not None and allow != current.get("allow_external_principals"):
            external_change = Change({"allow_external_principals": allow}, lambda: self.api.call(
                "update_resource_share", f"update allow_external_principals of resource share {arn}",
                resourceShareArn=arn, allowExternalPrincipals=allow, clientToken=str(uuid.uuid4()),
            ))

        changes = []
        # Allow external principals before adding them, and forbid them only once
        # the ones to remove are gone, so neither call is refused.
        if external_change and allow:
            changes.append(external_change)
        predicted = {"resources": self._predicted_resources(current["resources"]),
                     "principals": self._predicted_principals(current["principals"])}
        if res_add or pri_add:
            changes.append(Change(predicted, self._associations_change("associate_resource_share", arn,
                                                                       res_add, pri_add)))
        if res_remove or pri_remove:
            changes.append(Change(predicted, self._associations_change("disassociate_resource_share", arn,
                                                                       res_remove, pri_remove)))
        changes.extend(self._permission_changes(current))
        if external_change and not allow:
            changes.append(external_change)
        return changes

    def _permission_changes(self, current):
        wanted = self.params.get("permission_arns")
        if wanted is None or "permission_arns" not in current:
            return []
        missing = sorted(set(wanted) - set(current["permission_arns"]))
        if not missing:
            return []
        # Associating with replace=true swaps out the permission of the same
        # resource type, so the prediction drops the current ones of those types.
        types = {arn: self.permission_resource_type(arn) for arn in set(current["permission_arns"]) | set(missing)}
        replaced = {types[arn] for arn in missing}
        kept = [arn for arn in current["permission_arns"] if types[arn] not in replaced]
        predicted = {"permission_arns": sorted(set(kept) | set(missing))}

        def apply():
            for permission_arn in missing:
                self.api.call(
                    "associate_resource_share_permission",
                    f"associate permission {permission_arn} with resource share {current['arn']}",
                    resourceShareArn=current["arn"], permissionArn=permission_arn, replace=True,
                    clientToken=str(uuid.uuid4()),
                )

        return [Change(predicted, apply)]

    # --- waiting --------------------------------------------------------------------
    def _settling(self, arn):
        """The share and the latest record of each of its associations, read together."""
        share = self.read_arn(arn)
        if share is None:
            return None
        associations = latest(share_associations(self.api, arn, "PRINCIPAL"))
        associations += latest(share_associations(self.api, arn, "RESOURCE"))
        return {"share": with_statuses(share, associations), "associations": associations}

    @staticmethod
    def _awaits_invitation(association):
        return (
            association["associationType"] == "PRINCIPAL"
            and association["status"] == "ASSOCIATING"
            and ACCOUNT_ID.fullmatch(association["associatedEntity"])
        )

    def _is_settled(self, state, waited):
        if state is None or state["share"]["status"] != "ACTIVE":
            return False
        busy = [
            a for a in state["associations"]
            if a["status"] in IN_FLIGHT and not (self._awaits_invitation(a) and (a.get("external") or waited()))
        ]
        return not busy

    def _failure(self, state):
        share = state["share"]
        if share["status"] == "FAILED":
            return f"is FAILED: {share.get('status_message') or 'no reason given'}"
        failed = [a for a in state["associations"] if a["status"] == "FAILED" and self._wanted(a)]
        if not failed:
            return None
        reasons = "; ".join(f"{a['associatedEntity']}: {a.get('statusMessage') or 'no reason given'}" for a in failed)
        if any(a["associationType"] == "PRINCIPAL" for a in failed) and not share["allow_external_principals"]:
            reasons += (
                ". A principal outside your AWS Organization can only be added when allow_external_principals is true"
            )
        return f"could not associate {reasons}"

    def _wanted(self, association):
        entity = association["associatedEntity"]
        if association["associationType"] == "RESOURCE":
            return entity in (self.desired_resources or [])
        return entity in (self.desired_principals or [])

    def wait_ready(self, resource, clock=time.monotonic):
        start = clock()
        settled = wait_until(
            lambda: self._settling(resource["arn"]),
            f"resource share {resource['arn']}",
            ready=lambda state: self._is_settled(state, lambda: clock() - start >= PRINCIPAL_GRACE),
            goal="to finish associating its resources and principals",
            failure=self._failure,
            state=lambda state: "not found" if state is None else "associating",
            timeout=self.wait_timeout,
        )
        share = settled["share"]
        pending = [p["id"] for p in share["principals"] if p["status"] == "ASSOCIATING"]
        if pending:
            self.module.warn(
                f"Principals {', '.join(pending)} are still ASSOCIATING: they see nothing until they accept the "
                "invitation (lattice.multi_account.ram_resource_share_invitation). An account inside your "
                "organization gets an invitation only when RAM sharing with AWS Organizations is off: enable it "
                "with lattice.multi_account.ram_organization_sharing from the management account"
            )
        return share

    def wait_gone(self, resource):
        return wait_until_gone(
            lambda: self.read_arn(resource["arn"]), f"resource share {resource['arn']}", timeout=self.wait_timeout
        )
