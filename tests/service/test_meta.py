"""Health, OpenAPI docs, the route table."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)

pytestmark = pytest.mark.service


def test_docs_and_routes(main_server):
    base = main_server.url
    assert httpx.get(f"{base}/health").json()["status"] == "ok"
    assert httpx.get(f"{base}/docs").status_code == 200
    paths = httpx.get(f"{base}/openapi.json").json()["paths"]
    for p in ("/v1/auth/anonymous-token", "/v1/sessions", "/v1/sessions/{session_id}",
              "/v1/sessions/{session_id}/assets", "/v1/sessions/{session_id}/chat",
              "/v1/sessions/{session_id}/state", "/v1/sessions/{session_id}/undo",
              "/v1/sessions/{session_id}/redo", "/v1/credits", "/v1/sessions/{session_id}/exports",
              "/v1/sessions/{session_id}/preview", "/v1/exports/{export_id}",
              "/v1/exports/{export_id}/events", "/v1/exports/{export_id}/download",
              "/files/{key}.mp4", "/api/auth/anonymous-token",
              "/api/tasks/me/with-session/nemo_agent", "/run_sse",
              "/api/upload-video/nemo_agent/me/{session_id}", "/api/credits/balance/simple",
              "/api/state/nemo_agent/me/{session_id}/latest", "/api/render/proxy/lambda",
              "/api/render/proxy/lambda/{render_id}"):
        assert p in paths, p


def test_web_page_served_at_root_when_present(main_server):
    from pathlib import Path

    import reelforge

    index = Path(reelforge.__file__).parent / "web" / "index.html"
    if not index.is_file():
        pytest.skip("no web page in this checkout")
    r = httpx.get(main_server.url + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    # the API still wins over the static mount, and unknown paths answer JSON errors
    assert httpx.get(main_server.url + "/health").json()["status"] == "ok"
    r = httpx.get(main_server.url + "/v1/nope")
    assert r.status_code == 404 and set(r.json()) == {"code", "message"}


def test_migrations_match_models(tmp_path):
    """`alembic upgrade head` builds exactly the schema the models describe (and is re-runnable)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from reelforge.service.db import Base, Database

    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    db.upgrade()
    db.upgrade()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    db.dispose()
