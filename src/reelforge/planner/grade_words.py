"""Words for the pictures' colour, read the same way in an edit ("make it warmer") and in a
first instruction ("a 20 s promo in black and white", "复古色调"): `grade_change` gives the
`Grade` fields they set, from the grade the video has now.

    >>> grade_change("a bit brighter and more contrast", Grade())
    {'brightness': 0.06, 'contrast': 1.15}
    >>> grade_change("复古色调", Grade()) == GRADE_LOOKS["vintage"]
    True
"""

from __future__ import annotations

import re

from reelforge.timeline.model import GRADE_LOOKS, Grade

AS_SHOT = {"saturation": 1.0, "brightness": 0.0, "contrast": 1.0, "warmth": 0.0, "tint": 0.0}

_BW = (r"\bblack\s*(?:and|&|n|-)\s*white\b|\bb\s*&\s*w\b|\bb/w\b|\bgr[ae]y\s*scale\b|\bmonochrome\b|"
       r"\bno\s+colou?rs?\b|\bwithout\s+colou?rs?\b|黑白")
_COLOUR_BACK = (r"\b(?:back\s+(?:to|in(?:to)?)\s+colou?r|in\s+colou?r\s+again|full\s+colou?rs?|original\s+colou?rs?|"
                r"colou?rs?\s+as\s+shot|(?:remove|undo|drop|turn\s+off)\s+(?:the\s+)?(?:black\s*(?:and|&)\s*white|b\s*&\s*w|"
                r"gr[ae]yscale|monochrome)|no\s+more\s+black\s+and\s+white)\b|恢复彩色|改回彩色|彩色的?|恢复原色|去掉黑白|不要黑白")
_NO_GRADE = (r"\b(?:(?:remove|undo|drop|reset|turn\s+off|clear)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:colou?r\s+)?"
             r"(?:filters?|grad(?:e|ing)|colou?r\s+(?:changes?|correction))|no\s+(?:colou?r\s+)?filters?|"
             r"original\s+look)\b|"
             # "remove the vintage look", "get rid of the sepia", "no more moody grade": a look taken off (it SET it)
             r"\b(?:remove|undo|drop|reset|turn\s+off|clear|lose|ditch|kill|get\s+rid\s+of|no\s+more)\s+(?:the\s+|that\s+)?"
             r"(?:\w+\s+)?(?:look|grade|grading|tint|tone|sepia|vintage|filter)\b(?!\s+(?:on|for)\s+the\s+(?:title|text|caption))|"
             r"去掉滤镜|恢复原样|恢复原来的颜色|取消调色|去掉(?:复古|怀旧|黑白)?(?:色调|效果|滤镜)")
_BRIGHTER = r"\b(?:brighter|brighten|lighter|lighten|more\s+bright|too\s+dark)\b|亮一点|亮一些|调亮|提亮|更亮|太暗"
_DARKER = r"\b(?:darker|darken|dimmer|less\s+bright|too\s+bright)\b|暗一点|暗一些|调暗|压暗|更暗|太亮"
_CONTRAST_UP = (r"\b(?:more|higher|increase|boost|add|raise|stronger|up\s+the)\b[^,.;]{0,20}\bcontrast\b|"
                # "more colourful and fun, its a bit flat": the picture flat, more contrast (it was not understood)
                r"^(?:it'?s|its|it\s+looks|looks|everything\s+looks|the\s+(?:video|colou?rs?|pictures?|photos?|images?)\s+"
                r"(?:is|are|looks?))\s+(?:a\s+bit\s+|a\s+little\s+|kinda\s+|so\s+|too\s+|really\s+)?(?:flat|dull|washed\s+out)\b|"
                r"\bcontrast\b[^,.;]{0,12}\b(?:up|higher|more|stronger)\b|\bpunchier\b|对比度?(?:再|更)?(?:高|大|强)一?[点些]|"  # ("对比度再高一点点": not understood)
                r"(?:提高|增加|加强|增强|加大)对比")
_CONTRAST_DOWN = (r"\b(?:less|lower|reduce|decrease|softer|weaker)\b[^,.;]{0,20}\bcontrast\b|"
                  r"\bcontrast\b[^,.;]{0,12}\b(?:down|lower|less)\b|\bflatter\s+look\b|对比度?(?:再|更)?(?:低|小|弱)一?[点些]|"
                  r"(?:降低|减少|减弱|减小)对比")
_VIVID = (r"\b(?:more\s+(?:vivid|vibrant|saturated|colou?rful)|saturate|boost\s+the\s+colou?rs?|"
          r"colou?rs?\s+(?:pop|more\s+vivid|stronger)|make\s+(?:the\s+)?colou?rs?\s+pop|"
          r"make\s+(?:it|the\s+(?:video|pictures?|photos?))\s+pop(?:\s+more)?|pop\s+more|more\s+pop|poppier|"
          # "more green / lush looking?": the greens stronger (it was not understood)
          r"lush(?:er)?(?:\s+looking)?|more\s+lush|greener|more\s+green)\b|鲜艳一?[点些]|更鲜艳|饱和度?(?:高|大)一?[点些]|"
          r"(?:提高|增加)饱和度")
# ("can the clinic tour be muted, you can hear the drill" is its sound: muted colours only with a word of looks)
_MUTED = (r"\b(?:less\s+(?:vivid|vibrant|saturated|colou?rful)|desaturate[ds]?|muted\s+(?:colou?rs?|tones?|look|palette|grade|feel|"
          r"vibe)|(?:more|bit|little|slightly|kinda|softer\s+and|calmer\s+and)\s+muted|^\s*muted\s*(?:please|pls)?\s*[.!]*\s*$|"
          r"washed[\s-]out|faded\s+look)\b|饱和度?(?:低|小)一?[点些]|(?:降低|减少)饱和度|颜色淡一?[点些]|"
          # "颜色别太花 素一点": the colours plainer (it made the style minimal)
          r"颜色(?:别|不要)太(?:花|艳|鲜艳|跳)了?|颜色(?:有点|太)(?:花|艳|跳)了?|^(?:颜色)?(?:再)?素一?[点些]$")
_WARMER = (r"\b(?:warm(?:er)?\s+(?:it\s+)?up|warmer|warm(?:er)?\s+(?:tones?|tint|colou?rs?|look|feel|filter|grade|white\s+balance)|"
           r"more\s+warmth|golden(?:\s+hour)?\s+(?:look|tones?|light)|too\s+(?:cold|blue|cool)|"
           r"coz(?:y|ier)|cos(?:y|ier)|heart[\s-]?warming|more\s+orange|orangey|orangier|more\s+golden)\b|"  # "a cozy video": warm tones
           r"暖色调?|暖一?[点些]|更暖|温暖一?[点些]|偏暖|太冷了?|暖调|温馨|"
           # "颜色再红一点 有食欲": the pictures' colour redder, i.e. warmer (a text's red is the text's colour)
           r"(?:颜色|画面|色调|整体)(?:再|更)?(?:红|橙)一?[点些]")
_COOLER = (r"\b(?:colder|cool(?:er)?\s+(?:tones?|tint|colou?rs?|filter|grade|white\s+balance)|cold\s+(?:tones?|look|feel)|"
           r"bluer|more\s+blue|too\s+(?:warm|yellow|orange))\b|冷色调?|冷一?[点些]|更冷|偏冷|太暖了?|太黄了?|冷调")
# "颜色调暖一点 粉一点", "a bit pinker", "rosier skin": the other white balance axis, towards magenta
# ("the text pink" is a text's colour: only with no text word, or said of the colours or the picture)
_PINKER = (r"\b(?:pinker|more\s+pink|rosier|rosy\s+(?:tones?|look|tint|glow)|pink(?:ish)?\s+(?:tint|tones?|hue|cast|filter|grade)|"
           r"too\s+green(?:ish)?|green(?:ish)?\s+(?:tint|cast))\b|(?:颜色|画面|色调|整体)?(?:再|更|偏)?粉一?[点些]|粉嫩一?[点些]|"
           r"粉色调|偏粉一?[点些]?|(?:有点|太)?(?:发绿|偏绿)了?")
_GREENER = (r"\b(?:too\s+pink|less\s+pink|too\s+(?:magenta|purple)|pink(?:ish)?\s+(?:tint|cast)\s+(?:off|gone)|"
            r"(?:remove|take\s+out|drop)\s+the\s+pink(?:\s+(?:tint|cast))?)\b|太粉了?|(?:颜色|画面)?(?:有点|太)?偏粉了|不要那么粉|别那么粉")
# "more purple", "purple-ish", "偏紫一点": magenta and a little blue (both white balance axes)
_PURPLER = (r"\b(?:more\s+(?:purple|violet)|purpler|purple[\s-]?ish|purplish|(?:purple|violet|lavender)\s+"
            r"(?:tint|tones?|hue|cast|filter|grade|look)|make\s+(?:it|the\s+(?:video|pictures?|photos?|colou?rs?))\s+"
            r"(?:a\s+bit\s+|more\s+)?purple)\b|(?:颜色|画面|色调|整体)?(?:再|更|偏)紫一?[点些]?|紫色调")
STEP_TINT = 0.25
_VINTAGE = (r"\b(?:vintage|retro|old[\s-]school|nostalgic|old\s+film|analog(?:ue)?\s+look|"
            r"70s\s+look|faded\s+film)\b|复古|怀旧|胶片感|胶片风|老电影")
_SEPIA = r"\bsepia\b|棕褐色|老照片"
# "能不能调成日系那种 清新一点", "light and airy": brighter, softer contrast, paler and a little cool
_AIRY = r"\b(?:airy|light\s+and\s+airy|japanese[\s-]style\s+(?:look|colou?rs?|grade|filter))\b|日系|小清新|清新|通透"
_MOODY = r"\b(?:moody|moodier|brooding|dark\s+and\s+(?:moody|cinematic)|low[\s-]key\s+look)\b|暗调|暗黑风|低调的?色调"
STEP_WARMTH = 0.3
STEP_BRIGHTNESS = 0.06
STEP_CONTRAST = 1.15
STEP_SATURATION = 1.3


def _has(rx: str, t: str) -> bool:
    return re.search(rx, t) is not None


def grade_change(t: str, g: Grade) -> dict[str, float] | None:
    """The grade fields a (normalized, lower-case) clause sets, relative words stepping from
    ``g``; None when it says nothing of the pictures' colour. Named looks (sepia, vintage) are
    set whole; "remove the filter" and "back to colour" are the caller's (an edit answers
    "already in colour")."""
    if _has(_SEPIA, t):
        return dict(GRADE_LOOKS["sepia"])
    if _has(_VINTAGE, t):
        return dict(GRADE_LOOKS["vintage"])
    if _has(_MOODY, t):
        return dict(GRADE_LOOKS["moody"])
    if _has(_AIRY, t):
        return {"brightness": round(min(0.5, g.brightness + STEP_BRIGHTNESS), 2), "contrast": round(max(0.25, g.contrast / STEP_CONTRAST), 2),
                "saturation": round(max(0.0, g.saturation * 0.85), 2), "warmth": round(max(-1.0, g.warmth - 0.1), 2)}
    out: dict[str, float] = {}
    purple = _has(_PURPLER, t) and not _has(_GREENER, t)
    if _has(_WARMER, t):
        out["warmth"] = round(min(1.0, g.warmth + STEP_WARMTH), 2)
    elif _has(_COOLER, t) or purple:
        out["warmth"] = round(max(-1.0, g.warmth - (STEP_WARMTH if _has(_COOLER, t) else STEP_WARMTH / 2)), 2)
    if _has(_GREENER, t):
        out["tint"] = round(max(-1.0, g.tint - STEP_TINT), 2)
    elif _has(_PINKER, t) or purple:
        out["tint"] = round(min(1.0, g.tint + STEP_TINT), 2)
    if _has(_BW, t):
        out["saturation"] = 0.0
    elif _has(_VIVID, t):
        out["saturation"] = round(min(3.0, max(g.saturation, 0.5) * STEP_SATURATION), 2)
    elif _has(_MUTED, t):
        out["saturation"] = round(g.saturation / STEP_SATURATION, 2)
    if _has(_BRIGHTER, t):
        out["brightness"] = round(min(0.5, g.brightness + STEP_BRIGHTNESS), 2)
    elif _has(_DARKER, t):
        out["brightness"] = round(max(-0.5, g.brightness - STEP_BRIGHTNESS), 2)
    if _has(_CONTRAST_UP, t):
        out["contrast"] = round(min(3.0, g.contrast * STEP_CONTRAST), 2)
    elif _has(_CONTRAST_DOWN, t):
        out["contrast"] = round(max(0.25, g.contrast / STEP_CONTRAST), 2)
    return out or None


_NOT_PICTURE_NOUN = (r"(?:texts?|titles?|captions?|subtitles?|fonts?|letters|lettering|words|logos?|watermarks?|"
                     r"backgrounds?|music|songs?|voices?|voiceover|sound|audio|cta|标题|字幕|文字|字|背景|水印|音乐|声音|旁白)")
_GRADE_WORDS = [_SEPIA, _VINTAGE, _MOODY, _AIRY, _WARMER, _COOLER, _BW, _VIVID, _MUTED, _BRIGHTER, _DARKER, _CONTRAST_UP, _CONTRAST_DOWN]


def _about_pictures(clause: str, m: re.Match) -> bool:
    """Colour words said of the pictures, not of a text, the background or the sound next to
    them ("black and white text", "background in black and white", "音乐温暖一点")."""
    after = clause[m.end():m.end() + 30]
    before = clause[max(0, m.start() - 30):m.start()]
    return not (re.match(rf"\s*(?:(?!(?:with|and|for|on|in|to|plus|but|or|at|over|then|a|an|the)\b)[a-z]+\s+)?"
                         rf"{_NOT_PICTURE_NOUN}", after)
                or re.search(rf"{_NOT_PICTURE_NOUN}\s*(?:(?:in|to|is|are|be|should\s+be|colou?red|that\s+is|的|要|用|改成|是)\s*)?$",
                             before))


def first_cut_grade(instruction: str) -> dict[str, float] | None:
    """The grade a first instruction asks for ("a 20 s promo in black and white", "warm tones",
    "复古色调", "画面亮一点"), clause by clause (normalized, lower-case text); None = as shot."""
    out: dict[str, float] = {}
    for clause in re.split(r"[,;.!?，。；！？、]|\bbut\b|并且|而且|同时", instruction):
        kept = clause
        for rx in _GRADE_WORDS:  # words said of something else are taken out of the clause
            for m in reversed(list(re.finditer(rx, clause))):
                if not _about_pictures(clause, m):
                    kept = kept[:m.start()] + " " * (m.end() - m.start()) + kept[m.end():]
        change = grade_change(kept, Grade(**{**AS_SHOT, **out}))
        if change:
            out.update(change)
    return out or None
