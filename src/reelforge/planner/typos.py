"""Typo tolerance: read "maek it vertcal" as "make it vertical" before the rules run.

A word is corrected only when it is not a word the planner knows and either is not English at
all (symspellpy's bundled 82,765-word frequency list) or is a rare English word of 5 letters or more
("tittle", "beech") one edit away from a planner word or an asset name, that edit not one consonant put
for another ("stall" is no slip of "small"). Candidates are the planner's
vocabulary and the stems of the project's file names, matched with RapidFuzz's optimal-string-
alignment distance (a swap of two letters is one edit): one edit for words of 4-5 letters,
two from 6 on, and for 3-letter words only a swap ("otu" -> "out"). Quoted text is never
touched: callers pass text whose quotes are masked. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reelforge.planner.quotes import CURLY_QUOTED, SINGLE_QUOTED

# words the rules read (English); a typo is corrected towards these or an asset's name
VOCAB = frozenset("""
make it its vertical horizontal landscape portrait square widescreen tiktok instagram insta youtube reels reel shorts
story stories facebook twitter linkedin pinterest format ratio aspect resolution
music song songs soundtrack background voiceover voice narration narrator audio sound volume percent
title titles headline caption captions subtitles subtitle text texts overlay overlays words call action cta logo watermark
transition transitions crossfade crossfades dissolve dissolves hard cuts cut fade fades fading wipe slide black
remove delete drop change replace swap switch move reorder reverse order put place insert append show hide
second seconds secs minute minutes long length duration shorter longer short shorten lengthen extend trim
image images photo photos picture pictures pic pics still stills clip clips video videos footage shot shots
segment segments scene scenes slide slides first third fourth fifth sixth seventh eighth ninth tenth last final
penultimate previous next before after between beginning start end front back middle each every all both
louder quieter lower raise increase decrease reduce boost quiet loud mute unmute silence duck ducking
bigger smaller larger big small huge tiny large medium bold color colour yellow white black red blue green orange
pink purple gray grey gold silver navy top bottom center centre left right corner upper
zoom zooms zooming motion static still pan panning ken burns effect effects animation speed faster slower slow
blur blurred blurry fill frame letterbox crop cropping smart export render undo redo
style look clean minimal minimalist playful cinematic brighter darker contrast
add adding the and then also with without into onto from instead please make use keep turn out off down over under
should could would
twice half double quarter again same too more less bit little much lot way
bin scrap trash toss nuke yank axe nix chop ditch lose kill drop stick pop slot shove bump drag chuck throw stash park
crank pump tone bring slap flip swap chop notch shave knock lop
image's video's music's title's
""".split())
# casual words the planner reads too (never "corrected")
_EXTRA_KNOWN = frozenset("vid vids pic pics insta bgm vo cta cc subs ig yt fps 4k 8k hd uhd mp4 mp3 mov wav jpg png "
                         "promo promos ad ads advert commercial teaser trailer reel reels story stories slideshow montage "
                         "energetic exciting dynamic punchy fun funky cheerful lively elegant luxurious premium "
                         "professional corporate intro intros outro opener channel vlog vlogger "
                         # words of ads and moods one edit from a planner word ("swipe up" read as "wipe")
                         "swipe swiped swiping preorder preorders mellow stormy hover linger booming unbold unbolded "
                         "cozy cosy cozier cosier heartwarming male female males females "
                         "boring bored dull "  # ("cut the boring part" was read "bring": the clip moved to the start)
                         "shouldnt couldnt wouldnt shoudnt "  # (never "should": "the title shouldnt say …")
                         "cover".split())  # ("make the cover $15" was read "make the over $15")



def content_words(words: Iterable[str]) -> list[str]:
    """The words worth naming as not understood: not the commonest English function words ("the", "for")."""
    eng = _english()
    return [w.lower() for w in words if eng.get(w.lower(), 0) < 500_000_000] or [w.lower() for w in words]


def known(word: str) -> bool:
    """A word the planner reads (its vocabulary or a casual word it knows)."""
    return word in VOCAB or word in _EXTRA_KNOWN


def is_english(word: str) -> bool:
    """A word of the bundled English frequency list."""
    return word.lower() in _english()


_WORD = re.compile(r"(?<![\w.\\/@#-])[a-z][a-z']{2,}(?![\w.\\/@-])", re.I)
_STUCK = re.compile(r"\b(to|at|in|by)(\d+(?:p|k|s|%)?)\b", re.I)  # "to720p" -> "to 720p"
_RARE = 3_000_000  # below this count an English word may be a typo of a planner word
# verbs that take something away: an English word is never guessed to be one of them ("blood
# drip font" was read as "drop" and every text was removed; a misspelt "delte" still is read)
_TAKING = frozenset("remove delete drop cut trash scrap bin toss nuke kill ditch lose axe nix chop yank mute "
                    # nor a place a shot moves to ("the cans go past fast" was read "last": the clip went to the end)
                    "last first".split())
_ENDINGS = ("d", "ed", "s", "es", "ing", "r", "er", "ly")


def _own_form(word: str, right: str) -> bool:
    """``word`` is ``right`` with an ending ("faded" of "fade"): its own form, not a slip of it."""
    return word.startswith(right) and word[len(right):] in _ENDINGS


@dataclass(frozen=True)
class Correction:
    wrong: str
    right: str


@lru_cache(maxsize=1)
def _english() -> dict[str, int]:
    out: dict[str, int] = {}
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text("utf-8")
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        if word:
            out[word] = int(count or 0)
    return out


def _max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _vowel_dropped(a: str, b: str) -> bool:
    """``a`` is ``b`` with one vowel left out ("clp", "clip")."""
    return len(b) == len(a) + 1 and any(b[i] in "aeiou" and b[:i] + b[i + 1:] == a for i in range(len(b)))


def _is_swap(a: str, b: str) -> bool:
    return len(a) == len(b) and sorted(a) == sorted(b) and OSA.distance(a, b) == 1


@lru_cache(maxsize=4096)
def _best(word: str, choices: tuple[str, ...]) -> str | None:
    limit = _max_edits(word)
    hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=8)
    if not hits:
        return None
    best = min(h[1] for h in hits)
    cands = sorted({h[0] for h in hits if h[1] == best})
    if len(word) == 3:  # only two letters swapped ("teh") or a vowel left out ("clp" for "clip"): short words are often words
        cands = [c for c in cands if _is_swap(word, c) or (_vowel_dropped(word, c) and not _english().get(word))]
        if not cands:
            return None
    if len(cands) > 1:  # a tie: the most common English word, else no guess
        eng = _english()
        cands.sort(key=lambda c: -eng.get(c, 0))
        if eng.get(cands[0], 0) == eng.get(cands[1], 0):
            return None
    return cands[0]


@lru_cache(maxsize=64)
def _choices(names: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    stems = {w for n in names for w in re.split(r"[^a-z0-9]+", n.lower().rsplit(".", 1)[0]) if len(w) >= 3}
    return tuple(sorted(VOCAB | stems)), VOCAB | _EXTRA_KNOWN | stems


def correct(text: str, names: Iterable[str] = (), *, loose: bool = False) -> tuple[str, list[Correction]]:
    """``text`` (lower case, quotes masked) with typos fixed, and the corrections made.

    ``loose``: also a common English word of 4+ letters one edit from a planner word ("tile" ->
    "title"); the planner tries this only when the instruction was not understood as written."""
    choices, known = _choices(tuple(names))
    eng = _english()
    fixes: list[Correction] = []
    text = _STUCK.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        bare = word.rstrip("'").lower()
        if bare in known or bare.endswith("'s") or bare.endswith("n't"):
            return word
        if bare.endswith("s") and (bare[:-1] in known or bare[:-1] in eng):  # a plural: "sneakers"
            return word
        if bare[0] in "te" and len(bare[1:].rstrip("s")) >= 5 and (bare[1:] in eng or bare[1:].rstrip("s") in eng):
            return word  # "tshirts", "email": a word with its hyphen left out (it was read as "shorts")
        count = eng.get(bare)
        if count is not None and (count >= _RARE or len(bare) < 5):
            near = _best(bare, choices) if loose and len(bare) >= 4 else None
            # a slip makes a much rarer word ("tile" for "title"), not a common one: "hold the last
            # frame" was read as "gold the last frame …" and set the video to 2 s
            if near is None or OSA.distance(bare, near) > 1 or 4 * count > eng.get(near, 0) or _another_word(bare, near):
                return word
            fixes.append(Correction(bare, near))
            return near
        if count is None and word[:1].isupper() and re.search(r"[\w,;:)\]]\s*$", text[:m.start()]):
            return word  # a capitalised word inside a sentence is a name ("the launch of Beanline"), not a slip
        right = _split(bare, known) if count is None else None
        if right is None:
            right = _best(bare, choices)
            if right is None or (count is not None and (OSA.distance(bare, right) > 1 or _another_word(bare, right))):
                return word
        fixes.append(Correction(bare, right))
        if word[:1].isupper():
            return right.upper() if word.isupper() and len(word) > 1 else right[:1].upper() + right[1:]
        return right

    out = _WORD.sub(fix, text)
    return out, fixes


def _another_word(word: str, right: str) -> bool:
    """An English ``word`` one edit from ``right`` that is a word of its own, not a slip of it: never
    towards a verb that takes something away, a form of it ("faded"), or one consonant put for another."""
    return right in _TAKING or _own_form(word, right) or _other_consonant(word, right)


def _other_consonant(a: str, b: str) -> bool:
    """``a`` and ``b`` (both English words) differ by one consonant put for another ("stall", "small"): two
    words, not a slip (a slip of a real word is a vowel, a letter doubled or dropped, or two letters
    swapped: "beech", "tittle"); "cake stall" was read "cake small"."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] not in "aeiouy" and diff[0][1] not in "aeiouy"


def _split(word: str, known: frozenset[str]) -> str | None:
    """"hardcuts" -> "hard cuts": a run-together pair of planner words."""
    for i in range(3, len(word) - 2):
        a, b = word[:i], word[i:]
        if a in VOCAB and b in VOCAB:
            return f"{a} {b}"
    return None


_QUOTES = re.compile(rf"\"[^\"\n]+\"|“[^”\n]+”|「[^」\n]+」|『[^』\n]+』|《[^》\n]+》|{CURLY_QUOTED}|{SINGLE_QUOTED}")


def correct_outside_quotes(text: str, names: Iterable[str] = (), *, loose: bool = False) -> tuple[str, list[Correction]]:
    """`correct` on the words outside quotes; quoted text comes back exactly as written."""
    kept: list[str] = []

    def mask(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    fixed, fixes = correct(_QUOTES.sub(mask, text), names, loose=loose)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], fixed), fixes


def landed_on_screen(fixes: Iterable[tuple[str, str]], shown: str) -> tuple[str, ...]:
    """The words as typed (``wrong``) whose correction (``right``) is a word of ``shown``, the texts on
    screen: the corrector knows the planner's words, not a menu's ("maple scone" read "scene")."""
    shown = shown.lower()
    return tuple(wrong for wrong, right in fixes if re.search(rf"(?<![a-z]){re.escape(right.lower())}(?![a-z])", shown))


def unread(text: str) -> list[str]:
    """Words outside quotes that are neither the planner's nor English ("asdf", "qwerty")."""
    eng = _english()
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", _QUOTES.sub(" ", text))]
    return [w for w in words if w not in VOCAB and w not in _EXTRA_KNOWN and w not in eng]


def said(fixes: list[Correction], zh: bool = False) -> str:
    """How the reply names the corrections: "read 'vertcal' as 'vertical'"."""
    if not fixes:
        return ""
    fixes = list(dict.fromkeys(fixes))[:8]  # each correction once, and a few at most
    pairs = ", ".join(f"'{f.wrong}' as '{f.right}'" for f in fixes)
    return f"（把 {pairs.replace(' as ', ' 理解为 ')}）" if zh else f"(read {pairs})"
