"""Names heard as the user spells them: a brand Whisper mishears ("Wander East Tours" as "One
-deleased tours", "wandereast.com" as "one -deleased .com") is listened for again with the names as
hot words, and taken from that pass only where it replaces other words at the same time.

Whisper base, told the names (faster-whisper's ``hotwords``), hears them; but a prompt is also
what it writes where it cannot make out the speech. So the prompted pass is a proposal: a stretch of
it is taken only where it (1) replaces words the plain pass heard at the same time, not silence,
(2) is made of the names' own words, and (3) sounds alike, by letters, to what it replaces. Pure
functions; the model runs in `reelforge.ai.captions`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Protocol

NEAR = 0.5  # letter likeness (difflib ratio) of a stretch the told pass heard to the one it replaces
# ... and of words heard to a name, to listen again (a second pass costs ~1-2 s): "one -deleased
# tours." for "Wander East Tours" is 0.71, "Museum latest" 0.91; "Shopdownandmemple.com" for
# "example.com" (0.53) was not mended by the told pass either
CLOSE = 0.6
# a draft may hold a thousand texts: the names listened for are bounded (a second pass's prompt and
# the likeness windows cost in proportion)
MAX_NAMES = 8
MAX_NAME_CHARS = 60
_DOMAIN = re.compile(r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|app|shop|store|uk|de|fr|cn|ai|dev)\b", re.I)
# a run of labels from a domain's possible start: no start inside it reaches an end its first start does not
_DOMAIN_RUN = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*", re.I)
_DOMAIN_START = re.compile(r"\b[a-z0-9]", re.I)
_CAPS_RUN = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:&\s+)?[A-Z][\w'’&-]*)+")


class _Word(Protocol):
    start_ms: int
    end_ms: int
    text: str


def key(text: str) -> str:
    """The letters and digits of ``text``, lower case: what two spellings are compared by."""
    return re.sub(r"[\W_]+", "", text.lower())


def addresses_in(text: str) -> list[str]:
    """The web addresses ``text`` shows ("Order at bloomandco.com" -> ["bloomandco.com"]): ``_DOMAIN.findall`` in
    linear time. findall tried every letter of "a.a.a…", each scanning the rest of the run; but an address starting
    inside a run of labels ("a.b-c.d", no "..") ends where one from the run's first start may end, and that one
    (the longest) was tried first, so only each run's first start is tried ("Order now...bloomandco.com": the
    "..." ends a run)."""
    found: list[str] = []
    text, at = text or "", 0
    while start := _DOMAIN_START.search(text, at):
        at = _DOMAIN_RUN.match(text, start.start()).end()
        if address := _DOMAIN.match(text, start.start()):
            found.append(address.group(0))
    return found


def names_in(title: str | None, texts: Iterable[str]) -> tuple[str, ...]:
    """The names a voiceover may say, as spelled on screen: the title, the web addresses and the runs
    of two or more capitalised words in the other texts ("Wander East Tours", "wandereast.com")."""
    found: list[str] = []
    if title and title.strip():
        found.append(" ".join(title.split()))
    for text in texts:
        found += addresses_in(text)
        found += [m.group(0) for m in _CAPS_RUN.finditer(text)]
    seen: set[str] = set()
    names = [n for n in found if 4 <= len(key(n)) <= MAX_NAME_CHARS and not (key(n) in seen or seen.add(key(n)))]
    return tuple(names[:MAX_NAMES])


def _tokens(name: str) -> list[str]:
    return [k for k in (key(p) for p in re.split(r"[\s.]+", name)) if k]


def _windows(words: Sequence[_Word], n: int) -> Iterable[tuple[int, int]]:
    for size in range(max(1, n - 1), n + 2):
        for i in range(0, len(words) - size + 1):
            yield i, i + size


def likeness(a: str, b: str) -> float:
    """How alike two spellings are, by their letters and digits (0 when either has none)."""
    ka, kb = key(a), key(b)
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio() if ka and kb else 0.0


def near_misses(words: Sequence[_Word], names: Sequence[str]) -> list[str]:
    """The ``names`` not heard as spelled but close, by letters, to some words that were: the ones
    worth listening for again (a title the voice never says is not)."""
    heard = " " + " ".join(k for w in words if (k := key(w.text))) + " "
    out = []
    for name in names:
        k = key(name)
        if not k or f" {' '.join(_tokens(name))} " in heard:
            continue
        n = len(_tokens(name))
        address = _DOMAIN.fullmatch(name) is not None
        for i, j in _windows(words, n):
            said = " ".join(w.text for w in words[i:j])
            # an address is said with its ending ("dot com"): "the Science Hall" is no "sciencehall.org"
            if address and not re.search(r"\.\w|\bdot\b", said, re.I):
                continue
            if likeness(said, name) >= CLOSE:
                out.append(name)
                break
    return out


def _overlap(a: Sequence[_Word], b: Sequence[_Word]) -> bool:
    lo, hi = max(a[0].start_ms, b[0].start_ms), min(a[-1].end_ms, b[-1].end_ms)
    return hi - lo >= 0.5 * min(a[-1].end_ms - a[0].start_ms, b[-1].end_ms - b[0].start_ms)


def _names_at(keys: Sequence[str], j1: int, j2: int, names: Sequence[str]) -> tuple[set[int], int]:
    """The places in ``keys[j1:j2]`` that are part of a whole name spelled out in ``keys`` (its
    neighbours included: "wandereast" then ".com"), and how many other words the stretch holds."""
    inside: set[int] = set()
    for toks in (_tokens(n) for n in names):
        size = len(toks)
        for s in range(max(0, j1 - size + 1), min(len(keys) - size, j2 - 1) + 1):
            if list(keys[s:s + size]) == toks:
                inside |= set(range(max(s, j1), min(s + size, j2)))
    return inside, sum(1 for j in range(j1, j2) if j not in inside and keys[j])


def respelled(plain: Sequence[_Word], prompted: Sequence[_Word], names: Sequence[str]) -> list:
    """``plain`` with the stretches that ``prompted`` (the pass told ``names``) heard as a name
    instead: where the stretch spells a whole name (with its neighbours; one other word may come
    with it: "Museum Late is" for "Museum latest"), replaces words heard at the same time and sounds
    alike by letters. Then each name found is written as spelled ("Wander East Tours")."""
    a, b = [key(w.text) for w in plain], [key(w.text) for w in prompted]
    out: list = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        was, now = plain[i1:i2], prompted[j1:j2]
        named, others = _names_at(b, j1, j2, names) if tag == "replace" else (set(), 0)
        if (named and others <= 1 and was and len(now) <= len(was) + 1 and _overlap(was, now)
                and likeness(" ".join(w.text for w in was), " ".join(w.text for w in now)) >= NEAR):
            # the sentence as the plain pass heard it: its last word's stop or comma ("Hopper's Cafe," had
            # turned "Hopper's Café." into a clause and joined two sentences in one caption)
            out += [*now[:-1], _with_tail(now[-1], _tail(was[-1].text))]
        else:
            out += was
    return as_spelled(out, names)


# a web address heard this close to one on screen, with its ending, is that one ("BloomingCoat.com" for
# "bloomandco.com" is 0.79: a Piper voice heard so in session 28's CI; "example.com" is 0.35)
DOMAIN_ALIKE = 0.75


def _unfused(words: list, parts: Sequence[str]) -> list:
    """A name's first word heard run together with the word before it, the rest of the name after it
    ("Midorbit coffee" for "Meet Orbit Coffee" under the title "Orbit Coffee"): the two parted, the time
    shared by their letters, so the name is written as spelled (it was burned in as "Midorbit")."""
    first, rest = key(parts[0]), key("".join(parts[1:]))
    if len(first) < 4 or not rest:
        return words
    out = list(words)
    for k in range(len(out) - 1, -1, -1):
        w = out[k]
        heard = key(w.text)
        if len(heard) < len(first) + 2 or not heard.endswith(first):
            continue
        after = "".join(key(x.text) for x in out[k + 1:k + 1 + len(parts)])
        if not after.startswith(rest):
            continue
        letters = re.sub(r"[\W_]+$", "", w.text)
        cut = len(letters) - len(first)
        at = w.start_ms + (w.end_ms - w.start_ms) * cut // max(1, len(letters))
        out[k:k + 1] = [dataclasses.replace(w, text=letters[:cut], end_ms=at),
                        dataclasses.replace(w, text=w.text[cut:], start_ms=at)]
    return out


def as_spelled(words: list, names: Sequence[str]) -> list:
    """Runs of words that spell a name, letter for letter, written as the name spells them, its
    words as many as the name's ("North Wind Labs" for "Northwind Labs", "urban dreams." for
    "Urban Dreams"); the run's last punctuation kept. A web address heard close to one on screen,
    with the same ending, is written as shown ("bloomandcode.com" for "bloomandco.com": an address
    is no word the voice says for itself)."""
    shown = [n for n in names if _DOMAIN.fullmatch(n)]
    if shown:
        words = _dots_joined(words)
    for k, w in enumerate(words):
        bare = w.text.rstrip(".,!?;:")
        if not shown or not _DOMAIN.fullmatch(bare) or any(bare.lower() == d.lower() for d in shown):
            continue
        ending = bare.lower().rsplit(".", 1)[-1]
        best = max(shown, key=lambda d: likeness(bare, d))
        if best.lower().rsplit(".", 1)[-1] == ending and likeness(bare, best) >= DOMAIN_ALIKE:
            words[k] = _with_tail(dataclasses.replace(w, text=best), _tail(w.text))
    # a "www" the told pass put before an address shown without one ("www bloomandco.com")
    words = [w for k, w in enumerate(words)
             if not (key(w.text) == "www" and k + 1 < len(words)
                     and any(words[k + 1].text.rstrip(".,!?;:").lower() == d.lower() for d in shown))]
    for name in names:
        parts = name.split()
        want = key(name)
        if not want or len(parts) < 2 and _DOMAIN.fullmatch(name) is None:
            continue  # a one-word name may be a word the voice says for itself
        words = _unfused(words, parts)
        i = 0
        while i < len(words):
            j, got = i, ""
            while j < len(words) and len(got) < len(want):
                got += key(words[j].text)
                j += 1
            run = words[i:j]
            if got == want and key(run[0].text) and len(run) <= len(parts) + 3 \
                    and [w.text.rstrip(".,!?;:") for w in run] != [p.rstrip(".,!?;:") for p in parts]:
                words[i:j] = _spread(run, parts)
                i += len(parts)
            else:
                i += 1
    return words


def _dots_joined(words: list) -> list:
    """Words with an address heard in two ("bloomandcote", ".com.": one address, as the captions show it)
    joined into one word, so that it is read as one."""
    out: list = []
    for w in words:
        if out and w.text.startswith(".") and _DOMAIN.fullmatch((out[-1].text + w.text).rstrip(".,!?;:")):
            out[-1] = dataclasses.replace(out[-1], text=out[-1].text + w.text, end_ms=w.end_ms)
        else:
            out.append(w)
    return out


def _spread(run: list, parts: Sequence[str]) -> list:
    """The name's words over the time of ``run`` (word for word when as many, else by letters)."""
    if len(run) == len(parts):
        out = [dataclasses.replace(w, text=p.rstrip(".,!?;:")) for w, p in zip(run, parts, strict=True)]
    else:
        a, b, total = run[0].start_ms, run[-1].end_ms, sum(len(key(p)) or 1 for p in parts)
        out, at = [], a
        for p in parts:
            end = at + round((b - a) * (len(key(p)) or 1) / total)
            out.append(dataclasses.replace(run[0], start_ms=at, end_ms=max(end, at + 1), text=p.rstrip(".,!?;:")))
            at = end
    return [*out[:-1], _with_tail(out[-1], _tail(run[-1].text))]


def _tail(text: str) -> str:
    """A word's trailing punctuation ("tours." -> ".")."""
    return re.search(r"[^\w%]*$", text).group(0)  # type: ignore[union-attr]


def _with_tail(w: _Word, tail: str) -> _Word:
    return dataclasses.replace(w, text=w.text[:len(w.text) - len(_tail(w.text))] + tail)  # type: ignore[type-var]
