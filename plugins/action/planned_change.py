# -*- coding: utf-8 -*-
# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The planned_change action: a change check mode cannot look up (its parent does not
exist yet), reported as changed with a diff, without any API call. Documentation:
plugins/modules/planned_change.py."""

from __future__ import annotations

from ansible.plugins.action import ActionBase

ARGUMENT_SPEC = {
    "resource": {"type": "str", "required": True},
    "name": {"type": "str", "required": True},
    "action": {"type": "str", "choices": ["create", "update", "delete"], "default": "create"},
    "properties": {"type": "dict", "default": {}},
    "reason": {"type": "str", "default": ""},
}


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        _validation, args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC)
        if not self._task.check_mode:
            # Outside check mode the role made (or failed to make) the real change; a
            # planned one reported as changed would hide that.
            result.update(failed=True, msg=f"planned_change reports a change only in check mode; {args['resource']} "
                                           f"{args['name']} must be managed by its own module outside check mode.")
            return result
        planned = {key: args[key] for key in ("action", "resource", "name", "reason")}
        state = dict(args["properties"], name=args["name"])
        result.update(changed=True, planned=planned,
                      msg=f"would {args['action']} {args['resource']} {args['name']}"
                          + (f" ({args['reason']})" if args["reason"] else ""))
        if self._task.diff:
            header = f"{args['resource']} {args['name']}"
            result["diff"] = {"before": state if args["action"] == "delete" else {},
                              "after": {} if args["action"] == "delete" else state,
                              "before_header": header, "after_header": header}
        return result
