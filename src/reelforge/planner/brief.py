"""A brief typed as labelled fields (pure).

People paste briefs: "product: AeroBottle. tagline: stay cold 24h. cta: order today",
"Title - Urban Dreams; offer: 30% off; website: example.com", "产品：豆子咖啡，口号：每天一杯好咖啡，
结尾：立即下单". The label says what the words are for, the words are shown as typed. The first
cut (`compose`) reads these before its other readers and blanks them for the settings' readers:
"tagline: bold flavour, 24h fresh" sets neither a bold look nor a 24-hour video.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .ending import capitalised, contact_in, names_a_thing
from .quotes import LIST_GLUE, quote_spans

# label words -> what the words under them are for
_LABELS: dict[str, tuple[str, ...]] = {
    "headline": ("headline", "heading", "main message", "主标题"),
    "title": ("product", "product name", "brand", "brand name", "company",
              "company name", "business", "business name", "shop name", "store name", "app name", "event",
              "event name", "产品", "产品名", "产品名称", "商品", "商品名", "商品名称", "品牌", "品牌名", "店名", "名称",
              "活动名称"),
    "subtitle": ("tagline", "tag line", "slogan", "subtitle", "sub-title", "subheading", "sub-heading", "subhead",
                 "motto", "strapline", "口号", "标语", "广告语", "副标题", "宣传语"),
    "cta": ("cta", "call to action", "call-to-action", "button", "button text", "ending", "end card", "end screen",
            "outro", "closing line", "结尾", "行动号召", "按钮", "结束语"),
    "line": ("offer", "deal", "discount", "promo", "promotion", "promo code", "code", "coupon", "price", "pricing",
             "sale", "website", "site", "url", "link", "web", "phone", "phone number", "tel", "email", "e-mail",
             "contact", "address", "location", "where", "instagram", "ig", "handle", "date", "dates", "when",
             "hours", "opening hours", "优惠", "价格", "售价", "网址", "官网", "电话", "地址", "微信", "日期",
             "营业时间", "优惠码", "活动时间"),
    "text": ("text", "overlay", "on-screen text", "文字", "文案"),
    "captions": ("captions", "caption", "overlays", "features", "key features",
                 "selling points", "key points", "字幕", "卖点", "亮点"),
}
_ROLE_OF = {w: role for role, words in _LABELS.items() for w in words}
_EN = sorted((w for w in _ROLE_OF if w.isascii()), key=len, reverse=True)
_ZH = sorted((w for w in _ROLE_OF if not w.isascii()), key=len, reverse=True)
_ZH_SAID = sorted((w for w in _LABELS["subtitle"] if not w.isascii()), key=len, reverse=True)
# a label opens the text or follows a break; an English one is a whole word followed by ":", "=" or a
# spaced dash, a Chinese one by a colon (a slogan's also by 是/为: "口号是每天一杯好咖啡"). A title
# ("title: …", "标题是…") is `on_screen.title_in`'s, which knows where one ends.
_LABEL_RX = re.compile(
    r"(?:(?<=^)|(?<=[\s,.;!?(，。；！？、（]))(?:"
    r"(?P<en>(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _EN) + r"))\s*(?:[:：=]|\s[-–—]\s)|"
    r"(?P<ask>预约|报名|咨询|联系|客服|订餐|订座)?(?P<zh>" + "|".join(map(re.escape, _ZH)) + r")\s*[:：]|(?P<zs>" + "|".join(map(re.escape, _ZH_SAID)) + r")\s*(?:是|为))\s*")
# where a value ends: a line or clause break, a sentence's full stop (not "example.com", "$19.99"),
# a comma not inside a number ("$450,000"); a list's commas are its items'
_END = re.compile(r"\n|[;；。！？|]|\.(?=\s|$)|[!?](?=\s|$)")
_COMMA = re.compile(r",(?!\d)|，|、")
_QUOTES = "\"'“”‘’「」『』《》"
_ITEM_SPLIT = re.compile(r"\s*(?:,|，|、|/|\band\b|和)\s*")
_MAX_VALUE = 60
# the lines that mean nothing without their label
_SAID_WITH_LABEL = {"hours": "Open {}", "opening hours": "Open {}", "营业时间": "营业时间 {}", "活动时间": "活动时间 {}",
                    "promo code": "Code {}", "code": "Code {}", "coupon": "Code {}", "优惠码": "优惠码 {}",
                    "电话": "{}电话 {}", "微信": "{}微信 {}"}  # ("预约微信：nail520": "预约微信 nail520")
MAX_FIELDS = 40  # a brief has a handful; a pasted wall of "label:" costs no more than this many
_IN_A_SENTENCE = re.compile(r"(?i)\b(?:our|my|your|their|the|a|an|this|new|about|of)\s+$")
_A_SETTING = re.compile(r"(?i)(?:yes|no|none|on|off|auto|true|false|y|n|ok|please|nothing|n/?a|要|不要|有|无|没有|"
                        r"\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?|min|mins|minutes?|秒|分钟))[.!]?$")
# labels that also end a name: "car dealership year end sale: 0% APR", "FitZone event: …" (a phrase, then
# what it offers: no field when words of the same clause come before them)
_PHRASE_NOUNS = frozenset({"sale", "promo", "promotion", "deal", "offer", "discount", "event", "date", "dates",
                           "location", "when", "where"})
_CLAUSE_BREAK = re.compile(r"[,.;!?:：，。；！？\n(（]|\s[-–—]\s")
_NAME_LIKE = re.compile(r"[A-Z0-9\u4e00-\u9fff]\S*(?:\s+\S+){0,3}$")


@dataclass(frozen=True)
class Brief:
    title: str | None = None
    subtitle: str | None = None
    cta: str | None = None
    lines: tuple[str, ...] = ()  # an offer, a price, an address, a date: shown under the call to action
    captions: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = field(default=(), repr=False)  # label and value, in the text read

    def __bool__(self) -> bool:
        return bool(self.title or self.subtitle or self.cta or self.lines or self.captions)


def read(text: str) -> Brief:
    """The labelled fields of ``text``; an empty `Brief` when it has none.

    >>> b = read("create a product ad. product: AeroBottle. tagline: stay cold 24h. cta: order today")
    >>> b.title, b.subtitle, b.cta
    ('AeroBottle', 'Stay cold 24h', 'Order today')
    >>> read("listing video. price: $450,000, address: 123 Main St").lines
    ('$450,000', '123 Main St')
    >>> bool(read("make it vertical: 20 seconds, music: the upbeat one"))
    False
    >>> read("a video about our product: it keeps drinks cold").title, read("Our product: AeroBottle").title
    (None, 'AeroBottle')
    """
    text = text or ""
    labels = list(itertools.islice(_LABEL_RX.finditer(text), MAX_FIELDS + 1))
    got: dict[str, str] = {}
    lines: list[str] = []
    captions: list[str] = []
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(labels):
        role = _ROLE_OF[re.sub(r"\s+", " ", (m.group("en") or m.group("zh") or m.group("zs")).lower())]
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value, end = _value(text, m.end(), stop, listed=role in ("captions", "text"), phrase=role == "subtitle")
        if value is None:
            continue
        if role in ("captions", "text") and not re.search(r"[|,，、]", value) and (more := _sentences_after(text, end, stop)):
            value, end = "|".join([value, *more[0]]), more[1]  # "Text: 60 minutes. 2-6 players. Can you escape?"
        if role == "cta" and (inner := re.search(r"['\"“‘「](?P<q>[^'\"“”‘’「」]{2,40})['\"”’」]", value)):
            value = inner.group("q")  # "end card = capsule art + 'Wishlist on Steam' + release date": the words quoted
        if _IN_A_SENTENCE.search(text[max(0, m.start() - 12):m.start()]) and not _NAME_LIKE.match(value):
            continue  # "a video about our product: it keeps drinks cold" is a sentence, not a field
        if _ends_a_phrase(text, m, labels[i - 1] if i else None):
            continue
        if (_A_SETTING.match(_ITEM_SPLIT.split(value)[0]) and "|" not in value) or (role == "cta" and names_a_thing(value)):
            continue  # "captions: yes", "ending: fade to black", "date: 30 seconds": no words to show
        spans.append((m.start(), end))  # a field said twice is blanked too, its first value kept
        if role in got and role != "line":
            continue
        if role == "line":
            label = re.sub(r"\s+", " ", (m.group("en") or m.group("zh") or "").lower())
            if label in _SAID_WITH_LABEL:  # "营业时间：17:00-02:00" alone is a number: "营业时间 17:00-02:00"
                said = _SAID_WITH_LABEL[label]
                if said.count("{}") == 1:
                    value = said.format(value)
                elif m.group("ask") or label == "微信":  # a bare number is read as one; a WeChat ID is not
                    value = said.format(m.group("ask") or "", value)
            lines.append(value if contact_in(value) == value else capitalised(value))
        elif role == "captions" or (role == "text" and ("," in value or "|" in value)):
            items = value.split("|") if "|" in value else _ITEM_SPLIT.split(value)
            captions.extend(capitalised(v) for v in items if v.strip(_QUOTES + " "))
        else:
            got[role] = value if role in ("title", "headline", "text") else capitalised(value)  # a title's case is the caller's
    # "text: coming soon": one line of text is the title (several are captions)
    if "text" in got:
        got.setdefault("headline", got.pop("text"))
    # "Brand: Bean There / Headline: Coffee worth waking up for": the name is the title, the headline under it
    if "headline" in got and "title" not in got:
        got["title"] = got.pop("headline")
    elif "headline" in got:
        got.setdefault("subtitle", capitalised(got.pop("headline")))
    return Brief(title=got.get("title"), subtitle=got.get("subtitle"), cta=got.get("cta"), lines=tuple(lines),
                 captions=tuple(c.strip(_QUOTES + " ") for c in captions), spans=tuple(spans))


_NOT_A_LINE = re.compile(r"(?i)\b(?:use|make|put|add|music|song|voice\s*over|vo|vertical|square|landscape|portrait|"
                         r"instagram|insta|youtube|tiktok|reels?|shorts|facebook|please|pls|seconds?|secs?|transitions?|"
                         r"style|vibe|look|font|photos?|pictures?|pics?|images?|clips?|videos?|shots?)\b")


def _sentences_after(text: str, at: int, stop: int) -> tuple[list[str], int] | None:
    """The short sentences after a list label's first one, up to the next label ("Text: 60 minutes. 2-6 players.
    Can you escape?": three lines, of which "60 minutes" alone was read as a length), and where they end; None
    when the next sentence is no line to show (a setting, a request)."""
    if any(q in text[at:stop] for q in _QUOTES):
        return None  # quoted lines are read as quotes
    out: list[str] = []
    pos = at
    for m in re.finditer(r"\s*([^.!?\n]{2,40}?[.!?]+|[^.!?\n]{2,40}?$)", text[at:stop]):
        line = m.group(1).strip()
        if not re.search(r"\w", line) or _NOT_A_LINE.search(line) or len(out) >= 4:
            break
        out.append(line.rstrip("."))
        pos = at + m.end()
    return (out, pos) if out else None


def _ends_a_phrase(text: str, m: re.Match, before: re.Match | None) -> bool:
    """Whether the label ``m`` is the last word of a phrase of its clause ("year end sale: 0% APR",
    not "deal: 2 for $5" nor "…, offer: 30% off"); ``before``: the label read before it."""
    label = re.sub(r"\s+", " ", (m.group("en") or "").lower())
    if label not in _PHRASE_NOUNS:
        return False
    head = text[:m.start()]
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(head)), default=0)
    if before is not None and before.end() > start:
        return False  # "tagline: bold offer: …": a value ran on, the label is still one
    return re.search(r"[A-Za-z0-9]", head[start:]) is not None


def _value(text: str, at: int, stop: int, *, listed: bool, phrase: bool = False) -> tuple[str | None, int]:
    """The words from ``at`` (a quote's inside when one opens there: for a list, each quote of the
    run, as "A|B|C") and where they end; a ``phrase`` (a tagline) keeps a comma followed by a few more
    words of it ("Tagline: Carry more, weigh less" was "Carry more")."""
    rest = text[at:stop]
    if rest[:1] in _QUOTES:
        spans = quote_spans(rest)
        if spans and spans[0][0] == 0:  # "title: 'Joe's Pizza'" (an apostrophe is no closing quote)
            run = [spans[0]]
            for sp in spans[1:]:  # "captions: 'Espresso', 'Our cat', 'Flowers'": every one of them
                if not listed or not LIST_GLUE.fullmatch(rest[run[-1][1]:sp[0]]):
                    break
                run.append(sp)
            items = [v for v in (_clean(inner) for _, _, inner in run) if v]
            return ("|".join(items) or None), at + run[-1][1]
        close = re.search("[" + re.escape(_QUOTES) + "]", rest[1:])
        if close:
            return _clean(rest[1:close.start() + 1]), at + close.end() + 1
    cut = _END.search(rest)
    end = cut.start() if cut else len(rest)
    if not listed and (comma := _COMMA.search(rest[:end])) and not (
            phrase and 0 < len(rest[comma.end():end].split()) <= 4 and not _NOT_A_LINE.search(rest[comma.end():end])
            and not _A_SETTING.match(rest[comma.end():end].strip())):
        end = comma.start()
    return _clean(rest[:end]), at + end


def _clean(value: str) -> str | None:
    value = " ".join(value.split()).strip(_QUOTES + " -–—:")
    if not value or len(value) > _MAX_VALUE or len(value.split()) > 10:
        return None
    return value


def blank(text: str, brief: Brief | None = None) -> str:
    """``text`` with its labelled fields blanked (each character a space, so places elsewhere hold):
    the words to show are no settings. ``brief``: ``read(text)``, when the caller has it."""
    text = text or ""
    for start, end in (brief if brief is not None else read(text)).spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text

