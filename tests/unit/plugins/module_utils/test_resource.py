"""plugins/module_utils/_core: waiting, tags, and the resource state machine."""

from types import SimpleNamespace

import pytest

from ansible_collections.lattice.multi_account.plugins.module_utils._core import errors
from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import WaitError
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import Change
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import ResourceManager
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import plan_tags
from ansible_collections.lattice.multi_account.plugins.module_utils._core.resource import run
from ansible_collections.lattice.multi_account.plugins.module_utils._core.waiting import wait_until
from ansible_collections.lattice.multi_account.plugins.module_utils._core.waiting import wait_until_gone
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import is_settled
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import lattice_failure


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self):
        return self.now


def reader(*states):
    """read() returning each state in turn (then the last one forever)."""
    states = list(states)

    def read():
        return states.pop(0) if len(states) > 1 else states[0]

    return read


def wait_for_active(read, description, **kwargs):
    """The wait every VPC Lattice resource file uses: found and ACTIVE (or without a status)."""
    return wait_until(read, description, ready=is_settled, goal="to become ACTIVE", failure=lattice_failure, **kwargs)


class TestWaitUntil:
    def test_returns_once_active(self):
        clock = FakeClock()
        read = reader(
            {"status": "CREATE_IN_PROGRESS"}, {"status": "CREATE_IN_PROGRESS"}, {"status": "ACTIVE", "id": "x"}
        )
        assert wait_for_active(read, "thing", sleep=clock.sleep, clock=clock) == {"status": "ACTIVE", "id": "x"}
        assert clock.sleeps == [1, 2]

    def test_resource_without_status_is_ready(self):
        assert wait_for_active(reader({"id": "x"}), "thing") == {"id": "x"}

    def test_failed_status_reports_the_reason(self):
        read = reader({"status": "CREATE_IN_PROGRESS"}, {"status": "CREATE_FAILED", "failure_message": "subnet full"})
        clock = FakeClock()
        with pytest.raises(WaitError, match="thing is CREATE_FAILED: subnet full"):
            wait_for_active(read, "thing", sleep=clock.sleep, clock=clock)

    def test_failed_delete_is_reported_while_waiting_for_deletion(self):
        with pytest.raises(WaitError, match="DELETE_FAILED: no reason given"):
            wait_until_gone(reader({"status": "DELETE_FAILED"}), "thing", failure=lattice_failure)

    def test_waits_until_gone(self):
        clock = FakeClock()
        assert (
            wait_until_gone(reader({"status": "DELETE_IN_PROGRESS"}, None), "thing", sleep=clock.sleep, clock=clock)
            is None
        )
        assert clock.sleeps == [1]

    def test_not_found_right_after_create_is_pending(self):
        # AWS is eventually consistent: a new resource may not be readable at once.
        clock = FakeClock()
        read = reader(None, None, {"status": "ACTIVE", "id": "x"})
        assert wait_for_active(read, "thing", sleep=clock.sleep, clock=clock) == {"status": "ACTIVE", "id": "x"}
        assert clock.sleeps == [1, 2]

    def test_disappearing_for_good_is_an_error(self):
        clock = FakeClock()
        with pytest.raises(WaitError, match="disappeared"):
            wait_for_active(reader(None), "thing", sleep=clock.sleep, clock=clock)
        # ... once the eventual-consistency grace (a minute, as terraform-provider-aws) is over.
        assert clock.now >= 60

    def test_timeout_says_what_to_do(self):
        clock = FakeClock()
        with pytest.raises(WaitError, match=r"Timeout after 30s .* still CREATE_IN_PROGRESS.*wait_timeout"):
            wait_for_active(
                reader({"status": "CREATE_IN_PROGRESS"}), "thing", timeout=30, sleep=clock.sleep, clock=clock
            )
        assert clock.now == 30
        # Polling backs off but never waits longer than 10 seconds at a time.
        assert max(clock.sleeps) == 10


class TestPlanTags:
    def test_none_leaves_tags_alone(self):
        assert plan_tags({"a": "1"}, None) == ({}, [], {"a": "1"})

    def test_purge(self):
        assert plan_tags({"a": "1", "b": "2"}, {"a": "1", "c": 3}) == ({"c": 3}, ["b"], {"a": "1", "c": "3"})

    def test_no_purge_keeps_others(self):
        to_set, to_unset, result = plan_tags({"a": "1", "b": "2"}, {"a": "9"}, purge_tags=False)
        assert (to_set, to_unset, result) == ({"a": "9"}, [], {"a": "9", "b": "2"})

    def test_aws_tags_are_never_purged(self):
        assert plan_tags({"aws:cloudformation:stack-name": "s"}, {}) == ({}, [], {"aws:cloudformation:stack-name": "s"})


class Widget(ResourceManager):
    """A fake resource recording every mutation, to test run() alone."""

    result_key = "widget"
    description = "widget"
    replaceable = True

    def __init__(self, existing=None, **params):
        module = SimpleNamespace(
            params=dict(
                dict(
                    state="present",
                    wait=True,
                    wait_timeout=600,
                    tags=None,
                    purge_tags=True,
                    replace=False,
                    size=1,
                    colour="red",
                ),
                **params
            )
        )
        super().__init__(module)
        self.existing = existing
        self.calls = []

    def get(self):
        return self.existing

    def predict(self):
        return {"size": self.params["size"], "colour": self.params["colour"], "tags": self.params["tags"] or {}}

    def create(self):
        self.calls.append("create")
        self.existing = dict(self.predict(), id="w-1", status="PENDING")
        return self.existing

    def wait_ready(self, resource):
        self.calls.append("wait_ready")
        return dict(resource, status="ACTIVE")

    def refresh(self, current):
        return dict(self.existing, status="ACTIVE")

    def delete(self, current):
        self.calls.append("delete")
        self.existing = None

    def wait_gone(self, resource):
        self.calls.append("wait_gone")

    def immutable_differences(self, current):
        return ["size"] if current["size"] != self.params["size"] else []

    def changes(self, current):
        if current["colour"] == self.params["colour"]:
            return []

        def apply():
            self.calls.append("update")
            self.existing = dict(self.existing, colour=self.params["colour"])

        return [Change({"colour": self.params["colour"]}, apply)]

    def set_tags(self, current, to_set, to_unset):
        self.calls.append(("tag", to_set, to_unset))
        self.existing = dict(
            self.existing, tags=plan_tags(current["tags"], self.params["tags"], self.params["purge_tags"])[2]
        )


EXISTING = {"id": "w-1", "size": 1, "colour": "red", "tags": {"k": "v"}, "status": "ACTIVE"}


class TestRun:
    def test_create(self):
        widget = Widget(tags={"k": "v"})
        result = run(widget, check_mode=False)
        assert widget.calls == ["create", "wait_ready"]
        assert result["changed"] is True
        assert result["widget"]["status"] == "ACTIVE"
        assert result["diff"] == {"before": {}, "after": result["widget"]}

    def test_create_without_wait(self):
        widget = Widget(wait=False)
        assert run(widget, check_mode=False)["widget"]["status"] == "PENDING"
        assert widget.calls == ["create"]

    def test_create_in_check_mode_predicts_and_calls_nothing(self):
        widget = Widget(tags={"k": "v"})
        result = run(widget, check_mode=True)
        assert widget.calls == []
        assert result["changed"] is True
        assert result["widget"] == {"size": 1, "colour": "red", "tags": {"k": "v"}}

    def test_no_op(self):
        widget = Widget(existing=dict(EXISTING))
        result = run(widget, check_mode=False)
        assert (result["changed"], widget.calls) == (False, [])
        assert result["widget"] == EXISTING

    def test_update_and_tags(self):
        widget = Widget(existing=dict(EXISTING), colour="blue", tags={"k": "w"})
        result = run(widget, check_mode=False)
        assert widget.calls == ["update", ("tag", {"k": "w"}, []), "wait_ready"]
        assert result["changed"] is True
        assert result["widget"]["colour"] == "blue"
        assert result["diff"]["before"]["colour"] == "red"

    def test_update_in_check_mode(self):
        widget = Widget(existing=dict(EXISTING), colour="blue", tags={})
        result = run(widget, check_mode=True)
        assert widget.calls == []
        assert result["widget"] == dict(EXISTING, colour="blue", tags={})

    def test_immutable_difference_fails_without_replace(self):
        widget = Widget(existing=dict(EXISTING), size=2)
        with pytest.raises(InvalidParameter, match="AWS cannot change size of an existing widget. Set replace=true"):
            run(widget, check_mode=False)
        assert widget.calls == []

    def test_replace(self):
        widget = Widget(existing=dict(EXISTING), size=2, replace=True)
        result = run(widget, check_mode=False)
        assert widget.calls == ["delete", "wait_gone", "create", "wait_ready"]
        assert result["widget"]["size"] == 2
        assert result["diff"]["before"]["size"] == 1

    def test_replace_in_check_mode(self):
        widget = Widget(existing=dict(EXISTING), size=2, replace=True)
        result = run(widget, check_mode=True)
        assert widget.calls == []
        assert (result["changed"], result["widget"]["size"]) == (True, 2)

    def test_not_replaceable(self):
        widget = Widget(existing=dict(EXISTING), size=2, replace=True)
        widget.replaceable = False
        with pytest.raises(InvalidParameter, match="Delete it"):
            run(widget, check_mode=False)

    def test_delete(self):
        widget = Widget(existing=dict(EXISTING), state="absent")
        result = run(widget, check_mode=False)
        assert widget.calls == ["delete", "wait_gone"]
        assert result == {"changed": True, "widget": None, "diff": {"before": EXISTING, "after": {}}}

    def test_delete_in_check_mode(self):
        widget = Widget(existing=dict(EXISTING), state="absent")
        assert run(widget, check_mode=True)["changed"] is True
        assert widget.calls == []

    def test_delete_missing_is_no_change(self):
        widget = Widget(state="absent")
        assert run(widget, check_mode=False) == {"changed": False, "widget": None, "diff": {"before": {}, "after": {}}}

    def test_bad_wait_timeout_fails_before_anything(self):
        widget = Widget(wait_timeout=0)
        widget.get = lambda: pytest.fail("get must not be called")
        with pytest.raises(InvalidParameter, match="'wait_timeout'"):
            run(widget, check_mode=False)


def test_invalid_names_the_parameter():
    assert errors.invalid("config.port", "too big") == "Invalid value for parameter 'config.port': too big"
