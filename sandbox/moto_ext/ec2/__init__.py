"""EC2 extension: Instance Connect endpoints, IPv6 for subnets and instances, security group rules."""


def install() -> None:
    from moto.ec2 import utils
    from moto.ec2.models import ec2_backends, instances, security_groups, subnets

    from .. import use_backend
    from . import instance_connect_endpoints, instances as sandbox_instances, ipv6
    from .security_groups import SecurityGroupRule
    from .models import EC2Backend

    # Known prefixes make IDs valid for CreateTags/DescribeTags (resource-type filter).
    utils.EC2_RESOURCE_TO_PREFIX["instance-connect-endpoint"] = instance_connect_endpoints.PREFIX
    utils.EC2_PREFIX_TO_RESOURCE[instance_connect_endpoints.PREFIX] = "instance-connect-endpoint"
    # Moto builds these by their module-level names: the extended models take their place.
    subnets.Subnet = ipv6.Subnet
    instances.Instance = sandbox_instances.Instance
    security_groups.SecurityGroupRule = SecurityGroupRule
    use_backend(ec2_backends, EC2Backend)
