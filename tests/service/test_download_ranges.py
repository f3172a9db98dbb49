"""Downloads serve HTTP ranges, and a bad Range header is an error like every other one:
``{"code", "message"}`` JSON (400 code 1 when malformed, 416 code 416 past the end, with
``Content-Range``), not Starlette's plain text."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, session_with_cut, wait_export

pytestmark = pytest.mark.service


def _preview_urls(base: str, media_dir) -> tuple[str, str, str]:
    """A finished preview's download URLs, by file key and by export id, and the token owning it."""
    token, sid = session_with_cut(base, media_dir, "make a 3-second video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token))
    assert r.status_code == 202, r.text
    done = wait_export(base, token, r.json()["id"], timeout=300)
    assert done["status"] == "completed", done
    return (base + "/files/" + done["download_url"].rsplit("/files/", 1)[1],
            f"{base}/v1/exports/{done['id']}/download", token)


def test_range_errors_are_json(main_server, media_dir):
    by_key, by_id, token = _preview_urls(main_server.url, media_dir)
    size = int(httpx.get(by_key).headers["content-length"])
    for url, headers in ((by_key, {}), (by_id, auth(token))):
        ok = httpx.get(url, headers={**headers, "Range": "bytes=0-9"})
        assert ok.status_code == 206 and len(ok.content) == 10, ok.headers
        for bad, says in (("bytes=5-1", "Range header: start must be less than end"),
                          ("bytes=abc", "Range header: range must be requested"),
                          ("pages=1-2", "Only support bytes range")):
            r = httpx.get(url, headers={**headers, "Range": bad})
            assert r.status_code == 400 and r.headers["content-type"] == "application/json", (bad, r.text)
            assert r.json()["code"] == 1 and r.json()["message"].startswith(says), r.json()
        r = httpx.get(url, headers={**headers, "Range": f"bytes={size + 10}-"})
        assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{size}"
        assert r.json() == {"code": 416, "message": f"range not satisfiable: the file is {size} bytes"}


def test_a_download_resumed_with_if_range_gets_the_rest(main_server, media_dir):
    """Attack pass, session 42: Range with If-Range (a browser or `curl -C` resuming) was a 500: the
    file's ETag and Last-Modified were compared before they were set. The file's own validator
    gets the rest (206); a stale one gets the whole file (200), as RFC 9110 says."""
    by_key, by_id, token = _preview_urls(main_server.url, media_dir)
    for url, headers in ((by_key, {}), (by_id, auth(token))):
        whole = httpx.get(url, headers=headers)
        for validator in (whole.headers["etag"], whole.headers["last-modified"]):
            rest = httpx.get(url, headers={**headers, "Range": "bytes=100-", "If-Range": validator})
            assert rest.status_code == 206 and rest.content == whole.content[100:], (validator, rest.status_code)
        stale = httpx.get(url, headers={**headers, "Range": "bytes=100-", "If-Range": '"stale"'})
        assert stale.status_code == 200 and stale.content == whole.content
