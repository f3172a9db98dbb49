"""Real renders of a caption track on a 9:16 frame: social-video captions.

Three cues (1.2 s, a 0.4 s one-word cue, a long cue that must wrap) over a plain picture:
OCR reads them back; they sit at the bottom of the safe zone's column (x 6-86 %, y 8-78 %:
clear of the description text and of the right-hand button rail), at one position and one font size across cues, in at
most two lines, and the short cue stays a full second (into the free time after it) at full
strength for most of it despite 300 ms fades asked for.
"""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import compile_render, render, verify
from reelforge.render.layout import safe_zone
from reelforge.render.text import fitted_specs, text_lines
from reelforge.timeline import (
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Track,
    TrackKind,
    VideoSegment,
    build,
)

from ._render_helpers import COLORS, frames_at, ocr_white_text

pytestmark = pytest.mark.render

W, H = 540, 960
CUES = [(0, 1200, "Hello from the city"), (1200, 400, "Go!"),
        (2200, 1400, "This caption is a rather long sentence that has to wrap")]
AT = [0.6, 1.4, 2.9]  # the middle of each cue


def _timeline(media, background: TextBackground = TextBackground.BOX):
    segs = tuple(TextSegment(id=f"c{i}", start=s, duration=d, text=t, position=Position.BOTTOM,
                             size=TextSize.LARGE, background=background, fade_in_ms=300, fade_out_ms=300)
                 for i, (s, d, t) in enumerate(CUES))
    return build(width=W, height=H, fps=30, duration=3600, assets=[media["green"]], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="v", start=0, duration=3600, src="green"),)),
        Track(id="captions", kind=TrackKind.TEXT, role=Role.CAPTION, segments=segs)])


@pytest.fixture(scope="module")
def captioned(media, tmp_path_factory):
    out = tmp_path_factory.mktemp("captions") / "captions.mp4"
    render(_timeline(media), out)
    return out


def _ocr(img: np.ndarray, psm: int) -> str:
    return " ".join(ocr_white_text(img, psm).split())  # the white caption text


def _changed(frame: np.ndarray) -> np.ndarray:
    return np.abs(frame.astype(int) - np.array(COLORS["green"])).max(axis=2) > 40


def _white_rows(frame: np.ndarray) -> list[tuple[int, int]]:
    """Bands of rows holding white text: one per line."""
    rows = (frame.min(axis=2) > 200).sum(axis=1) > 0
    bands, start = [], None
    for y, on in enumerate(rows):
        if on and start is None:
            start = y
        if not on and start is not None:
            bands.append((start, y))
            start = None
    return [b for b in bands if b[1] - b[0] > 3]


def test_captions_read_back_with_ocr(captioned):
    info = verify(captioned)
    assert (info.width, info.height) == (W, H)
    first, _, long = frames_at(captioned, AT)
    band = np.s_[int(H * 0.55):, :]
    assert "hello from the city" in _ocr(first[band], 7).lower()
    read = _ocr(long[band], 6).lower()
    assert "rather long" in read and "has to wrap" in read


def test_captions_in_the_safe_caption_column(captioned):
    boxes = []
    for frame in frames_at(captioned, AT):
        ys, xs = np.nonzero(_changed(frame))
        assert len(ys) > 300
        boxes.append((xs.min(), xs.max(), ys.min(), ys.max()))
    sx0, sy0, sx1, sy1 = safe_zone(W, H)
    for x0, x1, y0, y1 in boxes:
        assert y1 <= sy1 + 1  # clear of the platform's description text (below 78 %)
        assert y0 > H * 0.5  # but low in the frame
        assert x0 >= sx0 - 1 and x1 <= sx1 + 1  # clear of the button rail
    # one position for every cue: the same bottom edge and the same centre
    assert max(b[3] for b in boxes) - min(b[3] for b in boxes) <= 2
    centres = [(b[0] + b[1]) / 2 for b in boxes]
    assert max(centres) - min(centres) <= 2


def test_captions_two_lines_one_size(captioned, media, tmp_path):
    first, short, long = frames_at(captioned, AT)
    assert len(_white_rows(first)) == 1 and len(_white_rows(short)) == 1
    lines = _white_rows(long)
    assert len(lines) == 2  # wrapped, but in no more than two lines
    # one font size across cues: "Hello from the city" and the long cue's lines (both with
    # ascenders and descenders) are the same height
    h_first = _white_rows(first)[0][1] - _white_rows(first)[0][0]
    assert all(abs((b - a) - h_first) <= 2 for a, b in lines)
    specs = fitted_specs(compile_render(_timeline(media), tmp_path / "x.mp4", workdir=tmp_path).overlays)
    assert len({s.font_px for s in specs}) == 1
    assert all(len(text_lines(s, s.font_px)) <= 2 for s in specs)
    assert specs[0].font_px >= specs[0].min_font_px  # still readable


def test_short_cue_is_readable_for_most_of_its_time(captioned):
    """A 0.4 s cue with 300 ms fades asked for: held for 1 s (render.layout.hold_texts, into the
    free time before the next cue), its fades shrink to 100 ms, so the caption is at full
    strength from 10 % to 90 % of that second, long after its own 0.4 s."""
    full = frames_at(captioned, [AT[0]])[0]
    ref_box = np.median(full[_changed(full)].astype(int).max(axis=1))  # the box's darkness, faded in
    for t in (1.2 + 0.12, 1.2 + 0.5, 1.2 + 0.85):
        f = frames_at(captioned, [t])[0]
        changed = _changed(f)
        assert changed.sum() > 300, t
        assert f[changed].min(axis=1).max() > 230, t  # white text at full strength
        assert f[changed & (f.max(axis=2) < 120)].sum() > 0, t  # over its dark box
        box = np.median(f[changed].astype(int).max(axis=1))
        assert abs(box - ref_box) < 12, (t, box, ref_box)  # as dark as in a long cue: not mid-fade


def test_outline_style_reads_back(media, tmp_path):
    out = render(_timeline(media, TextBackground.SHADOW), tmp_path / "outline.mp4")
    frame = frames_at(out, [AT[0]])[0]
    assert "hello from the city" in _ocr(frame[int(H * 0.55):], 7).lower()
    # a heavy dark outline around the white letters
    changed = _changed(frame)
    dark = changed & (frame.max(axis=2) < 60)
    white = frame.min(axis=2) > 220
    assert dark.sum() > 0.5 * white.sum()
