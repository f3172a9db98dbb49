"""Compatibility routes (DESIGN.md "Compatibility routes"): the paths and field names an
agent written for the hosted service uses, served by the same handlers as /v1.

Envelope (decided, uniform): success is ``{"code": 0, "message": "success", "data": {...}}``;
errors are the same ``{"code", "message"}`` bodies as /v1 (HTTP status per the error table).
``POST /run_sse`` streams data-only JSON events shaped like agent-runner events
(``content.parts[].text``, ``functionCall``/``functionResponse``, ``partial``, final
``turnComplete: true``), heartbeats as SSE comments.
Render status on ``GET /api/render/proxy/lambda/<id>``: ``status`` is the stage
(queued | rendering | finalizing | completed | failed); ``download_url`` (also ``url``) once completed.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request
from sse_starlette import EventSourceResponse

from reelforge.service import api_v1
from reelforge.service.api_v1 import Ctx, Who, base_url, skill_headers
from reelforge.service.auth import Principal, client_ip, current
from reelforge.service.errors import BadRequest
from reelforge.service.schemas import (
    ADK_EVENTS,
    AUTHED,
    BODY,
    UPLOAD_BODY,
    CompatRender,
    CompatRenderIn,
    CompatSession,
    CompatSessionIn,
    CompatState,
    CompatToken,
    Credits,
    Envelope,
    RunSseIn,
    UploadOut,
    errors,
)

router = APIRouter(tags=["compatibility"])


def ok(data: Any) -> dict:
    return {"code": 0, "message": "success", "data": data}


@router.post("/api/auth/anonymous-token", response_model=Envelope[CompatToken],
             responses=errors(400, 429))
def anonymous_token(ctx: Ctx, request: Request,
                    x_client_id: Annotated[str | None, Header()] = None) -> dict:
    data = api_v1.do_token(ctx, x_client_id, client_ip(request))
    return ok({"token": data["token"], "access_token": data["token"],
               "expires_at": data["expires_at"], "credits": data["credits"]})


@router.post("/api/tasks/me/with-session/nemo_agent", response_model=Envelope[CompatSession],
             responses=errors(*AUTHED, *BODY))
def create_session(ctx: Ctx, who: Who, request: Request,
                   body: Annotated[CompatSessionIn | None, Body()] = None) -> dict:
    body = body or CompatSessionIn()
    row = api_v1.do_create_session(ctx, who, body.task_name or "project", body.language or "en",
                                   skill_headers(request))
    return ok({"session_id": row["id"], "task_id": row["id"], "task_name": row["name"],
               "language": row["language"]})


@router.post("/run_sse", response_class=EventSourceResponse,
             responses={**ADK_EVENTS, **errors(400, *AUTHED, 404, 429, *BODY)})
def run_sse(ctx: Ctx, request: Request, who: Annotated[Principal, Depends(current)],
            body: RunSseIn) -> EventSourceResponse:
    sid = body.sid()
    if not sid:
        raise BadRequest("session_id is required")
    text = body.text()
    if not text:
        raise BadRequest("new_message.parts[0].text is required")
    return api_v1.chat_stream(ctx, who, sid, text, request, "adk")


@router.post("/api/upload-video/nemo_agent/me/{session_id}", response_model=Envelope[UploadOut],
             responses=errors(400, *AUTHED, 404, 409, 413, 415, 422, 429), openapi_extra=UPLOAD_BODY)
async def upload(ctx: Ctx, who: Who, session_id: str, request: Request) -> dict:
    return ok(await api_v1.do_upload(ctx, who, session_id, request))


@router.get("/api/credits/balance/simple", response_model=Envelope[Credits], responses=errors(*AUTHED))
def credits(ctx: Ctx, who: Who) -> dict:
    return ok(api_v1.do_credits(ctx, who))


@router.get("/api/state/nemo_agent/me/{session_id}/latest", response_model=Envelope[CompatState],
            responses=errors(*AUTHED, 404))
def state(ctx: Ctx, who: Who, session_id: str) -> dict:
    st = api_v1.do_state(ctx, who, session_id)
    return ok({"session_id": session_id, "draft": st["draft"], "media": st["media"],
               "media_info": st["media"], "summary": st["summary"], "version": st["version"]})


@router.post("/api/render/proxy/lambda", status_code=202, response_model=Envelope[CompatRender],
             responses=errors(400, *AUTHED, 402, 404, *BODY))
def render(ctx: Ctx, who: Who, request: Request, body: CompatRenderIn) -> dict:
    sid = body.sid()
    if not sid:
        raise BadRequest("session_id is required")
    draft = body.the_draft()
    if isinstance(draft, str):
        try:
            draft = json.loads(draft)  # within the body limit, so within the depth limit too
        except (ValueError, RecursionError):
            raise BadRequest("draft is not valid JSON") from None
        if not isinstance(draft, dict):
            raise BadRequest("draft must be a JSON object")
    view = api_v1.do_export(ctx, who, sid, base_url(ctx, request),
                            preset=body.preset or body.aspect, quality=body.quality or "standard",
                            draft=draft, client_ref=body.ref(), callback_url=body.callback())
    return ok(_render_view(view))


@router.get("/api/render/proxy/lambda/{render_id}", response_model=Envelope[CompatRender],
            responses=errors(*AUTHED, 404))
def render_status(ctx: Ctx, who: Who, render_id: str, request: Request) -> dict:
    return ok(_render_view(api_v1.do_export_status(ctx, who, render_id, base_url(ctx, request))))


def _render_view(view: dict) -> dict:
    return {"id": view["render_id"], "render_id": view["render_id"], "export_id": view["id"],
            "status": view["stage"], "progress": view["progress"], "error": view["error"],
            "cost": view["cost"], "download_url": view["download_url"], "url": view["download_url"],
            "width": view["width"], "height": view["height"], "duration_ms": view["duration_ms"],
            "captions": view["captions"], "transcript": view["transcript"], "webhook": view["webhook"],
            "chunks": view["chunks"], "chunks_reused": view["chunks_reused"]}
