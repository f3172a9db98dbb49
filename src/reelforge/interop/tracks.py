"""Segments from a file written elsewhere, laid on as few tracks as keep them apart."""

from __future__ import annotations

from typing import Any

from reelforge.timeline.model import Role, Track, TrackKind


def lanes(kind: TrackKind, items: list[tuple[Role, Any]]) -> list[Track]:
    """Segments on as few tracks per role as keep them from overlapping."""
    placed: list[tuple[Role, list[Any]]] = []
    for role, seg in sorted(items, key=lambda rs: rs[1].start):
        lane = next((segs for r, segs in placed if r is role and segs[-1].end <= seg.start), None)
        if lane is None:
            placed.append((role, [seg]))
        else:
            lane.append(seg)
    counts: dict[Role, int] = {}
    out = []
    for role, segs in placed:
        n = counts.get(role, 0)
        counts[role] = n + 1
        out.append(Track(id=role.value if not n else f"{role.value}-{n}", kind=kind, role=role, segments=tuple(segs)))
    return out
