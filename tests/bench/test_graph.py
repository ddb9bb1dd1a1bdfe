"""The benchmark's dependency graph: well formed, and its critical paths follow sandbox/timing.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import graph  # noqa: E402

from sandbox.timing import AWS  # noqa: E402


def test_every_need_is_a_node_and_every_state_is_in_the_timing_table():
    for node in graph.GRAPH:
        assert set(node.needs) <= set(graph.NODES), node.name
        for state in (node.create, node.delete):
            if state:
                assert state[1] in AWS[state[0]], (node.name, state)


@pytest.mark.parametrize("scale", [1.0, 0.02])
def test_critical_paths_are_the_longest_chains_of_the_timing_table(scale):
    endpoint = AWS["ec2-instance-connect-endpoint"]
    # Deploy: the endpoint (150 s) outlasts the provider chain service -> share -> service association (65 s).
    assert graph.critical_path("deploy", scale) == (
        round(endpoint["create-in-progress"].seconds * scale, 3), ["instance_connect_endpoint"])
    assert graph.critical_path("teardown", scale) == (
        round(endpoint["delete-in-progress"].seconds * scale, 3), ["instance_connect_endpoint"])
    assert graph.critical_path("redeploy", scale) == (0.0, [])


def test_a_chain_adds_up_along_the_needs():
    """Without the endpoint, the deploy's longest chain is the provider's service, its
    share reaching the consumer, then the service association."""
    nodes = {name: node for name, node in graph.NODES.items() if name != "instance_connect_endpoint"}
    original = graph.NODES
    try:
        graph.NODES = nodes
        seconds, chain = graph.critical_path("deploy")
    finally:
        graph.NODES = original
    assert (seconds, chain) == (10 + 10 + 45, ["service", "resource_share", "service_association"])


def test_resources_grow_with_the_accounts():
    assert (graph.resources(1, 1), graph.resources(2, 2), graph.resources(1, 8)) == (27, 56, 167)
    # Per provider: target group, service, listener, share; per consumer: service network,
    # VPC association, endpoint, and an association per provider service.
    assert (graph.resources(1, 1, ours=True), graph.resources(2, 2, ours=True),
            graph.resources(1, 8, ours=True)) == (8, 18, 36)
