"""The one URL fetcher's guard: malformed and private URLs are refused with 4003, never crash."""

from __future__ import annotations

import pytest

from reelforge.errors import UrlNotAllowed
from reelforge.media.fetch import check_url


@pytest.mark.parametrize("url", [
    "http://[::1", "data:image/png;base64,AAAA", "file:///etc/passwd", "ftp://example.com/a.mp4",
    "http://127.0.0.1/a.jpg", "http://10.1.2.3/a.jpg", "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/a.jpg", "http://0.0.0.0/a.jpg", "http:///nohost", "http://a.b:99999/x",
])
def test_refused(url):
    with pytest.raises(UrlNotAllowed) as err:
        check_url(url)
    assert err.value.code == 4003


def test_allow_list_names_hosts_and_networks():
    check_url("http://127.0.0.1:9/a.jpg", ["127.0.0.0/8"])
    check_url("http://localhost:9/a.jpg", ["localhost"])
    with pytest.raises(UrlNotAllowed):
        check_url("http://127.0.0.1:9/a.jpg", ["10.0.0.0/8"])
