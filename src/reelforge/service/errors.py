"""The one place where errors become HTTP responses.

`ERRORS` maps each `reelforge.errors.ReelforgeError` subclass to ``(HTTP status, API code)``;
the most specific class in an exception's MRO wins. Every error body is
``{"code": <int>, "message": <str>}`` — on /v1 and on the compatibility routes alike.
No traceback ever reaches a client (unexpected errors are logged and answered with code 5000).
"""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from reelforge.errors import (
    BadToken,
    ExportNotAllowed,
    FileTooLarge,
    InvalidTimeline,
    MediaError,
    MissingClientId,
    NoCredits,
    NotFound,
    PlanError,
    RateLimited,
    ReelforgeError,
    RenderCancelled,
    RenderError,
    UnsupportedMedia,
    UrlFetchFailed,
    UrlNotAllowed,
    WaitExpired,
)

__all__ = ["ERRORS", "BadRequest", "BodyStalled", "StorageFull", "TooLarge", "TooManySessions", "UrlFetchFailed", "UrlNotAllowed", "body", "install", "status_and_code"]

log = logging.getLogger("reelforge.service")


class BadRequest(ReelforgeError):
    code = 1
    http_status = 400


class Unprocessable(ReelforgeError):
    """A well-formed request the service will not act on (over a limit, nested too deeply)."""

    code = 1
    http_status = 422


class TooLarge(ReelforgeError):
    """A request over a size or count limit that is not a file's (413, code 1; the message
    names the setting)."""

    code = 1
    http_status = 413


class BodyStalled(ReelforgeError):
    """The client stopped sending its request body (a slow-loris client would hold the
    connection, and an upload's partial file, for as long as it liked): 408, code 408."""

    code = 408
    http_status = 408


class TooManySessions(ReelforgeError):
    """The account holds ``max_sessions_per_account`` sessions already. 403, not 429: waiting
    does not help (a client that honours Retry-After would loop); deleting a session does, and
    the message says so. Code 1003, beside 1002 (session not found)."""

    code = 1003
    http_status = 403


class StorageFull(FileTooLarge):
    """An upload that would take the account past ``max_storage_bytes_per_account``: 413 and
    code 4002 like a file over the per-file limit (the same remedy for a client: send less),
    with a message naming the account's limit and how to free room."""


ERRORS: dict[type[ReelforgeError], tuple[int, int]] = {
    ReelforgeError: (400, 1),
    BadRequest: (400, 1),
    Unprocessable: (422, 1),
    TooLarge: (413, 1),
    InvalidTimeline: (422, 1),
    MissingClientId: (400, 400),
    BadToken: (401, 1001),
    NotFound: (404, 1002),
    TooManySessions: (403, 1003),
    NoCredits: (402, 2001),
    ExportNotAllowed: (402, 402),
    RateLimited: (429, 429),
    WaitExpired: (408, 408),
    BodyStalled: (408, 408),
    PlanError: (422, 3001),
    MediaError: (415, 4001),
    UnsupportedMedia: (415, 4001),
    FileTooLarge: (413, 4002),
    StorageFull: (413, 4002),
    UrlNotAllowed: (400, 4003),
    UrlFetchFailed: (400, 4004),
    RenderError: (500, 5001),
    RenderCancelled: (500, 5001),
}


def status_and_code(exc: ReelforgeError) -> tuple[int, int]:
    for cls in type(exc).__mro__:
        if cls in ERRORS:
            return ERRORS[cls]
    return exc.http_status, exc.code


MAX_MESSAGE = 2000   # characters of an error message sent (a message may quote client input)


def body(code: int, message: str) -> dict:
    # a message may quote client input: never let it break the JSON encoding of the answer,
    # nor grow with it (ids are cut where quoted, see reelforge.errors.shown; this is the backstop)
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "…"
    return {"code": code, "message": message.encode("utf-8", "replace").decode("utf-8")}


def install(app: FastAPI) -> None:
    @app.exception_handler(ReelforgeError)
    async def _reelforge(_request: Request, exc: ReelforgeError) -> JSONResponse:
        status, code = status_and_code(exc)
        headers = None
        retry_after = getattr(exc, "retry_after", None)
        if status == 429:
            headers = {"Retry-After": str(max(1, math.ceil(retry_after or 60)))}
        return JSONResponse(body(code, exc.message), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return JSONResponse(body(1, "invalid request: " + "; ".join(parts)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        code = 1 if exc.status_code == 400 else exc.status_code  # e.g. a body that is not UTF-8
        return JSONResponse(body(code, message), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(body(5000, "internal error"), status_code=500)
