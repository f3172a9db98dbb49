"""What a picture's file name says, for the words a first cut shows: a caption from a meaningful
name ("02-red-sneaker.jpg" -> "Red Sneaker"; none from "IMG_0001.JPG"), whether a name says logo,
whether a text looks like a file name, and the theme several names share (a title).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reelforge.planner import parse as P
from reelforge.planner.ending import SMALL_WORDS, title_case
from reelforge.timeline.summary import human_name

__all__ = ["caption_from_name", "is_file_junk", "is_logo_name", "name_words", "theme_of"]

_GENERIC_WORDS = {
    "img", "image", "images", "dsc", "dscn", "dscf", "dcim", "pxl", "mvimg", "vid", "video", "mov",
    "gopr", "gopro", "photo", "photos", "pic", "pics", "picture", "shot", "shots", "clip", "clips",
    "untitled", "copy", "final", "edit", "edited", "export", "scan", "screenshot", "screen", "frame",
    "file", "new", "slide", "still", "asset", "media", "whatsapp", "wa", "snapchat", "signal",
    "portrait", "pano", "burst", "cover", "mvi", "p", "v", "version", "draft", "raw", "jpeg", "jpg",
    "png", "take", "sample", "demo", "test", "camera", "cam", "iphone", "android", "at", "am", "pm",
    "hdr", "bokeh", "original", "resized", "small", "large", "hq", "lq", "fullsize", "el",
    "图片", "照片", "图", "截图", "视频", "素材", "未命名",
    # a camera's or an app's own prefix ("DJI_0034.MP4", "微信图片_20260301.jpg", "mmexport1712.jpg")
    "dji", "mmexport", "wx", "微信图片", "微信截图", "微信", "屏幕截图", "qq图片",
}
# Words that describe the file, not what is in it: how it was processed or stored (EXIF,
# rotation, sound, size, alpha, versions). They never reach the screen.
_TECH_WORDS = {
    "exif", "meta", "metadata", "rot", "rotated", "rotate", "orientation", "upright", "flipped", "mirrored",
    "audio", "noaudio", "nosound", "mute", "muted", "unmuted", "audioless", "soundless",
    "tiny", "huge", "small", "large", "thumb", "thumbs", "thumbnail", "hires", "highres", "lowres", "res",
    "hd", "fhd", "uhd", "fullhd", "compressed", "optimized", "optimised", "scaled", "upscaled", "downscaled",
    "crop", "cropped", "resized", "vertical", "horizontal", "panorama", "panoramic",
    "tall", "wide", "widescreen", "ultrawide", "landscape", "letterbox", "letterboxed", "pillarbox",
    "copy", "final", "edit", "edited", "ver", "version", "rev", "old", "latest", "backup", "bak", "tmp",
    "temp", "wip", "draft", "fixed", "updated", "approved", "v",
    "alpha", "transparent", "transparency", "rgba", "rgb", "srgb", "cmyk", "grayscale", "greyscale", "bw",
    "cutout", "nobg", "sdr", "hdr",
    # what a file is for, not what it shows ("guest headshot.png", "podcast cover art.png" were captioned so)
    "headshot", "headshots", "art", "artwork", "mockup", "render", "promo", "asset", "main",
    # what a clip is in the video ("testimonial_astronaut.mp4" was captioned "Testimonial Astronaut" while she spoke)
    "testimonial", "testimonials", "interview", "interviews", "broll", "b-roll", "footage", "review", "reviews",
}
# Chinese generic nouns for a picture or an asset ("产品图1" says only "product picture 1").
_ZH_GENERIC_NAME = re.compile(r"^(?:产品|商品|新品|宣传|封面|主|详情|配|示例|样|海报|细节|效果|婚纱)?(?:图|图片|照片|相片|截图|视频|素材|"
                         r"配图|图像|影像|镜头|片段|照)\d*$|^(?:产品|商品|新品|素材|未命名|新建)$|"
                         r".{0,8}(?:精修|修图|原图|原片|初稿|终稿|定稿|最终版|终版)$")  # ("婚纱照精修": retouched, "细节图": a detail shot)
_LOGO_NAME = re.compile(r"(?<![a-z])(?:logos?|logotype|watermark|favicon|icons?|emblem)(?![a-z])|商标|徽标|水印|图标|标志|台标")


def caption_from_name(filename: str) -> str | None:
    """A short caption from a meaningful file name, or None for camera/generic names.

    >>> caption_from_name("02-red-sneaker.jpg"), caption_from_name("IMG_0001.JPG"), caption_from_name("shot1.png")
    ('Red Sneaker', None, None)
    """
    if is_logo_name(filename):
        return None  # a logo is not a shot to caption
    words = _meaningful_words(filename)
    if not words:
        return None
    text = title_case(" ".join(words[:6]))[:40].strip()
    return None if is_file_junk(text) else text


_FILE_JUNK = re.compile(r"(?i)(?:^|\b)(?:img|dsc[nf]?|pxl|mvimg|vid|gopr|dcim|dji|mmexport)[_\-\s]*\d|微信(?:图片|截图)|_|\d{3,}|"
                        r"\.(?:jpe?g|png|gif|webp|heic|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|aac)\b")


def is_file_junk(text: str) -> bool:
    """True when on-screen text looks like a file name: a camera prefix (IMG_/DSC_/PXL_…), an
    underscore, a run of 3+ digits or a file extension. Made-up text is never shown like that.

    >>> is_file_junk("IMG_0042"), is_file_junk("photo.jpg"), is_file_junk("Red Sneaker")
    (True, True, False)
    """
    return bool(_FILE_JUNK.search(text))


def is_logo_name(filename: str) -> bool:
    """True when a file name says the picture is a logo, watermark or icon.

    >>> is_logo_name("logo.png"), is_logo_name("acmeLogo-white.png"), is_logo_name("品牌水印.png"), is_logo_name("iconic-view.jpg")
    (True, True, True, False)
    """
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", human_name(filename))
    return _LOGO_NAME.search(name.lower()) is not None


def name_tokens(filename: str) -> set[str]:
    """The words of a file's name and each two run together, 4+ letters: a word said names it only whole
    ("rings" is no word of "Cinematic Strings"; "lofi" is "Lo-fi Morning Beat.mp3").

    >>> sorted(name_tokens("Lo-fi Morning Beat.mp3"))
    ['beat', 'fimorning', 'lofi', 'morning', 'morningbeat']
    """
    words = [w for w in re.split(r"[^a-z0-9]+", filename.lower().rsplit(".", 1)[0]) if w]
    return {w for w in words + [a + b for a, b in zip(words, words[1:], strict=False)] if len(w) >= 4}


def name_words(filename: str) -> list[str]:
    """The words of a file name that may say what the picture shows (three letters or more, or
    Chinese; no camera prefix, number, generic or technical word, small word).

    >>> name_words("IMG_0042.jpg"), name_words("shop_cat.jpg"), name_words("02-the-red-sneaker@2x.png")
    ([], ['shop', 'cat'], ['red', 'sneaker'])
    """
    if is_logo_name(filename):
        return []
    return [w for w in _meaningful_words(filename) if w.lower() not in SMALL_WORDS and (len(w) >= 3 or P.is_chinese(w))]


def _meaningful_words(filename: str) -> list[str]:
    name = re.sub(r"@\d(?:\.\d)?x\b", " ", human_name(filename), flags=re.IGNORECASE)  # hero@2x: a pixel density
    raw = [t for t in re.split(r"[\s\-.,()\[\]{}+\"“”«»„]+", name) if t]  # (a name's quotes are no caption's)
    words: list[str] = []
    for k, token in enumerate(raw):
        if token.lower() not in ("new", "at") and (token.lower() in _GENERIC_WORDS or token.lower() in _TECH_WORDS):
            continue  # "WhatsApp", "NoAudio" as a whole
        parts = re.sub(r"([a-z])([A-Z])", r"\1 \2", token).split()  # camelCase -> camel Case
        for i, w in enumerate(parts):
            lw = w.lower()
            pair = {lw + p.lower() for p in parts[i + 1:i + 2]} | {p.lower() + lw for p in parts[max(0, i - 1):i]}
            if pair & _TECH_WORDS:
                continue  # "beachNoAudio": No + Audio
            if re.fullmatch(r"[a-z]*\d[\w]*", lw) and not re.fullmatch(r"\d+(?:st|nd|rd|th|k|s)", lw):
                continue  # IMG0001, 20240101, v2, shot1, rot6, 200x150, hex ids
            if P.CJK.search(w):  # no spaces in Chinese: 红色运动鞋2 is "红色运动鞋 2", 产品图1 "产品图 1"
                w = lw = re.sub(r"\d+", "", w)
            nxt = parts[i + 1] if i + 1 < len(parts) else (raw[k + 1] if k + 1 < len(raw) else "")
            if lw == "new" and _content_word(nxt):
                words.append(w)  # "NewArrivals", "new-york": part of the name
                continue
            if lw == "at" and words and re.fullmatch(r"[A-Za-z]{2,}", nxt) and nxt.lower() not in _GENERIC_WORDS:
                words.append(w)  # "live at the fleece clip.mp4": a place ("WhatsApp Image … at 10.11.03": a time)
                continue
            if lw in _GENERIC_WORDS or lw in _TECH_WORDS or _ZH_GENERIC_NAME.match(w):
                continue
            if re.fullmatch(r"[0-9a-f]{6,}", lw):
                continue
            words.append(w)
    meaningful = [w for w in words if w.lower() not in SMALL_WORDS and (len(w) >= 3 or P.is_chinese(w))]
    return words if meaningful else []


def _content_word(token: str) -> bool:
    """A word of a file name that may say what the picture shows (no number, file or generic word)."""
    t = token.lower()
    return (len(t) >= 3 and t.isalpha() and t not in _GENERIC_WORDS and t not in _TECH_WORDS
            and t not in SMALL_WORDS)


def theme_of(names: Sequence[str]) -> str | None:
    """A title from what the file names share: the most common meaningful word in at least two
    of them (or the only meaningful name).

    >>> theme_of(["01-red-sneaker.jpg", "02-blue-sneaker.jpg", "IMG_3.jpg"])
    'Sneaker'
    >>> theme_of(["IMG_1.jpg", "IMG_2.jpg"]) is None
    True
    """
    per_name = [{w.lower() for w in _meaningful_words(n) if w.lower() not in SMALL_WORDS
                 and (len(w) >= 3 or P.is_chinese(w))} for n in names]
    per_name = [s for s in per_name if s]
    if not per_name:
        return None
    if len(names) == 1 and len(per_name) == 1:
        return caption_from_name(names[0])
    counts = Counter(w for s in per_name for w in s)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], _first_index(names, kv[0]), kv[0]))
    if best and best[0][1] >= 2:
        return title_case(best[0][0])
    return None


def _first_index(names: Sequence[str], word: str) -> int:
    for i, n in enumerate(names):
        if word in n.lower():
            return i
    return len(names)

