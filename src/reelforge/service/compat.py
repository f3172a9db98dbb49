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

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from starlette.concurrency import run_in_threadpool

from reelforge.service import api_v1
from reelforge.service.api_v1 import Ctx, Who, base_url, read_json, skill_headers
from reelforge.service.auth import Principal, client_ip, current
from reelforge.service.errors import BadRequest

router = APIRouter(tags=["compatibility"])


def ok(data: Any) -> dict:
    return {"code": 0, "message": "success", "data": data}


def _first(body: dict, *keys: str) -> Any:
    for k in keys:
        if body.get(k) not in (None, ""):
            return body[k]
    return None


async def _body_with_session(request: Request) -> tuple[dict, Any]:
    """The JSON object body and its session id (``session_id`` or ``sessionId``); 400 without."""
    body = await read_json(request)
    if not isinstance(body, dict):
        raise BadRequest("JSON body expected")
    sid = _first(body, "session_id", "sessionId")
    if not sid:
        raise BadRequest("session_id is required")
    return body, sid


@router.post("/api/auth/anonymous-token")
def anonymous_token(ctx: Ctx, request: Request,
                    x_client_id: Annotated[str | None, Header()] = None) -> dict:
    data = api_v1.do_token(ctx, x_client_id, client_ip(request))
    return ok({"token": data["token"], "access_token": data["token"],
               "expires_at": data["expires_at"], "credits": data["credits"]})


@router.post("/api/tasks/me/with-session/nemo_agent")
async def create_session(ctx: Ctx, who: Who, request: Request) -> dict:
    body = await read_json(request)
    body = body if isinstance(body, dict) else {}
    row = await run_in_threadpool(
        api_v1.do_create_session, ctx, who, str(body.get("task_name") or "project"),
        str(body.get("language") or "en"), skill_headers(request))
    return ok({"session_id": row["id"], "task_id": row["id"], "task_name": row["name"],
               "language": row["language"]})


@router.post("/run_sse")
async def run_sse(ctx: Ctx, request: Request, who: Annotated[Principal, Depends(current)]):
    body, sid = await _body_with_session(request)
    try:
        parts = (body.get("new_message") or body.get("newMessage") or {}).get("parts") or []
        text = " ".join(str(p.get("text", "")) for p in parts if isinstance(p, dict)).strip()
    except AttributeError:
        raise BadRequest("new_message.parts[0].text is required") from None
    if not text:
        raise BadRequest("new_message.parts[0].text is required")
    return await run_in_threadpool(api_v1.chat_stream, ctx, who, str(sid), text, request, "adk")


@router.post("/api/upload-video/nemo_agent/me/{session_id}")
async def upload(ctx: Ctx, who: Who, session_id: str, request: Request) -> dict:
    return ok(await api_v1.do_upload(ctx, who, session_id, request))


@router.get("/api/credits/balance/simple")
def credits(ctx: Ctx, who: Who) -> dict:
    return ok(api_v1.do_credits(ctx, who))


@router.get("/api/state/nemo_agent/me/{session_id}/latest")
def state(ctx: Ctx, who: Who, session_id: str) -> dict:
    st = api_v1.do_state(ctx, who, session_id)
    return ok({"session_id": session_id, "draft": st["draft"], "media": st["media"],
               "media_info": st["media"], "summary": st["summary"], "version": st["version"]})


@router.post("/api/render/proxy/lambda", status_code=202)
async def render(ctx: Ctx, who: Who, request: Request) -> dict:
    body, sid = await _body_with_session(request)
    ref = _first(body, "id", "render_id", "renderId")
    if ref is not None:
        ref = str(ref)[:100]
    draft = _first(body, "draft", "draft_json", "draftJson")
    if isinstance(draft, str):
        import json

        try:
            draft = json.loads(draft)
        except ValueError:
            raise BadRequest("draft is not valid JSON") from None
    view = await run_in_threadpool(
        lambda: api_v1.do_export(ctx, who, str(sid), base_url(ctx, request),
                                 preset=_first(body, "preset", "aspect"),
                                 quality=str(body.get("quality") or "standard"),
                                 draft=draft, client_ref=ref))
    return ok(_render_view(view))


@router.get("/api/render/proxy/lambda/{render_id}")
def render_status(ctx: Ctx, who: Who, render_id: str, request: Request) -> dict:
    return ok(_render_view(api_v1.do_export_status(ctx, who, render_id, base_url(ctx, request))))


def _render_view(view: dict) -> dict:
    return {"id": view["render_id"], "render_id": view["render_id"], "export_id": view["id"],
            "status": view["stage"], "progress": view["progress"], "error": view["error"],
            "cost": view["cost"], "download_url": view["download_url"], "url": view["download_url"],
            "width": view["width"], "height": view["height"], "duration_ms": view["duration_ms"]}
