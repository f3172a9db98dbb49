"""The view path of a shot (render.framing) and the sub-pixel motion the compiler builds from it."""

from __future__ import annotations

import math
import re

import pytest

from reelforge.render import framing
from reelforge.render.compile import compile_render
from reelforge.render.framing import Rect, holds, plan, subject_rect
from reelforge.timeline import Asset, AssetKind, Motion, Role, Track, TrackKind, VideoSegment, build

MOVES = [Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_LEFT, Motion.PAN_RIGHT, Motion.PAN_UP, Motion.PAN_DOWN]


def _inside(r: Rect, w: float, h: float) -> bool:
    return r.x >= -1e-6 and r.y >= -1e-6 and r.x + r.w <= w + 1e-6 and r.y + r.h <= h + 1e-6


@pytest.mark.parametrize("motion", [Motion.NONE, *MOVES])
@pytest.mark.parametrize("out", [(1080, 1920), (1080, 1080), (1920, 1080)])
def test_subject_stays_whole_at_both_ends(motion, out):
    src = (1600, 1000)
    # a narrow rocket near the right edge, a head at the top, a subject in the middle
    for box in [(0.78, 0.1, 0.84, 0.8), (0.3, 0.02, 0.5, 0.27), (0.4, 0.4, 0.6, 0.6)]:
        subj = subject_rect(*src, box)
        path = plan(*src, *out, motion, subj)
        for view in (path.start, path.end):
            assert _inside(view, *src)
            assert view.w / view.h == pytest.approx(out[0] / out[1], rel=1e-6)
            if holds(*src, out[0] / out[1], subj):
                assert view.contains(subj), (box, view)


def test_motion_moves_as_much_as_the_subject_allows():
    src = (1600, 1000)
    # a small centred subject: the full 12 % zoom and pan
    subj = subject_rect(*src, (0.45, 0.45, 0.55, 0.55))
    z = plan(*src, 1080, 1920, Motion.ZOOM_IN, subj)
    assert z.start.w / z.end.w == pytest.approx(1 + framing.ZOOM)
    p = plan(*src, 1080, 1920, Motion.PAN_RIGHT, subj)
    assert p.end.x - p.start.x == pytest.approx(framing.PAN * p.start.w)
    assert plan(*src, 1080, 1920, Motion.PAN_LEFT, subj).end.x < plan(*src, 1080, 1920, Motion.PAN_LEFT, subj).start.x
    # a subject as wide as the 9:16 window: no zoom room, no pan room -- but still whole
    big = subject_rect(*src, (0.3, 0.1, 0.62, 0.6))
    z = plan(*src, 1080, 1920, Motion.ZOOM_IN, big)
    assert z.start.w / z.end.w < 1.02 and z.end.contains(big)
    p = plan(*src, 1080, 1920, Motion.PAN_RIGHT, big)
    assert p.start.contains(big) and p.end.contains(big)
    # a subject wider than any 9:16 window cannot be held: the planner switches to a blurred fill
    assert not holds(*src, 9 / 16, subject_rect(*src, (0.1, 0.1, 0.6, 0.6)))
    assert holds(*src, 16 / 9, subject_rect(*src, (0.1, 0.1, 0.6, 0.6)))


def test_a_crop_keeps_a_precise_core_whole_and_most_of_a_loose_box():
    src = (1600, 1000)  # a 9:16 window is 562.5 px wide
    loose = subject_rect(*src, (0.3, 0.2, 0.67, 0.8), margin=0)  # 592 px: 95 % of it fits
    core = subject_rect(*src, (0.45, 0.3, 0.55, 0.7), margin=0)
    assert framing.crop_holds(*src, 9 / 16, loose, core)  # keeps >= KEEP of the estimate
    assert not framing.crop_holds(*src, 9 / 16, loose, core, keep=1.0)  # all of it: no
    wider = subject_rect(*src, (0.2, 0.2, 0.77, 0.8), margin=0)  # 912 px: 62 %
    assert not framing.crop_holds(*src, 9 / 16, wider, core)
    # a face (precise): its core whole is enough, however far the head box reaches
    face = subject_rect(*src, (0.4, 0.3, 0.6, 0.6), margin=0)
    assert framing.crop_holds(*src, 9 / 16, wider, face, keep=0.0)
    assert not framing.crop_holds(*src, 9 / 16, wider, subject_rect(*src, (0.2, 0.3, 0.7, 0.6)), keep=0.0)
    assert framing.crop_holds(*src, 9 / 16, None)


@pytest.mark.parametrize("motion", MOVES)
def test_a_subject_larger_than_the_view_keeps_it_centred(motion):
    # no pan or zoom that would give up more of it; the view stays on its centre
    src = (1600, 1000)
    big = subject_rect(*src, (0.2, 0.1, 0.59, 0.9), margin=0)  # 624 px, the 9:16 view 562.5
    p = plan(*src, 1080, 1920, motion, big)
    for v in (p.start, p.end):
        assert v.w == pytest.approx(562.5) and v.cx == pytest.approx(big.cx)


def test_no_subject_is_the_centre():
    p = plan(1600, 1000, 1080, 1920, Motion.NONE)
    assert p.start.cx == pytest.approx(800) and p.start.h == 1000 and not p.moves
    assert subject_rect(1600, 1000, None, (0.5, 0.5)) is None
    assert subject_rect(1600, 1000, None, (0.8, 0.5)) == Rect(1280, 500, 0, 0)


def test_ease_is_still_at_both_ends():
    assert framing.ease(0) == 0 and framing.ease(1) == 1 and framing.ease(0.5) == pytest.approx(0.5)
    d = 1e-4
    assert (framing.ease(d) - framing.ease(0)) / d < 1e-3
    assert (framing.ease(1) - framing.ease(1 - d)) / d < 1e-3


# -- the graph: one perspective per moving part, evaluated per frame ----------------------------

_PERSP = re.compile(r"perspective=x0='([^']*)':y0='([^']*)':x1='([^']*)':y1='[^']*':x2='[^']*':y2='([^']*)'")
_ONCE = re.compile(r"crop=w='iw\*([\d.e-]+)':h='ih\*([\d.e-]+)':x='iw\*([\d.e-]+)':y='ih\*([\d.e-]+)':exact=1,"
                   r"scale=(\d+):(\d+)")


def _ev(expr: str, i: int) -> float:
    return float(eval(re.sub(r"\bin\b", "_in", expr), {"__builtins__": {}},  # noqa: S307 - our own numbers
                      {"_in": i, "cos": math.cos, "PI": math.pi, "min": min}))


def _graph(motion: Motion, box, w: int = 1080, h: int = 1920, n_ms: int = 3000) -> str:
    a = Asset(id="img", path="/p.png", name="p.png", kind=AssetKind.IMAGE, width=1600, height=1000)
    seg = VideoSegment(id="s", start=0, duration=n_ms, src="img", motion=motion, subject=box)
    tl = build(width=w, height=h, fps=30, duration=n_ms, assets=[a],
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(seg,))])
    return compile_render(tl, "/o.mp4", workdir="/w").filter_graph


@pytest.mark.parametrize("motion", MOVES)
def test_the_graph_moves_the_view_smoothly_along_the_plan(motion):
    box = (0.7, 0.2, 0.78, 0.7)
    g = _graph(motion, box)
    (cw, ch, cx, cy, bw, bh), = _ONCE.findall(g)
    cw, ch, cx, cy, bw, bh = (float(v) for v in (cw, ch, cx, cy, bw, bh))
    kx = bw / (cw * 1600)  # base px per source px
    (x0, y0, x1, y2), = _PERSP.findall(g)
    path = plan(1600, 1000, 1080, 1920, motion, subject_rect(1600, 1000, box))
    n = 90
    xs = [_ev(x0, i + 1) / kx + cx * 1600 for i in range(n)]  # the view's left edge, source px
    widths = [(_ev(x1, i + 1) - _ev(x0, i + 1)) * 1080 / bw / kx for i in range(n)]
    assert xs[0] == pytest.approx(path.start.x, abs=0.01) and xs[-1] == pytest.approx(path.end.x, abs=0.01)
    assert widths[0] == pytest.approx(path.start.w, abs=0.01) and widths[-1] == pytest.approx(path.end.w, abs=0.01)
    subj = subject_rect(1600, 1000, box)
    for x, vw in zip(xs, widths, strict=True):  # every frame holds the subject (horizontally)
        assert x <= subj.x + 1e-6 and x + vw >= subj.x + subj.w - 1e-6
    # sub-pixel, eased: steps change gradually (no whole-pixel jumps), still at both ends
    steps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    accel = [abs(b - a) * kx for a, b in zip(steps, steps[1:], strict=False)]  # in output px
    assert max(accel) < 0.1
    assert abs(steps[0]) * kx < 0.05 and abs(steps[-1]) * kx < 0.05
    assert "zoompan" not in g


def test_a_still_shot_is_cropped_and_scaled_once():
    g = _graph(Motion.NONE, (0.7, 0.2, 0.78, 0.7))
    assert "perspective" not in g and "scale=1080:1920" in g
