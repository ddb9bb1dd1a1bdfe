# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whether an amazon.aws module would change nothing, judged from one _info read.

The consumer role reads each kind of EC2 resource of its VPC once (ec2_vpc_net_info,
ec2_vpc_subnet_info, ec2_vpc_route_table_info, ec2_instance_info) and runs the module
that manages a resource only where these filters do not find it in place. amazon.aws's
modules read each resource again, several times, even when nothing is to be done;
measured with ``make bench`` on a no-op re-deploy of the reference consumer: ec2_vpc_net
13 reads, ec2_vpc_subnet 5 per subnet, ec2_vpc_route_table 7 per table (lookup by ID),
ec2_instance 9 per instance.

Each filter mirrors the comparisons its module makes (amazon.aws 10.1, named in each
docstring) for the options the consumer role passes, and returns the resource only
when that module would report changed=false and wait for nothing. When in doubt it
returns {} and the module runs, so a change made behind the role's back is still put
right by the module.
"""

from __future__ import annotations


def _tags_equal(current, wanted):
    """amazon.aws's ensure_ec2_tags with purge_tags=true (compare_aws_tags): the tags are
    exactly ``wanted``; AWS's own ``aws:`` tags can be neither set nor purged."""
    current = {k: v for k, v in (current or {}).items() if not str(k).startswith("aws:")}
    return current == {k: str(v) for k, v in (wanted or {}).items()}


def _one(matches):
    return matches[0] if len(matches) == 1 else {}


def vpc_in_place(vpcs, name, cidr, tags):
    """The VPC of ``vpcs`` (ec2_vpc_net_info) that amazon.aws.ec2_vpc_net with name,
    cidr_block [cidr], ipv6_cidr true, dns_support and dns_hostnames true, tags and
    purge_tags true would leave as it is; {} otherwise.

    ec2_vpc_net finds the VPC by its Name tag and primary CIDR block (get_vpc_id, and fails
    on two), associates an Amazon-provided IPv6 block when none is associated or
    associating and waits until it is associated (update_ipv6_cidrs,
    wait_for_vpc_ipv6_state), adds the CIDR when it is not associated (update_cidrs,
    purge_cidrs false), and sets the tags (with Name) and both DNS attributes."""
    matches = [vpc for vpc in vpcs or [] if (vpc.get("tags") or {}).get("Name") == name and vpc.get("cidr_block") == cidr]
    vpc = _one(matches)
    if not vpc or vpc.get("state") != "available":
        return {}
    ipv6_associated = any(
        block.get("ipv6_pool") == "Amazon" and (block.get("ipv6_cidr_block_state") or {}).get("state") == "associated"
        for block in vpc.get("ipv6_cidr_block_association_set") or [])
    cidrs = {block.get("cidr_block") for block in vpc.get("cidr_block_association_set") or []
             if (block.get("cidr_block_state") or {}).get("state") not in ("disassociating", "disassociated")}
    in_place = (ipv6_associated and cidr in cidrs
                and vpc.get("enable_dns_support") is True and vpc.get("enable_dns_hostnames") is True
                and _tags_equal(vpc.get("tags"), dict(tags or {}, Name=name)))
    return vpc if in_place else {}


def subnet_in_place(subnets, cidr, ipv6_cidr, tags, assign_instances_ipv6=True, map_public=False):
    """The subnet of ``subnets`` (ec2_vpc_subnet_info of one VPC) that
    amazon.aws.ec2_vpc_subnet with that VPC, cidr, ipv6_cidr, assign_instances_ipv6,
    map_public, tags and purge_tags true would leave as it is; {} otherwise.

    ec2_vpc_subnet finds the subnet by VPC and CIDR block (get_matching_subnet), compares
    the associated IPv6 block with ipv6_cidr as strings (update_subnet_attributes), then
    both attributes and the tags, and waits for an available subnet whose IPv6 block is
    associated."""
    subnet = _one([s for s in subnets or [] if s.get("cidr_block") == cidr])
    if not subnet or subnet.get("state") != "available":
        return {}
    ipv6_blocks = [block.get("ipv6_cidr_block") for block in subnet.get("ipv6_cidr_block_association_set") or []
                   if (block.get("ipv6_cidr_block_state") or {}).get("state") == "associated"]
    in_place = (ipv6_blocks == [ipv6_cidr]
                and subnet.get("assign_ipv6_address_on_creation") is assign_instances_ipv6
                and subnet.get("map_public_ip_on_launch") is map_public
                and _tags_equal(subnet.get("tags"), tags))
    return subnet if in_place else {}


def route_table_in_place(route_tables, tags, subnet_id, ipv6_local_cidr):
    """The route table of ``route_tables`` (ec2_vpc_route_table_info of one VPC) named by
    tags' Name that amazon.aws.ec2_vpc_route_table with lookup id, that table, tags,
    purge_tags true, subnets [subnet_id] and routes [ipv6_local_cidr to local] would
    leave as it is; {} otherwise.

    ec2_vpc_route_table associates the subnet and removes its other subnet associations
    (ensure_subnet_associations, purge_subnets true), adds the routes it is given, purges
    created routes with an IPv4 destination and warns about others (ensure_routes,
    purge_routes true), and sets the tags. Here only the local routes count as in place:
    any other route runs the module, which decides."""
    name = (tags or {}).get("Name")
    table = _one([t for t in route_tables or [] if (t.get("tags") or {}).get("Name") == name])
    if not table:
        return {}
    associated = [a.get("subnet_id") for a in table.get("associations") or []
                  if not a.get("main") and a.get("subnet_id")]
    routes = table.get("routes") or []
    ipv6_local = any(r.get("destination_ipv6_cidr_block") == ipv6_local_cidr and r.get("gateway_id") == "local"
                     for r in routes)
    in_place = (associated == [subnet_id] and ipv6_local
                and all(r.get("gateway_id") == "local" for r in routes)
                and _tags_equal(table.get("tags"), tags))
    return table if in_place else {}


def instance_in_place(instances, name, subnet_id, image_id, instance_type, security_group_ids,
                      instance_profile_arn, metadata_options, tags):
    """The instance of ``instances`` (ec2_instance_info) that amazon.aws.ec2_instance with
    name, vpc_subnet_id, image_id, instance_type, security_groups (IDs),
    iam_instance_profile (an ARN), metadata_options, tags, purge_tags true and state
    running would leave as it is; {} otherwise.

    ec2_instance manages every instance of the subnet, Name and image that is not
    shutting down or terminated (build_filters), and for each sets the tags with Name, the
    metadata options it is given, the instance type, the security groups of its one
    network interface (diff_instance_and_params) and the instance profile
    (add_or_update_instance_profile), then starts what is not running
    (change_instance_state). So exactly one such instance, running, as wanted."""
    matches = [i for i in instances or []
               if (i.get("tags") or {}).get("Name") == name and i.get("subnet_id") == subnet_id
               and i.get("image_id") == image_id
               and (i.get("state") or {}).get("name") in ("pending", "running", "stopping", "stopped")]
    instance = _one(matches)
    if not instance or instance["state"]["name"] != "running":
        return {}
    current_options = instance.get("metadata_options") or {}
    in_place = (instance.get("instance_type") == instance_type
                and len(instance.get("network_interfaces") or []) <= 1
                and {g.get("group_id") for g in instance.get("security_groups") or []} == set(security_group_ids)
                and (instance.get("iam_instance_profile") or {}).get("arn") == instance_profile_arn
                and all(current_options.get(key) == value for key, value in (metadata_options or {}).items())
                and _tags_equal(instance.get("tags"), dict(tags or {}, Name=name)))
    return instance if in_place else {}


class FilterModule:
    def filters(self):
        return {
            "vpc_in_place": vpc_in_place,
            "subnet_in_place": subnet_in_place,
            "route_table_in_place": route_table_in_place,
            "instance_in_place": instance_in_place,
        }
