"""How the pictures of a first cut share its time: equal shares, a clip never longer than its
footage (`allocate`), and what stills hold past a still's length moved to clips with footage left
(`favour_clips`). Integer ms; the transitions' overlap counts in each picture's share.
"""

from __future__ import annotations

__all__ = ["allocate", "favour_clips"]


def allocate(total: int, caps: list[int | None], t_in: list[int]) -> tuple[list[int], int]:
    """Display lengths for each picture so the track ends at ``total``.

    ``caps[i]`` is a clip's length (None for stills), ``t_in[i]`` the overlap into item i.
    Returns (durations, actual_total) — shorter than asked only when clips cannot fill it.
    """
    n = len(caps)
    span = total + sum(t_in)
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        if not free:
            break
        share = (span - sum(fixed.values())) // len(free)
        newly = [i for i in free if caps[i] is not None and caps[i] < share]  # type: ignore[operator]
        if not newly:
            break
        for i in newly:
            fixed[i] = caps[i]  # type: ignore[assignment]
    free = [i for i in range(n) if i not in fixed]
    durations = [0] * n
    for i, d in fixed.items():
        durations[i] = d
    if free:
        remaining = span - sum(fixed.values())
        share = remaining // len(free)
        for i in free:
            durations[i] = share
        durations[free[-1]] += remaining - share * len(free)
    actual = sum(durations) - sum(t_in)
    return durations, actual


def favour_clips(durations: list[int], caps: list[int | None], still_max: int) -> list[int]:
    """``durations`` with what the stills hold past ``still_max`` moved to the clips that have
    footage left (``caps``: a clip's length, None for a still); the sum is kept.

    >>> favour_clips([7500, 6000, 7500], [None, 6000, 15000], 4500)
    [4500, 6000, 10500]
    >>> favour_clips([5000, 5000], [None, None], 4500)
    [5000, 5000]
    """
    stills = [i for i, cap in enumerate(caps) if cap is None]
    room = {i: cap - durations[i] for i, cap in enumerate(caps) if cap is not None and cap > durations[i]}
    excess = {i: durations[i] - still_max for i in stills if durations[i] > still_max}
    give = min(sum(excess.values()), sum(room.values()))
    if give <= 0:
        return durations
    out = list(durations)
    left = give
    for i, e in excess.items():  # each still gives its part of what moves
        take = min(e, left, round(give * e / sum(excess.values())))
        out[i] -= take
        left -= take
    moved = give - left
    for i, r in room.items():  # each clip takes what fits, in order
        put = min(r, moved)
        out[i] += put
        moved -= put
    if moved:  # rounding: back to a still
        out[stills[0]] += moved
    return out
