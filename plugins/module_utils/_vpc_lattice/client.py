# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The vpc-lattice client of the vpc_lattice_* modules: errors with advice, tags, names, the caller's account."""

from functools import cached_property

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError

from .._core.client import AWSClient
from .._core.client import collection_client
from .._core.errors import error_code


class AnsibleLatticeError(AnsibleAWSError):
    """A failure of the vpc_lattice_* modules."""


class LatticeClient(AWSClient):
    service = "vpc-lattice"
    error_class = AnsibleLatticeError
    missing_codes = ("ResourceNotFoundException",)
    # The VPC Lattice API reference lists these errors for (nearly) every operation.
    advice_by_code = {
        "ConflictException": "it is busy or in a conflicting state; wait for it to settle and retry",
        "ResourceNotFoundException": (
            "it was not found; check the name, ID or ARN (a resource of another account must be given "
            "by ARN and shared with this account through AWS RAM)"
        ),
        "AccessDeniedException": (
            "this account may not use it; if it belongs to another account, share it with this account "
            "through AWS RAM (and accept the invitation outside an organization), or check the IAM permissions"
        ),
        "ServiceQuotaExceededException": (
            "a VPC Lattice quota is exhausted; delete unused resources or request a quota increase"
        ),
        "ValidationException": "AWS rejected the parameters; check them against the module documentation",
        "ThrottlingException": "AWS kept throttling the requests; retry later",
    }

    def __init__(self, module):
        super().__init__(module)
        self._listed = {}
        self._kept_tags = {}

    @cached_property
    def caller_account(self):
        """The account the credentials act in (one GetCallerIdentity per module run)."""
        sts = collection_client(self.module, "sts", self.retry)
        return sts.get_caller_identity(aws_retry=True)["Account"]

    def listed(self, kind, **parents):
        """The items of ``kind``'s List operation, read once per kind and parents in a module run."""
        key = (kind.list_operation, tuple(sorted(parents.items())))
        if key not in self._listed:
            self._listed[key] = self.paginate(kind.list_operation, "items", f"list {kind.description}s", **parents)
        return self._listed[key]

    def with_name(self, kind, name, **parents):
        """The list items of ``kind`` named ``name`` (``listed``): the caller's and, for the kinds
        other accounts share, theirs."""
        return [item for item in self.listed(kind, **parents) if item.get("name") == name]

    def named(self, kind, name, owned_only=False, **parents):
        """The list item of the ``kind`` named ``name`` (``listed``), or None.

        ``owned_only``: ListServices and ListServiceNetworks also return what other
        accounts share with the caller (the account in the ARN tells the owner), and a
        shared resource of the same name must not shadow the caller's own.
        """
        candidates = self.with_name(kind, name, **parents)
        if owned_only:
            candidates = [item for item in candidates if item["arn"].split(":")[4] == self.caller_account]
        return candidates[0] if candidates else None

    def tags(self, arn, keep=False):
        """Tags of a resource; None when this account may not read them (a resource shared by
        another account). ``keep``: the next read of the same tags answers these without a call
        (LatticeManager.lookup reads them to tell the owner, describing the resource next)."""
        if arn in self._kept_tags:
            return self._kept_tags.pop(arn)
        try:
            tags = self.call("list_tags_for_resource", f"list the tags of {arn}", resourceArn=arn).get("tags", {})
        except AnsibleLatticeError as e:
            if error_code(e) != "AccessDeniedException":
                raise
            tags = None
        if keep:
            self._kept_tags[arn] = tags
        return tags

    def tag(self, arn, to_set, to_unset):
        self._kept_tags.pop(arn, None)
        if to_unset:
            self.call("untag_resource", f"untag {arn}", resourceArn=arn, tagKeys=list(to_unset))
        if to_set:
            self.call("tag_resource", f"tag {arn}", resourceArn=arn, tags={k: str(v) for k, v in to_set.items()})
