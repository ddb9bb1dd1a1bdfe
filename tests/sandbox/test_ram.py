"""RAM shares of VPC Lattice resources across the accounts of the sandbox."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique, wait_until

pytestmark = pytest.mark.sandbox


@pytest.fixture(scope="module")
def ram(aws_client):
    return {name: aws_client(name, "ram") for name in ("provider", "consumer", "management")}


@pytest.fixture
def outsider(sandbox, aws_client):
    name = next((n for n, a in sandbox["accounts"].items() if not a["in_organization"]), None)
    if name is None:
        pytest.skip("the sandbox has no account outside the organization")
    return {"id": sandbox["accounts"][name]["id"], "ram": aws_client(name, "ram")}


@pytest.fixture
def org_share(ram, sandbox, service):
    return ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[service["arn"]], principals=[sandbox["organization"]["arn"]],
        allowExternalPrincipals=False,
    )["resourceShare"]


def shares(client, owner="OTHER-ACCOUNTS", **filters):
    return client.get_resource_shares(resourceOwner=owner, **filters)["resourceShares"]


def shared_arns(client, **filters):
    return {r["arn"] for r in client.list_resources(resourceOwner="OTHER-ACCOUNTS", **filters)["resources"]}


def test_organization_members_see_the_share_at_once(ram, account_ids, org_share, service):
    arn = org_share["resourceShareArn"]
    assert org_share["status"] == "ACTIVE" and org_share["owningAccountId"] == account_ids["provider"]
    seen = shares(ram["consumer"], resourceShareArns=[arn])
    assert [(s["name"], s["owningAccountId"], s["status"]) for s in seen] == [
        (org_share["name"], account_ids["provider"], "ACTIVE")
    ]
    resources = ram["consumer"].list_resources(resourceOwner="OTHER-ACCOUNTS", resourceShareArns=[arn])["resources"]
    assert [(r["arn"], r["type"], r["resourceShareArn"]) for r in resources] == [
        (service["arn"], "vpc-lattice:Service", arn)
    ]
    principals = ram["consumer"].list_principals(resourceOwner="OTHER-ACCOUNTS", resourceShareArns=[arn])
    assert [p["id"] for p in principals["principals"]] == [account_ids["provider"]]
    # The owner's own view, and no leak into the owner's OTHER-ACCOUNTS view.
    assert ram["provider"].list_resources(resourceOwner="SELF", resourceShareArns=[arn])["resources"][0]["arn"] == service["arn"]
    assert arn not in {s["resourceShareArn"] for s in shares(ram["provider"])}
    assert arn not in {s["resourceShareArn"] for s in shares(ram["consumer"], owner="SELF")}


def test_service_networks_are_shared_with_their_type(ram, account_ids, aws_client):
    lattice = aws_client("provider", "vpc-lattice")
    network = lattice.create_service_network(name=unique("net"))
    share = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[network["arn"]], principals=[account_ids["consumer"]]
    )["resourceShare"]
    resources = ram["consumer"].list_resources(
        resourceOwner="OTHER-ACCOUNTS", resourceType="vpc-lattice:ServiceNetwork",
        resourceShareArns=[share["resourceShareArn"]],
    )["resources"]
    assert [(r["arn"], r["type"]) for r in resources] == [(network["arn"], "vpc-lattice:ServiceNetwork")]
    assert not ram["consumer"].list_resources(
        resourceOwner="OTHER-ACCOUNTS", resourceType="vpc-lattice:Service",
        resourceShareArns=[share["resourceShareArn"]],
    )["resources"]


def test_filters_by_name_arn_and_status(ram, org_share):
    arn, name = org_share["resourceShareArn"], org_share["name"]
    assert [s["resourceShareArn"] for s in shares(ram["provider"], "SELF", name=name)] == [arn]
    assert [s["resourceShareArn"] for s in shares(ram["consumer"], name=name)] == [arn]
    assert shares(ram["provider"], "SELF", name=unique("nothing")) == []
    assert [s["name"] for s in shares(ram["provider"], "SELF", resourceShareArns=[arn])] == [name]
    assert shares(ram["provider"], "SELF", resourceShareArns=[arn], resourceShareStatus="DELETED") == []


def test_associate_and_disassociate_principals_and_resources(ram, account_ids, service, aws_client):
    share = ram["provider"].create_resource_share(name=unique("share"))["resourceShare"]
    arn = share["resourceShareArn"]
    assert arn not in {s["resourceShareArn"] for s in shares(ram["consumer"])}

    added = ram["provider"].associate_resource_share(
        resourceShareArn=arn, resourceArns=[service["arn"]], principals=[account_ids["consumer"]]
    )["resourceShareAssociations"]
    assert {(a["associationType"], a["associatedEntity"], a["status"]) for a in added} == {
        ("RESOURCE", service["arn"], "ASSOCIATED"), ("PRINCIPAL", account_ids["consumer"], "ASSOCIATED"),
    }
    assert shared_arns(ram["consumer"], resourceShareArns=[arn]) == {service["arn"]}
    listed = ram["provider"].list_principals(resourceOwner="SELF", resourceShareArns=[arn])["principals"]
    assert [(p["id"], p["external"]) for p in listed] == [(account_ids["consumer"], False)]
    associations = ram["provider"].get_resource_share_associations(
        associationType="RESOURCE", resourceShareArns=[arn]
    )["resourceShareAssociations"]
    assert [(a["associatedEntity"], a["status"]) for a in associations] == [(service["arn"], "ASSOCIATED")]

    ram["provider"].disassociate_resource_share(resourceShareArn=arn, resourceArns=[service["arn"]])
    assert shared_arns(ram["consumer"], resourceShareArns=[arn]) == set()
    assert ram["provider"].get_resource_share_associations(
        associationType="RESOURCE", resourceShareArns=[arn], associationStatus="DISASSOCIATED"
    )["resourceShareAssociations"][0]["associatedEntity"] == service["arn"]

    ram["provider"].associate_resource_share(resourceShareArn=arn, resourceArns=[service["arn"]])
    assert shared_arns(ram["consumer"], resourceShareArns=[arn]) == {service["arn"]}
    ram["provider"].disassociate_resource_share(resourceShareArn=arn, principals=[account_ids["consumer"]])
    assert arn not in {s["resourceShareArn"] for s in shares(ram["consumer"])}
    assert shared_arns(ram["consumer"], resourceShareArns=[arn]) == set()


def test_organizational_unit_principal(ram, account_ids, sandbox, service, aws_client):
    organizations = aws_client("management", "organizations")
    root = organizations.list_roots()["Roots"][0]["Id"]
    unit = organizations.create_organizational_unit(ParentId=root, Name=unique("ou"))["OrganizationalUnit"]
    share = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[service["arn"]], principals=[unit["Arn"]]
    )["resourceShare"]
    assert shares(ram["consumer"], resourceShareArns=[share["resourceShareArn"]]) == []
    organizations.move_account(AccountId=account_ids["consumer"], SourceParentId=root, DestinationParentId=unit["Id"])
    try:
        assert shared_arns(ram["consumer"], resourceShareArns=[share["resourceShareArn"]]) == {service["arn"]}
    finally:
        organizations.move_account(AccountId=account_ids["consumer"], SourceParentId=unit["Id"], DestinationParentId=root)


def test_only_the_owner_can_share_an_existing_resource(ram, org_share, service, sandbox):
    region, owner = sandbox["region"], sandbox["accounts"]["provider"]["id"]
    for client, arn, code in (
        (ram["consumer"], service["arn"], "UnknownResourceException"),  # shared with it, not its own
        (ram["provider"], f"arn:aws:vpc-lattice:{region}:{owner}:service/svc-0123456789abcdef0",
         "UnknownResourceException"),
        (ram["provider"], "not-an-arn", "MalformedArnException"),
    ):
        with pytest.raises(ClientError) as error:
            client.create_resource_share(name=unique("reshare"), resourceArns=[arn])
        assert error_code(error) == code, arn


def test_external_principal_refused_unless_allowed(ram, org_share, outsider):
    with pytest.raises(ClientError) as error:
        ram["provider"].associate_resource_share(
            resourceShareArn=org_share["resourceShareArn"], principals=[outsider["id"]]
        )
    assert error_code(error) == "OperationNotPermittedException"
    with pytest.raises(ClientError) as error:
        ram["provider"].create_resource_share(
            name=unique("share"), principals=[outsider["id"]], allowExternalPrincipals=False
        )
    assert error_code(error) == "OperationNotPermittedException"


def test_external_account_sees_nothing_until_it_accepts(ram, account_ids, service, outsider):
    share = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[service["arn"]], principals=[outsider["id"]],
        allowExternalPrincipals=True,
    )["resourceShare"]
    arn = share["resourceShareArn"]
    association = ram["provider"].get_resource_share_associations(
        associationType="PRINCIPAL", resourceShareArns=[arn]
    )["resourceShareAssociations"]
    assert [(a["associatedEntity"], a["status"], a["external"]) for a in association] == [
        (outsider["id"], "ASSOCIATING", True)
    ]
    assert shares(outsider["ram"], resourceShareArns=[arn]) == []
    assert shared_arns(outsider["ram"], resourceShareArns=[arn]) == set()

    invitations = outsider["ram"].get_resource_share_invitations(resourceShareArns=[arn])["resourceShareInvitations"]
    assert [(i["status"], i["senderAccountId"], i["receiverAccountId"], i["resourceShareName"]) for i in invitations] == [
        ("PENDING", account_ids["provider"], outsider["id"], share["name"])
    ]
    invitation = invitations[0]["resourceShareInvitationArn"]
    accepted = outsider["ram"].accept_resource_share_invitation(resourceShareInvitationArn=invitation)
    assert accepted["resourceShareInvitation"]["status"] == "ACCEPTED"
    assert [s["resourceShareArn"] for s in shares(outsider["ram"], resourceShareArns=[arn])] == [arn]
    assert shared_arns(outsider["ram"], resourceShareArns=[arn]) == {service["arn"]}
    with pytest.raises(ClientError) as error:
        outsider["ram"].accept_resource_share_invitation(resourceShareInvitationArn=invitation)
    assert error_code(error) == "ResourceShareInvitationAlreadyAcceptedException"

    # Removed and added again: access waits for a new invitation to be accepted.
    ram["provider"].disassociate_resource_share(resourceShareArn=arn, principals=[outsider["id"]])
    ram["provider"].associate_resource_share(resourceShareArn=arn, principals=[outsider["id"]])
    assert shares(outsider["ram"], resourceShareArns=[arn]) == []
    pending = outsider["ram"].get_resource_share_invitations(resourceShareArns=[arn])["resourceShareInvitations"]
    assert sorted(i["status"] for i in pending) == ["ACCEPTED", "PENDING"]


def test_rejected_invitation_gives_no_access(ram, service, outsider):
    arn = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[service["arn"]], principals=[outsider["id"]],
        allowExternalPrincipals=True,
    )["resourceShare"]["resourceShareArn"]
    invitation = outsider["ram"].get_resource_share_invitations(resourceShareArns=[arn])["resourceShareInvitations"][0]
    rejected = outsider["ram"].reject_resource_share_invitation(
        resourceShareInvitationArn=invitation["resourceShareInvitationArn"]
    )["resourceShareInvitation"]
    assert rejected["status"] == "REJECTED"
    assert shares(outsider["ram"], resourceShareArns=[arn]) == []
    with pytest.raises(ClientError) as error:
        outsider["ram"].accept_resource_share_invitation(
            resourceShareInvitationArn=invitation["resourceShareInvitationArn"]
        )
    assert error_code(error) == "ResourceShareInvitationAlreadyRejectedException"
    with pytest.raises(ClientError) as error:
        ram["consumer"].accept_resource_share_invitation(
            resourceShareInvitationArn=invitation["resourceShareInvitationArn"]
        )
    assert error_code(error) == "ResourceShareInvitationArnNotFoundException"


def test_deleting_a_share_takes_access_away(ram, org_share, service):
    arn = org_share["resourceShareArn"]
    assert ram["provider"].delete_resource_share(resourceShareArn=arn)["returnValue"] is True
    assert [s["status"] for s in shares(ram["provider"], "SELF", resourceShareArns=[arn])] == ["DELETED"]
    assert shares(ram["consumer"], resourceShareArns=[arn]) == []
    assert shared_arns(ram["consumer"], resourceShareArns=[arn]) == set()
    with pytest.raises(ClientError) as error:
        ram["provider"].associate_resource_share(resourceShareArn=arn, principals=["111111111111"])
    assert error_code(error) == "UnknownResourceException"


def test_client_token_makes_create_idempotent(ram, account_ids):
    name, token = unique("share"), unique("token")
    first = ram["provider"].create_resource_share(name=name, principals=[account_ids["consumer"]], clientToken=token)
    again = ram["provider"].create_resource_share(name=name, principals=[account_ids["consumer"]], clientToken=token)
    assert again["resourceShare"]["resourceShareArn"] == first["resourceShare"]["resourceShareArn"]
    assert again["clientToken"] == token
    assert len(shares(ram["provider"], "SELF", name=name)) == 1
    with pytest.raises(ClientError) as error:
        ram["provider"].create_resource_share(name=unique("other"), clientToken=token)
    assert error_code(error) == "IdempotentParameterMismatchException"


def test_tags_and_partial_update(ram):
    created = ram["provider"].create_resource_share(
        name=unique("share"), tags=[{"key": "team", "value": "a"}], allowExternalPrincipals=False
    )["resourceShare"]
    arn = created["resourceShareArn"]
    assert created["tags"] == [{"key": "team", "value": "a"}]
    ram["provider"].tag_resource(resourceShareArn=arn, tags=[{"key": "env", "value": "test"}])
    ram["provider"].untag_resource(resourceShareArn=arn, tagKeys=["team"])
    tagged = shares(ram["provider"], "SELF", tagFilters=[{"tagKey": "env", "tagValues": ["test"]}])
    assert [(s["resourceShareArn"], s["tags"]) for s in tagged if s["resourceShareArn"] == arn] == [
        (arn, [{"key": "env", "value": "test"}])
    ]
    updated = ram["provider"].update_resource_share(resourceShareArn=arn, name=created["name"] + "-x")["resourceShare"]
    assert updated["name"] == created["name"] + "-x"
    assert updated["allowExternalPrincipals"] is False


def test_shares_carry_the_default_permission_of_their_resource_types(ram, service, aws_client):
    network = aws_client("provider", "vpc-lattice").create_service_network(name=unique("net"))
    arn = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[service["arn"]]
    )["resourceShare"]["resourceShareArn"]
    listed = ram["provider"].list_resource_share_permissions(resourceShareArn=arn)["permissions"]
    assert [(p["resourceType"], p["isResourceTypeDefault"]) for p in listed] == [("vpc-lattice:Service", True)]
    detail = ram["provider"].get_permission(permissionArn=listed[0]["arn"])["permission"]
    assert detail["resourceType"] == "vpc-lattice:Service" and "vpc-lattice:GetService" in detail["permission"]

    default = "arn:aws:ram::aws:permission/AWSRAMDefaultPermissionVpcLatticeServiceNetwork"
    read_write = "arn:aws:ram::aws:permission/AWSRAMPermissionVpcLatticeServiceNetworkReadWrite"
    # No network in the share yet: a permission for the type may be added, a second one only replaces it.
    ram["provider"].associate_resource_share_permission(resourceShareArn=arn, permissionArn=default)
    with pytest.raises(ClientError) as error:
        ram["provider"].associate_resource_share_permission(resourceShareArn=arn, permissionArn=read_write)
    assert error_code(error) == "InvalidParameterException"
    ram["provider"].associate_resource_share_permission(resourceShareArn=arn, permissionArn=read_write, replace=True)
    ram["provider"].associate_resource_share(resourceShareArn=arn, resourceArns=[network["arn"]])
    listed = ram["provider"].list_resource_share_permissions(resourceShareArn=arn)["permissions"]
    assert sorted((p["resourceType"], p["name"]) for p in listed) == [
        ("vpc-lattice:Service", "AWSRAMDefaultPermissionVpcLatticeService"),
        ("vpc-lattice:ServiceNetwork", "AWSRAMPermissionVpcLatticeServiceNetworkReadWrite"),
    ]
    with pytest.raises(ClientError) as error:
        ram["provider"].get_permission(permissionArn="arn:aws:ram::aws:permission/NoSuchPermission")
    assert error_code(error) == "UnknownResourceException"


def test_a_deleted_resource_leaves_its_shares(ram, org_share, service, aws_client):
    arn = org_share["resourceShareArn"]
    aws_client("provider", "vpc-lattice").delete_service(serviceIdentifier=service["id"])
    wait_until(lambda: shared_arns(ram["consumer"], resourceShareArns=[arn]), lambda found: found == set())
    association = ram["provider"].get_resource_share_associations(
        associationType="RESOURCE", resourceShareArns=[arn]
    )["resourceShareAssociations"]
    assert [(a["associatedEntity"], a["status"]) for a in association] == [(service["arn"], "DISASSOCIATED")]


LATTICE_PERMISSION = "arn:aws:ram::aws:permission/{}"


def test_managed_permissions_of_the_lattice_resource_types(ram):
    for resource_type, expected in (
        ("vpc-lattice:Service", [("AWSRAMDefaultPermissionVpcLatticeService", True)]),
        ("vpc-lattice:ServiceNetwork", [("AWSRAMDefaultPermissionVpcLatticeServiceNetwork", True),
                                        ("AWSRAMPermissionVpcLatticeServiceNetworkReadWrite", False)]),
    ):
        for permission_type in ("ALL", "AWS_MANAGED"):
            listed = ram["provider"].list_permissions(resourceType=resource_type, permissionType=permission_type)
            assert sorted((p["name"], p["isResourceTypeDefault"]) for p in listed["permissions"]) == expected
            for permission in listed["permissions"]:
                assert permission["arn"] == LATTICE_PERMISSION.format(permission["name"])
                assert (permission["resourceType"], permission["permissionType"]) == (resource_type, "AWS_MANAGED")
        assert ram["provider"].list_permissions(
            resourceType=resource_type, permissionType="CUSTOMER_MANAGED"
        )["permissions"] == []
    detail = ram["provider"].get_permission(
        permissionArn=LATTICE_PERMISSION.format("AWSRAMPermissionVpcLatticeServiceNetworkReadWrite")
    )["permission"]
    assert detail["resourceType"] == "vpc-lattice:ServiceNetwork"
    assert "vpc-lattice:CreateServiceNetworkVpcAssociation" in json.loads(detail["permission"])["Statement"][0]["Action"]
    with pytest.raises(ClientError) as error:
        ram["provider"].get_permission(permissionArn="not-an-arn")
    assert error_code(error) == "MalformedArnException"


def test_a_chosen_permission_replaces_the_default_of_its_type(ram, aws_client, sandbox):
    network = aws_client("provider", "vpc-lattice").create_service_network(name=unique("net"))
    read_write = LATTICE_PERMISSION.format("AWSRAMPermissionVpcLatticeServiceNetworkReadWrite")
    arn = ram["provider"].create_resource_share(
        name=unique("share"), resourceArns=[network["arn"]], permissionArns=[read_write],
        principals=[sandbox["organization"]["arn"]],
    )["resourceShare"]["resourceShareArn"]
    listed = ram["provider"].list_resource_share_permissions(resourceShareArn=arn)["permissions"]
    assert [(p["arn"], p["resourceType"], p["featureSet"]) for p in listed] == [
        (read_write, "vpc-lattice:ServiceNetwork", "STANDARD")
    ]
    # Back to the default (once the share holds no network), then errors that leave the share as it was.
    default = LATTICE_PERMISSION.format("AWSRAMDefaultPermissionVpcLatticeServiceNetwork")
    ram["provider"].disassociate_resource_share(resourceShareArn=arn, resourceArns=[network["arn"]])
    ram["provider"].associate_resource_share_permission(resourceShareArn=arn, permissionArn=default, replace=True)
    for permission_arn, code in (
        (LATTICE_PERMISSION.format("NoSuchPermission"), "UnknownResourceException"),
        ("not-an-arn", "MalformedArnException"),
    ):
        with pytest.raises(ClientError) as error:
            ram["provider"].associate_resource_share_permission(
                resourceShareArn=arn, permissionArn=permission_arn, replace=True
            )
        assert error_code(error) == code
    listed = ram["provider"].list_resource_share_permissions(resourceShareArn=arn)["permissions"]
    assert [p["arn"] for p in listed] == [default]
    with pytest.raises(ClientError) as error:
        ram["provider"].list_resource_share_permissions(resourceShareArn=arn[:-4] + "0000")
    assert error_code(error) == "UnknownResourceException"


def test_only_the_management_account_or_a_delegated_administrator_lists_trusted_services(aws_client, account_ids):
    # Organizations API reference, ListAWSServiceAccessForOrganization: "You can only call this
    # operation from the management account or a member account that is a delegated administrator".
    management = aws_client("management", "organizations")
    principals = management.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    assert "ram.amazonaws.com" in {p["ServicePrincipal"] for p in principals}
    member = aws_client("consumer", "organizations")
    with pytest.raises(ClientError) as info:
        member.list_aws_service_access_for_organization()
    assert error_code(info) == "AccessDeniedException"
    management.register_delegated_administrator(
        AccountId=account_ids["consumer"], ServicePrincipal="ssm.amazonaws.com"
    )
    try:
        assert member.list_aws_service_access_for_organization()["EnabledServicePrincipals"] == principals
    finally:
        management.deregister_delegated_administrator(
            AccountId=account_ids["consumer"], ServicePrincipal="ssm.amazonaws.com"
        )
