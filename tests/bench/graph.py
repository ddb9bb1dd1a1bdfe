"""The pattern's dependency graph and its critical path on AWS time.

Every resource a deploy makes, what it needs first, and which transitional state
of ``sandbox/timing.py`` (the ``SANDBOX_TIMING=aws`` table) it waits through when
created and when deleted. A resource without a state is in place when its call
returns (IAM, subnets, security groups, listeners...): weight 0.

The critical path of a deploy is the longest chain of create durations through
the graph; that of a teardown the longest chain of delete durations through the
reversed graph (a resource is deleted after everything that needs it). Copies of
a resource (a consumer's four subnets, eight consumers) run side by side on AWS,
so the critical path does not grow with them; the managed resource count does.
See tests/bench/README.md for the graph drawn out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sandbox.timing import AWS


@dataclass(frozen=True)
class Node:
    name: str
    side: str  # "provider" (one per provider service) or "consumer" (one per consumer)
    count: int = 1  # copies per side; "per_service": one per provider service
    create: tuple[str, str] | None = None  # (timing.AWS resource, state) waited through on create
    delete: tuple[str, str] | None = None  # the same on delete
    needs: tuple[str, ...] = ()
    per_service: bool = False
    ours: bool = False  # managed by one of this collection's modules (the others: amazon.aws's)


GRAPH: tuple[Node, ...] = (
    # Provider (stack 1): one chain per provider service.
    Node("lambda_role", "provider"),
    Node("function", "provider", create=("lambda-function", "Pending"), needs=("lambda_role",)),
    Node("target_group", "provider", ours=True, create=("lattice-target-group", "CREATE_IN_PROGRESS"),
         delete=("lattice-target-group", "DELETE_IN_PROGRESS"), needs=("function",)),
    Node("invoke_permission", "provider", needs=("function", "target_group")),
    Node("service", "provider", ours=True, create=("lattice-service", "CREATE_IN_PROGRESS"),
         delete=("lattice-service", "DELETE_IN_PROGRESS")),
    Node("listener", "provider", ours=True, needs=("service", "target_group")),
    # The share reaches the consumers once its principal association is ASSOCIATED.
    Node("resource_share", "provider", ours=True, create=("ram-association", "ASSOCIATING"),
         delete=("ram-association", "DISASSOCIATING"), needs=("service",)),
    # Consumer (stack 2): one copy per consumer account.
    Node("instance_role", "consumer", count=2),  # the role and its instance profile
    Node("vpc", "consumer"),
    Node("subnet", "consumer", count=4, needs=("vpc",)),
    Node("route_table", "consumer", count=4, needs=("subnet",)),
    Node("security_group", "consumer", count=3, needs=("vpc",)),
    Node("instance", "consumer", count=2, create=("ec2-instance", "pending"),
         delete=("ec2-instance", "shutting-down"), needs=("subnet", "security_group", "instance_role")),
    Node("instance_connect_endpoint", "consumer", ours=True, create=("ec2-instance-connect-endpoint", "create-in-progress"),
         delete=("ec2-instance-connect-endpoint", "delete-in-progress"), needs=("subnet", "security_group")),
    Node("service_network", "consumer", ours=True),
    Node("vpc_association", "consumer", ours=True,
         create=("lattice-service-network-vpc-association", "CREATE_IN_PROGRESS"),
         delete=("lattice-service-network-vpc-association", "DELETE_IN_PROGRESS"),
         needs=("service_network", "vpc", "security_group")),
    # One per (consumer, shared service); needs the provider's share to have arrived.
    Node("service_association", "consumer", ours=True, per_service=True,
         create=("lattice-service-network-service-association", "CREATE_IN_PROGRESS"),
         delete=("lattice-service-network-service-association", "DELETE_IN_PROGRESS"),
         needs=("service_network", "resource_share", "service")),
)
NODES = {node.name: node for node in GRAPH}


def _seconds(state: tuple[str, str] | None, scale: float) -> float:
    return AWS[state[0]][state[1]].seconds * scale if state else 0.0


def critical_path(phase: str, scale: float = 1.0) -> tuple[float, list[str]]:
    """(seconds, chain of node names) of the longest chain for ``phase`` ("deploy" or "teardown")."""
    if phase == "deploy":
        before = {name: NODES[name].needs for name in NODES}
        weight = {name: _seconds(NODES[name].create, scale) for name in NODES}
    elif phase == "teardown":
        before = {name: tuple(n.name for n in GRAPH if name in n.needs) for name in NODES}
        weight = {name: _seconds(NODES[name].delete, scale) for name in NODES}
    else:  # a no-op re-deploy or a check waits for nothing
        return 0.0, []

    @cache
    def finish(name: str) -> tuple[float, tuple[str, ...]]:
        start, chain = max((finish(dep) for dep in before[name]), default=(0.0, ()))
        return start + weight[name], (*chain, name)

    seconds, chain = max(finish(name) for name in NODES)
    return round(seconds, 3), [name for name in chain if weight[name] > 0]


def resources(providers: int, consumers: int, ours: bool = False) -> int:
    """How many resources the pattern manages for ``providers`` (one service each) and
    ``consumers``; with ``ours``, only those this collection's modules manage."""
    total = 0
    for node in GRAPH:
        if ours and not node.ours:
            continue
        copies = node.count * (providers if node.side == "provider" else consumers)
        total += copies * (providers if node.per_service else 1)
    return total
