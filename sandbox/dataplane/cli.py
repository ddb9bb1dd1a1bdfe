"""``python -m sandbox request``: curl, from an instance, against the sandbox's data plane.

Prints what ``curl --include`` prints (status line, headers, blank line, body)
and exits 0 on a 2xx, 22 on another HTTP status (``curl --fail``), and curl's
own code on a transport failure (6 could not resolve host, 28 timeout...).
With ``--tcp HOST:PORT`` it reports, as ``curl telnet://HOST:PORT`` would, whether a TCP
connection to a resource configuration opens (exit 0) or why not.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import urllib.error
import urllib.request
from typing import Any

from .. import control
from .endpoint import PATH
from .model import HTTP_ERROR


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--instance", help="ID of the EC2 instance the request leaves from (request only)")
    parser.add_argument("--sign", action="store_true", help="SigV4-sign with the instance profile's role")
    parser.add_argument("--method", "-X", default=None)
    parser.add_argument("--header", "-H", action="append", default=[], help="'Name: value' (repeatable)")
    parser.add_argument("--data", "-d", default=None)
    parser.add_argument("--tcp", metavar="HOST:PORT", help="open a TCP connection to a VPC resource instead")
    parser.add_argument("url", nargs="?")


def _headers(lines: list[str]) -> dict[str, str]:
    headers = {}
    for line in lines:
        name, separator, value = line.partition(":")
        if not separator or not name.strip():
            raise SystemExit(f"--header must look like 'Name: value', not {line!r}")
        headers[name.strip()] = value.strip()
    return headers


def post(endpoint_url: str, document: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        endpoint_url.rstrip("/") + PATH, data=json.dumps(document).encode(),
        headers={"Content-Type": "application/json"}, method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"sandbox: {json.load(error).get('message')}") from None


def run(args: argparse.Namespace) -> int:
    if not args.instance or not (args.url or args.tcp):
        print("request needs --instance INSTANCE_ID and a URL or --tcp HOST:PORT", file=sys.stderr)
        return 2
    info = control.status(args.state_dir)
    if info is None:
        print(f"no sandbox running for {args.state_dir}", file=sys.stderr)
        return 1
    if args.tcp:
        outcome = post(info["endpoint_url"], {"instance": args.instance, "tcp": args.tcp})
        print(outcome["message"], file=sys.stderr if outcome["exit_code"] else sys.stdout)
        return outcome["exit_code"]
    outcome = post(info["endpoint_url"], {
        "instance": args.instance, "url": args.url, "method": args.method,
        "headers": _headers(args.header), "body": args.data, "sign": args.sign,
    })
    if outcome["status"] is None:
        print(outcome["message"], file=sys.stderr)
        return outcome["exit_code"]
    print(f"HTTP/1.1 {outcome['status']} {outcome['reason']}".rstrip())
    for name, value in outcome["headers"].items():
        print(f"{name}: {value}")
    print()
    body = base64.b64decode(outcome["body"]) if outcome["body_base64"] else outcome["body"].encode()
    sys.stdout.flush()
    sys.stdout.buffer.write(body + (b"" if body.endswith(b"\n") else b"\n"))
    return 0 if 200 <= outcome["status"] < 300 else HTTP_ERROR
