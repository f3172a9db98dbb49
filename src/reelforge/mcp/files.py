"""Made files as MCP resources, and ``resource_link`` blocks pointing at them in tool results.

    reelforge://exports/{export_id}/video.mp4          the MP4 of an export or preview (a blob)
    reelforge://exports/{export_id}/captions.srt|vtt   its on-screen captions (text)
    reelforge://exports/{export_id}/transcript.srt|vtt what its voiceover says (text)

This is how the MCP spec hands a tool's output files to a client over any transport (stdio,
``reelforge mcp --http``, ``/mcp`` of ``reelforge serve``): the tool result carries
``ResourceLink`` blocks, the client reads them with ``resources/read``. Reads are scoped like
every other call (the caller's account; another account gets "not found"), and a video is
served as a blob only up to `MAX_BLOB_BYTES` (base64 in one JSON message); larger ones are
fetched by ``download_url`` where the service serves it. A blob is held whole several times
(the bytes, their base64, the JSON message, its encoding) until its HTTP answer is sent, so
video reads in flight are bounded per account and per process (`video_slot`, held until the
HTTP request that asked ends: `HoldReads`).
"""

from __future__ import annotations

import json
from typing import Any

from mcp.server.mcpserver import Context
from mcp_types import CallToolResult, ResourceLink, TextContent

from reelforge.errors import FileTooLarge, NotFound, shown

MAX_BLOB_BYTES = 16 * 1024 * 1024
SCHEME = "reelforge://exports"
TEXT_MIME = {"srt": "application/x-subrip", "vtt": "text/vtt"}


def uri(export_id: str, name: str) -> str:
    return f"{SCHEME}/{export_id}/{name}"


def read(backend: Any, export_id: str, kind: str, fmt: str) -> str | bytes:
    """The bytes (video) or text (captions, transcript) of a file the caller made."""
    core, who = backend.core, backend.who
    if kind == "video":
        path = core.export_file(who, export_id)
        size = path.stat().st_size
        if size > MAX_BLOB_BYTES:
            raise FileTooLarge(f"the video is {size / 1e6:.1f} MB, more than the {MAX_BLOB_BYTES // 2**20} MB "
                               "an MCP resource carries: fetch it by its download_url")
        return path.read_bytes()
    if kind == "captions":
        return core.export_captions(who, export_id, fmt)
    if kind == "transcript":
        return core.export_transcript(who, export_id, fmt)
    raise NotFound(f"no such file of export {shown(export_id)}")


HELD = "reelforge.held"   # ASGI scope key: slots given back when the HTTP request ends


def video_slot(backend: Any) -> Any:
    """One of the caller's video reads in flight (`streams.take`: `RateLimited` past
    ``mcp_video_reads_per_account`` or ``mcp_video_reads``)."""
    from reelforge.service import streams

    settings = backend.core.ctx.settings
    return streams.take(backend.core.ctx, "mcp-video", backend.who.account_id,
                        per_account=settings.mcp_video_reads_per_account, total=settings.mcp_video_reads)


def hold_until_answered(ctx: Context, slot: Any) -> bool:
    """Hand ``slot`` to the HTTP request behind ``ctx`` (released by `HoldReads` once its answer
    is sent); False when there is none (stdio): the caller releases it."""
    try:
        request = ctx.request_context.request
    except (ValueError, AttributeError):
        return False
    held = getattr(request, "scope", {}).get(HELD)
    if held is None:
        return False
    held.append(slot)
    return True


class HoldReads:
    """ASGI: the slots a request took (`hold_until_answered`) are given back when the request
    has ended, i.e. when its answer has been handed to the connection."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: list[Any] = []
        scope[HELD] = held
        try:
            await self.app(scope, receive, send)
        finally:
            for slot in held:
                slot.release()


def links(result: dict[str, Any]) -> list[ResourceLink]:
    """``resource_link`` blocks of a finished render's files named in a tool result."""
    job = result.get("job_id")
    if not job or result.get("status", "completed") != "completed" or "size_bytes" not in result:
        return []
    out = [ResourceLink(uri=uri(job, "video.mp4"), name=f"reelforge-{job[:8]}.mp4", mime_type="video/mp4",
                        size=result.get("size_bytes"),
                        description="the MP4 (resources/read gives it as a blob up to "
                                    f"{MAX_BLOB_BYTES // 2**20} MB; download_url, where given, any size)")]
    if result.get("captions") or result.get("caption_urls"):
        out += [ResourceLink(uri=uri(job, f"captions.{f}"), name=f"reelforge-{job[:8]}.{f}",
                             mime_type=TEXT_MIME[f], description="on-screen captions") for f in TEXT_MIME]
    if (result.get("transcript") or {}).get("status") == "ready":
        out += [ResourceLink(uri=uri(job, f"transcript.{f}"), name=f"reelforge-{job[:8]}.transcript.{f}",
                             mime_type=TEXT_MIME[f], description="what the voiceover says") for f in TEXT_MIME]
    return out


def with_links(result: dict[str, Any], *, enabled: bool = True) -> dict[str, Any] | CallToolResult:
    """The tool result as the SDK would send it (JSON text + structured content), plus the
    resource links of its files."""
    blocks = links(result) if enabled else []
    if not blocks:
        return result
    text = TextContent(type="text", text=json.dumps(result, indent=2, ensure_ascii=False))
    return CallToolResult(content=[text, *blocks], structured_content=result)


def register(mcp: Any, of: Any) -> None:
    """The resource templates on ``mcp``; ``of(ctx)`` is the caller's backend."""
    import anyio.to_thread
    from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError

    from reelforge.errors import ReelforgeError
    from reelforge.mcp.backend import error_code

    async def _read(ctx: Context, export_id: str, kind: str, fmt: str) -> str | bytes:
        caller = of(ctx)
        if not hasattr(caller, "core"):
            raise ResourceError("error 1: files are read as resources only from an embedded or "
                                "service MCP server; in remote mode use the links in the result")
        slot = None
        try:
            if kind == "video":
                slot = video_slot(caller)
                if hold_until_answered(ctx, slot):
                    slot = None
            return await anyio.to_thread.run_sync(lambda: read(caller, export_id, kind, fmt))
        except NotFound as exc:
            raise ResourceNotFoundError(f"error {error_code(exc)}: {exc.message}") from exc
        except ReelforgeError as exc:
            raise ResourceError(f"error {error_code(exc)}: {exc.message}") from exc
        finally:
            if slot is not None:
                slot.release()

    @mcp.resource(f"{SCHEME}/{{export_id}}/video.mp4", name="export-video", title="Export video",
                  description="The MP4 of a finished export or preview (blob, up to 16 MB)",
                  mime_type="video/mp4")
    async def video(export_id: str, ctx: Context) -> bytes:
        return await _read(ctx, export_id, "video", "mp4")

    for kind, what in (("captions", "on-screen captions"), ("transcript", "voiceover transcript")):
        for fmt, mime in TEXT_MIME.items():
            def make(kind: str = kind, fmt: str = fmt):
                async def text(export_id: str, ctx: Context) -> str:
                    return await _read(ctx, export_id, kind, fmt)
                text.__name__ = f"{kind}_{fmt}"
                return text

            mcp.resource(f"{SCHEME}/{{export_id}}/{kind}.{fmt}", name=f"export-{kind}-{fmt}",
                         title=f"Export {what} ({fmt.upper()})",
                         description=f"The {what} of a finished export as {fmt.upper()}",
                         mime_type=mime)(make())


def add_download_routes(mcp: Any, backend: Any, verifier: Any) -> None:
    """``reelforge mcp --http`` (embedded): serve the made files at the same paths as
    ``reelforge serve`` does (``/v1/exports/{id}/download``, ``captions.{fmt}``,
    ``transcript.{fmt}``, a preview's ``live.mp4`` as it renders), wanting the same bearer token
    as ``/mcp`` (custom routes are outside the SDK's auth middleware, so it is checked here); the
    MP4 with HTTP Range support."""
    import anyio.to_thread
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response

    from reelforge.errors import ReelforgeError
    from reelforge.mcp.backend import error_code
    from reelforge.service.downloads import MediaFile

    async def allowed(request: Request) -> bool:
        if verifier is None:   # --insecure-no-auth (loopback only)
            return True
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and bool(token) and await verifier.verify_token(token.strip()) is not None

    def refused(status: int, code: int, message: str) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)

    async def serve(request: Request, kind: str, fmt: str) -> Response:
        if not await allowed(request):
            return refused(401, 1001, "missing or invalid bearer token (the one this MCP server takes)")
        export_id = request.path_params["export_id"]
        try:
            if kind == "video":
                path = await anyio.to_thread.run_sync(lambda: backend.core.export_file(backend.who, export_id))
                return MediaFile(path, media_type="video/mp4", filename=f"reelforge-{export_id[:8]}.mp4")
            text = await anyio.to_thread.run_sync(lambda: read(backend, export_id, kind, fmt))
        except ReelforgeError as exc:
            code = error_code(exc)
            return refused(404 if code == 1002 else 400, code, exc.message)
        return Response(text.encode("utf-8"), media_type=f"{TEXT_MIME[fmt]}; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="reelforge-{export_id[:8]}.{kind}.{fmt}"'})

    @mcp.custom_route("/v1/exports/{export_id}/download", methods=["GET"])
    async def download(request: Request) -> Response:
        return await serve(request, "video", "mp4")

    def finished(row: Any) -> Response:   # a finished preview whose fragments were swept
        if not row.output_path:
            raise NotFound(f"export {row.id} is not ready (status {row.status})")
        return MediaFile(row.output_path, media_type="video/mp4", filename=f"reelforge-{row.id[:8]}.mp4")

    @mcp.custom_route("/v1/exports/{export_id}/live.mp4", methods=["GET"])
    async def live_stream(request: Request) -> Response:
        """A preview as it renders (`reelforge.service.live`), as ``reelforge serve`` serves it."""
        from reelforge.errors import RateLimited
        from reelforge.service import live, renders

        if not await allowed(request):
            return refused(401, 1001, "missing or invalid bearer token (the one this MCP server takes)")
        export_id = request.path_params["export_id"]
        ctx = backend.core.ctx
        try:
            row = await anyio.to_thread.run_sync(lambda: renders.get(ctx, backend.who, export_id))
            return live.response(ctx, row, finished)
        except RateLimited as exc:
            return JSONResponse({"code": 429, "message": exc.message}, status_code=429,
                                headers={"Retry-After": str(int(exc.retry_after or 5))})
        except ReelforgeError as exc:
            code = error_code(exc)
            return refused(404 if code == 1002 else 400, code, exc.message)

    for kind in ("captions", "transcript"):
        for fmt in TEXT_MIME:
            async def text_file(request: Request, kind: str = kind, fmt: str = fmt) -> Response:
                return await serve(request, kind, fmt)

            mcp.custom_route(f"/v1/exports/{{export_id}}/{kind}.{fmt}", methods=["GET"])(text_file)
