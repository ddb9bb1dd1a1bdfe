"""Accounts, profiles, organization and process control of the sandbox."""

from __future__ import annotations

import configparser
import json
import subprocess
import sys
from pathlib import Path

import pytest
from botocore.exceptions import ClientError

from sandbox import bootstrap, control

pytestmark = pytest.mark.sandbox

ROOT = Path(__file__).resolve().parents[2]


def state_dir(sandbox) -> Path:
    return Path(sandbox["aws_config_file"]).parent


def test_every_profile_acts_in_its_own_account(sandbox, aws_client):
    config = configparser.ConfigParser()
    config.read(sandbox["aws_config_file"])
    assert len(sandbox["accounts"]) >= 3
    for name, account in sandbox["accounts"].items():
        section = config[f"profile {account['profile']}"]
        assert section["endpoint_url"] == sandbox["endpoint_url"]
        assert section["region"] == sandbox["region"]
        assert aws_client(name, "sts").get_caller_identity()["Account"] == account["id"]
        # A resource made with the profile is owned by that account.
        assert aws_client(name, "ec2").describe_vpcs()["Vpcs"][0]["OwnerId"] == account["id"]


def test_account_ids_are_stable_across_sandboxes(sandbox, tmp_path):
    for name, account in sandbox["accounts"].items():
        assert account["id"] == bootstrap.account_id(name)
        assert len(account["id"]) == 12 and account["id"].isdigit()
    assert len({a["id"] for a in sandbox["accounts"].values()}) == len(sandbox["accounts"])
    other = control.start(tmp_path, control.free_port(), accounts=("provider",), external=())
    try:
        assert other["endpoint_url"] != sandbox["endpoint_url"]
        assert other["accounts"]["provider"]["id"] == sandbox["accounts"]["provider"]["id"]
        assert other["organization"]["management_account_id"] == sandbox["organization"]["management_account_id"]
    finally:
        assert control.stop(tmp_path) is True
    assert control.status(tmp_path) is None


def test_members_are_in_the_organization_and_outsiders_are_not(sandbox, aws_client):
    organization = sandbox["organization"]
    listed = {a["Id"] for a in aws_client("management", "organizations").list_accounts()["Accounts"]}
    for name, account in sandbox["accounts"].items():
        assert (account["id"] in listed) is account["in_organization"]
        organizations = aws_client(name, "organizations")
        if account["in_organization"]:
            described = organizations.describe_organization()["Organization"]
            assert described["Id"] == organization["id"]
            assert described["Arn"] == organization["arn"]
            assert described["MasterAccountId"] == organization["management_account_id"]
        else:
            with pytest.raises(ClientError) as error:
                organizations.describe_organization()
            assert error.value.response["Error"]["Code"] == "AWSOrganizationsNotInUseException"


def test_management_account_enabled_ram_sharing(aws_client):
    services = aws_client("management", "organizations").list_aws_service_access_for_organization()
    assert "ram.amazonaws.com" in [s["ServicePrincipal"] for s in services["EnabledServicePrincipals"]]


def test_management_assumes_the_access_role_of_every_account(sandbox, aws_client):
    sts = aws_client("management", "sts")
    for name, account in sandbox["accounts"].items():
        credentials = sts.assume_role(
            RoleArn=f"arn:aws:iam::{account['id']}:role/OrganizationAccountAccessRole", RoleSessionName="test"
        )["Credentials"]
        assumed = aws_client(
            "management", "sts",
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
        ).get_caller_identity()
        assert assumed["Account"] == account["id"], name
        assert assumed["Arn"].endswith(":assumed-role/OrganizationAccountAccessRole/test")


def test_aws_managed_policies_are_loaded(aws_client):
    policy = aws_client("consumer", "iam").get_policy(PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")["Policy"]
    assert policy["PolicyName"] == "ReadOnlyAccess"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sandbox", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def test_cli_status_env_and_idempotent_start(sandbox):
    directory = str(state_dir(sandbox))
    status = _cli("status", "--state-dir", directory)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["endpoint_url"] == sandbox["endpoint_url"]
    env = _cli("env", "--state-dir", directory)
    assert f"export AWS_CONFIG_FILE={sandbox['aws_config_file']}\n" in env.stdout
    pid = (state_dir(sandbox) / "server.pid").read_text()
    started = _cli("start", "--state-dir", directory)
    assert started.returncode == 0, started.stderr
    assert (state_dir(sandbox) / "server.pid").read_text() == pid
    assert f"export AWS_CONFIG_FILE={sandbox['aws_config_file']}" in started.stdout


def test_cli_reports_a_missing_sandbox(tmp_path):
    result = _cli("status", "--state-dir", str(tmp_path))
    assert result.returncode == 1
    assert "no sandbox running" in result.stderr
    assert _cli("stop", "--state-dir", str(tmp_path)).stdout.strip() == "not running"
