"""File downloads whose Range errors are JSON like every other error.

Starlette's `FileResponse` serves ranges well (206, suffix ranges, multipart/byteranges) but
answers a malformed Range header with a ``text/plain`` 400 and an unsatisfiable one with an
empty 416, from inside the response where no exception handler sees them. `MediaFile` checks
the header first, with the same parser, and answers those two cases with
``{"code", "message"}``: 400 code 1, 416 code 416 (with ``Content-Range: bytes */<size>``).
"""

from __future__ import annotations

import os

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.responses import (
    FileResponse,
    JSONResponse,
    MalformedRangeHeader,
    RangeNotSatisfiable,
)
from starlette.types import Receive, Scope, Send

from reelforge.service.errors import body


class MediaFile(FileResponse):
    """`FileResponse` with JSON answers to bad Range headers."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = await self._range_refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def _range_refusal(self, scope: Scope) -> JSONResponse | None:
        headers = Headers(scope=scope)
        http_range = headers.get("range")
        if (scope["type"] != "http" or http_range is None or self.status_code != 200
                or scope["method"].upper() not in ("GET", "HEAD")):
            return None
        if self.stat_result is None:
            try:
                self.stat_result = await anyio.to_thread.run_sync(os.stat, self.path)
            except OSError:
                return None  # Starlette reports it as it does today
            self.set_stat_headers(self.stat_result)
        if_range = headers.get("if-range")
        # (compared with the file's ETag and Last-Modified, set just above: read before them, a resumed
        # download's If-Range was a KeyError, a 500)
        if if_range is not None and not self._should_use_range(if_range):
            return None  # Starlette sends the whole file
        size = self.stat_result.st_size
        try:
            self._parse_range_header(http_range, size)
        except MalformedRangeHeader as exc:
            return JSONResponse(body(1, f"{exc.content} (Range: {http_range[:100]!r})"), status_code=400)
        except RangeNotSatisfiable:
            return JSONResponse(body(416, f"range not satisfiable: the file is {size} bytes"),
                                status_code=416, headers={"Content-Range": f"bytes */{size}"})
        return None
