"""`make bench`: the pattern on AWS time, measured.

For each inventory (1+1, 2+2, 1 provider + 8 consumers) starts a private sandbox
with SANDBOX_TIMING=aws and SANDBOX_TIME_SCALE, then runs deploy, a no-op
re-deploy, check (--check --diff) and teardown. Per run: wall seconds, the
critical path (graph.py, at the same scale), their ratio, mutating and read
calls from the sandbox call log, and the resources the pattern manages; the reads
this collection's modules made (told by their User-Agent) and the resources they
manage, for the goal of 2 reads per resource in a no-op re-deploy. Prints
a table and writes .cache/bench/results.json.

Usage: python tests/bench/run.py [--time-scale 0.02] [--only 1+1 ...] [--phases deploy ...] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import graph  # noqa: E402  (beside this file)

sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import test_pattern as e2e  # noqa: E402  (its playbook runner: the same environment as the e2e tests)

from sandbox import control, testing  # noqa: E402

# name -> (inventory, sandbox accounts, providers, consumers)
INVENTORIES = {
    "1+1": ("sandbox", ("provider", "consumer"), 1, 1),
    "2+2": ("sandbox-large", ("provider-a", "provider-b", "consumer-a", "consumer-b"), 2, 2),
    "1+8": ("sandbox-fanout", ("provider", *(f"consumer-{n}" for n in range(1, 9))), 1, 8),
}
# phase -> (playbook, extra arguments)
PHASES = {
    "deploy": ("deploy", ()),
    "redeploy": ("deploy", ()),
    "check": ("deploy", ("--check", "--diff")),
    "teardown": ("teardown", ()),
}


def run_playbook(info: dict, name: str, inventory: str, *args: str) -> float:
    """Runs playbooks/<name>.yml on the sandbox ``info`` the way the end-to-end tests
    do; returns its wall seconds. Stops the benchmark when the playbook fails."""
    started = time.monotonic()
    returncode, output, _recap = e2e.playbook(info, name, inventory, *args)
    wall = time.monotonic() - started
    if returncode != 0:
        sys.exit(f"{name}.yml -i inventories/{inventory} {' '.join(args)} failed ({returncode}):\n{output[-8000:]}")
    return wall


# This collection's modules name themselves in the User-Agent (plugins/module_utils/_core/client.py).
COLLECTION_AGENT = re.compile(r"lattice\.multi_account/(\w+)")
# Sharing with the organization (ram_organization_sharing, once per run): managed by this
# collection, not a node of the pattern's graph.
ORGANIZATION_SETTINGS = 1


def reads_by_operation(calls: list[dict]) -> dict[str, int]:
    counts = Counter(f"{call.get('service')}:{call.get('operation')}" for call in calls if not testing.is_mutating(call))
    return dict(counts.most_common())


def collection_reads_by_module(calls: list[dict]) -> dict[str, int]:
    """Reads this collection's modules made (module -> count), most first: the goal of 2 per resource."""
    modules = (COLLECTION_AGENT.search(call.get("user_agent", "")) for call in calls if not testing.is_mutating(call))
    return dict(Counter(found.group(1) for found in modules if found).most_common())


def bench_inventory(label: str, scale: float, state_root: Path, phases=tuple(PHASES)) -> list[dict]:
    inventory, accounts, providers, consumers = INVENTORIES[label]
    state_dir = state_root / label
    info = control.start(state_dir, control.free_port(), accounts=accounts, timing="aws", time_scale=scale)
    log = testing.CallLog(info["calls_log"])
    runs = []
    try:
        # A phase left out is not run: the next one starts from what the previous left (a
        # re-deploy or check without the deploy runs on empty accounts).
        for phase, (name, args) in ((p, PHASES[p]) for p in PHASES if p in phases):
            mark = log.mark()
            wall = run_playbook(info, name, inventory, *args)
            calls = log(mark)
            mutating = len(log.mutating(mark))
            by_module = collection_reads_by_module(calls)
            critical, chain = graph.critical_path(phase if phase in ("deploy", "teardown") else "noop", scale)
            runs.append({
                "inventory": label,
                "phase": phase,
                "wall_s": round(wall, 1),
                "critical_path_s": critical,
                "critical_path": chain,
                "ratio": round(wall / critical, 2) if critical else None,
                "mutating_calls": mutating,
                "read_calls": len(calls) - mutating,
                "resources": graph.resources(providers, consumers),
                "collection_read_calls": sum(by_module.values()),
                "collection_resources": graph.resources(providers, consumers, ours=True) + ORGANIZATION_SETTINGS,
                "collection_reads_by_module": by_module,
                # Where the reads go (service:Operation -> count), most first: what to cut.
                "reads_by_operation": reads_by_operation(calls),
            })
            print(row(runs[-1]), flush=True)
    finally:
        control.stop(state_dir)
    return runs


HEADER = ("inventory", "phase", "wall_s", "critical_path_s", "ratio", "mutating_calls", "read_calls", "resources",
          "collection_read_calls", "collection_resources")


def row(run: dict) -> str:
    cells = ["-" if run[key] is None else str(run[key]) for key in HEADER]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-scale", type=float,
                        default=float(os.environ.get("SANDBOX_TIME_SCALE") or 0.02))
    parser.add_argument("--only", nargs="*", choices=sorted(INVENTORIES), default=list(INVENTORIES))
    parser.add_argument("--phases", nargs="*", choices=list(PHASES), default=list(PHASES),
                        help="the phases to run, in their usual order (AWS time: --phases deploy for the scale goals)")
    parser.add_argument("--output", type=Path, default=ROOT / ".cache" / "bench" / "results.json")
    options = parser.parse_args()
    print(f"SANDBOX_TIMING=aws SANDBOX_TIME_SCALE={options.time_scale} "
          f"(critical paths: deploy {graph.critical_path('deploy', options.time_scale)[0]} s, "
          f"teardown {graph.critical_path('teardown', options.time_scale)[0]} s)")
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-") as state_root:
        for label in options.only:
            runs += bench_inventory(label, options.time_scale, Path(state_root), options.phases)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps({"time_scale": options.time_scale, "runs": runs}, indent=2) + "\n")
    print(f"wrote {options.output}")


if __name__ == "__main__":
    main()
