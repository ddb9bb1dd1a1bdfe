"""awx/configure.yml and awx/teardown.yml: syntax, ansible-lint (production profile),
consistency with the playbooks and roles they launch, and the checks they make
before touching anything."""

from __future__ import annotations

import json
import subprocess
from types import SimpleNamespace

import pytest
import yaml

from awx_env import ASSUME_ROLE_INVENTORY, BIN, ROOT, ansible
from fake_controller import FakeController

AWX = ROOT / "awx"
# -e awx_consumer_job_slice_count: a slice count other than awx/settings.yml's default.
SLICES = 12


def _configure_vars() -> dict:
    return yaml.safe_load((AWX / "configure.yml").read_text())[0]["vars"]


@pytest.mark.parametrize("playbook", ["awx/configure.yml", "awx/teardown.yml"])
def test_syntax_check(playbook):
    result = ansible(str(BIN / "ansible-playbook"), "--syntax-check", playbook, "-i", ASSUME_ROLE_INVENTORY)
    assert result.returncode == 0, result.stdout + result.stderr


# This YAML: the AWX configuration, the execution environment definitions
# and the assume-role inventory.
LINTED = ("awx/", "execution-environment.yml", "meta/execution-environment.yml", f"{ASSUME_ROLE_INVENTORY}/")


def test_ansible_lint_production_profile():
    """ansible-lint follows awx/teardown.yml into playbooks/ and roles/; those have
    their own lint run (make test-lint), so only findings in LINTED count here."""
    result = ansible(str(BIN / "ansible-lint"), "--profile", "production", "-f", "pep8", "--nocolor", *LINTED)
    findings = [line for line in result.stdout.splitlines() if line.startswith(LINTED)]
    assert findings == [], "\n".join(findings)
    assert "files processed" in result.stderr, result.stderr


def test_job_templates_launch_existing_playbooks_with_known_variables():
    """Survey variables must be ones the roles (meta/argument_specs.yml) or the
    teardown confirmation read, or a renamed role variable would be silently ignored."""
    known = {"aws_region", "lattice_teardown_confirm"}
    for spec in ROOT.glob("roles/*/meta/argument_specs.yml"):
        for entry in yaml.safe_load(spec.read_text())["argument_specs"].values():
            known |= set(entry.get("options", {}))
    settings = yaml.safe_load((AWX / "settings.yml").read_text())
    configure = _configure_vars()
    assert [t["playbook"] for t in configure["awx_job_templates"]] == [
        "playbooks/deploy.yml", "playbooks/verify.yml", "awx/teardown.yml", "playbooks/status.yml",
        "playbooks/deploy.yml", "playbooks/deploy.yml",
    ]
    for template in configure["awx_job_templates"]:
        assert (ROOT / template["playbook"]).is_file()
    for survey in ("awx_deploy_survey", "awx_verify_survey", "awx_teardown_survey", "awx_status_survey"):
        questions = [q for q in configure[survey]["spec"] if isinstance(q, dict)]
        assert {q["variable"] for q in questions} <= known, survey
    confirm = [q for q in configure["awx_teardown_survey"]["spec"] if isinstance(q, dict) and q["variable"] == "lattice_teardown_confirm"]
    assert confirm and confirm[0]["required"] is True and "default" not in confirm[0]
    assert settings["awx_teardown_confirmation"]


def test_configure_refuses_an_inventory_without_role_arns():
    """inventories/sandbox reaches accounts through profiles, which AWX cannot use."""
    result = ansible(
        str(BIN / "ansible-playbook"), "awx/configure.yml", "-i", "inventories/sandbox",
        env={"AWS_ACCESS_KEY_ID": "AKIAEXAMPLEBASE", "AWS_SECRET_ACCESS_KEY": "base-secret-not-to-be-shown",
             "CONTROLLER_HOST": "http://127.0.0.1:9", "CONTROLLER_OAUTH_TOKEN": "unused"},
    )
    assert result.returncode != 0
    assert "hosts without it: ['provider', 'consumer']" in result.stdout
    assert "Register the execution environment" not in result.stdout
    assert "base-secret-not-to-be-shown" not in result.stdout + result.stderr


def test_configure_refuses_to_run_without_a_base_credential():
    result = ansible(
        str(BIN / "ansible-playbook"), "awx/configure.yml", "-i", ASSUME_ROLE_INVENTORY,
        env={"CONTROLLER_HOST": "http://127.0.0.1:9", "CONTROLLER_OAUTH_TOKEN": "unused"},
    )
    assert result.returncode != 0
    assert "export AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY" in result.stdout
    assert "Register the execution environment" not in result.stdout


def _teardown(env: dict[str, str], answer: str) -> subprocess.CompletedProcess:
    """awx/teardown.yml on the sandbox through the assume-role inventory, the way the
    job template runs it (the expected answer comes from the template's extra vars)."""
    return ansible(
        str(BIN / "ansible-playbook"), "awx/teardown.yml", "-i", ASSUME_ROLE_INVENTORY,
        "-e", json.dumps({"lattice_teardown_confirm": answer, "lattice_teardown_expected": "delete everything"}),
        env=env,
    )


@pytest.mark.sandbox
def test_teardown_stops_before_any_account_without_the_typed_confirmation(base_credential_env, calls):
    """A wrong answer must end the run before a single AWS call, not just fail one play."""
    mark = calls.mark()
    result = _teardown(base_credential_env, "yes")
    assert result.returncode != 0
    assert "Teardown not confirmed" in result.stdout
    assert "Remove the providers and the consumers" not in result.stdout
    assert calls(since=mark) == []


@pytest.mark.sandbox
def test_teardown_runs_with_the_typed_confirmation(sandbox, base_credential_env, calls):
    mark = calls.mark()
    result = _teardown(base_credential_env, " delete everything ")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Remove the providers and the consumers" in result.stdout
    accounts = {c["account"] for c in calls(since=mark)}
    assert {sandbox["accounts"]["provider"]["id"], sandbox["accounts"]["consumer"]["id"]} <= accounts


@pytest.mark.slow(80)
def test_configure_against_a_controller():
    """awx/configure.yml run twice against an in-memory AWX API, with the assume-role
    inventory, a base credential in the environment and a slice count other than
    awx/settings.yml's; then what it configured.

    One test, one pair of runs: pytest-xdist would give tests sharing a module fixture
    to different workers, each running configure.yml twice again."""
    with FakeController() as awx:
        env = {"CONTROLLER_HOST": awx.url, "CONTROLLER_OAUTH_TOKEN": "not-a-real-token",
               "AWS_ACCESS_KEY_ID": "AKIABASECREDENTIAL", "AWS_SECRET_ACCESS_KEY": "base-secret-not-to-be-shown"}
        slices = ("-e", f"awx_consumer_job_slice_count={SLICES}")
        first = ansible(str(BIN / "ansible-playbook"), "awx/configure.yml", "-i", ASSUME_ROLE_INVENTORY, *slices, env=env)
        second = ansible(str(BIN / "ansible-playbook"), "awx/configure.yml", "-i", ASSUME_ROLE_INVENTORY, *slices, env=env)
        controller = SimpleNamespace(awx=awx, first=first, second=second)
        check_configure_runs_and_a_second_run_changes_nothing(controller)
        check_configure_creates_one_host_per_account_with_its_role_arn(controller)
        check_configure_creates_the_aws_credential_from_the_environment(controller)
        check_job_templates_use_the_project_ee_inventory_credential_and_surveys(controller)
        check_workflow_links_deploy_to_verify_on_success(controller)
        check_sliced_workflow_runs_the_providers_then_the_consumers_in_slices(controller)


def check_configure_runs_and_a_second_run_changes_nothing(controller):
    first, second = controller.first, controller.second
    assert first.returncode == 0, first.stdout + first.stderr
    assert "changed=9" in first.stdout
    assert second.returncode == 0, second.stdout + second.stderr
    assert "changed=0" in second.stdout and "failed=0" in second.stdout
    for run in (first, second):
        assert "base-secret-not-to-be-shown" not in run.stdout + run.stderr


def check_configure_creates_one_host_per_account_with_its_role_arn(controller):
    awx = controller.awx
    inventory_hosts = yaml.safe_load((ROOT / ASSUME_ROLE_INVENTORY / "hosts.yml").read_text())
    inventory = awx.one("inventories", name="Lattice multi-account accounts")
    for group, content in inventory_hosts.items():
        members = awx.linked("groups", awx.one("groups", name=group, inventory=inventory["id"]), "hosts")
        assert [h["name"] for h in members] == list(content["hosts"])
        for host in members:
            assert json.loads(host["variables"])["aws_role_arn"] == content["hosts"][host["name"]]["aws_role_arn"]


def check_configure_creates_the_aws_credential_from_the_environment(controller):
    awx = controller.awx
    credential = awx.one("credentials", name="Lattice multi-account base AWS credential")
    assert credential["credential_type"] == awx.one("credential_types", name="Amazon Web Services")["id"]
    assert credential["inputs"] == {"username": "AKIABASECREDENTIAL", "password": "base-secret-not-to-be-shown"}


def check_job_templates_use_the_project_ee_inventory_credential_and_surveys(controller):
    awx = controller.awx
    settings = yaml.safe_load((AWX / "settings.yml").read_text())
    ee = awx.one("execution_environments", name="Lattice multi-account EE")
    assert ee["image"] == settings["awx_execution_environment_image"]
    project = awx.one("projects", name="Lattice multi-account")
    assert (project["scm_url"], project["default_environment"]) == (settings["awx_project_scm_url"], ee["id"])
    credential = awx.one("credentials", name="Lattice multi-account base AWS credential")
    surveys = {}
    for action, playbook in (("deploy", "playbooks/deploy.yml"), ("verify", "playbooks/verify.yml"), ("teardown", "awx/teardown.yml"),
                             ("status", "playbooks/status.yml")):
        template = awx.one("job_templates", name=f"Lattice multi-account - {action}")
        assert (template["playbook"], template["project"], template["execution_environment"]) == (playbook, project["id"], ee["id"])
        assert [c["id"] for c in awx.linked("job_templates", template, "credentials")] == [credential["id"]]
        assert template["survey_enabled"] is True
        surveys[action] = [q["variable"] for q in awx.store.surveys[("job_templates", template["id"])]["spec"]]
        if action == "teardown":
            assert json.loads(template["extra_vars"]) == {"lattice_teardown_expected": settings["awx_teardown_confirmation"]}
    assert surveys == {
        "deploy": ["aws_region", "consumer_service_network_name", "consumer_instance_type"],
        "verify": ["aws_region", "consumer_verify_data_plane"],
        "teardown": ["aws_region", "lattice_teardown_confirm"],
        "status": ["aws_region", "status_fail_on_drift"],
    }


def check_workflow_links_deploy_to_verify_on_success(controller):
    awx = controller.awx
    workflow = awx.one("workflow_job_templates", name="Lattice multi-account - deploy and verify")
    deploy = awx.one("workflow_job_template_nodes", workflow_job_template=workflow["id"], identifier="deploy")
    verify = awx.one("workflow_job_template_nodes", workflow_job_template=workflow["id"], identifier="verify")
    assert deploy["unified_job_template"] == awx.one("job_templates", name="Lattice multi-account - deploy")["id"]
    assert verify["unified_job_template"] == awx.one("job_templates", name="Lattice multi-account - verify")["id"]
    assert [n["id"] for n in awx.linked("workflow_job_template_nodes", deploy, "success_nodes")] == [verify["id"]]
    assert awx.linked("workflow_job_template_nodes", verify, "success_nodes") == []


def check_sliced_workflow_runs_the_providers_then_the_consumers_in_slices(controller):
    """The workflow for many accounts: one providers job, then the consumers as a
    sliced job template (job_slice_count from awx_consumer_job_slice_count, given with -e)."""
    awx = controller.awx
    settings = yaml.safe_load((AWX / "settings.yml").read_text())
    providers = awx.one("job_templates", name="Lattice multi-account - deploy providers")
    consumers = awx.one("job_templates", name="Lattice multi-account - deploy consumers (sliced)")
    assert (providers["playbook"], providers["limit"]) == ("playbooks/deploy.yml", "providers")
    assert providers.get("job_slice_count", 1) == 1
    assert (consumers["playbook"], consumers["limit"]) == ("playbooks/deploy.yml", "consumers")
    assert consumers["job_slice_count"] == SLICES != settings["awx_consumer_job_slice_count"] > 1
    workflow = awx.one("workflow_job_templates", name="Lattice multi-account - deploy providers, then sliced consumers")
    first = awx.one("workflow_job_template_nodes", workflow_job_template=workflow["id"], identifier="providers")
    then = awx.one("workflow_job_template_nodes", workflow_job_template=workflow["id"], identifier="consumers")
    assert (first["unified_job_template"], then["unified_job_template"]) == (providers["id"], consumers["id"])
    assert [n["id"] for n in awx.linked("workflow_job_template_nodes", first, "success_nodes")] == [then["id"]]
    assert awx.linked("workflow_job_template_nodes", then, "success_nodes") == []
    # The other job templates stay unsliced and unlimited: they run on every account.
    deploy = awx.one("job_templates", name="Lattice multi-account - deploy")
    assert deploy.get("job_slice_count", 1) == 1 and not deploy.get("limit")
