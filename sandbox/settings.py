"""Sandbox settings from the environment (defaults documented in README)."""

from __future__ import annotations

import os
from pathlib import Path


def state_dir() -> Path:
    return Path(os.environ.get("SANDBOX_STATE_DIR", ".sandbox"))


def port() -> int:
    return int(os.environ.get("SANDBOX_PORT", "5100"))


def region() -> str:
    return os.environ.get("SANDBOX_REGION", "eu-west-1")


def accounts() -> list[str]:
    return os.environ.get("SANDBOX_ACCOUNTS", "provider consumer").split()


def external_accounts() -> list[str]:
    return os.environ.get("SANDBOX_EXTERNAL_ACCOUNTS", "").split()


def delay() -> float:
    return float(os.environ.get("SANDBOX_DELAY", "1"))


# AWS's behaviour over time (see the README's table for the AWS source of each).
# Defaults keep the instant sandbox: no lag, no IAM propagation, no faults, timing off.


def lag() -> float:
    """Seconds a new resource may stay invisible to Get/List, and a RAM share to its principals."""
    return float(os.environ.get("SANDBOX_LAG", "0"))


def iam_propagation() -> float:
    """Seconds before Lambda can assume a new IAM role."""
    return float(os.environ.get("SANDBOX_IAM_PROPAGATION", "0"))


def faults() -> str:
    """Injected faults, for example ``throttle=0.2,error=0.05,seed=7`` (empty: none)."""
    return os.environ.get("SANDBOX_FAULTS", "")


def timing() -> str:
    """``aws``: each transitional state lasts as long as on AWS (see timing.py); empty: SANDBOX_DELAY."""
    value = os.environ.get("SANDBOX_TIMING", "")
    if value not in ("", "aws"):
        raise ValueError(f"SANDBOX_TIMING must be 'aws' or empty, not {value!r}")
    return value


def time_scale() -> float:
    """Factor applied to the AWS durations of SANDBOX_TIMING=aws (0.01: a hundred times faster)."""
    return float(os.environ.get("SANDBOX_TIME_SCALE", "1"))


def iam() -> str:
    """``enforce``: every call of a non-root principal is authorized against its IAM policies
    (moto_ext/core/authorization.py); empty: moto's default, no authorization."""
    value = os.environ.get("SANDBOX_IAM", "")
    if value not in ("", "enforce"):
        raise ValueError(f"SANDBOX_IAM must be 'enforce' or empty, not {value!r}")
    return value


def seed() -> str | None:
    """Seed of the random draws of the lag (and of the faults when they name none): repeatable runs."""
    return os.environ.get("SANDBOX_SEED") or None


# The settings the server records in accounts.json and control.start() passes through.
BEHAVIOUR = {
    "lag": ("SANDBOX_LAG", lag),
    "iam_propagation": ("SANDBOX_IAM_PROPAGATION", iam_propagation),
    "faults": ("SANDBOX_FAULTS", faults),
    "timing": ("SANDBOX_TIMING", timing),
    "time_scale": ("SANDBOX_TIME_SCALE", time_scale),
    "iam": ("SANDBOX_IAM", iam),
}
