"""execution-environment.yml yields an ansible-builder build context holding this
collection, and ansible-builder's own introspection finds the collection's Python
and system requirements through meta/execution-environment.yml. Building the
image needs a container runtime and is not done here."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from packaging.requirements import Requirement

from packaging_env import ROOT, VENV_BIN, run

DEFINITION = ROOT / "execution-environment.yml"


@pytest.fixture(scope="module")
def context(tmp_path_factory, collection_tarball):
    """`ansible-builder create` in a scratch folder holding the definition and the
    tarball it copies in (as `ansible-galaxy collection build` leaves it at the root)."""
    work = tmp_path_factory.mktemp("ee")
    shutil.copy2(DEFINITION, work / DEFINITION.name)
    shutil.copy2(collection_tarball, work / collection_tarball.name)
    run(
        [str(VENV_BIN / "ansible-builder"), "create", "--file", DEFINITION.name, "--context", "context",
         "--output-filename", "Containerfile"],
        cwd=work,
    )
    return work / "context"


def test_definition_is_version_3_and_names_the_current_tarball(collection_tarball):
    definition = yaml.safe_load(DEFINITION.read_text())
    assert definition["version"] == 3
    assert [f["src"] for f in definition["additional_build_files"]] == [collection_tarball.name]
    assert definition["dependencies"]["galaxy"]["collections"] == [
        {"name": f"collections/{collection_tarball.name}", "type": "file"}
    ]


def test_context_installs_the_collection_tarball(context, collection_tarball):
    containerfile = (context / "Containerfile").read_text()
    assert "FROM $EE_BASE_IMAGE AS base" in containerfile
    assert "ansible-galaxy collection install" in containerfile and "-r requirements.yml" in containerfile
    # The galaxy stage runs in /build, where _build/ is copied: the relative name resolves there.
    assert "COPY _build /build" in containerfile and "WORKDIR /build" in containerfile
    requirements = yaml.safe_load((context / "_build" / "requirements.yml").read_text())
    name = requirements["collections"][0]["name"]
    assert (context / "_build" / name).read_bytes() == collection_tarball.read_bytes()


def test_context_pins_python_and_ansible_core(context):
    containerfile = (context / "Containerfile").read_text()
    assert 'ARG PYCMD="/usr/bin/python3.11"' in containerfile
    assert "ansible-core>=2.17,<2.20" in containerfile and "ansible-runner" in containerfile


def test_builder_introspection_reads_the_collection_requirements(context, installed_collections):
    """The script the image build runs after installing the collections, run here on
    the offline install: every line of requirements.txt (boto3, botocore, ...) but
    `ansible`, which ansible-builder skips because the image has ansible-core; and
    the ssh client of bindep.txt for the platform of the image."""
    script = context / "_build" / "scripts" / "introspect.py"
    result = subprocess.run(
        [sys.executable, str(script), "introspect", str(installed_collections)],
        capture_output=True, text=True, check=True,
    )
    found = yaml.safe_load(result.stdout)
    ours = sorted(
        line.split("#")[0].strip() for line in found["python"] if line.endswith("# from collection lattice.multi_account")
    )
    declared = [Requirement(line.split("#")[0]) for line in (ROOT / "requirements.txt").read_text().splitlines()
                if line.split("#")[0].strip()]
    assert "ansible" in [r.name for r in declared]
    assert ours == sorted(str(r) for r in declared if r.name != "ansible"), found
    assert {"boto3", "botocore"} <= {Requirement(line).name for line in ours}
    assert "openssh-clients [platform:rpm]  # from collection lattice.multi_account" in found["system"]


def test_context_installs_the_aws_cli_for_the_data_plane_test(context):
    """verify_data_plane.yml runs `aws ec2-instance-connect open-tunnel` (CLI v2 only) and ssh."""
    containerfile = (context / "Containerfile").read_text()
    final = containerfile.split("FROM base AS final", 1)[1]
    assert "awscli-exe-linux-$(uname -m).zip" in final and "/tmp/aws/install" in final
    assert final.index("/tmp/aws/install") < final.index("USER 1000")
