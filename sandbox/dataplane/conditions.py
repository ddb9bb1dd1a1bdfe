"""IAM policy conditions and principals, as IAM evaluates them for resource policies.

Moto's ``IAMPolicyStatement`` matches actions and resources (reused in
``auth``), but checks only ``Principal: "*"`` and a few trust-policy
conditions. Auth policies (VPC Lattice) and Lambda resource policies need the
rest: AWS account and role principals, service principals, and the condition
operators of the IAM User Guide ("IAM JSON policy elements: Condition operators").

Rules followed here (IAM User Guide, same page and "Condition keys ... that are
not present"): keys are case-insensitive; a key absent from the request makes a
positive operator false and a negated one (``...Not...``) true; ``...IfExists``
makes an absent key true; several values of one key are ORed, several keys and
operators are ANDed. An operator this module does not know never grants access
(it fails an Allow and holds for a Deny: the stricter reading).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from typing import Any

ACCOUNT = re.compile(r"^(\d{12})$|^arn:aws[a-z-]*:iam::(\d{12}):root$")


def _like(pattern: str, value: str) -> bool:
    # * and ? are the only wildcards of StringLike / ArnLike; [ has no meaning
    return fnmatch.fnmatchcase(value, pattern.replace("[", "[[]"))


OPERATORS = {
    "StringEquals": lambda expected, actual: actual == expected,
    "StringEqualsIgnoreCase": lambda expected, actual: actual.lower() == expected.lower(),
    "StringLike": lambda expected, actual: _like(expected, actual),
    "ArnEquals": lambda expected, actual: actual == expected,
    "ArnLike": lambda expected, actual: _like(expected, actual),
    "Bool": lambda expected, actual: actual.lower() == str(expected).lower(),
    "NumericEquals": lambda expected, actual: float(actual) == float(expected),
}
NEGATED = {
    "StringNotEquals": "StringEquals",
    "StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
    "StringNotLike": "StringLike",
    "ArnNotEquals": "ArnEquals",
    "ArnNotLike": "ArnLike",
    "NumericNotEquals": "NumericEquals",
}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _lookup(context: Mapping[str, str], key: str) -> str | None:
    return next((value for name, value in context.items() if name.lower() == key.lower()), None)


def condition_holds(operator: str, key: str, expected: Any, context: Mapping[str, str], effect: str) -> bool:
    operator = operator.split(":", 1)[-1]  # ForAnyValue: / ForAllValues: on single-valued keys
    if_exists = operator.endswith("IfExists")
    operator = operator.removesuffix("IfExists")
    actual = _lookup(context, key)
    if operator == "Null":
        return (actual is None) == (str(_as_list(expected)[0]).lower() == "true")
    if actual is None:
        return if_exists or operator in NEGATED
    if operator in NEGATED:
        return not any(OPERATORS[NEGATED[operator]](str(e), actual) for e in _as_list(expected))
    if operator not in OPERATORS:
        return effect == "Deny"
    return any(OPERATORS[operator](str(e), actual) for e in _as_list(expected))


def conditions_hold(statement: Mapping[str, Any], context: Mapping[str, str]) -> bool:
    effect = statement.get("Effect", "Allow")
    return all(
        condition_holds(operator, key, expected, context, effect)
        for operator, keys in (statement.get("Condition") or {}).items()
        for key, expected in keys.items()
    )


def principal_matches(principal_element: Any, caller: Any) -> bool:
    """Whether a statement's ``Principal`` names ``caller`` (an ``auth.Caller``; anonymous has no account)."""
    if principal_element == "*":
        return True
    if not isinstance(principal_element, Mapping):
        return False
    if caller.service is not None:
        return caller.service in _as_list(principal_element.get("Service", []))
    for named in _as_list(principal_element.get("AWS", [])):
        if named == "*":
            return True
        if caller.account is None:
            continue
        account = ACCOUNT.match(named)
        if account and caller.account in account.groups():
            return True
        if named in (caller.arn, caller.identity_arn):
            return True
    return False
