"""Timelines in words: the one-glance line every edit answers with, and a longer listing.

    Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)

Pure; imports nothing from reelforge outside the timeline package.
"""

from __future__ import annotations

import re

from reelforge.timeline.model import (
    AssetKind,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    Transition,
    VideoSegment,
)

__all__ = ["summarize", "describe", "human_name", "fmt_seconds"]

ROLE_LABEL: dict[Role, tuple[str, str]] = {  # singular, plural
    Role.MAIN: ("Video", "Video"),
    Role.OVERLAY: ("Overlay", "Overlay"),
    Role.LOGO: ("Logo", "Logo"),
    Role.VOICE: ("Voiceover", "Voiceover"),
    Role.MUSIC: ("BGM", "BGM"),
    Role.SFX: ("SFX", "SFX"),
    Role.TITLE: ("Title", "Titles"),
    Role.CAPTION: ("Caption", "Captions"),
    Role.CTA: ("CTA", "CTA"),
}

ROLE_LABEL_ZH: dict[Role, str] = {
    Role.MAIN: "视频", Role.OVERLAY: "叠加", Role.LOGO: "水印", Role.VOICE: "旁白", Role.MUSIC: "背景音乐",
    Role.SFX: "音效", Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召",
}

MAX_TEXT = 32      # characters of one quoted text before it is cut with "…"
MAX_TEXTS = 3      # quoted texts shown per text track before "+N more"

_EXT = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_NUMBERING = re.compile(r"^\s*(?:\d{1,4}|[a-z]\d{1,3})\s*[-_.)\s]+(?=\S)", re.IGNORECASE)


def human_name(filename: str) -> str:
    """A file name as people say it: no extension, no leading numbering, separators as spaces.

    Hyphens between longer words become spaces; short compounds keep theirs ("Lo-fi").

    >>> human_name("02-red-sneaker.jpg"), human_name("city_timelapse.mp4"), human_name("Lo-fi.mp3")
    ('red sneaker', 'city timelapse', 'Lo-fi')
    >>> human_name("IMG_1234.JPG"), human_name("0001.png"), human_name("")
    ('IMG 1234', '0001', '')
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _EXT.sub("", name)
    stripped = _NUMBERING.sub("", name)
    if stripped.strip():
        name = stripped
    name = name.replace("_", " ")
    words = []
    for word in name.split():
        parts = [p for p in word.split("-") if p] or [word]
        out = parts[0]
        for prev, part in zip(parts, parts[1:], strict=False):
            short = len(prev) <= 2 or len(part) <= 2
            out += "-" if short and prev.isalpha() and part.isalpha() else " "
            out += part
        words.append(out)
    name = " ".join(words)
    return re.sub(r"\s+", " ", name).strip()


def fmt_seconds(ms: int) -> str:
    """Milliseconds as seconds, without a trailing ".0": 3000 -> "3", 3500 -> "3.5"."""
    s = round(ms / 1000.0, 2)
    return f"{s:g}" if s < 1e6 else str(int(s))


def _span(start: int, end: int) -> str:
    return f"{fmt_seconds(start)}-{fmt_seconds(end)}s"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1].rstrip() + "…"
    return f'"{text}"'


def _seg_name(tl: Timeline, seg: VideoSegment | AudioSegment) -> str:
    name = seg.name
    if not name:
        try:
            name = tl.asset(seg.src).name
        except KeyError:
            name = seg.src
    return human_name(name) or seg.src


def _seg_asset_kind(tl: Timeline, seg: VideoSegment | AudioSegment) -> AssetKind | None:
    try:
        return tl.asset(seg.src).kind
    except KeyError:
        return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _track_label(track: Track) -> str:
    singular, plural = ROLE_LABEL.get(track.role, (track.role.value.title(), track.role.value.title()))
    return plural if len(track.segments) > 1 else singular


def _track_what(tl: Timeline, track: Track) -> str:
    segs = track.segments
    if not segs:
        return "(empty)"
    if all(isinstance(s, TextSegment) for s in segs):
        texts = [_quote(s.text) for s in segs]  # type: ignore[union-attr]
        shown = ", ".join(texts[:MAX_TEXTS])
        if len(texts) > MAX_TEXTS:
            shown += f" +{len(texts) - MAX_TEXTS} more"
        return shown
    if len(segs) == 1:
        return _seg_name(tl, segs[0])  # type: ignore[arg-type]
    if isinstance(segs[0], VideoSegment):
        kinds = [_seg_asset_kind(tl, s) for s in segs]  # type: ignore[arg-type]
        images = sum(k is AssetKind.IMAGE for k in kinds)
        clips = len(kinds) - images
        parts = []
        if images:
            parts.append(_plural(images, "image"))
        if clips:
            parts.append(_plural(clips, "clip"))
        return ", ".join(parts)
    names = {_seg_name(tl, s) for s in segs}  # type: ignore[arg-type]
    if len(names) == 1:
        return f"{names.pop()} ×{len(segs)}"
    return _plural(len(segs), "clip")


def _track_extra(track: Track) -> list[str]:
    extra = []
    if track.segments and all(isinstance(s, AudioSegment) for s in track.segments):
        vols = {round(s.volume * 100) for s in track.segments}  # type: ignore[union-attr]
        if len(vols) == 1:
            vol = vols.pop()
            if vol != 100:
                extra.append(f"{vol}%")
        else:
            extra.append("mixed levels")
    return extra


def _track_item(tl: Timeline, track: Track) -> str:
    what = _track_what(tl, track)
    if not track.segments:
        return f"{_track_label(track)}: {what}"
    start = min(s.start for s in track.segments)
    inside = ", ".join([_span(start, track.end), *_track_extra(track), *_grade_tag(tl, track)])
    return f"{_track_label(track)}: {what} ({inside})"


def _grade_tag(tl: Timeline, track: Track, *, zh: bool = False) -> list[str]:
    """The pictures' colour on the main track's item, when it is not as shot."""
    if track.role is not Role.MAIN:
        return []
    out = []
    if tl.fade_in_ms:
        out.append(f"从黑场淡入{fmt_seconds(tl.fade_in_ms)}s" if zh else f"fades in from black {fmt_seconds(tl.fade_in_ms)}s")
    if tl.fade_out_ms:
        out.append(f"淡出到黑场{fmt_seconds(tl.fade_out_ms)}s" if zh else f"fades to black {fmt_seconds(tl.fade_out_ms)}s")
    if tl.grade.neutral:
        return out
    if tl.grade.look:
        return [_LOOK_ZH[tl.grade.look] if zh else f"{tl.grade.look} look", *out]
    if tl.grade.saturation == 0:
        sepia = tl.grade.warmth > 0
        return [("怀旧棕色" if sepia else "黑白") if zh else ("sepia" if sepia else "black and white"), *out]
    return ["已调色" if zh else "colour graded", *out]


_LOOK_ZH = {"vintage": "复古色调", "sepia": "怀旧棕色", "moody": "暗调"}


def summarize(timeline: Timeline, *, zh: bool = False) -> str:
    """The one-glance line (DESIGN.md): one numbered item per track, bottom layer first.

    ``Timeline (3 tracks): 1. Video: 5 images (0-30s) 2. Voiceover: narration (0-28s)
    3. BGM: Lo-fi (0-30s, 35%)``; with ``zh`` in Chinese, for a Chinese conversation
    (``时间线（3条轨道）：1. 视频：5张图片（0-30s） …``).
    """
    if zh:
        return _summarize_zh(timeline)
    items = [f"{i}. {_track_item(timeline, t)}" for i, t in enumerate(timeline.tracks, 1)]
    head = f"Timeline ({_plural(len(timeline.tracks), 'track')})"
    if not items:
        return f"{head}: empty ({fmt_seconds(timeline.duration)}s)"
    return f"{head}: " + " ".join(items)


def _seg_detail(tl: Timeline, seg) -> str:
    span = _span(seg.start, seg.end)
    if isinstance(seg, TextSegment):
        bits = [seg.position.value]
        if seg.size.value != "medium":
            bits.append(seg.size.value)
        return f"{_quote(seg.text)} ({span}, {', '.join(bits)})"
    bits = [span]
    if isinstance(seg, VideoSegment):
        if seg.in_ms:
            bits.append(f"from {fmt_seconds(seg.in_ms)}s")
        if seg.motion.value != "none":
            usual = seg.motion_amount == type(seg).model_fields["motion_amount"].default
            bits.append(seg.motion.value if usual else f"{seg.motion.value} {round(seg.motion_amount * 100)}%")
        if seg.transition is not Transition.CUT:
            bits.append(f"{seg.transition.value} in {fmt_seconds(seg.transition_ms)}s")
        if seg.speed != 1.0:
            bits.append(f"{seg.speed:g}x")
        if seg.mute:
            bits.append("muted")
        if seg.fit.value != "cover":
            bits.append(seg.fit.value)
    elif isinstance(seg, AudioSegment):
        if seg.in_ms:
            bits.append(f"from {fmt_seconds(seg.in_ms)}s")
        if round(seg.volume * 100) != 100:
            bits.append(f"{round(seg.volume * 100)}%")
        if seg.duck:
            bits.append("ducked" if seg.duck_depth == 1 else f"ducked x{seg.duck_depth:g}")
        if seg.loop:
            bits.append("looped")
        if seg.fade_in_ms:
            bits.append(f"fade in {fmt_seconds(seg.fade_in_ms)}s")
        if seg.fade_out_ms:
            bits.append(f"fade out {fmt_seconds(seg.fade_out_ms)}s")
    return f"{_seg_name(tl, seg)} ({', '.join(bits)})"


def describe(timeline: Timeline) -> list[str]:
    """Multi-line listing for ``reelforge show``: a header, then one line per track with its
    segments in order.

    ``["1920x1080, 30 fps, 30s, 3 tracks", "1. Video: red sneaker (0-6.5s, zoom-in), ...", ...]``
    """
    tl = timeline
    lines = [f"{tl.width}x{tl.height}, {tl.fps} fps, {fmt_seconds(tl.duration)}s, "
             f"{_plural(len(tl.tracks), 'track')}"]
    for i, track in enumerate(tl.tracks, 1):
        segs = "; ".join(_seg_detail(tl, s) for s in track.segments) or "(empty)"
        lines.append(f"{i}. {_track_label(track)}: {segs}")
    return lines


def _summarize_zh(tl: Timeline) -> str:
    items = []
    for i, track in enumerate(tl.tracks, 1):
        label = ROLE_LABEL_ZH.get(track.role, track.role.value)
        segs = track.segments
        if not segs:
            items.append(f"{i}. {label}：空")
            continue
        if all(isinstance(s, TextSegment) for s in segs):
            what = "、".join(f"“{_quote(s.text)[1:-1]}”" for s in segs[:MAX_TEXTS])  # type: ignore[union-attr]
            if len(segs) > MAX_TEXTS:
                what += f" 等{len(segs)}条"
        elif isinstance(segs[0], VideoSegment) and len(segs) > 1:
            kinds = [_seg_asset_kind(tl, s) for s in segs]  # type: ignore[arg-type]
            images = sum(k is AssetKind.IMAGE for k in kinds)
            what = "、".join(x for x in (f"{images}张图片" if images else "",
                                         f"{len(kinds) - images}段视频" if len(kinds) > images else "") if x)
        else:
            names = {_seg_name(tl, s) for s in segs}  # type: ignore[arg-type]
            what = names.pop() if len(names) == 1 else f"{len(segs)}段"
        extra = _track_extra(track)
        extra = ["音量不一" if e == "mixed levels" else e for e in extra]
        start = min(s.start for s in segs)
        inside = "，".join([_span(start, track.end), *extra, *_grade_tag(tl, track, zh=True)])
        items.append(f"{i}. {label}：{what}（{inside}）")
    head = f"时间线（{len(tl.tracks)}条轨道）"
    if not items:
        return f"{head}：空（{fmt_seconds(tl.duration)}s）"
    return f"{head}：" + " ".join(items)
