"""``python -m reelforge.mcp [--http] [--url URL] [--host H] [--port P] [--data-dir DIR]``."""

from __future__ import annotations

import argparse

from reelforge.mcp.server import run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m reelforge.mcp", description="reelforge MCP server")
    parser.add_argument("--http", action="store_true", help="streamable HTTP at http://HOST:PORT/mcp instead of stdio")
    parser.add_argument("--url", default=None, help="base URL of a running `reelforge serve` (default: embedded)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data-dir", default=None, help="sessions, exports and downloads")
    args = parser.parse_args(argv)
    run("http" if args.http else "stdio", url=args.url, host=args.host, port=args.port, data_dir=args.data_dir)


if __name__ == "__main__":
    main()
