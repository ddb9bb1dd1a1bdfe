"""Decisions of ram_resource_share_invitation and ram_organization_sharing."""

import pytest

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.client import AnsibleRAMError
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.organization_sharing import ensure_enabled
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share_invitation import InvitationAnswer

from ram_eic_harness import ACCOUNT, ANY, NOW, OUTSIDER, REGION, FakeModule, no_sleep

SHARE_ARN = f"arn:aws:ram:{REGION}:{ACCOUNT}:resource-share/0a1b2c3d-1111-2222-3333-444455556666"
INVITATION_ARN = f"arn:aws:ram:{REGION}:{ACCOUNT}:resource-share-invitation/9f8e7d6c-1111-2222-3333-444455556666"


def params(**overrides):
    base = dict(share_name="partner-share", share_arn=None, sender_account_id=None, state="accepted", wait=True, wait_timeout=600)
    base.update(overrides)
    return base


def invitation(status="PENDING", name="partner-share", share_arn=SHARE_ARN):
    return {
        "resourceShareInvitationArn": INVITATION_ARN, "resourceShareName": name, "resourceShareArn": share_arn,
        "senderAccountId": ACCOUNT, "receiverAccountId": OUTSIDER, "invitationTimestamp": NOW, "status": status,
    }


def received_share(name="partner-share"):
    return {"resourceShareArn": SHARE_ARN, "name": name, "owningAccountId": ACCOUNT, "status": "ACTIVE"}


def expect_invitations(module, *found, **params):
    module.expect("ram", "get_resource_share_invitations", {"resourceShareInvitations": list(found)}, params or {})


def expect_received(module, *shares, **filters):
    module.expect("ram", "get_resource_shares", {"resourceShares": list(shares)},
                  dict({"resourceOwner": "OTHER-ACCOUNTS"}, **filters))


def test_pending_invitation_is_accepted_and_waited_for():
    with no_sleep(), FakeModule(params()) as module:
        expect_invitations(module, invitation())
        module.expect("ram", "accept_resource_share_invitation", {"resourceShareInvitation": invitation("ACCEPTED")},
                      {"resourceShareInvitationArn": INVITATION_ARN, "clientToken": ANY})
        expect_invitations(module, invitation("ACCEPTED"), resourceShareInvitationArns=[INVITATION_ARN])
        # The share becomes usable a little after the answer.
        expect_received(module, resourceShareArns=[SHARE_ARN])
        expect_received(module, received_share(), resourceShareArns=[SHARE_ARN])
        result = InvitationAnswer(module).run()
    assert result["changed"] is True
    assert result["diff"]["before"]["status"] == "PENDING"
    assert result["invitation"]["status"] == "ACCEPTED"
    assert result["invitation"]["resource_share_arn"] == SHARE_ARN


def test_check_mode_predicts_without_answering():
    with FakeModule(params(), check_mode=True) as module:
        expect_invitations(module, invitation())
        result = InvitationAnswer(module).run()
    assert result["changed"] is True and result["invitation"]["status"] == "ACCEPTED"


def test_already_accepted_is_no_change():
    with FakeModule(params(sender_account_id=ACCOUNT)) as module:
        # An older rejected invitation to the same share does not matter once one is accepted.
        expect_invitations(module, dict(invitation("REJECTED"), resourceShareInvitationArn=INVITATION_ARN + "0"),
                           invitation("ACCEPTED"))
        result = InvitationAnswer(module).run()
    assert result["changed"] is False and result["invitation"]["status"] == "ACCEPTED"


def test_invitation_that_appears_late_is_waited_for():
    with no_sleep(), FakeModule(params(share_arn=SHARE_ARN, share_name=None), check_mode=True) as module:
        expect_invitations(module, resourceShareArns=[SHARE_ARN])
        expect_received(module, resourceShareArns=[SHARE_ARN])
        expect_invitations(module, invitation(), resourceShareArns=[SHARE_ARN])
        result = InvitationAnswer(module).run()
    assert result["changed"] is True


def test_share_received_without_invitation_is_explained():
    with no_sleep(), FakeModule(params()) as module:
        expect_invitations(module)
        expect_received(module, received_share(), name="partner-share")
        result = InvitationAnswer(module).run()
    assert result["changed"] is False and result["invitation"] is None
    assert result["resource_share_arn"] == SHARE_ARN
    assert "without an invitation" in module.warnings[0]
    with no_sleep(), FakeModule(params(state="rejected")) as module:
        expect_invitations(module)
        expect_received(module, received_share(), name="partner-share")
        with pytest.raises(AnsibleRAMError) as error:
            InvitationAnswer(module).run()
    assert "nothing to reject" in error.value.message


def test_no_invitation_without_wait_says_what_to_check():
    with FakeModule(params(wait=False)) as module:
        expect_invitations(module)
        expect_received(module, name="partner-share")
        with pytest.raises(AnsibleRAMError) as error:
            InvitationAnswer(module).run()
    assert "allow_external_principals" in error.value.message


def test_accepted_invitation_cannot_be_rejected():
    with FakeModule(params(state="rejected")) as module:
        expect_invitations(module, invitation("ACCEPTED"))
        with pytest.raises(AnsibleRAMError) as error:
            InvitationAnswer(module).run()
    assert "remove this account" in error.value.message


@pytest.mark.parametrize("option,value", [("sender_account_id", "12345"), ("share_arn", "partner-share")])
def test_invalid_identifiers_fail_before_any_call(option, value):
    with FakeModule(params(**{option: value})) as module:
        with pytest.raises(InvalidParameter) as error:
            InvitationAnswer(module).run()
    assert f"'{option}'" in str(error.value)


def service_access(*principals):
    return {"EnabledServicePrincipals": [{"ServicePrincipal": p, "DateEnabled": NOW} for p in principals]}


def org():
    return {"Organization": {"Id": "o-abcdefghij", "Arn": f"arn:aws:organizations::{ACCOUNT}:organization/o-abcdefghij",
                             "MasterAccountId": ACCOUNT}}


def expect_caller(module, account=ACCOUNT):
    module.expect("sts", "get_caller_identity", {"Account": account, "Arn": f"arn:aws:iam::{account}:root", "UserId": account})


def expect_ram_role(module, exists=True):
    name = "AWSServiceRoleForResourceAccessManager"
    if not exists:
        module.expect_error("iam", "get_role", "NoSuchEntity", params={"RoleName": name})
        return
    module.expect("iam", "get_role", {"Role": {
        "Path": "/aws-service-role/ram.amazonaws.com/", "RoleName": name, "RoleId": "AROAEXAMPLEEXAMPLE123",
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/ram.amazonaws.com/{name}", "CreateDate": NOW,
    }}, {"RoleName": name})


def test_organization_sharing_already_enabled_is_no_change_in_two_reads():
    with FakeModule({"state": "enabled"}, services=("ram", "organizations", "sts", "iam")) as module:
        module.expect("organizations", "list_aws_service_access_for_organization", service_access("ram.amazonaws.com"))
        expect_ram_role(module)
        result = ensure_enabled(module, check_mode=False)
    assert result["changed"] is False and result["organization_sharing"] == {"enabled": True}


@pytest.mark.parametrize("check_mode", [True, False])
def test_organization_sharing_is_enabled_once(check_mode):
    with FakeModule({"state": "enabled"}, check_mode=check_mode, services=("ram", "organizations", "sts")) as module:
        module.expect("organizations", "list_aws_service_access_for_organization", service_access("sso.amazonaws.com"))
        module.expect("organizations", "describe_organization", org())
        expect_caller(module)
        if not check_mode:
            module.expect("ram", "enable_sharing_with_aws_organization", {"returnValue": True}, {})
        result = ensure_enabled(module, check_mode=check_mode)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"enabled": False}, "after": {"enabled": True}}


def test_organization_sharing_from_a_member_account_says_to_use_the_management_account():
    with FakeModule({"state": "enabled"}, services=("ram", "organizations", "sts")) as module:
        module.expect_error("organizations", "list_aws_service_access_for_organization", "AccessDeniedException")
        module.expect("organizations", "describe_organization", org())
        expect_caller(module, OUTSIDER)
        with pytest.raises(AnsibleRAMError) as error:
            ensure_enabled(module, check_mode=False)
    assert f"only its management account ({ACCOUNT})" in error.value.message


def test_organization_sharing_without_permission_says_what_to_do():
    with FakeModule({"state": "enabled"}, services=("ram", "organizations", "sts")) as module:
        module.expect_error("organizations", "list_aws_service_access_for_organization", "AccessDeniedException")
        module.expect("organizations", "describe_organization", org())
        expect_caller(module)
        with pytest.raises(AnsibleRAMError) as error:
            ensure_enabled(module, check_mode=False)
    assert "management account" in error.value.message


def test_organization_sharing_outside_any_organization():
    with FakeModule({"state": "enabled"}, services=("ram", "organizations")) as module:
        module.expect_error("organizations", "list_aws_service_access_for_organization",
                            "AWSOrganizationsNotInUseException")
        module.expect_error("organizations", "describe_organization", "AWSOrganizationsNotInUseException")
        with pytest.raises(AnsibleRAMError) as error:
            ensure_enabled(module, check_mode=False)
    assert "not a member of an AWS Organization" in error.value.message


def test_only_several_pending_invitations_are_ambiguous():
    older = dict(invitation("ACCEPTED", share_arn=SHARE_ARN + "0"), resourceShareInvitationArn=INVITATION_ARN + "0")
    with FakeModule(params(), check_mode=True) as module:
        expect_invitations(module, older, invitation())
        result = InvitationAnswer(module).run()
    assert result["changed"] is True and result["invitation"]["resource_share_arn"] == SHARE_ARN
    with FakeModule(params(), check_mode=True) as module:
        expect_invitations(module, dict(older, status="PENDING"), invitation())
        with pytest.raises(AnsibleRAMError) as error:
            InvitationAnswer(module).run()
    assert "give share_arn" in error.value.message


def test_trusted_access_without_rams_role_is_not_enabled():
    # Trusted access turned on from Organizations alone: RAM's service-linked role is missing,
    # so EnableSharingWithAwsOrganization is still needed (terraform-provider-aws reads both).
    with FakeModule({"state": "enabled"}, services=("ram", "organizations", "sts", "iam")) as module:
        module.expect("organizations", "list_aws_service_access_for_organization", service_access("ram.amazonaws.com"))
        expect_ram_role(module, exists=False)
        module.expect("organizations", "describe_organization", org())
        expect_caller(module)
        module.expect("ram", "enable_sharing_with_aws_organization", {"returnValue": True}, {})
        result = ensure_enabled(module, check_mode=False)
    assert result["changed"] is True
