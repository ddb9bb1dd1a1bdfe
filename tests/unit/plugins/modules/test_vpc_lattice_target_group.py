"""vpc_lattice_target_group: create with targets, health check update, targets, immutables, replace, validation."""

from vpc_lattice_harness import ANY, Calls, described, listing, run, summary_members, tags_read, target_group

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_target_group as module

FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:lambda-vpclattice-target"
LAMBDA = target_group(name="target-lambda")
IP_CONFIG = {
    "port": 80,
    "protocol": "HTTP",
    "vpcIdentifier": "vpc-01234567",
    "healthCheck": {"enabled": True, "path": "/"},
}
IP = target_group(n=2, name="web-ips", type="IP", config=IP_CONFIG)
GET = dict(method="get_target_group", id_param="targetGroupIdentifier")


def found(group, targets=(), calls=None):
    calls = described((calls or Calls()).ok("list_target_groups", listing(group), {}), resource=group, **GET)
    return calls.ok("list_targets", {"items": list(targets)}, {"targetGroupIdentifier": group["id"]})


def reread(calls, group, targets=()):
    described(calls, resource=group, **GET)
    return calls.ok("list_targets", {"items": list(targets)}, {"targetGroupIdentifier": group["id"]})


LAMBDA_ARGS = {
    "name": "target-lambda",
    "type": "LAMBDA",
    "config": {"lambda_event_structure_version": "V2"},
    "targets": [{"id": FUNCTION}],
}


def test_create_lambda_group_then_register_the_function():
    calls = Calls().ok("list_target_groups", {"items": []}, {})
    calls.ok(
        "create_target_group",
        {"id": LAMBDA["id"], "arn": LAMBDA["arn"], "status": "ACTIVE"},
        {
            "name": "target-lambda",
            "type": "LAMBDA",
            "config": {"lambdaEventStructureVersion": "V2"},
            "clientToken": ANY,
        },
    )
    reread(calls, LAMBDA)
    calls.ok(
        "register_targets",
        {"successful": [{"id": FUNCTION}], "unsuccessful": []},
        {"targetGroupIdentifier": LAMBDA["id"], "targets": [{"id": FUNCTION}]},
    )
    reread(calls, LAMBDA, [{"id": FUNCTION, "status": "UNAVAILABLE"}])
    result = run(module.main, LAMBDA_ARGS, calls)
    assert result["changed"] is True
    assert result["target_group"]["config"] == {"lambda_event_structure_version": "V2"}
    assert result["target_group"]["targets"] == [{"id": FUNCTION, "status": "UNAVAILABLE"}]


def test_create_in_check_mode_predicts_the_targets():
    calls = Calls().ok("list_target_groups", {"items": []}, {})
    result = run(module.main, LAMBDA_ARGS, calls, check_mode=True)
    assert result["changed"] is True
    assert result["target_group"]["targets"] == [{"id": FUNCTION}]
    assert result["target_group"]["type"] == "LAMBDA"


def test_no_op_with_registered_function():
    result = run(module.main, LAMBDA_ARGS, found(LAMBDA, [{"id": FUNCTION, "status": "UNAVAILABLE"}]))
    assert result["changed"] is False


def test_no_op_reads_a_lambda_group_from_its_list_item():
    """ListTargetGroups' item of a LAMBDA group (botocore's TargetGroupSummary members) holds its whole
    config: no GetTargetGroup (Calls fails on an unexpected call), then its tags and targets."""
    members = summary_members("ListTargetGroups")
    item = {k: v for k, v in LAMBDA.items() if k in members and k != "config"}
    item["lambdaEventStructureVersion"] = "V2"
    assert "lambdaEventStructureVersion" in members and "config" not in members
    calls = Calls().ok("list_target_groups", {"items": [item]}, {})
    tags_read(calls, LAMBDA)
    calls.ok("list_targets", {"items": [{"id": FUNCTION, "status": "UNAVAILABLE"}]}, {"targetGroupIdentifier": LAMBDA["id"]})
    result = run(module.main, LAMBDA_ARGS, calls)
    assert result["changed"] is False
    assert result["target_group"]["config"] == {"lambda_event_structure_version": "V2"}
    assert result["target_group"]["status"] == "ACTIVE"


def test_an_ip_group_is_read_with_get_whatever_its_list_item_holds():
    members = summary_members("ListTargetGroups")
    item = {k: v for k, v in IP.items() if k in members}
    calls = described(Calls().ok("list_target_groups", {"items": [item]}, {}), resource=IP, **GET)
    calls.ok("list_targets", {"items": []}, {"targetGroupIdentifier": IP["id"]})
    result = run(module.main, {"name": "web-ips", "type": "IP", "config": {"port": 80, "protocol": "HTTP",
                                                                           "vpc_identifier": "vpc-01234567"}}, calls)
    assert result["changed"] is False
    assert result["target_group"]["config"]["health_check"] == {"enabled": True, "path": "/"}


def test_failed_registration_is_reported():
    calls = found(LAMBDA)
    calls.ok(
        "register_targets",
        {"unsuccessful": [{"id": FUNCTION, "failureCode": "NotFound", "failureMessage": "no such function"}]},
        {"targetGroupIdentifier": LAMBDA["id"], "targets": [{"id": FUNCTION}]},
    )
    result = run(module.main, LAMBDA_ARGS, calls)
    assert result["failed"] is True
    assert f"{FUNCTION}: no such function" in result["msg"]


IP_ARGS = {
    "name": "web-ips",
    "type": "IP",
    "config": {"port": 80, "protocol": "HTTP", "vpc_identifier": "vpc-01234567"},
}


def test_health_check_is_updated_in_place():
    calls = found(IP)
    calls.ok(
        "update_target_group", {"id": IP["id"]}, {"targetGroupIdentifier": IP["id"], "healthCheck": {"path": "/health"}}
    )
    new = dict(IP, config=dict(IP_CONFIG, healthCheck={"enabled": True, "path": "/health"}))
    reread(calls, new)
    args = dict(IP_ARGS, config=dict(IP_ARGS["config"], health_check={"path": "/health"}))
    result = run(module.main, args, calls)
    assert result["changed"] is True
    assert result["target_group"]["config"]["health_check"] == {"enabled": True, "path": "/health"}


def test_targets_are_reconciled_and_draining_ones_ignored():
    existing = [
        {"id": "10.0.0.1", "port": 80, "status": "HEALTHY"},
        {"id": "10.0.0.2", "port": 80, "status": "HEALTHY"},
        {"id": "10.0.0.9", "port": 80, "status": "DRAINING"},
    ]
    calls = found(IP, existing)
    calls.ok(
        "deregister_targets",
        {"successful": [{"id": "10.0.0.2", "port": 80}]},
        {"targetGroupIdentifier": IP["id"], "targets": [{"id": "10.0.0.2", "port": 80}]},
    )
    calls.ok(
        "register_targets",
        {"successful": [{"id": "10.0.0.3", "port": 8080}]},
        {"targetGroupIdentifier": IP["id"], "targets": [{"id": "10.0.0.3", "port": 8080}]},
    )
    reread(calls, IP, existing[:1] + [{"id": "10.0.0.3", "port": 8080, "status": "INITIAL"}])
    # With wait, the deregistered target is waited for until ListTargets no longer lists it.
    calls.ok("list_targets", {"items": existing[:1] + [{"id": "10.0.0.3", "port": 8080, "status": "INITIAL"}]},
             {"targetGroupIdentifier": IP["id"]})
    # No port on 10.0.0.1: the group's port is what AWS registered it with, so it matches.
    args = dict(IP_ARGS, targets=[{"id": "10.0.0.1"}, {"id": "10.0.0.3", "port": 8080}])
    result = run(module.main, args, calls)
    assert result["changed"] is True
    assert [t["id"] for t in result["target_group"]["targets"]] == ["10.0.0.1", "10.0.0.3"]


def test_targets_without_purge_only_register():
    calls = found(IP, [{"id": "10.0.0.1", "port": 80, "status": "HEALTHY"}])
    result = run(module.main, dict(IP_ARGS, targets=[{"id": "10.0.0.2"}], purge_targets=False), calls, check_mode=True)
    assert [t["id"] for t in result["target_group"]["targets"]] == ["10.0.0.1", "10.0.0.2"]


def test_changed_config_fails_without_replace():
    result = run(module.main, dict(IP_ARGS, config=dict(IP_ARGS["config"], port=8080)), found(IP))
    assert result["failed"] is True
    assert "AWS cannot change config of an existing target group. Set replace=true" in result["msg"]


def test_changed_type_with_replace_deletes_and_recreates():
    calls = found(LAMBDA).ok(
        "delete_target_group",
        {"id": LAMBDA["id"], "status": "DELETE_IN_PROGRESS"},
        {"targetGroupIdentifier": LAMBDA["id"]},
    )
    calls.error("get_target_group", "ResourceNotFoundException", {"targetGroupIdentifier": LAMBDA["id"]}, 404)
    new = target_group(n=3, name="target-lambda", type="IP", config=IP_CONFIG)
    calls.ok(
        "create_target_group",
        {"id": new["id"], "arn": new["arn"]},
        {
            "name": "target-lambda",
            "type": "IP",
            "config": {"port": 80, "protocol": "HTTP", "vpcIdentifier": "vpc-01234567"},
            "clientToken": ANY,
        },
    )
    reread(calls, new)
    result = run(module.main, dict(IP_ARGS, name="target-lambda", replace=True), calls)
    assert result["changed"] is True
    assert (result["diff"]["before"]["id"], result["target_group"]["id"]) == (LAMBDA["id"], new["id"])


def test_delete_in_use_explains():
    calls = found(LAMBDA).error(
        "delete_target_group", "ConflictException", {"targetGroupIdentifier": LAMBDA["id"]}, 409
    )
    result = run(module.main, {"name": "target-lambda", "state": "absent"}, calls)
    assert "listener or listener rule still forwards to it" in result["msg"]


def test_lambda_group_rejects_network_settings():
    result = run(module.main, dict(LAMBDA_ARGS, config={"port": 80}), Calls())
    assert (
        result["msg"] == "Invalid value for parameter 'config.port': a LAMBDA target group has no network configuration"
    )


def test_ip_group_needs_a_vpc_to_be_created():
    calls = Calls().ok("list_target_groups", {"items": []}, {})
    result = run(module.main, dict(IP_ARGS, config={"port": 80, "protocol": "HTTP"}), calls)
    assert "'config.vpc_identifier': required to create a target group of type IP" in result["msg"]


def test_target_port_out_of_range():
    result = run(module.main, dict(IP_ARGS, targets=[{"id": "10.0.0.1", "port": 70000}]), Calls())
    assert "'targets[0].port'" in result["msg"]
