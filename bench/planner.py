"""Planner benchmark: share of the instruction table the rule planner gets right, and how long
planning takes per instruction (mean and p95).

    python bench/planner.py            # table + held-out set
    python bench/planner.py --verbose  # also list every miss

The table lives in tests/unit/edit_cases.py (CASES: reviewed against the planner, so it guards
against regressions; HOLDOUT: phrasings whose expected ops were written by hand before the
planner ever saw them). The honest estimate of reach is each holdout batch's FIRST-run score,
recorded next to the batch in edit_cases.py (batch 2: 47/50; batch 3, AI features: 14/16;
batch 1 stood at 47/48 before them); general causes of misses were fixed afterwards, so today's holdout score
is optimistic. Expectations are never edited to match the planner.

The fresh sets of issues 16 and 14 (tests/unit/edit_cases_fresh.py: casual words, typos, references,
conversation memory, ranges of time, several steps, colloquial Chinese, files, refusals, first
instructions) are scored per kind next to their recorded first run, with the number of destructive
misreads (a result with fewer tracks or segments, or more silence, than the right one). FRESH's first
run was 79/166 with 4 destructive misreads; FRESH2, written after FRESH's fixes, first ran 62/72; FRESH3,
written after FRESH2's, 48/57 with 1 destructive misread; FRESH4, written by another engineer after
FRESH3's fixes, 74/88 (84.1 %) with 2 destructive misreads; FRESH5, written after FRESH4's fixes,
70/84 (83.3 %) with 0 destructive misreads (but 2 that set the whole video's length from a shot's);
FRESH6, written after FRESH5's fixes, 70/77 (90.9 %) with 0 destructive misreads; FRESH7, written after
FRESH6's fixes, 63/68 (92.6 %) with 0 destructive misreads; FRESH8, written after FRESH7's fixes,
56/60 (93.3 %) with 0 destructive misreads; FRESH9, after FRESH8's, 48/52 (92.3 %) with 0 destructive
misreads (but 2 that set the video to 5 seconds: "shave 5 seconds off the video", "make it -5 seconds"); FRESH10
(session 17, after FRESH9's), 39/43 (90.7 %) with 1 destructive misread ("从第20秒开始音乐静音" muted 0-20 s); FRESH11
(session 18, after FRESH10's), 38/43 (88.4 %) with 1 destructive misread ("the title should read Summer Drop"
removed the title); FRESH12 (session 19, after FRESH11's), 42/43 (97.7 %) with 0 destructive misreads; FRESH13 (session 20), 42/45
(93.3 %) with 1 destructive misread (a wrong removal, which the judge now catches: it checks which segments remain); FRESH14
(session 21), 43/45 (95.6 %): "play the beach photo backwards" reversed the order of every shot, and one case's own colour
value was not the product's blue (corrected, said in the file); FRESH15 (session 22), 43/45 (95.6 %), 0 destructive:
both misses were the cases' own x0.7 for "quieter", which the product documents as x0.5 (corrected). (One FRESH4
expectation removed the wrong photos as written; it was corrected after the first run, said in the file.)
Timing is the best of 5 runs per instruction (a shared machine's load is not the planner's cost).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))

from edit_cases import CASES, HOLDOUT, LIBRARY, sample_timeline  # noqa: E402
from edit_cases_fresh import (  # noqa: E402
    FILES,
    FIRST_RUN,
    FIRST_RUN2,
    FIRST_RUN3,
    FIRST_RUN4,
    FIRST_RUN5,
    FIRST_RUN6,
    FIRST_RUN7,
    FIRST_RUN8,
    FIRST_RUN9,
    FIRST_RUN10,
    FIRST_RUN11,
    FIRST_RUN12,
    FIRST_RUN13,
    FIRST_RUN14,
    FIRST_RUN15,
    FRESH,
    FRESH2,
    FRESH3,
    FRESH4,
    FRESH5,
    FRESH6,
    FRESH7,
    FRESH8,
    FRESH9,
    FRESH10,
    FRESH11,
    FRESH12,
    FRESH13,
    FRESH14,
    FRESH15,
    judge,
)

from reelforge.planner.ops import dump_ops  # noqa: E402
from reelforge.planner.rules import plan_edit  # noqa: E402


def score(name: str, cases, tl, verbose: bool, repeat: int = 5) -> None:
    right = 0
    times: list[float] = []
    misses = []
    for text, expected in cases:
        best = None
        for _ in range(repeat):
            t0 = time.perf_counter()
            plan = plan_edit(text, tl, library=LIBRARY)
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        times.append(best)  # best of `repeat`: the planner's cost, not the load of a shared machine
        got = plan.status if plan.status != "ok" else dump_ops(plan.ops)
        if got == expected:
            right += 1
        else:
            misses.append((text, expected, got))
    times.sort()
    mean = statistics.fmean(times) * 1000
    p95 = times[int(0.95 * (len(times) - 1))] * 1000
    print(f"{name:8s} {right}/{len(cases)} right ({100 * right / len(cases):.1f}%)  "
          f"planning (best of {repeat}): mean {mean:.2f} ms, p95 {p95:.2f} ms, max {times[-1] * 1000:.2f} ms per instruction")
    if verbose:
        for text, expected, got in misses:
            print(f"  MISS {text!r}\n       expected {expected}\n       got      {got}")


def score_fresh(tl, verbose: bool, name: str = "fresh", cases=FRESH, first_run=FIRST_RUN) -> None:
    """A fresh set (issues 16 and 14), per kind: now, next to its first run."""
    lib = LIBRARY + FILES
    kinds: dict[str, list[int]] = {}
    destructive = []
    times: list[float] = []
    misses = []
    for kind, text, expected in cases:
        t0 = time.perf_counter()
        right, bad, got = judge(kind, text, expected, tl, lib)
        times.append(time.perf_counter() - t0)
        k = kinds.setdefault(kind, [0, 0])
        k[0] += right
        k[1] += 1
        if bad:
            destructive.append((text, got))
        if not right:
            misses.append((kind, text, expected, got))
    right = sum(k[0] for k in kinds.values())
    total = sum(k[1] for k in kinds.values())
    first = sum(v[0] for v in first_run.values())
    print(f"{name:8s} {right}/{total} right ({100 * right / total:.1f}%)"
          + (f"  first run {first}/{total} ({100 * first / total:.1f}%)" if first_run else "")
          + f"  destructive misreads: {len(destructive)}")
    for kind, (r, n) in kinds.items():
        fr = first_run.get(kind)
        print(f"  {kind:8s} {r:3d}/{n:<3d} ({100 * r / n:5.1f}%)" + (f"   first run {fr[0]}/{fr[1]}" if fr else ""))
    if verbose:
        for text, got in destructive:
            print(f"  DESTRUCTIVE {text!r}: {got}")
        for kind, text, expected, got in misses:
            print(f"  MISS [{kind}] {text!r}\n       expected {expected}\n       got      {got}")


def main() -> None:
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    tl = sample_timeline()
    for text, _ in CASES:  # warm up (regex compilation)
        plan_edit(text, tl, library=LIBRARY)
    score("table", CASES, tl, verbose)
    score("holdout", HOLDOUT, tl, verbose)
    score_fresh(tl, verbose)
    score_fresh(tl, verbose, "fresh2", FRESH2, FIRST_RUN2)
    score_fresh(tl, verbose, "fresh3", FRESH3, FIRST_RUN3)
    score_fresh(tl, verbose, "fresh4", FRESH4, FIRST_RUN4)
    score_fresh(tl, verbose, "fresh5", FRESH5, FIRST_RUN5)
    score_fresh(tl, verbose, "fresh6", FRESH6, FIRST_RUN6)
    score_fresh(tl, verbose, "fresh7", FRESH7, FIRST_RUN7)
    score_fresh(tl, verbose, "fresh8", FRESH8, FIRST_RUN8)
    score_fresh(tl, verbose, "fresh9", FRESH9, FIRST_RUN9)
    score_fresh(tl, verbose, "fresh10", FRESH10, FIRST_RUN10)
    score_fresh(tl, verbose, "fresh11", FRESH11, FIRST_RUN11)
    score_fresh(tl, verbose, "fresh12", FRESH12, FIRST_RUN12)
    score_fresh(tl, verbose, "fresh13", FRESH13, FIRST_RUN13)
    score_fresh(tl, verbose, "fresh14", FRESH14, FIRST_RUN14)
    score_fresh(tl, verbose, "fresh15", FRESH15, FIRST_RUN15)
    worst = [" and ".join(["remove"] * 2000)[:10000], " ".join(["maek it vertcal musci"] * 500)[:10000],
             ", ".join(["make the second image 3 seconds and the next one too"] * 150)[:10000], "把第一张换成" * 1600]
    slowest = max(min(_timed(w, tl) for _ in range(3)) for w in worst)
    print(f"worst    10,000-character instructions: {slowest * 1000:.0f} ms at most (best of 3)")


def _timed(text: str, tl) -> float:
    t0 = time.perf_counter()
    plan_edit(text, tl, library=LIBRARY)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
