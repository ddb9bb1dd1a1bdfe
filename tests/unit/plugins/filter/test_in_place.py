"""plugins/filter/in_place.py: a resource counts as in place only when its amazon.aws module
would change nothing; each difference the module would put right makes it not in place.
The resources are shaped as the amazon.aws _info modules return them."""

from __future__ import annotations

import copy

import pytest

from ansible_collections.lattice.multi_account.plugins.filter import in_place

TAGS = {"lattice:pattern": "distributed-service-networks", "lattice:stack": "stack"}
V6 = "2600:1f18:abcd:ef00::/56"
V6_SUBNET = "2600:1f18:abcd:ef00::/64"
PROFILE = "arn:aws:iam::222222222222:instance-profile/consumer-instance-profile"


def vpc():
    return {
        "id": "vpc-1", "state": "available", "cidr_block": "10.0.0.0/16",
        "cidr_block_association_set": [{"cidr_block": "10.0.0.0/16", "cidr_block_state": {"state": "associated"}}],
        "ipv6_cidr_block_association_set": [
            {"ipv6_cidr_block": V6, "ipv6_pool": "Amazon", "ipv6_cidr_block_state": {"state": "associated"}}],
        "enable_dns_support": True, "enable_dns_hostnames": True,
        "tags": dict(TAGS, Name="consumer-vpc", **{"aws:cloudformation:stack-name": "kept"}),
    }


def subnet():
    return {
        "id": "subnet-1", "state": "available", "cidr_block": "10.0.0.0/24",
        "ipv6_cidr_block_association_set": [
            {"ipv6_cidr_block": V6_SUBNET, "ipv6_cidr_block_state": {"state": "associated"}}],
        "assign_ipv6_address_on_creation": True, "map_public_ip_on_launch": False,
        "tags": dict(TAGS, Name="subnet-a"),
    }


def route_table():
    return {
        "id": "rtb-1", "tags": dict(TAGS, Name="rt-a"),
        "associations": [{"main": False, "subnet_id": "subnet-1"}],
        "routes": [{"destination_cidr_block": "10.0.0.0/16", "gateway_id": "local", "origin": "CreateRouteTable"},
                   {"destination_ipv6_cidr_block": V6, "gateway_id": "local", "origin": "CreateRouteTable"}],
    }


def instance():
    return {
        "instance_id": "i-1", "state": {"name": "running"}, "subnet_id": "subnet-1", "image_id": "ami-1",
        "instance_type": "t3.micro", "security_groups": [{"group_id": "sg-1", "group_name": "instance"}],
        "network_interfaces": [{"network_interface_id": "eni-1"}],
        "iam_instance_profile": {"arn": PROFILE, "id": "AIPA"},
        "metadata_options": {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 2},
        "tags": dict(TAGS, Name="instance-a"),
    }


def vpc_in_place(vpcs):
    return in_place.vpc_in_place(vpcs, "consumer-vpc", "10.0.0.0/16", TAGS)


def subnet_in_place(subnets):
    return in_place.subnet_in_place(subnets, "10.0.0.0/24", V6_SUBNET, dict(TAGS, Name="subnet-a"))


def route_table_in_place(tables):
    return in_place.route_table_in_place(tables, dict(TAGS, Name="rt-a"), "subnet-1", V6)


def instance_in_place(instances):
    return in_place.instance_in_place(
        instances, name="instance-a", subnet_id="subnet-1", image_id="ami-1", instance_type="t3.micro",
        security_group_ids=["sg-1"], instance_profile_arn=PROFILE,
        metadata_options={"http_endpoint": "enabled", "http_tokens": "required"}, tags=TAGS)


# (resource factory, filter, change the module would put right)
DIFFERENCES = {
    "vpc: pending": (vpc, vpc_in_place, lambda r: r.update(state="pending")),
    "vpc: IPv6 block associating": (vpc, vpc_in_place, lambda r: r["ipv6_cidr_block_association_set"][0].update(
        ipv6_cidr_block_state={"state": "associating"})),
    "vpc: IPv6 block not Amazon's": (vpc, vpc_in_place, lambda r: r["ipv6_cidr_block_association_set"][0].update(
        ipv6_pool="ipv6pool-ec2-1")),
    "vpc: no IPv6 block": (vpc, vpc_in_place, lambda r: r.update(ipv6_cidr_block_association_set=[])),
    "vpc: CIDR disassociating": (vpc, vpc_in_place, lambda r: r["cidr_block_association_set"][0].update(
        cidr_block_state={"state": "disassociating"})),
    "vpc: DNS support off": (vpc, vpc_in_place, lambda r: r.update(enable_dns_support=False)),
    "vpc: DNS hostnames off": (vpc, vpc_in_place, lambda r: r.update(enable_dns_hostnames=False)),
    "vpc: a tag more": (vpc, vpc_in_place, lambda r: r["tags"].update(extra="x")),
    "vpc: a tag changed": (vpc, vpc_in_place, lambda r: r["tags"].update({"lattice:stack": "other"})),
    "vpc: other name": (vpc, vpc_in_place, lambda r: r["tags"].update(Name="other")),
    "subnet: pending": (subnet, subnet_in_place, lambda r: r.update(state="pending")),
    "subnet: other IPv6 block": (subnet, subnet_in_place, lambda r: r["ipv6_cidr_block_association_set"][0].update(
        ipv6_cidr_block="2600:1f18:abcd:ef01::/64")),
    "subnet: IPv6 block associating": (subnet, subnet_in_place,
                                       lambda r: r["ipv6_cidr_block_association_set"][0].update(
                                           ipv6_cidr_block_state={"state": "associating"})),
    "subnet: no IPv6 address at launch": (subnet, subnet_in_place,
                                          lambda r: r.update(assign_ipv6_address_on_creation=False)),
    "subnet: public IPv4 at launch": (subnet, subnet_in_place, lambda r: r.update(map_public_ip_on_launch=True)),
    "subnet: a tag missing": (subnet, subnet_in_place, lambda r: r["tags"].pop("lattice:pattern")),
    "route table: no subnet": (route_table, route_table_in_place, lambda r: r.update(associations=[])),
    "route table: another subnet too": (route_table, route_table_in_place, lambda r: r["associations"].append(
        {"main": False, "subnet_id": "subnet-2"})),
    "route table: other subnet": (route_table, route_table_in_place, lambda r: r["associations"][0].update(
        subnet_id="subnet-2")),
    "route table: no IPv6 local route": (route_table, route_table_in_place, lambda r: r["routes"].pop()),
    "route table: a route to a gateway": (route_table, route_table_in_place, lambda r: r["routes"].append(
        {"destination_cidr_block": "0.0.0.0/0", "gateway_id": "igw-1", "origin": "CreateRoute"})),
    "route table: a tag more": (route_table, route_table_in_place, lambda r: r["tags"].update(extra="x")),
    "instance: stopped": (instance, instance_in_place, lambda r: r.update(state={"name": "stopped"})),
    "instance: pending": (instance, instance_in_place, lambda r: r.update(state={"name": "pending"})),
    "instance: other type": (instance, instance_in_place, lambda r: r.update(instance_type="t3.small")),
    "instance: a group more": (instance, instance_in_place, lambda r: r["security_groups"].append(
        {"group_id": "sg-2"})),
    "instance: other profile": (instance, instance_in_place, lambda r: r.update(
        iam_instance_profile={"arn": PROFILE + "-other"})),
    "instance: no profile": (instance, instance_in_place, lambda r: r.pop("iam_instance_profile")),
    "instance: IMDSv1 allowed": (instance, instance_in_place, lambda r: r["metadata_options"].update(
        http_tokens="optional")),
    "instance: two interfaces": (instance, instance_in_place, lambda r: r["network_interfaces"].append(
        {"network_interface_id": "eni-2"})),
    "instance: a tag more": (instance, instance_in_place, lambda r: r["tags"].update(changed="behind-its-back")),
}


@pytest.mark.parametrize("make, judge", [(vpc, vpc_in_place), (subnet, subnet_in_place),
                                         (route_table, route_table_in_place), (instance, instance_in_place)])
def test_as_wanted_is_in_place_and_returned(make, judge):
    resource = make()
    assert judge([resource]) == resource


@pytest.mark.parametrize("difference", sorted(DIFFERENCES))
def test_each_difference_the_module_would_put_right_is_not_in_place(difference):
    make, judge, change = DIFFERENCES[difference]
    resource = make()
    changed = copy.deepcopy(resource)
    change(changed)
    assert judge([resource]) == resource  # the same resource, unchanged, is in place
    assert judge([changed]) == {}


@pytest.mark.parametrize("make, judge", [(vpc, vpc_in_place), (subnet, subnet_in_place),
                                         (route_table, route_table_in_place), (instance, instance_in_place)])
def test_none_or_two_matches_are_left_to_the_module(make, judge):
    """None: the module creates it; two: the module fails (VPC, route table) or manages both
    (instances), and says so."""
    assert judge([]) == {}
    assert judge([make(), make()]) == {}


def test_what_the_module_does_not_look_at_does_not_count():
    """The instance's hop limit is not among the options given; a stopped second instance of
    another image is not matched by ec2_instance; AWS's own tags are neither set nor purged."""
    other_image = dict(instance(), image_id="ami-old", instance_id="i-2")
    assert instance_in_place([instance(), other_image])["instance_id"] == "i-1"
    assert vpc_in_place([vpc()])["tags"]["aws:cloudformation:stack-name"] == "kept"
    other_cidr = dict(subnet(), cidr_block="10.0.1.0/24", id="subnet-2")
    assert subnet_in_place([subnet(), other_cidr])["id"] == "subnet-1"
