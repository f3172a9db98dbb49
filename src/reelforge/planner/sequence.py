"""The order of shots a first instruction lists (pure): "start with the shop front, then the peonies, then the
video of me arranging, then the rose close up and the van at the end", "Order: beans close-up, roaster clip
(mute), pour-over, shelf of bags, unboxing clip last", "先放茶园航拍 然后采茶 炒茶 泡茶 最后礼盒".

Before, only the clauses with an order word of their own ("…last", "start with …") were read, one at a time
as edits: a list's middle items were lost, and an item the project has no file name for ("the peonies" for
IMG_7710.jpg) stopped the others from moving. Here the list is read whole: each item is matched to a file
by the words of its name, "the video"/"the clip" to the one clip no other item names; the items no name
matches take the shots no item names, in the order they were given (people add files in the order they
think of them). `said_order` gives the new order only when at least two items name files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner.file_names import is_logo_name, name_words

MAX_ITEMS = 40  # a list of shots is read this far (bounded work for any text: the service takes 10,000 characters)
# where a list of shots starts: "order:", "start with", "open on", "first", "先放", "开头"
_START = re.compile(
    r"(?i)\border\s*(?:is\s*)?[:=-]\s*|\bin\s+this\s+order\s*[:,-]?\s*|"
    r"\b(?:start|open|begin|kick\s+off)(?:s|ing)?\s+(?:it\s+|the\s+video\s+)?(?:with|w/?|on)\s+|\bfirst\s+(?=the\b)|"
    # "want the classroom first then …", "put the neon sign first then …": the list starts at the first item
    r"(?:(?<=\bwant\s)|(?<=\bput\s)|(?<=\bhave\s)|(?<=\bshow\s))(?=(?:the\s+|my\s+|our\s+)?[\w' &-]{1,30}?\s+first\s*,?\s*then\b)|"
    # "fade timelapse then the pics": a sentence that is a list ("X then Y")
    r"(?:^|(?<=[.!?]\s))(?=(?:the\s+|my\s+|our\s+)?[\w' &-]{2,30}?\s+then\s+)|"
    r"(?:先放|先用|开头放|开头用|开头是|开头想要|开头要|首先放?|先)(?=[\u4e00-\u9fffA-Za-z])|"
    # "a video for facebook with the bee video, the honey jars, eggs, …": what it shows, in that order
    r"\b(?:video|vid|reel|promo|slideshow)\b[^.!?,]{0,30}?\bwith\s+(?=the\s+[\w' -]{2,30},)")
# between items: ", then", "then", "->", ">", "，然后", "再", "接着", a space between Chinese words
_BETWEEN = re.compile(r"(?i)\s*(?:,?\s*(?:and\s+)?then\s+|,\s*(?:and\s+)?|\s+and\s+|\s*(?:->|→|=>|>)\s*|"
                      r"[，、]\s*|\s*(?:然后|再放|再|接着|之后|后面)\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff]))")
# what ends a list: a sentence end, or words that are not a shot ("20 sec", "music …", "text …")
_END = re.compile(r"(?i)[.!?;。！？；]|\b(?:\d+\s*(?:s|sec|secs|seconds)|music|song|text|texts|caption|captions|title|"
                  r"voice|voiceover|logo|vertical|square|horizontal|landscape|widescreen|for\s+(?:insta|ig|tiktok|reels|fb|"
                  r"facebook|youtube)|\d+:\d+|use\s+my|use\s+the)\b|\d+\s*秒|竖屏|横屏|音乐|字幕|文字|配音|口播|logo")
_LAST = re.compile(r"(?i)\s*(?:\b(?:at\s+the\s+(?:very\s+)?end|last|(?:and\s+)?end\s+(?:with|w/?|on))\b|最后(?:放)?)\s*")
_FILLER = re.compile(r"(?i)\b(?:the|a|an|my|our|of|me|one|bit|part|shot|pic|pics|photo|photos|picture|image|that|this|"
                     r"please|pls|with|w|where|who|which|is|are|so|ppl|can|read|hold|it|then|and|at|end|very|last|"
                     r"first|in|on|close|up|closeup)\b|那张|这张|那段|这段|那个|的|图片|照片|图|视频|镜头")
# words of an item that is no shot ("声音关了" between two shots) or places one rather than lists it
_NOT_SHOT = re.compile(r"(?i)\b(?:sound|audio|mute|muted|volume|music|louder|quieter|slow|fast)\b|声音|原声|静音|关了|关掉|音乐|大声|小声|字|醒目|大一点|小一点")
# (not "the before pic", "the after": the pictures of a before and after)
_PLACED = re.compile(r"(?i)\b(?:somewhere|in\s+the\s+middle|middle|near\s+the\s+(?:start|end)|between|"
                     r"(?:before|after)\s+(?:the|it|that|this|my|our|his|her|them|those|these|\w+(?:'s)?\s+(?:pic|photo|clip|video|shot)))\b|"
                     r"中间|之前|之后")
_PICTURE_WORD = re.compile(r"(?i)\b(?:pic|pics|photo|photos|picture|image|still)\b|照片|图片|那张|这张")
_VIDEO_WORD = re.compile(r"(?i)\b(?:video|vid|clip|footage|mp4|mov|time[\s-]?lapse)\b|视频|片段|那段")
_PLURAL = re.compile(r"(?i)\b(?:pics|photos|pictures|images|shots|ones|stills)\b")


def _items(text: str) -> list[tuple[str, bool]]:
    """The items of the first list of shots in ``text`` ((words, said last)), or []."""
    m = _START.search(text)
    if m is None:
        return []
    rest = text[m.end():]
    rest = re.sub(r"\s*[(（][^)）]{0,80}[)）]", "", rest)  # "roaster clip (mute)": said of the clip, not another
    end = _END.search(rest)
    span = rest[:end.start()] if end else rest
    if "最后" not in span and (zh_last := re.search(r"最后(?:放)?(?P<x>[\u4e00-\u9fffA-Za-z0-9]{1,12})", rest)) and (end is None or zh_last.start() >= end.start()):
        span = span + "，最后" + zh_last.group("x")  # "…泡茶 最后礼盒 抖音竖屏": the last one is past a space
    out = []
    for piece in _BETWEEN.split(span):
        piece = piece.strip()
        if not piece:
            continue
        last = bool(_LAST.search(piece))
        words = _LAST.sub(" ", piece).strip()
        if _words(words) or _PLURAL.search(words):  # ("…and our logo": no shot's words; "then the pics": the pictures)
            out.append((words, last))
    return out[:MAX_ITEMS]


def _words(item: str) -> list[str]:
    return [w for w in re.split(r"[\s\-_/]+", _FILLER.sub(" ", item.lower())) if len(w) >= 3 or re.search(r"[\u4e00-\u9fff]", w)]


def _matches(item: str, name: str) -> bool:
    """The item names the file: each of its words (3+ letters) is one of the name's ("beans close-up" and
    "beans close up (2).jpg", "shop front" and "shopfront.jpg"), or, in Chinese, two characters in a row
    are in it ("孩子跳水的视频" and "孩子们排队跳水.mp4")."""
    said = _words(item)
    words = {w.lower() for w in name_words(name)}
    if not said or not words:
        return False
    if re.search(r"[\u4e00-\u9fff]", item):
        zh = "".join(words)
        return any(item[i:i + 2] in zh for i in range(len(item) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", item[i:i + 2]))
    joined = "".join(words)
    hits = [w for w in said if w in words or w.rstrip("s") in words or w in joined or
            any(n.startswith(w[:5]) and len(w) >= 5 for n in words)]
    return len(hits) == len(said) or (len(hits) >= 1 and len(hits) * 2 >= len(said) and len(said) <= 3)


def said_order(text: str, names: Sequence[str], videos: Sequence[bool]) -> list[int] | None:
    """See `read_order`: the new order only."""
    return read_order(text, names, videos)[0]


def read_order(text: str, names: Sequence[str], videos: Sequence[bool]) -> tuple[list[int] | None, dict[int, str]]:
    """The new order (0-based positions of ``names``, the main track's shots; ``videos`` says which are
    clips) of the shots the instruction lists, or None when it lists none, or names fewer than two; and
    what the list called each shot its file name does not say ({position: "the peonies"}), for later edits.

    >>> names = ["IMG_3049.jpg", "IMG_3051.jpg", "roaster drum spinning.MOV", "beans close up (2).jpg", "mailbox unboxing.mp4"]
    >>> read_order("Order: beans close-up, roaster clip (mute), pour-over, shelf of bags, unboxing clip last. 20s",
    ...            names, [False, False, True, False, True])
    ([3, 2, 0, 1, 4], {0: 'pour-over', 1: 'shelf of bags'})
    >>> said_order("start with the shop front, then the peonies, then the video of me arranging, then the rose close up "
    ...            "and the van at the end", ["IMG_7702.jpg", "IMG_7710.jpg", "bouquet closeup pink roses.jpg",
    ...            "PXL_093015.mp4", "delivery van.jpeg"], [False, False, False, True, False])
    [0, 1, 3, 2, 4]
    >>> said_order("a promo for my cafe, 20 seconds", ["a.jpg", "b.jpg"], [False, False]) is None
    True
    """
    items = [(w, last) for w, last in _items(text) if not _NOT_SHOT.search(w)]
    if len(items) < 2 or any(_PLACED.search(w) for w, _ in items):
        return None, {}  # ("…, goat clip somewhere in the middle": a place, read as an edit)
    shots = [k for k, n in enumerate(names) if not is_logo_name(n)]
    chosen: list[int | None] = []
    both: dict[int, list[int]] = {}  # "厨房前后对比": the before and the after picture, both
    for words, _ in items:
        taken = {k for g in both.values() for k in g} | {k for k in chosen if k is not None}
        hit = [k for k in shots if k not in taken and _matches(words, names[k])]
        if len(hit) > 1 or (hit and _VIDEO_WORD.search(words)) or (hit and _PICTURE_WORD.search(words)):
            # "师傅洗空调的视频" and "师傅照片" beside 师傅 工装.jpg and a clip: the kind said decides
            kind = [k for k in hit if videos[k] == bool(_VIDEO_WORD.search(words))]
            hit = kind if _VIDEO_WORD.search(words) or _PICTURE_WORD.search(words) else hit
        if len(hit) > 1 and re.search(r"(?i)\bbefore\s*(?:/|and|&|-)\s*after\b|前后|对比|\bboth\b", words):
            both[len(chosen)] = hit
        chosen.append(hit[0] if len(hit) == 1 else hit[0] if len(hit) > 1 and len(chosen) in both else None)
    named = {i for i, k in enumerate(chosen) if k is not None}  # by their files' names
    # "the video of me arranging", "the tattoo video": the clips no item names, when there are as many
    want = [i for i, (words, _) in enumerate(items) if chosen[i] is None and _VIDEO_WORD.search(words)]
    free = [k for k in shots if videos[k] and k not in chosen and not any(k in g for g in both.values())]
    if want and len(free) == len(want):
        for i, k in zip(want, free, strict=True):
            chosen[i] = k
    # the items no name matches take the shots no item names, in the order given (pictures for pictures):
    # one each, "the nail pics" the pictures left; only when that accounts for every shot (a guess among
    # more shots than items would put the wrong picture first: the old way reads the clauses one by one)
    spare = [k for k in shots if k not in chosen and not any(k in g for g in both.values())]
    unread = [i for i, k in enumerate(chosen) if k is None]
    plural = [i for i in unread if _PLURAL.search(items[i][0])]
    if not plural and len(unread) == 1 and len(spare) > 1 and all(not videos[k] for k in spare) \
            and re.search(r"[\u4e00-\u9fff]", items[unread[0]][0]) and not _VIDEO_WORD.search(items[unread[0]][0]):
        plural = unread  # "先放包花的视频 然后花束 最后门头": Chinese says no plural, "花束" is the pictures left
    known = sum(1 for k in chosen if k is not None)
    if known < 2 and not (known == 1 and len(items) >= 3 and len(unread) == len(spare) and not plural) and not (
            known == 1 and unread == plural == [len(items) - 1] and sum(not videos[k] for k in spare) >= 2):
        return None, {}  # (one item named, the others each a shot no item names: "the before pic first then the
        # after then the dryer clip then the shop front", the clip named by its kind; or the pictures after it:
        # "fade timelapse then the pics")
    if unread and not (len(unread) == len(spare) or (len(plural) == 1 and len(spare) >= len(unread))):
        return None, {}
    for i in unread:
        if i in plural:
            continue
        kind = [k for k in spare if videos[k] == bool(_VIDEO_WORD.search(items[i][0]))] or spare
        chosen[i] = kind[0]
        spare.remove(kind[0])
    for i in plural:
        pics = [k for k in spare if not videos[k]] or spare
        chosen[i], both[i] = pics[0], pics
        spare = [k for k in spare if k not in pics]
    groups = [both.get(i, [k]) if k is not None else [] for i, k in enumerate(chosen)]
    listed = [k for g, (_, last) in zip(groups, items, strict=True) if not last for k in g]
    lasts = [k for g, (_, last) in zip(groups, items, strict=True) if last for k in g]
    rest = [k for k in range(len(names)) if k not in listed and k not in lasts]
    order = [*listed, *[k for k in rest if not is_logo_name(names[k])], *lasts, *[k for k in rest if is_logo_name(names[k])]]
    called = {k: re.sub(r"^(?:the|my|our|a|an)\s+|\s+(?:first|last)$", "", items[i][0].strip(), flags=re.I)
              for i, k in enumerate(chosen) if k is not None and i not in named and i not in plural}
    return (None if order == list(range(len(names))) else order), called
