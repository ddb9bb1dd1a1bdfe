"""vpc_lattice_listener_rule: match/priority/action updates, parents resolution, validation."""

from vpc_lattice_harness import ANY, Calls, described, forward, hexid, listener, listing, run, service, target_group

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_listener_rule as module

SVC, TG, LIS = service(name="web-service"), target_group(name="blue"), listener(name="http-listener")
PARENTS = {"serviceIdentifier": SVC["id"], "listenerIdentifier": LIS["id"]}
MATCH = {"httpMatch": {"pathMatch": {"match": {"prefix": "/v2"}, "caseSensitive": False}}}
RULE = dict(
    id=hexid("rule"),
    arn=f"{LIS['arn']}/rule/{hexid('rule')}",
    name="v2-path",
    priority=10,
    isDefault=False,
    match=MATCH,
    action=forward(TG["id"]),
    createdAt="2024-01-01T00:00:00Z",
    lastUpdatedAt="2024-01-01T00:00:00Z",
)
GET = dict(method="get_rule", id_param="ruleIdentifier", **PARENTS)

ARGS = {
    "service": "web-service",
    "listener": "http-listener",
    "name": "v2-path",
    "priority": 10,
    "match": {"http_match": {"path_match": {"match": {"prefix": "/v2"}}}},
    "action": {"forward": {"target_groups": [{"target_group": "blue"}]}},
}


def lookup(*rules):
    calls = Calls().ok("list_services", listing(SVC), {})
    calls.ok("list_listeners", listing(LIS), {"serviceIdentifier": SVC["id"]})
    return calls.ok("list_rules", listing(*rules), PARENTS)


def test_create():
    calls = lookup().ok("list_target_groups", listing(TG), {})
    calls.ok(
        "create_rule",
        {"id": RULE["id"], "arn": RULE["arn"]},
        dict(
            PARENTS,
            name="v2-path",
            priority=10,
            match={"httpMatch": {"pathMatch": {"match": {"prefix": "/v2"}}}},
            action=forward(TG["id"]),
            clientToken=ANY,
        ),
    )
    described(calls, resource=RULE, **GET)
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True
    assert result["listener_rule"]["match"]["http_match"]["path_match"]["match"] == {"prefix": "/v2"}


def test_no_op_ignores_defaults_aws_fills_in():
    calls = described(lookup(RULE), resource=RULE, **GET).ok("list_target_groups", listing(TG), {})
    assert run(module.main, ARGS, calls)["changed"] is False


def test_update_priority_and_match_in_one_call():
    calls = described(lookup(RULE), resource=RULE, **GET).ok("list_target_groups", listing(TG), {})
    new_match = {"httpMatch": {"method": "POST", "pathMatch": {"match": {"exact": "/v2/items"}}}}
    calls.ok("update_rule", {"id": RULE["id"]}, dict(PARENTS, ruleIdentifier=RULE["id"], priority=20, match=new_match))
    described(calls, resource=dict(RULE, priority=20, match=new_match), **GET)
    args = dict(
        ARGS, priority=20, match={"http_match": {"method": "POST", "path_match": {"match": {"exact": "/v2/items"}}}}
    )
    result = run(module.main, args, calls)
    assert result["changed"] is True
    assert result["listener_rule"]["priority"] == 20
    assert result["diff"]["before"]["priority"] == 10


def test_check_mode_update():
    # A fixed response names no target group: nothing to look up.
    calls = described(lookup(RULE), resource=RULE, **GET)
    result = run(module.main, dict(ARGS, action={"fixed_response": {"status_code": 500}}), calls, check_mode=True)
    assert result["listener_rule"]["action"] == {"fixed_response": {"status_code": 500}}


def test_listener_by_arn_skips_the_listener_lookup():
    calls = Calls().ok("list_services", listing(SVC), {})
    calls.ok("list_rules", listing(RULE), dict(PARENTS, listenerIdentifier=LIS["arn"]))
    described(
        calls,
        resource=RULE,
        method="get_rule",
        id_param="ruleIdentifier",
        serviceIdentifier=SVC["id"],
        listenerIdentifier=LIS["arn"],
    )
    calls.ok("delete_rule", {}, dict(PARENTS, listenerIdentifier=LIS["arn"], ruleIdentifier=RULE["id"]))
    result = run(
        module.main, {"service": "web-service", "listener": LIS["arn"], "name": "v2-path", "state": "absent"}, calls
    )
    assert result["changed"] is True


def test_missing_listener():
    calls = (
        Calls()
        .ok("list_services", listing(SVC), {})
        .ok("list_listeners", {"items": []}, {"serviceIdentifier": SVC["id"]})
    )
    assert run(module.main, ARGS, calls)["msg"].startswith("listener: listener http-listener not found")
    calls = (
        Calls()
        .ok("list_services", listing(SVC), {})
        .ok("list_listeners", {"items": []}, {"serviceIdentifier": SVC["id"]})
    )
    assert run(module.main, dict(ARGS, state="absent"), calls)["changed"] is False


def test_validation():
    assert "'priority'" in run(module.main, dict(ARGS, priority=0), Calls())["msg"]
    bad_path = dict(ARGS, match={"http_match": {"path_match": {"match": {"prefix": "no-slash"}}}})
    assert "'match.http_match.path_match.match.prefix'" in run(module.main, bad_path, Calls())["msg"]
    both = dict(ARGS, match={"http_match": {"path_match": {"match": {"prefix": "/a", "exact": "/a"}}}})
    assert "mutually exclusive" in run(module.main, both, Calls())["msg"]


def test_fixed_response_other_than_404_or_500_fails_before_any_call():
    # VPC Lattice accepts only 404 and 500 in a fixed-response action.
    result = run(module.main, dict(ARGS, action={"fixed_response": {"status_code": 403}}), Calls())
    assert result["failed"] and "status_code" in result["msg"] and "404, 500" in result["msg"]
