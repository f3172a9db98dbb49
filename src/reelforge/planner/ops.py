"""The closed, typed set of edit operations both planners emit.

Every op is a frozen Pydantic model with a literal ``op`` field; `Op` is their discriminated
union and `parse_ops` validates a list of plain dicts (e.g. from an LLM tool call) into ops.
`reelforge.planner.apply.apply(timeline, ops)` is the one place that executes them, and
`reelforge.planner.op_words` says them in words for replies (it imports this module, never the
other way round). Kept here: the words of a `Target` (`Target.describe`, with `fmt_ms` and
`ordinal`), which the planners' and `apply`'s messages use too.

Conventions
- Times are integer milliseconds.
- Segments are addressed by a `Target`: a track role plus one of ``index`` (0-based, negative
  counts from the end: -1 = the last), ``name`` (part of the source file name or of the text),
  ``at_ms`` (the segment showing at that time) or ``id``. ``kind`` narrows the index to stills
  ("the second image") or clips ("the last clip").
- Volumes are linear gains (1.0 = unchanged). Planners convert % and dB before emitting.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from reelforge.errors import PlanError
from reelforge.timeline.model import (
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSize,
    Transition,
)

Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$", description="#RRGGBB")]
Ms = Annotated[int, Field(ge=0, description="milliseconds")]
PositiveMs = Annotated[int, Field(gt=0, description="milliseconds, > 0")]


def _visible(text: str) -> str:
    """A text to draw must show something: only spaces and invisible characters (zero-width
    spaces, joiners, direction marks, a byte-order mark) were taken and "Added" as a title that
    drew nothing."""
    if not any(not unicodedata.category(ch).startswith(("C", "Z", "M")) for ch in text):
        raise ValueError(NO_VISIBLE)
    return text


NO_VISIBLE = "the text has no visible character"
BOLD_WEIGHT = 800  # "make the text bold", "bold text": heavier than the clean style's semi-bold
ShownText = Annotated[str, AfterValidator(_visible)]  # (empty too: nothing visible)


class _Op(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Target(_Op):
    """Which segment an op acts on. Exactly one of index/name/at_ms/id should be set."""

    role: Role = Field(Role.MAIN, description="track role: main (video), title, caption, cta, music, voice, overlay, logo")
    index: int | None = Field(None, description="0-based position on the track; -1 = last, -2 = second to last")
    kind: Literal["image", "video"] | None = Field(
        None, description="count only stills (image) or only moving clips (video) when using index")
    name: str | None = Field(None, description="part of the source file name, or of the text for text tracks")
    at_ms: Ms | None = Field(None, description="the segment visible at this time on the timeline")
    id: str | None = Field(None, description="segment id")

    def describe(self, noun: str = "segment") -> str:
        what = {"image": "image", "video": "clip"}.get(self.kind or "", noun if self.role is Role.MAIN else self.role.value)
        if self.id is not None:
            return f"segment {self.id}"
        if self.name is not None:
            return f'the {what} "{" / ".join(self.name.splitlines())}"'
        if self.at_ms is not None:
            return f"the {what} at {fmt_ms(self.at_ms)}"
        if self.index is not None:
            return f"the {ordinal(self.index)} {what}"
        return f"the {what}"


def fmt_ms(ms: int) -> str:
    s = ms / 1000
    return f"{s:g}s"


def ordinal(index: int) -> str:
    if index == -1:
        return "last"
    if index < 0:
        return f"{ordinal(-index - 1)}-to-last" if index != -2 else "second-to-last"
    n = index + 1
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Timing(_Op):
    """When a text shows. ``anchor="end"`` places it so it ends with the video."""

    start_ms: Ms = 0
    duration_ms: PositiveMs | None = Field(None, description="None = until the end of the video")
    anchor: Literal["start", "end"] = "start"


# -- segments on the main track ------------------------------------------------------------
class AddSegment(_Op):
    op: Literal["add_segment"] = "add_segment"
    asset_id: str = Field(min_length=1, description="id of an asset in the media library")
    after: Target | None = None
    before: Target | None = None
    duration_ms: PositiveMs | None = Field(None, description="None = the clip's length, or 3 s for a still")


class RemoveSegment(_Op):
    op: Literal["remove_segment"] = "remove_segment"
    target: Target


class MoveSegment(_Op):
    op: Literal["move_segment"] = "move_segment"
    target: Target
    to_index: int | None = Field(None, description="final 0-based position; -1 = the end")
    after: Target | None = None
    before: Target | None = None


class SwapSegments(_Op):
    op: Literal["swap_segments"] = "swap_segments"
    a: Target
    b: Target


class ReverseOrder(_Op):
    op: Literal["reverse_order"] = "reverse_order"


class ReorderSegments(_Op):
    """New order of the main track: 0-based current positions; unlisted shots follow in their order."""

    op: Literal["reorder_segments"] = "reorder_segments"
    order: list[Annotated[int, Field(ge=0)]] = Field(min_length=1)


class ReplaceSource(_Op):
    op: Literal["replace_source"] = "replace_source"
    target: Target
    asset_id: str = Field(min_length=1)


class TrimSegment(_Op):
    """Cut time off the head and/or tail of a segment (the source in-point moves for a head trim)."""

    op: Literal["trim_segment"] = "trim_segment"
    target: Target
    head_ms: Ms = 0
    tail_ms: Ms = 0


MIN_KEPT_SHOT_MS = 1000  # a shot `TrimVideo` would leave shorter than this goes too


class TrimVideo(_Op):
    """Cut time off the start and/or end of the whole video, across shots: "remove everything
    after 15 seconds", "cut the last 6 seconds" when the last shot is shorter. The shots wholly
    outside go, the one across the cut is trimmed; the other tracks end with the video."""

    op: Literal["trim_video"] = "trim_video"
    head_ms: Ms = 0
    tail_ms: Ms = 0


class SetSegmentDuration(_Op):
    op: Literal["set_segment_duration"] = "set_segment_duration"
    target: Target
    duration_ms: PositiveMs


def shot_lengths(now: Sequence[int], new: Mapping[int, int]) -> list[SetSegmentDuration]:
    """The ops giving the main track's shots (by position; ``now``: their lengths) the lengths in
    ``new``, the longer ones first: applied one by one, the video never gets shorter than where it
    ends, so no text past a passing end is dropped."""
    changed = [(d - now[k], k, d) for k, d in new.items() if d != now[k]]
    return [SetSegmentDuration(target=Target(index=k), duration_ms=d)
            for _, k, d in sorted(changed, key=lambda c: (c[0] < 0, c[1]))]


class SetTotalDuration(_Op):
    """Make the whole video this long; the main track is refit proportionally."""

    op: Literal["set_total_duration"] = "set_total_duration"
    duration_ms: PositiveMs
    keep: list[Target] = Field(default_factory=list, description="shots that keep their length (the others are refit)")


class FitToVoice(_Op):
    """Make the video as long as the voiceover (plus a short tail)."""

    op: Literal["fit_to_voice"] = "fit_to_voice"


class SetSpeed(_Op):
    op: Literal["set_speed"] = "set_speed"
    target: Target | None = Field(None, description="None = every video clip")
    speed: float = Field(ge=0.25, le=4.0)


class SetClipAudio(_Op):
    op: Literal["set_clip_audio"] = "set_clip_audio"
    target: Target | None = Field(None, description="None = every clip")
    mute: bool


class PlaceInVoice(_Op):
    """Play a clip with its own sound while the voiceover pauses: the voiceover stops at ``at_ms`` (a
    pause between its sentences: "Here is what our travellers say." then the testimonial) and goes on
    after the clip; the shots before end there, the others follow. The video grows by the clip's
    length only where the clip was not in it already (it was after the voiceover: the same length)."""

    op: Literal["place_in_voice"] = "place_in_voice"
    target: Target = Field(description="the clip")
    at_ms: Ms = Field(description="where the voiceover pauses for it (video time)")


# -- text --------------------------------------------------------------------------------------
TextRole = Literal["title", "caption", "cta"]


class AddText(_Op):
    op: Literal["add_text"] = "add_text"
    text: ShownText
    role: TextRole = "title"
    timing: Timing = Timing()
    shot: Target | None = Field(None, description="show it while this main-track shot is on screen (instead "
                                                  "of `timing`); a caption then moves, trims and goes with that shot")
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None
    box_color: Color | None = Field(None, description="colour of the box behind the text (a box is drawn: "
                                                      "background box unless another is given)")


class UpdateText(_Op):
    op: Literal["update_text"] = "update_text"
    target: Target = Target(role=Role.TITLE, index=0)
    text: ShownText | None = None
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None
    box_color: Color | None = Field(None, description="colour of the box behind the text (a box is drawn: "
                                                      "background box unless another is given); None = keep")
    timing: Timing | None = None
    bold: bool | None = Field(None, description="True: a heavy weight (800, or the style's when heavier); "
                                                "False: regular weight; None = keep")
    fade_in_ms: Ms | None = Field(None, le=5000, description="how long the text takes to come in (0 = at once); None = keep")
    fade_out_ms: Ms | None = Field(None, le=5000, description="how long it takes to go; None = keep")
    entrance: Literal["fade", "slide", "scale"] | None = Field(None, description="how it comes in: fades, slides up "
                                                                                  "or scales in; None = keep")


class RemoveText(_Op):
    op: Literal["remove_text"] = "remove_text"
    target: Target | None = Field(None, description="None = every text segment of `role`")
    role: TextRole | None = Field(None, description="with no target: remove all text of this role (None = all text)")


# -- audio -------------------------------------------------------------------------------------
AudioRole = Literal["music", "voice", "main", "sfx"]


class Span(_Op):
    """A range of timeline time ("for the last 5 seconds", "from 0:10 to 0:15", "前3秒")."""

    start_ms: Ms
    end_ms: PositiveMs


class SetVolume(_Op):
    """Set (``volume``) or scale (``factor``) the gain of a track's audio. main = the clips' own sound.
    With ``span`` only that range of time changes (the track's segments are split at its ends)."""

    op: Literal["set_volume"] = "set_volume"
    role: AudioRole = "music"
    volume: float | None = Field(None, ge=0.0, le=4.0, description="linear gain to set")
    factor: float | None = Field(None, gt=0.0, le=16.0, description="multiply the current gain")
    span: Span | None = Field(None, description="only this range of time (music/voice); None = the whole track")
    target: Target | None = Field(None, description="role main only: this clip's own sound; None = every clip's")


class SetFade(_Op):
    op: Literal["set_fade"] = "set_fade"
    role: AudioRole = "music"
    fade_in_ms: Ms | None = None
    fade_out_ms: Ms | None = None


class SetDuck(_Op):
    """Duck the music under the voice; with ``span``, only in that range of time (and not elsewhere)."""

    op: Literal["set_duck"] = "set_duck"
    on: bool = True
    depth: float | None = Field(None, ge=0.5, le=4.0, description="how far the music steps back under the voice: "
                                                                 "1 = the usual, higher = further; None = keep")
    span: Span | None = Field(None, description="only this range of time; None = the whole track")


class RemoveTrack(_Op):
    op: Literal["remove_track"] = "remove_track"
    role: Role


class ReplaceMusic(_Op):
    op: Literal["replace_music"] = "replace_music"
    asset_id: str = Field(min_length=1)
    sound: tuple[Ms, Ms] | None = Field(
        None, description="where the music's sound starts and ends in its file, ms (the session measures it): "
                          "the bed starts where the sound does and loops without the silent ends; None = whole")


# -- look ------------------------------------------------------------------------------------
class SetTransition(_Op):
    op: Literal["set_transition"] = "set_transition"
    target: Target | None = Field(None, description="the segment the transition leads INTO; None = all")
    kind: Transition
    duration_ms: Ms | None = Field(None, description="None = keep / 500 ms default")


class SetMotion(_Op):
    op: Literal["set_motion"] = "set_motion"
    target: Target | None = Field(None, description="None = every still")
    motion: Motion | Literal["auto"] = Field(description="'none' = off; 'auto' = vary the Ken Burns moves")


class SetMotionAmount(_Op):
    """How far the stills' zooms and pans go ("subtler zoom", "stronger Ken Burns"): ``amount``
    the share a zoom's view shrinks or a pan's travels over the shot (0.12 = the usual), or
    ``factor`` times each one's own; the direction of each move is kept."""

    op: Literal["set_motion_amount"] = "set_motion_amount"
    target: Target | None = Field(None, description="None = every still that moves")
    amount: float | None = Field(None, ge=MOTION_AMOUNT_MIN, le=MOTION_AMOUNT_MAX)
    factor: float | None = Field(None, gt=0.0, le=4.0, description="e.g. 0.5 = half as far, 2 = twice as far")

    @model_validator(mode="after")
    def _one(self) -> SetMotionAmount:
        if (self.amount is None) == (self.factor is None):
            raise ValueError("give amount or factor")
        return self


class SetFrame(_Op):
    op: Literal["set_frame"] = "set_frame"
    aspect: Literal["16:9", "9:16", "1:1", "4:5"] | None = None
    resolution: Literal["480p", "720p", "1080p", "1440p", "4k"] | None = None
    fps: Literal[24, 25, 30, 50, 60] | None = Field(None, description="frames per second (30 unless asked)")


class SetFit(_Op):
    op: Literal["set_fit"] = "set_fit"
    target: Target | None = None
    fit: Fit


class SetBackground(_Op):
    """Colour (or blur) behind a source that does not fill the frame."""

    op: Literal["set_background"] = "set_background"
    color: Color | None = None
    blur: bool = False


class SetCaptionMode(_Op):
    """Captions drawn on the picture, or delivered only as SRT/WebVTT files beside the export."""

    op: Literal["set_caption_mode"] = "set_caption_mode"
    burn: bool = Field(description="True: burned into the picture; False: separate files only")


class AddLogo(_Op):
    op: Literal["add_logo"] = "add_logo"
    asset_id: str = Field(min_length=1)
    position: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"
    scale: float = Field(0.15, gt=0.0, le=1.0)
    opacity: float = Field(1.0, ge=0.0, le=1.0)
    timing: Timing | None = Field(None, description="when it shows; None = as it does now (a new logo: the whole video)")


# -- AI results, carried as data -------------------------------------------------------------
# The session runs the models (side effects at the edge) and emits these with the results, so
# `apply` stays pure and undo/redo never re-run a model.
Share = Annotated[float, Field(ge=0.0, le=1.0)]


class Cue(_Op):
    """One caption cue on the timeline (already shifted to timeline time)."""

    start_ms: Ms
    end_ms: PositiveMs
    text: str = Field(min_length=1, description="at most two lines, joined by a newline")
    shot: str | None = Field(None, description="id of the clip whose own speech this is: it moves with that clip")


class CaptionStyle(_Op):
    position: Position = Position.BOTTOM
    size: TextSize = TextSize.LARGE
    color: Color = "#FFFFFF"
    background: TextBackground | None = Field(None, description="none given: the look's caption box")


class SetCaptions(_Op):
    """Replace the caption track with these cues (social style: bottom, large, in the look's caption box)."""

    op: Literal["set_captions"] = "set_captions"
    cues: list[Cue] = Field(min_length=1)
    style: CaptionStyle = CaptionStyle()
    source: Literal["voice", "clip", "script"] = "voice"


class AddVoiceover(_Op):
    """Put an audio asset on the voice track (replacing the voiceover there), from ``start_ms``."""

    op: Literal["add_voiceover"] = "add_voiceover"
    asset_id: str = Field(min_length=1)
    start_ms: Ms = 0
    volume: float = Field(1.0, ge=0.0, le=4.0)


class SetFocus(_Op):
    """Subject centre of pictures as shares of the source frame (a cover crop keeps it in view);
    fx/fy None = centre crop."""

    op: Literal["set_focus"] = "set_focus"
    target: Target | None = Field(None, description="None = every shot on the main track")
    fx: Share | None = None
    fy: Share | None = None
    box: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the subject box (x0, y0, x1, y1) as shares of the source: crops, zooms and pans keep it whole")
    core: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the part of the subject box that is surely it (a face), as shares of the source: text keeps "
                          "off it (None = the whole box)")
    fit: Fit | None = Field(None, description="cover, or blur when no crop of the frame's shape can hold the subject")


class CallShot(_Op):
    """What the user called a shot whose file name does not say it ("the peonies" for IMG_7710.jpg), read
    from the order a first instruction listed: later edits may call it so."""

    op: Literal["call_shot"] = "call_shot"
    target: Target
    said: str = Field(min_length=1, max_length=80)


class SetBackdrop(_Op):
    """A picture with transparency (a logo, a product cut out) on a plain colour that contrasts
    with it instead of the video's background, and, shown whole, filling at most ``room`` of the
    frame (a logo end card with space around it)."""

    op: Literal["set_backdrop"] = "set_backdrop"
    target: Target
    color: Color | None = Field(None, description="None = the timeline's background")
    room: float = Field(1.0, gt=0.0, le=1.0, description="the share of the frame the picture may fill when shown whole")


class SetStyle(_Op):
    """A named look for the whole video: text weight and animation, caption box, transitions
    (see `reelforge.timeline.styles`)."""

    op: Literal["set_style"] = "set_style"
    style: Literal["clean", "bold", "minimal", "playful"]


class SetGrade(_Op):
    """The pictures' colour for the whole video (text and logos keep theirs): the values given
    are set, the rest kept. ("make it black and white", "a bit brighter", "more contrast", "warmer",
    "vintage look")"""

    op: Literal["set_grade"] = "set_grade"
    saturation: float | None = Field(None, ge=0.0, le=3.0, description="0 = black and white, 1 = as shot")
    brightness: float | None = Field(None, ge=-0.5, le=0.5, description="0 = as shot; +0.1 a little brighter")
    contrast: float | None = Field(None, ge=0.25, le=3.0, description="1 = as shot")
    warmth: float | None = Field(None, ge=-1.0, le=1.0, description="white balance: 0 = as shot; +0.3 a little "
                                                                    "warmer (amber), -0.3 a little cooler (blue)")
    tint: float | None = Field(None, ge=-1.0, le=1.0, description="0 = as shot; +0.3 a little pinker (magenta), "
                                                                  "-0.3 a little greener")


class SetVideoFade(_Op):
    """The picture fades in from black at the video's start and/or out to black at its end, text and
    logos with it (``0`` = no fade; None = keep). The sound's fades are `SetFade`'s."""

    op: Literal["set_video_fade"] = "set_video_fade"
    fade_in_ms: Ms | None = Field(None, le=60_000)
    fade_out_ms: Ms | None = Field(None, le=60_000)

    @model_validator(mode="after")
    def _one(self) -> SetVideoFade:
        if self.fade_in_ms is None and self.fade_out_ms is None:
            raise ValueError("give fade_in_ms or fade_out_ms")
        return self


class BeatSync(_Op):
    """Re-time the main track so picture changes land on these beats (hard cuts, same length)."""

    op: Literal["beat_sync"] = "beat_sync"
    beat_times_ms: list[Annotated[int, Field(ge=0)]] = Field(min_length=1, description="beats in the music's own time")
    offset_ms: int = Field(0, description="timeline time of the music's 0 ms")
    bpm: float | None = Field(None, gt=0)


class SetInPoint(_Op):
    """Where a clip (or the voiceover) starts in its source, and optionally how long it plays."""

    op: Literal["set_in_point"] = "set_in_point"
    target: Target
    in_ms: Ms
    duration_ms: PositiveMs | None = None


class SetAudioTiming(_Op):
    """When a sound track plays: where its sound starts on the timeline (``start_ms``, or ``by_ms``
    later; negative: earlier) and/or from where in its source (``from_ms``), and/or where it stops
    (``end_ms``). Its pieces move together; the music still ends with the video unless told to stop,
    and captions timed to the voice move with it. ("start the music at 5 seconds", "delay the
    voiceover by 1 second", "start the song from 0:30", "stop the music at 20 seconds")"""

    op: Literal["set_audio_timing"] = "set_audio_timing"
    role: Literal["music", "voice"] = "music"
    start_ms: Ms | None = Field(None, description="the track's sound starts at this time of the video")
    by_ms: int | None = Field(None, ge=-3_600_000, le=3_600_000,
                              description="or: the track plays this much later (negative: earlier)")
    from_ms: Ms | None = Field(None, description="the track plays from this point of its source")
    end_ms: Ms | None = Field(None, description="the track's sound stops at this time of the video, fading out "
                                                "(\"stop the music at 20 seconds\")")

    @model_validator(mode="after")
    def _one_start(self) -> SetAudioTiming:
        if self.start_ms is not None and self.by_ms is not None:
            raise ValueError("give start_ms or by_ms, not both")
        if self.start_ms is None and self.by_ms is None and self.from_ms is None and self.end_ms is None:
            raise ValueError("give start_ms, by_ms, from_ms or end_ms")
        if self.start_ms is not None and self.end_ms is not None and self.end_ms <= self.start_ms:
            raise ValueError("end_ms must come after start_ms")
        return self


class ApplyBrand(_Op):
    """A brand kit (validated `reelforge.ai.brand.Brand` data) with its ingested card/logo assets."""

    op: Literal["apply_brand"] = "apply_brand"
    brand: dict[str, Any]
    logo_asset_id: str | None = None
    intro_asset_id: str | None = None
    outro_asset_id: str | None = None


# -- requests the session turns into the data ops above (they run a model) --------------------
class AutoCaptions(_Op):
    op: Literal["auto_captions"] = "auto_captions"
    language: str | None = Field(None, description="en, zh, ...; None = detect")
    lines: int = Field(2, ge=1, le=2, description="lines per cue: 2 = the usual, 1 = short one-line cues")


class Voiceover(_Op):
    op: Literal["voiceover"] = "voiceover"
    text: str | None = Field(None, min_length=1, description="what the voice says")
    script_file: str | None = Field(None, min_length=1, description="a text file with the script")
    language: str | None = None
    captions: bool = False


class SmartReframe(_Op):
    op: Literal["smart_reframe"] = "smart_reframe"
    on: bool = True


class CutToBeat(_Op):
    op: Literal["cut_to_beat"] = "cut_to_beat"


class UseHighlight(_Op):
    op: Literal["use_highlight"] = "use_highlight"
    target: Target | None = Field(None, description="None = every clip longer than its slot")
    seconds: float | None = Field(None, gt=0, le=600, description="None = keep the slot's length")


class TrimSilence(_Op):
    op: Literal["trim_silence"] = "trim_silence"
    role: Literal["voice", "music"] = "voice"


class PlaceAtWords(_Op):
    """Play a clip where the voiceover says these words, the voiceover pausing for it ("put the
    testimonial after 'here is what our travellers say'"): the session finds the words in the speech
    and makes it a `PlaceInVoice`."""

    op: Literal["place_at_words"] = "place_at_words"
    target: Target = Field(description="the clip")
    words: str = Field(min_length=1, max_length=200, description="what the voiceover says just before it")


class UseBrand(_Op):
    op: Literal["use_brand"] = "use_brand"
    path: str | None = Field(None, description="brand file; None = the session's / project folder's")


MAX_HISTORY = 50  # steps of history a session keeps (so the most undos an instruction can ask for)


class Undo(_Op):
    op: Literal["undo"] = "undo"


class Redo(_Op):
    op: Literal["redo"] = "redo"


OP_TYPES: tuple[type[_Op], ...] = (
    AddSegment, RemoveSegment, MoveSegment, SwapSegments, ReverseOrder, ReorderSegments, ReplaceSource, TrimSegment,
    TrimVideo, SetSegmentDuration, SetTotalDuration, FitToVoice, SetSpeed, SetClipAudio, PlaceInVoice, AddText, UpdateText,
    RemoveText, SetVolume, SetFade, SetDuck, RemoveTrack, ReplaceMusic, SetTransition, SetMotion, SetMotionAmount,
    SetFrame, SetFit, SetBackground, SetCaptionMode, AddLogo, SetCaptions, AddVoiceover, SetFocus, SetBackdrop, CallShot, SetStyle, SetGrade, SetVideoFade, BeatSync,
    SetInPoint, SetAudioTiming, ApplyBrand, AutoCaptions, Voiceover, SmartReframe, CutToBeat, UseHighlight, TrimSilence,
    PlaceAtWords, UseBrand, Undo, Redo,
)
# ops the session resolves (by running a model) into data ops before anything is applied
REQUEST_TYPES: tuple[type[_Op], ...] = (AutoCaptions, Voiceover, SmartReframe, CutToBeat, UseHighlight, TrimSilence,
                                        PlaceAtWords, UseBrand)

Op = Annotated[AddSegment | RemoveSegment | MoveSegment | SwapSegments | ReverseOrder | ReorderSegments | ReplaceSource | TrimSegment | TrimVideo | SetSegmentDuration | SetTotalDuration | FitToVoice | SetSpeed | SetClipAudio | PlaceInVoice | AddText | UpdateText | RemoveText | SetVolume | SetFade | SetDuck | RemoveTrack | ReplaceMusic | SetTransition | SetMotion | SetMotionAmount | SetFrame | SetFit | SetBackground | SetCaptionMode | AddLogo | SetCaptions | AddVoiceover | SetFocus | SetBackdrop | CallShot | SetStyle | SetGrade | SetVideoFade | BeatSync | SetInPoint | SetAudioTiming | ApplyBrand | AutoCaptions | Voiceover | SmartReframe | CutToBeat | UseHighlight | TrimSilence | PlaceAtWords | UseBrand | Undo | Redo, Field(discriminator="op")]

_OPS = TypeAdapter(list[Op])
_OP = TypeAdapter(Op)


class OpList(BaseModel):
    """The LLM tool's argument object."""

    model_config = ConfigDict(extra="forbid")
    ops: list[Op] = Field(description="edit operations, applied in order")


def parse_op(data: Any) -> Op:
    try:
        return _OP.validate_python(data)
    except ValidationError as exc:
        raise PlanError(f"invalid edit op: {brief(exc)}") from exc


def parse_ops(data: Any) -> list[Op]:
    """Validate plain data (a list of dicts) into ops, raising `PlanError` with a short reason."""
    try:
        return _OPS.validate_python(data)
    except ValidationError as exc:
        raise PlanError(f"invalid edit ops: {brief(exc)}") from exc


def dump_ops(ops: list[Op] | tuple[Op, ...]) -> list[dict[str, Any]]:
    """Ops as plain JSON-able dicts (defaults left out: compact and comparable)."""
    return [o.model_dump(mode="json", exclude_defaults=True) | {"op": o.op} for o in ops]


def ops_json_schema() -> dict[str, Any]:
    """JSON Schema of ``{"ops": [...]}`` — the parameters of the LLM tool."""
    return OpList.model_json_schema()


def brief(exc: ValidationError) -> str:
    """A validation error in a line: where and what, for the first three problems."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
