"""The first cut: assets + one instruction -> a `Plan` (timeline, notes, summary).

Pure and deterministic: no I/O, the same input always gives the same timeline (ids too).

Here: `plan` and the readers of its settings (frame, look, pace, length per picture, colour, text
size and weight, relative levels, the logo), and the text placed in time. Each part with a job of its
own is in its module, named with its rule below: `audio_roles`, `slots`, `on_screen`, `file_names`
(all in `reelforge.planner`; none imports this module).

Rules, in the order they are applied
- Frame from the aspect/platform and resolution in the instruction (default 16:9, 1080p), 30 fps.
- Audio roles: file-name hints first (voice/vo/narration/旁白… vs music/bgm/song/配乐…). With no
  hints, how much of each is speech when the caller measured it (``speech``: the ai extra's
  voice-activity model) — mostly speech is the voiceover, little the music; else two files -> the
  shorter is the voiceover, the longer the music; one file -> music unless the instruction
  mentions a voiceover/narration. Every guess becomes a note (`audio_roles`).
- Length: stated -> that; else the voiceover's length; else 3.5 s per image plus each clip's own
  length (capped at 15 s); clamped to 1 s .. 10 min.
- A file given again under another name (the same bytes: ``copies``) is used once, with a note.
- Pictures keep the order given. Stills share the time equally (integer ms, the last one takes
  the remainder); clips play from their start and are trimmed to their slot (never stretched)
  (`slots`).
- Transitions: 0.5 s crossfades unless the instruction asks otherwise ("hard cuts"…).
- Motion on stills: zoom-in, zoom-out, pan in turn, unless "no motion"/"static".
- Voice at 100 % from 0; music over the whole video, looped when shorter, 35 % and ducked
  under a voice (80 % without one) unless a level is stated, fades in 0.5 s / out 1.5 s. With its
  sound measured (``sound``), the music starts where it comes in (after a silent or quiet lead-in) and a loop leaves out its
  silent lead-in and tail (`reelforge.planner.bed`).
- Text when asked ("with text overlays", "captions", "字幕", or quoted text): quoted text verbatim,
  a title named without quotes ("title: City Lights", "标题是城市之光") as given; otherwise a title from the instruction's subject or the file names' common theme, captions from
  meaningful file names, and a call to action fitting the kind of video, in the instruction's
  language (the words: `on_screen`; captions and the theme from file names: `file_names`).
  Title 0-3 s (centre, large), captions at the bottom in the middle of their picture's
  time, call to action in the last 4 s (`_text_tracks`, here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reelforge.errors import PlanError
from reelforge.planner import brief as B
from reelforge.planner import numerals as N
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import quotes as Q
from reelforge.planner import time_words as TW
from reelforge.planner import typos as T
from reelforge.planner.apply_text import GIVEN_ID, NAMED_PICTURE_ID
from reelforge.planner.audio_roles import classify_audio
from reelforge.planner.bed import bed_notes, music_bed
from reelforge.planner.file_names import caption_from_name
from reelforge.planner.grade_words import first_cut_grade
from reelforge.planner.on_screen import MAX_JOINED, words_to_show
from reelforge.planner.slots import allocate, favour_clips
from reelforge.timeline.model import (
    MOTION_AMOUNT,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Grade,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
    motion_amount_within,
)
from reelforge.timeline.presets import FRAME_RATES, frame_size
from reelforge.timeline.styles import get_style, look_of_word, style_in
from reelforge.timeline.summary import fmt_seconds, summarize

__all__ = ["Plan", "plan"]

FPS = 30
DEFAULT_ASPECT = "16:9"
DEFAULT_RESOLUTION = "1080p"
SECONDS_PER_IMAGE_MS = 3500
CLIP_CAP_MS = 15_000
MIN_TOTAL_MS = 1_000
MAX_TOTAL_MS = 10 * 60_000
DEFAULT_TRANSITION_MS = 500
TITLE_MS = 3_000
CTA_MS = 4_000
MIN_CAPTION_MS = 1_200
READ_CAPTION_MS = 2_000  # a caption's time to be read at ease (a given one moves to a picture that has it)
MUSIC_WITH_VOICE = 0.35
MUSIC_ALONE = 0.8
MUSIC_FADE_IN_MS = 500
MUSIC_FADE_OUT_MS = 1_500
MOTION_CYCLE = (Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_RIGHT,
                Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_LEFT)


@dataclass(frozen=True)
class Plan:
    """A first cut: the timeline, plain-English notes on every guess, and the summary line."""

    timeline: Timeline
    notes: tuple[str, ...]
    summary: str


def _title_of(a: Asset) -> str:
    return a.name or a.id


def _copies_notes(assets: Sequence[Asset], copies: Sequence[Asset]) -> list[str]:
    """A note for each copy: a file given with the same bytes (`Asset.id`) as one in ``assets``."""
    by_id = {a.id: a for a in assets}
    notes: list[str] = []
    for c in copies:
        seen = by_id.get(c.id)
        if seen is None:
            continue
        what = {AssetKind.IMAGE: "picture", AssetKind.VIDEO: "clip"}.get(c.kind, "audio file")
        if seen.name == c.name:
            notes.append(f"{_title_of(c)} was given twice: used once.")
        else:
            notes.append(f"{_title_of(seen)} and {_title_of(c)} are the same {what}: used once.")
    return notes


# Chinese typed on a phone separates its parts by spaces ("新品上市 杨枝甘露18元 芝士葡萄22元"): read as commas
# (the prices were dropped); quotes are left as they are
_ZH_SPACE = re.compile(r"(?<!标题)(?<!字幕)(?<!地址)(?<!电话)(?<!结尾)(?<!片尾)(?<!网址)(?<!微信)(?<!卖点)"  # ("标题 豆子咖啡": a label's)
                       r"(?<!结尾写)(?<!最后写)(?<!结尾加)(?<!片尾写)"  # ("结尾写 扫码点单": the words it ends with)
                       r"(?<=[\u4e00-\u9fff\d%）)])[ \t]+(?=[\u4e00-\u9fff])(?![秒分元块岁个人天小时折号日月年倍])")  # (not "拿铁 28元":
# an item and its price, nor "30 秒": a number and its unit)


# a short sound that opens a video, by its file's name ("intro sting.wav" was looped as the music)
_STING = re.compile(r"(?i)(?<![a-z])(?:sting(?:er)?|whoosh|swoosh|sfx|logo[\s_-]*sound|intro[\s_-]*sound)(?![a-z])|片头音|转场音效")


def _spaces_as_commas(instruction: str) -> str:
    """A Chinese instruction's spaces between clauses as commas; an English one's lines as sentences
    ("… for still point yoga\nnew beginners course …" was titled "For Still Point Yoga New")."""
    parts = re.split(r"(\"[^\"]*\"|“[^”]*”|「[^」]*」|『[^』]*』)", instruction)  # (quoted words as typed)
    if not P.is_chinese(instruction):
        # (a line break inside quotes is where the words wrapped: a space, as the layout wraps them again)
        return "".join(re.sub(r"\s*\n\s*", " ", p) if i % 2 else re.sub(r"(?<=[^\s.!?,;:])[ \t]*\n\s*(?=\S)", ". ", p)
                       for i, p in enumerate(parts))
    return "".join(p if i % 2 else _ZH_SPACE.sub("，", p) for i, p in enumerate(parts))


def plan(instruction: str, assets: Sequence[Asset], *, copies: Sequence[Asset] = (),
         sound: Mapping[str, tuple[int, int]] | None = None, speech: Mapping[str, float] | None = None,
         keep: tuple[str, ...] = ()) -> Plan:
    """Compose a first cut from assets (in the order given) and one instruction.

    ``copies`` are files that were given too but have the same bytes as one of ``assets`` (a
    media library keeps one of each): they are not used again, and a note names each pair.
    An asset listed twice in ``assets`` is shown twice.

    ``sound`` maps an audio asset's id to where its sound starts and ends (ms), as measured by
    the caller (`reelforge.ai.sound`); without it the music plays from its start. ``speech`` maps
    an audio asset's id to the share of it that is speech (`reelforge.ai.speech_share`), for files
    whose names do not say what they are.
    Raises `PlanError` when there is no image or video clip to make a video from.
    """
    instruction = _spaces_as_commas(instruction or "")
    notes: list[str] = []
    instruction_as_typed = instruction
    # ``keep``: words left as typed, because their correction ended up on screen (see the end)
    instruction, fixes = T.correct_outside_quotes(instruction, [*(a.name for a in assets if a.name), *keep])
    if fixes:
        notes.append("Read " + ", ".join(f"'{f.wrong}' as '{f.right}'" for f in fixes) + ".")
    words = re.findall(r"[A-Za-z]{3,}", instruction)
    lost = T.unread(instruction)
    if not lost and words and not re.search(r"\d", instruction) and not any(T.known(w.lower()) for w in words):
        lost = T.content_words(words)  # "hmm", "hello there": English, but nothing to make a video from
    if lost and len(lost) * 2 >= len(words) and not P.is_chinese(instruction):
        notes.append("Did not understand " + ", ".join(f"'{w}'" for w in lost)
                     + ", so the first cut uses the defaults noted here; say what to change.")
    visuals = [a for a in assets if a.kind in (AssetKind.IMAGE, AssetKind.VIDEO)]
    audio = [a for a in assets if a.kind is AssetKind.AUDIO]
    # the settings are read outside the quotes and a brief's fields (the words to show are no
    # settings: "slogan: 30 seconds of calm" is no length); the text, whole
    said = Q.outside_quotes(B.blank(instruction), {a.name.lower() for a in assets if a.name})
    if not visuals:
        got = f" (got {len(audio)} audio file{'s' if len(audio) != 1 else ''} only)" if audio else ""
        raise PlanError("Nothing to make a video from: add at least one image or video clip" + got + ".")
    # "mute the clips", "without the clips' sound", "视频静音" (it was kept, the music ducked under it)
    clips_muted = _MUTE_CLIPS.search(N.normalize(said)) is not None
    # "keep the clip's sound", "keep the traveller's own voice on the testimonial clip", "保留原声": a
    # voiceover no longer mutes them (it did, whatever was asked)
    clips_kept = not clips_muted and clips_keep_sound(said)
    # "keep the astronaut's own voice on the testimonial clip": that clip's, the others muted under the voiceover
    # (every clip kept its sound: the coffee pour's hiss played on after the hand-over)
    kept_ids = clips_named_for_sound(said, visuals) if clips_kept else None
    logo = _logo_file(visuals, said)
    if logo is not None:  # a logo given with the pictures is the logo, in a corner (it was a blurry 5x shot)
        visuals = [a for a in visuals if a is not logo]

    # -- frame -------------------------------------------------------------------------
    aspect = P.parse_aspect(said)
    resolution = P.parse_resolution(said)
    width, height = frame_size(aspect or DEFAULT_ASPECT, resolution or DEFAULT_RESOLUTION)
    if aspect is None and resolution is None:
        notes.append(f"Frame: {width}x{height} ({DEFAULT_ASPECT}, {DEFAULT_RESOLUTION}), the default; "
                     "say e.g. 'vertical for TikTok', 'square' or '720p' to change it.")
    else:
        notes.append(f"Frame: {width}x{height} ({aspect or DEFAULT_ASPECT}, {resolution or DEFAULT_RESOLUTION}).")
    said_fps = P.frame_rate_in(said)  # "60fps", "24 fps", "帧率25"
    fps = int(said_fps) if said_fps in FRAME_RATES else FPS
    if said_fps is not None and said_fps != fps:
        notes.append(f"Frame rate: {FPS} fps ({said_fps:g} fps is not offered: "
                     f"{', '.join(str(r) for r in FRAME_RATES)} fps are).")
    elif said_fps is not None:
        notes.append(f"Frame rate: {fps} fps, as asked" + (" (twice the frames of 30 fps: a longer export and twice "
                                                            "the credits)." if fps > 30 else "."))
    if aspect == "1:1" and re.search(r"\b(?:instagram|insta|ig)\b", N.normalize(said), re.ASCII):
        notes.append("'Instagram' is taken as a square feed post; say 'Instagram portrait' for 4:5 "
                     "or 'Reels' for 9:16.")

    # -- look ----------------------------------------------------------------------------
    asked_style = style_in(said, first_cut=True)
    cinematic = _CINEMATIC.search(N.normalize(said)) is not None
    look = get_style(asked_style or ("minimal" if cinematic else None))
    if cinematic and asked_style:
        notes.append(f"Look: {look.name} style (as asked); 'cinematic' adds a fade in from black and out to black.")
    elif cinematic:
        notes.append("'Cinematic' is read as the minimal look (slow 0.8 s crossfades, quiet text) with a fade in "
                     "from black and out to black.")
    else:
        notes.append(f"Look: {look.name} style" + (" (as asked)." if asked_style else
                     " (the default; say 'bold', 'minimal' or 'playful style' / '简约风格' to change it)."))
    big_text = _BIG_TEXT.search(N.normalize(said)) is not None
    unapplied = [w for w in _unapplied_style_words(said) if not (asked_style and look_of_word(w) == asked_style)]
    if unapplied:
        notes.append("Not applied: " + ", ".join(f"'{w}'" for w in unapplied) + " (there is no such look; the looks "
                     "are clean, bold, minimal and playful, and the colour can be changed: 'black and white', "
                     "'warmer', 'vintage look', 'brighter', 'more contrast').")

    # -- audio roles ---------------------------------------------------------------------
    roles = classify_audio(audio, said, speech)
    notes.extend(roles.notes)
    voice_ms = sum(a.duration_ms for a in roles.voice)
    # a clip keeping its own speech beside a voiceover comes after it: two voices never talk at once
    # (the testimonial said "the best trip of my life" over "Book before January …")
    after_voice = [a for a in visuals if a.kind is AssetKind.VIDEO and a.has_audio and (kept_ids is None or a.id in kept_ids)] \
        if clips_kept and voice_ms else []
    given_order = visuals
    if after_voice and len(after_voice) < len(visuals):
        visuals = [a for a in visuals if a not in after_voice] + after_voice
    else:
        after_voice = []

    # -- length ------------------------------------------------------------------------
    n_images = sum(a.kind is AssetKind.IMAGE for a in visuals)
    per_item = per_item_ms(said)
    stated = TW.parse_duration_ms(said) or _hours_ms(said)
    estimate_note = ""
    if not stated and _NO_LENGTH.search(said):  # "a 0 second video": said, not silently ignored
        notes.append("A video of no length cannot be made: the length is chosen below.")
    pace = _pace(said)
    per = per_item or look.seconds_per_image_ms + PACE_STEP_MS.get(pace, 0)
    per = max(PACE_MIN_MS, per) if pace else per
    clip_ms = sum(min(a.duration_ms, CLIP_CAP_MS) if a.duration_ms else per
                  for a in visuals if a.kind is AssetKind.VIDEO)
    estimated = n_images * per + clip_ms
    # "4 seconds per photo" with a shorter voiceover: the pictures' length, as asked (the voice's
    # length won without a word); a longer voiceover is not cut off, the pictures share its length
    per_item_wins = bool(per_item and n_images and voice_ms and estimated >= voice_ms)
    if (span := _length_range(said)) is not None and (not stated or stated == span[1]):
        # (the duration words read "10-12 second" as 12 s; "a 30 second promo, each photo 3-5 seconds": 30 s)
        # "between 15 and 20 seconds", "15-20 sec": the length it would have, kept within them (the
        # notes said "no length given")
        natural = voice_ms if voice_ms > 0 and not per_item_wins else estimated
        stated = total = min(max(natural, span[0]), span[1])
        notes.append(f"Length: {fmt_seconds(stated)} s, within the {fmt_seconds(span[0])}-{fmt_seconds(span[1])} s asked.")
    elif stated:
        total = stated
        if total <= MAX_TOTAL_MS:  # (a longer one is capped below, and said so there)
            notes.append(f"Length: {fmt_seconds(total)} s, as asked.")
    elif voice_ms > 0 and not per_item_wins and after_voice:
        total = voice_ms + sum(min(a.duration_ms, CLIP_CAP_MS) for a in after_voice)
        notes.append(f"Length: {fmt_seconds(total)} s, the voiceover and then "
                     f"{', '.join(_title_of(a) for a in after_voice)} with {'its' if len(after_voice) == 1 else 'their'} "
                     "own sound; give a length (e.g. '30 seconds') to change it.")
    elif voice_ms > 0 and not per_item_wins:
        total = voice_ms
        notes.append(f"Length: {fmt_seconds(total)} s, the length of the voiceover; give a length "
                     "(e.g. '30 seconds') to change it.")
        if per_item and n_images:
            notes.append(f"{fmt_seconds(per_item)} s for each image would end the video at {fmt_seconds(estimated)} s, "
                         f"before the voiceover ({fmt_seconds(voice_ms)} s), so the pictures share its length.")
    else:
        total = estimated
        parts = []
        if n_images:
            parts.append(f"{fmt_seconds(per)} s for each of {n_images} image{'s' if n_images != 1 else ''}"
                         + (f" ({pace} pace, as asked)" if pace and not per_item else ""))
        if clip_ms:
            parts.append(f"clips at their own length (at most {fmt_seconds(CLIP_CAP_MS)} s each)")
        if per_item_wins:
            estimate_note = (" and ".join(parts) + f", as asked; the voiceover ({fmt_seconds(voice_ms)} s) ends "
                             "before the video does.")
        else:
            estimate_note = "no length given and no voiceover, so " + " and ".join(parts) + "."
    each = max(0, total - clip_ms) / n_images if n_images else 0
    if pace and not per_item and n_images and each >= 1000 and (stated or (voice_ms > 0 and not per_item_wins)) \
            and (each > per + 250 if pace == "a fast" else each < per - 250):
        # "15 seconds, fast paced": the length decides how long each picture stays (said, not ignored)
        notes.append(f"{pace[2:].capitalize()} pace: the length sets about {fmt_seconds(round(each, -2))} s for each of "
                     f"{n_images} image{'s' if n_images != 1 else ''}; "
                     + ("more pictures or a shorter video cut faster." if pace == "a fast" else
                        "fewer pictures or a longer video stay longer."))
    if total > MAX_TOTAL_MS:
        notes.append(f"Length capped at {fmt_seconds(MAX_TOTAL_MS)} s (asked for {fmt_seconds(total)} s).")
        total = MAX_TOTAL_MS
    if total < MIN_TOTAL_MS:
        notes.append(f"Length raised to {fmt_seconds(MIN_TOTAL_MS)} s, the shortest video made.")
        total = MIN_TOTAL_MS

    # -- transitions ---------------------------------------------------------------------
    spec = P.parse_transition(said)
    transition = spec.transition if spec else look.transition
    t_ms = 0 if transition is Transition.CUT else (spec.duration_ms if spec and spec.duration_ms else
                                                   look.transition_ms or DEFAULT_TRANSITION_MS)
    n = len(visuals)
    if n > 1 and t_ms:
        slot = total // n
        if t_ms * 3 > slot:  # keep at least a third of each picture clear of transitions
            t_ms = (slot // 3) // 2 * 2
        if t_ms < 100:
            transition, t_ms = Transition.CUT, 0
    caps: list[int | None] = [
        (min(a.duration_ms, CLIP_CAP_MS) if estimate_note else a.duration_ms)
        if a.kind is AssetKind.VIDEO and a.duration_ms else None
        for a in visuals]
    t_in = [0] + [t_ms if _fits(caps[i - 1], t_ms) and _fits(caps[i], t_ms) else 0 for i in range(1, n)]
    stills = [i for i, cap in enumerate(caps) if cap is None]
    if estimate_note and stills and len(stills) < len(caps):
        # no length asked: each clip its own length (capped), the stills share the rest (their length and
        # the transitions' overlap); equal shares with the clips gave a still beside a long clip ~10 s
        span = total + sum(t_in) - sum(cap or 0 for cap in caps)
        share = span // len(stills)
        durations = [cap if cap is not None else share for cap in caps]
        durations[stills[-1]] += span - share * len(stills)
        actual = sum(durations) - sum(t_in)
    else:
        durations, actual = allocate(total, caps, t_in)
        # a stated length with long clips: a still no longer than a still's length and its crossfades, the
        # rest to the clips with footage left (equal shares held a still 7.5 s of 20 s beside a 15 s clip)
        durations = favour_clips(durations, caps, per + 2 * t_ms)
    if after_voice and not stated and stills:
        # a clip keeping its speech plays whole (its first second was cut to even the shares); the stills
        # share the voiceover's time
        whole = {i: min(a.duration_ms, CLIP_CAP_MS) for i, a in enumerate(visuals) if a in after_voice}
        span = total + sum(t_in) - sum(whole.values()) - sum(d for i, d in enumerate(durations)
                                                             if i not in whole and i not in stills)
        share = span // len(stills)
        if share >= 1000:  # (else the shares stand: stills under a second are no pictures)
            durations = [whole.get(i, share if i in stills else d) for i, d in enumerate(durations)]
            durations[stills[-1]] += span - share * len(stills)
            actual = sum(durations) - sum(t_in)
    if actual < total and estimate_note:
        total = actual  # clips at their own length, less the transitions' overlap
    elif actual < total:
        notes.append(f"The clips only add up to {fmt_seconds(actual)} s, so the video is {fmt_seconds(actual)} s "
                     f"instead of {fmt_seconds(total)} s (clips are not slowed down or repeated).")
        total = actual
    if estimate_note:
        notes.append(f"Length: {fmt_seconds(total)} s — {estimate_note}")
    if n > 1:
        if transition is Transition.CUT:
            notes.append("Transitions: hard cuts." if spec else f"Transitions: hard cuts ({look.name} style)."
                         if look.transition is Transition.CUT else "Transitions: cuts (pictures too short to blend).")
        else:
            how = "as asked" if spec else (f"the {look.name} style's; say 'hard cuts' for none" if asked_style
                                           else "the default; say 'hard cuts' for none")
            notes.append(f"Transitions: {fmt_seconds(t_ms)} s {transition.value} ({how}).")

    # -- motion --------------------------------------------------------------------------
    motion_wanted = P.wants_motion(said)
    use_motion = motion_wanted is not False
    ask = P.motion_ask(said) if use_motion else None
    motion_amount = MOTION_AMOUNT
    if ask is not None:
        motion_amount = motion_amount_within(ask.amount if ask.amount is not None else MOTION_AMOUNT * (ask.factor or 1.0))
    kinds = P.motion_kinds(said) if use_motion else None  # "slow pans", "zoom in on each photo"
    if n_images and kinds:
        moves = {(Motion.PAN_RIGHT, Motion.PAN_LEFT): "pan right and left in turn", (Motion.ZOOM_IN,): "zoom in",
                 (Motion.ZOOM_OUT,): "zoom out"}.get(kinds, "zoom in and out in turn")
        notes.append(f"Stills {moves}, as asked ({round(motion_amount * 100)} % of the view).")
    elif n_images and not use_motion:
        notes.append("Stills stay still, as asked.")
    elif n_images and motion_amount != MOTION_AMOUNT:
        how = "a subtle" if motion_amount < MOTION_AMOUNT else "a strong"
        notes.append(f"Stills get {how} zoom or pan in turn ({round(motion_amount * 100)} % of the view, as asked; "
                     f"the usual is {round(MOTION_AMOUNT * 100)} %).")
    elif n_images:
        notes.append("Stills get a slow zoom or pan in turn (say 'no motion' to keep them still, 'subtler zoom' or "
                     "'stronger zoom' to change how far they go).")

    voice_present = bool(roles.voice) and voice_ms >= 0
    rel_music, rel_voice = relative_levels(said)
    video_segs: list[VideoSegment] = []
    cursor = 0
    still_index = 0
    for i, (a, d) in enumerate(zip(visuals, durations, strict=True)):
        start = cursor - t_in[i]
        is_still = a.kind is AssetKind.IMAGE
        motion = Motion.NONE
        if is_still and use_motion:
            cycle = kinds or MOTION_CYCLE
            motion = cycle[still_index % len(cycle)]
        if is_still:
            still_index += 1
        tr = transition if t_in[i] else Transition.CUT
        video_segs.append(VideoSegment(
            id=f"v{i + 1}", start=start, duration=d, src=a.id, name=a.name, in_ms=0, motion=motion,
            motion_amount=motion_amount,
            transition=tr, transition_ms=t_in[i],
            mute=bool(a.kind is AssetKind.VIDEO and a.has_audio and (clips_muted or voice_present and not (
                clips_kept and (kept_ids is None or a.id in kept_ids)))),
        ))
        cursor = start + d
    sounding = [s for s in video_segs if not s.mute and s.src in {a.id for a in visuals if a.has_audio}]
    if clips_kept and sounding:
        notes.append(_kept_sound_note(sounding, voice_ms if voice_present else 0, bool(after_voice)))
    elif any(a.kind is AssetKind.VIDEO and a.has_audio for a in visuals) and voice_present:
        notes.append("The clips' own sound is muted so it does not talk over the voiceover.")
    elif any(a.kind is AssetKind.VIDEO and a.has_audio for a in visuals) and clips_muted:
        notes.append("The clips' own sound is muted, as asked.")
    tracks = [Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(video_segs))]

    # -- audio -----------------------------------------------------------------------------
    seg_no = 0
    if roles.voice:
        voice_vol = P.parse_voice_volume(said)
        if voice_vol is None and rel_voice != 1.0:
            voice_vol = rel_voice
        vsegs = []
        vcursor = 0
        for a in roles.voice:
            length = a.duration_ms or total
            d = min(length, total - vcursor)
            if d <= 0:
                notes.append(f"'{a.name}' does not fit in the {fmt_seconds(total)} s and is left out.")
                continue
            seg_no += 1
            vsegs.append(AudioSegment(id=f"a{seg_no}", start=vcursor, duration=d, src=a.id, name=a.name,
                                      volume=min(voice_vol if voice_vol is not None else 1.0, 4.0)))
            if d < length:
                notes.append(f"The voiceover '{a.name}' ({fmt_seconds(length)} s) is cut off at "
                             f"{fmt_seconds(total)} s; drop the length to keep all of it.")
            vcursor += d
        if voice_vol is not None and vsegs:
            notes.append(f"Voiceover at {round(min(voice_vol, 4.0) * 100)}%, as asked.")
        if vsegs:
            tracks.append(Track(id="voice", kind=TrackKind.AUDIO, role=Role.VOICE, segments=tuple(vsegs)))
    if roles.music is not None:
        m = roles.music
        asked = P.parse_music_volume(said)
        has_voice = len(tracks) > 1
        # clips that keep their own sound (no voiceover): the music steps back under it
        sounding = list(dict.fromkeys(a.name for a, s in zip(visuals, video_segs, strict=True)
                                      if not s.mute and a.kind is AssetKind.VIDEO and a.has_audio))
        vol = asked if asked is not None else (MUSIC_WITH_VOICE if has_voice else MUSIC_ALONE)
        relative = ""
        if asked is None and rel_music != 1.0:
            relative = f" ({round(vol * 100)}% x{rel_music:g}, as asked)"
            vol = round(vol * rel_music, 4)
        vol = max(0.0, min(vol, 4.0))
        bed = music_bed((sound or {}).get(m.id), m.duration_ms)
        sting = _STING.search(m.name or "") is not None and 0 < (m.duration_ms or 0) <= min(8_000, total // 2)
        loop = bool(m.duration_ms) and bed.sound_ms(m.duration_ms) < total and not sting
        span = (m.duration_ms or total) if sting else total  # ("intro sting.wav", 4 s: once at the start, never looped)
        fade_in = min(MUSIC_FADE_IN_MS, span // 4) if not sting else 0
        fade_out = min(MUSIC_FADE_OUT_MS, span // 4)
        seg_no += 1
        if sting:
            notes.append(f"'{m.name}' plays once at the start ({fmt_seconds(span)} s): a sting, not music to loop.")
        tracks.append(Track(id="music", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id=f"a{seg_no}", start=0, duration=span, src=m.id, name=m.name, volume=vol,
                         duck=has_voice or bool(sounding), loop=loop, fade_in_ms=fade_in, fade_out_ms=fade_out,
                         **bed.segment_fields()),)))
        level = f"{round(vol * 100)}%" + (" as asked" if asked is not None else relative)
        bits = [f"Music at {level}"]
        if has_voice:
            bits.append("ducked under the voiceover")
        elif sounding:
            bits.append("ducked under the clips' own sound (" + ", ".join(sounding) + "; say 'mute the clips' to "
                        "drop it)")
        bits += bed_notes(bed, m.duration_ms, looped=loop)
        notes.append(", ".join(bits) + f"; fades in {fmt_seconds(fade_in)} s and out {fmt_seconds(fade_out)} s.")

    if roles.music is None and P.parse_music_volume(said) is not None:
        notes.append("A music level was given, but there is no music file to apply it to.")

    # -- text ------------------------------------------------------------------------------
    text_tracks, text_notes = _text_tracks(instruction, visuals, video_segs, total, assets, look.caption_box)
    tracks.extend(text_tracks)
    notes.extend(text_notes)
    if logo is None and re.search(r"(?<![a-z])(?:logo|watermark)(?![a-z])|水印", N.normalize(said)) \
            and not _LOGO_AS_SHOT.search(N.normalize(said)) and not any(_LOGO_FILE.search(a.name or "") for a in visuals):
        # "logo top right" with no logo image: said, not silently left out
        notes.append("No logo image was given: add one named like logo.png (it is used as the logo), or say "
                     "'add logo.png in the top right' once it is uploaded.")
    if logo is not None:
        corner = _logo_corner(said)
        tracks.append(Track(id="logo", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
            VideoSegment(id="l1", start=0, duration=total, src=logo.id, name=logo.name, position=corner,
                         scale=LOGO_SCALE, fit=Fit.CONTAIN, mute=True),)))
        notes.append(f"'{logo.name}' is the logo: {corner.value.replace('-', ' ')} corner, {LOGO_SCALE:.0%} wide, "
                     "throughout (say e.g. 'move the logo to the top left', 'make the logo smaller' or 'only show "
                     "the logo at the end').")

    # -- assets ----------------------------------------------------------------------------
    seen: set[str] = set()
    unique_assets = []
    for a in assets:
        if a.id not in seen:
            seen.add(a.id)
            unique_assets.append(a)
    notes.extend(_copies_notes(assets, copies))
    if n > 1 and visuals != given_order:  # a clip keeping its sound moved after the voiceover
        notes.append("Pictures in the order given, " + " and ".join(_title_of(a) for a in after_voice)
                     + " after the voiceover: " + ", ".join(_title_of(a) for a in visuals) + ".")
    elif n > 1:
        notes.append("Pictures in the order given: " + ", ".join(_title_of(a) for a in visuals) + ".")

    if big_text:  # "big readable text": every text a size larger
        tracks = [_each_text(tr, lambda s: {"size": _SIZE_UP[s.size]}) for tr in tracks]
        notes.append("Big readable text: every text one size larger (titles and calls to action extra large, "
                     "captions large).")
    if _BOLD_TEXT.search(N.normalize(said)) and any(_is_text_track(tr) for tr in tracks):
        # "bold text", "粗体字": heavy letters (as the edit "make the text bold"), the style's when heavier
        tracks = [_each_text(tr, lambda s: {"weight": O.BOLD_WEIGHT}) for tr in tracks]
        notes.append(f"Bold text: every text in a heavy weight ({max(O.BOLD_WEIGHT, look.weight)}).")
    fades = {"fade_in_ms": CINEMATIC_FADE_MS, "fade_out_ms": CINEMATIC_FADE_MS} if cinematic else {}
    grade = first_cut_grade(N.normalize(said))
    if grade:  # "in black and white", "warm tones", "复古色调": as an edit would set them
        notes.append(f"Colour: {W.grade_words(O.SetGrade(**grade))}.")
    timeline = build(width=width, height=height, fps=fps, duration=total, style=look.name, assets=tuple(unique_assets),
                     tracks=tuple(tracks), grade=Grade(**(grade or {})), **fades)
    shown = " ".join(seg.text for tr in timeline.tracks if _is_text_track(tr) for seg in tr.segments)
    kept = T.landed_on_screen(((f.wrong, f.right) for f in fixes), shown)
    if kept and not keep:  # a correction put a word on screen ("our scone shop" -> "Scene Shop"): as typed
        return plan(instruction_as_typed, assets, copies=copies, sound=sound, speech=speech, keep=kept)
    return Plan(timeline=timeline, notes=tuple(notes), summary=summarize(timeline))


_MUTE_CLIPS = re.compile(r"\b(?:mute|silence)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:video\s+)?(?:clips?|videos?|footage)\b|"
                         r"\b(?:without|no)\s+(?:the\s+)?(?:clips?'?|videos?'?|footage'?s?)\s*(?:own\s+)?(?:sound|audio)\b|"
                         r"\b(?:clips?|videos?|footage)\s+(?:muted|silent|on\s+mute|without\s+(?:their\s+|its\s+)?sound)\b|"
                         r"\bno\s+(?:original|clip)\s+(?:sound|audio)\b|(?:视频|片段)(?:原声)?静音|去掉(?:视频|片段)?原声|不要(?:视频|片段)?原声")
_KEEP_VERB = r"\b(?:keep|keeping|use|using|with|leave|let|play|retain|preserve|unmute)\b"
_CLIP_WORD = r"\b(?:clips?|videos?|footage|testimonials?|interviews?|recordings?)\b"
_KEEP_CLIPS = re.compile(
    _KEEP_VERB + r"[^.;!?]{0,50}?(?:(?<!\bmy\s)\b(?:own|original|natural|live)\s+(?:voices?|sound|audio|speech)\b|"
    r"(?:\b(?:clips?|videos?|footage|testimonials?|interviews?)(?:'s|s')?\s+(?:own\s+)?(?:sound|audio|voices?)\b)|"
    r"\b(?:sound|audio)\s+(?:of|from|on|in)\s+the\s+(?:\w+\s+)?(?:clips?|videos?|footage)\b)|"
    r"\b(?:unmute|don'?t\s+mute|do\s+not\s+mute)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:\w+\s+)?(?:clips?|videos?|footage)\b|"
    r"保留(?:视频|片段)?(?:的)?原声|原声保留|用(?:视频|片段)?(?:的)?原声|(?:视频|片段)(?:的)?原声(?:要|也)?保留|不要(?:把)?(?:视频|片段)静音")


def clips_keep_sound(said: str) -> bool:
    """Whether the words ask the clips to keep their own sound ("keep the clip's audio", "keep the
    traveller's own voice on the testimonial clip", "保留视频原声"). "Own voice" is a clip's only
    where a clip is named in the same sentence ("use my own voice" is the voiceover)."""
    t = N.normalize(said)
    for sentence in re.split(r"[.;!?。；！？]", t):
        m = _KEEP_CLIPS.search(sentence)
        if m and (not re.search(r"\b(?:own|original|natural|live)\s+(?:voices?|speech)\b", m.group(0))
                  or re.search(_CLIP_WORD, sentence)):
            return True
    return False


_NOT_A_CLIP_WORD = frozenset("clip clips video videos mp4 mov the and own voice sound audio keep img vid final".split())


def clips_named_for_sound(said: str, visuals: Sequence[Asset]) -> set[str] | None:
    """The clips a "keep … sound/voice" sentence names by words of their file names ("keep the astronaut's own
    voice on the testimonial clip": testimonial_astronaut.mp4), or None when it names none (every clip)."""
    clips = [a for a in visuals if a.kind is AssetKind.VIDEO and a.has_audio and a.name]
    t = N.normalize(said).lower()
    for sentence in re.split(r"[.,;!?。，；！？]", t):  # (the clause that asks: "promo for orbit coffee, keep …")
        if not _KEEP_CLIPS.search(sentence):
            continue
        said_words = {re.sub(r"'s$", "", w) for w in re.findall(r"[a-z][a-z']+|[\u4e00-\u9fff]{2,}", sentence)}
        named = {a.id for a in clips
                 if {w for w in re.split(r"[^a-z\u4e00-\u9fff]+", a.name.lower().rsplit(".", 1)[0])
                     if len(w) >= 3 and w not in _NOT_A_CLIP_WORD} & said_words}
        if named and len(named) < len(clips):
            return named
    return None


def _kept_sound_note(sounding: Sequence[VideoSegment], voice_ms: int, moved: bool = False) -> str:
    """What the clips kept sounding do: that they come after the voiceover (``moved`` there), or where
    they play under it, when, and how to stop it."""
    names = ", ".join(f"'{s.name}'" for s in sounding)
    under = [s for s in sounding if min(s.start + s.duration, voice_ms) - s.start >= 1000]  # a crossfade's end is no talk-over
    note = f"{names} keep{'s' if len(sounding) == 1 else ''} {'its' if len(sounding) == 1 else 'their'} own sound, " \
           "as asked; the music steps back under it."
    if moved and not under:
        note += (f" {'It comes' if len(sounding) == 1 else 'They come'} after the voiceover "
                 f"({fmt_seconds(sounding[0].start)}-{fmt_seconds(sounding[-1].start + sounding[-1].duration)} s), so "
                 "the two voices do not talk at once.")
    if under:
        when = "; ".join(f"{fmt_seconds(s.start)}-{fmt_seconds(min(s.start + s.duration, voice_ms))} s" for s in under)
        note += (f" It plays under the voiceover ({when}): say 'move {under[0].name} to the end' or "
                 f"'mute {under[0].name}'.")
    return note


LOGO_SCALE = 0.15  # of the frame's width, as the edit "add the logo" places it
_LOGO_FILE = re.compile(r"(?:^|[^a-z])(?:logos?|watermark|brand[\s_-]?mark|logotype)(?:[^a-z]|$)|标志|水印", re.I)
# the logo asked for as a picture of its own: "end with our logo", "the logo as the last shot", "logo end card"
_LOGO_AS_SHOT = re.compile(r"\b(?:end|finish|close|start|open|begin)s?\s+(?:it\s+|the\s+video\s+)?(?:with|on)\s+(?:the\s+|our\s+|my\s+)?logo\b|"
                           r"\b(?:the\s+|our\s+|my\s+)?logo\s+at\s+the\s+(?:very\s+)?end\b|"  # "logo at the end pls"
                           r"\blogo\s+(?:as\s+(?:a|the)\s+(?:first|last|final|opening|closing)?\s*(?:shot|slide|frame|card|picture|image)|"
                           r"(?:end|intro|outro|title)\s*(?:card|screen|slate))\b|(?:结尾|最后|开头)(?:放|是|用)?(?:一张)?(?:logo|标志)")


def _logo_file(visuals: Sequence[Asset], said: str) -> Asset | None:
    """The image given to be the logo: named logo/watermark (a corner of the video, not a shot), when
    there are other pictures and the instruction does not ask for it as a picture of its own."""
    if _LOGO_AS_SHOT.search(N.normalize(said)):
        return None
    logos = [a for a in visuals if a.kind is AssetKind.IMAGE and _LOGO_FILE.search(a.name or "")]
    if logos and any(re.search(rf"(?i)\b{re.escape(w)}\s+(?:pic|photo|picture|shot|image)s?\b", said)
                     for w in re.findall(r"[a-z]{3,}", (logos[0].name or "").lower().rsplit(".", 1)[0])
                     if not _LOGO_FILE.search(w)):
        return None  # "van pic at the end" for van_side_logo.jpg: a photo of the van, called a picture
    return logos[0] if len(logos) == 1 and len(visuals) > 1 else None


def _logo_corner(said: str) -> Position:
    """The corner the instruction gives the logo ("logo top left", "水印放在左上角"), else bottom right."""
    t = N.normalize(said)
    for clause in re.split(r"[,;.!?，。；！？]", t):
        if re.search(r"(?<![a-z])(?:logo|watermark)(?![a-z])|水印|标志", clause):  # ("logo放右上角": no \b before 放)
            pos = P.parse_position(clause)
            if pos in (Position.TOP_LEFT, Position.TOP_RIGHT, Position.BOTTOM_LEFT, Position.BOTTOM_RIGHT):
                return pos
            if pos in (Position.TOP, Position.BOTTOM):
                return Position.TOP_RIGHT if pos is Position.TOP else Position.BOTTOM_RIGHT
    return Position.BOTTOM_RIGHT


# words a first instruction uses for a look that has no setting of its own
_CINEMATIC = re.compile(r"\b(?:cinematic|filmic|film[\s-]like|movie[\s-]like|like\s+a\s+(?:film|movie))\b|电影感|电影风|大片")
CINEMATIC_FADE_MS = 1000
_BIG_TEXT = re.compile(r"\b(?:big|large|larger|bigger|huge|readable|legible|easy[\s-]to[\s-]read)(?:\s+and)?\s+"
                       r"(?:(?:readable|legible|bold|clear)\s+)?(?:text|captions?|titles?|subtitles?|fonts?|letters|writing)\b|"
                       r"\b(?:text|captions?|subtitles?|fonts?)\s+(?:big|large|readable|legible)\b|大字|字大|大号字|字体大")
_UNAPPLIED = re.compile(r"\b(?:dreamy|luxur(?:y|ious)|epic|dramatic|grunge|grungy|neon|glitchy?|"
                        r"lo-?fi|sleek|futuristic|gritty|y2k|vaporwave|edgy|atmospheric|"
                        # effects there are none of ("sparkling water", "glowing skin" are what is sold: not these)
                        r"cyberpunk|noir|vibey|aesthetic|sparkly|sparkles|glittery|confetti|bokeh|lens\s+flares?|"
                        r"particle\s+effects?)\b|赛博朋克|高级感|氛围感")


def _unapplied_style_words(instruction: str) -> list[str]:
    """Look words of a first instruction the composer has no setting for ("retro", "moody"), once each."""
    return list(dict.fromkeys(m.group(0) for m in _UNAPPLIED.finditer(N.normalize(instruction))))


_SIZE_UP = {TextSize.SMALL: TextSize.MEDIUM, TextSize.MEDIUM: TextSize.LARGE, TextSize.LARGE: TextSize.XLARGE,
            TextSize.XLARGE: TextSize.XLARGE}


def _is_text_track(track) -> bool:
    segs = getattr(track, "segments", None)
    return bool(segs) and isinstance(segs[0], TextSegment)


# "fast-paced", "upbeat", "快节奏": shorter stills when no length is given; "calm", "舒缓": longer
_PACE_FAST = N.ascii_rx(r"\b(?:fast[\s-]?paced?|fast\s+pace|quick(?:er)?\s+(?:pace|cuts)|upbeat(?!\s+(?:music|song|track|tune))|"
                   r"energetic|snappy|high[\s-]energy|rapid[\s-]fire|punchy)\b|节奏快|快节奏|节奏感强|节奏明快|动感")
_PACE_SLOW = N.ascii_rx(r"\b(?:slow[\s-]?paced?|slow\s+pace|(?:calm|relaxed|relaxing|peaceful|serene)"
                   r"(?!\s+(?:music|song|track|tune|piano|guitar|beat))|leisurely|unhurried|gentle\s+pace|chill(?:ed)?(?:\s+vibes?)?|laid[\s-]back)\b|"
                   r"节奏慢|慢节奏|舒缓(?!的?音乐)|悠闲|从容")
PACE_STEP_MS = {"a fast": -1000, "a calm": 1000}  # from the style's seconds per still (clean: 2.5 / 4.5 s)
PACE_MIN_MS = 2000


def _pace(instruction: str) -> str | None:
    t = N.normalize(instruction)
    fast, slow = _PACE_FAST.search(t) is not None, _PACE_SLOW.search(t) is not None
    return None if fast == slow else "a fast" if fast else "a calm"


_BOLD_TEXT = N.ascii_rx(r"\bbold\s+(?:text|letters|lettering|fonts?|type|titles?|captions?|words|writing)\b|"
                   r"\b(?:text|letters|fonts?|titles?|captions?)\s+(?:in\s+)?bold\b|粗体|字体?加粗|加粗字体?|大粗字")


def _each_text(track, update):
    """A text track with ``update(segment)`` (the fields to change) applied to every text; any
    other track (as built here: a Track or its dict) as it is."""
    if not _is_text_track(track):
        return track
    return track.model_copy(update={"segments": tuple(s.model_copy(update=update(s)) for s in track.segments)})


_LOUDER = (r"(?:\blouder\b|\bloud\b|\braise\b|\bincrease\b|\bboost\b|\bturn\s+up\b|大声|调大|增大|提高|加大|"
           r"大一点|大点|大一些|大些|响一点|响亮)")
# "quiet music", "music low", "keep the music down" ask for less of it too ("soft piano music" is a kind)
_QUIETER = (r"(?:\bnot\s+(?:too\s+|so\s+|very\s+)?loud\b|\btoo\s+loud\b|\bquieter\b|\blower\b|\breduce\b|\bdecrease\b|\bturn\s+down\b|\bsofter\b|\bquiet\b|\blow\b|"
            r"\bdown\b|\bin\s+the\s+background\b|\bquietly\b|\bsoftly\b|\bsubtle\b|\bgently\b|\bbarely\s+(?:there|audible)\b|调小|减小|降低|"
            r"小一点|小点|小一些|小些|轻一点|小声|低一点|调低|轻柔|轻轻)")
_CLEARER = r"(?:\bclearer\b|\bmore\s+clear(?:ly)?\b|\bclear\b|\bcrisper\b|清楚|清晰)"
_LITTLE = r"(?:\ba\s+(?:little|bit|touch)\b|\bslightly\b|\bsomewhat\b|一点|一些|稍微|有点|点儿|些)"
_MUCH = r"(?:\bmuch\b|\ba\s+lot\b|\bway\b|\bfar\b|很多|大幅|非常)"


def relative_levels(instruction: str) -> tuple[float, float]:
    """(music, voice) gain factors for relative level phrasings in a first instruction, with
    the same factors an edit uses: "music quieter"/"背景音乐小一点" -> music x0.7 (a little) or
    x0.5; "音乐大声点" -> x1.25 / x1.5; "voice clearer"/"人声清楚一些" lowers the music under it.
    Absolute levels ("music at 20%") are `parse.parse_music_volume`'s and win over these.

    >>> relative_levels("宣传视频，背景音乐小一点"), relative_levels("人声清楚一些"), relative_levels("promo")
    ((0.7, 1.0), (0.7, 1.0), (1.0, 1.0))
    >>> relative_levels("keep the interview's sound, music quietly under it")
    (0.5, 1.0)
    """
    music, voice = 1.0, 1.0
    # (a reason is a clause of its own: "the music should be quiet because the voiceover is important" named both)
    for clause in re.split(r"[,;.!?，。；！？、]|\band\b|\bbut\b|\bbecause\b|\bcuz\b|\bcoz\b|并且|而且|同时|因为",
                           N.normalize(instruction)):
        is_music = re.search(P.MUSIC_WORDS, clause, re.ASCII) is not None
        is_voice = re.search(rf"(?<![a-z]){P.VOICE_WORDS}(?![a-z])", clause, re.ASCII) is not None
        if is_music == is_voice or re.search(r"\d\s*%|百分之|\bdb\b|分贝", clause, re.ASCII):
            continue  # no single role named, or an absolute level (parse_*_volume has it)
        little = re.search(_LITTLE, clause, re.ASCII) is not None
        much = re.search(_MUCH, clause, re.ASCII) is not None
        down = 0.7 if little else 0.3 if much else 0.5
        up = 1.25 if little else 2.0 if much else 1.5
        if is_voice and re.search(_CLEARER, clause, re.ASCII):
            music *= 0.7 if little or not much else 0.5  # a clearer voice: less music under it
        elif re.search(_QUIETER, clause, re.ASCII):
            music, voice = (music * down, voice) if is_music else (music, voice * down)
        elif re.search(_LOUDER, clause, re.ASCII):
            music, voice = (music * up, voice) if is_music else (music, voice * up)
    return round(music, 4), round(voice, 4)


# a whole video's length in hours ("a 5 hour video", "2-hour film", "3个小时的视频"): over any cap,
# taken as asked so the cap below says so (it was not read: "Length: 7 s, no length given")
_HOURS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*-?\s*(?:hours?|hrs?)\b(?=[\s-]*(?:long\b|video|clip|film|movie|promo|reel|ad\b))|"
                    r"(?<!\d)(\d+(?:\.\d+)?)\s*个?\s*小时(?=长?的?(?:视频|影片|短片))", re.I)  # (from a run's first digit: each was tried)
_NO_LENGTH = re.compile(r"(?<![\d.])0+(?:\.0+)?\s*-?\s*(?:seconds?|secs?|s|minutes?|mins?)\b"
                        r"(?=[\s-]*(?:long\b|video|clip|film|movie|promo|reel|ad\b))|(?<![\d.])0\s*秒(?=长?的?视频)", re.I)


_RANGE = re.compile(r"(?<![\d.])(?:between\s+)?(\d{1,3})\s*(?:s|secs?|seconds?)?\s*(?:and|to|-|–)\s*(\d{1,3})\s*"
                    r"(?:s|secs?|seconds?)\b(?=[\s-]*(?:long\b|video|clip|reel|promo|ad\b|max\b|tops\b|[,.;!]|$))|"
                    r"(\d{1,3})\s*(?:到|-|~|～)\s*(\d{1,3})\s*秒|"
                    r"(?<![\d.])(?:between\s+)?(\d{1,2})\s*(?:and|to|-|–|到|~)\s*(\d{1,2})\s*(?:minutes?|mins?|分钟)", re.I)


_RANGE_OF_A_PART = re.compile(r"(?:\b(?:each|every|per|photos?|pics?|pictures?|images?|shots?|clips?|slides?|titles?|texts?|"
                              r"captions?|fades?|fade\s+(?:in|out)|transitions?|logo|hold|first|last|intro|outro)\b|"
                              r"每张|每个|每段|标题|转场|淡入|淡出|图片|照片)[^,.;:，。；]{0,24}$", re.I)


def _length_range(said: str) -> tuple[int, int] | None:
    """(lowest, highest) ms of a length said as a range: "between 15 and 20 seconds", "15-20s", "15到20秒"."""
    for m in _RANGE.finditer(said):
        unit = 60 if m.group(5) else 1  # minutes ("a 2-3 minute video")
        lo, hi = (int(g) * unit for g in (m.group(1) or m.group(3) or m.group(5), m.group(2) or m.group(4) or m.group(6)))
        if re.fullmatch(r"(?:between\s+)?[1-9]0s?\s*-\s*[1-9]0s", m.group(0).strip(), re.I):
            continue  # "the 70s-80s": decades
        if _RANGE_OF_A_PART.search(said[max(0, m.start() - 40):m.start()]):
            continue  # "each photo 3-5 seconds", "title for the first 3-5 seconds", "fade in 1-2 seconds": a part's
        if 0 < lo < hi <= 600:
            return lo * 1000, hi * 1000
    return None


def _hours_ms(said: str) -> int | None:
    m = _HOURS.search(said)
    return round(float(m.group(1) or m.group(2)) * 3_600_000) or None if m else None


def _fits(cap: int | None, t_ms: int) -> bool:
    return cap is None or cap >= 4 * t_ms


def per_item_ms(instruction: str) -> int | None:
    """ "3 seconds per image", "each photo for 4s", "3 seconds a photo", "每张3秒" -> ms per picture."""
    t = N.normalize(instruction)
    for d in TW.find_durations(t):
        before, after = t[max(0, d.start - 30):d.start], t[d.end:d.end + 20]
        if (re.search(r"(?:\b(?:each|every|per)\b[^,.;:]{0,24}|每[^，,。；;：]{0,8})$", before)
                or re.match(r"\s*(?:per|each|a\s+piece|apiece|for\s+each|every|a\s+(?:photo|picture|image|shot|slide))\b", after)):
            return d.ms
    return None


# --------------------------------------------------------------------------------------
# text: the words `on_screen.words_to_show` chooses, placed in time
# --------------------------------------------------------------------------------------


def title_size(text: str) -> TextSize:
    """A title's size: extra large when it is short enough to stand on one or two lines."""
    return TextSize.XLARGE if len(text) <= 24 else TextSize.LARGE


def _clear(segs: Sequence[VideoSegment], i: int) -> tuple[int, int, int]:
    """Picture ``i``'s time clear of the transitions (start, end) and the inset a caption keeps from
    each end of it (a sixth)."""
    seg = segs[i]
    clear_start = seg.start + seg.transition_ms
    clear_end = segs[i + 1].start if i + 1 < len(segs) else seg.end
    return clear_start, clear_end, (clear_end - clear_start) // 6


def _room(segs: Sequence[VideoSegment], i: int, lo: int, hi: int) -> int:
    """How long a caption can show over picture ``i`` between ``lo`` and ``hi``, in ms (inset as
    `_text_tracks` places it)."""
    clear_start, clear_end, inset = _clear(segs, i)
    return min(clear_end - inset, hi) - max(clear_start + inset, lo)


def _text_tracks(instruction: str, visuals: Sequence[Asset], segs: Sequence[VideoSegment],
                 total: int, assets: Sequence[Asset] = (),
                 caption_box: TextBackground = TextBackground.BOX) -> tuple[list[Track], list[str]]:
    """The title, caption and call-to-action tracks: the words `words_to_show` chooses, placed in
    time over ``segs`` (the pictures' segments) in ``total`` ms, with captions from the file names
    (`caption_from_name`) when text may be made up; and the notes on them."""
    words = words_to_show(instruction, visuals, assets)
    if words is None:
        return [], []
    title, subtitle, cta, cta_row = words.title, words.subtitle, words.cta, words.cta_row
    captions_q, derive, zh = list(words.captions), words.derive, words.zh
    notes, invented = list(words.notes), list(words.invented)
    if title and P.no_title(Q.outside_quotes(instruction)):  # "…, don't show the title": the rest stays
        notes = [n for n in notes if title not in n] + ["No title, as asked."]
        invented = [n for n in invented if not n.startswith("title")]
        title = subtitle = None

    # timing
    title_end = min(TITLE_MS, total // 2) if title else 0
    cta_len = min(CTA_MS, total - title_end) if cta else 0
    if cta and cta_len < 1000:
        notes.append(f"No room for the call to action '{cta}' in {fmt_seconds(total)} s.")
        cta, cta_len = None, 0
    cta_start = total - cta_len if cta else total

    tracks: list[Track] = []
    tid = 0
    if title:
        tid += 1
        tracks.append(Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id=f"t{tid}", start=0, duration=title_end, text=title, position=Position.CENTER,
                        size=title_size(title),
                        background=TextBackground.SHADOW),)))
    cap_segs: list[TextSegment] = []
    if title and subtitle:  # the brief's tagline: a row under the title, shown with it
        tid += 1
        cap_segs.append(TextSegment(id=f"t{tid}", start=0, duration=title_end, text=subtitle,
                                    position=Position.BOTTOM, size=TextSize.MEDIUM, background=caption_box))

    # captions: quoted ones in picture order, else from meaningful file names
    cap_texts: list[str | None]
    foreign: list[str] = []
    if captions_q:
        # fewer captions than pictures: the title's picture keeps the title alone
        skip = 1 if title and len(captions_q) < len(visuals) and not words.per_picture else 0
        lo, hi = title_end + 200 if title_end else 0, (cta_start if cta else total) - 200
        if skip and _room(segs, 0, lo, hi) >= READ_CAPTION_MS and any(
                _room(segs, i, lo, hi) < READ_CAPTION_MS for i in range(1, min(len(segs), len(captions_q) + 1))):
            skip = 0  # the last pictures are under the ending: the title's picture takes the first caption after it
        cap_texts = [None] * skip + list(captions_q[: len(visuals)])
        cap_texts += [None] * max(0, len(visuals) - len(cap_texts))
        if len(captions_q) > len(visuals):
            notes.append(f"{len(captions_q) - len(visuals)} quoted caption(s) left over (more captions than pictures).")
    elif derive and not words.no_captions:
        cap_texts = [caption_from_name(a.name) for a in visuals]
        if zh:  # an English file name is not made into a caption of a Chinese video
            foreign = [a.name for a, c in zip(visuals, cap_texts, strict=True) if c and not P.CJK.search(c)]
            cap_texts = [c if c and P.CJK.search(c) else None for c in cap_texts]
            if foreign:
                notes.append("No caption from " + ", ".join(f"'{n}'" for n in foreign)
                             + ": the name is English and the video Chinese; quote the words to show.")
        lowered = (title or "").lower()
        cap_texts = [c if c and c.lower() != lowered else None for c in cap_texts]
        # two pictures named alike ("试穿1.jpg", "试穿2.jpg") tell the viewer nothing apart: no caption from either
        said = [c.lower() for c in cap_texts if c]
        cap_texts = [c if c and said.count(c.lower()) == 1 else None for c in cap_texts]
        # a brand the names all start with is the title; the captions drop it ("Aurora Glass
        # Bottle" under the title "Aurora" reads "Glass Bottle")
        # (not when a small word would open it: "Backpack on Trail" under "Backpack" read "on Trail")
        cap_texts = [c[len(title) + 1:] if c and title and c.lower().startswith(lowered + " ")
                     and len(c.split()) - len(title.split()) >= 2
                     and not re.match(r"(?i)(?:on|in|at|of|for|with|the|a|an|and|to|by|from|&)\b", c[len(title) + 1:])
                     else c for c in cap_texts]
    else:
        cap_texts = [None] * len(visuals)
    skipped = 0
    top_segs: list[TextSegment] = []
    # the row under the title is on this track too: a caption starts after it (one picture with a
    # tagline and given captions made two overlapping segments, and the first cut failed)
    prev_end = cap_segs[-1].end if cap_segs else 0
    for i, (seg, text) in enumerate(zip(segs, cap_texts, strict=True)):
        if not text:
            continue
        clear_start, clear_end, inset = _clear(segs, i)
        lo = max(title_end + 200 if title_end else 0, prev_end)
        hi = cta_start - 200 if cta else total
        start, end = max(clear_start + inset, lo), min(clear_end - inset, hi)
        place = Position.BOTTOM
        if words.per_picture and (end - start < MIN_CAPTION_MS or (cta_row and cta and end > cta_start - 200)):
            # a picture's name squeezed by the title or the ending: at the top over its whole picture
            # (the last room of a listing lost its name to the price and the address)
            start, end, place = clear_start + inset, clear_end - inset, Position.TOP
        if end - start < MIN_CAPTION_MS:  # squeezed by the title or CTA: use the whole clear part
            start, end = max(clear_start, lo), min(clear_end, hi)
        if end - start < MIN_CAPTION_MS:  # still too short: share the time with the title/CTA
            start, end = max(clear_start + inset, prev_end), clear_end - inset
        if end - start < MIN_CAPTION_MS:
            start, end = max(clear_start, prev_end), clear_end
        if end - start < min(MIN_CAPTION_MS, 500):
            skipped += 1
            continue
        if end - start < MIN_CAPTION_MS and not captions_q:
            skipped += 1
            continue
        tid += 1
        given = (NAMED_PICTURE_ID if words.per_picture else GIVEN_ID) if captions_q else "t"
        cap = TextSegment(id=f"{given}{tid}", start=start, duration=end - start,
                          text=text, position=place, size=TextSize.MEDIUM, background=caption_box, shot=seg.id)
        if place is Position.TOP:
            top_segs.append(cap)  # a track of their own: they may show with the rows at the bottom
            continue
        cap_segs.append(cap)
        prev_end = end
    shot_caps = sum(c.shot is not None for c in cap_segs)
    if shot_caps and not captions_q:
        invented.append(f"{shot_caps} caption{'s' if shot_caps != 1 else ''} from the file names")
    if cta_row and cta:  # the row under the call to action has that time to itself
        kept = []
        for c in cap_segs:
            if c.end > cta_start - 200 and c.shot is not None:
                if cta_start - 200 - c.start < MIN_CAPTION_MS:
                    before = kept[-1] if kept and kept[-1].shot is not None else None
                    if (captions_q and not words.per_picture and before is not None
                            and len(joined := f"{before.text} · {c.text}") <= MAX_JOINED):
                        kept[-1] = before.model_copy(update={"text": joined})  # "Only 12 spots" kept on screen
                        notes.append(f"The caption '{c.text}' is shown with the one before it: the call to "
                                     "action and the line under it take the end.")
                        continue
                    notes.append(f"The caption '{c.text}' is left out: the call to action and the line under it "
                                 "take the end.")
                    continue
                c = c.model_copy(update={"duration": cta_start - 200 - c.start})
            kept.append(c)
        cap_segs = kept
        tid += 1
        cap_segs.append(TextSegment(id=f"t{tid}", start=cta_start, duration=cta_len, text=cta_row,
                                    position=Position.BOTTOM, size=TextSize.MEDIUM, background=caption_box))
    if cap_segs:
        tracks.append(Track(id="caption", kind=TrackKind.TEXT, role=Role.CAPTION, segments=tuple(cap_segs)))
    if top_segs:
        tracks.append(Track(id="names", kind=TrackKind.TEXT, role=Role.CAPTION, segments=tuple(top_segs)))
    if skipped:
        notes.append(f"{skipped} caption{'s' if skipped != 1 else ''} left out: "
                     "the picture is on screen too briefly to read one.")
    if derive and not words.no_captions and not captions_q and not any(cap_texts) and not foreign:
        notes.append("No captions: the file names say nothing about the pictures (e.g. IMG_0001).")
    if cta:
        tid += 1
        tracks.append(Track(id="cta", kind=TrackKind.TEXT, role=Role.CTA, segments=(
            TextSegment(id=f"t{tid}", start=cta_start, duration=cta_len, text=cta, position=Position.CENTER,
                        size=TextSize.LARGE, background=TextBackground.BOX),)))
    if invented:
        notes.append("Text made up for you: " + "; ".join(invented)
                     + ". Put your own words in quotes to use them instead.")
    return tracks, notes
