"""vpc_lattice_domain_verification (and _info): found by domain, started once, the TXT record returned,
waiting for VERIFIED only when asked, tags in place, delete."""

import botocore
from vpc_lattice_harness import ANY, NOW, Calls, arn, described, hexid, needs_botocore, run

from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_domain_verification as module
from ansible_collections.lattice.multi_account.plugins.modules import vpc_lattice_domain_verification_info as info

pytestmark = needs_botocore("1.40.69")

TXT = {"name": "_0123456789abcd", "value": "vpc-lattice:0123456789ab"}
PENDING = dict(
    id=hexid("dv"), arn=arn(f"domainverification/{hexid('dv')}"), domainName="orders.example.com",
    status="PENDING", txtMethodConfig=TXT, createdAt=NOW,
)
VERIFIED = dict(PENDING, status="VERIFIED", lastVerifiedTime=NOW)
GET = dict(method="get_domain_verification", id_param="domainVerificationIdentifier")
ARGS = {"domain_name": "orders.example.com"}
RECORD = {"name": "_0123456789abcd.orders.example.com", "type": "TXT", "value": TXT["value"]}


def lookup(*items):
    keys = ("id", "arn", "domainName", "status", "txtMethodConfig", "createdAt")
    return Calls().ok("list_domain_verifications", {"items": [{k: i[k] for k in keys} for i in items]}, {})


def test_start_returns_the_txt_record_without_waiting():
    calls = lookup().ok(
        "start_domain_verification",
        {k: PENDING[k] for k in ("id", "arn", "domainName", "status", "txtMethodConfig")},
        {"domainName": "orders.example.com", "clientToken": ANY, "tags": {"Project": "lattice"}},
    )
    described(calls, resource=PENDING, tags={"Project": "lattice"}, **GET)
    result = run(module.main, dict(ARGS, tags={"Project": "lattice"}), calls)
    verification = result["domain_verification"]
    assert result["changed"] is True and result["diff"]["before"] == {}
    assert (verification["status"], verification["txt_record"]) == ("PENDING", RECORD)
    assert verification["tags"] == {"Project": "lattice"}


def test_check_mode_predicts_pending_and_starts_nothing():
    result = run(module.main, ARGS, lookup(), check_mode=True)
    assert result["changed"] is True
    assert result["domain_verification"] == {"domain_name": "orders.example.com", "status": "PENDING", "tags": {}}


def test_existing_verification_of_the_domain_is_no_change():
    other = dict(PENDING, id=hexid("dv", 2), arn=arn(f"domainverification/{hexid('dv', 2)}"), domainName="x.example")
    calls = described(lookup(other, PENDING), resource=PENDING, **GET)
    result = run(module.main, {"domain_name": "Orders.Example.com."}, calls)
    assert result["changed"] is False and result["domain_verification"]["id"] == PENDING["id"]


def test_wait_polls_until_verified_without_sleeping():
    calls = described(lookup(PENDING), resource=PENDING, **GET)
    described(calls, resource=PENDING, **GET)
    described(calls, resource=VERIFIED, **GET)
    slept = []
    result = run(module.main, dict(ARGS, wait=True), calls, sleep=slept.append)
    assert result["changed"] is False and result["domain_verification"]["status"] == "VERIFIED"
    assert result["diff"]["after"]["last_verified_time"] and len(slept) == 2


def test_wait_fails_on_a_timed_out_verification():
    timed_out = dict(PENDING, status="VERIFICATION_TIMED_OUT")
    calls = described(lookup(timed_out), resource=timed_out, **GET)
    result = run(module.main, dict(ARGS, wait=True), calls)
    assert result["failed"] and "VERIFICATION_TIMED_OUT" in result["msg"] and "state=absent" in result["msg"]


def test_tags_change_in_place():
    calls = described(lookup(VERIFIED), resource=VERIFIED, tags={"old": "1"}, **GET)
    calls.ok("untag_resource", {}, {"resourceArn": VERIFIED["arn"], "tagKeys": ["old"]})
    calls.ok("tag_resource", {}, {"resourceArn": VERIFIED["arn"], "tags": {"new": "2"}})
    described(calls, resource=VERIFIED, tags={"new": "2"}, **GET)
    result = run(module.main, dict(ARGS, tags={"new": "2"}), calls)
    assert result["changed"] is True and result["domain_verification"]["tags"] == {"new": "2"}
    assert result["diff"]["before"]["tags"] == {"old": "1"}


def test_delete_and_refusal_while_in_use():
    calls = described(lookup(VERIFIED), resource=VERIFIED, **GET)
    calls.ok("delete_domain_verification", {}, {"domainVerificationIdentifier": VERIFIED["id"]})
    result = run(module.main, dict(ARGS, state="absent"), calls)
    assert result["changed"] is True and result["domain_verification"] is None
    assert run(module.main, dict(ARGS, state="absent"), lookup())["changed"] is False
    calls = described(lookup(VERIFIED), resource=VERIFIED, **GET)
    calls.error("delete_domain_verification", "ConflictException",
                {"domainVerificationIdentifier": VERIFIED["id"]}, 409)
    result = run(module.main, dict(ARGS, state="absent"), calls)
    assert result["failed"] and "resource configurations" in result["msg"]


def test_bad_input_fails_before_any_call():
    assert "'domain_name'" in run(module.main, {"domain_name": "ab"}, Calls())["msg"]
    assert "wait_timeout" in run(module.main, dict(ARGS, wait_timeout=0), Calls())["msg"]


def test_asks_for_the_botocore_it_needs(monkeypatch):
    monkeypatch.setattr(botocore, "__version__", "1.40.10")
    for main in (module.main, info.main):
        result = run(main, ARGS, Calls())
        assert result["failed"] and "botocore>=1.40.69" in result["msg"]


def test_info_by_domain():
    other = dict(PENDING, id=hexid("dv", 2), arn=arn(f"domainverification/{hexid('dv', 2)}"), domainName="x.example")
    calls = described(lookup(other, VERIFIED), resource=VERIFIED, **GET)
    result = run(info.main, ARGS, calls)
    assert [(v["id"], v["status"], v["txt_record"]) for v in result["domain_verifications"]] == [
        (VERIFIED["id"], "VERIFIED", RECORD)]
