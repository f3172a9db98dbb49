"""Timeline model rules, JSON round-trip and the compact draft codec (pure, no ffmpeg)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from reelforge.errors import InvalidTimeline
from reelforge.timeline import (
    Asset,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    Transition,
    VideoSegment,
    build,
    frame_size,
    from_draft,
    json_schema,
    replace,
    to_draft,
)

ASSETS = (
    Asset(id="img1", path="/m/shoe.jpg", name="shoe.jpg", kind="image", width=1920, height=1080),
    Asset(id="img2", path="/m/bag.jpg", name="bag.jpg", kind="image", width=1080, height=1920),
    Asset(id="vo", path="/m/vo.mp3", name="vo.mp3", kind="audio", duration_ms=28000),
    Asset(id="bgm", path="/m/bgm.mp3", name="bgm.mp3", kind="audio", duration_ms=60000),
)


def sample() -> Timeline:
    return build(
        duration=30000,
        assets=ASSETS,
        tracks=[
            Track(id="main", kind="video", role="main", segments=[
                VideoSegment(id="v1", start=0, duration=15250, src="img1", name="shoe.jpg", motion="zoom-in"),
                VideoSegment(id="v2", start=14750, duration=15250, src="img2", name="bag.jpg",
                             transition="crossfade", transition_ms=500),
            ]),
            Track(id="voice", kind="audio", role="voice", segments=[
                AudioSegment(id="a1", start=0, duration=28000, src="vo", name="vo.mp3")]),
            Track(id="music", kind="audio", role="music", segments=[
                AudioSegment(id="a2", start=0, duration=30000, src="bgm", name="bgm.mp3", volume=0.35,
                             duck=True, fade_out_ms=1500)]),
            Track(id="title", kind="text", role="title", segments=[
                TextSegment(id="t1", start=0, duration=3000, text='Say "hi": 100% 城市之梦 🎉')]),
        ],
    )


def test_json_round_trip_is_exact():
    tl = sample()
    again = Timeline.from_json(tl.to_json())
    assert again == tl
    assert json.loads(tl.to_json())["version"] == 1


def test_timeline_is_frozen():
    tl = sample()
    with pytest.raises(ValidationError, match="frozen"):
        tl.duration = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"duration": 20000}, "after the timeline"),
        ({"width": 1921}, "multiple"),
    ],
)
def test_invalid_timelines_raise_readable_errors(change, message):
    with pytest.raises(InvalidTimeline, match=message):
        replace(sample(), **change)


def test_overlap_without_transition_is_rejected():
    with pytest.raises(Exception, match="overlaps"):
        Track(id="m", kind="video", role="main", segments=[
            VideoSegment(id="a", start=0, duration=5000, src="x"),
            VideoSegment(id="b", start=4000, duration=5000, src="x"),
        ])


def test_transition_must_overlap_exactly():
    with pytest.raises(Exception, match="exactly"):
        Track(id="m", kind="video", role="main", segments=[
            VideoSegment(id="a", start=0, duration=5000, src="x"),
            VideoSegment(id="b", start=5000, duration=5000, src="x", transition="crossfade", transition_ms=500),
        ])


def test_unknown_asset_and_wrong_role_are_rejected():
    with pytest.raises(InvalidTimeline, match="unknown asset"):
        build(duration=1000, tracks=[Track(id="m", kind="video", role="main", segments=[
            VideoSegment(id="a", start=0, duration=1000, src="nope")])])
    with pytest.raises(Exception, match="does not belong"):
        Track(id="m", kind="audio", role="title")


def test_draft_has_exactly_the_documented_shape():
    draft = to_draft(sample())
    assert set(draft) == {"d", "m", "t"}
    assert draft["d"] == 30000 and draft["m"] == {"w": 1920, "h": 1080, "fps": 30}
    assert [t["tt"] for t in draft["t"]] == [0, 1, 1, 7]
    assert [t["m"]["role"] for t in draft["t"]] == ["main", "voice", "music", "title"]
    video = draft["t"][0]["sg"][1]
    assert set(video) == {"s", "d", "src", "n", "in", "m"}
    assert video["m"] == {"motion": "none", "transition": "crossfade", "td": 500}
    assert draft["t"][2]["sg"][0]["m"] == {"vol": 0.35, "duck": True, "fo": 1500}
    title = draft["t"][3]["sg"][0]
    assert set(title) == {"s", "d", "m"} and title["m"]["pos"] == "center"


def test_draft_round_trip_and_unknown_keys_ignored():
    tl = sample()
    draft = to_draft(tl)
    draft["zz"] = 1
    draft["t"][0]["sg"][0]["m"]["sparkle"] = True
    draft["t"][0]["extra"] = "x"
    back = from_draft(draft, ASSETS)
    assert to_draft(back) == to_draft(tl)
    assert "sparkle" not in json.dumps(to_draft(back))
    assert [s.src for s in back.track(Role.MAIN).segments] == ["img1", "img2"]
    assert back.track(Role.MAIN).segments[1].transition is Transition.CROSSFADE


@pytest.mark.parametrize(
    "draft, message",
    [
        ({"d": 1000, "t": [{"tt": 3, "sg": []}]}, r"t\[0\]\.tt: Input should be 0, 1 or 7"),
        ({"d": 1000, "t": [{"tt": 0, "sg": [{"s": 0, "d": 500, "src": "missing"}]}]}, "unknown asset"),
        ({"d": 1000, "t": [{"tt": 1, "m": {"role": "title"}, "sg": []}]}, "does not belong"),
        ({"d": -5, "t": []}, "d: Input should be greater than 0"),
        ("not a dict", "JSON object"),
    ],
)
def test_bad_drafts_raise_invalid_timeline(draft, message):
    with pytest.raises(InvalidTimeline, match=message):
        from_draft(draft, ASSETS)


def test_json_schema_describes_the_document():
    schema = json_schema()
    assert schema["title"] == "Timeline"
    assert {"tracks", "duration", "assets", "width", "height"} <= set(schema["properties"])
    assert "VideoSegment" in schema["$defs"] and "TextSegment" in schema["$defs"]


@pytest.mark.parametrize(
    "aspect, res, size",
    [("16:9", "1080p", (1920, 1080)), ("9:16", "1080p", (1080, 1920)), ("1:1", "1080p", (1080, 1080)),
     ("4:5", "1080p", (1080, 1350)), ("16:9", "720p", (1280, 720)), ("16:9", "4k", (3840, 2160))],
)
def test_frame_sizes(aspect, res, size):
    assert frame_size(aspect, res) == size
