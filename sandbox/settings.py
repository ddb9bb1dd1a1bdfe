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
