# -*- coding: utf-8 -*-
# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: plan_summary
type: aggregate
short_description: End a run with a summary per account of what it changed, or in check mode would change
version_added: 0.2.0
description:
  - Counts the changed results of every host (one host per AWS account), each loop item on its own, and prints at the
    end of the run, per host, how many resources a C(--check) run would create, change and delete (like
    C(terraform plan)), or how many a real run changed.
  - 'A change is classified, in this order: by the C(planned) result of M(lattice.multi_account.planned_change);
    by the diff the module returned (nothing before: create, nothing after: delete); by C(state: absent) in the
    module''s arguments (delete); in check mode, a changed result that names no existing resource (no ID or ARN) is a
    creation, since the modules of amazon.aws return no data for a resource they would create; anything else is a
    change.'
  - Enabled in the collection's C(ansible.cfg) (C(callbacks_enabled)); elsewhere add
    C(lattice.multi_account.plan_summary) to C(callbacks_enabled) or C(ANSIBLE_CALLBACKS_ENABLED).
requirements:
  - enabled in the configuration (C(callbacks_enabled))
author:
  - lattice.multi_account maintainers (@lattice-multi-account)
"""


from collections import Counter
from collections import defaultdict

from ansible import context
from ansible.plugins.callback import CallbackBase

DELETING_STATES = frozenset({"absent", "deleted", "terminated"})
# Result keys that describe the call rather than the resource.
NOT_RESOURCE_DATA = frozenset({"invocation", "diff", "msg", "changed", "planned", "warnings", "deprecations",
                               "item", "ansible_loop_var", "_ansible_item_label", "_ansible_no_log"})


def names_a_resource(value, depth=0):
    """True when the result carries the ID or ARN of an existing resource."""
    if depth > 3:
        return False
    if isinstance(value, dict):
        for key, item in value.items():
            if depth == 0 and key in NOT_RESOURCE_DATA:
                continue
            key = str(key).lower()
            if (key in ("id", "arn") or key.endswith(("_id", "_arn"))) and isinstance(item, str) and item:
                return True
            if names_a_resource(item, depth + 1):
                return True
    elif isinstance(value, list):
        return any(names_a_resource(item, depth + 1) for item in value)
    return False


def classify(result, check_mode):
    """create, change or delete, for one changed result (a task's, or a loop item's)."""
    planned = result.get("planned")
    if isinstance(planned, dict) and planned.get("action") in ("create", "update", "delete"):
        return {"update": "change"}.get(planned["action"], planned["action"])
    diff = result.get("diff")
    if isinstance(diff, list):
        diff = diff[0] if len(diff) == 1 else None
    if isinstance(diff, dict) and "before" in diff and "after" in diff:
        if not diff["before"]:
            return "create"
        if not diff["after"]:
            return "delete"
        return "change"
    module_args = (result.get("invocation") or {}).get("module_args") or {}
    if str(module_args.get("state", "")).lower() in DELETING_STATES:
        return "delete"
    if check_mode and not names_a_resource(result):
        return "create"
    return "change"


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "lattice.multi_account.plan_summary"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changes = defaultdict(Counter)
        self.hosts = []

    def _check_mode(self, task):
        task_check_mode = getattr(task, "check_mode", None)
        if isinstance(task_check_mode, bool):
            return task_check_mode
        return bool(context.CLIARGS.get("check", False))

    def _seen(self, result):
        host = result._host.get_name()
        if host not in self.hosts:
            self.hosts.append(host)
        return host

    # Every host the run touched gets its line, also one whose tasks all failed.
    # A loop that failed on one item may have changed the others.
    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._count(result)

    def v2_runner_on_skipped(self, result):
        self._seen(result)

    def v2_runner_on_unreachable(self, result):
        self._seen(result)

    def v2_runner_on_ok(self, result):
        self._count(result)

    def _count(self, result):
        host = self._seen(result)
        outcome = result._result
        check_mode = self._check_mode(result._task)
        items = outcome.get("results") if isinstance(outcome.get("results"), list) else [outcome]
        for item in items:
            if isinstance(item, dict) and item.get("changed") and not item.get("skipped") and not item.get("failed"):
                self.changes[host][classify(item, check_mode)] += 1

    def v2_playbook_on_stats(self, stats):
        if not self.hosts:
            return
        check_mode = bool(context.CLIARGS.get("check", False))
        self._display.banner("PLAN (check mode: nothing was changed)" if check_mode else "CHANGES")
        for host in self.hosts:
            counts = self.changes[host]
            if check_mode:
                line = (f"{host}: {counts['create']} to create, {counts['change']} to change, "
                        f"{counts['delete']} to delete")
                if not sum(counts.values()):
                    line = f"{host}: nothing to do"
            else:
                # After the call, amazon.aws modules return the resource whether they made
                # it or changed it: a real run cannot tell creations apart.
                line = (f"{host}: {counts['create'] + counts['change']} created or changed, "
                        f"{counts['delete']} deleted")
                if not sum(counts.values()):
                    line = f"{host}: nothing changed"
            self._display.display(line)
