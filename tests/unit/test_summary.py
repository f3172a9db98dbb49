"""timeline.summary: the one-glance line (DESIGN.md form) and the multi-line listing."""

from __future__ import annotations

import ast
import doctest
from pathlib import Path

import pytest

from reelforge.timeline import summary as S
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    AudioSegment,
    Motion,
    Position,
    Role,
    TextSegment,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
)

CITY = Asset(id="c1", path="/m/city-timelapse.mp4", name="city-timelapse.mp4", kind=AssetKind.VIDEO, duration_ms=12000)
LOFI = Asset(id="m1", path="/m/Lo-fi.mp3", name="Lo-fi.mp3", kind=AssetKind.AUDIO, duration_ms=60000)


def design_example():
    return build(duration=10_000, assets=(CITY, LOFI), tracks=(
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="v1", start=0, duration=10_000, src="c1", name="city-timelapse.mp4"),)),
        Track(id="music", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id="a1", start=0, duration=10_000, src="m1", name="Lo-fi.mp3", volume=0.35),)),
        Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id="t1", start=0, duration=3000, text="Urban Dreams"),)),
    ))


def test_design_example_exact():
    assert S.summarize(design_example()) == (
        'Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) '
        '3. Title: "Urban Dreams" (0-3s)')


def five_images():
    assets = tuple(Asset(id=f"i{i}", path=f"/m/{i}.jpg", name=f"0{i}-shot-{i}.jpg", kind=AssetKind.IMAGE)
                   for i in range(5))
    segs = []
    start = 0
    for i in range(5):
        t = 0 if i == 0 else 500
        start = start - t
        segs.append(VideoSegment(id=f"v{i}", start=start, duration=6400, src=f"i{i}", motion=Motion.ZOOM_IN,
                                 transition=Transition.CROSSFADE if t else Transition.CUT, transition_ms=t))
        start += 6400
    vo = Asset(id="vo", path="/m/vo.mp3", name="voiceover.mp3", kind=AssetKind.AUDIO, duration_ms=28000)
    return build(duration=30_000, assets=(*assets, vo), tracks=(
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs)),
        Track(id="voice", kind=TrackKind.AUDIO, role=Role.VOICE, segments=(
            AudioSegment(id="a1", start=0, duration=28_000, src="vo"),)),
        Track(id="caption", kind=TrackKind.TEXT, role=Role.CAPTION, segments=tuple(
            TextSegment(id=f"t{i}", start=4000 + i * 6000, duration=2500, text=f"Caption number {i}",
                        position=Position.BOTTOM) for i in range(4))),
        Track(id="cta", kind=TrackKind.TEXT, role=Role.CTA, segments=(
            TextSegment(id="t9", start=26_000, duration=4000, text="A very long call to action that keeps on going"),)),
    ))


def test_counts_and_quotes():
    line = S.summarize(five_images())
    assert line.startswith("Timeline (4 tracks): 1. Video: 5 images (0-30s) 2. Voiceover: voiceover (0-28s) ")
    assert '3. Captions: "Caption number 0", "Caption number 1", "Caption number 2" +1 more (4-24.5s)' in line
    assert '4. CTA: "A very long call to action that…" (26-30s)' in line


def test_mixed_and_empty_tracks():
    img = Asset(id="i", path="/m/a.jpg", name="a.jpg", kind=AssetKind.IMAGE)
    tl = build(duration=20_000, assets=(CITY, img), tracks=(
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="v1", start=0, duration=10_000, src="c1"),
            VideoSegment(id="v2", start=10_000, duration=10_000, src="i"))),
        Track(id="caption", kind=TrackKind.TEXT, role=Role.CAPTION),
    ))
    assert S.summarize(tl) == "Timeline (2 tracks): 1. Video: 1 image, 1 clip (0-20s) 2. Caption: (empty)"
    assert S.summarize(build(duration=1000)) == "Timeline (0 tracks): empty (1s)"


@pytest.mark.parametrize(("name", "human"), [
    ("02-red-sneaker.jpg", "red sneaker"), ("city_timelapse.mp4", "city timelapse"), ("Lo-fi.mp3", "Lo-fi"),
    ("1. intro.mov", "intro"), ("t-shirt.png", "t-shirt"), ("/a/b/Summer Beat.wav", "Summer Beat"),
    ("0001.png", "0001"), ("背景音乐.mp3", "背景音乐"),
])
def test_human_name(name, human):
    assert S.human_name(name) == human


@pytest.mark.parametrize(("ms", "text"), [(0, "0"), (3000, "3"), (3500, "3.5"), (4920, "4.92"), (30000, "30")])
def test_fmt_seconds(ms, text):
    assert S.fmt_seconds(ms) == text


def test_describe():
    lines = S.describe(five_images())
    assert lines[0] == "1920x1080, 30 fps, 30s, 4 tracks"
    assert len(lines) == 5
    assert lines[1].startswith("1. Video: shot 0 (0-6.4s, zoom-in); shot 1 (5.9-12.3s, zoom-in, crossfade in 0.5s)")
    assert lines[2] == "2. Voiceover: voiceover (0-28s)"
    assert '"Caption number 0" (4-6.5s, bottom)' in lines[3]


def test_audio_details_in_describe():
    tl = design_example()
    music = tl.tracks[1].segments[0].model_copy(update={"duck": True, "loop": True, "fade_out_ms": 1500})
    tl2 = build(duration=10_000, assets=tl.assets,
                tracks=(tl.tracks[0], tl.tracks[1].model_copy(update={"segments": (music,)}), tl.tracks[2]))
    assert "Lo-fi (0-10s, 35%, ducked, looped, fade out 1.5s)" in S.describe(tl2)[2]


def test_imports_only_timeline_and_errors():
    tree = ast.parse(Path(S.__file__).read_text(encoding="utf-8"))
    mods = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    mods += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    for m in mods:
        if m.startswith("reelforge"):
            assert m.startswith("reelforge.timeline") or m == "reelforge.errors", m


def test_doctests():
    assert doctest.testmod(S).failed == 0
