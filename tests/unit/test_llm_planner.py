"""The optional LLM planner against a real tiny OpenAI-compatible HTTP server on 127.0.0.1.

The server is started in the test (a thread running `http.server`): real HTTP, no mocked
client. It serves a valid tool call, invalid ops, a 500, a plain-text answer; the planner must
use valid ops and otherwise fall back to the rule planner and say so.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reelforge.planner import llm
from reelforge.planner.ops import SetFrame, dump_ops

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def tool_reply(args) -> dict:
    return {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
        "role": "assistant", "content": None,
        "tool_calls": [{"id": "c1", "type": "function",
                        "function": {"name": "edit_timeline", "arguments": json.dumps(args)}}]}}]}


class FakeModel:
    def __init__(self):
        self.mode = "valid"
        self.requests: list[tuple[dict, dict]] = []

    def answer(self) -> tuple[int, dict | str]:
        if self.mode == "valid":
            return 200, tool_reply({"ops": [{"op": "set_frame", "aspect": "1:1"}]})
        if self.mode == "duration":
            return 200, tool_reply({"ops": [{"op": "set_segment_duration", "target": {"index": 1, "kind": "image"},
                                             "duration_ms": 4000}]})
        if self.mode == "ai":
            return 200, tool_reply({"ops": [{"op": "set_frame", "aspect": "9:16"}, {"op": "auto_captions"}]})
        if self.mode == "invalid":
            return 200, tool_reply({"ops": [{"op": "explode", "power": 9000}]})
        if self.mode == "unappliable":
            return 200, tool_reply({"ops": [{"op": "remove_segment", "target": {"index": 40}}]})
        if self.mode == "text":
            return 200, {"choices": [{"message": {"role": "assistant", "content": "Sure! I made it square."}}]}
        if self.mode == "garbage":
            return 200, "<html>not json</html>"
        return 500, {"error": {"message": "model crashed"}}


@pytest.fixture()
def server():
    model = FakeModel()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            model.requests.append((dict(self.headers), body))
            status, payload = model.answer()
            data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    model.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    yield model
    httpd.shutdown()
    httpd.server_close()


def cfg(url: str) -> llm.LLMConfig:
    return llm.LLMConfig(base_url=url, model="tiny", api_key="sk-test", timeout=60)


def test_valid_tool_call_is_used(server):
    plan = llm.plan_edit("make it a square please", TL, library=LIBRARY, config=cfg(server.url))
    assert plan.status == "ok"
    assert list(plan.ops) == [SetFrame(aspect="1:1")]
    assert "rules" not in plan.reply
    headers, body = server.requests[-1]
    assert headers["Authorization"] == "Bearer sk-test"
    assert body["model"] == "tiny" and body["tools"][0]["function"]["name"] == "edit_timeline"
    assert body["tools"][0]["function"]["parameters"]["properties"]["ops"]["type"] == "array"
    prompt = body["messages"][-1]["content"]
    assert "make it a square please" in prompt and '"d": 30000' in prompt and "Urban Dreams" in prompt


@pytest.mark.parametrize("mode", ["invalid", "unappliable", "text", "garbage", "500"])
def test_failures_fall_back_to_rules_and_say_so(server, mode):
    server.mode = mode
    plan = llm.plan_edit("music to 20%", TL, library=LIBRARY, config=cfg(server.url))
    assert plan.status == "ok"
    assert dump_ops(plan.ops) == [{"volume": 0.2, "op": "set_volume"}]
    assert plan.reply.startswith("(LLM planner unavailable:") and "built-in rules" in plan.reply


def test_unreachable_endpoint_falls_back():
    plan = llm.plan_edit("make it vertical", TL, config=llm.LLMConfig("http://127.0.0.1:9/v1", "m", timeout=2))
    assert dump_ops(plan.ops) == [{"aspect": "9:16", "op": "set_frame"}]
    assert "could not reach" in plan.reply


def test_unconfigured_means_rules(monkeypatch):
    for key in ("REELFORGE_LLM_BASE_URL", "REELFORGE_LLM_MODEL", "REELFORGE_LLM_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    assert llm.LLMConfig.from_env() is None
    plan = llm.plan_edit("make it vertical", TL)
    assert plan.reply == "Frame 9:16."


def test_session_uses_the_configured_model(server, monkeypatch):
    from reelforge.session import Session

    monkeypatch.setenv("REELFORGE_LLM_BASE_URL", server.url)
    monkeypatch.setenv("REELFORGE_LLM_MODEL", "tiny")
    s = Session(library=LIBRARY, timeline=TL)
    reply = s.handle("square it")  # the rules do not know this phrasing; the model does
    assert reply.changed and (s.timeline.width, s.timeline.height) == (1080, 1080)
    server.mode = "500"
    reply = s.handle("music to 20%")
    assert reply.changed and "built-in rules" in reply.message


def test_ai_requests_from_the_model_are_kept_for_the_session(server):
    server.mode = "ai"
    plan = llm.plan_edit("vertical with captions", TL, library=LIBRARY, config=cfg(server.url))
    assert plan.status == "ok" and "LLM planner unavailable" not in plan.reply
    assert dump_ops(plan.ops) == [{"aspect": "9:16", "op": "set_frame"}, {"op": "auto_captions"}]


def test_the_model_is_told_the_conversation_and_the_session_remembers(server, monkeypatch):
    from reelforge.session import Session

    monkeypatch.setenv("REELFORGE_LLM_BASE_URL", server.url)
    monkeypatch.setenv("REELFORGE_LLM_MODEL", "tiny")
    server.mode = "duration"
    s = Session(library=LIBRARY, timeline=TL)
    assert s.handle("make the second image 4 seconds").changed
    first = json.loads(server.requests[-1][1]["messages"][-1]["content"].split("\n", 1)[1].rsplit("\n\nInstruction:", 1)[0])
    assert "conversation" not in first  # nothing said before
    assert s.memory["target"] == {"index": 1, "kind": "image"}  # the model's change is remembered
    s.handle("and the next one too")
    context = json.loads(server.requests[-1][1]["messages"][-1]["content"].split("\n", 1)[1].rsplit("\n\nInstruction:", 1)[0])
    talk = context["conversation"]
    assert talk["last_change"] == [{"target": {"index": 1, "kind": "image"}, "duration_ms": 4000, "op": "set_segment_duration"}]
    assert talk["last_referred_to"] == {"role": "main", "index": 1, "kind": "image"}
    assert "and the next one too" in server.requests[-1][1]["messages"][-1]["content"]
    assert "Follow-ups" in server.requests[-1][1]["messages"][0]["content"]
