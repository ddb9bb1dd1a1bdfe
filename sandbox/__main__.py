"""``python -m sandbox start|stop|status|env|request [--state-dir DIR] [--port N]``.

``request`` sends one HTTP request through the sandbox's VPC Lattice data plane
from an instance (see :mod:`sandbox.dataplane.cli`)."""

from __future__ import annotations

import argparse
import json
import sys

from . import control, settings
from .dataplane import cli as request_cli


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description="Local multi-account AWS sandbox (moto).")
    parser.add_argument("command", choices=["start", "stop", "status", "env", "request"])
    parser.add_argument("--state-dir", default=str(settings.state_dir()))
    parser.add_argument("--port", type=int, default=None)
    request_cli.add_arguments(parser)
    # intermixed: the URL may follow the options, as with curl
    args = parser.parse_intermixed_args(argv)

    if args.command == "request":
        return request_cli.run(args)

    if args.command == "stop":
        print("stopped" if control.stop(args.state_dir) else "not running")
        return 0
    if args.command == "start":
        try:
            info = control.start(args.state_dir, args.port)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"sandbox running at {info['endpoint_url']}; to use it:", file=sys.stderr)
        print(control.env_exports(info, args.state_dir), end="")
        return 0
    info = control.status(args.state_dir)
    if info is None:
        print(f"no sandbox running for {args.state_dir}", file=sys.stderr)
        return 1
    if args.command == "env":
        print(control.env_exports(info, args.state_dir), end="")
    else:
        print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
