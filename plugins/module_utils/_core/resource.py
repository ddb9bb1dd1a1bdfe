# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The state machine of a resource module: present/absent, create/update/replace, check mode, diff.

A resource file subclasses ResourceManager and implements its hooks in the
module's output shape (snake_case dicts, tags as a dict); ``run`` drives them.
In check mode nothing mutating is called: ``predict`` and each ``Change.predicted``
say what the resource would look like.
"""

from copy import deepcopy

from ansible_collections.amazon.aws.plugins.module_utils.tagging import compare_aws_tags

from .errors import InvalidParameter
from .tags import validate_tags
from .waiting import DEFAULT_WAIT_TIMEOUT


def plan_tags(current_tags, desired_tags, purge_tags=True):
    """Return (to_set, to_unset, resulting_tags); ``desired_tags=None`` leaves tags alone."""
    current_tags = current_tags or {}
    if desired_tags is None:
        return {}, [], dict(current_tags)
    to_set, to_unset = compare_aws_tags(current_tags, desired_tags, purge_tags=purge_tags)
    result = {k: v for k, v in current_tags.items() if k not in to_unset}
    result.update({k: str(v) for k, v in to_set.items()})
    return to_set, to_unset, result


def build_result(changed, key, before, after, **extra):
    """Module result with the resource under ``key`` and a before/after diff."""
    result = {"changed": changed, key: after, "diff": {"before": before or {}, "after": after or {}}}
    result.update(extra)
    return result


class Change:
    """A pending update: ``predicted`` is merged into the resource in check mode, ``apply`` runs otherwise."""

    def __init__(self, predicted, apply):
        self.predicted = predicted
        self.apply = apply


class ResourceManager:
    """One resource kind, as a module sees it; ``run`` calls the hooks below."""

    result_key = None
    description = "resource"
    taggable = True
    # Options that make an existing resource impossible to update in place.
    replaceable = False
    # The AWSClient subclass of the resource's service; the manager's ``api``.
    client_class = None

    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.api = self.client_class(module) if self.client_class else None

    # --- hooks ---------------------------------------------------------------
    def validate(self):
        """Raise InvalidParameter for input that cannot work; no API call allowed here."""
        timeout = self.params.get("wait_timeout")
        if timeout is not None and timeout < 1:
            raise InvalidParameter("wait_timeout", f"{timeout} is not a positive number of seconds")
        if self.taggable:
            validate_tags(self.params.get("tags"))

    def validate_create(self):
        """Raise InvalidParameter for options only a create needs; called before create or predict."""

    def get(self):
        """The current resource, or None."""
        raise NotImplementedError

    def refresh(self, current):
        """Read ``current`` again after an update."""
        return self.get()

    def predict(self):
        """What create() would produce, for check mode."""
        raise NotImplementedError

    def create(self):
        """Create the resource (tags included where the API allows) and return it."""
        raise NotImplementedError

    def delete(self, current):
        raise NotImplementedError

    def immutable_differences(self, current):
        """Names of requested attributes that AWS cannot change in place."""
        return []

    def changes(self, current):
        """List of Change for attributes that can be updated in place."""
        return []

    def set_tags(self, current, to_set, to_unset):
        raise NotImplementedError

    def wait_ready(self, resource):
        return resource

    def wait_gone(self, resource):
        return None

    # --- derived -------------------------------------------------------------
    @property
    def wait(self):
        return self.params.get("wait", True)

    @property
    def wait_timeout(self):
        return self.params.get("wait_timeout") or DEFAULT_WAIT_TIMEOUT

    def tag_change(self, current):
        if not self.taggable:
            return None
        to_set, to_unset, result = plan_tags(
            current.get("tags"), self.params.get("tags"), self.params.get("purge_tags", True)
        )
        if not (to_set or to_unset):
            return None
        return Change({"tags": result}, lambda: self.set_tags(current, to_set, to_unset))


def _merge(resource, patch):
    merged = deepcopy(resource)
    merged.update(deepcopy(patch))
    return merged


def _converge(manager, current, check_mode):
    pending = [c for c in manager.changes(current) + [manager.tag_change(current)] if c]
    predicted = current
    for change in pending:
        predicted = _merge(predicted, change.predicted)
        if not check_mode:
            change.apply()
    return bool(pending), predicted


def _replace_or_fail(manager, current):
    immutable = manager.immutable_differences(current)
    if not immutable:
        return False
    names = ", ".join(immutable)
    if manager.replaceable and manager.params.get("replace"):
        return True
    hint = (
        " Set replace=true to delete and recreate it."
        if manager.replaceable
        else " Delete it (state=absent) and create it again."
    )
    raise InvalidParameter(names, f"AWS cannot change {names} of an existing {manager.description}.{hint}")


def run(manager, check_mode):
    """Converge; return the module result dict.  Raises InvalidParameter / AnsibleAWSError."""
    manager.validate()
    before = manager.get()
    state = manager.params.get("state", "present")

    if state == "absent":
        if before is None:
            return build_result(False, manager.result_key, None, None)
        if not check_mode:
            manager.delete(before)
            if manager.wait:
                manager.wait_gone(before)
        return build_result(True, manager.result_key, before, None)

    current = before
    changed = False
    if current is not None and _replace_or_fail(manager, current):
        if not check_mode:
            manager.delete(current)
            manager.wait_gone(current)
        current = None
        changed = True

    if current is None:
        manager.validate_create()
        if check_mode:
            predicted = manager.predict()
            predicted = _converge(manager, predicted, check_mode=True)[1]
            return build_result(True, manager.result_key, before, predicted)
        current = manager.create()
        if manager.wait:
            current = manager.wait_ready(current)
        changed = True

    updated, predicted = _converge(manager, current, check_mode)
    changed |= updated
    if check_mode:
        return build_result(changed, manager.result_key, before, predicted)
    after = current
    if updated:
        after = manager.refresh(current)
        if manager.wait:
            after = manager.wait_ready(after)
    return build_result(changed, manager.result_key, before, after)
