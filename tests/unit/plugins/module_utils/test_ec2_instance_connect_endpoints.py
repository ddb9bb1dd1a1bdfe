"""Decisions of ec2_instance_connect_endpoint (module_utils._ec2_instance_connect.endpoints)."""

import pytest

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import WaitError
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import run
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.client import AnsibleInstanceConnectError
from ansible_collections.lattice.multi_account.plugins.module_utils._ec2_instance_connect.instance_connect_endpoint import EndpointManager

from ram_eic_harness import ACCOUNT, ANY, NOW, REGION, FakeModule, no_sleep

EICE = "eice-0123456789abcdef0"
SUBNET = "subnet-0123456789abcdef0"
VPC = "vpc-0123456789abcdef0"
SG_A, SG_B = "sg-0000000000000000a", "sg-0000000000000000b"


def params(**overrides):
    base = dict(id=None, subnet_id=SUBNET, security_group_ids=[SG_A], preserve_client_ip=False, state="present",
                tags=None, purge_tags=True, wait=True, wait_timeout=600, ip_address_type=None)
    base.update(overrides)
    return base


def endpoint(state="create-complete", groups=(SG_A,), preserve=False, tags=None, message=None, ip_type="ipv4"):
    found = {
        "OwnerId": ACCOUNT, "InstanceConnectEndpointId": EICE,
        "InstanceConnectEndpointArn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance-connect-endpoint/{EICE}",
        "State": state, "DnsName": f"{EICE}.abcdef12.ec2-instance-connect-endpoint.{REGION}.amazonaws.com",
        "NetworkInterfaceIds": ["eni-0123456789abcdef0"], "VpcId": VPC, "AvailabilityZone": f"{REGION}a",
        "CreatedAt": NOW, "SubnetId": SUBNET, "PreserveClientIp": preserve, "SecurityGroupIds": list(groups),
        "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()], "IpAddressType": ip_type,
    }
    if message:
        found["StateMessage"] = message
    return found


def expect_by_subnet(module, *found):
    module.expect("ec2", "describe_instance_connect_endpoints", {"InstanceConnectEndpoints": list(found)},
                  {"Filters": [{"Name": "subnet-id", "Values": [SUBNET]}]})


def expect_by_id(module, *found):
    module.expect("ec2", "describe_instance_connect_endpoints", {"InstanceConnectEndpoints": list(found)},
                  {"InstanceConnectEndpointIds": [EICE]})


def ec2(p, check_mode=False):
    return FakeModule(p, check_mode=check_mode, services=("ec2",))


@pytest.mark.parametrize("overrides,option", [
    (dict(subnet_id="sub-1"), "subnet_id"),
    (dict(security_group_ids=["default"]), "security_group_ids[0]"),
    (dict(security_group_ids=[]), "security_group_ids"),
    (dict(id="eic-1"), "id"),
    (dict(subnet_id=None), "subnet_id"),
    (dict(wait_timeout=0), "wait_timeout"),
])
def test_invalid_input_fails_before_any_call(overrides, option):
    with ec2(params(**overrides)) as module:
        with pytest.raises(InvalidParameter) as error:
            run(EndpointManager(module), check_mode=False)
    assert f"'{option}'" in str(error.value)


def test_create_in_check_mode_predicts_without_mutating():
    with ec2(params(tags={"Name": "eice"}), check_mode=True) as module:
        expect_by_subnet(module, endpoint("delete-complete"))
        module.expect("ec2", "describe_subnets", {"Subnets": [{"SubnetId": SUBNET, "VpcId": VPC}]}, {"SubnetIds": [SUBNET]})
        result = run(EndpointManager(module), check_mode=True)
    predicted = result["instance_connect_endpoint"]
    assert result["changed"] is True
    assert predicted["vpc_id"] == VPC and predicted["security_group_ids"] == [SG_A]
    assert predicted["preserve_client_ip"] is False and predicted["tags"] == {"Name": "eice"}


def test_create_tags_at_creation_and_waits():
    with no_sleep(), ec2(params(tags={"Name": "eice"})) as module:
        expect_by_subnet(module)
        module.expect("ec2", "create_instance_connect_endpoint", {"InstanceConnectEndpoint": endpoint("create-in-progress")}, {
            "SubnetId": SUBNET, "PreserveClientIp": False, "SecurityGroupIds": [SG_A], "ClientToken": ANY,
            "TagSpecifications": [{"ResourceType": "instance-connect-endpoint", "Tags": [{"Key": "Name", "Value": "eice"}]}],
        })
        expect_by_id(module, endpoint("create-in-progress", tags={"Name": "eice"}))
        expect_by_id(module, endpoint("create-in-progress", tags={"Name": "eice"}))
        expect_by_id(module, endpoint(tags={"Name": "eice"}))
        result = run(EndpointManager(module), check_mode=False)
    assert result["changed"] is True
    assert result["instance_connect_endpoint"]["state"] == "create-complete"
    assert result["instance_connect_endpoint"]["tags"] == {"Name": "eice"}


def test_failed_create_reports_the_reason():
    with no_sleep(), ec2(params()) as module:
        expect_by_subnet(module)
        module.expect("ec2", "create_instance_connect_endpoint", {"InstanceConnectEndpoint": endpoint("create-in-progress")})
        expect_by_id(module, endpoint("create-in-progress"))
        expect_by_id(module, endpoint("create-failed", message="no free IP address in the subnet"))
        with pytest.raises(WaitError) as error:
            run(EndpointManager(module), check_mode=False)
    # EC2's own state name, not an invented upper-case one.
    assert "create-failed: no free IP address in the subnet" in error.value.message


def test_unchanged_endpoint_makes_no_call_but_the_read():
    with ec2(params(tags={"Name": "eice"})) as module:
        expect_by_subnet(module, endpoint(tags={"Name": "eice"}))
        result = run(EndpointManager(module), check_mode=False)
    assert result["changed"] is False


def test_security_groups_and_client_ip_are_modified_in_place():
    with no_sleep(), ec2(params(security_group_ids=[SG_B, SG_A], preserve_client_ip=True)) as module:
        expect_by_subnet(module, endpoint())
        module.expect("ec2", "modify_instance_connect_endpoint", {"Return": True}, {
            "InstanceConnectEndpointId": EICE, "SecurityGroupIds": [SG_A, SG_B], "PreserveClientIp": True,
        })
        expect_by_id(module, endpoint("update-in-progress", groups=(SG_A, SG_B), preserve=True))
        expect_by_id(module, endpoint("update-in-progress", groups=(SG_A, SG_B), preserve=True))
        expect_by_id(module, endpoint("update-complete", groups=(SG_A, SG_B), preserve=True))
        result = run(EndpointManager(module), check_mode=False)
    assert result["changed"] is True
    assert result["diff"]["before"]["security_group_ids"] == [SG_A]
    assert result["instance_connect_endpoint"]["security_group_ids"] == [SG_A, SG_B]


def test_tags_are_purged_and_set():
    with no_sleep(), ec2(params(tags={"Name": "new"}, security_group_ids=None)) as module:
        expect_by_subnet(module, endpoint(tags={"Name": "old", "Team": "a"}))
        module.expect("ec2", "delete_tags", {}, {"Resources": [EICE], "Tags": [{"Key": "Team"}]})
        module.expect("ec2", "create_tags", {}, {"Resources": [EICE], "Tags": [{"Key": "Name", "Value": "new"}]})
        expect_by_id(module, endpoint(tags={"Name": "new"}))
        result = run(EndpointManager(module), check_mode=False)
    assert result["instance_connect_endpoint"]["tags"] == {"Name": "new"}


def test_subnet_of_an_existing_endpoint_cannot_change():
    with ec2(params(id=EICE, subnet_id="subnet-0000000000000000f")) as module:
        expect_by_id(module, endpoint())
        with pytest.raises(InvalidParameter) as error:
            run(EndpointManager(module), check_mode=False)
    assert "'subnet_id'" in str(error.value) and "state=absent" in str(error.value)


def test_unknown_id_is_not_created():
    with ec2(params(id=EICE)) as module:
        module.expect_error("ec2", "describe_instance_connect_endpoints", "InvalidInstanceConnectEndpointId.NotFound")
        with pytest.raises(InvalidParameter) as error:
            run(EndpointManager(module), check_mode=False)
    assert "leave id unset" in str(error.value)


def test_delete_waits_until_gone_and_absent_is_no_change():
    with no_sleep(), ec2(params(state="absent", security_group_ids=None)) as module:
        expect_by_subnet(module, endpoint())
        module.expect("ec2", "delete_instance_connect_endpoint", {"InstanceConnectEndpoint": endpoint("delete-in-progress")},
                      {"InstanceConnectEndpointId": EICE})
        expect_by_id(module, endpoint("delete-in-progress"))
        expect_by_id(module, endpoint("delete-complete"))
        result = run(EndpointManager(module), check_mode=False)
    assert result["changed"] is True and result["instance_connect_endpoint"] is None
    with ec2(params(state="absent")) as module:
        expect_by_subnet(module, endpoint("delete-complete"))
        assert run(EndpointManager(module), check_mode=False)["changed"] is False


def test_quota_error_says_what_to_do():
    with ec2(params()) as module:
        expect_by_subnet(module)
        module.expect_error("ec2", "create_instance_connect_endpoint", "InstanceConnectEndpointLimitExceeded")
        with pytest.raises(AnsibleInstanceConnectError) as error:
            run(EndpointManager(module), check_mode=False)
    assert "one endpoint per VPC" in error.value.message


def test_preserve_client_ip_with_a_dual_stack_address_type_fails_before_any_call():
    with ec2(params(preserve_client_ip=True, ip_address_type="dualstack")) as module:
        with pytest.raises(InvalidParameter) as error:
            run(EndpointManager(module), check_mode=False)
    assert "'ip_address_type'" in str(error.value) and "ipv4" in str(error.value)


def test_preserve_client_ip_switches_a_dual_stack_endpoint_to_ipv4():
    with no_sleep(), ec2(params(preserve_client_ip=True)) as module:
        expect_by_subnet(module, endpoint(ip_type="dualstack"))
        module.expect("ec2", "modify_instance_connect_endpoint", {"Return": True}, {
            "InstanceConnectEndpointId": EICE, "PreserveClientIp": True, "IpAddressType": "ipv4",
        })
        expect_by_id(module, endpoint(preserve=True))
        result = run(EndpointManager(module), check_mode=False)
    assert result["instance_connect_endpoint"]["ip_address_type"] == "ipv4"


def test_preserve_client_ip_asks_for_an_ipv4_endpoint():
    # In a dual-stack subnet AWS would default to dualstack, where PreserveClientIp is refused.
    with no_sleep(), ec2(params(preserve_client_ip=True)) as module:
        expect_by_subnet(module)
        module.expect("ec2", "create_instance_connect_endpoint", {"InstanceConnectEndpoint": endpoint("create-complete")}, {
            "SubnetId": SUBNET, "PreserveClientIp": True, "SecurityGroupIds": [SG_A], "ClientToken": ANY,
            "IpAddressType": "ipv4",
        })
        expect_by_id(module, endpoint(preserve=True))
        assert run(EndpointManager(module), check_mode=False)["changed"] is True
