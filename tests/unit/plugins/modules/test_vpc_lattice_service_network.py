"""vpc_lattice_service_network: each decision of the module, with the exact API calls it makes."""

from vpc_lattice_harness import ANY, Calls, described, listing, run, service_network

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_service_network as module

NET = service_network(name="net-one")
GET = dict(method="get_service_network", id_param="serviceNetworkIdentifier")


def found(calls=None, tags=None):
    calls = (calls or Calls()).ok("list_service_networks", listing(NET), {})
    return described(calls, resource=NET, tags=tags, **GET)


def test_create_with_tags_and_client_token():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    calls.ok(
        "create_service_network",
        {"id": NET["id"], "arn": NET["arn"], "name": "net-one"},
        {"name": "net-one", "clientToken": ANY, "tags": {"team": "a"}},
    )
    described(calls, resource=NET, tags={"team": "a"}, **GET)
    result = run(module.main, {"name": "net-one", "tags": {"team": "a"}}, calls)
    assert result["changed"] is True
    assert result["service_network"]["id"] == NET["id"]
    assert result["service_network"]["number_of_associated_vpcs"] == 0
    assert result["service_network"]["tags"] == {"team": "a"}
    assert result["diff"]["before"] == {}


def test_create_in_check_mode_only_reads():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    result = run(module.main, {"name": "net-one", "auth_type": "AWS_IAM"}, calls, check_mode=True)
    assert result["changed"] is True
    assert result["service_network"] == {"name": "net-one", "auth_type": "AWS_IAM", "tags": {}}


def test_no_op():
    result = run(
        module.main, {"name": "net-one", "auth_type": "NONE", "tags": {"team": "a"}}, found(tags={"team": "a"})
    )
    assert result["changed"] is False
    assert result["service_network"]["auth_type"] == "NONE"


def test_update_auth_type_and_tags():
    calls = found(tags={"team": "a", "old": "x"})
    calls.ok(
        "update_service_network",
        {"id": NET["id"], "arn": NET["arn"], "name": "net-one", "authType": "AWS_IAM"},
        {"serviceNetworkIdentifier": NET["id"], "authType": "AWS_IAM"},
    )
    calls.ok("untag_resource", {}, {"resourceArn": NET["arn"], "tagKeys": ["old"]})
    calls.ok("tag_resource", {}, {"resourceArn": NET["arn"], "tags": {"team": "b"}})
    described(calls, resource=dict(NET, authType="AWS_IAM"), tags={"team": "b"}, **GET)
    result = run(module.main, {"name": "net-one", "auth_type": "AWS_IAM", "tags": {"team": "b"}}, calls)
    assert result["changed"] is True
    assert result["service_network"]["auth_type"] == "AWS_IAM"
    assert result["diff"]["before"]["tags"] == {"team": "a", "old": "x"}
    assert result["diff"]["after"]["tags"] == {"team": "b"}


def test_update_in_check_mode_predicts():
    result = run(
        module.main,
        {"name": "net-one", "auth_type": "AWS_IAM", "tags": {"new": "1"}, "purge_tags": False},
        found(tags={"team": "a"}),
        check_mode=True,
    )
    assert result["changed"] is True
    assert result["service_network"]["auth_type"] == "AWS_IAM"
    assert result["service_network"]["tags"] == {"team": "a", "new": "1"}


def test_delete():
    calls = found().ok("delete_service_network", {}, {"serviceNetworkIdentifier": NET["id"]})
    result = run(module.main, {"name": "net-one", "state": "absent"}, calls)
    assert result["changed"] is True
    assert result["service_network"] is None
    assert result["diff"]["before"]["id"] == NET["id"]


def test_delete_in_check_mode():
    assert run(module.main, {"name": "net-one", "state": "absent"}, found(), check_mode=True)["changed"] is True


def test_delete_missing_is_no_change():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    assert run(module.main, {"name": "net-one", "state": "absent"}, calls)["changed"] is False


def test_delete_with_associations_says_what_to_remove():
    calls = found().error("delete_service_network", "ConflictException", {"serviceNetworkIdentifier": NET["id"]}, 409)
    result = run(module.main, {"name": "net-one", "state": "absent"}, calls)
    assert result["failed"] is True
    assert "service or VPC associations still exist" in result["msg"]


def test_invalid_name_fails_before_any_call():
    result = run(module.main, {"name": "Net_One"}, Calls())
    assert result["failed"] is True
    assert result["msg"].startswith("Invalid value for parameter 'name'")


def test_missing_iam_permission_is_named_with_what_to_do():
    denied = ("User: arn:aws:sts::123456789012:assumed-role/lattice-deployer/s is not authorized to perform: "
              "vpc-lattice:CreateServiceNetwork because no identity-based policy allows the "
              "vpc-lattice:CreateServiceNetwork action")
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    calls.error("create_service_network", "AccessDeniedException", None, 403, denied)
    result = run(module.main, {"name": "net-one"}, calls)
    assert result["failed"] is True
    assert "lack the IAM permission vpc-lattice:CreateServiceNetwork;" in result["msg"], result["msg"]
    assert "iam/ folder" in result["msg"]


def test_create_without_sharing():
    calls = Calls().ok("list_service_networks", {"items": []}, {})
    calls.ok(
        "create_service_network",
        {"id": NET["id"], "arn": NET["arn"], "name": "net-one", "sharingConfig": {"enabled": False}},
        {"name": "net-one", "sharingConfig": {"enabled": False}, "clientToken": ANY},
    )
    described(calls, resource=dict(NET, sharingConfig={"enabled": False}), **GET)
    result = run(module.main, {"name": "net-one", "sharing_config": {"enabled": False}}, calls)
    assert result["changed"] is True
    assert result["service_network"]["sharing_config"] == {"enabled": False}


def test_sharing_cannot_change_in_place():
    """UpdateServiceNetwork takes authType only: a different sharing_config fails without a mutating call."""
    shareable = dict(NET, sharingConfig={"enabled": True})
    calls = described(Calls().ok("list_service_networks", listing(shareable), {}), resource=shareable, **GET)
    result = run(module.main, {"name": "net-one", "sharing_config": {"enabled": False}}, calls)
    assert result["failed"] is True
    assert "sharing_config" in result["msg"]
    calls = described(Calls().ok("list_service_networks", listing(shareable), {}), resource=shareable, **GET)
    assert run(module.main, {"name": "net-one", "sharing_config": {"enabled": True}}, calls)["changed"] is False
