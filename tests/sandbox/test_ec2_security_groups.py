"""Rule description updates answer Return: true (amazon.aws.ec2_security_group reads it)."""

import pytest

from sandbox.testing import unique

pytestmark = pytest.mark.sandbox


@pytest.mark.parametrize("direction", ["Ingress", "Egress"])
def test_rule_description_update_returns_true(aws_client, direction):
    ec2 = aws_client("consumer", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    group_id = ec2.create_security_group(GroupName=unique("sg"), Description="rules", VpcId=vpc_id)["GroupId"]
    permission = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}
    getattr(ec2, f"authorize_security_group_{direction.lower()}")(GroupId=group_id, IpPermissions=[permission])

    permission["IpRanges"][0]["Description"] = "from the workloads"
    answer = getattr(ec2, f"update_security_group_rule_descriptions_{direction.lower()}")(
        GroupId=group_id, IpPermissions=[permission]
    )

    assert answer["Return"] is True
    group = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]
    rules = group["IpPermissions" if direction == "Ingress" else "IpPermissionsEgress"]
    described = [r for rule in rules for r in rule.get("IpRanges", []) if r["CidrIp"] == "10.0.0.0/8"]
    assert described == [{"CidrIp": "10.0.0.0/8", "Description": "from the workloads"}]


def test_described_rules_keep_the_description_of_a_group_reference(aws_client, sandbox):
    """DescribeSecurityGroupRules keeps the description of a rule that references a group (moto drops it)."""
    ec2 = aws_client("consumer", "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    target, source = (
        ec2.create_security_group(GroupName=unique("sg"), Description="rules", VpcId=vpc_id)["GroupId"]
        for _index in range(2)
    )
    ec2.authorize_security_group_ingress(GroupId=target, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
        "UserIdGroupPairs": [{"GroupId": source, "Description": "from the instances"}],
    }])
    rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [target]}])["SecurityGroupRules"]
    referencing = [rule for rule in rules if "ReferencedGroupInfo" in rule]
    owner = sandbox["accounts"]["consumer"]["id"]
    assert [(r["Description"], r["ReferencedGroupInfo"], r["GroupOwnerId"]) for r in referencing] == [
        ("from the instances", {"GroupId": source, "UserId": owner}, owner)
    ]
