"""``python -m reelforge.mcp [--http] [--url URL] [--host H] [--port P] [--data-dir DIR]
[--insecure-no-auth]``."""

from __future__ import annotations

import argparse
import sys

from reelforge.mcp.auth import AuthConfigError
from reelforge.mcp.server import run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m reelforge.mcp", description="reelforge MCP server")
    parser.add_argument("--http", action="store_true", help="streamable HTTP at http://HOST:PORT/mcp instead of stdio")
    parser.add_argument("--url", default=None, help="base URL of a running `reelforge serve` (default: embedded)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data-dir", default=None, help="sessions, exports and downloads")
    parser.add_argument("--insecure-no-auth", action="store_true",
                        help="--http without a bearer token (loopback hosts only; local development)")
    args = parser.parse_args(argv)
    try:
        run("http" if args.http else "stdio", url=args.url, host=args.host, port=args.port,
            data_dir=args.data_dir, insecure_no_auth=args.insecure_no_auth)
    except AuthConfigError as exc:
        print(f"reelforge mcp: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
