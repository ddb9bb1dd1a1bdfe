"""Fixtures shared by the packaging tests: the collection built from this checkout
and that tarball installed offline into an otherwise empty collections path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from packaging_env import ROOT, VENV_BIN, isolated_env, run


@pytest.fixture(scope="session")
def collection_version() -> str:
    return str(yaml.safe_load((ROOT / "galaxy.yml").read_text())["version"])


@pytest.fixture(scope="session")
def collection_tarball(tmp_path_factory, collection_version) -> Path:
    out = tmp_path_factory.mktemp("build")
    run([str(VENV_BIN / "ansible-galaxy"), "collection", "build", "--output-path", str(out), str(ROOT)], cwd=out)
    tarball = out / f"lattice-multi_account-{collection_version}.tar.gz"
    assert tarball.is_file(), sorted(p.name for p in out.iterdir())
    return tarball


@pytest.fixture(scope="session")
def installed_collections(tmp_path_factory, collection_tarball) -> Path:
    """A collections path holding only the installed tarball. amazon.aws is not
    copied there: `--offline` finds it in the `ansible` package on sys.path."""
    path = tmp_path_factory.mktemp("collections")
    run(
        [str(VENV_BIN / "ansible-galaxy"), "collection", "install", "--offline", str(collection_tarball), "-p", str(path)],
        cwd=path,
        env=isolated_env(ANSIBLE_COLLECTIONS_PATH=str(path)),
    )
    return path
