"""Editly specs, written from Editly's README examples (image.json5, kenBurns.json5,
audio1.json5, subtitle.json5, imageOverlay.json5) with local files, mapped onto the timeline
and rendered for real; unsupported layer types are refused one line each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from reelforge.interop import editly
from reelforge.timeline.model import Fit, Motion, Position, Role, Transition

COLOURS = {"red.jpg": (220, 40, 40), "green.jpg": (40, 190, 70), "blue.jpg": (40, 70, 220)}


@pytest.fixture(scope="module")
def assets(tmp_path_factory):
    from reelforge.media import write_test_audio, write_test_video

    d = tmp_path_factory.mktemp("editly")
    (d / "assets").mkdir()
    for name, rgb in COLOURS.items():
        Image.new("RGB", (800, 600), rgb).save(d / "assets" / name)
    Image.new("RGBA", (200, 200), (255, 255, 255, 255)).save(d / "assets" / "emoji.png")
    write_test_video(d / "assets" / "lofoten.mp4", size=(320, 180), seconds=4.0, fps=25)
    write_test_audio(d / "assets" / "music.mp3", seconds=5.0)  # shorter than a spec: loopAudio repeats it
    return d


def _write(d: Path, name: str, text: str) -> Path:
    p = d / name
    p.write_text(text)
    return p


KEN_BURNS = """{
  // from Editly's examples/kenBurns.json5
  outPath: "./kenBurns.mp4",
  width: 640, height: 360,
  defaults: {
    transition: { name: "fade" },
  },
  clips: [
    { duration: 3, layers: [{ type: "image", path: "./assets/red.jpg", zoomDirection: "out" }] },
    { duration: 3, layers: [{ type: "image", path: "./assets/green.jpg", zoomDirection: "in" }] },
    { duration: 3, layers: [{ type: "image", path: "./assets/blue.jpg", zoomDirection: null }] },
  ],
  audioFilePath: "./assets/music.mp3",
  loopAudio: true,
}"""


def test_ken_burns_spec_maps_and_renders(assets):
    from reelforge.render import render, verify

    spec = editly.load_spec(_write(assets, "kenBurns.json5", KEN_BURNS))
    mapped = editly.to_timeline(spec, assets)
    tl = mapped.timeline
    main = tl.track(Role.MAIN).segments
    assert [s.motion for s in main] == [Motion.ZOOM_OUT, Motion.ZOOM_IN, Motion.NONE]
    assert [s.transition for s in main] == [Transition.CUT, Transition.CROSSFADE, Transition.CROSSFADE]
    assert [s.transition_ms for s in main] == [0, 500, 500]
    assert tl.duration == 9000 - 2 * 500  # transitions overlap the clips, as in Editly
    assert all(s.fit is Fit.BLUR for s in main)  # Editly's default resizeMode: contain-blur
    music = tl.track(Role.MUSIC).segments[0]
    assert music.loop and music.duration == tl.duration
    assert mapped.output == "./kenBurns.mp4"

    out = render(tl, assets / "kenBurns.mp4", quality="draft")
    info = verify(out)
    assert info.duration == pytest.approx(8.0, abs=0.15) and info.acodec == "aac"
    from ..render._render_helpers import frame_at

    # each clip's picture is really there, in order
    for t, name in ((1.0, "red.jpg"), (4.0, "green.jpg"), (7.2, "blue.jpg")):
        frame = frame_at(out, t)
        h, w = frame.shape[:2]
        centre = frame[h // 3: 2 * h // 3, w // 3: 2 * w // 3].reshape(-1, 3).mean(axis=0)
        assert np.abs(centre - np.array(COLOURS[name])).max() < 30, (t, name, centre)


AUDIO_AND_VIDEO = """{
  // from Editly's examples/audio1.json5 and imageOverlay.json5
  outPath: "./audio1.mp4",
  width: 640, height: 360, fps: 25,
  keepSourceAudio: true,
  defaults: { transition: null },
  clips: [
    { duration: 1, layers: [{ type: "video", path: "./assets/lofoten.mp4", cutFrom: 0.5, cutTo: 2.5 }] },
    { layers: [
        { type: "video", path: "./assets/lofoten.mp4", cutFrom: 0, cutTo: 2, mixVolume: 0 },
        { type: "audio", path: "./assets/music.mp3", mixVolume: 0.1 },
        { type: "image-overlay", path: "./assets/emoji.png", position: "top-right", width: 0.2, start: 0.5, stop: 1.5 },
    ] },
    { duration: 2, layers: [
        { type: "fill-color", color: "#00aa00" },
        { type: "title", text: "Editly specs", position: "top" },
        { type: "subtitle", text: "Lorem ipsum dolor sit amet" },
    ] },
  ],
}"""


def test_video_audio_overlay_and_text_layers(assets):
    mapped = editly.to_timeline(editly.load_spec(_write(assets, "audio1.json5", AUDIO_AND_VIDEO)), assets)
    tl = mapped.timeline
    assert (tl.width, tl.height, tl.fps) == (640, 360, 25)
    main = tl.track(Role.MAIN).segments
    assert [(s.start, s.duration) for s in main] == [(0, 1000), (1000, 2000)]
    assert main[0].in_ms == 500 and main[0].speed == pytest.approx(2.0)  # 2 s of source into a 1 s clip
    assert not main[0].mute and main[1].mute  # keepSourceAudio, but mixVolume 0
    overlay = tl.track(Role.OVERLAY).segments[0]
    assert (overlay.start, overlay.duration, overlay.position, overlay.scale) == (1500, 1000, Position.TOP_RIGHT, 0.2)
    sfx = tl.track(Role.SFX).segments[0]
    assert sfx.start == 1000 and sfx.duration == 2000 and sfx.volume == pytest.approx(0.1)
    title = tl.track(Role.TITLE).segments[0]
    caption = tl.track(Role.CAPTION).segments[0]
    assert (title.text, title.start, title.position) == ("Editly specs", 3000, Position.TOP)
    assert (caption.text, caption.position) == ("Lorem ipsum dolor sit amet", Position.BOTTOM)
    assert tl.background == "#00AA00" and tl.duration == 5000


def test_cli_renders_a_spec_to_its_out_path(assets):
    from reelforge.render import verify

    spec = _write(assets, "image.json5", """{
      // from Editly's examples/image.json5
      width: 320, height: 180, outPath: "./image.mp4",
      defaults: { transition: null, duration: 0.5 },
      clips: [
        { layers: [{ type: "image", path: "./assets/red.jpg" }] },
        { layers: [{ type: "fill-color", color: "white" }, { type: "image", path: "./assets/blue.jpg", resizeMode: "contain" }] },
        { layers: [{ type: "image", path: "./assets/green.jpg", resizeMode: "cover" }] },
        { layers: [{ type: "image", path: "./assets/green.jpg", resizeMode: "stretch" }] },
      ],
    }""")
    r = subprocess.run([sys.executable, "-m", "reelforge.cli", "render", str(spec), "-q", "draft"],
                       capture_output=True, text=True, timeout=600, cwd=assets)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "stretch" in r.stderr  # the rough mapping is named (Rich talks on stderr)
    info = verify(assets / "image.mp4")
    assert info.duration == pytest.approx(2.0, abs=0.15)


def test_unsupported_layers_are_refused_one_line_each(assets, tmp_path):
    spec = _write(assets, "gl.json5", """{
      clips: [
        { duration: 1, layers: [{ type: "gl", fragmentPath: "./shader.frag" }] },
        { duration: 1, layers: [{ type: "image", path: "./assets/red.jpg" }, { type: "rainbow-colors" }] },
      ],
    }""")
    with pytest.raises(editly.EditlySpecError) as err:
        editly.to_timeline(editly.load_spec(spec), assets)
    lines = err.value.message.splitlines()
    assert lines == [
        "clips[0].layers[0]: layer type 'gl' is not supported (supported: " + ", ".join(editly.SUPPORTED) + ")",
        "clips[1].layers[1]: layer type 'rainbow-colors' is not supported (supported: "
        + ", ".join(editly.SUPPORTED) + ")"]
    r = subprocess.run([sys.executable, "-m", "reelforge.cli", "render", str(spec), "-o", str(tmp_path / "x.mp4")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "'gl' is not supported" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.mp4").exists()


@pytest.mark.parametrize("bad, words", [
    ('{ clips: [ { duration: -1, layers: [] } ] }', "clips[0].duration"),
    ('{ clips: [ { layers: [ { type: "image", path: "./missing.jpg" } ] } ] }', "missing.jpg"),
    ('{ clips: [ { layers: [ { type: "image", path: "https://example.com/x.jpg" } ] } ] }', "remote paths"),
    ('{ clips: [ { layers: [ { type: "title" } ] } ] }', "needs text"),
    ('{ clips: [ ', "not valid JSON5"),
])
def test_bad_specs_get_a_clear_error(assets, bad, words):
    p = _write(assets, "bad.json5", bad)
    with pytest.raises(Exception) as err:
        editly.to_timeline(editly.load_spec(p), assets)
    assert words in str(getattr(err.value, "message", err.value))


def test_zoom_amount_maps_to_how_far_the_move_goes(assets):
    """Editly's ``zoomAmount``: kept when inside reelforge's range, brought inside with a note
    when not; the usual 12 % when not given; a non-number is a clear error."""
    spec = ('{ width: 640, height: 360, clips: [ '
            '{ duration: 2, layers: [ { type: "image", path: "./assets/red.jpg", zoomDirection: "in", zoomAmount: 0.25 } ] }, '
            '{ duration: 2, layers: [ { type: "image", path: "./assets/green.jpg", zoomDirection: "left", zoomAmount: 2 } ] }, '
            '{ duration: 2, layers: [ { type: "image", path: "./assets/blue.jpg" } ] } ] }')
    mapped = editly.to_timeline(editly.load_spec(_write(assets, "zoomAmount.json5", spec)), assets)
    assert [s.motion_amount for s in mapped.timeline.track(Role.MAIN).segments] == [0.25, 0.3, 0.12]
    assert any("zoomAmount: 2 is shown as 0.3" in n for n in mapped.notes), mapped.notes
    bad = _write(assets, "zoomAmountBad.json5",
                 '{ clips: [ { layers: [ { type: "image", path: "./assets/red.jpg", zoomAmount: "big" } ] } ] }')
    with pytest.raises(Exception) as err:
        editly.to_timeline(editly.load_spec(bad), assets)
    assert "zoomAmount" in str(getattr(err.value, "message", err.value))
