"""AWS rules the sandbox enforces (issue "never kinder than AWS"), each with its source in the sandbox code."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sandbox import settings
from sandbox.testing import error_code, unique, wait_gone, wait_status, wait_until

pytestmark = pytest.mark.sandbox


def forward(group):
    return {"forward": {"targetGroups": [{"targetGroupIdentifier": group["id"]}]}}


def test_deregistered_targets_drain_and_block_deleting_their_group(provider, service, lambda_target_group,
                                                                   lambda_function):
    group = lambda_target_group
    listener = provider.create_listener(serviceIdentifier=service["id"], name="https", protocol="HTTPS",
                                        defaultAction=forward(group))
    provider.register_targets(targetGroupIdentifier=group["id"], targets=[{"id": lambda_function}])
    provider.deregister_targets(targetGroupIdentifier=group["id"], targets=[{"id": lambda_function}])
    assert [t["status"] for t in provider.list_targets(targetGroupIdentifier=group["id"])["items"]] == ["DRAINING"]
    provider.delete_listener(serviceIdentifier=service["id"], listenerIdentifier=listener["id"])
    # terraform-provider-aws #41601: DeleteTargetGroup fails while targets drain
    with pytest.raises(ClientError) as info:
        provider.delete_target_group(targetGroupIdentifier=group["id"])
    assert error_code(info) == "ConflictException" and "draining" in str(info.value)
    wait_until(lambda: provider.list_targets(targetGroupIdentifier=group["id"])["items"], lambda items: items == [])
    provider.delete_target_group(targetGroupIdentifier=group["id"])
    wait_gone(lambda: provider.get_target_group(targetGroupIdentifier=group["id"]))


def test_fixed_responses_are_404_or_500(provider, service):
    for status in (200, 204, 403, 503):
        with pytest.raises(ClientError) as info:
            provider.create_listener(serviceIdentifier=service["id"], name=unique("l"), protocol="HTTP",
                                     defaultAction={"fixedResponse": {"statusCode": status}})
        assert error_code(info) == "ValidationException"
    listener = provider.create_listener(serviceIdentifier=service["id"], name="http", protocol="HTTP",
                                        defaultAction={"fixedResponse": {"statusCode": 500}})
    with pytest.raises(ClientError) as info:
        provider.create_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], name="rule", priority=1,
                             match={"httpMatch": {"method": "GET"}}, action={"fixedResponse": {"statusCode": 302}})
    assert error_code(info) == "ValidationException"
    rule = provider.create_rule(serviceIdentifier=service["id"], listenerIdentifier=listener["id"], name="rule",
                                priority=1, match={"httpMatch": {"method": "GET"}},
                                action={"fixedResponse": {"statusCode": 404}})
    assert rule["action"] == {"fixedResponse": {"statusCode": 404}}


def test_tags_of_another_accounts_resource_are_refused(consumer, provider, service, aws_client, sandbox):
    ram = aws_client("provider", "ram")
    share = ram.create_resource_share(name=unique("share"), resourceArns=[service["arn"]],
                                      principals=[sandbox["organization"]["arn"]])["resourceShare"]["resourceShareArn"]
    try:
        wait_until(lambda: consumer.get_service(serviceIdentifier=service["arn"]), bool)  # shared: readable
        with pytest.raises(ClientError) as info:
            consumer.list_tags_for_resource(resourceArn=service["arn"])
        assert error_code(info) == "AccessDeniedException"
        assert provider.list_tags_for_resource(resourceArn=service["arn"])["tags"] == {}
    finally:
        ram.delete_resource_share(resourceShareArn=share)


def test_a_cross_account_service_association_has_an_arn_in_both_accounts(provider, consumer, service,
                                                                         service_network, aws_client, sandbox):
    ram = aws_client("provider", "ram")
    share = ram.create_resource_share(name=unique("share"), resourceArns=[service["arn"]],
                                      principals=[sandbox["organization"]["arn"]])["resourceShare"]["resourceShareArn"]
    try:
        wait_until(lambda: consumer.get_service(serviceIdentifier=service["arn"]), bool)
        created = consumer.create_service_network_service_association(
            serviceNetworkIdentifier=service_network["id"], serviceIdentifier=service["arn"])
        ids = {name: account["id"] for name, account in sandbox["accounts"].items()}
        assert created["arn"].split(":")[4] == ids["consumer"]
        seen = provider.list_service_network_service_associations(serviceIdentifier=service["id"])["items"]
        in_provider_account = created["arn"].replace(ids["consumer"], ids["provider"])
        assert [(a["id"], a["arn"]) for a in seen] == [(created["id"], in_provider_account)]
        wait_status(lambda: provider.get_service_network_service_association(
            serviceNetworkServiceAssociationIdentifier=seen[0]["arn"]))
        # the service owner may delete it: gone for the network owner too
        deleted = provider.delete_service_network_service_association(
            serviceNetworkServiceAssociationIdentifier=seen[0]["arn"])
        assert (deleted["arn"], deleted["status"]) == (in_provider_account, "DELETE_IN_PROGRESS")
        wait_gone(lambda: consumer.get_service_network_service_association(
            serviceNetworkServiceAssociationIdentifier=created["id"]))
    finally:
        ram.delete_resource_share(resourceShareArn=share)


@pytest.fixture
def subnets(aws_client):
    """An IPv4-only and a dual-stack subnet in one VPC."""
    ec2 = aws_client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.63.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
    block = wait_until(lambda: ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0].get("Ipv6CidrBlockAssociationSet"),
                       bool)[0]["Ipv6CidrBlock"]
    ipv4 = ec2.create_subnet(VpcId=vpc, CidrBlock="10.63.1.0/24")["Subnet"]["SubnetId"]
    dual = ec2.create_subnet(VpcId=vpc, CidrBlock="10.63.2.0/24",
                             Ipv6CidrBlock=block.replace("::/56", "::/64"))["Subnet"]["SubnetId"]
    return ec2, ipv4, dual


def test_instance_connect_ip_address_type_follows_the_subnet(subnets):
    ec2, ipv4, dual = subnets

    def create(**kwargs):
        return ec2.create_instance_connect_endpoint(**kwargs)["InstanceConnectEndpoint"]

    assert create(SubnetId=ipv4)["IpAddressType"] == "ipv4"
    assert create(SubnetId=dual)["IpAddressType"] == "dualstack"
    with pytest.raises(ClientError) as info:  # the default (dualstack) excludes PreserveClientIp
        create(SubnetId=dual, PreserveClientIp=True)
    assert error_code(info) == "InvalidParameterCombination"
    with pytest.raises(ClientError) as info:
        create(SubnetId=ipv4, PreserveClientIp=True, IpAddressType="dualstack")
    assert error_code(info) == "InvalidParameterCombination"
    kept = create(SubnetId=dual, PreserveClientIp=True, IpAddressType="ipv4")
    assert (kept["IpAddressType"], kept["PreserveClientIp"]) == ("ipv4", True)
    wait_until(lambda: ec2.describe_instance_connect_endpoints(InstanceConnectEndpointIds=[
        kept["InstanceConnectEndpointId"]])["InstanceConnectEndpoints"][0]["State"], lambda s: s == "create-complete")
    with pytest.raises(ClientError) as info:  # on modify too: PreserveClientIp stays true
        ec2.modify_instance_connect_endpoint(InstanceConnectEndpointId=kept["InstanceConnectEndpointId"],
                                             IpAddressType="dualstack")
    assert error_code(info) == "InvalidParameterCombination"


def test_a_permission_cannot_be_associated_while_the_share_holds_its_type(aws_client, service):
    ram = aws_client("provider", "ram")
    arn = ram.create_resource_share(name=unique("share"), resourceArns=[service["arn"]])["resourceShare"][
        "resourceShareArn"]
    default = "arn:aws:ram::aws:permission/AWSRAMDefaultPermissionVpcLatticeService"
    for replace in (False, True):
        with pytest.raises(ClientError) as info:
            ram.associate_resource_share_permission(resourceShareArn=arn, permissionArn=default, replace=replace)
        assert error_code(info) == "OperationNotPermittedException"
    ram.disassociate_resource_share(resourceShareArn=arn, resourceArns=[service["arn"]])
    wait_until(lambda: ram.associate_resource_share_permission(
        resourceShareArn=arn, permissionArn=default, replace=True)["returnValue"], bool)


def test_behaviour_settings_default_to_the_instant_sandbox(monkeypatch):
    for variable, _read in settings.BEHAVIOUR.values():
        monkeypatch.delenv(variable, raising=False)
    assert {name: read() for name, (_variable, read) in settings.BEHAVIOUR.items()} == {
        "lag": 0, "iam_propagation": 0, "faults": "", "timing": "", "time_scale": 1, "iam": ""
    }
