"""Check raw AWS answers, as they cross the wire, against the botocore output shapes.

boto3 is lenient: it turns a timestamp sent as a string into a datetime, and an
unknown enum value or a missing required member passes silently. Other SDKs (the
Go, Java and Rust ones) refuse such answers. :class:`WireRecorder` hooks botocore's
``before-parse`` event to keep every raw response a client receives;
:func:`violations` checks one against the operation's output shape, in the
service's protocol:

- ``json`` / ``rest-json``: the body is JSON; timestamps are epoch seconds
  (numbers) unless the shape says otherwise; members bound to headers or the
  status code are not in the body.
- ``query`` (IAM, STS): XML under ``<Op>Response><Op>Result``; lists of
  ``<member>``; timestamps ISO 8601.
- ``ec2``: XML under ``<Op>Response``; element names from ``locationName``;
  lists of ``<item>``; timestamps ISO 8601.

Checked: member types, timestamp formats, enum values, required members.
Members the model does not know, and JSON nulls, are not errors (SDKs ignore them).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from typing import Any

from botocore.model import OperationModel, Shape

# Values AWS itself sends outside the model's enum (SDKs keep unknown enum values as strings):
# EC2 answers Platform "windows" in lower case (EC2 API reference, Instance.platform: "windows").
AWS_ENUM_VALUES = {("PlatformValues", "windows")}
ISO8601 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")
INTEGER_TYPES = ("integer", "long")
FLOAT_TYPES = ("float", "double")


class Answer:
    """One raw response: operation, protocol, status, headers and body."""

    def __init__(self, operation: OperationModel, status: int, headers: dict[str, str], body: bytes) -> None:
        self.operation, self.status, self.headers, self.body = operation, status, headers, body

    @property
    def name(self) -> str:
        return f"{self.operation.service_model.service_name}:{self.operation.name}"


class WireRecorder:
    """Keeps every raw response the clients it is attached to receive."""

    def __init__(self) -> None:
        self.answers: list[Answer] = []

    def attach(self, client: Any) -> Any:
        client.meta.events.register("before-parse.*.*", self._record)
        return client

    def _record(self, operation_model: OperationModel, response_dict: dict[str, Any], **_kwargs: Any) -> None:
        self.answers.append(Answer(
            operation_model, response_dict["status_code"], dict(response_dict["headers"]), response_dict["body"]
        ))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next((child for child in element if _local(child.tag) == name), None)


class _Checker:
    def __init__(self, protocol: str) -> None:
        self.protocol = protocol
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    # -- JSON protocols -----------------------------------------------------------
    def json_value(self, shape: Shape, value: Any, path: str) -> None:
        kind = shape.type_name
        if kind == "structure":
            if not isinstance(value, dict):
                return self.problem(path, f"expected an object, got {type(value).__name__}")
            for member in shape.required_members:
                if member not in value and shape.members[member].serialization.get("location") is None:
                    self.problem(path, f"required member {member} missing")
            for name, member in shape.members.items():
                wire_name = member.serialization.get("name", name)
                # null: AWS leaves the member out, but every SDK reads null as absent too
                if value.get(wire_name) is not None:
                    self.json_value(member, value[wire_name], f"{path}.{wire_name}")
        elif kind == "list":
            if not isinstance(value, list):
                return self.problem(path, f"expected a list, got {type(value).__name__}")
            for index, item in enumerate(value):
                self.json_value(shape.member, item, f"{path}[{index}]")
        elif kind == "map":
            if not isinstance(value, dict):
                return self.problem(path, f"expected a map, got {type(value).__name__}")
            for key, item in value.items():
                self.json_value(shape.value, item, f"{path}[{key}]")
        elif kind == "timestamp":
            wire_format = shape.serialization.get("timestampFormat", "unixTimestamp")
            if wire_format == "unixTimestamp" and (isinstance(value, bool) or not isinstance(value, (int, float))):
                self.problem(path, f"timestamp must be epoch seconds (a number), got {value!r}")
            elif wire_format == "iso8601" and not (isinstance(value, str) and ISO8601.match(value)):
                self.problem(path, f"timestamp must be ISO 8601, got {value!r}")
        else:
            self.scalar(shape, value, path)

    def scalar(self, shape: Shape, value: Any, path: str) -> None:
        kind = shape.type_name
        expected: tuple[type, ...] = {
            "string": (str,), "blob": (str,), "boolean": (bool,), "integer": (int,), "long": (int,),
            "float": (int, float), "double": (int, float),
        }.get(kind, (object,))
        if not isinstance(value, expected) or (kind != "boolean" and isinstance(value, bool)):
            return self.problem(path, f"expected {kind}, got {type(value).__name__} {value!r}")
        if kind == "string" and shape.enum and value not in shape.enum and (shape.name, value) not in AWS_ENUM_VALUES:
            self.problem(path, f"{value!r} is not one of the enum {shape.name}: {shape.enum}")

    # -- XML protocols ------------------------------------------------------------------
    def xml_name(self, name: str, member: Shape) -> str:
        if self.protocol == "ec2":
            return member.serialization.get("name") or name[0].lower() + name[1:]
        return member.serialization.get("name", name)

    def xml_value(self, shape: Shape, element: ElementTree.Element, path: str) -> None:
        kind = shape.type_name
        if kind == "structure":
            for name, member in shape.members.items():
                child = _child(element, self.xml_name(name, member))
                if child is None:
                    if name in shape.required_members:
                        self.problem(path, f"required member {name} missing")
                    continue
                self.xml_value(member, child, f"{path}.{name}")
        elif kind == "list":
            item_name = "item" if self.protocol == "ec2" else shape.member.serialization.get("name", "member")
            for index, item in enumerate(child for child in element if _local(child.tag) == item_name):
                self.xml_value(shape.member, item, f"{path}[{index}]")
            strays = [_local(child.tag) for child in element if _local(child.tag) != item_name]
            if strays:
                self.problem(path, f"list items must be <{item_name}>, found {sorted(set(strays))}")
        elif kind == "map":
            for index, entry in enumerate(element):
                value = _child(entry, shape.value.serialization.get("name", "value"))
                if value is not None:
                    self.xml_value(shape.value, value, f"{path}[{index}]")
        else:
            self.xml_scalar(shape, (element.text or "").strip(), path)

    def xml_scalar(self, shape: Shape, text: str, path: str) -> None:
        kind = shape.type_name
        if kind == "timestamp":
            if not ISO8601.match(text):
                self.problem(path, f"timestamp must be ISO 8601, got {text!r}")
        elif kind == "boolean":
            if text not in ("true", "false"):
                self.problem(path, f"expected true or false, got {text!r}")
        elif kind in INTEGER_TYPES:
            if not re.fullmatch(r"-?\d+", text):
                self.problem(path, f"expected an integer, got {text!r}")
        elif kind in FLOAT_TYPES:
            try:
                float(text)
            except ValueError:
                self.problem(path, f"expected a number, got {text!r}")
        elif kind == "string" and shape.enum and text not in shape.enum and (shape.name, text) not in AWS_ENUM_VALUES:
            self.problem(path, f"{text!r} is not one of the enum {shape.name}: {shape.enum}")


def violations(answer: Answer) -> list[str]:
    """What in ``answer`` (a successful response) an SDK that follows the model would refuse."""
    shape = answer.operation.output_shape
    if shape is None or answer.status >= 300:
        return []
    protocol = answer.operation.service_model.metadata["protocol"]
    checker = _Checker(protocol)
    if protocol in ("json", "rest-json"):
        payload = shape.serialization.get("payload")
        body_shape = shape.members[payload] if payload else shape
        if body_shape.type_name != "structure":  # a blob or string payload: nothing to parse
            return []
        try:
            document = json.loads(answer.body or b"{}")
        except ValueError as error:
            return [f"{answer.name}: body is not JSON ({error})"]
        checker.json_value(body_shape, document, answer.name)
    else:
        try:
            root = ElementTree.fromstring(answer.body)
        except ElementTree.ParseError as error:
            return [f"{answer.name}: body is not XML ({error})"]
        if protocol == "query":
            result = _child(root, shape.serialization.get("resultWrapper") or f"{answer.operation.name}Result")
            root = result if result is not None else root
        checker.xml_value(shape, root, answer.name)
    return checker.problems


def all_violations(answers: list[Answer]) -> Iterator[str]:
    for answer in answers:
        yield from violations(answer)
