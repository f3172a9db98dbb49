"""The /v1 API. The handler functions here (``do_*``) are the only implementation: the
compatibility routes in `compat` call the same functions and only re-shape the answer."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Header, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from reelforge.errors import NotFound
from reelforge.service import auth, chat, quotas, renders, uploads
from reelforge.service.auth import Principal
from reelforge.service.bodies import read_json
from reelforge.service.context import Context, get_ctx
from reelforge.service.core import check_instruction, core_of
from reelforge.service.downloads import MediaFile
from reelforge.service.errors import BadRequest
from reelforge.service.projects import LIST_DEFAULT, LIST_MAX
from reelforge.service.schemas import (
    AUTHED,
    BODY,
    CHAT_EVENTS,
    EXPORT_EVENTS,
    UPLOAD_BODY,
    ChatIn,
    Credits,
    ExportIn,
    ExportList,
    ExportView,
    HistoryOut,
    PreviewIn,
    SessionDetail,
    SessionIn,
    SessionList,
    SessionOut,
    StateOut,
    TokenOut,
    UploadOut,
    errors,
)

router = APIRouter(prefix="/v1", tags=["v1"])
files_router = APIRouter(tags=["files"])

Ctx = Annotated[Context, Depends(get_ctx)]
Who = Annotated[Principal, Depends(auth.current)]
StreamWho = Annotated[Principal, Depends(auth.current_for_stream)]  # also ?access_token= (GET streams)
MP4 = {200: {"description": "the MP4 file", "content": {"video/mp4": {"schema": {"type": "string", "format": "binary"}}}}}


# -- shared helpers ---------------------------------------------------------------------

def skill_headers(request: Request) -> dict[str, str | None]:
    """X-Skill-Source / -Version / -Platform attribution headers: recorded, never required."""
    h = request.headers
    return {"source": h.get("x-skill-source"), "version": h.get("x-skill-version"),
            "platform": h.get("x-skill-platform")}


def base_url(ctx: Context, request: Request) -> str:
    if ctx.settings.public_base_url:
        return ctx.settings.public_base_url.rstrip("/")
    return str(request.base_url).rstrip("/")


# -- handlers (shared with compat) ------------------------------------------------------

def do_token(ctx: Context, client_id: str | None, ip: str | None = None) -> dict:
    return core_of(ctx).anonymous_token(client_id, ip)


def do_create_session(ctx: Context, who: Principal, name: str, language: str,
                      skill: dict[str, str | None]) -> dict:
    return core_of(ctx).create_session(who, name, language, skill)


def do_credits(ctx: Context, who: Principal) -> dict:
    return core_of(ctx).credits(who)


async def do_upload(ctx: Context, who: Principal, session_id: str, request: Request) -> dict:
    """Multipart file(s) (any field name) and/or ``urls``; or JSON ``{"urls": [...]}``."""
    core = core_of(ctx)
    await run_in_threadpool(core.check_session, who, session_id)  # 1002 before reading a byte
    storage, limit = ctx.storage, ctx.settings.max_upload_bytes
    # the account's storage left (quotas): the upload stops at its first byte past it
    left = await run_in_threadpool(quotas.room, ctx, who.account_id)
    room = uploads.Room(left, lambda: quotas.full(ctx.settings))
    ctype = request.headers.get("content-type", "").lower()
    urls: list[str] = []
    received: list[uploads.Received] = []
    if ctype.startswith("multipart/form-data"):
        received, fields = await uploads.receive_multipart(request, storage, session_id, limit,
                                                             ctx.settings.form_limits, room)
        for key in ("urls", "url"):
            for value in fields.get(key, []):
                urls.extend(u for u in value.replace(",", "\n").split() if u)
    elif ctype.startswith("application/json") or not ctype:
        body = await read_json(request)
        raw = body.get("urls", body.get("url")) if isinstance(body, dict) else body
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            raise BadRequest('JSON body must be {"urls": ["https://...", ...]}')
        urls = raw
    else:
        raise BadRequest("send multipart/form-data with file(s) or JSON {\"urls\": [...]}")
    try:
        if urls:  # awaited on the fetcher's own pool: no server thread waits on the network
            received += await uploads.fetch_urls(urls, ctx.settings, storage, session_id,
                                                 uploads.Room(left - sum(r.size for r in received),
                                                              room.error))
        if not received:
            raise BadRequest("no file or URL in the request")
    except BaseException:
        uploads.remove(received)
        raise
    return await run_in_threadpool(lambda: core.add_assets(who, session_id, received,
                                                           skill=skill_headers(request)))


def do_state(ctx: Context, who: Principal, session_id: str) -> dict:
    return core_of(ctx).state(who, session_id)


def do_history(ctx: Context, who: Principal, session_id: str, op: str) -> dict:
    return core_of(ctx).history(who, session_id, op)


def do_export(ctx: Context, who: Principal, session_id: str, base: str, *, preset: str | None,
              quality: str, draft: dict | None = None, client_ref: str | None = None,
              preview: bool = False, callback_url: str | None = None) -> dict:
    return core_of(ctx).export(who, session_id, base=base, preset=preset, quality=quality, draft=draft,
                               client_ref=client_ref, preview=preview, callback_url=callback_url)


def do_export_status(ctx: Context, who: Principal, render_id: str, base: str) -> dict:
    return core_of(ctx).export_status(who, render_id, base)


def chat_stream(ctx: Context, who: Principal, session_id: str, text: str, request: Request,
                shape: str = "v1") -> EventSourceResponse:
    core_of(ctx).check_session(who, session_id)  # 1002 as a plain HTTP error, before the stream starts
    if not text or not text.strip():
        raise BadRequest("empty message")
    check_instruction(text.strip())  # /run_sse joins up to 100 parts: the limit is on the whole
    slot = core_of(ctx).instruction_slot(who)  # 429 as a plain HTTP error, before the stream starts
    source = chat.events(ctx, who, session_id, text.strip(), skill_headers(request),
                         base_url(ctx, request), slot)
    body = chat.v1_events(source) if shape == "v1" else chat.adk_events(source, session_id)
    return EventSourceResponse(body, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def export_events(ctx: Context, who: Principal, render_id: str, base: str, slot=None):
    try:
        async for event in _export_events(ctx, who, render_id, base):
            yield event
    finally:
        if slot is not None:
            slot.release()


async def _export_events(ctx: Context, who: Principal, render_id: str, base: str):
    row = await run_in_threadpool(renders.get, ctx, who, render_id)
    last = None
    beat = asyncio.get_running_loop().time()
    limit = ctx.settings.max_stream_seconds
    end = beat + limit   # a client cannot hold a stream (and its slot) open for ever
    while True:
        row = await run_in_threadpool(renders.get, ctx, who, row.id)
        view = renders.view(row, base, ctx)
        key = (view["status"], view["stage"], view["progress"], view["rendered_ms"])
        if key != last:
            last = key
            yield ServerSentEvent(data=json.dumps(view), event="progress")
            beat = asyncio.get_running_loop().time()
        if row.status in ("completed", "failed"):
            yield ServerSentEvent(data=json.dumps(view), event="done")
            return
        if asyncio.get_running_loop().time() >= end:
            yield ServerSentEvent(comment=f"this stream stays open at most {limit:g} s "
                                          "(REELFORGE_MAX_STREAM_SECONDS); the export goes on: open the "
                                          "stream again or poll the status URL")
            yield ServerSentEvent(data=json.dumps(view), event="expired")
            return
        if asyncio.get_running_loop().time() - beat >= ctx.settings.heartbeat_seconds:
            yield ServerSentEvent(comment="heartbeat")
            beat = asyncio.get_running_loop().time()
        await asyncio.sleep(0.25)


# -- routes -----------------------------------------------------------------------------

@router.post("/auth/anonymous-token", summary="Anonymous starter token from X-Client-Id",
             response_model=TokenOut, responses=errors(400, 429))
def anonymous_token(ctx: Ctx, request: Request,
                    x_client_id: Annotated[str | None, Header()] = None) -> dict:
    return do_token(ctx, x_client_id, auth.client_ip(request))


@router.get("/credits", response_model=Credits, responses=errors(*AUTHED))
def get_credits(ctx: Ctx, who: Who) -> dict:
    return do_credits(ctx, who)


@router.post("/sessions", status_code=201, response_model=SessionOut,
             responses=errors(*AUTHED, *BODY))
def create_session(ctx: Ctx, who: Who, request: Request,
                   body: Annotated[SessionIn | None, Body()] = None) -> dict:
    body = body or SessionIn()
    return do_create_session(ctx, who, body.name, body.language, skill_headers(request))


@router.get("/sessions", response_model=SessionList, responses=errors(400, *AUTHED, 422),
            summary="The account's sessions, newest first, a page at a time")
def list_sessions(ctx: Ctx, who: Who,
                  limit: Annotated[int, Query(ge=1, le=LIST_MAX, description="sessions per page")] = LIST_DEFAULT,
                  cursor: Annotated[str | None, Query(max_length=200,
                                                      description="`next` of the previous page")] = None) -> dict:
    return core_of(ctx).list_sessions_page(who, limit, cursor)


@router.get("/sessions/{session_id}", response_model=SessionDetail, responses=errors(*AUTHED, 404))
def get_session(ctx: Ctx, who: Who, session_id: str) -> dict:
    return core_of(ctx).session(who, session_id)


@router.delete("/sessions/{session_id}", status_code=204, response_class=Response,
               summary="Delete a session: its media, its exports and previews (files too)",
               description="Frees room under the account's session and storage limits "
                           "(REELFORGE_MAX_SESSIONS_PER_ACCOUNT, REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT). "
                           "An export of it still queued or rendering never completes; its reserved "
                           "credits come back. Download links of its exports stop working.",
               responses={204: {"description": "deleted"}, **errors(*AUTHED, 404)})
def delete_session(ctx: Ctx, who: Who, session_id: str) -> Response:
    core_of(ctx).delete_session(who, session_id)
    return Response(status_code=204)


@router.post("/sessions/{session_id}/assets", status_code=201,
             summary="Upload: multipart file(s) or JSON {\"urls\": [...]}", response_model=UploadOut,
             responses=errors(400, *AUTHED, 404, 409, 413, 415, 422, 429), openapi_extra=UPLOAD_BODY)
async def upload_assets(ctx: Ctx, who: Who, session_id: str, request: Request) -> dict:
    return await do_upload(ctx, who, session_id, request)


@router.post("/sessions/{session_id}/chat", summary="Instruction in, Server-Sent Events out",
             response_class=EventSourceResponse, responses={**CHAT_EVENTS, **errors(400, *AUTHED, 404, 429, *BODY)})
def chat_route(ctx: Ctx, who: Who, session_id: str, body: ChatIn, request: Request):
    return chat_stream(ctx, who, session_id, body.text, request)


@router.get("/sessions/{session_id}/state", response_model=StateOut, responses=errors(*AUTHED, 404))
def state(ctx: Ctx, who: Who, session_id: str) -> dict:
    return do_state(ctx, who, session_id)


@router.post("/sessions/{session_id}/undo", response_model=HistoryOut,
             responses=errors(*AUTHED, 404, 409))
def undo(ctx: Ctx, who: Who, session_id: str) -> dict:
    return do_history(ctx, who, session_id, "undo")


@router.post("/sessions/{session_id}/redo", response_model=HistoryOut,
             responses=errors(*AUTHED, 404, 409))
def redo(ctx: Ctx, who: Who, session_id: str) -> dict:
    return do_history(ctx, who, session_id, "redo")


@router.post("/sessions/{session_id}/exports", status_code=202, response_model=ExportView,
             responses=errors(400, *AUTHED, 402, 404, *BODY))
def create_export(ctx: Ctx, who: Who, session_id: str, request: Request,
                  body: Annotated[ExportIn | None, Body()] = None) -> dict:
    body = body or ExportIn()
    return do_export(ctx, who, session_id, base_url(ctx, request), preset=body.preset,
                     quality=body.quality, draft=body.draft, callback_url=body.callback_url)


@router.get("/sessions/{session_id}/exports", response_model=ExportList,
            responses=errors(*AUTHED, 404))
def list_exports(ctx: Ctx, who: Who, session_id: str, request: Request) -> dict:
    return {"exports": core_of(ctx).list_exports(who, session_id, base_url(ctx, request))}


@router.post("/sessions/{session_id}/preview", status_code=202,
             summary="Free draft-quality render; ?wait=<seconds> blocks until it is ready",
             response_model=ExportView, responses=errors(400, *AUTHED, 404, *BODY, 429))
async def preview(ctx: Ctx, who: Who, session_id: str, request: Request,
                  body: Annotated[PreviewIn | None, Body()] = None,
                  wait: Annotated[float, Query(ge=0, le=300)] = 0) -> dict:
    body = body or PreviewIn()
    base = base_url(ctx, request)
    view = await run_in_threadpool(lambda: do_export(ctx, who, session_id, base, preset=body.preset,
                                                     quality="draft", preview=True))
    if wait:
        view = await wait_render(ctx, who, view["id"], min(wait, ctx.settings.preview_wait_seconds), base)
    return view


async def wait_render(ctx: Context, who: Principal, render_id: str, seconds: float, base: str) -> dict:
    """The render's view once it finishes or ``seconds`` pass. Waits on the event loop: a
    waiting request holds no server thread (they were blocked in ``time.sleep``, so 40 waiting
    previews stopped every other request, /health included, for up to 5 minutes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    row = await run_in_threadpool(renders.get, ctx, who, render_id)
    while row.status not in ("completed", "failed") and loop.time() < deadline:
        await asyncio.sleep(0.25)
        row = await run_in_threadpool(renders.get, ctx, who, render_id)
    return await run_in_threadpool(renders.view, row, base, ctx)


@router.get("/exports/{export_id}", response_model=ExportView, responses=errors(*AUTHED, 404))
def export_status(ctx: Ctx, who: Who, export_id: str, request: Request) -> dict:
    return do_export_status(ctx, who, export_id, base_url(ctx, request))


@router.get("/exports/{export_id}/events", summary="Server-Sent Events: progress, then done",
            response_class=EventSourceResponse, responses={**EXPORT_EVENTS, **errors(*AUTHED, 404, 429)})
async def export_progress(ctx: Ctx, who: StreamWho, export_id: str, request: Request):
    from reelforge.service import streams

    await run_in_threadpool(renders.get, ctx, who, export_id)
    # each open stream reads the database 4 times a second: bounded per account and in all
    slot = streams.take(ctx, "export-events", who.account_id,
                        per_account=ctx.settings.event_streams_per_account,
                        total=ctx.settings.event_streams)
    return EventSourceResponse(export_events(ctx, who, export_id, base_url(ctx, request), slot))


@router.get("/exports/{export_id}/download", response_class=FileResponse,
            responses={**MP4, **errors(*AUTHED, 404)})
def export_download(ctx: Ctx, who: Who, export_id: str):
    return _file(renders.get(ctx, who, export_id))


@files_router.get("/files/{key}.mp4", summary="Unguessable download URL of a finished render",
                  response_class=FileResponse, responses={**MP4, **errors(404)})
def file_by_key(ctx: Ctx, key: str):
    row = renders.by_key(ctx, key)
    if row is None:
        raise NotFound("file not found")
    return _file(row)


LIVE = {200: {"description": "fragmented MP4, sent as it is rendered (chunked; no length)",
               "content": {"video/mp4": {"schema": {"type": "string", "format": "binary"}}}}}


@router.get("/exports/{export_id}/live.mp4", summary="A preview as it renders: fragmented MP4, streamed",
            response_class=StreamingResponse, responses={**LIVE, **errors(*AUTHED, 404, 429)})
async def export_live(ctx: Ctx, who: StreamWho, export_id: str):
    return await _live(ctx, await run_in_threadpool(renders.get, ctx, who, export_id))


@files_router.get("/files/live/{key}.mp4", summary="Unguessable URL of a preview as it renders",
                  response_class=StreamingResponse, responses={**LIVE, **errors(404, 429)})
async def live_by_key(ctx: Ctx, key: str):
    row = await run_in_threadpool(renders.by_key, ctx, key)
    if row is None:
        raise NotFound("file not found")
    return await _live(ctx, row)


async def _live(ctx: Context, row):
    """The growing fragmented MP4 of a preview; once its fragments are swept, the finished file."""
    from reelforge.service import live

    return live.response(ctx, row, _file)


def _file(row) -> FileResponse:
    if row.status != "completed" or not row.output_path:
        raise NotFound(f"export {row.id} is not ready (status {row.status})")
    return MediaFile(row.output_path, media_type="video/mp4",
                        filename=f"reelforge-{row.id[:8]}.mp4")
