"""Security group rule description updates answer ``Return: true``, as EC2 does.

moto 5.2.5 answers them with an empty body; amazon.aws.ec2_security_group reads
``Return`` and fails on the second deploy that touches a rule's description.
"""

from moto.core.responses import ActionResult
from moto.ec2.responses.security_groups import SecurityGroups


class SecurityGroupDescriptionResponse(SecurityGroups):
    def update_security_group_rule_descriptions_ingress(self) -> ActionResult:
        super().update_security_group_rule_descriptions_ingress()
        return ActionResult({"Return": True})

    def update_security_group_rule_descriptions_egress(self) -> ActionResult:
        super().update_security_group_rule_descriptions_egress()
        return ActionResult({"Return": True})
