"""Never a 500, for bodies generated from the published schemas (hypothesis-jsonschema over the
draft and request-body JSON Schemas, plus the same with parts replaced by any JSON), sent to a
real server (no worker: nothing renders). Every refusal is a 4xx ``{"code", "message"}``."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from reelforge.service.schemas import (
    DRAFT_SCHEMA,
    ChatIn,
    CompatRenderIn,
    CompatSessionIn,
    ExportIn,
    RunSseIn,
    SessionIn,
    inline_refs,
)

from .. import _http as httpx
from .conftest import auth, new_session, new_token, small_files, start_server, upload

pytestmark = pytest.mark.service

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)
FUZZ = settings(max_examples=25, deadline=None, database=None, phases=[Phase.generate],
                suppress_health_check=list(HealthCheck))


def schema_of(model) -> dict:
    return inline_refs(model.model_json_schema())


def bodies(schema: dict) -> st.SearchStrategy:
    """Valid bodies, the same with one key replaced by anything, and anything."""
    valid = from_schema(schema)
    keys = st.sampled_from(sorted(schema.get("properties", {})) or ["x"])
    return st.one_of(valid, st.builds(lambda b, k, v: {**b, k: v}, valid, keys, JSON), JSON)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory, media_dir):
    srv = start_server(tmp_path_factory.mktemp("srv"), "fuzz", worker=False,
                       REELFORGE_STARTER_CREDITS="1000000")
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    assert upload(srv.url, token, sid, small_files(media_dir)[:2]).status_code == 201
    yield srv, token, sid
    srv.stop()


def never_500(base: str, token: str, path: str, body, stream: bool = False) -> None:
    if stream:
        with httpx.stream("POST", base + path, json=body, headers=auth(token)) as r:
            status = r.status_code
            text = r.read().decode() if status >= 400 else ""
    else:
        r = httpx.post(base + path, json=body, headers=auth(token))
        status, text = r.status_code, r.text
    assert status < 500, (path, body, text)
    if status >= 400:
        import json

        err = json.loads(text)
        assert set(err) == {"code", "message"} and err["message"], (path, body, text)


def test_generated_drafts_on_both_export_routes(fuzz_server):
    srv, token, sid = fuzz_server
    drafts = bodies(DRAFT_SCHEMA)

    @FUZZ
    @given(drafts)
    def run(draft):
        never_500(srv.url, token, f"/v1/sessions/{sid}/exports", {"draft": draft})
        never_500(srv.url, token, "/api/render/proxy/lambda", {"session_id": sid, "draft": draft})

    run()


@pytest.mark.parametrize("model, path, stream", [
    (ExportIn, "/v1/sessions/{sid}/exports", False),
    (CompatRenderIn, "/api/render/proxy/lambda", False),
    (SessionIn, "/v1/sessions", False),
    (CompatSessionIn, "/api/tasks/me/with-session/nemo_agent", False),
    (ChatIn, "/v1/sessions/{sid}/chat", True),
    (RunSseIn, "/run_sse", True),
], ids=lambda v: getattr(v, "__name__", None) if isinstance(v, type) else None)
def test_generated_request_bodies(fuzz_server, model, path, stream):
    srv, token, sid = fuzz_server
    schema = schema_of(model)

    @FUZZ
    @given(bodies(schema))
    def run(body):
        if model is CompatRenderIn and isinstance(body, dict) and not (body.get("session_id") or body.get("sessionId")):
            body = {**body, "session_id": sid}  # reach the draft checks more often
        never_500(srv.url, token, path.format(sid=sid), body, stream)

    run()
