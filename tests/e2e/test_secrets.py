"""Secrets never printed: a deploy and a teardown with aws_role_arn hosts (the AWX
credential path: one base credential in the environment, a role per host) at -vvv,
with the custom stats (set_stats) shown, print no secret access key and no session
token: neither the sandbox accounts' own keys (its aws_config) nor the credentials
STS AssumeRole handed out during the runs. Those are read off the wire: the runs
reach the sandbox through a recording HTTP proxy (HTTP_PROXY, which botocore and
Ansible honour); moto's own state API cannot be used once a Lambda function exists
(it touches Docker).
"""

from __future__ import annotations

import configparser
import http.client
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sandbox import control, testing

# The AWX tests' helpers run the ansible CLIs the way an AWX job does: reuse them.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "awx"))
from awx_env import ASSUME_ROLE_INVENTORY, BIN, ansible, base_credential_env  # noqa: E402

# The assume-role inventory's account IDs are derived from these names.
ACCOUNTS = ("provider", "consumer")


def _config_secrets(info):
    config = configparser.ConfigParser()
    config.read(info["aws_config_file"])
    return {section["aws_secret_access_key"] for section in config.values() if "aws_secret_access_key" in section}


# In STS's XML answers (query protocol) and in JSON ones alike.
CREDENTIAL = re.compile(rb'(SecretAccessKey|SessionToken)(?:>|":\s*")([^<"]+)')
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection"}


class RecordingProxy(BaseHTTPRequestHandler):
    """Forwards each request as it came (the SigV4 signature stays valid) and keeps the
    credentials found in the answers in ``server.credentials``."""

    def forward(self):
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        upstream = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
        upstream.request(self.command, url.path + (f"?{url.query}" if url.query else ""), body or None, headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        with self.server.lock:
            self.server.credentials.update(match[2].decode() for match in CREDENTIAL.finditer(data))
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = forward

    def log_message(self, *args):
        pass


def _leaks(output, secrets):
    # A secret cut short or wrapped still gives itself away by its first 20 characters.
    return sorted({secret[:6] + "..." for secret in secrets if secret[:20] in output})


@pytest.fixture(scope="module")
def sandbox_info(tmp_path_factory):
    state_dir = tmp_path_factory.mktemp("secrets")
    info = control.start(state_dir, control.free_port(), accounts=ACCOUNTS, delay=0.2, **testing.AWS_LIKE)
    yield info
    control.stop(state_dir)


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
    server.lock, server.credentials = threading.Lock(), set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.sandbox
@pytest.mark.slow
def test_deploy_and_teardown_print_no_secret(sandbox_info, proxy):
    address = f"http://127.0.0.1:{proxy.server_address[1]}"
    env = dict(base_credential_env(sandbox_info), ANSIBLE_SHOW_CUSTOM_STATS="1",
               HTTP_PROXY=address, http_proxy=address, NO_PROXY="", no_proxy="")
    outputs = {}
    for playbook in ("deploy", "teardown"):
        run = ansible(str(BIN / "ansible-playbook"), f"playbooks/{playbook}.yml", "-i", ASSUME_ROLE_INVENTORY,
                      "-vvv", env=env)
        outputs[playbook] = run.stdout + run.stderr
        assert run.returncode == 0, f"{playbook} failed\n{outputs[playbook][-15000:]}"
    # The runs did what they are scanned for: assumed roles, published their outputs.
    assert "CUSTOM STATS" in outputs["deploy"] and "lattice_outputs" in outputs["deploy"]
    # A secret key and a session token per account and run at least.
    assert len(proxy.credentials) >= 2 * 2 * len(ACCOUNTS), len(proxy.credentials)

    secrets = _config_secrets(sandbox_info) | proxy.credentials
    print(f"\nsecrets: {len(secrets)} scanned for in {sum(map(len, outputs.values()))} characters of -vvv output")
    assert {name: _leaks(output, secrets) for name, output in outputs.items()} == {"deploy": [], "teardown": []}
