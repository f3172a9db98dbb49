"""Which missing chunks go through one encoder together (`chunked.runs`): pure grouping."""

from __future__ import annotations

from dataclasses import dataclass

from reelforge.render.chunked import runs


@dataclass(frozen=True)
class _Cmd:
    keep: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Task:
    index: int
    first: int
    end: int
    cmd: _Cmd = _Cmd()

    @property
    def frames(self) -> int:
        return self.end - self.first


def _plan(*lengths: int) -> list[_Task]:
    out, at = [], 0
    for i, n in enumerate(lengths):
        out.append(_Task(i, at, at + n))
        at += n
    return out


def _ids(groups) -> list[list[int]]:
    return [[t.index for t in g] for g in groups]


def test_chunks_that_follow_each_other_share_one_encoder():
    plan = _plan(90, 90, 150, 150, 120, 100)
    assert _ids(runs(plan)) == [[0, 1, 2, 3, 4, 5]]
    missing = [plan[i] for i in (0, 1, 3, 4, 5)]  # chunk 2 is cached
    assert _ids(runs(missing)) == [[0, 1], [3, 4, 5]]
    assert _ids(runs([plan[2]])) == [[2]]
    assert runs([]) == []


def test_several_workers_split_the_longest_run_near_its_middle():
    plan = _plan(90, 90, 150, 150, 120, 100)
    assert _ids(runs(plan, 2)) == [[0, 1, 2], [3, 4, 5]]
    assert _ids(runs(plan, 3)) == [[0, 1, 2], [3], [4, 5]]  # 330 | 150 | 220 frames
    assert _ids(runs(plan[:2], 4)) == [[0], [1]]  # no more than one a chunk


def test_a_chunk_with_a_pre_roll_goes_alone():
    plan = _plan(90, 90, 90)
    rolled = [plan[0], _Task(1, 90, 180, _Cmd(keep=(4, 94))), plan[2]]
    assert _ids(runs(rolled)) == [[0], [1], [2]]
