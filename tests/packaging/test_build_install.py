"""The built collection holds what users need and nothing of the development
checkout and installs offline (test_installed_collection_run.py deploys and tears
down the pattern by FQCN from that installed copy alone)."""

from __future__ import annotations

import json
import re
import subprocess
import tarfile

import pytest
import yaml

from packaging_env import ROOT, VENV_BIN, isolated_env, run

# Paths of the checkout that are the collection's content.
SHIPPED = ("plugins/", "roles/", "playbooks/", "docs/", "iam/", "meta/", "changelogs/", "inventories/", "awx/")
SHIPPED_FILES = ("README.md", "CHANGELOG.rst", "requirements.txt", "bindep.txt", "execution-environment.yml")
# Top-level entries a tarball may have: anything else is development state leaking in.
ALLOWED_TOP = {name.rstrip("/") for name in SHIPPED + SHIPPED_FILES} | {"MANIFEST.json", "FILES.json", "COPYING", "LICENSE"}
FORBIDDEN_TOP = {"sandbox", "tests", ".ci", "extensions", "Makefile", "ansible.cfg", "pytest.ini", "requirements-test.txt", "context"}


def _checkout_files() -> list[str]:
    """Files git would track (committed or not), as the lead's clone will have them."""
    out = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines() if (ROOT / line).is_file()]


@pytest.fixture(scope="module")
def members(collection_tarball) -> set[str]:
    with tarfile.open(collection_tarball) as tar:
        return {m.name for m in tar.getmembers() if m.isfile()}


def test_tarball_holds_every_content_file_of_the_checkout(members):
    expected = {
        f
        for f in _checkout_files()
        if (f.startswith(SHIPPED) or f in SHIPPED_FILES)
        and "__pycache__" not in f
        and not f.endswith(".plugin-cache.yaml")
    }
    missing = sorted(expected - members)
    assert missing == [], f"not in the tarball: {missing}"


def test_tarball_has_modules_module_utils_roles_playbooks_docs_and_meta(members):
    def under(prefix: str, suffix: str = "") -> list[str]:
        return [m for m in members if m.startswith(prefix) and m.endswith(suffix)]

    assert {"MANIFEST.json", "FILES.json", "meta/runtime.yml", "meta/execution-environment.yml"} <= members
    assert under("plugins/modules/", ".py"), "no module in the tarball"
    assert under("plugins/module_utils/", ".py"), "no module_utils in the tarball"
    assert under("roles/", "/tasks/main.yml"), "no role in the tarball"
    assert under("roles/", "/meta/argument_specs.yml"), "no role argument spec in the tarball"
    assert under("playbooks/", ".yml"), "no playbook in the tarball"
    assert "docs/index.rst" in members
    assert {"CHANGELOG.rst", "changelogs/changelog.yaml", "requirements.txt", "bindep.txt"} <= members


def test_tarball_has_no_development_state(members):
    top = {m.split("/", 1)[0] for m in members}
    assert top & FORBIDDEN_TOP == set()
    assert sorted(top - ALLOWED_TOP) == [], "unexpected top-level entries (add them to galaxy.yml build_ignore?)"
    leaked = sorted(m for m in members if "__pycache__" in m or m.endswith((".pyc", ".plugin-cache.yaml", ".tar.gz")))
    assert leaked == []


def test_manifest_declares_the_amazon_aws_dependency(collection_tarball, collection_version):
    with tarfile.open(collection_tarball) as tar:
        info = json.load(tar.extractfile("MANIFEST.json"))["collection_info"]
    assert (info["namespace"], info["name"], info["version"]) == ("lattice", "multi_account", collection_version)
    assert "amazon.aws" in info["dependencies"]


def _installed_collection_names() -> set[str]:
    listing = run([str(VENV_BIN / "ansible-galaxy"), "collection", "list", "--format", "json"], cwd=ROOT.parent).stdout
    return {name for cols in json.loads(listing).values() for name in cols}


def test_every_collection_the_roles_and_playbooks_use_is_a_declared_dependency():
    """A collection used but not declared works from the checkout (the `ansible`
    package has it) and breaks in an execution environment, which installs only the
    declared dependencies."""
    known = _installed_collection_names()
    used = set()
    for path in [*ROOT.glob("roles/**/*.yml"), *ROOT.glob("playbooks/**/*.yml")]:
        for match in re.finditer(r"(?<![\w.])([a-z0-9_]+\.[a-z0-9_]+)\.[a-z0-9_]+", path.read_text()):
            if match.group(1) in known:
                used.add(match.group(1))
    declared = set(yaml.safe_load((ROOT / "galaxy.yml").read_text())["dependencies"])
    assert "amazon.aws" in used
    assert sorted(used - declared - {"ansible.builtin", "lattice.multi_account"}) == []


def test_offline_install_uses_only_the_tmp_path_and_the_ansible_package(installed_collections, collection_version):
    env = isolated_env(ANSIBLE_COLLECTIONS_PATH=str(installed_collections))
    listing = run(
        [str(VENV_BIN / "ansible-galaxy"), "collection", "list", "--format", "json"], cwd=installed_collections, env=env
    ).stdout
    found = {path: cols for path, cols in json.loads(listing).items() if cols}
    ours = [path for path, cols in found.items() if "lattice.multi_account" in cols]
    assert ours == [str(installed_collections / "ansible_collections")]
    assert found[ours[0]]["lattice.multi_account"]["version"] == collection_version
    # The dependency was not copied next to it: it is the one the ansible package ships.
    assert [p for p, cols in found.items() if "amazon.aws" in cols and "site-packages" in p]
    assert not (installed_collections / "ansible_collections" / "amazon").exists()


def test_installed_collection_documents_its_modules(installed_collections):
    env = isolated_env(ANSIBLE_COLLECTIONS_PATH=str(installed_collections))
    listed = json.loads(
        run([str(VENV_BIN / "ansible-doc"), "--list", "--json", "lattice.multi_account"], cwd=installed_collections, env=env).stdout
    )
    shipped = sorted(p.stem for p in (ROOT / "plugins" / "modules").glob("*.py") if p.stem != "__init__")
    assert sorted(name.split(".")[-1] for name in listed) == shipped


# Deploying and tearing down from the installed copy by FQCN: test_installed_collection_run.py.
