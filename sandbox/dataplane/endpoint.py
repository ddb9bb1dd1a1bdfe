"""``POST /_sandbox/request``: the data plane over HTTP, for playbooks and other processes.

The request body is JSON: ``{"instance": "i-...", "url": "https://...",
"method": "GET", "headers": {...}, "body": "...", "sign": false}``, or, for a TCP
connection to a resource configuration, ``{"instance": "i-...", "tcp": "HOST:PORT"}``
(``resources.py``); the answer is the :class:`~.model.Outcome` as JSON (``status``,
``headers``, ``body``, ``exit_code``, ``message``...), with HTTP 200 whenever the data
plane ran. Each request also gets a line in the call log, with service
``vpc-lattice-svcs`` and operation ``Invoke`` (the action auth policies name), or
``Connect`` for a TCP connection.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from typing import Any, Callable

from ..wsgi import json_reply
from .model import Outcome
from .plane import answer_json
from .resources import connect_json
from .resolution import UnknownInstance

PATH = "/_sandbox/request"


class DataPlaneEndpoint:
    """WSGI middleware: serves ``PATH``, hands everything else to ``app``."""

    def __init__(self, app: Callable, calls_path: str, region: str) -> None:
        self.app, self.calls_path, self.region = app, calls_path, region
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Any:
        if environ.get("PATH_INFO") != PATH:
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST":
            return json_reply(start_response, 405, {"message": f"use POST {PATH}"})
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            document = json.loads(environ["wsgi.input"].read(length) or b"{}")
            tcp = "tcp" in document
            outcome = connect_json(document, self.region) if tcp else answer_json(document, self.region)
        except (ValueError, KeyError, TypeError) as error:
            return json_reply(start_response, 400, {"message": f"bad request: {error!r}"})
        except UnknownInstance as error:
            return json_reply(start_response, 404, {"message": str(error)})
        self._log(outcome, "Connect" if tcp else "Invoke")
        return json_reply(start_response, 200, outcome.to_json())

    def _log(self, outcome: Outcome, operation: str) -> None:
        entry = {
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "account": outcome.account,
            "region": self.region,
            "service": "vpc-lattice-svcs",
            "operation": operation,
            "status": outcome.status,
            "error": outcome.error if (outcome.status or 500) >= 400 or outcome.exit_code else None,
        }
        with self.lock, open(self.calls_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
