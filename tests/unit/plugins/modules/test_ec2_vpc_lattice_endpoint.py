"""ec2_vpc_lattice_endpoint and its _info module against a Stubber on the real ec2 model."""

from vpc_lattice_harness import ANY, Calls, arn, run
from ansible_collections.lattice.multi_account.plugins.modules import ec2_vpc_lattice_endpoint as module
from ansible_collections.lattice.multi_account.plugins.modules import ec2_vpc_lattice_endpoint_info as info_module

VPC = "vpc-0123456789abcdef0"
SUBNETS = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
GROUP, OTHER_GROUP = "sg-0000000000000000a", "sg-0000000000000000b"
ENDPOINT_ID = "vpce-0000000000000000e"
NETWORK = arn("servicenetwork/sn-00000000000000001", "111111111111")
ARGS = dict(vpc_id=VPC, service_network=NETWORK, subnet_ids=SUBNETS, security_group_ids=[GROUP])
LOOKUP = {"Filters": [{"Name": "vpc-id", "Values": [VPC]}, {"Name": "vpc-endpoint-type", "Values": ["ServiceNetwork"]}]}


def endpoint(state="available", subnets=None, groups=(GROUP,), **extra):
    raw = dict(
        VpcEndpointId=ENDPOINT_ID,
        VpcEndpointType="ServiceNetwork",
        VpcId=VPC,
        State=state,
        SubnetIds=list(subnets or SUBNETS),
        Groups=[{"GroupId": g, "GroupName": g} for g in groups],
        IpAddressType="ipv4",
        DnsOptions={"DnsRecordIpType": "ipv4"},
        PrivateDnsEnabled=False,
        NetworkInterfaceIds=["eni-0000000000000000a"],
        OwnerId="123456789012",
        ServiceNetworkArn=NETWORK,
        Tags=[],
    )
    raw.update(extra)
    return raw


TAGS = [{"Key": "Name", "Value": "partners"}]


def described(*endpoints):
    return {"VpcEndpoints": list(endpoints)}


def by_id():
    return {"VpcEndpointIds": [ENDPOINT_ID]}


def test_create_waits_until_available():
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(), LOOKUP)
        .ok("create_vpc_endpoint", {"VpcEndpoint": endpoint("pending")}, {
            "VpcEndpointType": "ServiceNetwork", "VpcId": VPC, "ServiceNetworkArn": NETWORK, "SubnetIds": SUBNETS,
            "SecurityGroupIds": [GROUP], "PrivateDnsEnabled": True, "ClientToken": ANY,
            "DnsOptions": {"DnsRecordIpType": "ipv4"},
            "TagSpecifications": [{"ResourceType": "vpc-endpoint", "Tags": [{"Key": "Name", "Value": "partners"}]}],
        })
        # eventually consistent: not described at first, then pending, then available
        .error("describe_vpc_endpoints", "InvalidVpcEndpointId.NotFound", by_id())
        .ok("describe_vpc_endpoints", described(endpoint("pending")), by_id())
        .ok("describe_vpc_endpoints", described(endpoint("pending")), by_id())
        .ok("describe_vpc_endpoints", described(endpoint(PrivateDnsEnabled=True, Tags=TAGS)), by_id())
    )
    result = run(module.main, dict(ARGS, private_dns_enabled=True, dns_options={"dns_record_ip_type": "ipv4"},
                                   tags={"Name": "partners"}), calls, service="ec2")
    assert result["changed"] is True
    assert result["vpc_endpoint"]["state"] == "available"
    assert result["vpc_endpoint"]["security_group_ids"] == [GROUP]
    assert result["diff"]["before"] == {}


def test_check_mode_predicts_without_creating():
    calls = Calls().ok("describe_vpc_endpoints", described(), LOOKUP)
    result = run(module.main, ARGS, calls, check_mode=True, service="ec2")
    assert result["changed"] is True
    predicted = result["vpc_endpoint"]
    assert (predicted["vpc_endpoint_type"], predicted["service_network_arn"], predicted["subnet_ids"]) == (
        "ServiceNetwork", NETWORK, sorted(SUBNETS))


def test_unchanged_endpoint_is_not_touched():
    # a deleted endpoint of the same VPC and network is listed too: it does not count
    calls = Calls().ok("describe_vpc_endpoints", described(endpoint("deleted"), endpoint()), LOOKUP)
    result = run(module.main, ARGS, calls, service="ec2")
    assert result["changed"] is False
    assert result["vpc_endpoint"]["vpc_endpoint_id"] == ENDPOINT_ID


def test_update_in_place():
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(endpoint()), LOOKUP)
        .ok("modify_vpc_endpoint", {"Return": True}, {
            "VpcEndpointId": ENDPOINT_ID, "RemoveSubnetIds": [SUBNETS[1]], "AddSecurityGroupIds": [OTHER_GROUP],
            "RemoveSecurityGroupIds": [GROUP], "IpAddressType": "dualstack",
        })
        .ok("describe_vpc_endpoints", described(endpoint("pending", subnets=SUBNETS[:1], groups=[OTHER_GROUP])),
            by_id())
        .ok("describe_vpc_endpoints", described(endpoint(subnets=SUBNETS[:1], groups=[OTHER_GROUP])), by_id())
    )
    result = run(module.main, dict(ARGS, subnet_ids=SUBNETS[:1], security_group_ids=[OTHER_GROUP],
                                   ip_address_type="dualstack"), calls, service="ec2")
    assert result["changed"] is True
    assert result["diff"]["before"]["security_group_ids"] == [GROUP]
    assert result["vpc_endpoint"]["security_group_ids"] == [OTHER_GROUP]


def test_failed_endpoint_fails_with_the_reason():
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(), LOOKUP)
        .ok("create_vpc_endpoint", {"VpcEndpoint": endpoint("pending")})
        .ok("describe_vpc_endpoints", described(endpoint("failed", FailureReason="no /28 block")), by_id())
    )
    result = run(module.main, ARGS, calls, service="ec2")
    assert result["failed"] is True
    assert "no /28 block" in result["msg"]


def test_delete_and_an_endpoint_already_gone():
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(endpoint()), by_id())
        .ok("delete_vpc_endpoints", {"Unsuccessful": []}, by_id())
        .ok("describe_vpc_endpoints", described(endpoint("deleting")), by_id())
        .ok("describe_vpc_endpoints", described(endpoint("deleted")), by_id())
    )
    result = run(module.main, dict(id=ENDPOINT_ID, state="absent"), calls, service="ec2")
    assert (result["changed"], result["vpc_endpoint"]) == (True, None)
    gone = Calls().error("describe_vpc_endpoints", "InvalidVpcEndpointId.NotFound", by_id())
    assert run(module.main, dict(id=ENDPOINT_ID, state="absent"), gone, service="ec2")["changed"] is False


def test_not_shared_network_gets_advice():
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(), LOOKUP)
        .error("create_vpc_endpoint", "InvalidParameter")
    )
    result = run(module.main, ARGS, calls, service="ec2")
    assert result["failed"] is True
    assert "create a ServiceNetwork VPC endpoint" in result["msg"]


def test_bad_input_fails_before_any_call():
    for args, option in (
        (dict(ARGS, service_network="partners"), "service_network"),
        (dict(ARGS, subnet_ids=["subnet-a"]), "subnet_ids[0]"),
        (dict(ARGS, security_group_ids=[]), "security_group_ids"),
        (dict(id="vpce-x"), "id"),
        (dict(subnet_ids=SUBNETS), "vpc_id"),
        (dict(ARGS, private_dns_enabled=False, dns_options={"private_dns_preference": "ALL_DOMAINS"}), "dns_options"),
        (dict(ARGS, private_dns_enabled=True, dns_options={"private_dns_preference": "SPECIFIED_DOMAINS_ONLY"}),
         "dns_options.private_dns_specified_domains"),
    ):
        result = run(module.main, args, Calls(), service="ec2")
        assert result["failed"] is True, args
        assert option in result["msg"], (option, result["msg"])


def test_creating_needs_subnets():
    calls = Calls().ok("describe_vpc_endpoints", described(), LOOKUP)
    result = run(module.main, dict(ARGS, subnet_ids=None), calls, service="ec2")
    assert result["failed"] is True
    assert "subnet_ids" in result["msg"]


def test_info_lists_lattice_endpoints_with_their_names():
    interface = dict(endpoint(), VpcEndpointId="vpce-0000000000000000f", VpcEndpointType="Interface")
    association = {
        "Id": "vpce-rsc-asc-0000000000000000a", "VpcEndpointId": ENDPOINT_ID, "ServiceNetworkArn": NETWORK,
        "AssociatedResourceArn": arn("service/svc-00000000000000001", "111111111111"),
        "DnsEntry": {"DnsName": f"{ENDPOINT_ID}-snsa-00000000000000001.7d67968.vpc-lattice-svcs.eu-west-1.on.aws",
                     "HostedZoneId": "Z1"},
    }
    calls = (
        Calls()
        .ok("describe_vpc_endpoints", described(endpoint(), interface), {"Filters": [{"Name": "vpc-id", "Values": [VPC]}]})
        .ok("describe_vpc_endpoint_associations", {"VpcEndpointAssociations": [association]}, by_id())
    )
    result = run(info_module.main, dict(filters={"vpc-id": VPC}, service_network=NETWORK), calls, service="ec2")
    assert [e["vpc_endpoint_id"] for e in result["vpc_endpoints"]] == [ENDPOINT_ID]
    assert result["vpc_endpoints"][0]["associations"][0]["dns_entry"]["dns_name"].startswith(ENDPOINT_ID + "-snsa-")
