"""Chat over Server-Sent Events.

The edit runs in its own thread (not tied to the request): `core.Core.instruct` loads the session,
calls ``Session.handle(text)`` and saves it, so the edit is committed even if the client
disconnects mid-stream. The stream, meanwhile:

    event: tool     {"type": "status", "stage": "working"}            right away
    : heartbeat                                                        at once, then every
                                                                       ``heartbeat_seconds`` while working
    event: tool     {"type": "ops", "intent", "ops": [...], "changed", "version"}
    event: tool     {"type": "export", "export": {...}}                 when the instruction was "export"
    event: message  {"text": "<chunk>"}                                 the reply, a few words at a time
    event: done     {"intent", "status", "message", "summary", "changed", "version", "state": {...}}
    event: error    {"code", "message"}                                 instead of ops/message/done on failure

`adk_events` re-shapes the same stream for ``POST /run_sse`` (compatibility): data-only events
with ``content.parts[].text`` / ``functionCall`` / ``functionResponse``, ``partial`` and a final
``turnComplete: true`` event.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from sse_starlette import ServerSentEvent

from reelforge.errors import ReelforgeError
from reelforge.service.auth import Principal
from reelforge.service.context import Context
from reelforge.service.core import core_of
from reelforge.service.errors import status_and_code

log = logging.getLogger("reelforge.service.chat")


def start_edit(ctx: Context, who: Principal, session_id: str, text: str,
               skill: dict[str, str | None], base: str, slot: Any) -> concurrent.futures.Future:
    """The instruction handled in a thread of its own; ``slot`` (`Core.instruction_slot`) is
    released when it is done."""
    fut: concurrent.futures.Future = concurrent.futures.Future()

    def work() -> None:
        if not fut.set_running_or_notify_cancel():
            slot.release()
            return
        try:
            fut.set_result(core_of(ctx).instruct(who, session_id, text, skill=skill, base=base, slot=slot))
        except BaseException as exc:  # noqa: BLE001 - handed to the stream
            fut.set_exception(exc)

    threading.Thread(target=work, name=f"chat-{session_id[:8]}", daemon=True).start()
    return fut


def chunks(text: str, words: int = 4, chars: int = 12) -> list[str]:
    """Split a reply into small pieces for streaming: a few words, or a few characters of text
    without spaces (Chinese). Joined, the pieces give back the text exactly."""
    out: list[str] = []
    group: list[str] = []
    for token in re.findall(r"\S+\s*|\s+", text or ""):
        if len(token) > chars:
            if group:
                out.append("".join(group))
                group = []
            out.extend(token[i:i + chars] for i in range(0, len(token), chars))
            continue
        group.append(token)
        if len(group) == words:
            out.append("".join(group))
            group = []
    if group:
        out.append("".join(group))
    return out


async def events(ctx: Context, who: Principal, session_id: str, text: str,
                 skill: dict[str, str | None], base: str, slot: Any) -> AsyncIterator[tuple[str, Any]]:
    """Neutral events: (kind, payload) with kind in tool|heartbeat|message|done|error."""
    fut = start_edit(ctx, who, session_id, text, skill, base, slot)
    waiter = asyncio.wrap_future(fut)
    yield "tool", {"type": "status", "stage": "working", "text": text}
    yield "heartbeat", None
    interval = ctx.settings.heartbeat_seconds
    while True:
        done, _ = await asyncio.wait({waiter}, timeout=interval)
        if done:
            break
        yield "heartbeat", None
    try:
        result = waiter.result()
    except ReelforgeError as exc:
        _, code = status_and_code(exc)
        yield "error", {"code": code, "message": exc.message}
        return
    except Exception:
        log.exception("chat edit failed")
        yield "error", {"code": 5000, "message": "internal error while editing"}
        return
    yield "tool", {"type": "ops", "intent": result["intent"], "ops": result["ops"],
                   "changed": result["changed"], "version": result["version"]}
    if "export" in result:
        yield "tool", {"type": "export", "export": result["export"]}
    elif "export_error" in result:
        yield "tool", {"type": "export", "error": result["export_error"]}
    for piece in chunks(result["message"]):
        yield "message", {"text": piece}
        await asyncio.sleep(0)
    yield "done", {k: result.get(k) for k in ("intent", "status", "message", "summary", "changed",
                                              "version", "state", "export", "credits")
                   if k in result}


async def v1_events(source: AsyncIterator[tuple[str, Any]]) -> AsyncIterator[ServerSentEvent]:
    async for kind, payload in source:
        if kind == "heartbeat":
            yield ServerSentEvent(comment="heartbeat")
        else:
            yield ServerSentEvent(data=json.dumps(payload, ensure_ascii=False), event=kind)


async def adk_events(source: AsyncIterator[tuple[str, Any]], session_id: str) -> AsyncIterator[ServerSentEvent]:
    """The compatibility shape (``POST /run_sse``): data-only JSON events in the form of ADK's
    ``Event`` (camelCase keys, as ADK's web server writes them). Each tool step is a
    ``functionCall`` event followed by its ``functionResponse`` event, the two parts paired by
    the same ``id`` (ADK clients match calls and responses by id). ``session_id`` is not
    repeated in the events: ADK's Event has no such field (the client knows its session)."""
    invocation = "e-" + uuid.uuid4().hex[:12]

    def ev(**fields: Any) -> ServerSentEvent:
        body = {"id": uuid.uuid4().hex[:12], "invocationId": invocation, "author": "reelforge",
                "timestamp": time.time(), **fields}
        return ServerSentEvent(data=json.dumps(body, ensure_ascii=False))

    def tool_step(name: str, args: dict, response: dict) -> list[ServerSentEvent]:
        call_id = "adk-" + uuid.uuid4().hex
        return [ev(content={"role": "model", "parts": [{"functionCall": {
                    "id": call_id, "name": name, "args": args}}]}, partial=False),
                ev(content={"role": "user", "parts": [{"functionResponse": {
                    "id": call_id, "name": name, "response": response}}]}, partial=False)]

    instruction = ""
    async for kind, payload in source:
        if kind == "heartbeat":
            yield ServerSentEvent(comment="heartbeat")
        elif kind == "tool" and payload.get("type") == "status":
            instruction = payload.get("text", "")
        elif kind == "tool" and payload.get("type") == "ops":
            for event in tool_step("edit_timeline", {"instruction": instruction, "ops": payload["ops"]},
                                   {"changed": payload["changed"], "version": payload["version"],
                                    "intent": payload["intent"]}):
                yield event
        elif kind == "tool" and payload.get("type") == "export":
            response = payload["export"] if "export" in payload else {"error": payload["error"]}
            for event in tool_step("export", {"quality": response.get("quality", "standard")}, response):
                yield event
        elif kind == "tool":
            continue
        elif kind == "message":
            yield ev(content={"role": "model", "parts": [{"text": payload["text"]}]}, partial=True)
        elif kind == "done":
            yield ev(content={"role": "model", "parts": [{"text": payload["message"]}]},
                     partial=False, turnComplete=True,
                     actions={"stateDelta": {"summary": payload.get("summary"),
                                             "draft": (payload.get("state") or {}).get("draft"),
                                             "version": payload.get("version")}})
        elif kind == "error":
            yield ev(errorCode=str(payload["code"]), errorMessage=payload["message"],
                     code=payload["code"], message=payload["message"], turnComplete=True)
