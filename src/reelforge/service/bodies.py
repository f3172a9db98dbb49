"""Request bodies are bounded before any route sees them.

`BodyGuard` (pure ASGI middleware) reads every request body except multipart uploads (which
`uploads` streams to disk under its own limit) up to ``limits.max_json_bytes``: past it the
client gets 413 (the rest of the body is read and dropped, up to `DRAIN_BYTES`, so it sees the
answer), and a JSON body nested deeper than ``limits.max_json_depth`` gets 422, both before
any JSON parser runs; a JSON string holding a lone UTF-16 surrogate gets 422 too. The route
then reads the buffered body as usual. Errors have the usual
``{"code": 1, "message": ...}`` shape and name the setting that changes the limit.
"""

from __future__ import annotations

import json
import re
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reelforge.service.errors import BadRequest, BodyStalled, Unprocessable, body
from reelforge.timeline.limits import Limits, env_name

DRAIN_BYTES = 16 * 1024**2
UPLOAD_PATHS = re.compile(r"^/(v1/sessions/[^/]+/assets|api/upload-video/.*)$")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")


def too_deep(data: bytes, limit: int) -> bool:
    """True when the JSON text nests arrays/objects more than ``limit`` deep.

    Strings are cut out (escapes first, then every other ``"``-separated piece), then innermost
    ``[]`` pairs are removed ``limit`` times: C-speed byte operations, no recursion, a few ms a
    megabyte. A pair left after that sits deeper than the limit.
    """
    outside = b"".join(data.replace(b"\\\\", b"").replace(b'\\"', b"").split(b'"')[0::2])
    brackets = outside.translate(_SQUARE, _NOT_BRACKETS)
    for _ in range(limit):
        if b"[]" not in brackets:
            return False
        brackets = brackets.replace(b"[]", b"")
    return b"[]" in brackets


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def lone_surrogate(data: bytes) -> bool:
    """True when a JSON text decodes to a string no UTF-8 can hold (``"\\ud800"``): such a
    string would fail later, in the database or in the answer. Only bodies with a surrogate
    escape are parsed here; invalid JSON is left to the route to report."""
    if not _SURROGATE_ESCAPE.search(data):
        return False
    try:
        json.dumps(json.loads(data), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    except ValueError:
        return False
    return False


def _limit_error(status: int, message: str, code: int = 1) -> JSONResponse:
    return JSONResponse(body(code, message), status_code=status)


def idle_bounded(receive: Receive, seconds: float) -> Receive:
    """``receive`` that raises `BodyStalled` when no part of the request body arrives within
    ``seconds`` (each part restarts the clock). Once the body is complete it is ``receive``
    itself: a streaming answer waits on it for the client's disconnect, without a bound."""
    complete = stalled = False

    async def bounded() -> Message:
        nonlocal complete, stalled
        if complete:
            return await receive()
        if not stalled:
            with anyio.move_on_after(seconds):
                message = await receive()
                complete = message["type"] != "http.request" or not message.get("more_body", False)
                return message
            stalled = True
        raise BodyStalled(f"no part of the request body arrived for {seconds:g} s "
                          f"({env_name('body_idle_seconds')}); send the body without pauses")

    return bounded


class BodyGuard:
    def __init__(self, app: ASGIApp, limits: Limits, idle_seconds: float = 30.0) -> None:
        self.app = app
        self.limits = limits
        self.idle_seconds = idle_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        receive = idle_bounded(receive, self.idle_seconds)
        headers = {k.lower(): v for k, v in scope.get("headers", ())}
        coding = headers.get(b"content-encoding", b"identity").decode("latin-1").strip().lower()
        if coding not in ("", "identity"):  # (a gzip body was answered "There was an error parsing the body")
            await _drain(receive, True, headers.get(b"content-length", b""))
            await _limit_error(415, f"request bodies are not accepted compressed (Content-Encoding: {coding[:40]}): "
                                    "send them as they are")(scope, receive, send)
            return
        ctype = headers.get(b"content-type", b"").decode("latin-1").lower()
        if ctype.startswith("multipart/") and UPLOAD_PATHS.match(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        limit = self.limits.max_json_bytes
        declared = headers.get(b"content-length", b"")
        too_big = declared.isdigit() and int(declared) > limit
        data = bytearray()
        more = not too_big
        while more:
            try:
                message = await receive()
            except BodyStalled as exc:
                await _limit_error(408, exc.message, code=408)(scope, receive, send)
                return
            if message["type"] != "http.request":
                return  # client went away
            data.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(data) > limit:
                too_big = True
                break
        if too_big:
            await _drain(receive, more or not data, declared)
            await _limit_error(413, f"request body larger than the {limit} byte limit "
                                    f"({env_name('max_json_bytes')})")(scope, receive, send)
            return
        if data and ("json" in ctype or not ctype) and too_deep(bytes(data), self.limits.max_json_depth):
            await _limit_error(422, f"JSON body nested deeper than {self.limits.max_json_depth} "
                                    f"levels ({env_name('max_json_depth')})")(scope, receive, send)
            return
        if data and ("json" in ctype or not ctype) and lone_surrogate(bytes(data)):
            await _limit_error(422, "JSON body: a string holds a lone UTF-16 surrogate "
                                    "(\\ud800-\\udfff without its pair), which is not "
                                    "text")(scope, receive, send)
            return
        await self.app(scope, _replay(bytes(data), receive), send)


async def _drain(receive: Receive, more: bool, declared: bytes) -> None:
    """Read and drop what the client is still sending (bounded), so it reads our answer."""
    if declared.isdigit() and int(declared) > DRAIN_BYTES:
        return
    seen = 0
    while more and seen <= DRAIN_BYTES:
        try:
            message = await receive()
        except BodyStalled:
            return
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        more = message.get("more_body", False)


def _replay(data: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        return await receive()  # disconnect detection (SSE) keeps working

    return replay


async def read_json(request: Request) -> Any:
    """The request's JSON body (``{}`` when empty); size and depth were bounded by `BodyGuard`."""
    data = await request.body()
    if not data:
        return {}
    try:
        return json.loads(data, parse_constant=_no_constant)
    except RecursionError:  # only when BodyGuard is not installed
        raise Unprocessable("JSON body nested too deeply") from None
    except ValueError as exc:
        raise BadRequest(f"invalid JSON body: {exc}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")
