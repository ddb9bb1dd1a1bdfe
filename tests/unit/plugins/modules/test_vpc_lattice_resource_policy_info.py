"""vpc_lattice_resource_policy_info: the policy of a service, service network or resource configuration."""

import json

from vpc_lattice_harness import Calls, arn, hexid, run

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_resource_policy_info as info

NETWORK_ARN = arn(f"servicenetwork/{hexid('sn')}")
POLICY = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"AWS": "210987654321"}, "Action": "vpc-lattice:GetServiceNetwork",
    "Resource": NETWORK_ARN}]}


def test_reads_the_policy():
    calls = Calls().ok("get_resource_policy", {"policy": json.dumps(POLICY)}, {"resourceArn": NETWORK_ARN})
    result = run(info.main, {"resource_arn": NETWORK_ARN}, calls)
    assert result["changed"] is False and result["resource_policy"] == {"policy": POLICY}


def test_no_policy_is_null():
    calls = Calls().error("get_resource_policy", "ResourceNotFoundException", {"resourceArn": NETWORK_ARN}, 404)
    assert run(info.main, {"resource_arn": NETWORK_ARN}, calls)["resource_policy"] is None


def test_access_denied_says_what_to_do():
    calls = Calls().error("get_resource_policy", "AccessDeniedException", {"resourceArn": NETWORK_ARN}, 403)
    result = run(info.main, {"resource_arn": NETWORK_ARN}, calls)
    assert result["failed"] and "resource policy" in result["msg"]


def test_a_name_is_refused_before_any_call():
    assert "'resource_arn'" in run(info.main, {"resource_arn": "orders-db"}, Calls())["msg"]
