"""Instances go through ``pending`` after RunInstances and ``shutting-down`` after TerminateInstances.

Moto answers ``running`` and ``terminated`` at once. EC2 user guide, "Instance state
changes": an instance is ``pending`` (code 0) until it runs and ``shutting-down``
(code 32) before it is terminated. With ``SANDBOX_TIMING=aws`` each phase lasts its AWS
duration (sandbox/timing.py, "ec2-instance"); without, ``SANDBOX_DELAY`` as every other
transitional state (skipping them made the sandbox kinder than AWS: a deploy that forgot
to wait for its instances, or a teardown for their termination, passed here).
Only what the instance reports changes (DescribeInstances' State); moto's own state
machine underneath is unchanged.
"""

from __future__ import annotations

from typing import Any

from moto.ec2.models.instances import InstanceState

from ..core.lifecycle import Lifecycle, States
from .ipv6 import Instance as Ipv6Instance

# EC2 API reference, InstanceState: the names and codes.
EC2_INSTANCE = States("pending", "running", None, "shutting-down", "terminated")
CODES = {"pending": 0, "shutting-down": 32}


class Instance(Ipv6Instance):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.transitions = Lifecycle(EC2_INSTANCE, resource="ec2-instance")

    def terminate(self) -> InstanceState:
        previous = super().terminate()
        self.transitions.delete()
        return previous

    def _reported(self) -> InstanceState:
        name = self._state.name
        if name == "running" and self.transitions.creating:
            return InstanceState("pending", CODES["pending"])
        if name == "terminated" and self.transitions.deleting:
            return InstanceState("shutting-down", CODES["shutting-down"])
        return self._state

    @property
    def instance_state(self) -> InstanceState:
        return self._reported()

    @property
    def state(self) -> str:
        return self._reported().name

    @property
    def state_code(self) -> int:
        return self._reported().code
