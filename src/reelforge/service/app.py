"""`create_app(settings)`: the FastAPI application; `serve(settings)`: run it with uvicorn.

Startup (in `create_app`): data dir, ``alembic upgrade head``, the job queue. The lifespan
recovers orphaned renders and starts/stops the embedded Huey consumer (unless
``embedded_worker`` is off) and the MCP session manager (MCP at ``/mcp``,
`reelforge.mcp.service_mount`). The web page (``reelforge/web/index.html``) is served at ``/``
when present.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from reelforge.service import api_interop, api_v1, compat, errors
from reelforge.service.bodies import BodyGuard
from reelforge.service.config import Settings
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

    app = FastAPI(title="reelforge", version=_version(), lifespan=lifespan,
                  description="Describe it, get a video: sessions, uploads, chat (SSE), exports.")
    app.state.ctx = ctx
    errors.install(app)
    app.add_middleware(BodyGuard, limits=settings.limits)

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
    if (WEB_DIR / "index.html").is_file():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app


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
                timeout_graceful_shutdown=10)
