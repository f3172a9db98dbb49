"""Named looks: the typeface weight, text animation, caption box, transitions and pacing a video
gets as a whole. Pure data; `Timeline.style` names one, compose and the renderer read it.

| style   | text                     | entrance   | caption box            | transitions    | pacing |
|---------|--------------------------|------------|------------------------|----------------|--------|
| clean   | semi-bold                | fade       | none (dark outline)    | 0.5 s crossfade| 3.5 s  |
| bold    | black weight, UPPERCASE  | scale-in   | solid black box        | hard cuts      | 2.5 s  |
| minimal | regular weight           | fade, slow | none (soft shadow)     | 0.8 s fade     | 4.5 s  |
| playful | bold                     | slide up   | coloured rounded box   | 0.4 s slide    | 3 s    |

The clean look's captions have no plate: over a close-up that fills the frame (a cat's face in
1:1) a two-line caption has nowhere to go but over the subject, and its dark plate hid 13.6 % of
the eyes and nose; the outline and shadow hide a third of that, and `reelforge.render.legibility`
still puts a soft backdrop behind the words where the picture under them is light. Its
``box_color`` is the box a user asks for ("put the captions in a box").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reelforge.timeline.model import TextBackground, Transition

__all__ = ["Style", "STYLES", "DEFAULT_STYLE", "entrance_ms", "get_style", "style_in"]


@dataclass(frozen=True)
class Style:
    name: str
    weight: int  # the variable font's wght axis, 100..900
    uppercase: bool  # titles and calls to action in capitals
    entrance: str  # fade | slide | scale: how text comes in (it always fades out)
    entrance_ms: int
    caption_box: TextBackground
    box_color: str  # #RRGGBBAA of the caption box (of one asked for, when the look has none)
    transition: Transition
    transition_ms: int
    seconds_per_image_ms: int
    label_zh: str


STYLES: dict[str, Style] = {s.name: s for s in (
    Style("clean", 600, False, "fade", 300, TextBackground.SHADOW, "#000000BE", Transition.CROSSFADE, 500, 3500, "简洁"),
    Style("bold", 900, True, "scale", 250, TextBackground.BOX, "#000000FF", Transition.CUT, 0, 2500, "醒目"),
    Style("minimal", 400, False, "fade", 600, TextBackground.SHADOW, "#000000BE", Transition.CROSSFADE, 800, 4500,
          "简约"),
    Style("playful", 800, False, "slide", 350, TextBackground.BOX, "#FF4F8BE6", Transition.SLIDE_LEFT, 400, 3000,
          "活泼"),
)}
DEFAULT_STYLE = "clean"

_WORDS = [
    ("bold", r"\b(?:bold|punchy|snappy|loud|striking|energetic|high[\s-]energy)\b|醒目|大胆|粗体|冲击力|动感|有力"),
    ("minimal", r"\b(?:minimal|minimalist|minimalistic|understated|subtle|quiet|elegant)\b|简约|极简|素雅|低调|优雅"),
    ("playful", r"\b(?:playful|fun|funky|cheerful|whimsical|cute|lively)\b|活泼|俏皮|趣味|可爱|有趣|欢快"),
    ("clean", r"\b(?:clean|simple|classic|neat|professional|corporate)\b|简洁|干净|清爽|经典|专业"),
]
_STYLE_NOUN = r"(?:\b(?:style|look|theme|feel|vibe|aesthetic|design)\b|风格|风|样式|主题|感觉|调性)"


def entrance_ms(look: Style, entrance: str) -> int:
    """How long ``entrance`` takes under ``look``: the look's own, else that of the first look that
    has it (a text's own entrance, "make the title slide in", under another look)."""
    if entrance == look.entrance:
        return look.entrance_ms
    return next(s.entrance_ms for s in STYLES.values() if s.entrance == entrance)


def get_style(name: str | None) -> Style:
    """The style called ``name`` (the default for unknown names)."""
    return STYLES.get((name or "").lower(), STYLES[DEFAULT_STYLE])


def style_in(text: str, *, anywhere: bool = False, first_cut: bool = False) -> str | None:
    """The style a sentence asks for: "bold style", "a minimal look", "简约风格", "活泼一点的风格".
    The style word must sit near "style/look/风格…" unless ``anywhere`` (a style picker's value);
    ``first_cut``: a word said of the video made ("an energetic gym promo") names its look too.

    >>> style_in("make it a bold style promo"), style_in("简约风格"), style_in("bold text")
    ('bold', 'minimal', None)
    """
    t = unicodedata.normalize("NFKC", text or "").lower()
    for name, words in _WORDS:
        for m in re.finditer(words, t, re.ASCII):
            if anywhere:
                return name
            near = t[max(0, m.start() - 24):m.end() + 24]
            if re.search(_STYLE_NOUN, near, re.ASCII):
                return name
    if re.fullmatch(r"\s*(?:clean|bold|minimal|playful)\s*", t):
        return t.strip()
    # a look said of the video itself: "an energetic gym promo", "a fun birthday video", "an elegant
    # wedding film" (the word right before what is made, a noun or two between)
    m = re.search(_OF_THE_VIDEO, t, re.ASCII) if first_cut else None
    if m:
        word = m.group(1)
        for name, words in (*_WORDS, *_MOOD_WORDS):
            if re.fullmatch(words, word, re.ASCII):
                return name
    # a look said of a Chinese video as a piece of its own: "视频要热闹点", "要简约高级一点", "要安静 治愈那种"
    for piece in re.split(r"[\s，,。！!；;、]+", t) if first_cut and re.search(r"[\u4e00-\u9fff]", t) else ():
        if m := _ZH_LOOK_PIECE.fullmatch(piece):
            return next(name for name, words in _ZH_LOOKS if re.match(words, m.group("w")))
    # a style word as a clause of its own: "youtube shorts promo, 12 sec, playful", "minimalist pls"
    for clause in re.split(r"[,;.!?\n，；。！？、]+|\s[-–—]\s|\s+(?:and|but)\s+", t):
        m = re.fullmatch(_BARE, clause.strip(" '\"()[]"), re.ASCII)
        if m:
            word = m.group(1) or m.group(2)
            for name, words in _WORDS:
                if re.fullmatch(words, word, re.ASCII):
                    return name
    return None


_ZH_LOOKS = [("playful", r"热闹|喜庆|欢快|活泼|可爱|俏皮"), ("minimal", r"简约|极简|高级|素雅|安静|治愈|文艺|优雅|低调"),
             ("bold", r"动感|醒目|燃|炸|有冲击力")]
_ZH_LOOK_PIECE = re.compile(r"(?:视频|整体|画面|风格)?(?:要|希望|想要|做得|弄得)?(?P<w>" + "|".join(w for _, w in _ZH_LOOKS) + r")"
                            r"(?:高级|简约|一点|一些|点|些|那种|的感觉|的|风)*")
_MOOD_WORDS = [("bold", r"exciting|dynamic|high-energy"), ("minimal", r"luxurious|luxury|premium|upscale|sophisticated|classy")]
_OF_THE_VIDEO = (r"\b(energetic|exciting|dynamic|punchy|playful|fun|funky|cheerful|whimsical|cute|lively|minimal|minimalist|"
                 r"elegant|luxurious|luxury|premium|upscale|sophisticated|classy|professional|corporate|clean)\s+"
                 r"(?:[a-z]+\s+){0,2}(?:promo|promotional\s+video|video|ad|advert|reel|clip|commercial|teaser|story|"
                 r"slideshow|montage|film|spot)s?\b")


def look_of_word(word: str) -> str | None:
    """The look one word names ("energetic": bold, "luxurious": minimal), or None."""
    w = (word or "").lower()
    return next((name for name, words in (*_WORDS, *_MOOD_WORDS) if re.fullmatch(words, w, re.ASCII)), None)


# a look said without "style/look": the clause is that word (with a few fillers) and nothing else;
# words that also speak of sound or text ("loud", "quiet", "simple", "bold text") are not in it
_BARE = (r"(?:(?:a|an|very|super|really|more|kinda|something|bit|little)\s+)*"
         r"(playful|fun|funky|cheerful|whimsical|cute|lively|minimal|minimalist|minimalistic|understated|elegant|"
         r"punchy|energetic|high[\s-]energy|striking|clean|classic|professional|corporate)"
         r"(?:\s+(?:one|vibes?|please|pls|plz|feel))?|"
         r"(?:要|更|再)?(活泼|俏皮|可爱|欢快|简约|极简|素雅|优雅|醒目|动感|简洁|干净|专业)(?:一点|一些|点|些)?")
