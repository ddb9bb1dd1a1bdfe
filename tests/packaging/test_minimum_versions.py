"""The floors requirements.txt declares for boto3 and botocore are enough.

The unit tests run the modules against botocore Stubbers built on botocore's own
service models, so they fail when an operation or a parameter the code sends does
not exist in the declared minimum botocore (ModifyInstanceConnectEndpoint first
appears in botocore 1.40.10).
The floors are installed from PyPI into a folder put first on the path.
"""

from __future__ import annotations

import re
import subprocess
import sys

from packaging_env import ROOT


def declared_floor(package: str) -> str:
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        found = re.match(rf"{package}>=([0-9.]+)", line.strip())
        if found:
            return found.group(1)
    raise AssertionError(f"requirements.txt declares no floor for {package}")


def test_unit_tests_pass_with_the_minimum_boto3_and_botocore(tmp_path):
    floors = {name: declared_floor(name) for name in ("boto3", "botocore")}
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
         *(f"{name}=={version}" for name, version in floors.items())],
        check=True,
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    versions = subprocess.run(
        [sys.executable, "-c", "import boto3, botocore; print(boto3.__version__, botocore.__version__)"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout.split()
    assert versions == [floors["boto3"], floors["botocore"]]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/unit/plugins"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
