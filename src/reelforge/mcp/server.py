"""The reelforge MCP server: tools and resources for AI agents (official MCP Python SDK 2.x).

Tools: ``create_session``, ``list_sessions``, ``add_assets``, ``instruct``, ``get_state``,
``preview``, ``export``, ``export_status``, ``export_timeline``, ``get_credits``. Resources: the timeline JSON of a
session (``reelforge://sessions/{session_id}/timeline``) and the timeline JSON Schema
(``reelforge://schema/timeline``); the files a render made (``reelforge://exports/{id}/video.mp4``,
``captions.srt``/``.vtt``, ``transcript.srt``/``.vtt``: `reelforge.mcp.files`), linked from the
results of ``export``, ``export_status`` and ``preview`` as ``resource_link`` blocks.

Embedded by default (no server needed: the application core of ``reelforge serve`` runs in this
process on a SQLite database in the data dir, with an in-process render worker) or remote
(``url`` of a running ``reelforge serve``; the /v1 API with an anonymous token, or over HTTP
the caller's own service token). Errors come back as MCP tool errors whose text is
``error <code>: <message>`` with the same codes and messages as the HTTP API.

Run it with ``run()`` (``reelforge mcp`` / ``python -m reelforge.mcp``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from typing import Annotated, Any, Literal

import anyio
import anyio.to_thread
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import (
    ResourceError,
    ResourceNotFoundError,
    ToolError,
    UnexpectedResourceError,
)
from pydantic import Field, ValidationError

from reelforge.errors import NotFound, ReelforgeError, shown
from reelforge.mcp import files
from reelforge.mcp.backend import (
    PRESET_HELP,
    Backend,
    error_code,
    make_backend,
    preview_wait_expired,
    preview_wait_seconds,
)
from reelforge.service.schemas import MAX_INSTRUCTION_CHARS

log = logging.getLogger("reelforge.mcp")

INSTRUCTIONS = """\
reelforge turns media files and a plain-language instruction into a ready-to-publish MP4.
Typical flow: create_session -> add_assets (local paths or http(s) URLs of images, clips,
voiceover, music) -> instruct ("combine these images and audio into a 30-second promotional
video with text overlays") -> read the summary, refine with more instructions ("make it
vertical for TikTok", "lower the music to 35%", "add the title 'Urban Dreams' for the first
3 seconds", "undo"; English or Chinese) -> preview (fast low-res MP4) -> export (final MP4).
Errors read 'error <code>: <message>' (1002 session not found, 2001 no credits, 4001
unsupported file, 4002 file too large).
"""

SessionId = Annotated[str, Field(description="id returned by create_session")]


MAX_MESSAGE = 2000   # characters of a tool error's message (a message may quote the arguments)


def tool_error(exc: ReelforgeError) -> ToolError:
    message = exc.message if len(exc.message) <= MAX_MESSAGE else exc.message[:MAX_MESSAGE] + "…"
    return ToolError(f"error {error_code(exc)}: {message}")


async def _call(fn: Callable[..., Any], *args: Any) -> Any:
    """Run a blocking backend call in a worker thread; library errors become tool errors."""
    try:
        return await anyio.to_thread.run_sync(lambda: fn(*args))
    except ReelforgeError as exc:
        raise tool_error(exc) from exc
    except Exception as exc:
        raise unexpected(exc) from exc


def unexpected(exc: Exception) -> ToolError:
    """A bug or an environment problem: logged with its traceback; the reply names its kind, not its
    text (which may hold a path or a query of this machine: a remote client's rule is no leak)."""
    log.exception("tool failed", exc_info=exc)
    return ToolError(f"error 5000: internal error ({type(exc).__name__}; the details are in the server's log)")


async def _with_progress(ctx: Context | None, fn: Callable[[Callable[[float, str], None]], Any],
                         label: str) -> Any:
    """Run ``fn(progress)`` in a thread, forwarding its progress as MCP progress notifications."""
    latest: dict[str, Any] = {"fraction": 0.0, "message": label}
    sent = -1.0

    def progress(fraction: float, message: str = label) -> None:
        latest["fraction"], latest["message"] = fraction, message

    result: dict[str, Any] = {}

    async def worker() -> None:
        try:
            result["value"] = await anyio.to_thread.run_sync(lambda: fn(progress))
        except BaseException as exc:  # re-raised below, outside the task group
            result["error"] = exc
        finally:
            tg.cancel_scope.cancel()

    async with anyio.create_task_group() as tg:
        tg.start_soon(worker)
        while True:
            f = latest["fraction"]
            if ctx is not None and f - sent >= 0.01:
                sent = f
                await ctx.report_progress(round(f * 100, 1), 100, latest["message"])
            await anyio.sleep(0.3)
    if "error" in result:
        exc = result["error"]
        if isinstance(exc, ReelforgeError):
            raise tool_error(exc) from exc
        if isinstance(exc, Exception):
            raise unexpected(exc) from exc
        raise exc
    if ctx is not None:
        await ctx.report_progress(100, 100, f"{label}: done")
    return result["value"]


def _bad_arguments(tool: str, exc: ValidationError) -> str:
    """One plain sentence for arguments that fail the tool's schema (code 1), instead of the
    SDK's raw pydantic text."""
    parts = []
    for err in exc.errors()[:3]:
        field = ".".join(str(p) for p in err["loc"]) or "arguments"
        if err["type"] == "missing":
            parts.append(f"{field} is missing")
        elif err["type"] in ("string_too_short", "too_short"):
            parts.append(f"{field} is empty")
        else:
            got = repr(err.get("input"))
            parts.append(f"{field}: {err['msg']} (got {got[:60] + '…' if len(got) > 60 else got})")
    return f"error 1: {tool}: {'; '.join(parts)}"


class ReelforgeMCPServer(MCPServer):
    """MCPServer whose tool errors read ``error <code>: <message>`` as docs/mcp.md promises:
    argument validation becomes code 1 in one sentence, and the SDK's ``Error executing tool
    <name>:`` prefix is taken off the errors the tools raise on purpose."""

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Context | None = None) -> Any:
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(cause, ValidationError):
                raise ToolError(_bad_arguments(name, cause)) from cause
            if type(exc) is ToolError and isinstance(cause, ToolError) and str(cause).startswith("error "):
                raise ToolError(str(cause)) from cause
            raise

    async def read_resource(self, uri: Any, context: Context | None = None) -> Any:
        """As the SDK's, but an unknown or failing URI is quoted cut (`errors.shown`): the SDK's
        "Unknown resource: <uri>" echoed a 20,000-character URI back whole."""
        try:
            return await super().read_resource(uri, context)
        except UnexpectedResourceError as exc:
            raise UnexpectedResourceError(f"Error reading resource {shown(uri, 200)}") from exc.__cause__
        except ResourceNotFoundError as exc:
            if str(exc).startswith("Unknown resource"):
                raise ResourceNotFoundError(f"Unknown resource: {shown(uri, 200)}") from None
            raise


def _http_request(ctx: Context | None):
    """The HTTP request behind a tool call, or None (stdio, or outside a request)."""
    try:
        return ctx.request_context.request if ctx is not None else None
    except ValueError:
        return None


def _service_token(ctx: Context | None) -> str | None:
    """The caller's service token, when it authenticated with one (remote mode over HTTP)."""
    from reelforge.mcp.auth import SERVICE_CLIENT

    scope = getattr(_http_request(ctx), "scope", None)
    user = scope.get("user") if isinstance(scope, dict) else None
    access = getattr(user, "access_token", None)
    if access is not None and access.client_id == SERVICE_CLIENT:
        return access.token
    return None


def _request_base(ctx: Context | None) -> str | None:
    """The base URL the caller reached this server at (for download links), or None."""
    base = getattr(_http_request(ctx), "base_url", None)
    return str(base).rstrip("/") if base is not None else None


FILES_HELP = ("Over stdio files are named by local path; over HTTP never by a server path but by "
              "download_url / caption_urls / transcript_urls (send the same bearer token) and by "
              "resource_link blocks (read them with resources/read).")
TRANSCRIPT_WAIT = 300.0   # seconds export(wait=true) waits after the MP4 for its transcript files


def build_server(backend: Backend, *, token_verifier: Any = None, auth: Any = None) -> MCPServer:
    """An MCPServer exposing reelforge's tools and resources over ``backend``.

    With ``token_verifier``/``auth`` (MCP over HTTP, `reelforge.mcp.auth`) every request needs a
    bearer token; a caller holding a service token acts as that service account."""
    mcp = ReelforgeMCPServer(name="reelforge", title="reelforge video maker", instructions=INSTRUCTIONS,
                    version=_version(), log_level="WARNING", token_verifier=token_verifier, auth=auth)

    def of(ctx: Context | None) -> Backend:
        token = _service_token(ctx)
        if token is not None and hasattr(backend, "for_caller"):   # inside `reelforge serve`
            return backend.for_caller(token, _request_base(ctx))
        if token is not None and hasattr(backend, "for_token"):
            return backend.for_token(token)
        if getattr(backend, "links_here", False):   # `reelforge mcp --http`, embedded
            return backend.with_base(_request_base(ctx))
        return backend

    @mcp.tool(description="Start a new editing session (its own media library, timeline and history). "
                          "Returns session_id for the other tools.")
    async def create_session(
        ctx: Context,
        name: Annotated[str | None, Field(description="optional label for people (at most 200 characters, as "
                                                       "over HTTP)", max_length=200)] = None,
    ) -> dict[str, Any]:
        return await _call(of(ctx).create_session, name)

    @mcp.tool(description="List the sessions this server knows, newest first.")
    async def list_sessions(ctx: Context) -> dict[str, Any]:
        return {"sessions": await _call(of(ctx).list_sessions)}

    @mcp.tool(description="Delete a session for good: its media, timeline and history, its previews and "
                          "exports (files, captions, transcripts) and the cached render pieces no other "
                          "render uses. A preview or export still queued or rendering is discarded and "
                          "its frozen credits come back. The same as HTTP DELETE /v1/sessions/{id}.")
    async def delete_session(ctx: Context, session_id: SessionId) -> dict[str, Any]:
        return await _call(of(ctx).delete_session, session_id)

    @mcp.tool(description="Add media to a session's library: local file paths or http(s) URLs of "
                          "images (jpg, png, gif, webp), clips (mp4, mov, avi, webm, mkv) and audio "
                          "(mp3, wav, m4a, aac). Files are probed by content; all or nothing.")
    async def add_assets(
        ctx: Context,
        session_id: SessionId,
        sources: Annotated[list[str], Field(description="absolute file paths or http(s) URLs, in the order to use them",
                                            min_length=1)],
    ) -> dict[str, Any]:
        return await _call(of(ctx).add_assets, session_id, list(sources))

    @mcp.tool(description="Send a plain-language instruction (English or Chinese). The first one "
                          "composes a timeline from the session's media (e.g. 'combine these images and "
                          "audio into a 30-second promotional video with text overlays'); later ones edit "
                          "it ('make it vertical for TikTok', 'lower the music to 35%', 'undo'). Returns "
                          "the reply and the one-glance timeline summary.")
    async def instruct(
        ctx: Context,
        session_id: SessionId,
        instruction: Annotated[str, Field(description="what to make or change", min_length=1,
                                          max_length=MAX_INSTRUCTION_CHARS)],
    ) -> dict[str, Any]:
        if not instruction.strip():
            raise ToolError("error 1: instruct: instruction is empty: say what to make or change, "
                            "e.g. 'a 30-second promo with text overlays' or 'make it vertical'")
        reply = await _call(of(ctx).instruct, session_id, instruction)
        hint = {"export": "call the export tool to render the MP4",
                "credits": "call get_credits for the balance",
                "state": "call get_state for the details",
                "upload": "call add_assets with file paths or URLs"}.get(str(reply.get("intent")))
        if isinstance(reply.get("export"), dict):
            hint = "the service started this export: poll export_status with its job_id"
        if hint:
            reply["hint"] = hint
        return reply

    @mcp.tool(description="The session's current state: summary, media library, compact draft "
                          "timeline (and the full timeline JSON when include_timeline is true).")
    async def get_state(
        ctx: Context,
        session_id: SessionId,
        include_timeline: Annotated[bool, Field(description="also return the full timeline JSON")] = False,
    ) -> dict[str, Any]:
        state = await _call(of(ctx).get_state, session_id)
        if not include_timeline:
            state.pop("timeline", None)
        return state

    @mcp.tool(description="Render a quick low-resolution preview MP4 of the current timeline; "
                          "returns its local path (over HTTP: download_url and a resource link). Reports progress. "
                          "Over HTTP it also plays while it renders: live_url is a fragmented MP4 that grows "
                          "as it is rendered (rendered_ms: how much of it plays so far); with wait=false the "
                          "result comes at once with job_id and live_url: poll export_status. Embedded over stdio "
                          "there is no live_url: the preview is the local file at path when done.")
    async def preview(
        session_id: SessionId,
        ctx: Context,
        wait: Annotated[bool, Field(description="wait for the render to finish")] = True,
    ) -> dict[str, Any]:
        caller = of(ctx)
        if not wait:
            job = await _call(caller.start_preview, session_id)
            return {**job, "hint": "poll export_status with this job_id until status is completed"
                                   + ("; live_url plays as it renders" if job.get("live_url") else "")}
        if not hasattr(caller, "finish_preview"):   # a backend that only waits in a thread
            result = await _with_progress(ctx, lambda p: caller.preview(session_id, p), "preview")
            return files.with_links(result, enabled=hasattr(caller, "core"))
        # wait here, between polls, not in a worker thread: a queued preview can wait long, and
        # the threads are shared with every HTTP route of the service
        from reelforge.mcp.backend import playable_note

        job = await _call(caller.start_preview, session_id)
        limit = preview_wait_seconds(caller)
        deadline = anyio.current_time() + limit
        sent = -1.0
        while True:
            view = await _call(caller.preview_view, job["job_id"])
            if view["status"] in ("completed", "failed"):
                break
            if anyio.current_time() >= deadline:   # the same bound as HTTP ?wait=
                raise tool_error(preview_wait_expired(job["job_id"], view.get("stage") or view["status"], limit))
            fraction = float(view.get("progress") or 0.0) / 100
            if ctx is not None and fraction - sent >= 0.01:
                sent = fraction
                await ctx.report_progress(round(fraction * 100, 1), 100, playable_note(
                    f"preview {view['stage']}", view.get("rendered_ms"), view.get("duration_ms"),
                    job.get("live_url")))
            await anyio.sleep(0.3)
        result = await _call(caller.finish_preview, session_id, view)
        if ctx is not None:
            await ctx.report_progress(100, 100, "preview: done")
        return files.with_links(result, enabled=hasattr(caller, "core"))

    @mcp.tool(description="Render the final MP4 (H.264 + AAC). preset: " + PRESET_HELP +
                          "; omitted keeps the timeline's frame. quality: draft | standard | high. "
                          "With wait=true (default) it reports progress and returns the MP4 when done (and "
                          "captions: SRT and WebVTT of its on-screen captions; transcript: SRT and WebVTT of "
                          "what the voiceover says, when it has one); with wait=false it returns a job_id at "
                          "once: poll export_status. " + FILES_HELP)
    async def export(
        session_id: SessionId,
        ctx: Context,
        preset: Annotated[str | None, Field(description=PRESET_HELP)] = None,
        quality: Annotated[Literal["draft", "standard", "high"], Field(description="render quality")] = "standard",
        wait: Annotated[bool, Field(description="wait for the render to finish")] = True,
        output_path: Annotated[str | None, Field(description="where to write the MP4 (default: the data dir)")] = None,
    ) -> dict[str, Any]:
        caller = of(ctx)
        job = await _call(caller.start_export, session_id, preset, quality, output_path)
        if not wait:
            return {**job, "hint": "poll export_status with this job_id until status is completed"}
        job_id = job["job_id"]
        sent = -1.0
        finished = None
        while True:
            status = await _call(caller.export_status, job_id)
            fraction = float(status.get("progress") or 0.0)
            if fraction - sent >= 0.01:
                sent = fraction
                await ctx.report_progress(round(fraction * 100, 1), 100, f"export {status['status']}")
            if status["status"] == "completed":
                # the voiceover's transcript is made right after the render: wait for it (bounded)
                if (status.get("transcript") or {}).get("status") != "pending":
                    return files.with_links(status, enabled=hasattr(caller, "core"))
                finished = finished or anyio.current_time()
                if anyio.current_time() - finished > TRANSCRIPT_WAIT:
                    return files.with_links(status, enabled=hasattr(caller, "core"))
            if status["status"] in ("failed", "cancelled"):
                err = status.get("error") or {}
                raise ToolError(f"error {err.get('code', 5001)}: {err.get('message', 'the export failed')}")
            await anyio.sleep(0.5)

    @mcp.tool(description="Status of an export job: status (queued | running | completed | failed), "
                          "progress 0..1, and the MP4 when completed (with captions: its SRT and WebVTT "
                          "files, when it has on-screen captions; transcript: the voiceover's, with its "
                          "status). " + FILES_HELP)
    async def export_status(
        ctx: Context,
        job_id: Annotated[str, Field(description="job_id returned by export(wait=false)")],
    ) -> dict[str, Any]:
        caller = of(ctx)
        return files.with_links(await _call(caller.export_status, job_id), enabled=hasattr(caller, "core"))

    @mcp.tool(description="The session's current timeline as a file for a video editor: 'otio' "
                          "(OpenTimelineIO), 'xml' (Final Cut Pro 7 XML: Premiere Pro, DaVinci Resolve), "
                          "'fcpxml' (Final Cut Pro X) or 'edl' (CMX 3600). Media are referenced by their "
                          "file names (relink them to the originals in the editor). Returns the file's text; "
                          "over stdio output_path also writes it there.")
    async def export_timeline(
        ctx: Context,
        session_id: SessionId,
        format: Annotated[Literal["otio", "xml", "fcpxml", "edl"], Field(description="file format")] = "otio",  # noqa: A002
        output_path: Annotated[str | None, Field(description="where to write it (stdio only)")] = None,
    ) -> dict[str, Any]:
        caller = of(ctx)
        if output_path is not None:
            if not getattr(caller, "local_files", False):
                raise ToolError("error 1: export_timeline: output_path is accepted only over stdio; "
                                "over HTTP the file's text is returned")
            if not output_path.lower().endswith("." + format):
                raise ToolError(f"error 1: export_timeline: output_path must end in .{format}")
        data = await _call(caller.export_timeline, session_id, format)
        out: dict[str, Any] = {"session_id": session_id, "format": format,
                               "filename": f"reelforge-{session_id[:8]}.{format}", "content": data.decode("utf-8")}
        if output_path is not None:
            from pathlib import Path

            target = Path(output_path).expanduser().resolve()
            try:
                await anyio.to_thread.run_sync(lambda: (target.parent.mkdir(parents=True, exist_ok=True),
                                                        target.write_bytes(data)))
            except OSError as exc:
                raise ToolError(f"error 1: export_timeline: cannot write {output_path}: {exc.strerror}") from exc
            out["path"] = str(target)
        return out

    @mcp.tool(description="Credits: available, frozen, total (embedded mode renders locally for free).")
    async def get_credits(ctx: Context) -> dict[str, Any]:
        return await _call(of(ctx).credits)

    files.register(mcp, of)   # reelforge://exports/{id}/video.mp4, captions.*, transcript.*

    @mcp.resource("reelforge://schema/timeline", name="timeline-schema", title="Timeline JSON Schema",
                  description="JSON Schema of the reelforge timeline document", mime_type="application/schema+json")
    def timeline_schema() -> str:
        from reelforge.timeline import json_schema

        return json.dumps(json_schema(), indent=2)

    @mcp.resource("reelforge://sessions/{session_id}/timeline", name="session-timeline",
                  title="Session timeline", description="The full timeline JSON of a session",
                  mime_type="application/json")
    async def session_timeline(session_id: str, ctx: Context) -> str:
        caller = of(ctx)
        try:
            return await anyio.to_thread.run_sync(lambda: caller.timeline_json(session_id))
        except NotFound as exc:
            raise ResourceNotFoundError(f"error {error_code(exc)}: {exc.message}") from exc
        except ReelforgeError as exc:
            raise ResourceError(f"error {error_code(exc)}: {exc.message}") from exc

    return mcp


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("reelforge")
    except Exception:  # pragma: no cover
        return "0"


def run(
    transport: Literal["stdio", "http"] = "stdio",
    url: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8765,
    data_dir: str | os.PathLike[str] | None = None,
    insecure_no_auth: bool = False,
) -> None:
    """Serve MCP until the client goes away (stdio) or the process is stopped (http).

    - ``transport="stdio"``: speak MCP on stdin/stdout (what MCP clients launch).
    - ``transport="http"``: streamable HTTP at ``http://host:port/mcp``; every request needs a
      bearer token (`reelforge.mcp.auth`: ``REELFORGE_MCP_KEY`` or, with ``url``, a service
      token). Refuses to start without one unless ``insecure_no_auth`` on a loopback host.
    - ``url``: drive a running ``reelforge serve`` at this base URL instead of rendering
      embedded.
    - ``data_dir``: sessions/exports (embedded) or downloads and the saved token (remote);
      default ``$REELFORGE_MCP_DATA`` or ``~/.local/share/reelforge/mcp``.
    """
    if transport not in ("stdio", "http"):
        raise ValueError(f"unknown transport {transport!r}: use 'stdio' or 'http'")
    # the settings checked before anything starts (the embedded backend renders with them)
    head_seconds = _header_seconds() if transport == "http" or url is None else None
    verifier = auth = None
    if transport == "http":
        from reelforge.mcp.auth import http_auth

        verifier, auth = http_auth(host=host, port=port, url=url, insecure=insecure_no_auth)
        if verifier is None:
            log.warning("MCP over HTTP WITHOUT authentication on %s:%s (--insecure-no-auth)", host, port)
    backend = make_backend(url=url, data_dir=data_dir, local_files=transport == "stdio")
    server = build_server(backend, token_verifier=verifier, auth=auth)
    if transport == "http" and hasattr(backend, "core"):
        # embedded over HTTP: the made files are downloaded from this server, with the same token
        files.add_download_routes(server, backend, verifier)
        backend.links_here = True
    try:
        if transport == "stdio":
            server.run("stdio")
        else:
            _serve_http(server, host, port, _header_seconds() if head_seconds is None else head_seconds)
    finally:
        backend.close()


def _header_seconds() -> float:
    """The service settings this process runs under (the embedded backend renders with them),
    checked as ``reelforge serve`` checks them: an unusable ``REELFORGE_*`` value (e.g.
    ``REELFORGE_HEADER_SECONDS=0``) stops the start with a line naming it; their head deadline."""
    from pydantic import ValidationError

    from reelforge.mcp.auth import AuthConfigError
    from reelforge.service.config import Settings, settings_problem

    try:
        return Settings().header_seconds
    except ValidationError as exc:
        raise AuthConfigError(settings_problem(exc)) from None


def _serve_http(server: MCPServer, host: str, port: int, header_seconds: float) -> None:
    """Streamable HTTP at /mcp as the SDK serves it, but with the service's deadline and size
    bound on a request's head (`reelforge.service.conn`): left to uvicorn, a connection that
    sends its headers a byte now and then, or nothing, is kept for ever (slow-loris), and a few
    thousand such connections take the port from everybody."""
    import uvicorn

    from reelforge.service.conn import protocol

    app = files.HoldReads(server.streamable_http_app(streamable_http_path="/mcp", host=host))
    uvicorn.run(app, host=host, port=port, log_level=server.settings.log_level.lower(),
                http=protocol(header_seconds))
