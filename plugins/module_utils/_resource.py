# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Service-agnostic pieces shared by the resource modules of this collection.

Private module_utils: no compatibility promise outside this collection.  Other
packages may add functions here but must not change existing signatures.

* ``wait_for_status``: poll a reader until a status is reached or the resource is
  gone, failing on ``*_FAILED`` with the reason AWS gives.
* ``plan_tags``: amazon.aws ``compare_aws_tags`` plus the predicted tag dict.
* ``InvalidParameter`` / ``invalid``: validation messages that name the option.
* ``ResourceManager`` + ``ensure``: the state machine of a resource module
  (absent/present, create/update/replace, tags, wait, check mode, diff).
* ``AdvisingErrorHandler``: amazon.aws's AWSErrorHandler with per-error-code advice.
"""

import functools
import time
from copy import deepcopy

try:
    import botocore
except ImportError:
    pass  # Modules are responsible for handling this.

from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.errors import AWSErrorHandler
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.tagging import compare_aws_tags

DEFAULT_WAIT_TIMEOUT = 600


class InvalidParameter(ValueError):
    """Raised before any API call when a module option cannot be valid."""

    def __init__(self, param, problem):
        self.param = param
        self.problem = problem
        super().__init__(invalid(param, problem))


def invalid(param, problem):
    return f"Invalid value for parameter '{param}': {problem}"


class WaitError(AnsibleAWSError):
    """A resource ended in a failed status, vanished, or the wait timed out."""


def _poll_delays(first=1, maximum=10):
    # AWS rarely finishes in under a second, and polling faster than every 10s
    # only burns API quota; doubling also keeps quick local sandboxes fast.
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, maximum)


def wait_for_status(
    read,
    description,
    ready=("ACTIVE",),
    timeout=DEFAULT_WAIT_TIMEOUT,
    status_key="status",
    reason_keys=("failureMessage", "failureCode", "failure_message", "failure_code", "statusMessage", "status_message"),
    sleep=time.sleep,
    clock=time.monotonic,
    current=None,
):
    """Call ``read()`` until the resource reaches a ``ready`` status.

    ``ready=None`` waits until ``read()`` returns None (deletion).  A resource
    without ``status_key`` counts as ready: some resources have no status.
    Raises WaitError on a status ending in ``_FAILED`` (with the reason AWS
    reports), when the resource disappears while waiting to become ready, or
    on timeout.  ``current``, when given, is a fresh read to judge before reading again.
    """
    deadline = clock() + timeout
    delays = _poll_delays()
    while True:
        resource, current = (current, None) if current is not None else (read(), None)
        if resource is None:
            if ready is None:
                return None
            raise WaitError(message=f"{description} disappeared while waiting for it to become {'/'.join(ready)}")
        status = resource.get(status_key)
        if status is not None and status.endswith("_FAILED"):
            reason = next((resource[k] for k in reason_keys if resource.get(k)), "no reason given")
            raise WaitError(message=f"{description} is {status}: {reason}")
        if ready is not None and (status is None or status in ready):
            return resource
        remaining = deadline - clock()
        if remaining <= 0:
            goal = "to be deleted" if ready is None else f"to become {'/'.join(ready)}"
            raise WaitError(
                message=(
                    f"Timeout after {timeout}s waiting for {description} {goal}; it is still {status}. "
                    "Re-run with a larger wait_timeout, or with wait=false to continue without waiting."
                )
            )
        sleep(min(next(delays), remaining))


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
    """One resource kind, as a module sees it.

    Subclasses work in the module's output shape (snake_case dicts, tags as a
    dict) and implement the hooks below; ``ensure`` drives them.
    """

    result_key = None
    description = "resource"
    taggable = True
    # Options that make an existing resource impossible to update in place.
    replaceable = False

    def __init__(self, module):
        self.module = module
        self.params = module.params

    # --- hooks ---------------------------------------------------------------
    def validate(self):
        """Raise InvalidParameter for input that cannot work; no API call allowed here."""
        timeout = self.params.get("wait_timeout")
        if timeout is not None and timeout < 1:
            raise InvalidParameter("wait_timeout", f"{timeout} is not a positive number of seconds")

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


def ensure(module, manager):
    """Run ``manager`` for an AnsibleAWSModule and exit with its result."""
    exit_with(module, lambda: run(manager, module.check_mode))


class AdvisingErrorHandler(AWSErrorHandler):
    """amazon.aws AWSErrorHandler whose messages end with advice for the error code.

    Subclasses set ``_CUSTOM_EXCEPTION``, ``MISSING_CODES`` (error codes meaning
    "does not exist", for list/deletion handlers) and ``ADVICE`` (error code ->
    what to do), or override ``advice`` when the advice depends on the message.
    The ``list_error_handler`` / ``deletion_error_handler`` decorators inherited
    from AWSErrorHandler give advice too, since they build on this method.
    """

    MISSING_CODES = ()
    ADVICE = {}

    @classmethod
    def _is_missing(cls):
        if not cls.MISSING_CODES:
            return super()._is_missing()
        return is_boto3_error_code(list(cls.MISSING_CODES))

    @classmethod
    def advice(cls, code, aws_message, description):
        """What the user should do about ``code`` while trying ``description``, or None."""
        return cls.ADVICE.get(code)

    @classmethod
    def common_error_handler(cls, description):
        def wrapper(func):
            @functools.wraps(func)
            def handler(*args, **kwargs):
                try:
                    return func(*args, **kwargs)
                except botocore.exceptions.WaiterError as e:
                    raise cls._CUSTOM_EXCEPTION(message=f"Timeout trying to {description}", exception=e) from e
                except botocore.exceptions.ClientError as e:
                    error = e.response.get("Error", {})
                    hint = cls.advice(error.get("Code"), error.get("Message", ""), description)
                    message = f"Failed to {description}" + (f": {hint}" if hint else "")
                    raise cls._CUSTOM_EXCEPTION(message=message, exception=e) from e
                except botocore.exceptions.BotoCoreError as e:
                    raise cls._CUSTOM_EXCEPTION(message=f"Failed to {description}", exception=e) from e

            return handler

        return wrapper


def exit_with(module, compute):
    """Exit with the result dict ``compute()`` returns; InvalidParameter and AWS errors become failures."""
    try:
        result = compute()
    except InvalidParameter as e:
        module.fail_json(msg=str(e))
    except AnsibleAWSError as e:
        module.fail_json_aws_error(e)
    module.exit_json(**result)
