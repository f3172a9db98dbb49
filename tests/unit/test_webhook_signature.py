"""Webhook signatures (pure): HMAC-SHA256 over "<t>.<body>", Stripe-style header."""

from __future__ import annotations

import hashlib
import hmac

from reelforge.service.webhooks import sign, signature_header, verify

SECRET = "whsec_test"
BODY = b'{"event":"export.completed","id":"abc"}'


def test_signature_is_hmac_sha256_of_timestamp_dot_body():
    want = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, 1700000000, BODY) == want
    assert signature_header(SECRET, BODY, 1700000000) == f"t=1700000000,v1={want}"


def test_verify_accepts_only_the_right_secret_body_and_time():
    header = signature_header(SECRET, BODY, 1700000000)
    assert verify(SECRET, header, BODY, at=1700000100)
    assert not verify(SECRET, header, BODY, at=1700000000 + 301)          # too old: a replay
    assert not verify(SECRET, header, BODY + b"x", at=1700000000)         # body changed
    assert not verify("whsec_other", header, BODY, at=1700000000)         # another key
    # a rotated secret: receivers may be sent several v1 values; one match is enough
    both = header + ",v1=" + "0" * 64
    assert verify(SECRET, both, BODY, at=1700000000)
    for bad in (None, "", "t=abc,v1=00", "v1=" + sign(SECRET, 1700000000, BODY), "t=1700000000", "garbage"):
        assert not verify(SECRET, bad, BODY, at=1700000000), bad
