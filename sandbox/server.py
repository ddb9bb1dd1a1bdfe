"""The sandbox server process: moto's app, extended, bootstrapped, logged.

Started detached by :mod:`sandbox.control`; run by hand with
``python -m sandbox.server --state-dir DIR --port N`` to see it in the foreground.
It binds the port first, then bootstraps, then writes ``aws_config`` and
(last, atomically) ``accounts.json``: a reader that finds accounts.json can use it.
"""

from __future__ import annotations

import argparse
import configparser
import json
import logging
import os
from pathlib import Path
from typing import Any

from . import settings


def write_state(state_dir: Path, endpoint_url: str, region: str, info: dict[str, Any],
                credentials: dict[str, dict[str, str]]) -> dict[str, Any]:
    config = configparser.ConfigParser()
    for name, keys in credentials.items():
        config[f"profile {name}"] = {"region": region, "endpoint_url": endpoint_url, **keys}
    aws_config = state_dir / "aws_config"
    with open(aws_config, "w", encoding="utf-8") as stream:
        config.write(stream)
    aws_config.chmod(0o600)
    document = {
        "endpoint_url": endpoint_url,
        "region": region,
        "aws_config_file": str(aws_config.resolve()),
        "calls_log": str((state_dir / "calls.jsonl").resolve()),
        "delay": settings.delay(),
        **{name: read() for name, (_variable, read) in settings.BEHAVIOUR.items()},
        **info,
    }
    partial = state_dir / "accounts.json.partial"
    partial.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    partial.replace(state_dir / "accounts.json")
    return document


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox.server")
    parser.add_argument("--state-dir", type=Path, default=settings.state_dir())
    parser.add_argument("--port", type=int, default=settings.port())
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    state_dir = args.state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)

    # Read by moto when the IAM backends are built, so before any of them exists.
    os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
    os.environ["SANDBOX_DELAY"] = str(settings.delay())

    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    from .bootstrap import bootstrap
    from .dataplane.endpoint import DataPlaneEndpoint
    from .moto_ext import install
    from .moto_ext.core import authorization, faults
    from .moto_ext.core.calllog import CallLog, account_of, operation_of, scope_of, service_of
    from .snapshot import SnapshotEndpoint

    installed = install()
    # One line per request would drown the log; the call log records API calls.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # Faults are answered inside the call log, so that it records them (and marks them).
    moto_app = faults.wrap(DomainDispatcherApplication(create_backend_app), settings.faults(), service_of)
    # Authorization (SANDBOX_IAM=enforce) answers before the faults and moto, inside the call log.
    moto_app = authorization.wrap(moto_app, settings.iam(), scope_of, operation_of, account_of)
    app = CallLog(moto_app, str(state_dir / "calls.jsonl"))
    region = settings.region()
    # POST /_sandbox/request: the VPC Lattice data plane (sandbox/dataplane/)
    app = DataPlaneEndpoint(app, str(state_dir / "calls.jsonl"), region)
    # POST /_sandbox/snapshot/<name>, /_sandbox/restore/<name>: a test tool (snapshot.py)
    app = SnapshotEndpoint(app)
    server = make_server(args.host, args.port, app, threaded=True, request_handler=MotoRequestHandler)
    info, credentials = bootstrap(region, settings.accounts(), settings.external_accounts())
    write_state(state_dir, f"http://{args.host}:{args.port}", region, info, credentials)
    print(f"sandbox serving on {args.host}:{args.port} (extensions: {', '.join(installed)})", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
