"""`create_app(settings)`: the FastAPI application; `serve(settings)`: run it with uvicorn.

Startup (in `create_app`): data dir, ``alembic upgrade head``, the job queue. The lifespan
recovers orphaned renders and starts/stops the embedded Huey consumer (unless
``embedded_worker`` is off) and the MCP session manager (MCP at ``/mcp``,
`reelforge.mcp.service_mount`). The web page (``reelforge/web/index.html``) is served at ``/``
when present. GET routes answer HEAD too (not the streams), and a wrong method on an API path
is 405 with the path's real ``Allow``.
"""

from __future__ import annotations

import logging
import re
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount
from starlette.types import Receive, Scope, Send

from reelforge.service import api_interop, api_v1, compat, errors
from reelforge.service.bodies import BodyGuard
from reelforge.service.config import Settings
from reelforge.service.conn import protocol
from reelforge.service.core import Core
from reelforge.service.schemas import Health

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
log = logging.getLogger("reelforge.service")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    core = Core.open(settings)
    ctx = core.ctx
    ctx.extra["core"] = core

    mcp_sessions = None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        swept = core.start()  # recover orphaned renders, sweep leftovers, start the worker
        if swept:
            log.info("removed %d file(s) left half-written by a stopped process", swept)
        try:
            async with mcp_sessions.run():   # MCP over streamable HTTP at /mcp
                yield
        finally:
            core.close()

    _hide_tokens(logging.getLogger("uvicorn.access"))
    app = FastAPI(title="reelforge", version=_version(), lifespan=lifespan,
                  description="Describe it, get a video: sessions, uploads, chat (SSE), exports.")
    app.state.ctx = ctx
    errors.install(app)
    app.add_middleware(BodyGuard, limits=settings.limits, idle_seconds=settings.body_idle_seconds)

    @app.get("/health", tags=["meta"], response_model=Health)
    def health() -> dict:
        return {"status": "ok", "worker": settings.embedded_worker}

    app.include_router(api_v1.router)
    app.include_router(api_v1.files_router)
    app.include_router(api_interop.router)
    app.include_router(api_interop.files_router)
    app.include_router(compat.router)
    from reelforge.mcp.service_mount import mount

    mcp_sessions = mount(app, core)  # /mcp: MCP for agents, with the callers' service tokens
    files = StaticFiles(directory=WEB_DIR, html=True) if (WEB_DIR / "index.html").is_file() else None
    app.mount("/", _Web(app.router, files, page_headers(settings.public_base_url)), name="web")
    return app


class HideTokens(logging.Filter):
    """Blanks ``access_token=...`` in the request lines a logger writes (uvicorn's access log
    records the whole query string; the GET streams accept a token there)."""

    TOKEN = re.compile(r"(?i)(access_token=)[^&\s\"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(self.TOKEN.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = self.TOKEN.sub(r"\1***", record.msg)
        return True


def _hide_tokens(logger: logging.Logger) -> None:
    if not any(isinstance(f, HideTokens) for f in logger.filters):
        logger.addFilter(HideTokens())


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class _HeadSent(BaseException):
    """Ends a GET run for a HEAD request once its headers are out (a BaseException, so no
    handler on the way takes it for an error)."""


def page_headers(public_base_url: str | None = None) -> list[tuple[bytes, bytes]]:
    """Headers of the web page's own files: a Content-Security-Policy that lets the page run
    only its own script and style (so a file name or title that slipped past the page's text
    escaping could not run script), talk to its own origin (and the public base URL's, which
    download and live URLs use), show media from there or from the files dropped on it, and
    not be framed; plus no content sniffing and no Referer (download URLs carry their key)."""
    extra = ""
    if public_base_url:
        parts = urlsplit(public_base_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            extra = f" {parts.scheme}://{parts.netloc}"
    csp = ("default-src 'self'; script-src 'self'; style-src 'self'; "
           f"img-src 'self' data: blob:{extra}; media-src 'self' blob:{extra}; "
           f"connect-src 'self'{extra}; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'none'")
    return [(b"content-security-policy", csp.encode("latin-1")),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer")]


class _Web:
    """What ``/`` serves when no API route took the request: HEAD for a path an API route GETs
    (the GET's headers, no body: a download is not read, a stream not run); 405 with every
    method the API serves on the path in ``Allow``; else the web page's files. (A mount
    matches every method, so without this the files would answer API paths: 404, or
    ``Allow: GET, HEAD`` on a POST route.)"""

    def __init__(self, router, files: StaticFiles | None, headers: list[tuple[bytes, bytes]] = ()) -> None:
        self.router, self.files, self.headers = router, files, list(headers)

    def _allowed(self, scope: Scope) -> list[str]:
        routes = [r for r in self.router.routes if not isinstance(r, Mount)]
        return [m for m in _METHODS
                if any(r.matches({**scope, "method": m})[0] == Match.FULL for r in routes)]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            allowed = self._allowed(scope)
            if scope["method"] == "HEAD" and "GET" in allowed:
                await self._head(scope, receive, send)
                return
            if allowed:
                allow = ", ".join(allowed + (["HEAD"] if "GET" in allowed else []))
                raise StarletteHTTPException(405, f"method {scope['method']} not allowed here; allowed: {allow}",
                                             headers={"Allow": allow})
        if self.files is None:
            raise StarletteHTTPException(404, "Not Found")

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in self.headers}
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.files(scope, receive, with_headers if scope["type"] == "http" else send)

    async def _head(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def headers_only(message) -> None:
            if message["type"] != "http.response.start":
                raise _HeadSent
            await send(message)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            raise _HeadSent

        try:
            await self.router({**scope, "method": "GET"}, receive, headers_only)
        except* _HeadSent:
            pass


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("reelforge")
    except Exception:  # pragma: no cover
        return "0"


def serve(settings: Settings | None = None) -> None:
    import uvicorn

    settings = settings or Settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                timeout_graceful_shutdown=10, http=protocol(settings.header_seconds))
