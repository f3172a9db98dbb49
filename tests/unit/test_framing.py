"""The view path of a shot (render.framing) and the sub-pixel motion the compiler builds from it."""

from __future__ import annotations

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


@pytest.mark.parametrize("motion", MOVES)
def test_a_subject_larger_than_the_view_with_a_core_that_fits_is_revealed_by_a_zoom_out(motion):
    # Grace Hopper's head box in 9:16: wider than the view, her face (the core) is not
    src = (1600, 1000)
    big = subject_rect(*src, (0.2, 0.1, 0.59, 0.9), margin=0)  # 624 px, the 9:16 view 562.5
    core = subject_rect(*src, (0.25, 0.3, 0.5, 0.7), margin=0)  # 400 px, left of the box's centre
    p = plan(*src, 1080, 1920, motion, big, core)
    assert p.start.w == pytest.approx(562.5 / (1 + framing.ZOOM)) and p.end.w == pytest.approx(562.5)
    for q in (0.0, 0.3, 0.5, 0.8, 1.0):  # the core whole in every frame, all inside the picture
        e = framing.ease(q)
        v = Rect(*(a + (b - a) * e for a, b in zip((p.start.x, p.start.y, p.start.w, p.start.h),
                                                   (p.end.x, p.end.y, p.end.w, p.end.h), strict=True)))
        assert v.contains(core) and _inside(v, *src)
    # it ends as near the box's centre as holding the core allows: the core's right edge, not the box's
    assert p.end.x + p.end.w == pytest.approx(max(core.x + core.w, big.cx + 562.5 / 2))
    assert not plan(*src, 1080, 1920, Motion.NONE, big, core).moves  # a still stays still
    # a core that does not fit either: centred on the box, still
    wide_core = subject_rect(*src, (0.2, 0.3, 0.58, 0.7), margin=0)
    assert not plan(*src, 1080, 1920, motion, big, wide_core).moves


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


# -- the graph: whole-pixel crops of an oversampled still, set per frame -----------------------

_ONCE = re.compile(r"crop=w='iw\*([\d.e-]+)':h='ih\*([\d.e-]+)':x='iw\*([\d.e-]+)':y='ih\*([\d.e-]+)':exact=1,"
                   r"(?:scale=\d+:\d+,)?scale=(\d+):(\d+):out_range=tv")
_SEND = re.compile(r"sendcmd=c='([^']*)',crop@(\w+)=w=(\d+):h=(\d+):x=(\d+):y=(\d+):exact=1,"
                   r"scale=(\d+):(\d+):flags=neighbor")


def _crops(g: str, n: int) -> tuple[list[tuple[int, int, int, int]], str]:
    """The crop (w, h, x, y) of each of the first ``n`` frames, replaying the sendcmd script."""
    (script, name, *first, ow, oh), = _SEND.findall(g)
    cur = dict(zip("whxy", (int(v) for v in first), strict=True))
    events = []
    for item in filter(None, (c.strip() for c in script.split(";"))):
        t, _, sets = item.partition(" ")
        events.append((float(t), [s.split() for s in sets.split(",")]))
    out = []
    for i in range(n):
        for t, sets in events:
            if (i - 1) / 30 < t <= i / 30:  # fires before frame i
                for target, key, value in sets:
                    assert target == f"crop@{name}"
                    cur[key] = int(value)
        out.append((cur["w"], cur["h"], cur["x"], cur["y"]))
    return out, f"{ow}x{oh}"


def _graph(motion: Motion, box, w: int = 1080, h: int = 1920, n_ms: int = 3000) -> str:
    a = Asset(id="img", path="/p.png", name="p.png", kind=AssetKind.IMAGE, width=1600, height=1000)
    seg = VideoSegment(id="s", start=0, duration=n_ms, src="img", motion=motion, subject=box)
    tl = build(width=w, height=h, fps=30, duration=n_ms, assets=[a],
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(seg,))])
    return compile_render(tl, "/o.mp4", workdir="/w").filter_graph


_BAND = re.compile(r"exact=1,scale=(\d+):(\d+),scale=(\d+):(\d+):out_range=tv")


@pytest.mark.parametrize("motion", [Motion.ZOOM_IN, Motion.PAN_RIGHT])
def test_a_source_finer_than_the_frame_is_brought_to_its_resolution_before_point_sampling(motion):
    # the frames take the nearest pixel of the oversampled picture: detail finer than the
    # output's pixels would alias (shimmer as it moves), so a larger source is first scaled
    # down to the base (the tightest view at the output's resolution), then enlarged
    small = _graph(motion, None, 270, 480)  # 1600x1000 shown in a 270x480 frame: scaled down
    (bw, bh, ow, oh), = _BAND.findall(small)
    assert int(bw) < 1600 and int(bh) < 1000 and (int(ow) >= 5 * int(bw) or int(oh) >= 5 * int(bh))
    assert not _BAND.findall(_graph(motion, None))  # enlarged for 1080x1920: nothing to remove


@pytest.mark.parametrize("motion", MOVES)
def test_the_graph_moves_the_view_smoothly_along_the_plan(motion):
    box = (0.7, 0.2, 0.78, 0.7)
    g = _graph(motion, box)
    (cw, ch, cx, cy, bw, bh), = _ONCE.findall(g)
    cw, ch, cx, cy, bw, bh = (float(v) for v in (cw, ch, cx, cy, bw, bh))
    kx, ky = bw / (cw * 1600), bh / (ch * 1000)  # oversampled px per source px
    n = 90
    crops, size = _crops(g, n)
    assert size == "1080x1920"
    # every frame point-samples its crop of the oversampled picture (no per-frame filtering)
    assert "flags=neighbor" in g and "bilinear" not in g.split("sendcmd", 1)[1].split("[", 1)[0]
    path = plan(1600, 1000, 1080, 1920, motion, subject_rect(1600, 1000, box))
    subj = subject_rect(1600, 1000, box)
    for axis, k, off, src, out in (("x", kx, cx, 1600, 1080), ("y", ky, cy, 1000, 1920)):
        i0, size_of = (2, 0) if axis == "x" else (3, 1)
        pos = [c[i0] / k + off * src for c in crops]  # the view's left (top) edge, source px
        ext = [c[size_of] / k for c in crops]
        a0, a1 = getattr(path.start, axis), getattr(path.end, axis)
        e0, e1 = (path.start.w, path.end.w) if axis == "x" else (path.start.h, path.end.h)
        step = 1 / k  # one crop step, source px
        tol = max(step, 0.5 + 1e-3)  # an axis the view keeps still is not enlarged: whole px
        assert pos[0] == pytest.approx(a0, abs=tol) and pos[-1] == pytest.approx(a1, abs=tol)
        assert ext[0] == pytest.approx(e0, abs=tol) and ext[-1] == pytest.approx(e1, abs=tol)
        lo, span = (subj.x, subj.w) if axis == "x" else (subj.y, subj.h)
        for p, v in zip(pos, ext, strict=True):  # every frame holds the subject
            assert p <= lo + tol and p + v >= lo + span - tol
        if (a0, e0) == (a1, e1):
            assert len(set(pos)) == 1 and len(set(ext)) == 1  # still along this axis
            continue
        # fine steps along the eased path: each frame within half a crop step of the exact
        # view; one step under a quarter of an output pixel even where the view is tightest (a
        # tenth unless the oversampled picture's memory cap binds, as for a 5x5 zoom)
        assert step * out / min(e0, e1) < 0.25
        for i, p in enumerate(pos):
            exact = a0 + (a1 - a0) * framing.ease(i / (n - 1))
            assert abs(p - exact) <= step / 2 + 1e-6 + 1 / k
        assert abs(pos[1] - pos[0]) <= step + 1e-9 and abs(pos[-1] - pos[-2]) <= step + 1e-9
    assert "zoompan" not in g and "perspective" not in g


def test_a_still_shot_is_cropped_and_scaled_once():
    g = _graph(Motion.NONE, (0.7, 0.2, 0.78, 0.7))
    assert "sendcmd" not in g and "scale=1080:1920" in g


def test_oversampled_stills_share_one_memory_budget():
    """ffmpeg keeps every looped still until a whole render ends, so the oversampled pictures of
    a timeline together stay within `motion.BUDGET_PIXELS`; shots that get no room for fine
    enough steps move by ``perspective`` (the same choice in a whole render and its chunks)."""
    from reelforge.render import motion

    def graph(shots: int) -> str:
        assets = [Asset(id=f"i{k}", path=f"/p{k}.png", name=f"p{k}.png", kind=AssetKind.IMAGE,
                        width=1920, height=1080) for k in range(shots)]
        segs = tuple(VideoSegment(id=f"s{k}", start=3000 * k, duration=3000, src=f"i{k}",
                                  motion=Motion.ZOOM_IN if k % 2 else Motion.PAN_LEFT) for k in range(shots))
        tl = build(width=1920, height=1080, fps=30, duration=3000 * shots, assets=assets,
                   tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])
        return compile_render(tl, "/o.mp4", workdir="/w").filter_graph

    for shots in (1, 2, 6):
        g = graph(shots)
        sizes = [int(w) * int(h) for w, h in re.findall(r"scale=(\d+):(\d+):out_range=tv", g)]
        big = [s for s in sizes if s > 1920 * 1080 * 2]
        assert sum(big) <= motion.BUDGET_PIXELS
        moving = g.count("sendcmd=c=") + g.count("perspective=")
        assert moving == shots
    assert "perspective=" not in graph(2) and "perspective=" in graph(6)


def test_what_pans_leave_of_the_budget_goes_to_a_zoom():
    """An equal share of the budget (40 M pixels for three shots) is too small for a 1080p
    zoom's 5x5 picture (~52 M); two pans use ~21 M each, and the zoom gets what they leave
    instead of falling back to ``perspective``; all three stay within the budget."""
    from reelforge.render import motion

    assets = [Asset(id=f"i{k}", path=f"/p{k}.png", name=f"p{k}.png", kind=AssetKind.IMAGE,
                    width=1920, height=1080) for k in range(3)]
    moves = [Motion.PAN_LEFT, Motion.ZOOM_IN, Motion.PAN_RIGHT]
    segs = tuple(VideoSegment(id=f"s{k}", start=3000 * k, duration=3000, src=f"i{k}", motion=moves[k])
                 for k in range(3))
    tl = build(width=1920, height=1080, fps=30, duration=9000, assets=assets,
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])
    g = compile_render(tl, "/o.mp4", workdir="/w").filter_graph
    sizes = [int(w) * int(h) for w, h in re.findall(r"scale=(\d+):(\d+):out_range=tv", g)]
    big = [s for s in sizes if s > 1920 * 1080 * 2]
    assert len(big) == 3 and max(big) > motion.BUDGET_PIXELS // 3 and sum(big) <= motion.BUDGET_PIXELS
    assert "perspective=" not in g and g.count("sendcmd=c=") == 3


def test_pans_get_their_steps_from_what_the_zooms_5x_steps_leave():
    """Three 1080p zooms and three pans in one render: 5x steps first, cheapest first (the
    pans, then the one zoom that fits), then the rest of the budget to pans: two of them get
    10x or more (an equal share held all three at 8x; x264's veryfast adds its own error to a
    pan's steps, 0.276 px of jitter at 5x on the 16:9 framing timeline), within the budget."""
    from reelforge.render import motion

    assets = [Asset(id=f"i{k}", path=f"/p{k}.png", name=f"p{k}.png", kind=AssetKind.IMAGE,
                    width=1920, height=1080) for k in range(6)]
    moves = [Motion.ZOOM_IN, Motion.PAN_LEFT, Motion.ZOOM_OUT, Motion.PAN_RIGHT, Motion.ZOOM_IN, Motion.PAN_LEFT]
    segs = tuple(VideoSegment(id=f"s{k}", start=3000 * k, duration=3000, src=f"i{k}", motion=moves[k])
                 for k in range(6))
    tl = build(width=1920, height=1080, fps=30, duration=18000, assets=assets,
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])
    g = compile_render(tl, "/o.mp4", workdir="/w").filter_graph
    sizes = [(int(w), int(h)) for w, h in re.findall(r"scale=(\d+):(\d+):out_range=tv", g)]
    pans = [w for w, h in sizes if h < 1200 and w > 2 * 1920]
    zooms = [w * h for w, h in sizes if h >= 5 * 1080]
    assert len(pans) == 3 and sum(w >= 10 * 1920 for w in pans) >= 2 and min(pans) >= motion.MIN_OVERSAMPLE * 1920
    assert len(zooms) == 1 and g.count("perspective=") == 2
    assert sum(w * h for w, h in sizes if w * h > 1920 * 1080 * 2) <= motion.BUDGET_PIXELS


def test_a_chunks_stills_share_the_budget_only_with_the_chunks_stills():
    """A chunk's ffmpeg holds only the stills it shows, so in a chunked export six moving
    shots get oversampled pictures where one whole render has room for fewer (and moves the
    rest by ``perspective``); every chunk's pictures stay within `motion.BUDGET_PIXELS`, and
    ``compile_render(..., chunk_motion=True)`` picks the chunks' filters (their frames)."""
    from reelforge.render import motion
    from reelforge.render.chunks import plan_chunks
    from reelforge.render.compile import compile_chunk

    assets = [Asset(id=f"i{k}", path=f"/p{k}.png", name=f"p{k}.png", kind=AssetKind.IMAGE,
                    width=1920, height=1080) for k in range(6)]
    segs = tuple(VideoSegment(id=f"s{k}", start=3000 * k, duration=3000, src=f"i{k}",
                              motion=Motion.ZOOM_IN if k % 2 else Motion.PAN_LEFT) for k in range(6))
    tl = build(width=1920, height=1080, fps=30, duration=18000, assets=assets,
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])

    def big(g: str) -> list[int]:
        sizes = [int(w) * int(h) for w, h in re.findall(r"scale=(\d+):(\d+):out_range=tv", g)]
        return [s for s in sizes if s > 1920 * 1080 * 2]

    assert "perspective=" in compile_render(tl, "/o.mp4", workdir="/w").filter_graph
    chunked = compile_render(tl, "/o.mp4", workdir="/w", chunk_motion=True).filter_graph
    assert "perspective=" not in chunked and chunked.count("sendcmd=c=") == 6
    for a, b in plan_chunks(tl):
        g = compile_chunk(tl, "/c.mp4", (a, b), workdir="/w", post_roll=8).filter_graph
        assert "perspective=" not in g and 0 < sum(big(g)) <= motion.BUDGET_PIXELS
        # the same oversampled pictures as the comparison render
        assert set(big(g)) <= set(big(chunked))


@pytest.mark.parametrize("motion", [Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_LEFT, Motion.PAN_RIGHT])
def test_a_move_with_no_subject_gives_up_less_above_than_below(motion):
    """No subject found (the 1080p astronaut, her forehead cut by the photo): a zoom closing on the
    centre cut her eyes; it now closes on the upper third down, twice as much lost below as above."""
    p = plan(1920, 1080, 1920, 1080, motion)
    view = p.end if motion is Motion.ZOOM_IN else p.start
    above, below = view.y, 1080 - view.y - view.h
    assert below == pytest.approx(2 * above) and above > 0
    if motion in (Motion.ZOOM_IN, Motion.ZOOM_OUT):
        assert view.x + view.w / 2 == pytest.approx(960)  # centred across


def test_a_still_with_no_subject_stays_centred():
    p = plan(600, 900, 1920, 1080, Motion.NONE)
    assert p.start.y + p.start.h / 2 == pytest.approx(450)
