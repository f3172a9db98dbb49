"""``POST /run_sse`` as Google's Agent Development Kit (ADK) sees it: the request is the one
ADK's web-server client sends (its ``RunAgentRequest``, camelCase), every event parses as ADK's
own ``Event`` model, and tool calls pair with their responses by id.

ADK's ``Event`` ignores unknown keys and gives every field a default, so parsing alone proves
little: the tests also assert on the raw JSON that each field is present."""

from __future__ import annotations

import json

import pytest
from google.adk import events as adk_events
from google.adk.cli import api_server as adk_api
from google.genai import types

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token, small_files, sse, upload

pytestmark = pytest.mark.service


def turn(base: str, token: str, sid: str, text: str) -> tuple[list[dict], list]:
    """One chat turn with ADK's request body; the raw event dicts and the parsed ADK Events."""
    body = adk_api.RunAgentRequest(
        app_name="nemo_agent", user_id="me", session_id=sid, streaming=True,
        new_message=types.Content(role="user", parts=[types.Part(text=text)]),
    ).model_dump(by_alias=True, exclude_none=True, mode="json")
    assert "sessionId" in body and "newMessage" in body  # the camelCase shape ADK's client posts
    with httpx.stream("POST", f"{base}/run_sse", json=body,
                      headers=auth(token, Accept="text/event-stream")) as resp:
        assert resp.status_code == 200, resp.read()
        datas = [e["data"] for e in sse(resp) if e.get("data")]
    raw = [json.loads(d) for d in datas]
    parsed = [adk_events.Event.model_validate_json(d) for d in datas]
    for r, e in zip(raw, parsed, strict=True):
        assert "sessionId" not in r and "session_id" not in r, r  # not a field of ADK's Event
        for key in ("id", "invocationId", "author", "timestamp"):
            assert key in r, (key, r)
        assert e.id == r["id"] and e.invocation_id == r["invocationId"] and e.author == "reelforge"
    assert len({r["invocationId"] for r in raw}) == 1
    assert raw[-1].get("turnComplete") is True and parsed[-1].turn_complete is True
    return raw, parsed


def tool_steps(raw: list[dict], parsed: list) -> list[tuple[str, dict, dict]]:
    """(name, call args, response) per tool step; asserts every call is answered, by id, later
    in the stream, and every response answers an earlier call."""
    calls: dict[str, tuple[int, str, dict]] = {}
    steps = []
    for i, (r, e) in enumerate(zip(raw, parsed, strict=True)):
        for rp, part in zip((r.get("content") or {}).get("parts", []),
                            (e.content.parts if e.content else []), strict=True):
            if "functionCall" in rp:
                assert rp["functionCall"].get("id"), rp  # present in the JSON, not only a default
                fc = part.function_call
                assert fc.id == rp["functionCall"]["id"] and fc.id not in calls
                calls[fc.id] = (i, fc.name, fc.args or {})
            if "functionResponse" in rp:
                assert rp["functionResponse"].get("id"), rp
                fr = part.function_response
                assert fr.id in calls, f"response {fr.name} without an earlier call of that id"
                at, name, args = calls.pop(fr.id)
                assert at < i and name == fr.name
                steps.append((name, args, fr.response))
    assert not calls, f"calls without a response: {calls}"
    return steps


def test_run_sse_events_are_adk_events_with_paired_tool_calls(main_server, media_dir):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201

    # 1. the first cut: its edit_timeline call carries what was done, not "ops: []"
    raw, parsed = turn(base, token, sid, "make a 6-second 720p video with the title 'Hello'")
    steps = tool_steps(raw, parsed)
    assert [s[0] for s in steps] == ["edit_timeline"]
    _, args, response = steps[0]
    assert response["changed"] is True
    assert args["ops"], args
    assert args["ops"][0]["op"] == "compose" and "6-second" in args["instruction"]
    final = parsed[-1]
    assert final.actions.state_delta["draft"]["d"] == 6000
    assert "Hello" in final.content.parts[0].text or final.content.parts[0].text

    # 2. an edit: the call names its ops
    raw, parsed = turn(base, token, sid, "music to 20%")
    (name, args, response), = tool_steps(raw, parsed)
    assert name == "edit_timeline" and response["changed"] is True
    assert [o["op"] for o in args["ops"]] == ["set_volume"]

    # 3. undo: a change without edit ops still says what it was
    raw, parsed = turn(base, token, sid, "undo")
    (name, args, response), = tool_steps(raw, parsed)
    assert response["changed"] is True and args["ops"] == [{"op": "undo", "instruction": "undo"}]

    # 4. export: a functionCall named export comes before its functionResponse, paired by id
    raw, parsed = turn(base, token, sid, "export")
    steps = tool_steps(raw, parsed)
    assert [s[0] for s in steps] == ["edit_timeline", "export"]
    export = steps[1][2]
    assert export.get("id") and export.get("status") in ("queued", "running", "completed"), export

    # 5. what the export asks for is done, not dropped: "at 60fps" is an edit before it, "in high
    # quality" its quality (both exported 30 fps standard before, silently)
    raw, parsed = turn(base, token, sid, "export at 60fps in high quality")
    steps = tool_steps(raw, parsed)
    assert [s[0] for s in steps] == ["edit_timeline", "export"], steps
    assert [o["op"] for o in steps[0][1]["ops"]] == ["set_frame"] and steps[0][1]["ops"][0]["fps"] == 60
    assert steps[1][1] == {"quality": "high"} and steps[1][2]["quality"] == "high", steps[1]

    # text parts stream as partial events; the final event repeats the whole reply
    partial = "".join(p.text for e in parsed if e.partial for p in e.content.parts if p.text)
    assert partial == parsed[-1].content.parts[0].text


def test_an_instruction_that_changes_nothing_says_so_consistently(main_server, media_dir):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    turn(base, token, sid, "make a 5-second video")
    raw, parsed = turn(base, token, sid, "sing me a lullaby about turtles")
    (name, args, response), = tool_steps(raw, parsed)
    assert name == "edit_timeline" and response["changed"] is False and args["ops"] == []
    assert parsed[-1].content.parts[0].text
