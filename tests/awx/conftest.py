"""Fixtures of the AWX tests."""

from __future__ import annotations

import pytest

import awx_env


@pytest.fixture
def base_credential_env(sandbox) -> dict[str, str]:
    return awx_env.base_credential_env(sandbox)
