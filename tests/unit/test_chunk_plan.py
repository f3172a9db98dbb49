"""Where an export is cut into chunks (`reelforge.render.chunks.plan_chunks`, pure)."""

from __future__ import annotations

import pytest

from reelforge.render.chunks import (
    HEAD_CHUNK_S,
    MAX_CHUNK_S,
    MIN_CHUNK_S,
    plan_chunks,
    shot_boundaries,
)
from reelforge.timeline import (
    Asset,
    AssetKind,
    Role,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
)


def _timeline(shots_ms: list[int], transition: Transition = Transition.CROSSFADE):
    assets = [Asset(id=f"i{k}", path=f"/p{k}.png", name=f"p{k}.png", kind=AssetKind.IMAGE,
                    width=1920, height=1080) for k in range(len(shots_ms))]
    segs, t = [], 0
    for k, d in enumerate(shots_ms):
        overlap = 500 if k and transition is not Transition.CUT else 0
        t -= overlap
        segs.append(VideoSegment(id=f"s{k}", start=t, duration=d, src=f"i{k}",
                                 transition=transition if overlap else Transition.CUT, transition_ms=overlap))
        t += d
    return build(width=1920, height=1080, fps=30, duration=t, assets=assets,
                 tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs))])


@pytest.mark.parametrize("shots_ms", [[6500] * 5, [3000] * 10, [12000, 4000, 9000], [30000], [2500, 1000, 8000],
                                      [4900, 6000, 6000]])
@pytest.mark.parametrize("transition", [Transition.CROSSFADE, Transition.CUT])
def test_chunks_cover_every_frame_at_shot_boundaries(shots_ms, transition):
    tl = _timeline(shots_ms, transition)
    chunks = plan_chunks(tl)
    total = chunks[-1][1]
    assert chunks[0][0] == 0 and total == round(tl.duration * 30 / 1000)
    assert all(a < b for a, b in chunks) and all(b == c for (_, b), (c, _) in zip(chunks, chunks[1:], strict=False))
    # the first chunk is short (the live preview's first fragment, a title's re-render), unless
    # what would be left of it after the head is shorter than the shortest chunk ...
    first = chunks[0][1] - chunks[0][0]
    assert first <= HEAD_CHUNK_S * 30 or (first < (HEAD_CHUNK_S + MIN_CHUNK_S) * 30 and chunks[0][1] in
                                          shot_boundaries(tl) + [total])
    # ... and none is longer than the longest span, nor (but the last) shorter than the shortest
    assert max(b - a for a, b in chunks) <= MAX_CHUNK_S * 30
    assert all(b - a >= MIN_CHUNK_S * 30 for a, b in chunks[:-1])
    # a join is at a shot boundary unless a long shot is split (or the head cut off)
    bounds = set(shot_boundaries(tl))
    starts = [a for a, _ in chunks[1:]]
    assert len(bounds & set(starts)) >= len(bounds) - sum(1 for d in shots_ms if d < MIN_CHUNK_S * 1000)


def test_a_shot_of_up_to_six_and_a_half_seconds_is_one_chunk_after_the_head():
    """The reference job's 6 s shots: one chunk each (fewer post-rolls), the first one split
    into a 3 s head and the rest."""
    tl = _timeline([6500] * 5)
    chunks = plan_chunks(tl)
    assert len(chunks) == 6
    assert chunks[0] == (0, 90)
    assert [a for a, _ in chunks[2:]] == shot_boundaries(tl)
    # shorter spans on request: the 2-5 s chunks of earlier versions
    assert len(plan_chunks(tl, max_s=5.0)) == 10
