"""Bounded, typed drafts (pure): any JSON value either becomes a timeline within the limits or
raises `InvalidTimeline` naming a field; the body depth check agrees with a real parser."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from reelforge.errors import InvalidTimeline
from reelforge.service.bodies import too_deep
from reelforge.timeline import from_draft, to_draft
from reelforge.timeline.draft import draft_schema
from reelforge.timeline.limits import Limits, check_timeline

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25)
KEYS = st.sampled_from(["d", "m", "t", "tt", "sg", "s", "src", "n", "in", "text", "role", "w", "h", "fps"])


def _inline(schema: dict) -> dict:
    from reelforge.service.schemas import inline_refs

    return inline_refs(schema)


DRAFTS = from_schema(_inline(draft_schema()))
# valid-shaped drafts with one part replaced by anything: the shapes issue 12 found
BROKEN = st.builds(lambda d, k, v: {**d, k: v}, DRAFTS, KEYS, JSON) | st.builds(
    lambda d, tracks: {**d, "t": tracks}, DRAFTS, st.lists(JSON | st.fixed_dictionaries(
        {"tt": st.sampled_from([0, 1, 7])}, optional={"m": JSON, "sg": st.lists(JSON, max_size=3)}),
        max_size=3))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(DRAFTS, BROKEN, JSON))
def test_any_json_is_a_timeline_or_an_invalid_timeline(value):
    try:
        tl = from_draft(value)
    except InvalidTimeline as exc:
        assert exc.message and len(exc.message) < 2000
        return
    check_timeline(tl)  # what from_draft returns is within the limits
    again = from_draft(json.loads(json.dumps(to_draft(tl))))
    assert to_draft(again) == to_draft(tl)


@pytest.mark.parametrize("field, value, message", [
    ("max_text_chars", 5, "t[0].sg[1].m.text: 6 characters; the limit is 5 (REELFORGE_MAX_TEXT_CHARS)"),
    ("max_track_segments", 1, "t[0].sg: 2 segments on one track; the limit is 1 (REELFORGE_MAX_TRACK_SEGMENTS)"),
    ("max_segments", 1, "t: more than 1 segments in all; the limit is 1 (REELFORGE_MAX_SEGMENTS)"),
    ("max_duration_ms", 1999, "d: 2000 ms long; the limit is 1999 (REELFORGE_MAX_DURATION_MS)"),
    ("max_frame_side", 1280, "m.w: 1920 px; the limit is 1280 (REELFORGE_MAX_FRAME_SIDE)"),
    ("max_fps", 25, "m.fps: 30 fps; the limit is 25 (REELFORGE_MAX_FPS)"),
    ("max_total_text_chars", 6,
     "t: more than 6 characters of text in all; the limit is 6 (REELFORGE_MAX_TOTAL_TEXT_CHARS)"),
])
def test_each_limit_names_its_field_and_setting(field, value, message):
    draft = {"d": 2000, "m": {"w": 1920, "h": 1080, "fps": 30},
             "t": [{"tt": 7, "sg": [{"s": 0, "d": 500, "m": {"text": "a"}},
                                    {"s": 500, "d": 500, "m": {"text": "abcdef"}}]}]}
    assert from_draft(draft).duration == 2000  # within the defaults
    with pytest.raises(InvalidTimeline) as err:
        from_draft(draft, limits=Limits(**{field: value}))
    assert err.value.message == message


def test_a_built_timeline_over_the_total_text_limit_names_it():
    # a chat session's texts are checked on the timeline (900 captions of 1,000 characters in a
    # draft cost ~200 s of CPU to lay out and draw for 3 credits)
    draft = {"d": 2000, "t": [{"tt": 7, "sg": [{"s": 0, "d": 500, "m": {"text": "a" * 1000}},
                                               {"s": 500, "d": 500, "m": {"text": "b" * 1000}}]}]}
    tl = from_draft(draft)
    check_timeline(tl)
    with pytest.raises(InvalidTimeline, match=r"^t: 2000 characters of text in all; the limit is 1999 "
                                              r"\(REELFORGE_MAX_TOTAL_TEXT_CHARS\)$"):
        check_timeline(tl, Limits(max_total_text_chars=1999))


def test_two_tracks_over_a_one_track_limit():
    draft = {"d": 1000, "t": [{"tt": 7, "sg": []}, {"tt": 7, "sg": []}]}
    with pytest.raises(InvalidTimeline, match=r"^t: 2 tracks; the limit is 1 \(REELFORGE_MAX_TRACKS\)$"):
        from_draft(draft, limits=Limits(max_tracks=1))


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


TRICKY = st.text(alphabet='[]{}"\\ab', max_size=8)
NESTED = st.recursive(st.none() | st.integers() | TRICKY,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY, inner, max_size=3),
                      max_leaves=40)


@settings(max_examples=200, deadline=None)
@given(NESTED, st.integers(min_value=1, max_value=12))
def test_depth_check_agrees_with_a_parser(value, limit):
    data = json.dumps(value).encode()
    assert too_deep(data, limit) == (_depth(value) > limit)


def test_depth_check_on_a_deep_body_needs_no_recursion():
    assert too_deep(b"[" * 50_000 + b"]" * 50_000, 32)
    assert not too_deep(b"[" * 32 + b"]" * 32, 32)
    assert not too_deep(json.dumps({"a": "[" * 5000}).encode(), 2)


@pytest.mark.parametrize(("change", "says"), [
    (lambda d: d.update(d=1) or d["t"][0]["sg"][0].update(d=1), "d: 1 ms is shorter than one frame at 10 fps"),
    (lambda d: d["t"][0]["sg"][0].update(d=True), "t[0].sg[0].d: 1 ms is shorter than one frame at 10 fps"),
    (lambda d: d["t"].append({"tt": 7, "sg": [{"s": 100, "d": 20, "m": {"text": "hi"}}]}),
     "t[1].sg[0].d: 20 ms is shorter than one frame at 10 fps")])
def test_a_draft_shorter_than_a_frame_is_refused_before_it_is_queued(change, says):
    """Attack pass, session 42: a draft 1 ms long, or a segment of "d": true, was accepted (202,
    credits reserved) and failed in the worker: "shorter than one frame"."""
    draft = {"d": 3000, "m": {"w": 320, "h": 240, "fps": 10}, "t": [{"tt": 0, "sg": [{"s": 0, "d": 3000, "src": "img"}]}]}
    change(draft)
    from reelforge.timeline.model import Asset, AssetKind

    img = Asset(id="img", path="/m/a.jpg", name="a.jpg", kind=AssetKind.IMAGE, width=320, height=240)
    with pytest.raises(InvalidTimeline) as err:
        from_draft(draft, [img])
    assert err.value.message == f"invalid draft: {says}"
