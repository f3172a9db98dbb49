"""``python -m reelforge.service [--host H] [--port P] [--data-dir D] [--no-worker]``
(settings not given here come from REELFORGE_* environment variables)."""

from __future__ import annotations

import argparse

from reelforge.service.app import serve
from reelforge.service.config import Settings


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m reelforge.service")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--data-dir")
    p.add_argument("--no-worker", action="store_true")
    a = p.parse_args(argv)
    overrides: dict = {}
    if a.host:
        overrides["host"] = a.host
    if a.port:
        overrides["port"] = a.port
    if a.data_dir:
        overrides["data_dir"] = a.data_dir
    if a.no_worker:
        overrides["embedded_worker"] = False
    serve(Settings(**overrides))


if __name__ == "__main__":
    main()
