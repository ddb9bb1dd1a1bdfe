# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Check a request against the botocore service model before calling AWS.

botocore itself only checks types, required members and minimum lengths; the
service checks patterns, maximum lengths and ranges server side.  Checking them
here lets a module fail before any API call with the name of the option.
"""

import re

from ansible.module_utils.common.dict_transformations import _camel_to_snake

from .._core.errors import InvalidParameter

# Members that refer to another Lattice resource: the module accepts a name there
# and resolves it to an ID/ARN later, so the model's ID/ARN pattern does not apply yet.
_REFERENCE = re.compile(r".*Identifier$")


def _option(path, member, names):
    name = names.get(member) or _camel_to_snake(member)
    return f"{path}.{name}" if path else name


# What any VPC Lattice resource name looks like (the strictest per-kind rules are checked by the resource's own module).
_NAME = re.compile(r"(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]{3,128}")


def _check_reference(meta, value, option):
    if re.fullmatch(meta["pattern"], value) or _NAME.fullmatch(value):
        return
    raise InvalidParameter(option, f"{value!r} is neither a name nor an ID or ARN matching {meta['pattern']}")


def _check_scalar(shape, value, option, member):
    meta = shape.metadata
    if _REFERENCE.match(member or "") and "arn" in meta.get("pattern", ""):
        return _check_reference(meta, value, option)
    if "enum" in meta and value not in meta["enum"]:
        raise InvalidParameter(option, f"{value!r} is not one of {', '.join(meta['enum'])}")
    if shape.type_name == "string":
        if "min" in meta and len(value) < meta["min"]:
            raise InvalidParameter(option, f"{value!r} is shorter than {meta['min']} characters")
        if "max" in meta and len(value) > meta["max"]:
            raise InvalidParameter(option, f"{value!r} is longer than {meta['max']} characters")
        pattern = meta.get("pattern")
        if pattern and not re.fullmatch(pattern, value):
            raise InvalidParameter(option, f"{value!r} does not match the pattern AWS requires: {pattern}")
    elif shape.type_name in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            raise InvalidParameter(option, f"{value} is less than the minimum {meta['min']}")
        if "max" in meta and value > meta["max"]:
            raise InvalidParameter(option, f"{value} is greater than the maximum {meta['max']}")


def _check(shape, value, option, member, names):
    if value is None:
        return
    if shape.type_name == "structure":
        for key, item in value.items():
            if key in shape.members:
                _check(shape.members[key], item, _option(option, key, names), key, names)
    elif shape.type_name == "list":
        meta = shape.metadata
        if "max" in meta and len(value) > meta["max"]:
            raise InvalidParameter(option, f"at most {meta['max']} items are allowed, got {len(value)}")
        for index, item in enumerate(value):
            _check(shape.member, item, f"{option}[{index}]", member, names)
    elif shape.type_name == "map":
        meta = shape.metadata
        if "max" in meta and len(value) > meta["max"]:
            raise InvalidParameter(option, f"at most {meta['max']} entries are allowed, got {len(value)}")
    else:
        _check_scalar(shape, value, option, member)


def validate_request(service_model, operation, request, names=None):
    """Raise InvalidParameter naming the module option (``names`` maps API members to options)."""
    _check(service_model.operation_model(operation).input_shape, request, "", None, names or {})
