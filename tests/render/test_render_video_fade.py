"""The picture's fade from and to black at the video's ends, said in chat and rendered for real:
"fade to black at the end" darkens the last second (the last frame black, the title too),
"fade in from black" opens on black; a chunk that starts inside a fade makes the whole render's
frames there."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from reelforge.render import render
from reelforge.render.compile import compile_chunk, compile_render
from reelforge.render.text import fitted_specs
from reelforge.session import Session
from reelforge.timeline import replace

from ._chunk_helpers import raw_frames
from ._render_helpers import frames_at

pytestmark = pytest.mark.render
W, H = 320, 180


def test_fade_to_black_at_the_end_and_in_from_black(tmp_path):
    from PIL import Image
    from skimage import data

    Image.fromarray(data.coffee()).save(tmp_path / "coffee.jpg", quality=92)
    s = Session.new()
    s.add_assets([tmp_path / "coffee.jpg"], workdir=tmp_path / "media")
    s.handle("a 3 second video, no motion, no text")
    s.handle("add the title 'SALE' for the whole video")
    reply = s.handle("fade to black at the end")
    assert "fades to black over the last 1s" in reply.message
    out = render(replace(s.timeline, width=W, height=H), tmp_path / "out.mp4")
    mid, late, last = (f.astype(float) for f in frames_at(out, [1.5, 2.8, 2.99]))
    assert mid.mean() > 60  # the photo, lit
    assert late.mean() < mid.mean() * 0.5  # measurably darker near the end
    assert last.max() < 30  # the last frame is black, the title with it
    reply = s.handle("fade in from black")
    assert "fades in from black" in reply.message
    out = render(replace(s.timeline, width=W, height=H), tmp_path / "in.mp4")
    first, early, mid2 = (f.astype(float) for f in frames_at(out, [0.0, 0.3, 1.5]))
    assert first.max() < 30 and early.mean() < mid2.mean() * 0.6
    assert abs(mid2.mean() - mid.mean()) < 3  # the middle is untouched


def test_a_chunk_inside_a_fade_makes_the_whole_renders_frames(media, tmp_path):
    from reelforge.timeline import build

    tl = build(width=W, height=H, fps=30, duration=2000, fade_in_ms=500, fade_out_ms=700,
               assets=[media["checker"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "v", "kind": "video", "start": 0, "duration": 2000, "src": "checker", "motion": "zoom-in"}]},
                       {"id": "t", "kind": "text", "role": "title", "segments": [
                   {"id": "t1", "kind": "text", "start": 0, "duration": 2000, "text": "Fade"}]}])
    d = tmp_path / "whole"
    d.mkdir()
    whole = raw_frames(compile_render(tl, d / "x.mp4", workdir=d, chunk_motion=True), d / "w.yuv")
    assert len(whole) == 60
    luma = whole[:, :W * H].astype(float).mean(axis=1)
    assert luma[0] <= 17 and luma[-1] <= 17 and luma[30] > 60  # black ends (limited range), lit middle
    for a, b in [(0, 10), (5, 20), (30, 50), (45, 60), (59, 60)]:
        d = tmp_path / f"r{a}_{b}"
        d.mkdir()
        cmd = compile_chunk(tl, d / "c.mp4", (a, b), workdir=d)
        fitted = {s.segment_id: s.font_px for s in fitted_specs(cmd.text_context)}
        texts = [dataclasses.replace(s, font_px=fitted[s.segment_id]) for s in cmd.overlays]
        got = raw_frames(cmd, d / "c.yuv", texts=texts)
        diff = [int(np.abs(got[i].astype(int) - whole[a + i]).max()) for i in range(b - a)]
        assert max(diff) == 0, f"range {a}-{b}: frames differ at {[a + i for i, v in enumerate(diff) if v]}"
