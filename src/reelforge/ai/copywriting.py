"""On-screen copy from what the voiceover says: a title (the product's name, or the first key
phrase) and one short key phrase per shot, timed to when it is said. Pure over a `Transcript`
(the speech recognition runs in `reelforge.ai.captions`).

A key phrase is the densest run of content words in a clause (fillers, pronouns and verbs of
saying dropped), at most `MAX_WORDS` words, title-cased: "Fresh sneakers for every city street."
-> "Fresh Sneakers for Every City Street" is too long, so "Fresh Sneakers" wins over "City
Street" by coming first. The product name is a capitalised word (or two) that is not the first
word of a sentence, said at least once ("Meet Aurora, the ..." -> "Aurora"); "introducing",
"meet", "this is" point at it too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reelforge.ai.captions import Transcript, Word
from reelforge.ai.spelling import key

MAX_WORDS = 4
MIN_PHRASE_MS = 1000

_STOP = {
    "a", "an", "the", "and", "or", "but", "so", "then", "now", "just", "also", "too", "very", "really",
    "it", "its", "it's", "this", "that", "these", "those", "there", "here", "we", "we're", "our", "you", "your",
    "you're", "i", "i'm", "my", "me", "us", "they", "their", "is", "are", "was", "were", "be", "been", "being",
    "am", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might",
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "about", "as", "if", "when", "what",
    "which", "who", "how", "why", "all", "every", "each", "any", "some", "more", "most", "get", "got", "make",
    "made", "let", "let's", "go", "going", "come", "see", "look", "say", "said", "tell", "know", "think", "want",
    "need", "like", "yes", "no", "not", "don't", "oh", "well", "um", "uh", "okay", "ok", "hey", "hi", "hello",
    "today", "right", "one", "out", "up", "over", "than", "because",
    "meet", "introducing", "presenting", "announcing", "try", "discover",
    # a month or a day is no product's name ("Book before January …" titled the video "January")
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "tomorrow",
}
# words a key phrase never starts right after: a negation it would invert ("No sugar added." gave
# "Sugar Added", "We don't use palm oil." "Use Palm Oil") and a quantifier it would leave hanging
# ("every single morning" gave "Single Morning")
_NEGATIONS = {"no", "not", "don't", "doesn't", "didn't", "won't", "can't", "cannot", "isn't", "aren't",
              "wasn't", "weren't", "never", "none", "nothing", "zero", "without", "nor"}
_QUANTIFIERS = {"every", "each", "all"}
_POINTERS = re.compile(r"^(?:introducing|meet|presenting|announcing|try|discover)$", re.I)
_LONE_VERBS = frozenset("visit shop order buy call book join follow subscribe learn discover welcome come try get see "
                        "stop drop swing pop check find grab enjoy meet".split())
# a name right after one of these is a pet's or a person's, not what the video is for ("Our shop cat
# Chelsea greets every guest" titled a cafe's reel "Chelsea")
_WHO = re.compile(r"^(?:cat|cats|kitty|kitten|dog|dogs|puppy|pup|parrot|bunny|rabbit|mascot|pet|barista|chef|cook|owner|"
                  r"founder|co-founder|manager|baker|host|friend|son|daughter|wife|husband|mom|mum|dad|grandma|grandpa|"
                  r"teacher|coach|trainer|stylist|team|colleague|neighbor|neighbour)$", re.I)
_KEEP_LOWER = {"of", "and", "for", "the", "a", "an", "in", "on", "with", "to", "at", "by"}


@dataclass(frozen=True)
class Phrase:
    text: str
    start_ms: int
    end_ms: int


def _clean(w: str) -> str:
    return re.sub(r"^[^\w']+|[^\w']+$", "", w)


def _clauses(words: Sequence[Word]) -> list[list[Word]]:
    out: list[list[Word]] = [[]]
    for w in words:
        out[-1].append(w)
        if re.search(r"[.!?,;:。！？，；：]$", w.text):
            out.append([])
    return [c for c in out if c]


def _title(words: Sequence[str]) -> str:
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        out.append(lw if i and lw in _KEEP_LOWER else (w if not w.islower() else w[:1].upper() + w[1:]))
    return " ".join(out)


def _capitalised(w: Word) -> bool:
    c = _clean(w.text)
    return bool(c) and c[0].isupper() and c != "I"


def _content(w: Word) -> bool:
    c = _clean(w.text).lower()
    return bool(c) and c not in _STOP and not c.isdigit() and len(c) >= 3


def key_phrase(clause: Sequence[Word]) -> Phrase | None:
    """The best run of at most `MAX_WORDS` words of one clause: most content words, starting and
    ending on one, then one that does not stop right before another content word (which would
    cut a word from the one it qualifies: "Built for the open road." gave "Built for the Open",
    now "Open Road"), earliest first. None when the clause has no content word."""
    best: tuple[int, bool, int, int] | None = None  # (content count, whole, start, end)
    for i, w in enumerate(clause):
        if not _content(w):
            continue
        for j in range(i, min(len(clause), i + MAX_WORDS)):
            if not _content(clause[j]):
                continue
            n = sum(_content(x) for x in clause[i:j + 1])
            whole = j + 1 >= len(clause) or not _content(clause[j + 1])
            if best is None or (n, whole, -i) > (best[0], best[1], -best[2]):
                best = (n, whole, i, j)
    if best is None:
        return None
    _, _, i, j = best
    # a name runs on past a small word ("Welcome to Bean There," gave "Welcome to Bean")
    while (j + 1 < len(clause) and j + 1 - i < MAX_WORDS and not re.search(r"[.!?,;:]$", clause[j].text)
           and _capitalised(clause[j + 1])):
        j += 1
    i = _with_negation(clause, i, j)
    run = clause[i:j + 1]
    return Phrase(_title([_clean(x.text) for x in run]), run[0].start_ms, run[-1].end_ms)


def _bare(w: Word) -> str:
    return _clean(w.text).lower().replace("’", "'")


def _with_negation(clause: Sequence[Word], i: int, j: int) -> int:
    """Where the phrase ``clause[i..j]`` starts once what it depends on is in: a negation before
    it with only small words between ("Not your average burger." -> "Not Your Average Burger",
    never "Average Burger"), up to two words over `MAX_WORDS`, else a quantifier right before it
    ("Every Single Morning") while the phrase stays within `MAX_WORDS`."""
    for k in range(i - 1, -1, -1):
        if _bare(clause[k]) in _NEGATIONS:
            if j - k + 1 <= MAX_WORDS + 2:
                return k
            break
        if _content(clause[k]):
            break
    if i and _bare(clause[i - 1]) in _QUANTIFIERS and j - i + 2 <= MAX_WORDS:
        return i - 1
    return i


def spoken_as(name: str, transcript: Transcript) -> str | None:
    """``name`` as the speech spells it, when it says the same letters another way: "Hoppers Cafe"
    typed, "Hopper's Cafe" said (the title and the captions under it disagreed). The letters keep
    the case they were typed in; only the marks between them come from the speech. None when the
    speech does not say it, or says it the same way.

    >>> from reelforge.ai.captions import Transcript, Word
    >>> said = Transcript(words=tuple(Word(i, i + 1, w, 0.9) for i, w in enumerate("Welcome to Hopper's Cafe.".split())),
    ...                   language="en", language_probability=0.9, duration_ms=4)
    >>> spoken_as("Hoppers Cafe", said), spoken_as("Hopper's Cafe", said)
    ("Hopper's Cafe", None)
    """
    key = re.sub(r"[\W_]+", "", name).casefold()
    if not key or not name.isascii():
        return None
    words = [w.text.strip() for w in transcript.words]
    n = len(name.split())
    for i in range(len(words)):
        for k in (n, n - 1, n + 1):
            said = " ".join(words[i:i + k]).strip(".,!?;:\"“”‘’ ") if k > 0 else ""
            if said and re.sub(r"[\W_]+", "", said).casefold() == key:
                typed = iter(c for c in name if c.isalnum())
                out = "".join(next(typed) if c.isalnum() else c for c in said)
                return None if out == name else out
    return None


_STREET = re.compile(r"\b(?:Lane|Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|"
                     r"Crescent|Close|Square|Row|Parkway|Highway|Hill)$")


def product_name(transcript: Transcript) -> str | None:
    """A capitalised name the speech repeats or points at ("Meet Aurora"), not a sentence's
    first word. None when there is none (lower-case transcripts have none)."""
    words = list(transcript.words)
    counts: Counter[str] = Counter()
    pointed: list[str] = []
    sentence_start = True
    inside = -1  # the last word of the name just read (its other words are not names of their own)
    for k, w in enumerate(words):
        c = _clean(w.text)
        if (k > inside and c and c[0].isupper() and c.lower() not in _STOP and len(c) >= 3
                and not sentence_start):
            # the next capitalised words mid-sentence are the name's too, a small word included
            # ("Welcome to Bean There, …" named "Bean"; "… at Maple Lane Gifts." named "Maple Lane"),
            # up to four, but not "I"
            parts, j = [c], k
            while (len(parts) < 4 and j + 1 < len(words) and not re.search(r"[.!?,;:]$", words[j].text)
                   and (nxt := _clean(words[j + 1].text)) and nxt[0].isupper() and nxt != "I"):
                parts.append(nxt)
                j += 1
            name, inside = " ".join(parts), j
            before = k
            if k and _STREET.search(name) and re.fullmatch(r"\d{1,5}[A-Za-z]?", _clean(words[k - 1].text)):
                name, before = f"{_clean(words[k - 1].text)} {name}", k - 1  # "12 Oak Lane": an address whole
            if not (before and _WHO.match(_clean(words[before - 1].text))):  # ("our shop cat Chelsea": the cat's)
                counts[name] += 1
                if before and _POINTERS.match(_clean(words[before - 1].text)):
                    pointed.append(name)
        sentence_start = bool(re.search(r"[.!?。！？]$", w.text))
    if pointed:
        return pointed[0]
    best = counts.most_common(1)
    return best[0][0] if best else None


def repeats(phrase: str, title: str) -> bool:
    """Whether ``phrase`` only says (most of) ``title`` again, letters alone: equal, holding it,
    or a run of it at least half as long ("Windlabs", as the speech recognition heard the
    voice say "Northwind Labs", under that title), or nearly the same letters."""
    p, t = key(phrase), key(title)
    if not (p and t):
        return False
    # or nearly all of it, misheard: "Not Windlabs" for "Northwind Labs" (0.92)
    return t in p or (p in t and 2 * len(p) >= len(t)) or SequenceMatcher(None, p, t).ratio() >= 0.8


def _phrase_at(clauses: Sequence[Sequence[Word]], word: str) -> list[Phrase]:
    """The key phrase of the words leading up to ``word`` in its clause, when the clause's own
    phrase leaves it out ("And end every day with a fresh coffee": "Fresh Coffee" for the coffee
    photo, where the clause gave "End Every Day")."""
    if not word:
        return []
    for clause in clauses:
        at = next((i for i, w in enumerate(clause) if word.casefold() in w.text.casefold()), None)
        if at is not None:
            p = key_phrase(list(clause[max(0, at - 3):]))
            return [p] if p and word.casefold() in p.text.casefold() else []
    return []


def shot_phrases(transcript: Transcript, shots: Sequence[tuple[int, int]], *, offset_ms: int = 0,
                 avoid: str | Sequence[str] = "", named: Sequence[str | None] = ()) -> list[Phrase | None]:
    """For each shot (start, end on the timeline), the first key phrase said while it is on
    screen (the voice starts at ``offset_ms``), kept on screen at least `MIN_PHRASE_MS` inside
    the shot; None where nothing is said. A phrase that `repeats` ``avoid`` (the title, or
    each of several) is skipped, and no phrase is used twice. ``named``: per shot, a word the
    voice says of its picture (`planner.follow_speech`): a phrase holding it goes first (the cat's
    shot captioned "Shop Cat Chelsea", not the "Every Single Morning" said just before; one made
    around the word when its clause's phrase leaves it out)."""
    clauses = _clauses(transcript.words)
    # a lone verb says nothing on screen ("Visit" from "Visit us today.", beside the call to action)
    # nor one word of a longer clause ("Joy" of "Joy I am in today.", the voice's "Join Iron Gym today" misheard);
    # a clause of a word or two is its own caption ("Delicious.")
    phrases = [p for c in clauses if (p := key_phrase(c)) and p.text.casefold() not in _LONE_VERBS
               and (len(p.text.split()) > 1 or len(c) <= 2)]
    titles = [avoid] if isinstance(avoid, str) else list(avoid)
    titles = [t for t in titles if t]
    used: set[str] = set()
    out: list[Phrase | None] = []
    for k, (s0, s1) in enumerate(shots):
        pick = None
        word = (named[k] if k < len(named) else None) or ""
        holds = [p for p in phrases if word and word.casefold() in p.text.casefold()] or _phrase_at(clauses, word)
        for p in [*holds, *phrases]:
            at = p.start_ms + offset_ms
            if s0 <= at < s1 and p.text.lower() not in used and not any(repeats(p.text, t) for t in titles):
                start = at
                end = min(s1, max(p.end_ms + offset_ms + 600, start + MIN_PHRASE_MS))
                if end - start >= MIN_PHRASE_MS:
                    pick = Phrase(p.text, start, end)
                    break
        if pick:
            used.add(pick.text.lower())
        out.append(pick)
    return out
