"""The data plane's pure rules (no sandbox): IAM conditions and principals, rule matching, Lambda answers."""

from __future__ import annotations

import pytest

from sandbox.dataplane.auth import Caller
from sandbox.dataplane.conditions import condition_holds, principal_matches
from sandbox.dataplane.lambda_target import to_response
from sandbox.dataplane.model import HttpRequest
from sandbox.dataplane.routing import matches

ROLE_CALLER = Caller(account="111111111111", arn="arn:aws:sts::111111111111:assumed-role/app/i-1",
                     identity_arn="arn:aws:iam::111111111111:role/app", session_name="i-1")


@pytest.mark.parametrize("principal, caller, expected", [
    ("*", Caller(), True),
    ({"AWS": "*"}, Caller(), True),
    ({"AWS": "111111111111"}, Caller(), False),  # anonymous is no account's principal
    ({"AWS": "111111111111"}, ROLE_CALLER, True),
    ({"AWS": ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root"]}, ROLE_CALLER, True),
    ({"AWS": "arn:aws:iam::222222222222:root"}, ROLE_CALLER, False),
    ({"AWS": "arn:aws:iam::111111111111:role/app"}, ROLE_CALLER, True),
    ({"AWS": "arn:aws:iam::111111111111:role/other"}, ROLE_CALLER, False),
    ({"Service": "vpc-lattice.amazonaws.com"}, Caller(service="vpc-lattice.amazonaws.com"), True),
    ({"Service": "lambda.amazonaws.com"}, Caller(service="vpc-lattice.amazonaws.com"), False),
])
def test_principals(principal, caller, expected):
    assert principal_matches(principal, caller) is expected


@pytest.mark.parametrize("operator, expected_value, context, holds", [
    ("StringEquals", "o-abc", {"aws:PrincipalOrgID": "o-abc"}, True),
    ("StringEquals", "o-abc", {"AWS:principalorgid": "o-abc"}, True),  # keys ignore case
    ("StringEquals", "o-abc", {}, False),  # absent key: a positive operator fails
    ("StringNotEquals", "o-abc", {}, True),  # ... and a negated one holds
    ("StringEqualsIfExists", "o-abc", {}, True),
    ("StringLike", "arn:aws:vpc-lattice:*:tg/*", {"aws:PrincipalOrgID": "arn:aws:vpc-lattice:eu:tg/tg-1"}, True),
    ("ArnLike", ["x", "arn:*:tg/tg-1"], {"aws:PrincipalOrgID": "arn:aws:tg/tg-1"}, True),
    ("StringNotEqualsIgnoreCase", "anonymous", {"aws:PrincipalOrgID": "Anonymous"}, False),
    ("Null", "true", {}, True),
    ("Null", "false", {}, False),
    ("DateGreaterThan", "2020-01-01", {"aws:PrincipalOrgID": "2030-01-01"}, False),  # unknown: never grants
])
def test_conditions(operator, expected_value, context, holds):
    assert condition_holds(operator, "aws:PrincipalOrgID", expected_value, context, "Allow") is holds


def test_unknown_operator_still_denies():
    assert condition_holds("DateGreaterThan", "k", "2020-01-01", {"k": "2030-01-01"}, "Deny") is True


REQUEST = HttpRequest("https://svc.example/Orders/7", "GET", {"X-Team": "Blue"})


@pytest.mark.parametrize("http_match, expected", [
    ({}, True),
    ({"method": "POST"}, False),
    ({"pathMatch": {"match": {"prefix": "/Orders"}}}, True),
    ({"pathMatch": {"match": {"prefix": "/orders"}}}, False),  # case-sensitive by default
    ({"pathMatch": {"match": {"prefix": "/orders"}, "caseSensitive": False}}, True),
    ({"pathMatch": {"match": {"exact": "/Orders"}}}, False),
    ({"headerMatches": [{"name": "x-team", "match": {"exact": "blue"}}]}, True),  # case-insensitive by default
    ({"headerMatches": [{"name": "x-team", "match": {"exact": "blue"}, "caseSensitive": True}]}, False),
    ({"headerMatches": [{"name": "x-team", "match": {"contains": "lu"}}]}, True),
    ({"headerMatches": [{"name": "x-missing", "match": {"prefix": ""}}]}, False),
    ({"method": "GET", "pathMatch": {"match": {"prefix": "/Orders"}},
      "headerMatches": [{"name": "x-team", "match": {"exact": "red"}}]}, False),  # conditions are ANDed
])
def test_rule_matches(http_match, expected):
    assert matches(http_match, REQUEST) is expected


@pytest.mark.parametrize("answer, status, body", [
    ({"statusCode": 200, "body": "ok"}, 200, b"ok"),
    ({"statusCode": 404}, 404, b""),
    ({"statusCode": 200, "body": "aGk=", "isBase64Encoded": True}, 200, b"hi"),
    ({"statusCode": 200, "body": "%%%", "isBase64Encoded": True}, 502, b"Bad Gateway"),
    ({"statusCode": "200"}, 502, b"Bad Gateway"),
    ({"body": "no status"}, 502, b"Bad Gateway"),
    ({"statusCode": 200, "body": {"not": "text"}}, 502, b"Bad Gateway"),
    ("just text", 502, b"Bad Gateway"),
])
def test_lambda_answers(answer, status, body):
    outcome = to_response(answer)
    assert (outcome.status, outcome.body) == (status, body)
