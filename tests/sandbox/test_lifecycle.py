"""The clock-driven status helper the extensions share (no server needed)."""

from __future__ import annotations

import time

from sandbox.moto_ext.core.lifecycle import EC2_INSTANCE_CONNECT_ENDPOINT, LATTICE, Lifecycle, prune


class Model:
    def __init__(self, seconds: float) -> None:
        self.lifecycle = Lifecycle(LATTICE, seconds)


def test_create_update_delete_go_through_their_in_progress_status():
    model = Model(0.05)
    assert (model.lifecycle.status, model.lifecycle.busy) == ("CREATE_IN_PROGRESS", True)
    time.sleep(0.06)
    assert (model.lifecycle.status, model.lifecycle.busy) == ("ACTIVE", False)
    model.lifecycle.update()
    assert model.lifecycle.status == "UPDATE_IN_PROGRESS"
    time.sleep(0.06)
    model.lifecycle.delete()
    store = {"a": model}
    prune(store)
    assert model.lifecycle.status == "DELETE_IN_PROGRESS" and store == {"a": model}
    time.sleep(0.06)
    assert model.lifecycle.gone
    prune(store)
    assert store == {}


def test_states_with_a_final_updated_and_deleted_status():
    lifecycle = Lifecycle(EC2_INSTANCE_CONNECT_ENDPOINT, 0.05)
    assert lifecycle.status == "create-in-progress"
    time.sleep(0.06)
    assert lifecycle.status == "create-complete"
    lifecycle.update()
    assert (lifecycle.status, lifecycle.busy) == ("update-in-progress", True)
    time.sleep(0.06)
    assert (lifecycle.status, lifecycle.busy) == ("update-complete", False)
    lifecycle.delete()
    assert lifecycle.status == "delete-in-progress"
    time.sleep(0.06)
    assert lifecycle.status == "delete-complete"


def test_a_finished_update_of_a_lattice_resource_is_active_again():
    lifecycle = Lifecycle(LATTICE, 0)
    lifecycle.update()
    assert lifecycle.status == "ACTIVE"
