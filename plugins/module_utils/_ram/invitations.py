# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Accepting or rejecting RAM resource share invitations (ram_resource_share_invitation)."""

import re

from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._resource import InvalidParameter
from .._resource import WaitError
from .._resource import build_result
from .._resource import wait_for_status
from .api import RAM
from .api import AnsibleRAMError
from .shares import OTHER_ACCOUNTS
from .shares import SHARE_ARN
from .shares import find_shares

# Whichever invitation matches best: an open one first, then the newest.
_PREFERENCE = {"PENDING": 0, "ACCEPTED": 1, "REJECTED": 2, "EXPIRED": 3}
_ANSWER = {"accepted": "ACCEPTED", "rejected": "REJECTED"}
# Status a find() reports when the share reached the account without any invitation.
NO_INVITATION = "NO_INVITATION"
MISSING = "MISSING"


def _timestamp(invitation):
    stamp = invitation.get("invitationTimestamp")
    return stamp.timestamp() if stamp else 0


def normalize_invitation(invitation):
    if invitation is None:
        return None
    # resourceShareAssociations is deprecated in the API and always empty.
    trimmed = {k: v for k, v in invitation.items() if k != "resourceShareAssociations"}
    return boto3_resource_to_ansible_dict(trimmed, transform_tags=False, force_tags=False)


class InvitationAnswer:
    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.api = RAM(module)

    @property
    def target(self):
        """Words naming the share the user asked for, for messages."""
        parts = []
        if self.params.get("share_name"):
            parts.append(f"named {self.params['share_name']!r}")
        if self.params.get("share_arn"):
            parts.append(self.params["share_arn"])
        if self.params.get("sender_account_id"):
            parts.append(f"from account {self.params['sender_account_id']}")
        return "resource share " + " ".join(parts)

    def validate(self):
        sender = self.params.get("sender_account_id")
        if sender is not None and not re.fullmatch(r"\d{12}", sender):
            raise InvalidParameter("sender_account_id", f"{sender!r} is not a 12-digit AWS account ID")
        share_arn = self.params.get("share_arn")
        if share_arn is not None and not SHARE_ARN.fullmatch(share_arn):
            raise InvalidParameter("share_arn", f"{share_arn!r} is not a RAM resource share ARN")

    def _matches(self, item, name_key, arn_key, sender_key):
        return all(
            (
                not self.params.get("share_name") or item.get(name_key) == self.params["share_name"],
                not self.params.get("share_arn") or item.get(arn_key) == self.params["share_arn"],
                not self.params.get("sender_account_id") or item.get(sender_key) == self.params["sender_account_id"],
            )
        )

    def find(self):
        """The best matching invitation, or a stand-in whose status says why there is none."""
        invitations = [
            i
            for i in self.api.invitations(share_arn=self.params.get("share_arn"))
            if self._matches(i, "resourceShareName", "resourceShareArn", "senderAccountId")
        ]
        if invitations:
            # Old invitations (to deleted shares of the same name, say) stay listed;
            # only several open ones to different shares are a real ambiguity.
            pending = sorted({i["resourceShareArn"] for i in invitations if i["status"] == "PENDING"})
            if len(pending) > 1:
                raise AnsibleRAMError(
                    message=f"Pending invitations to several resource shares match ({', '.join(pending)}); "
                    "give share_arn to choose one"
                )
            invitations.sort(key=lambda i: (_PREFERENCE.get(i["status"], 9), -_timestamp(i)))
            return invitations[0]
        received = [
            s
            for s in find_shares(self.api, OTHER_ACCOUNTS, name=self.params.get("share_name"), arn=self.params.get("share_arn"))
            if self._matches(s, "name", "resourceShareArn", "owningAccountId")
        ]
        if received:
            return {"status": NO_INVITATION, "share": received[0]}
        return {"status": MISSING}

    def wait_for_invitation(self):
        if not self.params["wait"]:
            return self.find()
        try:
            return wait_for_status(
                self.find,
                self.target,
                ready=tuple(_PREFERENCE) + (NO_INVITATION,),
                timeout=self.params["wait_timeout"],
            )
        except WaitError as e:
            raise AnsibleRAMError(message=self._missing_message()) from e

    def _missing_message(self):
        waited = f" within {self.params['wait_timeout']}s" if self.params["wait"] else ""
        return (
            f"No invitation to {self.target} reached this account{waited}. Check that the owner added this "
            "account as a principal of the share with allow_external_principals true, and the share name, ARN or "
            "sender account given here; RAM can take a few minutes to deliver a new invitation, so a larger "
            "wait_timeout may help"
        )

    def _without_invitation(self, found):
        share = found["share"]
        explanation = (
            f"Resource share {share['name']} ({share['resourceShareArn']}) from account {share['owningAccountId']} "
            "reached this account without an invitation: accounts of an AWS Organization with RAM sharing enabled "
            "get organization shares directly"
        )
        if self.params["state"] == "rejected":
            raise AnsibleRAMError(
                message=f"{explanation}, so there is nothing to reject. To stop receiving it, the owner must remove this "
                "account (or its organization / OU) from the share's principals"
            )
        self.module.warn(f"{explanation}; there is nothing to accept.")
        return build_result(False, "invitation", None, None, resource_share_arn=share["resourceShareArn"])

    def _refuse(self, invitation, wanted):
        status = invitation["status"]
        if wanted == "ACCEPTED":
            advice = "the owner must share it with this account again to send a new invitation"
        else:
            advice = "an accepted share cannot be rejected; the owner must remove this account from the share's principals"
        raise AnsibleRAMError(
            message=f"The invitation to {invitation['resourceShareName']} ({invitation['resourceShareInvitationArn']}) "
            f"is {status} and cannot become {wanted}: {advice}"
        )

    def _wait_answered(self, invitation_arn, wanted, share_arn):
        def read():
            found = self.api.invitations(invitation_arn=invitation_arn)
            return found[0] if found else None

        answered = wait_for_status(read, f"invitation {invitation_arn}", ready=(wanted,), timeout=self.params["wait_timeout"])
        if wanted == "ACCEPTED":
            # Accepting is only useful once the share is usable from this account.
            wait_for_status(
                lambda: next(iter(find_shares(self.api, OTHER_ACCOUNTS, arn=share_arn)), {"status": "PENDING"}),
                f"resource share {share_arn}",
                timeout=self.params["wait_timeout"],
            )
        return answered

    def run(self):
        self.validate()
        wanted = _ANSWER[self.params["state"]]
        found = self.wait_for_invitation()
        if found["status"] == NO_INVITATION:
            return self._without_invitation(found)
        if found["status"] == MISSING:
            raise AnsibleRAMError(message=self._missing_message())
        before = normalize_invitation(found)
        if found["status"] == wanted or (wanted == "REJECTED" and found["status"] == "EXPIRED"):
            return build_result(False, "invitation", before, before)
        if found["status"] != "PENDING":
            self._refuse(found, wanted)
        if self.module.check_mode:
            return build_result(True, "invitation", before, dict(before, status=wanted))
        answered = self.api.answer_invitation(found["resourceShareInvitationArn"], accept=wanted == "ACCEPTED")
        if self.params["wait"]:
            answered = self._wait_answered(found["resourceShareInvitationArn"], wanted, found["resourceShareArn"])
        return build_result(True, "invitation", before, normalize_invitation(answered))
