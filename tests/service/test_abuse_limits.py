"""Abuse limits on a real server: anonymous tokens per IP address, previews per account (at
once, seconds per hour) and the preview length cap. Each refusal is 429 with Retry-After."""

from __future__ import annotations

import httpx
import pytest

from .conftest import at_once, auth, session_with_cut, start_server

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory):
    """No worker (previews stay queued), tight limits."""
    srv = start_server(tmp_path_factory.mktemp("srv"), "strict", worker=False,
                       REELFORGE_ANON_TOKENS_PER_IP_PER_DAY="3", REELFORGE_PREVIEW_CONCURRENCY="2",
                       REELFORGE_PREVIEW_SECONDS_PER_HOUR="50", REELFORGE_PREVIEW_MAX_SECONDS="30")
    yield srv
    srv.stop()


def _token(base: str, client_id: str, ip: str, path: str = "/v1/auth/anonymous-token") -> httpx.Response:
    # uvicorn takes the client address from X-Forwarded-For when the peer is 127.0.0.1 (a
    # reverse proxy on this host), which lets one test speak for several addresses
    return httpx.post(base + path, headers={"X-Client-Id": client_id, "X-Forwarded-For": ip},
                      timeout=60)


def _retry_after(r: httpx.Response) -> int:
    assert r.status_code == 429 and r.json()["code"] == 429, r.text
    return int(r.headers["Retry-After"])


def test_anonymous_tokens_per_ip_address_and_per_client_id(strict_server):
    base = strict_server.url
    ids = iter(range(100))
    # 6 racing requests with fresh client ids from one address: exactly 3 get a token
    racing = at_once(6, lambda: _token(base, f"abuse-a{next(ids)}", "203.0.113.7"))
    assert sorted(r.status_code for r in racing) == [200] * 3 + [429] * 3, [r.text for r in racing]
    r = _token(base, "abuse-a-late", "203.0.113.7")  # a fresh client id, the same address
    assert 86000 < _retry_after(r) <= 86400
    assert "3 anonymous tokens per IP address per day" in r.json()["message"]
    r = _token(base, "abuse-a4", "203.0.113.7", "/api/auth/anonymous-token")  # compat route too
    assert _retry_after(r) > 86000
    # another address is not affected; a client id already served is refused for 7 days
    assert _token(base, "abuse-b0", "198.51.100.9").status_code == 200
    r = _token(base, "abuse-b0", "198.51.100.10")
    assert 7 * 86400 - 120 < _retry_after(r) <= 7 * 86400
    assert "client id" in r.json()["message"]


def test_previews_limited_per_account_and_capped_in_length(strict_server, media_dir):
    base = strict_server.url
    # account A: a 45 s cut; its preview renders the first 30 s (the cap)
    token_a, sid_a = session_with_cut(base, media_dir, "make a 45-second video")
    r = httpx.post(f"{base}/v1/sessions/{sid_a}/preview", headers=auth(token_a), timeout=60)
    assert r.status_code == 202, r.text
    assert r.json()["duration_ms"] == 30000 and r.json()["cost"] == 0
    # 30 of its 50 preview seconds this hour are used: another 30 s is refused for the hour
    r = httpx.post(f"{base}/v1/sessions/{sid_a}/preview", headers=auth(token_a), timeout=60)
    assert 3500 < _retry_after(r) <= 3600
    assert "50 seconds of preview video per hour" in r.json()["message"]
    # paid exports are not previews: still accepted
    r = httpx.post(f"{base}/v1/sessions/{sid_a}/exports", json={"quality": "draft"},
                   headers=auth(token_a), timeout=60)
    assert r.status_code == 202 and r.json()["duration_ms"] == 45000
    export_id = r.json()["id"]

    # account B: short previews, two at once at most (none finishes: no worker)
    token_b, sid_b = session_with_cut(base, media_dir, "make a 4-second video")
    for _ in range(2):
        r = httpx.post(f"{base}/v1/sessions/{sid_b}/preview", headers=auth(token_b), timeout=60)
        assert r.status_code == 202 and r.json()["duration_ms"] == 4000, r.text
    r = httpx.post(f"{base}/v1/sessions/{sid_b}/preview", headers=auth(token_b), timeout=60)
    assert 0 < _retry_after(r) <= 60
    assert "at most 2 at once" in r.json()["message"]
    kinds = [e["kind"] for e in httpx.get(f"{base}/v1/sessions/{sid_b}/exports",
                                           headers=auth(token_b)).json()["exports"]]
    assert kinds == ["preview", "preview"]  # the refused one left nothing behind

    # the paid export, queued after A's preview, is the next job a worker takes
    import pickle

    from huey import SqliteHuey

    queue = SqliteHuey("reelforge", filename=str(strict_server.data_dir / "queue.db"))
    waiting = [pickle.loads(m).args[0] for m in queue.storage.enqueued_items()]  # noqa: S301 - our own queue
    assert len(waiting) == 4 and waiting[0] == export_id, waiting
