# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Accepting or rejecting RAM resource share invitations (ram_resource_share_invitation).

Operations: get_resource_share_invitations, accept_resource_share_invitation,
reject_resource_share_invitation; get_resource_shares (OTHER-ACCOUNTS) to tell a
share that arrived without an invitation (inside an organization with RAM
sharing enabled) from one that has not arrived yet.
"""

import re
import uuid
from collections import namedtuple

from ansible_collections.amazon.aws.plugins.module_utils.transformation import boto3_resource_to_ansible_dict

from .._core.errors import InvalidParameter
from .._core.errors import WaitError
from .._core.resource import build_result
from .._core.waiting import wait_until
from .client import AnsibleRAMError
from .client import RAMClient
from .resource_share import OTHER_ACCOUNTS
from .resource_share import SHARE_ARN
from .resource_share import find_shares

# Whichever invitation matches best: an open one first, then the newest.
_PREFERENCE = {"PENDING": 0, "ACCEPTED": 1, "REJECTED": 2, "EXPIRED": 3}
_ANSWER = {"accepted": "ACCEPTED", "rejected": "REJECTED"}

# What reached the account for the share asked about: an invitation, or the share
# itself without one.  find() returns None while neither has.
Arrival = namedtuple("Arrival", "invitation share")


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
        self.api = RAMClient(module)

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

    def invitations(self, share_arn=None, invitation_arn=None):
        request = {"resourceShareArns": [share_arn]} if share_arn else {}
        if invitation_arn:
            request["resourceShareInvitationArns"] = [invitation_arn]
        return self.api.paginate(
            "get_resource_share_invitations", "resourceShareInvitations", "list resource share invitations", **request
        )

    def find(self):
        """The best matching invitation, or the share when it arrived without one; None when nothing has."""
        invitations = [
            i
            for i in self.invitations(share_arn=self.params.get("share_arn"))
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
            return Arrival(invitations[0], None)
        received = [
            s
            for s in find_shares(
                self.api, OTHER_ACCOUNTS, name=self.params.get("share_name"), arn=self.params.get("share_arn")
            )
            if self._matches(s, "name", "resourceShareArn", "owningAccountId")
        ]
        return Arrival(None, received[0]) if received else None

    def wait_for_arrival(self):
        if not self.params["wait"]:
            return self.find()
        try:
            # RAM delivers a new invitation after a delay: nothing found is "not yet".
            return wait_until(
                self.find, self.target, ready=lambda arrival: arrival is not None, goal="to reach this account",
                state=lambda arrival: "not there", timeout=self.params["wait_timeout"], not_found_grace=None,
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

    def _without_invitation(self, share):
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

    def _answer(self, invitation_arn, wanted):
        operation = "accept_resource_share_invitation" if wanted == "ACCEPTED" else "reject_resource_share_invitation"
        return self.api.call(
            operation, f"{operation.split('_', maxsplit=1)[0]} resource share invitation {invitation_arn}",
            resourceShareInvitationArn=invitation_arn, clientToken=str(uuid.uuid4()),
        )["resourceShareInvitation"]

    def _wait_answered(self, invitation_arn, wanted, share_arn):
        def read():
            found = self.invitations(invitation_arn=invitation_arn)
            return found[0] if found else None

        answered = wait_until(
            read, f"invitation {invitation_arn}", ready=lambda i: i is not None and i["status"] == wanted,
            goal=f"to become {wanted}", timeout=self.params["wait_timeout"],
        )
        if wanted == "ACCEPTED":
            # Accepting is only useful once the share is usable from this account.
            wait_until(
                lambda: next(iter(find_shares(self.api, OTHER_ACCOUNTS, arn=share_arn)), None),
                f"resource share {share_arn}", ready=lambda share: share is not None and share["status"] == "ACTIVE",
                goal="to become usable from this account", timeout=self.params["wait_timeout"],
                not_found_grace=None,
            )
        return answered

    def run(self):
        self.validate()
        wanted = _ANSWER[self.params["state"]]
        arrival = self.wait_for_arrival()
        if arrival is None:
            raise AnsibleRAMError(message=self._missing_message())
        if arrival.invitation is None:
            return self._without_invitation(arrival.share)
        found = arrival.invitation
        before = normalize_invitation(found)
        if found["status"] == wanted or (wanted == "REJECTED" and found["status"] == "EXPIRED"):
            return build_result(False, "invitation", before, before)
        if found["status"] != "PENDING":
            self._refuse(found, wanted)
        if self.module.check_mode:
            return build_result(True, "invitation", before, dict(before, status=wanted))
        answered = self._answer(found["resourceShareInvitationArn"], wanted)
        if self.params["wait"]:
            answered = self._wait_answered(found["resourceShareInvitationArn"], wanted, found["resourceShareArn"])
        return build_result(True, "invitation", before, normalize_invitation(answered))
