"""Pictures in the order the voiceover names them. Pure.

A first cut whose pictures came in name order (a folder, a shell glob: an order nobody chose)
shows each picture whose file name the voiceover says while it is said: "Our shop cat Chelsea
keeps the window seat warm" puts shop_cat.jpg on screen then, as an editor would. Pictures the
voice does not name keep their order in the places left. Nothing moves when fewer than two are
named, when the instruction speaks of an order ("in this order", "shuffle", "按顺序"), or when
the files came in an order of their own or numbered ("01-intro.jpg").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner import parse as P
from reelforge.planner.file_names import name_words

__all__ = ["ORDER_WORDS", "cuts_for", "cuts_off_text", "in_name_order", "named_at", "order_by_speech", "phrase_start", "said_in_order",
           "speech_cuts"]

# the instruction chose the order (or asked for another one)
ORDER_WORDS = re.compile(
    r"(?i)\b(?:in\s+(?:this|that|the\s+same|the\s+given|given|my|the|their|this\s+exact)\s+order|"
    r"keep\s+(?:the|my|their)\s+order|(?:order|sequence)\s+(?:given|as\s+given|i\s+gave)|as\s+(?:listed|given|ordered)|"
    r"one\s+by\s+one|shuffle[ds]?|random(?:ly|i[sz]e)?|revers(?:e|ed)|chronological(?:ly)?)\b|顺序|倒序|随机|打乱")


def _natural(name: str) -> list[object]:
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", name.casefold())]


def in_name_order(names: Sequence[str]) -> bool:
    """Whether ``names`` come sorted by name (plainly, capitals first as a C-locale shell glob or
    `ls` gives them, or "img2 before img10"): the order of a folder or a shell glob, not one the
    user chose. Names that start with a number ("01-intro.jpg", "2024-06-beach.jpg") were numbered
    to be in that order: no."""
    names = list(names)
    if any(n[:1].isdigit() for n in names):
        return False
    return names in (sorted(names, key=str.casefold), sorted(names, key=_natural), sorted(names))


def _said(word: str, stem: str) -> bool:
    """Whether a spoken ``word`` says a file name's ``stem``: the same word, a plural of it, or one
    sharing its first letters ("deliver" / "delivery"); a Chinese stem inside the word."""
    if P.CJK.search(stem):
        return len(stem) >= 2 and stem in word
    if word == stem or word in (stem + "s", stem + "es") or stem in (word + "s", word + "es"):
        return True
    short, long_ = sorted((word, stem), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2


def named_at(names: Sequence[str], words: Sequence[tuple[int, str]]) -> dict[int, tuple[int, str]]:
    """By shot, when the voice first says its file name and the word it says it with."""
    spoken = [(t, re.sub(r"^[^\w]+|[^\w]+$", "", w).casefold()) for t, w in words]
    placed: dict[int, tuple[int, str]] = {}
    for i, name in enumerate(names):
        stems = [w.casefold() for w in name_words(name)]
        hit = next(((t, w) for t, w in spoken if w and any(_said(w, s) for s in stems)), None)
        if hit is not None:
            placed[i] = hit
    return placed


KEPT_ORDER_SHARE = 2 / 3  # of the named pictures, the share the voice must name in the order given


def said_in_order(heard: dict[int, tuple[int, str]]) -> set[int] | None:
    """Of the shots ``heard`` named (by position: when, and the word), the most the voice names in
    the order they are in (a longest increasing run of positions, in time), when that is two or more
    and at least `KEPT_ORDER_SHARE` of them; else None: the pictures kept in an order of the user's
    that the voice does not follow are cut evenly (following some of them held an unnamed first
    shot 9 s of an 18 s reel).

    >>> said_in_order({1: (3000, "coffee"), 2: (6000, "flowers"), 3: (9000, "cat"), 0: (17000, "gifts")})
    {1, 2, 3}
    >>> said_in_order({3: (3000, "coffee"), 2: (6000, "flowers"), 1: (9000, "cat"), 4: (17000, "gifts")}) is None
    True
    """
    seq = [k for k, _ in sorted(heard.items(), key=lambda kv: kv[1][0])]
    best: list[list[int]] = []  # best[i]: the longest increasing run ending at seq[i]
    for i, k in enumerate(seq):
        prev = max((best[j] for j in range(i) if seq[j] < k), key=len, default=[])
        best.append([*prev, k])
    run = max(best, key=len, default=[])
    return set(run) if len(run) >= 2 and len(run) >= KEPT_ORDER_SHARE * len(seq) else None


def order_by_speech(names: Sequence[str], words: Sequence[tuple[int, str]],
                    slots: Sequence[tuple[int, int]]) -> tuple[list[int], dict[int, str]] | None:
    """The shots' new order (0-based current positions) and, by shot, the word that placed it.

    ``names``: the shots' file names; ``words``: (time on the timeline in ms, word) as spoken;
    ``slots``: each position's (start, end) on the timeline. A named shot goes to the place on
    screen when its name is first said, the named ones in the order they are said (the next place
    when two fall in one); the others keep their order. None when fewer than two shots are named. The order is the
    current one when the voice already names them in it (`speech_cuts` still times the cuts).

    >>> order_by_speech(["coffee.jpg", "delivery.jpg", "shop_cat.jpg"],
    ...                 [(500, "Espresso"), (3500, "our"), (3700, "shop"), (4000, "cat"), (7000, "deliver")],
    ...                 [(0, 3000), (3000, 6000), (6000, 9000)])
    ([0, 2, 1], {1: 'deliver', 2: 'shop'})
    """
    placed = named_at(names, words)
    if len(placed) < 2:
        return None
    spoken = sorted(placed, key=lambda i: placed[i][0])
    wants = [next((k for k, (a, b) in enumerate(slots) if a <= placed[i][0] < b),
                  len(slots) - 1 if placed[i][0] >= slots[-1][0] else 0) for i in spoken]
    # in the order they are said, each as near its place as the ones said before and after leave it
    # (five named among five slots: "temples", said last, had gone to the first free slot, the first)
    at = []
    for want in wants:
        at.append(max(want, at[-1] + 1) if at else want)
    for j in range(len(at) - 1, -1, -1):
        at[j] = min(at[j], (at[j + 1] - 1) if j + 1 < len(at) else len(names) - 1)
    order: list[int | None] = [None] * len(names)
    for i, k in zip(spoken, at, strict=True):
        order[k] = i
    rest = iter(i for i in range(len(names)) if i not in placed)
    new = [o if o is not None else next(rest) for o in order]
    return new, {i: w for i, (_, w) in placed.items()}


_CLAUSE_END = re.compile(r"[.,;:!?。，；：！？…]$")
_CONJUNCTION = re.compile(r"and|but|so|then|or|plus|while|because|而且|但是|然后|还有|并且")
CLAUSE_LOOKBACK_MS = 2500  # a picture comes in at most this long before its word, at the start of its clause


def phrase_start(words: Sequence[tuple[int, str]], t: int) -> int:
    """When the clause holding the word said at ``t`` starts: "Our shop cat…" starts at "Our", not
    at "shop" (the picture comes in as its sentence does), at most `CLAUSE_LOOKBACK_MS` before it.

    >>> phrase_start([(0, "morning."), (400, "Our"), (700, "shop"), (900, "cat")], 700)
    400
    """
    at = next((k for k, (w_t, _) in enumerate(words) if w_t == t), None)
    if at is None:
        return t
    k = at
    while (k > 0 and not _CLAUSE_END.search(words[k - 1][1].strip()) and t - words[k - 1][0] <= CLAUSE_LOOKBACK_MS
           and not _CONJUNCTION.fullmatch(words[k][1].strip().casefold())):
        k -= 1  # (a clause opens with "and", "but": "… every table and we deliver" starts at "and")
    return words[k][0]


MIN_CUT_MS = 1500  # no shot shorter than this when the cuts follow the speech
# nor than this share of the even cut (a 2 s flower among 7 s shots when the video runs well past the voice); at a
# half, five pictures over 16.6 s of speech could not keep "rocket" and "meet an astronaut" 1.58 s apart on screen
EVEN_SHARE_LEAST = 0.45
LEAD_MS = 150  # a picture is on screen a moment before its clause is heard


MAX_SEARCHED = 10  # anchors tried in every combination (more: the first ten)
WORD_MS = 400  # a named picture stays at least this long after its word starts


def speech_cuts(anchors: dict[int, int], transitions: Sequence[int], total: int,
                said: dict[int, int] | None = None, least: int = MIN_CUT_MS) -> list[int] | None:
    """Each shot's length so that the shot at position k comes in at ``anchors[k]`` (ms; the middle
    of a crossfade into it, or its cut) and the others share the time between evenly; the video
    keeps its ``total`` length. ``transitions``: the crossfade into each position (0 = a cut);
    ``said``: when each named position's word is said (by default its anchor), which its shot must
    be on screen for.

    Not every anchor can be kept: no shot may be shorter than ``least`` or `EVEN_SHARE_LEAST` of the even share (a
    2 s flower among 7 s shots when the video runs well past the voice). Of the sets of anchors
    that keep that, the one whose shots are on screen for the most of their words wins, then the
    one keeping most anchors; None when that is no anchor at all (the even cut).

    >>> speech_cuts({1: 5000, 2: 8000}, [0, 0, 0, 0], 14000)
    [5000, 3000, 3000, 3000]
    """
    n = len(transitions)
    least = max(least, round(total / max(1, n) * EVEN_SHARE_LEAST))
    pinned = {k: t for k, t in anchors.items() if 0 < k < n and 0 < t < total}
    said = dict(said) if said is not None else dict(pinned)
    keys = sorted(pinned)[:MAX_SEARCHED]
    best: tuple[tuple[int, int], list[int]] | None = None
    for mask in range(1 << len(keys)):
        chosen = {k: pinned[k] for bit, k in enumerate(keys) if mask >> bit & 1}
        cuts = _cuts(chosen, n, total)
        bounds = [*cuts[1:], total]
        if any(b - a < least for a, b in zip(cuts, bounds, strict=True)):
            continue
        score = (sum(cuts[k] <= t and t + WORD_MS <= bounds[k] for k, t in said.items() if k < n), len(chosen))
        if best is None or score > best[0]:
            best = (score, cuts)
    if best is None or best[0][1] == 0:
        return None
    cuts = best[1]
    starts = [max(0, c - transitions[k] // 2) for k, c in enumerate(cuts)]
    ends = [starts[k + 1] + transitions[k + 1] if k + 1 < n else total for k in range(n)]
    return [b - a for a, b in zip(starts, ends, strict=True)]


def cuts_for(order: Sequence[int], names: Sequence[str], words: Sequence[tuple[int, str]],
             transitions: Sequence[int], total: int) -> list[int] | None:
    """The shots' lengths, in ``order``, for each named one to come in as the clause naming it
    starts (a moment before: `LEAD_MS`) and stay while its word is said; see `speech_cuts`."""
    heard = named_at(names, words)
    said = {k: heard[i][0] for k, i in enumerate(order) if i in heard}
    anchors = {}
    for k, t in said.items():  # a clause starts after the word naming the picture before it
        before = max((u for u in said.values() if u < t), default=None)
        start = phrase_start(words, t)
        anchors[k] = max(0, start if before is None else max(start, before + WORD_MS)) - LEAD_MS
    return speech_cuts({k: max(0, a) for k, a in anchors.items()}, transitions, total, said=said)


def _cuts(pinned: dict[int, int], n: int, total: int) -> list[int]:
    """The time each position comes in: pinned ones where said, the rest spread evenly between."""
    fixed = {0: 0, **pinned}
    keys = sorted(fixed)
    out = [0] * n
    for a, b in zip(keys, [*keys[1:], n], strict=True):
        end = fixed[b] if b < n else total
        for k in range(a, b):
            out[k] = round(fixed[a] + (end - fixed[a]) * (k - a) / (b - a))
    return out


CROSS_MS = 150  # a text on screen this long on each side of a cut runs across it


def cuts_off_text(lengths: Sequence[int], transitions: Sequence[int],
                  texts: Sequence[tuple[int, int]]) -> list[int] | None:
    """The shots' lengths with each cut that a text runs across moved to the nearest time no
    text is on screen, as an editor cuts in the voice's pauses and brings the end card in with
    the last picture, and a subtitler keeps a subtitle off a shot change: the text then stays
    over one picture, where a place clear of that picture's subject can be found. A cut moves at
    most half an even shot, no shot gets shorter than `MIN_CUT_MS` or `EVEN_SHARE_LEAST` of the
    even share, the other cuts stay; None when no cut moves. ``lengths``, ``transitions``: the
    shots' and their crossfades in (0 = a cut); ``texts``: the spans of the texts on the
    timeline that belong to no shot (captions timed to speech, a call to action); one on screen
    for over half the video is left out (no cut avoids it).

    >>> cuts_off_text([3600, 3600, 3600], [0, 500, 500], [(0, 3200), (3500, 4900), (5500, 8000)])
    [3600, 2400, 4800]
    """
    n = len(lengths)
    starts = [0] * n
    for k in range(1, n):
        starts[k] = starts[k - 1] + lengths[k - 1] - transitions[k]
    total = starts[-1] + lengths[-1] if n else 0
    cuts = [s + t // 2 for s, t in zip(starts, transitions, strict=True)]  # a crossfade's middle
    share = total / max(1, n)
    least, reach = max(MIN_CUT_MS, round(share * EVEN_SHARE_LEAST)), share / 2
    spans: list[tuple[int, int]] = []
    for a, b in sorted(t for t in texts if t[1] - t[0] <= total / 2):  # (one on all along: no cut avoids it)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    gaps = [(a[1], b[0]) for a, b in zip([(0, 0), *spans], [*spans, (total, total)], strict=True) if b[0] > a[1]]
    moved = False
    for k in range(1, n):
        if not any(a + CROSS_MS < cuts[k] < b - CROSS_MS for a, b in spans):
            continue
        lo, hi = cuts[k - 1] + least, (cuts[k + 1] if k + 1 < n else total) - least
        half = transitions[k] // 2
        # the point of each gap nearest the cut, the crossfade inside it where it fits
        at = [min(max(cuts[k], g0 + half), g1 - half) if g1 - g0 >= 2 * half else (g0 + g1) // 2 for g0, g1 in gaps]
        at = [t for t in at if lo <= t <= hi and abs(t - cuts[k]) <= reach]
        if at:
            cuts[k], moved = min(at, key=lambda t: abs(t - cuts[k])), True
    if not moved:
        return None
    starts = [c - t // 2 for c, t in zip(cuts, transitions, strict=True)]
    ends = [starts[k + 1] + transitions[k + 1] if k + 1 < n else total for k in range(n)]
    return [b - a for a, b in zip(starts, ends, strict=True)]
