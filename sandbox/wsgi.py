"""What the sandbox's own endpoints (``/_sandbox/...``) share: a JSON answer."""

from __future__ import annotations

import json
from typing import Any, Callable


def json_reply(start_response: Callable, status: int, document: dict[str, Any]) -> list[bytes]:
    body = json.dumps(document).encode()
    start_response(f"{status} {'OK' if status == 200 else 'Error'}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
