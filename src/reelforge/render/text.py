"""Text overlays drawn once per overlay with Pillow into a transparent PNG.

Text becomes pixels before ffmpeg sees it, so quotes, colons, backslashes, ``%``, emoji and
Chinese never pass through filter syntax (no drawtext escaping to get wrong), and fonts come
from the bundled files (the static ffmpeg has no fontconfig). The PNG is cropped to the text
and its shadow/box; `reelforge.render.compile` places it with overlay expressions on the
image's own size, so compile needs no font metrics.

Per-character font fallback: Noto Sans -> Noto Sans CJK -> Noto Emoji -> Noto Sans Symbols.
Lines wrap at spaces, and between any two CJK characters (Chinese has no spaces); a two-line
split at a space, a mark or a change of script is preferred to one inside a run of Chinese
characters or digits ("滨江" / "江南大道588号" breaks a word), even at a slightly smaller size.

Every text is drawn into its layout slot (`reelforge.render.layout`): at most ``max_lines``
balanced lines (`balanced_wrap`: no single word alone on a line of a 4+ word text) within
``max_width`` x ``max_height``; the font shrinks until it fits (`fit_font_px`, past the readable
``min_font_px`` only when it must, which `below_readable` reports), and `fitted_specs` gives
every cue of one caption track the same (smallest) size; captions without a box get a heavy
dark outline.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from reelforge.render.fonts import font_chain
from reelforge.timeline.model import Position, TextBackground

if TYPE_CHECKING:
    from reelforge.render.compile import TextOverlay

_MISSING = "\U0010ffff"  # a code point no font maps: renders as .notdef


@lru_cache(maxsize=64)
def _font(index: int, size: int, bold: bool | int) -> ImageFont.FreeTypeFont:
    """``bold``: True for the heaviest weight, False for the regular one, or a weight (100..900)
    on the variable font's axis (a style's weight)."""
    ff = font_chain()[index]
    font = ImageFont.truetype(str(ff.path), size)
    if ff.variable:
        try:
            axes = font.get_variation_axes()
            if isinstance(bold, bool) or bold <= 1:
                font.set_variation_by_axes([a["maximum"] if bold else a["default"] for a in axes])
            else:
                font.set_variation_by_axes([min(max(bold, a["minimum"]), a["maximum"]) for a in axes])
        except (OSError, ValueError):  # pragma: no cover - not variable after all
            pass
    return font


def _signature(font: ImageFont.FreeTypeFont, ch: str) -> tuple:
    mask = font.getmask(ch)
    return (mask.size, tuple(mask))


@lru_cache(maxsize=4096)
def _covers(index: int, ch: str) -> bool:
    """True if font ``index`` has a real glyph for ``ch`` (not .notdef)."""
    font = _font(index, 24, False)
    return _signature(font, ch) != _signature(font, _MISSING)


@lru_cache(maxsize=65536)
def font_index_for(ch: str) -> int:
    """Index into `font_chain` of the first font that draws ``ch``."""
    if ch.isspace() or unicodedata.category(ch) in ("Mn", "Cf"):
        return 0
    for i in range(len(font_chain())):
        if _covers(i, ch):
            return i
    return 0


_ARROWS = frozenset("➜➔➙➛➝➞➟➠➢➣➤➥➦➧➨➩➪➫➬➭➮➯➱➲➳➴➵➶➷➸➹➺➻➼➽➾")  # no bundled font draws them


def drawable(text: str) -> str:
    """``text`` as the bundled fonts can draw it: an arrow none of them has becomes "→", any other
    character none has is left out (each was drawn as an empty box: "➜ link in bio")."""
    if all(ord(ch) < 0x2000 for ch in text):  # (Latin, Greek, Cyrillic: Noto Sans has them all)
        return text
    out = []
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) in ("Mn", "Cf", "Me") or 0xFE00 <= ord(ch) <= 0xFE0F \
                or any(_covers(i, ch) for i in range(len(font_chain()))):
            out.append(ch)
        elif ch in _ARROWS:
            out.append("→")
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()


def _runs(text: str) -> list[tuple[int, str]]:
    """Split a line into runs of characters that use the same font."""
    runs: list[tuple[int, str]] = []
    for ch in text:
        idx = font_index_for(ch)
        if runs and (runs[-1][0] == idx or ch in "\ufe0f\u200d"):
            runs[-1] = (runs[-1][0], runs[-1][1] + ch)
        else:
            runs.append((idx, ch))
    return runs


def _width(text: str, size: int, bold: bool) -> float:
    return sum(_font(i, size, bold).getlength(run) for i, run in _runs(text))


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x3FFFF)


def _tokens(line: str) -> list[str]:
    """Break opportunities: words with their trailing space, and single CJK characters."""
    tokens: list[str] = []
    cur = ""
    for ch in line:
        if _is_cjk(ch):
            if cur:
                tokens.append(cur)
                cur = ""
            tokens.append(ch)
        elif ch == " ":
            tokens.append(cur + ch)
            cur = ""
        else:
            cur += ch
    if cur:
        tokens.append(cur)
    return tokens


EVERY_SPLIT = 64   # up to this many break opportunities every line and split is measured


def wrap(text: str, size: int, bold: bool, max_width: int) -> list[str]:
    """Greedy line wrap to ``max_width`` pixels; explicit newlines are kept."""
    lines: list[str] = []
    for para in text.splitlines() or [text]:
        if len(tokens := _tokens(para)) > EVERY_SPLIT:
            lines += _wrap_long(tokens, size, bold, max_width)
            continue
        cur = ""
        for tok in tokens:
            cand = cur + tok
            if cur and _width(cand.rstrip(), size, bold) > max_width:
                if _OPENS_ON_DASH.match(tok) and (last := cur.rstrip().rpartition(" "))[0]:
                    cur, tok = last[0] + " ", last[2] + " " + tok  # no line opens on a dash: its word goes along
                lines.append(cur.rstrip())
                cur = tok.lstrip()
                # a single word wider than the line: break it by characters
                while _width(cur, size, bold) > max_width and len(cur) > 1:
                    # the longest head that fits (binary search: a 10,000-character word costs
                    # ~14 measures a line, not one per character)
                    cut = _head_that_fits(cur, size, bold, max_width)
                    lines.append(cur[:cut])
                    cur = cur[cut:]
            else:
                cur = cand
        lines.append(cur.rstrip())
    return lines


def _head_that_fits(word: str, size: int, bold: bool, max_width: int) -> int:
    """Length of the longest head of ``word`` that fits (at least 1), by binary search."""
    lo, hi = 1, len(word) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _width(word[:mid], size, bold) > max_width:
            hi = mid - 1
        else:
            lo = mid
    return lo


def _wrap_long(tokens: list[str], size: int, bold: bool, max_width: int) -> list[str]:
    """`wrap` of one paragraph with many break opportunities (a long Chinese caption): the same
    greedy lines, each found by a galloping then binary search over how many tokens fit, so a
    line costs about log2(its tokens) measures instead of one per token."""
    tokens = list(tokens)
    lines: list[str] = []
    i, n = 0, len(tokens)

    def fits(j: int) -> bool:
        return _width("".join(tokens[i:j]).strip(), size, bold) <= max_width

    while i < n:
        first = tokens[i].lstrip() if i else tokens[i]
        if i and _width(first, size, bold) > max_width and len(first) > 1:
            # one token wider than the line: break it by characters, go on with the rest
            cut = _head_that_fits(first, size, bold, max_width)
            lines.append(first[:cut])
            tokens[i] = first[cut:]
            continue
        good, step = i + 1, 1
        while good + step <= n and fits(good + step):
            good += step
            step *= 2
        bad = min(n + 1, good + step)
        while bad - good > 1:
            mid = (good + bad) // 2
            if mid <= n and fits(mid):
                good = mid
            else:
                bad = mid
        lines.append("".join(tokens[i:good]).strip())
        i = good
    return lines or [""]


def _rgba(color: str) -> tuple[int, int, int, int]:
    c = color.lstrip("#")
    r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    a = int(c[6:8], 16) if len(c) == 8 else 255
    return r, g, b, a


def _backdrop(spec: TextOverlay, img_w: int, img_h: int, size: int) -> Image.Image:
    """A soft-edged rounded backdrop filling the text's drawn box, at ``spec.scrim`` alpha, dark
    behind light text and light behind dark text (`reelforge.render.legibility` decides)."""
    from reelforge.render.legibility import LIGHT_TEXT, luma_of

    soft = max(1, size // 8)
    mask = Image.new("L", (img_w, img_h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((soft, soft, img_w - 1 - soft, img_h - 1 - soft),
                                           radius=max(1, size // 3), fill=spec.scrim)
    mask = mask.filter(ImageFilter.GaussianBlur(soft / 2))
    shade = (0, 0, 0) if luma_of(spec.color) >= LIGHT_TEXT else (255, 255, 255)
    layer = Image.new("RGBA", (img_w, img_h), shade + (0,))
    layer.putalpha(mask)
    return layer


def _pad(spec: TextOverlay, size: int) -> int:
    if spec.background is TextBackground.BOX:
        return int(size * 0.4)
    if spec.outline_px:
        return int(size * 0.3) + spec.outline_px
    if spec.background is TextBackground.SHADOW:
        return int(size * 0.3)
    return max(2, size // 10)


def _words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if t.strip() and not (len(t.strip()) == 1 and _is_cjk(t.strip())))


CLAUSE_BREAK_BONUS = 0.85  # a two-line split after "," / ";" / ":" may be this much less even
_CLAUSE_MARKS = (",", ";", ":", "，", "；", "：", "、", "。", ".", "!", "?", "！", "？")
# a spaced dash or bar parts two things ("Adopt, don't shop - happypaws.org"): the break goes after
# it, even less evenly than after a comma, and never before it
DASH_BREAK_BONUS = 0.7
_DASHES = (" -", " –", " —", " |", " ·")
_OPENS_ON_DASH = re.compile(r"^[-–—|·](?:\s|$)")


def balanced_wrap(text: str, size: int, bold: bool, max_width: int, max_lines: int = 2) -> list[str]:
    """At most ``max_lines`` lines of about equal width, when the text fits that way at ``size``:
    one line if it fits, else the two-line split with the smallest widest line (a split after a
    clause's punctuation counted ``CLAUSE_BREAK_BONUS`` narrower); with four or more words no line
    holds a single word. Falls back to `wrap` (more lines) when it does not fit,
    so the caller can shrink the font. Explicit newlines are kept as they are."""
    paras = text.splitlines() or [text]
    if len(paras) > 1 or max_lines < 2:
        return wrap(text, size, bold, max_width)
    line = text.strip()
    if _width(line, size, bold) <= max_width:
        return [line]
    tokens = _tokens(line)
    words = _words(tokens)
    best: tuple[int, float, list[str]] | None = None
    for k in _split_candidates(tokens, size, bold):
        a, b = "".join(tokens[:k]).rstrip(), "".join(tokens[k:]).strip()
        if not a or not b or _OPENS_ON_DASH.match(b):
            continue
        rank = _break_rank("".join(tokens[max(0, k - 3):k]), tokens[k])
        if words >= 4 and (_words(tokens[:k]) < 2 or _words(tokens[k:]) < 2) and not a.endswith(_DASHES):
            continue  # (what follows a dash stands alone: "happypaws.org")
        wa, wb = _width(a, size, bold), _width(b, size, bold)
        if max(wa, wb) > max_width:
            continue
        # a break after a clause's punctuation reads better than a slightly more even one:
        # "This Friday," / "7pm to midnight", not "This Friday, 7pm" / "to midnight"
        score = max(wa, wb) * (DASH_BREAK_BONUS if a.endswith(_DASHES) else
                               CLAUSE_BREAK_BONUS if a.endswith(_CLAUSE_MARKS) else 1.0)
        if best is None or (rank, score) < best[:2]:   # a word's edge first, however uneven
            best = (rank, score, [a, b])
    return best[2] if best else wrap(text, size, bold, max_width)


def _break_rank(before: str, after: str) -> int:
    """How bad a line break between two tokens is: 0 at a word's edge (a space, a mark, a change
    of script); 1 inside a word (two Chinese characters, or one and a digit: "588号", with no
    space or mark between them); 2 against a mark (no line opens on "，" or ends on "（")."""
    a, b = before[-1:], after[:1]
    if not a or not b or a.isspace() or b.isspace():
        return 0
    if unicodedata.category(b) in ("Po", "Pe", "Pf") or unicodedata.category(a) in ("Ps", "Pi"):
        return 2
    if a in _MEASURES and before[-2:-1].isdigit() and _is_cjk(b):
        return 0  # "满59元" / "小区内免费送货": a number and its unit end a phrase
    return int(_word_char(a) and _word_char(b))


_MEASURES = frozenset("元块折斤盒件个位人岁天节次套份杯瓶张号楼")


def _word_char(ch: str) -> bool:
    return ch.isdigit() or (_is_cjk(ch) and not unicodedata.category(ch).startswith("P"))


def _splits_a_word(text: str, lines: list[str]) -> bool:
    """Whether ``lines`` (two, of one line of ``text``) were broken inside a word or against a mark."""
    if len(lines) != 2 or "\n" in text:
        return False
    a, line = lines[0], text.strip()
    return line.startswith(a) and not line[len(a):len(a) + 1].isspace() and _break_rank(a, lines[1]) > 0


def _split_candidates(tokens: list[str], size: int, bold: bool) -> range | list[int]:
    """Where to try the break of a two-line split: everywhere for a short text; for a long one
    (a caption of 1,000 Chinese characters has 1,000 break opportunities, and measuring both
    halves at each took minutes of CPU across the font sizes tried) only around where the
    halves' widths cross (the first half only grows with k, the second only shrinks), found by
    a binary search: about 2·log2(n) measures instead of 2·n."""
    n = len(tokens)
    if n <= EVERY_SPLIT:
        return range(1, n)
    lo, hi = 1, n - 1
    while lo < hi:   # the first k whose first half is at least as wide as the rest
        mid = (lo + hi) // 2
        if _width("".join(tokens[:mid]).rstrip(), size, bold) >= _width("".join(tokens[mid:]).strip(), size, bold):
            hi = mid
        else:
            lo = mid + 1
    return [k for k in range(lo - 3, lo + 3) if 1 <= k < n]


def _inner_width(spec: TextOverlay, size: int) -> int:
    # the box/outline/shadow stays inside the column too
    return max(size, spec.max_width - 2 * _pad(spec, size))


def text_lines(spec: TextOverlay, size: int) -> list[str]:
    """The lines ``spec`` is drawn in at font size ``size`` (a dot or bar between two parts of a row
    is left out where the line breaks there: "Until May 12 · Use code MOM20" / "Order at …")."""
    width = _inner_width(spec, size)
    if spec.max_lines:
        lines = balanced_wrap(spec.text, size, spec.bold, width, spec.max_lines)
    else:
        lines = wrap(spec.text, size, spec.bold, width)
    return [_SEPARATOR_AT_BREAK.sub("", ln) or ln for ln in lines]


_SEPARATOR_AT_BREAK = re.compile(r"\s+[·|]$|^[·|]\s+")


def block_size(spec: TextOverlay, size: int, lines: list[str] | None = None) -> tuple[int, int]:
    """(width, height) of the drawn PNG at ``size`` (the same sums as `render_text`)."""
    lines = text_lines(spec, size) if lines is None else lines
    ascent, descent = _font(0, size, spec.bold).getmetrics()
    text_w = int(max((_width(line, size, spec.bold) for line in lines), default=0)) + 1
    text_h = int(round(size * 1.3)) * (len(lines) - 1) + ascent + descent
    pad = _pad(spec, size)
    return text_w + 2 * pad, text_h + 2 * pad


def _fits(spec: TextOverlay, size: int, lines: list[str] | None = None) -> bool:
    lines = text_lines(spec, size) if lines is None else lines
    if spec.max_lines and len(lines) > spec.max_lines:
        return False
    w, h = block_size(spec, size, lines)
    return w <= spec.max_width and (not spec.max_height or h <= spec.max_height)


HARD_FLOOR_PX = 8
MAX_FIT_CHARS = 2000   # twice the default text limit: longer texts are not fitted size by size


def fit_font_px(spec: TextOverlay) -> int:
    """The largest font size (from ``font_px`` down) at which ``spec`` fits its slot: at most
    ``max_lines`` lines, ``max_width`` x ``max_height`` pixels. It shrinks past the readable size
    (``min_font_px``) if it must - `below_readable` tells - but never drops a word.

    Remembered by what the size depends on: an edit lays out every text of the timeline again
    (its checks, the layout), and measuring a long text at every size took ~0.4 s, so each chat
    message cost ~0.4 s more per long text the session held (a hostile client's 8 texts: 8 s)."""
    return _fit_font_px(dataclasses.replace(spec, segment_id="", path=Path(), color="", align="center",
                                            position=Position.CENTER, group="", box_alpha=0, box_color="",
                                            scrim=0, frame_width=0, frame_height=0))


@lru_cache(maxsize=1024)
def _fit_font_px(spec: TextOverlay) -> int:
    if len(spec.text) > MAX_FIT_CHARS:   # no timeline may hold it (REELFORGE_MAX_TEXT_CHARS):
        return HARD_FLOOR_PX             # measuring it at every size only costs CPU
    sizes = [spec.font_px]  # the sizes tried, each 6 % under the one before, down to the floor
    while sizes[-1] > HARD_FLOOR_PX:
        sizes.append(max(HARD_FLOOR_PX, int(sizes[-1] * 0.94)))
    # the first that fits: a smaller size never fits worse, so halving the sizes left finds it
    # in ~5 measures instead of up to ~30 (a 1,000-character text measured ~30 times took 0.4 s)
    lo, hi = 0, len(sizes) - 1  # sizes[hi] is taken when nothing above it fits
    if _fits(spec, sizes[0]):  # (most texts: measured once)
        hi = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if _fits(spec, sizes[mid]):
            hi = mid
        else:
            lo = mid + 1
    return _size_that_keeps_words(spec, sizes[lo])


WORD_KEEPING_SHRINK = 0.85  # a two-line split may cost this much of the size to keep a word whole


def _size_that_keeps_words(spec: TextOverlay, size: int) -> int:
    """``size``, or a somewhat smaller one (not below the readable size) at which the text's two
    lines break at a word's edge instead of inside one ("· 滨" / "江江南大道…")."""
    if not spec.max_lines or not _splits_a_word(spec.text, text_lines(spec, size)):
        return size
    floor = max(spec.min_font_px, HARD_FLOOR_PX, math.ceil(size * WORD_KEEPING_SHRINK))
    for smaller in range(size - 1, floor - 1, -1):  # (the lines as drawn, measured once a size)
        lines = text_lines(spec, smaller)
        if len(lines) == 2 and not _splits_a_word(spec.text, lines) and _fits(spec, smaller, lines):
            return smaller
    return size


def below_readable(spec: TextOverlay, size: int | None = None) -> bool:
    """True when the text had to shrink below its readable size to fit."""
    return bool(spec.min_font_px) and (fit_font_px(spec) if size is None else size) < spec.min_font_px


def render_text(spec: TextOverlay) -> Image.Image:
    """Draw the overlay: an RGBA image cropped to the text plus its shadow, outline or box."""
    size, bold = spec.font_px, spec.bold
    lines = text_lines(spec, size)
    ascent, _ = _font(0, size, bold).getmetrics()
    line_h = int(round(size * 1.3))
    widths = [_width(line, size, bold) for line in lines]
    pad = _pad(spec, size)
    img_w, img_h = block_size(spec, size, lines)
    text_w = img_w - 2 * pad

    fill = _rgba(spec.color)
    glyphs = Image.new("L", (img_w, img_h), 0)
    gdraw = ImageDraw.Draw(glyphs)
    strokes = Image.new("L", (img_w, img_h), 0)
    sdraw = ImageDraw.Draw(strokes)
    outline = spec.outline_px or max(1, size // 22)
    for n, (line, w) in enumerate(zip(lines, widths, strict=True)):
        if spec.align == "left":
            x = float(pad)
        elif spec.align == "right":
            x = pad + text_w - w
        else:
            x = pad + (text_w - w) / 2
        base = pad + ascent + n * line_h
        for idx, run in _runs(line):
            font = _font(idx, size, bold)
            # fonts without a weight axis get a same-colour stroke for bold
            heavy = bold if isinstance(bold, bool) or bold <= 1 else bold >= 600
            fake_bold = max(1, size // 30) if heavy and not font_chain()[idx].variable else 0
            gdraw.text((x, base), run, font=font, fill=255, anchor="ls", stroke_width=fake_bold,
                       stroke_fill=255)
            sdraw.text((x, base), run, font=font, fill=255, anchor="ls",
                       stroke_width=fake_bold + outline, stroke_fill=255)
            x += font.getlength(run)

    out = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
    if spec.background is TextBackground.BOX:
        box = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        fill_box = _rgba(spec.box_color) if spec.box_color else (0, 0, 0, spec.box_alpha)
        ImageDraw.Draw(box).rounded_rectangle((0, 0, img_w - 1, img_h - 1), radius=int(size * 0.25),
                                              fill=fill_box)
        out = Image.alpha_composite(out, box)
    elif spec.outline_px:
        # social captions: a heavy, fully dark outline with a soft shadow behind it
        soft = strokes.filter(ImageFilter.GaussianBlur(max(1.0, size / 10)))
        shadow = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        shadow.putalpha(soft.point(lambda v: int(v * 0.6)))
        out = Image.alpha_composite(out, shadow)
        ring = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        ring.putalpha(strokes)
        out = Image.alpha_composite(out, ring)
    elif spec.background is TextBackground.SHADOW:
        if spec.scrim:
            out = Image.alpha_composite(out, _backdrop(spec, img_w, img_h, size))
        # a soft drop shadow plus a thin dark outline: legible on bright and busy pictures
        soft = strokes.filter(ImageFilter.GaussianBlur(max(1.0, size / 12)))
        soft = soft.point(lambda v: int(v * 0.75))
        shadow = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        shadow.putalpha(soft)
        offset = max(1, size // 24)
        shifted = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        shifted.paste(shadow, (offset, offset))
        out = Image.alpha_composite(out, shifted)
        ring = Image.new("RGBA", (img_w, img_h), (0, 0, 0, 0))
        ring.putalpha(strokes.point(lambda v: int(v * 0.6)))
        out = Image.alpha_composite(out, ring)
    text_layer = Image.new("RGBA", (img_w, img_h), fill[:3] + (0,))
    text_layer.putalpha(glyphs.point(lambda v: v * fill[3] // 255))
    return Image.alpha_composite(out, text_layer)


def draw_overlay(spec: TextOverlay) -> Path:
    """Draw ``spec`` to ``spec.path`` (PNG) and return the path."""
    img = render_text(spec)
    spec.path.parent.mkdir(parents=True, exist_ok=True)
    img.save(spec.path, format="PNG", compress_level=1)
    return spec.path


def fitted_specs(specs: Iterable[TextOverlay]) -> list[TextOverlay]:
    """The specs with their final font size: captions shrink to fit their line limit, and
    every cue of a group (one caption track) takes the group's smallest readable size, so the
    captions of a video do not change size from cue to cue (one too long to fit at a readable
    size is the exception: it alone is smaller, and `checks.small_texts` names it)."""
    specs = list(specs)
    fitted = [fit_font_px(s) for s in specs]
    group_px: dict[str, int] = {}
    for s, px in zip(specs, fitted, strict=True):
        if s.group and not below_readable(s, px):
            group_px[s.group] = min(px, group_px.get(s.group, px))
    out = []
    for s, px in zip(specs, fitted, strict=True):
        # a cue that fits only below the readable size keeps its own size (and is reported):
        # the others do not all shrink to it
        px = min(px, group_px.get(s.group, px)) if s.group else px
        out.append(s if px == s.font_px else dataclasses.replace(s, font_px=px))
    return out


def draw_overlays(specs: Iterable[TextOverlay]) -> list[Path]:
    """Draw every overlay (`fitted_specs` sizes) and return the PNG paths."""
    return [draw_overlay(s) for s in fitted_specs(specs)]
