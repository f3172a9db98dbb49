"""Pure tests of `compile_render`: the ffmpeg command as data, over a table of small timelines.

No ffmpeg runs here and the asset files need not exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reelforge.errors import InvalidTimeline
from reelforge.render.compile import (
    LoudnessMeasure,
    compile_loudness_probe,
    compile_render,
    escape_value,
    output_size,
)
from reelforge.timeline import (
    Asset,
    AssetKind,
    AudioSegment,
    Motion,
    Position,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
)

IMG = [Asset(id=f"img{i}", path=f"/media/img{i}.jpg", name=f"img{i}.jpg", kind=AssetKind.IMAGE,
             width=4000, height=3000) for i in range(4)]
CLIP = Asset(id="clip", path="/media/clip.mp4", name="clip.mp4", kind=AssetKind.VIDEO, width=1920,
             height=1080, duration_ms=10000, fps=30, has_audio=True)
VOICE = Asset(id="vo", path="/media/vo.mp3", name="vo.mp3", kind=AssetKind.AUDIO, duration_ms=9000, has_audio=True)
MUSIC = Asset(id="bgm", path="/media/bgm.mp3", name="bgm.mp3", kind=AssetKind.AUDIO, duration_ms=4000, has_audio=True)
LOGO = Asset(id="logo", path="/media/logo.png", name="logo.png", kind=AssetKind.IMAGE, width=400, height=400)
ASSETS = (*IMG, CLIP, VOICE, MUSIC, LOGO)


def _main(*segs: VideoSegment) -> Track:
    return Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)


def _stills(n: int, dur: int = 3000, td: int = 0, transition: Transition = Transition.CROSSFADE,
            motion: Motion = Motion.ZOOM_IN) -> Track:
    segs = []
    for i in range(n):
        start = i * (dur - td)
        segs.append(VideoSegment(id=f"s{i}", start=start, duration=dur, src=f"img{i}", motion=motion,
                                 transition=transition if (i and td) else Transition.CUT,
                                 transition_ms=td if i else 0))
    return _main(*segs)


def _tl(*tracks: Track, duration: int = 9000, **kw) -> Timeline:
    return build(width=kw.pop("width", 1280), height=kw.pop("height", 720), fps=kw.pop("fps", 30),
                 duration=duration, assets=ASSETS, tracks=list(tracks), **kw)


VOICE_TRACK = Track(id="vo", kind=TrackKind.AUDIO, role=Role.VOICE,
                    segments=(AudioSegment(id="a_vo", start=500, duration=8000, src="vo"),))


def _music(duck: bool, loop: bool = False) -> Track:
    return Track(id="bgm", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
        AudioSegment(id="a_bgm", start=0, duration=9000, src="bgm", volume=0.35, duck=duck, loop=loop,
                     fade_out_ms=1000),))


def _texts(n: int) -> Track:
    return Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=tuple(
        TextSegment(id=f"t{i}", start=i * 3000, duration=2000, text=f"Title {i}: 100% \"ok\"")
        for i in range(n)))


CASES: dict[str, Timeline] = {
    "cuts": _tl(_stills(3)),
    "crossfades": _tl(_stills(3, dur=3000, td=500)),
    "fade_black": _tl(_stills(2, dur=4500, td=500, transition=Transition.FADE_BLACK)),
    "voice_music_duck": _tl(_stills(3), VOICE_TRACK, _music(True)),
    "voice_music_noduck": _tl(_stills(3), VOICE_TRACK, _music(False)),
    "music_only_duck": _tl(_stills(3), _music(True, loop=True)),
    "texts": _tl(_stills(3), _texts(3)),
    "gap_and_clip": _tl(_main(
        VideoSegment(id="c0", start=1000, duration=3000, src="clip", in_ms=2000, speed=2.0),
        VideoSegment(id="c1", start=5000, duration=2000, src="img0", motion=Motion.PAN_LEFT))),
    "logo": _tl(_stills(3), Track(id="logo", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
        VideoSegment(id="lg", start=0, duration=9000, src="logo", position=Position.TOP_RIGHT,
                     scale=0.15, opacity=0.8),))),
    "vertical": _tl(_stills(3, motion=Motion.PAN_UP), _texts(1), width=1080, height=1920),
}


def _compile(tl: Timeline, quality: str = "standard"):
    return compile_render(tl, "/out/video.mp4", quality=quality, workdir="/work")


def _labels(graph: str) -> list[str]:
    return re.findall(r"\[([A-Za-z_][A-Za-z0-9_]*)\]", graph)


@pytest.mark.parametrize("name", CASES)
def test_every_label_produced_and_consumed_once(name):
    cmd = _compile(CASES[name])
    counts: dict[str, int] = {}
    for label in _labels(cmd.filter_graph):
        counts[label] = counts.get(label, 0) + 1
    mapped = [a[1:-1] for i, a in enumerate(cmd.argv) if i and cmd.argv[i - 1] == "-map"]
    assert len(mapped) == 2
    for label, n in counts.items():
        assert n == (1 if label in mapped else 2), (label, n)
    # every input stream reference is used exactly once
    refs = re.findall(r"\[(\d+:[va])\]", cmd.filter_graph)
    assert len(refs) == len(set(refs))
    assert cmd.argv.count("-i") == len({r.split(":")[0] for r in refs})


@pytest.mark.parametrize("name", CASES)
def test_output_arguments(name):
    cmd = _compile(CASES[name])
    argv = cmd.argv
    for flag, value in [("-c:v", "libx264"), ("-pix_fmt", "yuv420p"), ("-movflags", "+faststart"),
                        ("-c:a", "aac"), ("-ar", "48000"), ("-b:a", "192k"), ("-t", "9.000"),
                        ("-r", "30"), ("-f", "mp4"), ("-progress", "pipe:1"),
                        ("-/filter_complex", "/work/graph.txt")]:
        assert (flag, value) in set(zip(argv, argv[1:], strict=False)), flag
    assert argv[-1] == "/out/video.mp4"
    assert "-loop" not in argv  # stills are decoded once, never re-read per frame
    assert cmd.total_frames == 270 and cmd.duration_ms == 9000
    assert all(isinstance(a, str) for a in argv)


def test_stills_loop_one_decoded_frame():
    cmd = _compile(CASES["cuts"])
    assert cmd.filter_graph.count("loop=loop=89:size=1") == 3
    assert "zoompan" not in cmd.filter_graph
    assert "sendcmd=" in cmd.filter_graph and "flags=neighbor" in cmd.filter_graph  # per-frame crops
    assert cmd.filter_graph.count("concat=n=3") == 1
    assert "xfade" not in cmd.filter_graph


def _parts(graph: str) -> list[tuple[str, int]]:
    """The main track's parts in concat order, with their frame counts."""
    chains = {m.group(2): m.group(1) for m in re.finditer(r"^(.*)\[(\w+)\];?$", graph, re.M)}
    concat = next(line for line in graph.splitlines() if "concat=n=" in line and "[main" not in line
                  and "cat" in line.rsplit("[", 1)[-1])
    names = re.findall(r"\[(\w+)\]", concat.split("concat")[0])

    def frames(name: str) -> int:
        body = chains[name]
        if "xfade" in body:
            return round(float(re.search(r"duration=([\d.]+)", body).group(1)) * 30)
        if name.startswith("xf"):  # a crossfade: the head's alpha fade-in over the tail
            head = re.findall(r"\[(xin\d+)\]", body)[0]
            return round(float(re.search(r"fade=t=in:st=0:d=([\d.]+):alpha=1", chains[head]).group(1)) * 30)
        span = re.findall(r"trim=start_frame=(\d+):end_frame=(\d+)", body)
        if span:  # a part cut from a whole moving shot
            return int(span[-1][1]) - int(span[-1][0])
        return int(re.findall(r"trim=end_frame=(\d+)", body)[-1])

    return [("xf" if n.startswith("xf") else "gap" if "color=" in chains[n] else "part", frames(n))
            for n in names]


_MOVING = re.compile(r"(?:sendcmd=c='([^']*)',)?crop@\w+=w=(\d+):h=(\d+):x=(\d+):y=(\d+):exact=1")


def _moving_parts(g: str) -> list[tuple[str, tuple[int, ...]]]:
    """Each moving part's sendcmd script and first crop (w, h, x, y), in graph order."""
    return [(m[0], tuple(int(v) for v in m[1:])) for m in _MOVING.findall(g)]


def _replay(script: str, crop: tuple[int, ...], frame: int, fps: int = 30) -> tuple[int, ...]:
    """The crop at ``frame`` of a part: its first crop with the commands due by then."""
    cur = dict(zip("whxy", crop, strict=True))
    for item in filter(None, (c.strip() for c in script.split(";"))):
        t, _, sets = item.partition(" ")
        if float(t) < frame / fps:
            for one in sets.split(","):
                _, key, value = one.split()
                cur[key] = int(value)
    return tuple(cur[k] for k in "whxy")


def test_crossfades_only_touch_overlapping_frames():
    cmd = _compile(CASES["crossfades"])
    g = cmd.filter_graph
    # 3 x 3 s stills overlapping by 0.5 s: body, fade, body, fade, body, then background
    assert _parts(g) == [("part", 75), ("xf", 15), ("part", 60), ("xf", 15), ("part", 75), ("gap", 30)]
    starts, t = [], 0
    for kind, n in _parts(g):
        if kind == "xf":
            starts.append(t)
        t += n
    assert starts == [75, 150]  # = segment starts 2.5 s and 5 s at 30 fps
    # a crossfade stays 4:2:0: the head fades in (alpha) over the tail, no xfade (4:4:4 only)
    assert "xfade" not in g
    assert g.count("format=yuva420p,fade=t=in:st=0:d=0.5:alpha=1[xin") == 2
    assert g.count("overlay=format=yuv420:eof_action=pass,format=yuv420p[xf") == 2
    # motion continues across the parts of one segment: s1's body starts one frame's step on
    # from where its head ends (frame 14 -> 15), its tail from where the body ends (74 -> 75)
    moving = _moving_parts(g)
    assert len(moving) == 7  # s0 body, tail; s1 head, body, tail; s2 head, body
    for (script, first), (_, nxt), last in ((moving[2], moving[3], 14), (moving[3], moving[4], 59)):
        end = _replay(script, first, last)
        assert end != nxt and max(abs(a - b) for a, b in zip(end, nxt, strict=True)) <= 30
    cmd = _compile(CASES["fade_black"])
    assert re.findall(r"xfade=transition=(\w+)", cmd.filter_graph) == ["fadeblack"]
    # a start between frames rounds to the nearest frame
    odd = _compile(_tl(_stills(3, dur=3500, td=750))).filter_graph
    assert "fade=t=in:st=0:d=0.733333:alpha=1" in odd


def test_no_moving_stream_is_split():
    """A split output that another branch consumes much later queues every frame in between
    (a whole 1080p part was ~250 MB): only single decoded pictures are split, and each part of a
    moving still runs its own motion."""
    g = _compile(CASES["crossfades"]).filter_graph
    chains = g.split(";\n")
    made = {re.findall(r"\[(\w+)\]$", c)[0]: c for c in chains if re.findall(r"\[(\w+)\]$", c)}
    splits = [c for c in chains if "split=" in c and "asplit" not in c]
    assert splits
    for c in splits:
        src = made[re.match(r"\[(\w+)\]", c).group(1)]
        assert "perspective" not in src and "loop=" not in src, src


def test_chunks_at_once_fit_the_memory_budget(monkeypatch):
    from reelforge.render.chunked import default_parallel, streams

    monkeypatch.setattr("os.cpu_count", lambda: 8)
    monkeypatch.delenv("REELFORGE_RENDER_MEMORY_MB", raising=False)
    assert default_parallel(1920, 1080) == 1 and default_parallel(1080, 1920) == 1
    assert default_parallel(1280, 720) == 3
    assert default_parallel(854, 480) == 4  # and never more than 4
    # the default budget keeps chunks one by one: a streamed run needs ~620 MB at 1080p
    assert not streams(1920, 1080) and not streams(1280, 720)
    monkeypatch.setenv("REELFORGE_RENDER_MEMORY_MB", "640")
    assert streams(1920, 1080) and streams(1080, 1920)
    assert not streams(1280, 720)  # where two chunks at once were as fast
    assert default_parallel(1920, 1080, streamed=True) == 1
    monkeypatch.setenv("REELFORGE_RENDER_MEMORY_MB", "1300")
    assert default_parallel(1920, 1080, streamed=True) == 2 and default_parallel(1920, 1080) == 3
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert default_parallel(1920, 1080) == 2


def test_sidechain_iff_voice_and_duck():
    duck = _compile(CASES["voice_music_duck"]).filter_graph
    assert "sidechaincompress" in duck and "apad" in duck and "asplit=2" in duck
    assert "amix=inputs=2:normalize=0" in duck
    plain = _compile(CASES["voice_music_noduck"]).filter_graph
    assert "sidechaincompress" not in plain and "amix=inputs=2:normalize=0" in plain
    alone = _compile(CASES["music_only_duck"])
    assert "sidechaincompress" not in alone.filter_graph and "amix" not in alone.filter_graph
    assert alone.argv[alone.argv.index("-stream_loop") + 1] == "-1"
    assert "volume=0.35" in alone.filter_graph and "afade=t=out:st=8.000:d=1.000" in alone.filter_graph


def test_no_audio_gives_silent_track():
    cmd = _compile(CASES["cuts"])
    assert "anullsrc=r=48000:cl=stereo" in cmd.filter_graph
    assert compile_loudness_probe(CASES["cuts"], workdir="/work") is None


def test_text_overlays_described_not_drawn():
    cmd = _compile(CASES["texts"])
    assert len(cmd.overlays) == 3
    assert cmd.filter_graph.count("fade=t=in") == 3 and cmd.filter_graph.count(":alpha=1") == 6
    assert cmd.filter_graph.count("overlay=") == 3
    # the user's text never reaches the filter graph or the argv
    assert "Title" not in cmd.filter_graph and not any("Title" in a for a in cmd.argv)
    spec = cmd.overlays[0]
    assert spec.text == 'Title 0: 100% "ok"' and spec.path == Path("/work/text_00.png")
    assert spec.frame_width == 1280 and spec.max_width == 1280 - 2 * 64
    # each overlay is enabled for its own frames only: 3 s..5 s is frames 90..149
    assert "enable='between(t,3,4.98333)'" in cmd.filter_graph


def test_gap_and_clip():
    cmd = _compile(CASES["gap_and_clip"])
    g = cmd.filter_graph
    assert g.count("color=c=0x000000") == 3  # before, between, after
    i = cmd.argv.index("/media/clip.mp4")
    assert cmd.argv[i - 5:i - 1] == ["-ss", "2.000", "-t", "6.000"]  # 3 s at 2x speed
    assert "setpts=(PTS-STARTPTS)/2" in g and "atempo=2" in g
    assert "adelay=delays=1000:all=1" in g


def test_logo_overlay():
    g = _compile(CASES["logo"]).filter_graph
    assert "colorchannelmixer=aa=0.8" in g
    assert "overlay=x='1216-w':y='36'" in g  # top-right corner of the 5 % safe zone


def test_quality_presets_and_draft_size():
    tl = CASES["vertical"]
    assert output_size(tl, "standard") == (1080, 1920)
    assert output_size(tl, "draft") == (360, 640)
    draft = _compile(tl, "draft")
    assert draft.argv[draft.argv.index("-preset") + 1] == "ultrafast"
    assert draft.width == 360 and "color=" not in draft.filter_graph
    assert _compile(tl, "high").argv[_compile(tl, "high").argv.index("-crf") + 1] == "18"
    # vertical frames keep text in the safe zone (x 6-86 %, y 8-78 %): a centred title sits in
    # the middle of the middle band (611..1040) of the column 65..928 (centre 496.8)
    g = _compile(tl).filter_graph
    assert "text" not in g and "overlay=x='496.8-w/2':y='825.5-h/2'" in g
    with pytest.raises(InvalidTimeline):
        _compile(tl, "ultra")


def test_json_round_trip_compiles_identically():
    for tl in CASES.values():
        again = Timeline.from_json(tl.to_json())
        assert _compile(again).filter_graph == _compile(tl).filter_graph


def test_segment_shorter_than_a_frame_is_rejected():
    tl = _tl(_main(VideoSegment(id="s", start=0, duration=10, src="img0")), duration=1000)
    with pytest.raises(InvalidTimeline, match="shorter than one frame"):
        _compile(tl)


def test_loudness_measure_parsing_and_gain():
    metadata = """frame:298  pts:NOPTS   pts_time:NOPTS
lavfi.r128.I=-20.000
lavfi.r128.true_peak=0.200
frame:299  pts:NOPTS   pts_time:NOPTS
lavfi.r128.M=-40.344
lavfi.r128.I=-20.610
lavfi.r128.true_peak=0.500
"""
    m = LoudnessMeasure.from_metadata(metadata)
    assert m.input_i == -20.61 and m.input_tp == pytest.approx(-6.02, abs=0.01)
    assert m.gain_db(-14) == pytest.approx(6.61)
    tl = CASES["voice_music_duck"]
    g = compile_render(tl, "/o.mp4", workdir="/w", loudness=m).filter_graph
    assert "volume=6.61dB" in g and "alimiter" in g and "loudnorm" not in g
    quiet = LoudnessMeasure(input_i=-16.0, input_tp=-12.0)  # +2 dB keeps the peak under -1 dBTP
    assert "alimiter" not in compile_render(tl, "/o.mp4", workdir="/w", loudness=quiet).filter_graph
    probe = compile_loudness_probe(tl, workdir="/w")
    assert probe is not None and "ebur128=metadata=1:peak=true" in probe.filter_graph
    assert "file='/w/loudness.txt'" in probe.filter_graph and "-vn" in probe.argv
    assert "/media/img0.jpg" not in probe.argv  # the measure pass reads only the sound
    assert LoudnessMeasure(float("-inf"), float("-inf")).gain_db(-14) == 0.0
    with pytest.raises(ValueError):
        LoudnessMeasure.from_metadata("nothing here")


@pytest.mark.parametrize("raw, quoted", [
    ("/tmp/plain/loudness.txt", "'/tmp/plain/loudness.txt'"),
    ("C:\\work\\it's", "'C\\:\\\\work\\\\it\\'\\''s'"),
])
def test_escape_value(raw, quoted):
    assert escape_value(raw) == quoted


def test_big_jpeg_decoded_at_reduced_size():
    from reelforge.render.stills import _jpeg_lowres

    assert _jpeg_lowres("/a.jpg", 6000, 4000, 2150, 1210) == 1  # 3000x2000 still covers the base
    assert _jpeg_lowres("/a.jpg", 4000, 3000, 716, 404) == 2
    assert _jpeg_lowres("/a.jpg", 4000, 3000, 2150, 1210) == 0
    assert _jpeg_lowres("/a.jpg", 4000, 3000, 716, 404, "png") == 0  # a PNG named .jpg
    assert _jpeg_lowres("/a.png", 4000, 3000, 716, 404) == 0
    assert _jpeg_lowres("/upright", 4000, 3000, 716, 404, "jpeg") == 2
    draft = compile_render(CASES["cuts"], "/o.mp4", quality="draft", workdir="/w")
    assert draft.argv.count("-lowres") == 3  # 4000x3000 photos into a 640x360 preview


# -- caption tracks --------------------------------------------------------------------------

from reelforge.render.compile import text_fades  # noqa: E402
from reelforge.timeline import TextBackground  # noqa: E402


def _captions(*cues: tuple[int, int], background: TextBackground = TextBackground.BOX,
              position: Position = Position.BOTTOM) -> Track:
    return Track(id="captions", kind=TrackKind.TEXT, role=Role.CAPTION, segments=tuple(
        TextSegment(id=f"c{i}", start=s, duration=d, text=f"cue {i}", position=position,
                    background=background, fade_in_ms=300, fade_out_ms=300)
        for i, (s, d) in enumerate(cues)))


def _text_boxes(cmd) -> list[tuple[float, float, float, float]]:
    """(x centre, y top, y bottom, w) of each text overlay: its drawn size and its overlay y."""
    import re

    from reelforge.render.text import block_size

    ys = [float(m) for m in re.findall(r"overlay=x='[^']*':y='([0-9.]+)-h/2'", cmd.filter_graph)]
    out = []
    for spec, cy in zip(cmd.overlays, ys, strict=True):
        w, h = block_size(spec, spec.font_px)
        out.append((cy, cy - h / 2, cy + h / 2, w))
    return out


def test_caption_placement_per_preset():
    # 9:16: the safe zone is x 6-86 %, y 8-78 %: the column is 65..928, the bottom band ends at 1497
    cmd = _compile(_tl(_stills(3), _captions((0, 2000), (2000, 500)), width=1080, height=1920))
    assert cmd.filter_graph.count("overlay=x='496.8-w/2':y=") == 2
    assert all(abs(bottom - 1497) <= 1 for _, _, bottom, _ in _text_boxes(cmd))  # on the band's bottom edge
    for spec in cmd.overlays:
        assert spec.max_lines == 2 and spec.group == "captions:captions" and spec.max_width == 863
        assert spec.align == "center" and spec.outline_px == 0 and spec.font_px == round(1080 * 0.055)
        assert spec.min_font_px == round(1080 * 0.035) and 0 < spec.max_height < 1920 * 0.7 / 3
    landscape = _compile(_tl(_stills(3), _captions((0, 2000), background=TextBackground.SHADOW)))
    assert "overlay=x='640-w/2':y=" in landscape.filter_graph  # 1280x720, 5 % margins
    assert abs(_text_boxes(landscape)[0][2] - 684) <= 1
    assert landscape.overlays[0].outline_px >= 2  # no box: a heavy outline instead
    # captions the user moved to the top go to the top band, same column
    top = _compile(_tl(_stills(3), _captions((0, 2000), position=Position.TOP_LEFT), width=1080, height=1920))
    assert "overlay=x='496.8-w/2':y=" in top.filter_graph and abs(_text_boxes(top)[0][1] - 154) <= 1
    # every text: two lines at most, its band's height, no caption grouping
    titles = _compile(CASES["texts"])
    assert all(s.max_lines == 2 and s.group == "" and s.max_height for s in titles.overlays)


def test_fades_leave_text_readable():
    assert text_fades(300, 300, 3000) == (0.3, 0.3)
    assert text_fades(300, 300, 1000) == pytest.approx((0.2, 0.2))  # 40 % of a 1 s text
    assert text_fades(0, 500, 1000) == pytest.approx((0, 0.4))
    # captions: each fade at most 150 ms and 10 % of the cue
    assert text_fades(300, 300, 3000, caption=True) == pytest.approx((0.15, 0.15))
    assert text_fades(300, 300, 400, caption=True) == pytest.approx((0.04, 0.04))
    assert text_fades(0, 0, 400, caption=True) == (0, 0)
    g = _compile(_tl(_stills(3), _captions((0, 1000), (1000, 3000)))).filter_graph
    assert "fade=t=in:st=0:d=0.1:alpha=1" in g and "fade=t=out:st=0.9:d=0.1:alpha=1" in g
    assert "fade=t=in:st=1:d=0.15:alpha=1" in g
    # a cue shorter than a second is held for one (render.layout.hold_texts): fades of a 1 s text
    g = _compile(_tl(_stills(3), _captions((0, 300), (1500, 2500)))).filter_graph
    assert "fade=t=in:st=0:d=0.1:alpha=1" in g and "fade=t=out:st=0.9:d=0.1:alpha=1" in g


@pytest.mark.parametrize("name", CASES)
def test_every_media_input_caps_its_decoded_frame_size(name):
    """A frame larger than the probe saw (a stream that grows mid-file) cannot allocate more
    than the pixel cap: every media input is opened with -max_pixels."""
    from reelforge.media.limits import DEFAULT

    cmd = _compile(CASES[name])
    argv = cmd.argv
    media = {str(p) for p in cmd.media}
    opened = [i for i, a in enumerate(argv) if a == "-i" and argv[i + 1] in media]
    assert opened
    for i in opened:
        before = argv[:i]
        start = max(j for j, a in enumerate(before) if a == "-i" or j == 0) if "-i" in before else 0
        window = argv[start:i]
        assert "-max_pixels" in window, (argv[i + 1], window)
        assert int(window[window.index("-max_pixels") + 1]) >= DEFAULT.decoder_cap


def test_a_still_text_is_converted_once_before_it_repeats():
    """A text picture is turned into the frame's format before `loop` repeats it (after it,
    every frame paid the conversion: ~10 % of a chunk's filter CPU, the same pixels); a text
    that scales in is scaled per frame as RGBA, then converted."""
    graph = _compile(CASES["texts"]).filter_graph
    chains = [ln for ln in graph.splitlines() if "loop=" in ln and "format=rgba" in ln]
    assert len(chains) == 3
    assert all(re.search(r"format=rgba,format=yuva420p,loop=", ln) for ln in chains), chains
    popping = _tl(_stills(3), Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
        TextSegment(id="t0", start=0, duration=2000, text="SALE", entrance="scale", fade_in_ms=400),)))
    [chain] = [ln for ln in _compile(popping).filter_graph.splitlines() if "eval=frame" in ln]
    assert re.search(r"format=rgba,loop=.*eval=frame,format=yuva420p", chain), chain
