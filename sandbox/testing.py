"""Helpers for tests that talk to a running sandbox (used by tests/conftest.py and the test files)."""

from __future__ import annotations

import configparser
import contextlib
import http.client
import json
import os
import re
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import botocore.session
from botocore.exceptions import ClientError

# The behaviour over time of every sandbox the tests deploy to, as make deploy's: a new
# resource may not be readable for up to 2 s, Lambda refuses an IAM role younger than
# 5 s (sandbox/README.md). Only tests/sandbox, which checks rules one call at a time,
# uses an instant sandbox (and private ones for each behaviour).
AWS_LIKE = {"lag": 2.0, "iam_propagation": 5.0}
MUTATING_EXCEPTIONS = {("sts", "GetCallerIdentity")}
# The IDs AWS gives VPC Lattice resources and Instance Connect endpoints: a prefix and 17 hex digits.
ID_FORMAT = r"{}-[0-9a-f]{{17}}"


def session(info: dict[str, Any], profile: str) -> boto3.Session:
    """A boto3 session for ``profile`` of the sandbox ``info`` (accounts.json), whatever the environment."""
    core = botocore.session.Session()
    core.set_config_variable("config_file", info["aws_config_file"])
    # A profile of the same name in ~/.aws/credentials would win over the config file.
    core.set_config_variable("credentials_file", os.devnull)
    core.set_config_variable("profile", profile)
    return boto3.Session(botocore_session=core)


def client(info: dict[str, Any], profile: str, service: str, **kwargs: Any) -> Any:
    return session(info, profile).client(service, **kwargs)


@contextlib.contextmanager
def session_sandbox(make_dir: Callable[[str], Path], **behaviour: Any) -> Any:
    """The sandbox of a test session: the one running at SANDBOX_STATE_DIR when it has
    ``behaviour``, else a private one (free port, a directory from ``make_dir``, accounts
    provider + consumer, external account outsider) stopped at the end."""
    from sandbox import control

    state_dir = os.environ.get("SANDBOX_STATE_DIR")
    running = control.status(state_dir) if state_dir else None
    if running and all(running.get(name, value) == value for name, value in behaviour.items()):
        yield running
        return
    private = make_dir("sandbox")
    info = control.start(private, control.free_port(), accounts=("provider", "consumer"), external=("outsider",),
                         **behaviour)
    try:
        yield info
    finally:
        control.stop(private)


def client_factory(info: dict[str, Any]) -> Callable[..., Any]:
    """``make(profile, service, **kwargs)``: boto3 clients of the sandbox ``info``."""

    def make(profile: str, service: str, **kwargs: Any) -> Any:
        return client(info, profile, service, **kwargs)

    return make


def config_secrets(info: dict[str, Any]) -> set[str]:
    """The secret access key of every account, from the sandbox's AWS config file."""
    config = configparser.ConfigParser()
    config.read(info["aws_config_file"])
    return {section["aws_secret_access_key"] for section in config.values() if "aws_secret_access_key" in section}


def leaks(output: str, secrets: set[str]) -> list[str]:
    """The secrets ``output`` shows, each named by its first 6 characters only. A secret
    cut short or wrapped still gives itself away by its first 20 characters."""
    return sorted({secret[:6] + "..." for secret in secrets if secret[:20] in output})


# In STS's XML answers (query protocol) and in JSON ones alike.
CREDENTIAL = re.compile(rb'(SecretAccessKey|SessionToken)(?:>|":\s*")([^<"]+)')
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection"}


class RecordingProxy(BaseHTTPRequestHandler):
    """Forwards each request as it came (the SigV4 signature stays valid) and keeps the
    credentials found in the answers (STS AssumeRole's secret keys and session tokens)
    in ``server.credentials``."""

    def forward(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        upstream = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
        upstream.request(self.command, url.path + (f"?{url.query}" if url.query else ""), body or None, headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        with self.server.lock:  # type: ignore[attr-defined]
            self.server.credentials.update(  # type: ignore[attr-defined]
                match[2].decode() for match in CREDENTIAL.finditer(data))
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = forward

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def recording_proxy() -> Any:
    """A RecordingProxy on a free local port; runs reach the sandbox through it with
    ``proxy_env(server)`` (HTTP_PROXY, which botocore and Ansible honour)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
    server.lock, server.credentials = threading.Lock(), set()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def proxy_env(server: Any) -> dict[str, str]:
    address = f"http://127.0.0.1:{server.server_address[1]}"
    return {"HTTP_PROXY": address, "http_proxy": address, "NO_PROXY": "", "no_proxy": ""}


def is_mutating(call: dict[str, Any]) -> bool:
    operation = call.get("operation") or ""
    if (call.get("service"), operation) in MUTATING_EXCEPTIONS:
        return False
    return not operation.startswith(("Get", "List", "Describe"))


class CallLog:
    """The sandbox call log: ``log()`` returns every entry, ``log(since=log.mark())`` the newer ones."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)

    def _lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []

    def mark(self) -> int:
        return len(self._lines())

    def __call__(self, since: int = 0) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self._lines()[since:]]

    def mutating(self, since: int = 0) -> list[dict[str, Any]]:
        return [call for call in self(since) if is_mutating(call)]


def unique(prefix: str) -> str:
    """A name no other test (or earlier run against the same sandbox) uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def error_code(info: Any) -> str:
    """The AWS error code of a ``pytest.raises(ClientError)`` result."""
    return info.value.response["Error"]["Code"]


def http_status(info: Any) -> int:
    """The HTTP status of a ``pytest.raises(ClientError)`` result."""
    return info.value.response["ResponseMetadata"]["HTTPStatusCode"]


def wait_until(read: Callable[[], Any], done: Callable[[Any], bool], timeout: float = 15) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            return value
        assert time.monotonic() < deadline, f"gave up waiting, last value: {value}"
        time.sleep(0.2)


def wait_status(read: Callable[[], dict], status: str = "ACTIVE") -> dict:
    return wait_until(read, lambda item: item["status"] == status)


def wait_gone(read: Callable[[], Any]) -> None:
    """Wait until ``read`` raises ResourceNotFoundException."""

    def gone() -> bool:
        try:
            read()
        except ClientError as error:
            if error.response["Error"]["Code"] == "ResourceNotFoundException":
                return True
            raise
        return False

    wait_until(gone, bool)
