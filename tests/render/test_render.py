"""Real renders with the bundled ffmpeg, checked by probing and decoding the output.

Small frames (640x360, a few seconds) keep these quick; one case renders 1080p.
"""

from __future__ import annotations

import shutil
import threading

import numpy as np
import pytest

from reelforge.errors import RenderCancelled, RenderError
from reelforge.render import compile_render, render, verify
from reelforge.timeline import (
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
    replace,
)

from ._render_helpers import (
    COLORS,
    VOICE_ON,
    decode_audio,
    frame_at,
    frames_at,
    ocr_white_text,
    rms_db,
    window,
)

pytestmark = pytest.mark.render

W, H = 640, 360
NASTY = "Say \"hi\": 100% C:\\path 'q' 🎉 城市之梦"


def _reference(media: dict[str, Asset], *, text: bool = True) -> Timeline:
    """6 s: red (zoom-in) -> 0.5 s crossfade -> green (pan) -> cut -> blue; voice + ducked music;
    an English title at the top (0-2 s) and the nasty text at the bottom (3.8-5.8 s)."""
    a = media
    tracks = [
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="s_red", start=0, duration=2500, src="red", motion=Motion.ZOOM_IN),
            VideoSegment(id="s_green", start=2000, duration=2000, src="green", motion=Motion.PAN_RIGHT,
                         transition=Transition.CROSSFADE, transition_ms=500),
            VideoSegment(id="s_blue", start=4000, duration=2000, src="blue", motion=Motion.ZOOM_OUT),
        )),
        Track(id="vo", kind=TrackKind.AUDIO, role=Role.VOICE, segments=(
            AudioSegment(id="a_vo", start=0, duration=6000, src="voice"),)),
        Track(id="bgm", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id="a_bgm", start=0, duration=6000, src="music", volume=0.35, duck=True),)),
    ]
    if text:
        tracks += [
            Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
                TextSegment(id="t_title", start=0, duration=2000, text="URBAN DREAMS", position=Position.TOP,
                            size=TextSize.XLARGE, fade_in_ms=200, fade_out_ms=200),)),
            Track(id="cap", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
                TextSegment(id="t_nasty", start=3800, duration=2000, text=NASTY, position=Position.BOTTOM,
                            size=TextSize.MEDIUM),)),
        ]
    return build(width=W, height=H, fps=30, duration=6000,
                 assets=[a["red"], a["green"], a["blue"], a["voice"], a["music"]], tracks=tracks)


@pytest.fixture(scope="module")
def reference(media, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "reference.mp4"
    seen: list[float] = []
    render(_reference(media), out, progress=seen.append)
    return out, seen


@pytest.fixture(scope="module")
def reference_no_text(media, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref_nt") / "reference_no_text.mp4"
    render(_reference(media, text=False), out)
    return out


def _mean(frame: np.ndarray) -> np.ndarray:
    return frame.reshape(-1, 3).mean(axis=0)


def _close(frame: np.ndarray, rgb, tol: float = 12.0, region=None) -> bool:
    if region is not None:
        frame = frame[region]
    return bool(np.abs(_mean(frame) - np.array(rgb)).max() < tol)


# -- format and timing -------------------------------------------------------------------

def test_probe_format_and_duration(reference):
    out, _ = reference
    info = verify(out)
    assert abs(info.duration - 6.0) < 0.1
    assert (info.width, info.height) == (W, H)
    assert (info.vcodec, info.pix_fmt) == ("h264", "yuv420p")
    assert info.fps == pytest.approx(30, abs=0.01)
    assert (info.acodec, info.sample_rate, info.channels) == ("aac", 48000, 2)
    samples, _ = decode_audio(out)
    assert rms_db(samples) > -40
    assert not list(out.parent.glob("*.part"))


def test_progress_increases_and_ends_at_one(reference):
    _, seen = reference
    assert seen and seen[-1] == 1.0
    assert all(b > a for a, b in zip(seen, seen[1:], strict=False))
    assert all(0.0 <= v <= 1.0 for v in seen)


# -- pictures -----------------------------------------------------------------------------

def test_each_image_visible_at_its_time(reference):
    out, _ = reference
    middle = np.s_[H // 4: 3 * H // 4 - 40, W // 4: 3 * W // 4]  # clear of the text
    red, green, blue = frames_at(out, [1.0, 3.2, 5.0])
    assert _close(red, COLORS["red"], region=middle)
    assert _close(green, COLORS["green"], region=middle)
    assert _close(blue, COLORS["blue"], region=np.s_[40:200, 40:600])


def test_crossfade_midpoint_is_a_blend(reference):
    out, _ = reference
    mid = frame_at(out, 2.25)[100:260, 100:540]
    want = (np.array(COLORS["red"]) + np.array(COLORS["green"])) / 2
    assert np.abs(_mean(mid) - want).max() < 25
    before = frame_at(out, 1.9)[100:260, 100:540]
    assert _close(before, COLORS["red"])


def test_cover_crop_keeps_a_portrait_circle_round(media, tmp_path):
    tl = build(width=W, height=H, fps=30, duration=1000, assets=[media["portrait"]], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="p", start=0, duration=1000, src="portrait", fit=Fit.COVER),))])
    out = render(tl, tmp_path / "portrait.mp4")
    frame = frame_at(out, 0.5)
    white = frame.min(axis=2) > 200
    ys, xs = np.nonzero(white)
    h, w = ys.max() - ys.min() + 1, xs.max() - xs.min() + 1
    # the 300 px circle on a 600 px wide picture fills about half of the 640 px width
    assert w == pytest.approx(320, abs=8)
    assert h / w == pytest.approx(1.0, abs=0.04)
    assert abs((xs.min() + xs.max()) / 2 - W / 2) < 4


# -- text ---------------------------------------------------------------------------------

def _ocr(img: np.ndarray, lang: str = "eng", psm: int = 7) -> str:
    return ocr_white_text(img, psm, lang).strip()  # the title is white


def test_title_reads_back_with_ocr(reference):
    out, _ = reference
    frame = frame_at(out, 1.0)
    assert "URBAN DREAMS" in _ocr(frame[: H // 3]).upper()


def test_text_changes_only_its_region(reference, reference_no_text):
    out, _ = reference
    with_text, without = frames_at(out, [1.0])[0], frames_at(reference_no_text, [1.0])[0]
    diff = np.abs(with_text.astype(int) - without.astype(int)).max(axis=2) > 24
    ys, xs = np.nonzero(diff)
    assert len(ys) > 500  # the title is there
    # the title sits in the top band inside the side margins
    assert ys.max() < H * 0.40 and ys.min() >= H * 0.08 - 12
    assert xs.min() >= W * 0.05 - 16 and xs.max() <= W * 0.95 + 16
    # far from the title nothing changed
    assert not diff[int(H * 0.5):].any()


def test_awkward_text_renders_literally(reference, reference_no_text):
    """Quotes, colon, %, backslash, emoji and Chinese: no filter-syntax injection, pixels drawn."""
    out, _ = reference
    with_text, without = frames_at(out, [4.8])[0], frames_at(reference_no_text, [4.8])[0]
    band = np.s_[int(H * 0.6):, :]
    diff = np.abs(with_text[band].astype(int) - without[band].astype(int)).max(axis=2) > 24
    assert diff.sum() > 800
    ys, xs = np.nonzero(diff)
    assert xs.max() - xs.min() > W * 0.5  # the whole line, not a stub cut off at a quote


def test_chinese_wraps_and_reads_back(media, tmp_path):
    text = "城市之梦" * 6  # wider than the frame: wraps by character
    tl = build(width=W, height=H, fps=30, duration=1000, assets=[media["blue"]], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="b", start=0, duration=1000, src="blue"),)),
        Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id="zh", start=0, duration=1000, text=text, size=TextSize.XLARGE,
                        background=TextBackground.BOX, fade_in_ms=0, fade_out_ms=0),))])
    cmd = compile_render(tl, tmp_path / "x.mp4", workdir=tmp_path)
    from reelforge.render.text import render_text, wrap

    spec = cmd.overlays[0]
    lines = wrap(spec.text, spec.font_px, spec.bold, spec.max_width)
    assert len(lines) >= 2 and "".join(lines) == text
    assert render_text(spec).width <= W
    out = render(tl, tmp_path / "zh.mp4")
    read = _ocr(frame_at(out, 0.5), "chi_sim", psm=6).replace(" ", "").replace("\n", "")
    assert "城市之梦" in read


# -- sound --------------------------------------------------------------------------------

def _band_db(x: np.ndarray, rate: int, freqs: tuple[float, ...]) -> float:
    mono = x.mean(axis=1)
    spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    bins = np.fft.rfftfreq(len(mono), 1 / rate)
    power = sum(spec[np.abs(bins - f) < 6].max() ** 2 for f in freqs)
    return float(10 * np.log10(power + 1e-12))


def test_music_under_voice_and_ducked(reference):
    out, _ = reference
    samples, rate = decode_audio(out)
    a, b = VOICE_ON[0]
    voiced = window(samples, rate, a + 0.5, b - 0.1)
    music_only = window(samples, rate, VOICE_ON[0][1] + 0.45, VOICE_ON[1][0] - 0.02)
    # voice (full volume) is well above the music bed (35 %)
    assert rms_db(voiced) - rms_db(music_only) > 6
    # the music's own partials drop while the voice speaks: ducking
    chord = (261.6, 329.6, 392.0)
    assert _band_db(music_only, rate, chord) - _band_db(voiced, rate, chord) > 4


def test_integrated_loudness_on_target(reference):
    import pyloudnorm

    out, _ = reference
    samples, rate = decode_audio(out)
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert loudness == pytest.approx(-14.0, abs=1.0)


# -- clips, overlays, vertical, silence ------------------------------------------------------

def test_clip_logo_gap_vertical_and_clip_sound(media, tmp_path):
    a = media
    tl = build(width=360, height=640, fps=25, duration=4000, background="#202020",
               assets=[a["clip"], a["yellow"], a["red"]], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="c", start=0, duration=2000, src="clip", in_ms=500, speed=1.25),
            VideoSegment(id="y", start=1700, duration=1300, src="yellow", motion=Motion.PAN_UP,
                         transition=Transition.SLIDE_LEFT, transition_ms=300),
        )),
        Track(id="lg", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
            VideoSegment(id="logo", start=0, duration=4000, src="red", position=Position.TOP_RIGHT,
                         scale=0.25, opacity=1.0),)),
    ])
    out = render(tl, tmp_path / "vertical.mp4", quality="draft")
    info = verify(out)
    assert (info.width, info.height) == (360, 640) and abs(info.duration - 4.0) < 0.1
    yellow, gap = frames_at(out, [2.6, 3.6])
    assert _close(yellow, COLORS["yellow"], tol=20, region=np.s_[300:500, 40:300])
    assert _close(gap, (32, 32, 32), tol=10, region=np.s_[300:600, 20:200])  # background colour
    # the logo: red, top right, inside the margins
    assert _close(gap, COLORS["red"], tol=25, region=np.s_[70:100, 235:300])  # in the safe zone: x <= 86 %
    samples, rate = decode_audio(out)
    assert rms_db(window(samples, rate, 0.2, 1.5)) > -40  # the clip's own sound
    assert rms_db(window(samples, rate, 3.2, 3.9)) < -60  # silence in the gap


def test_no_audio_still_has_silent_aac(media, tmp_path):
    tl = build(width=320, height=180, fps=30, duration=1500, assets=[media["checker"]], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="c", start=0, duration=1500, src="checker", fit=Fit.BLUR),))])
    out = render(tl, tmp_path / "silent.mp4")
    info = verify(out)
    assert info.acodec == "aac" and info.sample_rate == 48000 and abs(info.duration - 1.5) < 0.1


def test_1080p_stills_with_motion(media, tmp_path):
    a = media
    tl = build(width=1920, height=1080, fps=30, duration=3000, assets=[a["checker"], a["green"], a["music"]],
               tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="c", start=0, duration=2000, src="checker", motion=Motion.ZOOM_IN),
            VideoSegment(id="g", start=1500, duration=1500, src="green", motion=Motion.PAN_LEFT,
                         transition=Transition.FADE_BLACK, transition_ms=500))),
        Track(id="b", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id="bg", start=0, duration=3000, src="music", fade_in_ms=300, fade_out_ms=500),)),
    ])
    out = render(tl, tmp_path / "hd.mp4")
    info = verify(out)
    assert (info.width, info.height, info.pix_fmt) == (1920, 1080, "yuv420p")
    assert abs(info.duration - 3.0) < 0.1
    first, last = frames_at(out, [0.0, 1.4])
    # zoom-in: the checker squares grow by 1 + 12 % x progress (42 of 59 frames at 1.4 s)
    def spacing(f: np.ndarray) -> float:
        edges = np.nonzero(np.diff((f[540, :, 0] > 130).astype(int)))[0]
        return float(edges[-1] - edges[0]) / (len(edges) - 1)

    assert spacing(last) / spacing(first) == pytest.approx(1 + 0.12 * 42 / 59, abs=0.02)
    draft = render(tl, tmp_path / "hd_draft.mp4", quality="draft")
    assert (verify(draft).width, verify(draft).height) == (640, 360)


# -- failures -----------------------------------------------------------------------------

def test_missing_source_fails_cleanly(media, tmp_path):
    gone = tmp_path / "gone.png"
    shutil.copy(media["red"].path, gone)
    asset = Asset(id="gone", path=str(gone), name="gone.png", kind=AssetKind.IMAGE, width=640, height=360)
    tl = build(width=320, height=180, fps=30, duration=1000, assets=[asset], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="s", start=0, duration=1000, src="gone"),))])
    gone.unlink()
    out = tmp_path / "out.mp4"
    with pytest.raises(RenderError, match="gone.png"):
        render(tl, out)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_ffmpeg_failure_is_atomic(media, tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_text("this is not a picture")
    asset = Asset(id="bad", path=str(bad), name="bad.png", kind=AssetKind.IMAGE, width=640, height=360)
    tl = build(width=320, height=180, fps=30, duration=1000, assets=[asset], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="s", start=0, duration=1000, src="bad"),))])
    out = tmp_path / "out.mp4"
    out.write_bytes(b"previous render")  # an earlier result stays untouched
    with pytest.raises(RenderError) as err:
        render(tl, out)
    assert err.value.returncode not in (0, None)
    assert err.value.command and err.value.stderr_tail
    assert out.read_bytes() == b"previous render"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.png", "out.mp4"]


def test_cancel_kills_and_cleans_up(media, tmp_path):
    tl = replace(_reference(media), duration=6000)
    stop = threading.Event()
    out = tmp_path / "cancelled.mp4"
    with pytest.raises(RenderCancelled):
        render(tl, out, progress=lambda f: stop.set(), cancel=stop)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_measure_pass_in_an_awkward_folder(media, tmp_path):
    """The measure pass writes its report to a path inside the graph: quotes and colons survive."""
    from reelforge.render.runner import measure_loudness

    odd = tmp_path / "it's: odd, [dir]; 100%"
    odd.mkdir()
    m = measure_loudness(_reference(media, text=False), odd)
    assert m is not None and -40 < m.input_i < -5 and m.input_tp < 0
    assert (odd / "loudness.txt").is_file()


def _cutout_png(path) -> None:
    """A shop's cut-out: a blue box on transparent pixels that keep green underneath, and a
    soft (40 %) black shadow below the box."""
    from PIL import Image

    rgba = np.zeros((360, 480, 4), np.uint8)
    rgba[:, :, 1] = 255  # green where it is transparent: never shown
    rgba[90:250, 160:320] = (30, 60, 200, 255)
    rgba[260:290, 150:330] = (0, 0, 0, 100)
    Image.fromarray(rgba, "RGBA").save(path)


@pytest.mark.parametrize("background", ["#000000", "#FFFFFF"])
def test_a_cutout_shows_over_the_background_not_what_its_transparent_pixels_keep(tmp_path, background):
    _cutout_png(tmp_path / "cut.png")
    asset = Asset(id="cut", path=str(tmp_path / "cut.png"), name="cut.png", kind=AssetKind.IMAGE,
                  width=480, height=360, format="png")
    tl = build(width=W, height=H, fps=30, duration=1000, background=background, assets=[asset], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="c", start=0, duration=1000, src="cut", fit=Fit.CONTAIN),))])
    frame = frame_at(render(tl, tmp_path / "cut.mp4"), 0.5).astype(int)
    bg = np.array([int(background[i:i + 2], 16) for i in (1, 3, 5)])
    # contained: 480x360 -> 480x360 in the 640x360 frame (x 80-560); the picture's corners are
    # transparent: the background, never the green kept under them
    for y, x in ((10, 100), (10, 540), (340, 100)):
        assert np.abs(frame[y, x] - bg).max() < 24, (y, x, frame[y, x])
    blue = frame[170, 320]
    assert blue[2] > 150 and blue[1] < 110 and blue[0] < 80  # the box itself
    # the 40 % shadow: 60 % of the background under 40 % black, not a solid black bar
    shadow = frame[275, 320]
    assert np.abs(shadow - bg * 0.6).max() < 28, shadow
