"""Caption files: SRT and WebVTT of a timeline's on-screen captions (and of a transcript).

The files are written beside an export (``promo.mp4`` -> ``promo.srt``, ``promo.vtt``) by the
CLI and served as downloads by the service; with ``burn_captions`` off they are the only place
the captions go.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reelforge.ai import captions  # the one SRT/WebVTT writer (light: no model is loaded)
from reelforge.timeline.model import Role, TextSegment, Timeline


def caption_cues(tl: Timeline) -> list[tuple[int, int, str]]:
    """(start ms, end ms, text) of every caption, in time order, as the video shows them: each at
    least a second (`render.layout.hold_texts`; the files said 0.84 s where the video showed 1 s)."""
    from reelforge.render.layout import hold_texts

    tl, _ = hold_texts(tl)
    cues = [(s.start, s.end, s.text) for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments
            if isinstance(s, TextSegment)]
    return sorted(cues)


def to_srt(cues: list[tuple[int, int, str]]) -> str:
    return captions.to_srt([captions.CaptionLine(a, b, text) for a, b, text in cues])


def to_vtt(cues: list[tuple[int, int, str]]) -> str:
    return captions.to_vtt([captions.CaptionLine(a, b, text) for a, b, text in cues])


def write_caption_files(tl: Timeline, video: str | Path, *, suffix: str = "") -> list[Path]:
    """``<video stem><suffix>.srt`` and ``.vtt`` of the captions beside ``video``; none when the
    timeline has no captions."""
    cues = caption_cues(tl)
    if not cues:
        return []
    video = Path(video)
    out = []
    for ext, text in ((".srt", to_srt(cues)), (".vtt", to_vtt(cues))):
        p = video.with_name(f"{video.stem}{suffix}{ext}")
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def hear(path: str | Path, min_speech: float = 0.0) -> captions.Transcript | None:
    """The transcript of a voice file, or None when it is not speech: with ``min_speech`` (0..1)
    Whisper's language detection (a tenth of a transcription) and the mean word confidence must
    reach it — music or mumbling is not transcribed (Whisper can spend minutes on noise and
    make up words there)."""
    if min_speech and captions.detect_language(path)[1] < min_speech:
        return None
    tr = captions.transcribe(path, None)
    sure = sum(w.probability for w in tr.words) / len(tr.words) if tr.words else 0.0
    if min_speech and (tr.language_probability < min_speech or sure < min_speech):
        return None
    return tr


def transcript_cues(tl: Timeline, *, min_speech: float = 0.0,
                    heard: Callable[[str], captions.Transcript | None] | None = None) -> list[tuple[int, int, str]]:
    """Cues of what the voiceover says, where it plays (speech recognition: the ``ai`` extra).
    Raises `reelforge.ai.AIExtraMissing` without it. A voice file that is not speech (`hear`
    with ``min_speech``) gives no cues; ``heard(path)`` replaces `hear` (a cache)."""
    from reelforge import ai

    cues: list[tuple[int, int, str]] = []
    by_id = {a.id: a for a in tl.assets}
    memo: dict[str, captions.Transcript | None] = {}

    def transcript(path: str):
        if path not in memo:
            memo[path] = heard(path) if heard is not None else hear(path, min_speech)
        return memo[path]

    for seg in (s for t in tl.tracks_by_role(Role.VOICE) for s in t.segments):
        asset = by_id.get(seg.src)
        if asset is None:
            continue
        tr = transcript(str(asset.path))
        if tr is None:
            continue
        for line in ai.caption_lines(tr, max_chars=42, max_lines=2):
            a = seg.start + line.start_ms - seg.in_ms
            b = seg.start + line.end_ms - seg.in_ms
            a, b = max(a, seg.start), min(b, seg.end)
            if b - a >= 100:
                cues.append((a, b, line.text))
    return sorted(cues)
