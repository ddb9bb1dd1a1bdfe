"""Security group rules as EC2 describes and updates them.

Rule description updates answer ``Return: true``: moto 5.2.5 answers them with an
empty body; amazon.aws.ec2_security_group reads ``Return`` and fails on the second
deploy that touches a rule's description. :class:`SecurityGroupRule`: see its docstring.
"""

from __future__ import annotations

from moto.core.responses import ActionResult
from moto.ec2.models.security_groups import SecurityGroupRule as MotoSecurityGroupRule
from moto.ec2.responses.security_groups import SecurityGroups


class SecurityGroupDescriptionResponse(SecurityGroups):
    def update_security_group_rule_descriptions_ingress(self) -> ActionResult:
        super().update_security_group_rule_descriptions_ingress()
        return ActionResult({"Return": True})

    def update_security_group_rule_descriptions_egress(self) -> ActionResult:
        super().update_security_group_rule_descriptions_egress()
        return ActionResult({"Return": True})


class SecurityGroupRule(MotoSecurityGroupRule):
    """DescribeSecurityGroupRules as EC2 answers it.

    moto 5.2.5 reads a rule's description only from a CIDR range, so a rule that
    references a security group (or a prefix list) loses the description it was given;
    EC2 keeps it (EC2 API reference, SecurityGroupRule.Description; the AWS Go SDK
    compares it). ReferencedGroupInfo holds only the members of its shape, and every
    rule names its group's owner (GroupOwnerId).
    """

    REFERENCED_GROUP_MEMBERS = ("GroupId", "UserId", "VpcId", "PeeringStatus", "VpcPeeringConnectionId")

    @property
    def description(self) -> str | None:
        return self.ip_range.get("Description") or self.source_group.get("Description")

    @property
    def referenced_group_info(self) -> dict[str, str] | None:
        if not self.source_group:
            return None
        info = {key: value for key, value in self.source_group.items() if key in self.REFERENCED_GROUP_MEMBERS}
        info.setdefault("UserId", self.ec2_backend.account_id)
        return info

    @property
    def group_owner_id(self) -> str:
        return self.ec2_backend.account_id
