"""The request a client sends and what it gets back, with curl's exit codes.

A client on an instance sees either an HTTP answer or a transport failure; the
failures carry the exit code curl gives them (curl's man page, "EXIT CODES"),
because curl is how the reference pattern (and users) test a Lattice service.
"""

from __future__ import annotations

import base64
import dataclasses
from typing import Any
from urllib.parse import parse_qsl, urlsplit

# curl(1) EXIT CODES
COULD_NOT_RESOLVE_HOST = 6
COULD_NOT_CONNECT = 7
OPERATION_TIMEDOUT = 28
SSL_CONNECT_ERROR = 35
PEER_FAILED_VERIFICATION = 60  # the server's certificate does not match the name the client asked for
HTTP_ERROR = 22  # what `curl --fail` returns on an HTTP status >= 400
NO_CREDENTIALS = 2  # curl's "failed to initialize": --aws-sigv4 without credentials to sign with


class TransportError(Exception):
    """No HTTP answer at all: the client reports ``message`` and exits with ``exit_code``."""

    def __init__(self, exit_code: int, message: str, error: str) -> None:
        super().__init__(message)
        self.exit_code, self.message, self.error = exit_code, message, error


@dataclasses.dataclass
class HttpRequest:
    """What the client sends. Header names keep the client's case; lookups ignore it."""

    url: str
    method: str = "GET"
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    body: bytes = b""

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> HttpRequest:
        body = document.get("body") or ""
        return cls(
            url=str(document["url"]),
            method=str(document.get("method") or ("POST" if body else "GET")).upper(),
            headers={str(k): str(v) for k, v in (document.get("headers") or {}).items()},
            body=body.encode() if isinstance(body, str) else bytes(body),
        )

    @property
    def parts(self) -> Any:
        return urlsplit(self.url)

    @property
    def host(self) -> str:
        return (self.parts.hostname or "").lower()

    @property
    def scheme(self) -> str:
        return self.parts.scheme.lower()

    @property
    def port(self) -> int:
        return self.parts.port or (443 if self.scheme == "https" else 80)

    @property
    def path(self) -> str:
        return self.parts.path or "/"

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(self.parts.query, keep_blank_values=True)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    def with_defaults(self) -> HttpRequest:
        """The headers curl adds by itself (Host, User-Agent, Accept)."""
        defaults = {"Host": self.parts.netloc, "User-Agent": "curl/8.5.0", "Accept": "*/*"}
        missing = {k: v for k, v in defaults.items() if self.header(k) is None}
        return dataclasses.replace(self, headers={**missing, **self.headers})


@dataclasses.dataclass
class Outcome:
    """An HTTP answer (``status`` set) or a transport failure (``exit_code`` != 0, no status)."""

    status: int | None = None
    reason: str = ""
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    body: bytes = b""
    exit_code: int = 0
    error: str | None = None  # the error code for the call log (AccessDeniedException...)
    message: str = ""  # what curl prints on stderr for a transport failure
    account: str | None = None  # the caller's account, for the call log

    @classmethod
    def failure(cls, error: TransportError) -> Outcome:
        return cls(exit_code=error.exit_code, error=error.error, message=error.message)

    def to_json(self) -> dict[str, Any]:
        try:
            body, encoded = self.body.decode("utf-8"), False
        except UnicodeDecodeError:
            body, encoded = base64.b64encode(self.body).decode(), True
        return {
            "status": self.status,
            "reason": self.reason,
            "headers": self.headers,
            "body": body,
            "body_base64": encoded,
            "exit_code": self.exit_code,
            "error": self.error,
            "message": self.message,
        }
