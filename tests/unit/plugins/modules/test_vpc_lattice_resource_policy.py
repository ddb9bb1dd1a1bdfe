"""vpc_lattice_resource_policy: put when missing or different, compared semantically, removed."""

import json

from vpc_lattice_harness import Calls, arn, hexid, run

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_policy as module

CONFIG_ARN = arn(f"resourceconfiguration/{hexid('rcfg')}")
POLICY = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"AWS": ["210987654321", "111122223333"]},
    "Action": "vpc-lattice:CreateServiceNetworkResourceAssociation", "Resource": CONFIG_ARN}]}
TEXT = json.dumps(POLICY, sort_keys=True)
ARGS = {"resource_arn": CONFIG_ARN, "policy": json.dumps(POLICY)}


def test_put_when_missing():
    calls = Calls().error("get_resource_policy", "ResourceNotFoundException", {"resourceArn": CONFIG_ARN}, 404)
    calls.ok("put_resource_policy", {}, {"resourceArn": CONFIG_ARN, "policy": TEXT})
    calls.ok("get_resource_policy", {"policy": TEXT}, {"resourceArn": CONFIG_ARN})
    result = run(module.main, ARGS, calls)
    assert result["changed"] is True and result["resource_policy"]["policy"] == POLICY


def test_same_policy_in_another_order_is_no_change():
    reordered = dict(POLICY, Statement=[dict(POLICY["Statement"][0], Principal={"AWS": ["111122223333", "210987654321"]})])
    calls = Calls().ok("get_resource_policy", {"policy": json.dumps(reordered)}, {"resourceArn": CONFIG_ARN})
    assert run(module.main, ARGS, calls)["changed"] is False


def test_check_mode_does_not_put():
    calls = Calls().error("get_resource_policy", "ResourceNotFoundException", {"resourceArn": CONFIG_ARN}, 404)
    result = run(module.main, ARGS, calls, check_mode=True)
    assert result["changed"] is True and result["resource_policy"] == {"policy": POLICY}


def test_delete():
    calls = Calls().ok("get_resource_policy", {"policy": TEXT}, {"resourceArn": CONFIG_ARN})
    calls.ok("delete_resource_policy", {}, {"resourceArn": CONFIG_ARN})
    result = run(module.main, {"resource_arn": CONFIG_ARN, "state": "absent"}, calls)
    assert result["changed"] is True and result["resource_policy"] is None


def test_bad_input_fails_before_any_call():
    assert "'resource_arn'" in run(module.main, dict(ARGS, resource_arn="orders-db"), Calls())["msg"]
    assert "Statement" in run(module.main, dict(ARGS, policy='{"Version": "2012-10-17"}'), Calls())["msg"]
