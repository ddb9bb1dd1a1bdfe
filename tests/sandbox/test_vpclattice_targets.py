"""Target groups, targets, listeners and rules behave like AWS in the sandbox."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique, wait_gone, wait_status, wait_until

pytestmark = pytest.mark.sandbox


def forward(target_group):
    return {"forward": {"targetGroups": [{"targetGroupIdentifier": target_group["id"], "weight": 100}]}}


@pytest.mark.parametrize(
    "config",
    [
        {"port": 443},
        {"protocol": "HTTPS"},
        {"vpcIdentifier": "vpc-12345678"},
        {"lambdaEventStructureVersion": "V3"},
    ],
)
def test_lambda_target_group_refuses_network_config(provider, config):
    with pytest.raises(ClientError) as info:
        provider.create_target_group(name=unique("bad"), type="LAMBDA", config=config)
    assert error_code(info) == "ValidationException"


def test_lambda_target_group_keeps_its_event_structure_version(provider):
    created = provider.create_target_group(
        name=unique("fn"), type="LAMBDA", config={"lambdaEventStructureVersion": "V2"}
    )
    assert created["status"] == "CREATE_IN_PROGRESS"
    assert created["config"] == {"lambdaEventStructureVersion": "V2"}
    assert (
        wait_status(lambda: provider.get_target_group(targetGroupIdentifier=created["arn"]))["config"]
        == created["config"]
    )
    # the only update AWS offers is the health check, which LAMBDA target groups do not have
    with pytest.raises(ClientError) as info:
        provider.update_target_group(targetGroupIdentifier=created["id"], healthCheck={"enabled": False})
    assert error_code(info) == "ValidationException"


def test_instance_target_group_needs_port_protocol_vpc(provider):
    with pytest.raises(ClientError) as info:
        provider.create_target_group(name=unique("inst"), type="INSTANCE", config={"port": 80})
    assert error_code(info) == "ValidationException"


def test_target_group_is_left_alone_while_it_is_created(provider, lambda_function):
    created = provider.create_target_group(name=unique("early"), type="LAMBDA")
    with pytest.raises(ClientError) as info:
        provider.register_targets(targetGroupIdentifier=created["id"], targets=[{"id": lambda_function}])
    assert error_code(info) == "ConflictException"
    with pytest.raises(ClientError) as info:
        provider.delete_target_group(targetGroupIdentifier=created["id"])
    assert error_code(info) == "ConflictException"


def test_lambda_targets_register_list_and_drain(provider, lambda_target_group, lambda_function, account_ids):
    group = lambda_target_group["arn"]
    missing = lambda_function.replace(":function:", ":function:missing-")
    elsewhere = lambda_function.replace(f":{account_ids['provider']}:", f":{account_ids['consumer']}:")
    answer = provider.register_targets(
        targetGroupIdentifier=group, targets=[{"id": lambda_function}, {"id": missing}, {"id": elsewhere}]
    )
    assert answer["successful"] == [{"id": lambda_function}]
    assert [failure["id"] for failure in answer["unsuccessful"]] == [missing, elsewhere]

    assert provider.list_targets(targetGroupIdentifier=group)["items"] == [
        {"id": lambda_function, "status": "UNAVAILABLE"}
    ]

    provider.deregister_targets(targetGroupIdentifier=group, targets=[{"id": lambda_function}])
    # No service uses the group: the target stays listed as UNUSED, not DRAINING (terraform-provider-aws #46793)
    assert provider.list_targets(targetGroupIdentifier=group)["items"][0]["status"] == "UNUSED"
    wait_until(lambda: provider.list_targets(targetGroupIdentifier=group)["items"], lambda items: items == [])


def test_listeners_rules_and_in_use_target_group(provider, service, lambda_target_group):
    listener = provider.create_listener(
        serviceIdentifier=service["arn"], name="https", protocol="HTTPS", defaultAction=forward(lambda_target_group)
    )
    assert listener["port"] == 443 and listener["arn"].startswith(service["arn"] + "/listener/listener-")
    assert provider.get_target_group(targetGroupIdentifier=lambda_target_group["id"])["serviceArns"] == [service["arn"]]
    with pytest.raises(ClientError) as info:  # the listener forwards to it
        provider.delete_target_group(targetGroupIdentifier=lambda_target_group["id"])
    assert error_code(info) == "ConflictException"

    with pytest.raises(ClientError) as info:
        provider.create_listener(
            serviceIdentifier=service["id"], name="https", protocol="HTTP", defaultAction=forward(lambda_target_group)
        )
    assert error_code(info) == "ConflictException"

    rule = provider.create_rule(
        serviceIdentifier=service["id"],
        listenerIdentifier=listener["arn"],
        name="api",
        priority=10,
        match={"httpMatch": {"pathMatch": {"match": {"prefix": "/api"}}}},
        action={"fixedResponse": {"statusCode": 404}},
    )
    with pytest.raises(ClientError) as info:
        provider.create_rule(
            serviceIdentifier=service["id"],
            listenerIdentifier=listener["id"],
            name="other",
            priority=10,
            match={"httpMatch": {"method": "GET"}},
            action={"fixedResponse": {"statusCode": 404}},
        )
    assert error_code(info) == "ConflictException"

    updated = provider.update_rule(
        serviceIdentifier=service["id"],
        listenerIdentifier=listener["id"],
        ruleIdentifier=rule["arn"],
        priority=20,
        action=forward(lambda_target_group),
    )
    assert (updated["priority"], updated["action"]) == (20, forward(lambda_target_group))
    listed = provider.list_rules(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])["items"]
    assert [(r["id"], r["priority"], r["isDefault"]) for r in listed[:-1]] == [(rule["id"], 20, False)]
    default = listed[-1]  # every listener has a default rule, evaluated last, that only UpdateListener changes
    assert default["isDefault"] is True
    got = provider.get_rule(
        serviceIdentifier=service["id"], listenerIdentifier=listener["id"], ruleIdentifier=default["arn"]
    )
    assert got["action"] == forward(lambda_target_group)
    with pytest.raises(ClientError) as info:
        provider.delete_rule(
            serviceIdentifier=service["id"], listenerIdentifier=listener["id"], ruleIdentifier=default["id"]
        )
    assert error_code(info) == "ValidationException"

    fixed = {"fixedResponse": {"statusCode": 404}}
    updated = provider.update_listener(
        serviceIdentifier=service["id"], listenerIdentifier=listener["arn"], defaultAction=fixed
    )
    assert updated["defaultAction"] == fixed
    assert (
        provider.get_listener(serviceIdentifier=service["arn"], listenerIdentifier=listener["id"])["defaultAction"]
        == fixed
    )
    with pytest.raises(ClientError) as info:  # the rule still forwards to it
        provider.delete_target_group(targetGroupIdentifier=lambda_target_group["id"])
    assert error_code(info) == "ConflictException"

    provider.delete_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], ruleIdentifier=rule["id"])
    with pytest.raises(ClientError) as info:
        provider.get_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], ruleIdentifier=rule["id"])
    assert error_code(info) == "ResourceNotFoundException"
    assert (
        provider.delete_target_group(targetGroupIdentifier=lambda_target_group["id"])["status"] == "DELETE_IN_PROGRESS"
    )
    wait_gone(lambda: provider.get_target_group(targetGroupIdentifier=lambda_target_group["id"]))


def test_at_most_two_listeners_per_service(provider, service):
    fixed = {"fixedResponse": {"statusCode": 404}}
    for name, port in (("one", 80), ("two", 8080)):
        provider.create_listener(
            serviceIdentifier=service["id"], name=name, protocol="HTTP", port=port, defaultAction=fixed
        )
    with pytest.raises(ClientError) as info:
        provider.create_listener(
            serviceIdentifier=service["id"], name="three", protocol="HTTP", port=81, defaultAction=fixed
        )
    assert error_code(info) == "ServiceQuotaExceededException"


def test_deleting_a_service_removes_its_listeners_and_rules(provider, service):
    listener = provider.create_listener(
        serviceIdentifier=service["id"],
        name="http",
        protocol="HTTP",
        defaultAction={"fixedResponse": {"statusCode": 404}},
    )
    provider.create_rule(
        serviceIdentifier=service["id"],
        listenerIdentifier=listener["id"],
        name="all",
        priority=1,
        match={"httpMatch": {"method": "GET"}},
        action={"fixedResponse": {"statusCode": 500}},
    )
    provider.delete_service(serviceIdentifier=service["id"])
    wait_gone(lambda: provider.get_service(serviceIdentifier=service["id"]))
    with pytest.raises(ClientError) as info:
        provider.get_listener(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])
    assert error_code(info) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as info:
        provider.list_tags_for_resource(resourceArn=listener["arn"])
    assert error_code(info) == "ResourceNotFoundException"


def test_instance_targets_and_target_group_filters(provider, aws_client):
    ec2 = aws_client("provider", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.50.1.0/24")["Subnet"]["SubnetId"]
    image = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, SubnetId=subnet)["Instances"][0]["InstanceId"]
    config = {"port": 8080, "protocol": "HTTP", "vpcIdentifier": vpc_id}
    group = provider.create_target_group(name=unique("inst"), type="INSTANCE", config=config)
    lambda_group = provider.create_target_group(name=unique("fn"), type="LAMBDA")

    listed = provider.list_target_groups(vpcIdentifier=vpc_id)["items"]
    assert [(g["id"], g["port"], g["protocol"]) for g in listed] == [(group["id"], 8080, "HTTP")]
    lambda_ids = {g["id"] for g in provider.list_target_groups(targetGroupType="LAMBDA")["items"]}
    assert lambda_group["id"] in lambda_ids and group["id"] not in lambda_ids

    wait_status(lambda: provider.get_target_group(targetGroupIdentifier=group["id"]))
    answer = provider.register_targets(
        targetGroupIdentifier=group["id"], targets=[{"id": instance}, {"id": "i-0000000000000000"}]
    )
    assert answer["successful"] == [{"id": instance, "port": 8080}]
    assert [failure["id"] for failure in answer["unsuccessful"]] == ["i-0000000000000000"]
    # not used by any listener yet
    assert provider.list_targets(targetGroupIdentifier=group["id"])["items"] == [
        {"id": instance, "port": 8080, "status": "UNUSED"}
    ]
