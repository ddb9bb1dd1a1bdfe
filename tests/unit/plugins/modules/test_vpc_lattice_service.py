"""vpc_lattice_service: create/wait, updates, immutable custom domain, delete/wait, errors."""

import botocore
from vpc_lattice_harness import ANY, Calls, described, listing, needs_botocore, run, service

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_service as module

SVC = service(name="web-service")
GET = dict(method="get_service", id_param="serviceIdentifier")


def found(calls=None, svc=None, tags=None):
    svc = svc or SVC
    return described((calls or Calls()).ok("list_services", listing(svc), {}), resource=svc, tags=tags, **GET)


def test_create_waits_until_active():
    calls = Calls().ok("list_services", {"items": []}, {})
    calls.ok(
        "create_service",
        {"id": SVC["id"], "arn": SVC["arn"], "name": SVC["name"], "status": "CREATE_IN_PROGRESS"},
        {"name": "web-service", "authType": "NONE", "clientToken": ANY},
    )
    described(calls, resource=dict(SVC, status="CREATE_IN_PROGRESS"), **GET)  # read after create
    described(calls, resource=dict(SVC, status="CREATE_IN_PROGRESS"), **GET)  # first poll
    described(calls, resource=SVC, **GET)  # second poll
    result = run(module.main, {"name": "web-service", "auth_type": "NONE"}, calls)
    assert result["changed"] is True
    assert result["service"]["status"] == "ACTIVE"
    assert result["service"]["dns_entry"]["domain_name"].startswith(SVC["id"])


def test_create_failure_reports_status_and_reason():
    calls = Calls().ok("list_services", {"items": []}, {})
    calls.ok(
        "create_service",
        {"id": SVC["id"], "arn": SVC["arn"], "status": "CREATE_IN_PROGRESS"},
        {"name": "web-service", "clientToken": ANY},
    )
    described(calls, resource=dict(SVC, status="CREATE_FAILED", failureMessage="quota"), **GET)
    result = run(module.main, {"name": "web-service"}, calls)
    assert result["failed"] is True
    assert result["msg"] == f"service {SVC['id']} is CREATE_FAILED: quota"


def test_create_without_wait_returns_at_once():
    calls = Calls().ok("list_services", {"items": []}, {})
    calls.ok(
        "create_service",
        {"id": SVC["id"], "arn": SVC["arn"], "status": "CREATE_IN_PROGRESS"},
        {"name": "web-service", "clientToken": ANY},
    )
    described(calls, resource=dict(SVC, status="CREATE_IN_PROGRESS"), **GET)
    assert run(module.main, {"name": "web-service", "wait": False}, calls)["service"]["status"] == "CREATE_IN_PROGRESS"


def test_no_op_leaves_unset_options_alone():
    result = run(module.main, {"name": "web-service"}, found(svc=dict(SVC, authType="AWS_IAM"), tags={"a": "b"}))
    assert result["changed"] is False
    assert result["service"]["auth_type"] == "AWS_IAM"


def test_update_auth_type():
    calls = found().ok(
        "update_service",
        {"id": SVC["id"], "arn": SVC["arn"], "authType": "AWS_IAM"},
        {"serviceIdentifier": SVC["id"], "authType": "AWS_IAM"},
    )
    described(calls, resource=dict(SVC, authType="AWS_IAM"), **GET)
    result = run(module.main, {"name": "web-service", "auth_type": "AWS_IAM"}, calls)
    assert (result["changed"], result["service"]["auth_type"]) == (True, "AWS_IAM")


def test_check_mode_update():
    result = run(module.main, {"name": "web-service", "auth_type": "AWS_IAM"}, found(), check_mode=True)
    assert (result["changed"], result["service"]["auth_type"], result["diff"]["before"]["auth_type"]) == (
        True,
        "AWS_IAM",
        "NONE",
    )


def test_custom_domain_cannot_change():
    result = run(
        module.main,
        {"name": "web-service", "custom_domain_name": "b.example.com"},
        found(svc=dict(SVC, customDomainName="a.example.com")),
    )
    assert result["failed"] is True
    assert "AWS cannot change custom_domain_name of an existing service" in result["msg"]


def test_delete_waits_until_gone():
    calls = found().ok(
        "delete_service", {"id": SVC["id"], "status": "DELETE_IN_PROGRESS"}, {"serviceIdentifier": SVC["id"]}
    )
    described(calls, resource=dict(SVC, status="DELETE_IN_PROGRESS"), **GET)
    calls.error("get_service", "ResourceNotFoundException", {"serviceIdentifier": SVC["id"]}, 404)
    result = run(module.main, {"name": "web-service", "state": "absent"}, calls)
    assert (result["changed"], result["service"]) == (True, None)


def test_delete_waits_until_gone_also_when_it_vanishes_between_get_and_list_tags():
    """Seen on a teardown: GetX still answers DELETE_IN_PROGRESS, the delete finishes, and
    ListTagsForResource answers ResourceNotFoundException. That is "gone", not a failure."""
    calls = found().ok(
        "delete_service", {"id": SVC["id"], "status": "DELETE_IN_PROGRESS"}, {"serviceIdentifier": SVC["id"]}
    )
    calls.ok("get_service", dict(SVC, status="DELETE_IN_PROGRESS"), {"serviceIdentifier": SVC["id"]})
    calls.error("list_tags_for_resource", "ResourceNotFoundException", {"resourceArn": SVC["arn"]}, 404)
    result = run(module.main, {"name": "web-service", "state": "absent"}, calls)
    assert (result.get("failed"), result["changed"], result["service"]) == (None, True, None), result


def test_delete_while_associated_explains():
    calls = found().error("delete_service", "ConflictException", {"serviceIdentifier": SVC["id"]}, 409)
    result = run(module.main, {"name": "web-service", "state": "absent", "wait": False}, calls)
    assert "still associated with a service network" in result["msg"]
    assert "vpc_lattice_service_network_service_association" in result["msg"]


def test_name_prefix_svc_is_refused_before_any_call():
    assert "pattern" in run(module.main, {"name": "svc-web"}, Calls())["msg"]


def test_custom_domain_replaced_on_request():
    old = dict(SVC, customDomainName="a.example.com")
    calls = found(svc=old).ok(
        "delete_service", {"id": SVC["id"], "status": "DELETE_IN_PROGRESS"}, {"serviceIdentifier": SVC["id"]}
    )
    calls.error("get_service", "ResourceNotFoundException", {"serviceIdentifier": SVC["id"]}, 404)
    new = service(n=2, name="web-service", customDomainName="b.example.com")
    calls.ok(
        "create_service",
        {"id": new["id"], "arn": new["arn"], "status": "CREATE_IN_PROGRESS"},
        {"name": "web-service", "customDomainName": "b.example.com", "clientToken": ANY},
    )
    described(calls, resource=new, **GET)
    result = run(module.main, {"name": "web-service", "custom_domain_name": "b.example.com", "replace": True}, calls)
    assert (result["changed"], result["service"]["id"]) == (True, new["id"])
    assert (result["diff"]["before"]["custom_domain_name"], result["service"]["custom_domain_name"]) == (
        "a.example.com",
        "b.example.com",
    )


def test_custom_domain_replace_in_check_mode_only_reads():
    result = run(
        module.main,
        {"name": "web-service", "custom_domain_name": "b.example.com", "replace": True},
        found(svc=dict(SVC, customDomainName="a.example.com")),
        check_mode=True,
    )
    assert (result["changed"], result["service"]["custom_domain_name"]) == (True, "b.example.com")


@needs_botocore("1.43.37")
def test_update_idle_timeout():
    calls = found(svc=dict(SVC, idleTimeoutSeconds=60)).ok(
        "update_service",
        {"id": SVC["id"], "arn": SVC["arn"], "idleTimeoutSeconds": 300},
        {"serviceIdentifier": SVC["id"], "idleTimeoutSeconds": 300},
    )
    described(calls, resource=dict(SVC, idleTimeoutSeconds=300), **GET)
    result = run(module.main, {"name": "web-service", "idle_timeout_seconds": 300}, calls)
    assert (result["changed"], result["service"]["idle_timeout_seconds"]) == (True, 300)


@needs_botocore("1.43.37")
def test_idle_timeout_out_of_range_is_refused_before_any_call():
    result = run(module.main, {"name": "web-service", "idle_timeout_seconds": 30}, Calls())
    assert result["failed"] is True
    assert "idle_timeout_seconds" in result["msg"] and "minimum 60" in result["msg"]


def test_idle_timeout_asks_for_the_botocore_it_needs(monkeypatch):
    monkeypatch.setattr(botocore, "__version__", "1.40.10")
    result = run(module.main, {"name": "web-service", "idle_timeout_seconds": 300}, Calls())
    assert result["failed"] and "botocore>=1.43.37" in result["msg"] and "idle_timeout_seconds" in result["msg"]
