"""vpc_lattice_listener: references by name, default action updates, immutable protocol/port, replace."""

from vpc_lattice_harness import ANY, Calls, described, forward, hexid, listener, listing, run, service, target_group

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_listener as module

SVC = service(name="web-service")
TG1, TG2 = target_group(1, name="blue"), target_group(2, name="green")
LIS = listener(name="https-listener", action=forward(TG1["id"]))
PARENT = {"serviceIdentifier": SVC["id"]}
GET = dict(method="get_listener", id_param="listenerIdentifier", **PARENT)

ARGS = {
    "service": "web-service",
    "name": "https-listener",
    "protocol": "HTTPS",
    "port": 443,
    "default_action": {"forward": {"target_groups": [{"target_group": "blue"}]}},
}


def lookup(*listeners):
    return Calls().ok("list_services", listing(SVC), {}).ok("list_listeners", listing(*listeners), PARENT)


def found():
    return described(lookup(LIS), resource=LIS, **GET)


def groups(calls):
    return calls.ok("list_target_groups", listing(TG1, TG2), {})


def test_create_resolves_service_and_target_group_names():
    calls = groups(lookup())
    calls.ok(
        "create_listener",
        {"id": LIS["id"], "arn": LIS["arn"]},
        {
            "serviceIdentifier": SVC["id"],
            "name": "https-listener",
            "protocol": "HTTPS",
            "port": 443,
            "defaultAction": forward(TG1["id"]),
            "clientToken": ANY,
        },
    )
    described(calls, resource=LIS, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["listener"]["default_action"] == {
        "forward": {"target_groups": [{"target_group_identifier": TG1["id"], "weight": 100}]}
    }
    assert result["listener"]["service_id"] == SVC["id"]


def test_check_mode_on_a_fresh_account_assumes_earlier_tasks_create_the_references():
    calls = Calls().ok("list_services", {"items": []}, {}).ok("list_target_groups", {"items": []}, {})
    result = run(module.main, ARGS, calls, check_mode=True)
    assert result["changed"] is True
    assert result["listener"]["port"] == 443
    assert result["listener"]["default_action"]["forward"]["target_groups"][0]["target_group_identifier"] == "blue"


def test_missing_service_fails_outside_check_mode():
    result = run(module.main, ARGS, Calls().ok("list_services", {"items": []}, {}))
    assert result["failed"] is True
    assert result["msg"].startswith("service: service web-service not found")


def test_no_op_by_ids():
    calls = Calls().ok("list_listeners", listing(LIS), PARENT)
    described(calls, resource=LIS, **GET)
    args = dict(ARGS, service=SVC["id"], default_action={"forward": {"target_groups": [{"target_group": TG1["arn"]}]}})
    assert run(module.main, args, calls)["changed"] is False


def test_default_action_update():
    calls = groups(found())
    split = {
        "forward": {
            "targetGroups": [
                {"targetGroupIdentifier": TG1["id"], "weight": 80},
                {"targetGroupIdentifier": TG2["id"], "weight": 20},
            ]
        }
    }
    calls.ok("update_listener", {"id": LIS["id"]}, dict(PARENT, listenerIdentifier=LIS["id"], defaultAction=split))
    described(calls, resource=dict(LIS, defaultAction=split), **GET)
    args = dict(
        ARGS,
        default_action={
            "forward": {
                "target_groups": [{"target_group": "blue", "weight": 80}, {"target_group": "green", "weight": 20}]
            }
        },
    )
    result = run(module.main, args, calls)
    assert result["changed"] is True
    assert [g["weight"] for g in result["listener"]["default_action"]["forward"]["target_groups"]] == [80, 20]


def test_switch_to_fixed_response_in_check_mode():
    result = run(
        module.main, dict(ARGS, default_action={"fixed_response": {"status_code": 404}}), found(), check_mode=True
    )
    assert result["changed"] is True
    assert result["listener"]["default_action"] == {"fixed_response": {"status_code": 404}}


def test_protocol_cannot_change_in_place():
    result = run(module.main, dict(ARGS, protocol="HTTP", port=80), groups(found()))
    assert result["failed"] is True
    assert "AWS cannot change protocol, port of an existing listener. Set replace=true" in result["msg"]


def test_replace():
    calls = groups(found()).ok("delete_listener", {}, dict(PARENT, listenerIdentifier=LIS["id"]))
    new = listener(n=2, name="https-listener", protocol="HTTP", port=80)
    calls.ok(
        "create_listener",
        {"id": new["id"], "arn": new["arn"]},
        {
            "serviceIdentifier": SVC["id"],
            "name": "https-listener",
            "protocol": "HTTP",
            "port": 80,
            "defaultAction": forward(TG1["id"]),
            "clientToken": ANY,
        },
    )
    described(calls, resource=new, **GET)
    result = run(module.main, dict(ARGS, protocol="HTTP", port=80, replace=True), calls)
    assert (result["changed"], result["listener"]["id"]) == (True, hexid("listener", 2))


def test_delete_and_missing_service_on_delete():
    calls = found().ok("delete_listener", {}, dict(PARENT, listenerIdentifier=LIS["id"]))
    assert (
        run(module.main, {"service": "web-service", "name": "https-listener", "state": "absent"}, calls)["changed"]
        is True
    )
    gone = Calls().ok("list_services", {"items": []}, {})
    assert (
        run(module.main, {"service": "web-service", "name": "https-listener", "state": "absent"}, gone)["changed"]
        is False
    )


def test_weight_and_port_ranges():
    bad_weight = dict(ARGS, default_action={"forward": {"target_groups": [{"target_group": "blue", "weight": 1000}]}})
    assert "'default_action.forward.target_groups[0].weight'" in run(module.main, bad_weight, Calls())["msg"]
    assert "'port'" in run(module.main, dict(ARGS, port=0), Calls())["msg"]


def test_forward_and_fixed_response_are_exclusive():
    action = {"forward": {"target_groups": [{"target_group": "blue"}]}, "fixed_response": {"status_code": 404}}
    result = run(module.main, dict(ARGS, default_action=action), Calls())
    assert result["failed"] is True
    assert "mutually exclusive" in result["msg"]
