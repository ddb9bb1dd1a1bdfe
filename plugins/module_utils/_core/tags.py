# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS's tag rules, checked before any call (every service that tags enforces the same ones).

Source: AWS General Reference / Tagging AWS resources, "Tag naming limits and
requirements": a key is 1-128 Unicode characters, a value 0-256; letters, digits,
spaces and ``_ . : / = + - @``; the ``aws:`` prefix is reserved for AWS.  The
botocore models agree on the lengths (vpc-lattice TagKey 1-128, TagValue 0-256;
RAM, EC2, Lambda likewise).
"""

import re

from .errors import InvalidParameter

MAX_KEY = 128
MAX_VALUE = 256
_ALLOWED = re.compile(r"[\w\s.:/=+\-@]*", re.UNICODE)
ALLOWED_TEXT = "letters, digits, spaces and _ . : / = + - @"


def validate_tags(tags, option="tags"):
    """Raise InvalidParameter naming ``option`` for the first tag AWS would refuse."""
    for key, value in (tags or {}).items():
        key = str(key)
        value = "" if value is None else str(value)
        if not 1 <= len(key) <= MAX_KEY:
            raise InvalidParameter(option, f"tag key {key[:40]!r}... is {len(key)} characters; AWS allows 1 to {MAX_KEY}")
        if key.lower().startswith("aws:"):
            raise InvalidParameter(option, f"tag key {key!r}: the prefix 'aws:' is reserved for AWS")
        if len(value) > MAX_VALUE:
            raise InvalidParameter(
                f"{option}.{key}", f"the value is {len(value)} characters; AWS allows at most {MAX_VALUE}"
            )
        for what, text in (("key", key), ("value", value)):
            if not _ALLOWED.fullmatch(text):
                raise InvalidParameter(f"{option}.{key}", f"the tag {what} may only hold {ALLOWED_TEXT}")
