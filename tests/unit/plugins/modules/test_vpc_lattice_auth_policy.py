"""vpc_lattice_auth_policy: semantic comparison, put, delete."""

import json

from vpc_lattice_harness import Calls, listing, run, service

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_auth_policy as module

SVC = service(name="web-service")
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "vpc-lattice-svcs:Invoke", "Resource": "*"}],
}
# The same policy as AWS may hand it back: single values as lists, keys in another order.
EQUIVALENT = {
    "Statement": [{"Resource": ["*"], "Action": ["vpc-lattice-svcs:Invoke"], "Principal": "*", "Effect": "Allow"}],
    "Version": "2012-10-17",
}
TARGET = {"resourceIdentifier": SVC["id"]}


def current(policy):
    calls = Calls().ok("list_services", listing(SVC), {})
    if policy is None:
        return calls.error("get_auth_policy", "ResourceNotFoundException", TARGET, 404)
    return calls.ok("get_auth_policy", {"policy": json.dumps(policy), "state": "Active"}, TARGET)


def test_put_when_missing():
    calls = current(None).ok(
        "put_auth_policy", {"policy": json.dumps(POLICY)}, dict(TARGET, policy=json.dumps(POLICY, sort_keys=True))
    )
    calls.ok("get_auth_policy", {"policy": json.dumps(POLICY), "state": "Active"}, TARGET)
    result = run(module.main, {"service": "web-service", "policy": json.dumps(POLICY)}, calls)
    assert result["changed"] is True
    assert result["auth_policy"] == {"policy": POLICY, "state": "Active"}


def test_equivalent_policy_is_no_change():
    assert (
        run(module.main, {"service": "web-service", "policy": json.dumps(EQUIVALENT)}, current(POLICY))["changed"]
        is False
    )


def test_changed_policy_is_put_again():
    other = dict(POLICY, Statement=[dict(POLICY["Statement"][0], Effect="Deny")])
    calls = current(POLICY).ok("put_auth_policy", {}, dict(TARGET, policy=json.dumps(other, sort_keys=True)))
    calls.ok("get_auth_policy", {"policy": json.dumps(other), "state": "Active"}, TARGET)
    result = run(module.main, {"service": "web-service", "policy": json.dumps(other)}, calls)
    assert (result["changed"], result["diff"]["before"]["policy"], result["auth_policy"]["policy"]) == (
        True,
        POLICY,
        other,
    )


def test_check_mode():
    result = run(module.main, {"service": "web-service", "policy": json.dumps(POLICY)}, current(None), check_mode=True)
    assert (result["changed"], result["auth_policy"]) == (True, {"policy": POLICY})


def test_delete():
    calls = current(POLICY).ok("delete_auth_policy", {}, TARGET)
    assert run(module.main, {"service": "web-service", "state": "absent"}, calls)["changed"] is True
    assert run(module.main, {"service": "web-service", "state": "absent"}, current(None))["changed"] is False


def test_exactly_one_target():
    assert "one of the following is required" in run(module.main, {"policy": "{}"}, Calls())["msg"]
