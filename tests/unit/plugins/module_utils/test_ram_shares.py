"""Decisions of ram_resource_share / ram_resource_share_info (module_utils._ram.shares)."""

import pytest

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import WaitError
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import run
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.client import AnsibleRAMError
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.client import RAMClient
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import ResourceShareManager
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import describe_share
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import describe_shares
from ansible_collections.lattice.multi_account.plugins.module_utils._ram.resource_share import resource_type_of

from ram_eic_harness import ACCOUNT, ANY, NOW, OTHER, OUTSIDER, REGION, FakeModule, no_sleep

SHARE_ARN = f"arn:aws:ram:{REGION}:{ACCOUNT}:resource-share/0a1b2c3d-1111-2222-3333-444455556666"
ORG_ARN = f"arn:aws:organizations::{ACCOUNT}:organization/o-abcdefghij"
SERVICE_A = f"arn:aws:vpc-lattice:{REGION}:{ACCOUNT}:service/svc-0000000000000000a"
SERVICE_B = f"arn:aws:vpc-lattice:{REGION}:{ACCOUNT}:service/svc-0000000000000000b"


def params(**overrides):
    base = dict(
        name="service-resource-share", state="present", resource_arns=None, principals=None,
        allow_external_principals=False, permission_arns=None, purge_resources=True, purge_principals=True,
        tags=None, purge_tags=True, wait=True, wait_timeout=600,
    )
    base.update(overrides)
    return base


def raw_share(status="ACTIVE", allow_external=False, tags=None):
    return {
        "resourceShareArn": SHARE_ARN, "name": "service-resource-share", "owningAccountId": ACCOUNT,
        "allowExternalPrincipals": allow_external, "status": status, "featureSet": "STANDARD",
        "creationTime": NOW, "lastUpdatedTime": NOW,
        "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
    }


def association(entity, kind, status="ASSOCIATED", external=False, message=None):
    found = {
        "resourceShareArn": SHARE_ARN, "resourceShareName": "service-resource-share", "associatedEntity": entity,
        "associationType": kind, "status": status, "external": external, "creationTime": NOW, "lastUpdatedTime": NOW,
    }
    if message:
        found["statusMessage"] = message
    return found


def expect_described(module, resources, principals, share=None, lookup=None):
    """The calls reading one owned share of VPC Lattice services: GetResourceShares and both association
    lists (no ListResources: the ARNs tell the resources' type)."""
    share = share or raw_share()
    if lookup == "name":
        module.expect("ram", "get_resource_shares", {"resourceShares": [share]},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
    else:
        module.expect("ram", "get_resource_shares", {"resourceShares": [share]},
                      {"resourceOwner": "SELF", "resourceShareArns": [SHARE_ARN]})
    module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": resources},
                  {"associationType": "RESOURCE", "resourceShareArns": [SHARE_ARN]})
    module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": principals},
                  {"associationType": "PRINCIPAL", "resourceShareArns": [SHARE_ARN]})


def expect_settled(module, resources, principals, share=None):
    expect_described(module, resources, principals, share)
    module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": principals},
                  {"associationType": "PRINCIPAL", "resourceShareArns": [SHARE_ARN]})
    module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": resources},
                  {"associationType": "RESOURCE", "resourceShareArns": [SHARE_ARN]})


def expect_org(module):
    module.expect("organizations", "describe_organization", {"Organization": {
        "Id": "o-abcdefghij", "Arn": ORG_ARN, "MasterAccountId": ACCOUNT, "FeatureSet": "ALL",
    }})


def test_resource_type_from_arn():
    assert resource_type_of(SERVICE_A) == "vpc-lattice:Service"
    assert resource_type_of(f"arn:aws:vpc-lattice:{REGION}:{ACCOUNT}:servicenetwork/sn-0") == "vpc-lattice:ServiceNetwork"
    assert resource_type_of(f"arn:aws:ec2:{REGION}:{ACCOUNT}:subnet/subnet-1") == "ec2:Subnet"
    assert resource_type_of(f"arn:aws:codebuild:{REGION}:{ACCOUNT}:report-group/x") == "codebuild:ReportGroup"


@pytest.mark.parametrize("option,value,problem", [
    ("principals", ["organization", "12345"], "principals[1]"),
    ("principals", ["arn:aws:iam::123456789012:group/admins"], "principals[0]"),
    ("resource_arns", ["svc-0000000000000000a"], "resource_arns[0]"),
    ("permission_arns", ["arn:aws:iam::aws:policy/x"], "permission_arns[0]"),
])
def test_invalid_input_fails_before_any_call(option, value, problem):
    with FakeModule(params(**{option: value}), services=("ram", "organizations")) as module:
        with pytest.raises(InvalidParameter) as error:
            run(ResourceShareManager(module), check_mode=False)
    assert f"'{problem}'" in str(error.value)


def test_create_in_check_mode_predicts_without_mutating():
    with FakeModule(params(resource_arns=[SERVICE_A], principals=["organization", OTHER], tags={"team": "a"}),
                    check_mode=True, services=("ram", "organizations")) as module:
        module.expect("ram", "get_resource_shares", {"resourceShares": []},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
        expect_org(module)
        result = run(ResourceShareManager(module), check_mode=True)
    share = result["resource_share"]
    assert result["changed"] is True
    assert share["resources"] == [{"arn": SERVICE_A, "type": "vpc-lattice:Service", "status": "ASSOCIATED"}]
    assert [p["id"] for p in share["principals"]] == sorted([ORG_ARN, OTHER])
    assert share["tags"] == {"team": "a"}
    assert result["diff"]["before"] == {}


def test_create_resolves_organization_and_waits_for_associations():
    resources = [association(SERVICE_A, "RESOURCE")]
    principals = [association(ORG_ARN, "PRINCIPAL")]
    with no_sleep(), FakeModule(params(resource_arns=[SERVICE_A], principals=["organization"]),
                                services=("ram", "organizations")) as module:
        module.expect("ram", "get_resource_shares", {"resourceShares": []},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
        expect_org(module)
        module.expect("ram", "create_resource_share", {"resourceShare": raw_share()}, {
            "name": "service-resource-share", "allowExternalPrincipals": False, "resourceArns": [SERVICE_A],
            "principals": [ORG_ARN], "clientToken": ANY,
        })
        # Right after the create the association is still in flight; the module waits.
        expect_described(module, [association(SERVICE_A, "RESOURCE", "ASSOCIATING")], principals)
        expect_settled(module, [association(SERVICE_A, "RESOURCE", "ASSOCIATING")], principals)
        expect_settled(module, resources, principals)
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is True
    assert result["resource_share"]["resources"] == [{"arn": SERVICE_A, "type": "vpc-lattice:Service", "status": "ASSOCIATED"}]
    assert result["resource_share"]["principals"] == [{"id": ORG_ARN, "status": "ASSOCIATED", "external": False}]


def test_update_changes_only_the_difference():
    current_resources = [association(SERVICE_A, "RESOURCE"), association(SERVICE_B, "RESOURCE", "DISASSOCIATED")]
    current_principals = [association(OTHER, "PRINCIPAL"), association(ORG_ARN, "PRINCIPAL")]
    after_resources = [association(SERVICE_A, "RESOURCE"), association(SERVICE_B, "RESOURCE")]
    after_principals = [association(ORG_ARN, "PRINCIPAL"), association(OTHER, "PRINCIPAL", "DISASSOCIATED")]
    with no_sleep(), FakeModule(params(resource_arns=[SERVICE_A, SERVICE_B], principals=[ORG_ARN])) as module:
        expect_described(module, current_resources, current_principals, lookup="name")
        module.expect("ram", "associate_resource_share", {},
                      {"resourceShareArn": SHARE_ARN, "resourceArns": [SERVICE_B], "clientToken": ANY})
        module.expect("ram", "disassociate_resource_share", {},
                      {"resourceShareArn": SHARE_ARN, "principals": [OTHER], "clientToken": ANY})
        expect_described(module, after_resources, after_principals)
        expect_settled(module, after_resources, after_principals)
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is True
    assert [r["arn"] for r in result["resource_share"]["resources"]] == [SERVICE_A, SERVICE_B]
    assert [p["id"] for p in result["resource_share"]["principals"]] == [ORG_ARN]
    assert [p["id"] for p in result["diff"]["before"]["principals"]] == sorted([ORG_ARN, OTHER])


def test_unchanged_share_makes_no_mutating_call():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(ORG_ARN, "PRINCIPAL")]
    with FakeModule(params(resource_arns=[SERVICE_A], principals=[ORG_ARN], tags={})) as module:
        expect_described(module, resources, principals, lookup="name")
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is False


def test_organization_of_an_existing_share_is_not_described_again():
    """The word 'organization' against a share already associated with an organization: that is the
    caller's own (RAM shares only within it), so no DescribeOrganization (FakeModule fails on an
    unexpected call) and nothing to change."""
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(ORG_ARN, "PRINCIPAL")]
    with FakeModule(params(resource_arns=[SERVICE_A], principals=["organization"], tags={}),
                    services=("ram", "organizations")) as module:
        expect_described(module, resources, principals, lookup="name")
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is False
    assert result["resource_share"]["principals"] == [{"id": ORG_ARN, "status": "ASSOCIATED", "external": False}]


def test_organization_is_described_when_the_share_has_none_yet():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(OTHER, "PRINCIPAL")]
    with FakeModule(params(resource_arns=[SERVICE_A], principals=["organization"], tags={}), check_mode=True,
                    services=("ram", "organizations")) as module:
        expect_described(module, resources, principals, lookup="name")
        expect_org(module)
        result = run(ResourceShareManager(module), check_mode=True)
    assert result["changed"] is True
    assert [p["id"] for p in result["resource_share"]["principals"]] == [ORG_ARN]


def test_unset_allow_external_principals_keeps_the_existing_setting():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(OUTSIDER, "PRINCIPAL", external=True)]
    share = raw_share(allow_external=True)
    with FakeModule(params(resource_arns=[SERVICE_A], principals=[OUTSIDER], allow_external_principals=None)) as module:
        expect_described(module, resources, principals, share=share, lookup="name")
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is False
    assert result["resource_share"]["allow_external_principals"] is True


def test_purge_false_keeps_other_principals_and_unset_lists_are_untouched():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(OTHER, "PRINCIPAL")]
    with FakeModule(params(principals=[OTHER], purge_principals=False), check_mode=True) as module:
        expect_described(module, resources, principals, lookup="name")
        result = run(ResourceShareManager(module), check_mode=True)
    assert result["changed"] is False
    assert [r["arn"] for r in result["resource_share"]["resources"]] == [SERVICE_A]


def test_allowing_external_principals_happens_before_adding_them():
    resources = [association(SERVICE_A, "RESOURCE")]
    pending = [association(OUTSIDER, "PRINCIPAL", "ASSOCIATING", external=True)]
    share = raw_share(allow_external=True)
    with no_sleep(), FakeModule(params(principals=[OUTSIDER], allow_external_principals=True)) as module:
        expect_described(module, resources, [], lookup="name")
        module.expect("ram", "update_resource_share", {"resourceShare": share},
                      {"resourceShareArn": SHARE_ARN, "allowExternalPrincipals": True, "clientToken": ANY})
        module.expect("ram", "associate_resource_share", {},
                      {"resourceShareArn": SHARE_ARN, "principals": [OUTSIDER], "clientToken": ANY})
        expect_described(module, resources, pending, share=share)
        # An outsider stays ASSOCIATING until it accepts: that does not hold the wait.
        expect_settled(module, resources, pending, share=share)
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["resource_share"]["principals"] == [{"id": OUTSIDER, "status": "ASSOCIATING", "external": True}]
    assert any("ram_resource_share_invitation" in w and OUTSIDER in w for w in module.warnings)


def test_external_principal_refused_says_what_to_do():
    message = "The resource you are attempting to share can only be shared within your AWS Organization."
    with FakeModule(params(principals=[OUTSIDER], purge_principals=False)) as module:
        expect_described(module, [], [], lookup="name")
        module.expect_error("ram", "associate_resource_share", "OperationNotPermittedException", message)
        with pytest.raises(AnsibleRAMError) as error:
            run(ResourceShareManager(module), check_mode=False)
    assert "allow_external_principals: true" in error.value.message


def test_failed_association_fails_with_the_reason():
    failed = [association(OUTSIDER, "PRINCIPAL", "FAILED", message="not in your organization")]
    with no_sleep(), FakeModule(params(principals=[OUTSIDER])) as module:
        expect_described(module, [], [], lookup="name")
        module.expect("ram", "associate_resource_share", {}, None)
        expect_described(module, [], failed)
        expect_settled(module, [], failed)
        with pytest.raises(WaitError) as error:
            run(ResourceShareManager(module), check_mode=False)
    assert "not in your organization" in error.value.message
    assert "allow_external_principals" in error.value.message


def test_organization_principal_outside_any_organization():
    with FakeModule(params(principals=["organization"]), services=("ram", "organizations")) as module:
        module.expect("ram", "get_resource_shares", {"resourceShares": []},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
        module.expect_error("organizations", "describe_organization", "AWSOrganizationsNotInUseException")
        with pytest.raises(InvalidParameter) as error:
            run(ResourceShareManager(module), check_mode=False)
    assert "'principals'" in str(error.value) and "account IDs" in str(error.value)


def test_duplicate_names_are_refused():
    other = dict(raw_share(), resourceShareArn=SHARE_ARN.replace("0a1b", "ffff"))
    with FakeModule(params()) as module:
        module.expect("ram", "get_resource_shares", {"resourceShares": [raw_share(), other, raw_share("DELETED")]},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
        with pytest.raises(AnsibleRAMError) as error:
            run(ResourceShareManager(module), check_mode=False)
    assert "delete the extra shares" in error.value.message


def test_tags_are_reconciled_with_purge():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(ORG_ARN, "PRINCIPAL")]
    share = raw_share(tags={"old": "1", "keep": "2"})
    with no_sleep(), FakeModule(params(tags={"keep": "2", "new": "3"})) as module:
        expect_described(module, resources, principals, share=share, lookup="name")
        module.expect("ram", "untag_resource", {}, {"resourceShareArn": SHARE_ARN, "tagKeys": ["old"]})
        module.expect("ram", "tag_resource", {}, {"resourceShareArn": SHARE_ARN, "tags": [{"key": "new", "value": "3"}]})
        tagged = raw_share(tags={"keep": "2", "new": "3"})
        expect_described(module, resources, principals, share=tagged)
        expect_settled(module, resources, principals, share=tagged)
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["resource_share"]["tags"] == {"keep": "2", "new": "3"}
    assert result["diff"]["before"]["tags"] == {"old": "1", "keep": "2"}


def test_delete_waits_until_gone_and_absent_is_no_change():
    resources, principals = [association(SERVICE_A, "RESOURCE")], [association(ORG_ARN, "PRINCIPAL")]
    with no_sleep(), FakeModule(params(state="absent")) as module:
        expect_described(module, resources, principals, lookup="name")
        module.expect("ram", "delete_resource_share", {"returnValue": True},
                      {"resourceShareArn": SHARE_ARN, "clientToken": ANY})
        module.expect("ram", "get_resource_shares", {"resourceShares": [raw_share("DELETED")]},
                      {"resourceOwner": "SELF", "resourceShareArns": [SHARE_ARN]})
        result = run(ResourceShareManager(module), check_mode=False)
    assert result["changed"] is True and result["resource_share"] is None
    with FakeModule(params(state="absent")) as module:
        module.expect("ram", "get_resource_shares", {"resourceShares": [raw_share("DELETED")]},
                      {"resourceOwner": "SELF", "name": "service-resource-share"})
        assert run(ResourceShareManager(module), check_mode=False)["changed"] is False


def test_received_share_lists_resources_with_type():
    with FakeModule(params()) as module:
        module.expect("ram", "list_resources", {"resources": [
            {"arn": SERVICE_A, "type": "vpc-lattice:Service", "resourceShareArn": SHARE_ARN, "status": "AVAILABLE"}
        ]}, {"resourceOwner": "OTHER-ACCOUNTS", "resourceShareArns": [SHARE_ARN]})
        share = describe_share(RAMClient(module), raw_share(), "OTHER-ACCOUNTS")
    assert share["arn"] == SHARE_ARN
    assert share["resources"] == [{"arn": SERVICE_A, "type": "vpc-lattice:Service", "status": "AVAILABLE"}]
    assert "principals" not in share


def test_shares_from_several_providers_are_listed_with_one_call_per_kind():
    """A consumer with a share from each of two providers: one ListResources for both (each
    item names its share), not one per share; owned shares likewise one association list per type."""
    other_arn = SHARE_ARN.replace("1111", "9999")
    other = dict(raw_share(), resourceShareArn=other_arn)
    with FakeModule(params()) as module:
        module.expect("ram", "list_resources", {"resources": [
            {"arn": SERVICE_B, "type": "vpc-lattice:Service", "resourceShareArn": other_arn, "status": "AVAILABLE"},
            {"arn": SERVICE_A, "type": "vpc-lattice:Service", "resourceShareArn": SHARE_ARN, "status": "AVAILABLE"},
        ]}, {"resourceOwner": "OTHER-ACCOUNTS", "resourceShareArns": [SHARE_ARN, other_arn]})
        shares = describe_shares(RAMClient(module), [raw_share(), other], "OTHER-ACCOUNTS")
    assert [(s["arn"], [r["arn"] for r in s["resources"]]) for s in shares] == [
        (SHARE_ARN, [SERVICE_A]), (other_arn, [SERVICE_B])]

    with FakeModule(params()) as module:
        module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": [
            dict(association(SERVICE_B, "RESOURCE"), resourceShareArn=other_arn), association(SERVICE_A, "RESOURCE")]},
            {"associationType": "RESOURCE", "resourceShareArns": [SHARE_ARN, other_arn]})
        module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": [
            association(OTHER, "PRINCIPAL")]},
            {"associationType": "PRINCIPAL", "resourceShareArns": [SHARE_ARN, other_arn]})
        shares = describe_shares(RAMClient(module), [raw_share(), other], "SELF")
    assert [([r["arn"] for r in s["resources"]], [p["id"] for p in s["principals"]]) for s in shares] == [
        ([SERVICE_A], [OTHER]), ([SERVICE_B], [])]


def test_owned_share_reads_the_type_from_list_resources_only_when_the_arn_does_not_tell_it():
    reservation = f"arn:aws:ec2:{REGION}:{ACCOUNT}:capacity-reservation/cr-0123456789abcdef0"
    resources = [association(SERVICE_A, "RESOURCE"), association(reservation, "RESOURCE")]
    with FakeModule(params()) as module:
        module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": resources},
                      {"associationType": "RESOURCE", "resourceShareArns": [SHARE_ARN]})
        module.expect("ram", "list_resources", {"resources": [
            {"arn": SERVICE_A, "type": "vpc-lattice:Service", "resourceShareArn": SHARE_ARN, "status": "AVAILABLE"},
            {"arn": reservation, "type": "ec2:CapacityReservation", "resourceShareArn": SHARE_ARN, "status": "AVAILABLE"},
        ]}, {"resourceOwner": "SELF", "resourceShareArns": [SHARE_ARN]})
        module.expect("ram", "get_resource_share_associations", {"resourceShareAssociations": []},
                      {"associationType": "PRINCIPAL", "resourceShareArns": [SHARE_ARN]})
        share = describe_share(RAMClient(module), raw_share(), "SELF")
    assert {r["arn"]: r["type"] for r in share["resources"]} == {
        SERVICE_A: "vpc-lattice:Service", reservation: "ec2:CapacityReservation"}
