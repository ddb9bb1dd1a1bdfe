# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Waiting for AWS to finish something, judged by predicates on what a read returns.

AWS is eventually consistent: a resource just created may not be found for a
while (terraform-provider-aws counts not-found as pending in its VPC Lattice
waiters and retries RAM share reads for a minute after create).  So a read that
finds nothing is "not there yet" for ``not_found_grace`` seconds, not a failure.
"""

import time

from .errors import WaitError

DEFAULT_WAIT_TIMEOUT = 600
# terraform-provider-aws tfresource.RetryWhenNotFound / NotFoundChecks: about a minute.
NOT_FOUND_GRACE = 60


def poll_delays(first=1, maximum=10):
    # AWS rarely finishes in under a second, and polling faster than every 10s
    # only burns API quota; doubling also keeps quick local sandboxes fast.
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, maximum)


def never_failed(resource):
    return None


def wait_until(
    read,
    description,
    ready,
    goal,
    failure=never_failed,
    state=lambda resource: "not found" if resource is None else resource.get("status"),
    timeout=DEFAULT_WAIT_TIMEOUT,
    current=None,
    not_found_grace=NOT_FOUND_GRACE,
    sleep=None,
    clock=time.monotonic,
):
    """Call ``read()`` until ``ready(resource)``; return that last read.

    ``failure(resource)`` returns why a (found) resource can no longer become
    ready, or None; ``state(resource)`` names where it is, for the timeout
    message; ``goal`` completes "waiting for <description> ...".  A read that
    finds nothing (None) and is not ready counts as pending for ``not_found_grace``
    seconds (None: for the whole wait).  ``current``, when given, is a fresh
    read to judge before reading again.  ``sleep`` defaults to ``time.sleep`` looked up
    at each call, so that a test that patches it never waits for real.
    """
    sleep = sleep or time.sleep
    start = clock()
    deadline = start + timeout
    delays = poll_delays()
    while True:
        resource, current = (current, None) if current is not None else (read(), None)
        reason = failure(resource) if resource is not None else None
        if reason:
            raise WaitError(message=f"{description} {reason}")
        if ready(resource):
            return resource
        if resource is None and not_found_grace is not None and clock() - start >= not_found_grace:
            raise WaitError(message=f"{description} disappeared while waiting for it {goal}")
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitError(
                message=(
                    f"Timeout after {timeout}s waiting for {description} {goal}; it is still {state(resource)}. "
                    "Re-run with a larger wait_timeout, or with wait=false to continue without waiting."
                )
            )
        sleep(min(next(delays), remaining))


def wait_until_gone(read, description, failure=never_failed, **kwargs):
    """Call ``read()`` until it finds nothing."""
    return wait_until(read, description, ready=lambda resource: resource is None, goal="to be deleted",
                      failure=failure, **kwargs)
