"""The one URL fetcher's guard: malformed and private URLs are refused with 4003, never crash."""

from __future__ import annotations

import pytest

from reelforge.errors import UrlNotAllowed
from reelforge.media.fetch import check_url


@pytest.mark.parametrize("url", [
    "http://[::1", "data:image/png;base64,AAAA", "file:///etc/passwd", "ftp://example.com/a.mp4",
    "http://127.0.0.1/a.jpg", "http://10.1.2.3/a.jpg", "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/a.jpg", "http://0.0.0.0/a.jpg", "http:///nohost", "http://a.b:99999/x",
    "HTTP://1.1.1.1:0/", "https://1.1.1.1:0/a.jpg",  # port 0 (it was read as no port: the default)
    # 6to4 addresses route to the IPv4 address inside them (loopback, the metadata service)
    "http://[2002:7f00:1::]/a.jpg", "http://[2002:a9fe:a9fe::]/latest/meta-data/", "http://[2002:a00:1::]/a.jpg",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/a.jpg",  # Teredo
])
def test_refused(url):
    with pytest.raises(UrlNotAllowed) as err:
        check_url(url)
    assert err.value.code == 4003


def test_a_6to4_address_of_a_public_ipv4_address_is_public():
    assert check_url("http://[2002:808:808::1]/a.jpg").addrs == ("2002:808:808::1",)


def test_allow_list_names_hosts_and_networks():
    check_url("http://127.0.0.1:9/a.jpg", ["127.0.0.0/8"])
    check_url("http://localhost:9/a.jpg", ["localhost"])
    with pytest.raises(UrlNotAllowed):
        check_url("http://127.0.0.1:9/a.jpg", ["10.0.0.0/8"])


@pytest.mark.parametrize(("raw", "shown"), [
    ("..", "file"), (".", "file"), (" . . ", "file"), ("．．", "file"),  # dots alone are no name
    ("．．／x.png", "x.png"), ("a/．．/b.png", "b.png"), ("..\\evil.png", "evil.png"),
    ("photo.jpg", "photo.jpg"), (".hidden.png", ".hidden.png"), ("ｆｕｌｌ.png", "full.png"),
])
def test_a_display_name_is_a_printable_last_segment_never_dots(raw, shown):
    # an upload named ".." kept it, and editor hand-off files wrote it as a media reference
    from reelforge.media.fetch import display_name

    assert display_name(raw, "file") == shown
