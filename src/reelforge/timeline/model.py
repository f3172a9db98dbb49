"""The timeline: frozen, versioned, typed data with integer milliseconds.

A `Timeline` holds the output frame, the total duration, the assets it refers to (so a
saved timeline renders on its own) and tracks of segments. Edits never mutate: they return
a new timeline (`model_copy(update=...)` or the helpers here).

Conventions
- Every time is an integer number of milliseconds.
- Tracks are listed bottom layer first.
- On a video track, segment ``i`` may start before segment ``i-1`` ends by exactly its own
  ``transition_ms`` (the transition *into* it overlaps the previous one); otherwise segments
  on a track never overlap. Gaps show the background colour (video) or silence (audio).
- Nothing in this package imports from the rest of reelforge except `reelforge.errors`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reelforge.errors import InvalidTimeline

SCHEMA_VERSION = 1

Ms = Annotated[int, Field(ge=0, description="milliseconds")]
PositiveMs = Annotated[int, Field(gt=0, description="milliseconds, > 0")]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
# How far a still's zoom or pan goes: the share by which the view shrinks over a zoom, or
# travels over a pan. The usual move is slow (12 %); "subtle" and "dramatic" are 6 % and 25 %.
MOTION_AMOUNT = 0.12
Entrance = Literal["fade", "slide", "scale"]  # how a text comes in (it always fades out)
MOTION_AMOUNT_MIN, MOTION_AMOUNT_MAX = 0.03, 0.3  # past 30 % a 3 s pan jitters over 0.25 px (docs/framing.md)
# the moves described rather than measured: "subtle zoom", "dramatic Ken Burns", a brand's `motion:`
MOTION_AMOUNTS = {"subtle": round(MOTION_AMOUNT / 2, 3), "usual": MOTION_AMOUNT, "dramatic": round(MOTION_AMOUNT * 2, 3)}


def motion_amount_within(amount: float) -> float:
    """``amount`` brought inside the range a move may go (to the thousandth)."""
    return round(min(max(amount, MOTION_AMOUNT_MIN), MOTION_AMOUNT_MAX), 3)
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$", description="#RRGGBB or #RRGGBBAA")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class AssetKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


class TrackKind(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    TEXT = "text"


class Role(StrEnum):
    MAIN = "main"
    OVERLAY = "overlay"
    VOICE = "voice"
    MUSIC = "music"
    SFX = "sfx"
    TITLE = "title"
    CAPTION = "caption"
    CTA = "cta"
    LOGO = "logo"


ROLE_KIND: dict[Role, TrackKind] = {
    Role.MAIN: TrackKind.VIDEO, Role.OVERLAY: TrackKind.VIDEO, Role.LOGO: TrackKind.VIDEO,
    Role.VOICE: TrackKind.AUDIO, Role.MUSIC: TrackKind.AUDIO, Role.SFX: TrackKind.AUDIO,
    Role.TITLE: TrackKind.TEXT, Role.CAPTION: TrackKind.TEXT, Role.CTA: TrackKind.TEXT,
}


class Motion(StrEnum):
    NONE = "none"
    ZOOM_IN = "zoom-in"
    ZOOM_OUT = "zoom-out"
    PAN_LEFT = "pan-left"
    PAN_RIGHT = "pan-right"
    PAN_UP = "pan-up"
    PAN_DOWN = "pan-down"


class Transition(StrEnum):
    """Transition into a segment from the one before it."""

    CUT = "cut"
    CROSSFADE = "crossfade"
    FADE_BLACK = "fade-black"
    SLIDE_LEFT = "slide-left"
    SLIDE_RIGHT = "slide-right"
    WIPE_LEFT = "wipe-left"
    WIPE_RIGHT = "wipe-right"


class Fit(StrEnum):
    """How a source fills the frame: crop to cover, letterbox, or letterbox on a blurred copy."""

    COVER = "cover"
    CONTAIN = "contain"
    BLUR = "blur"


class Position(StrEnum):
    TOP = "top"
    CENTER = "center"
    BOTTOM = "bottom"
    TOP_LEFT = "top-left"
    TOP_RIGHT = "top-right"
    CENTER_LEFT = "center-left"
    CENTER_RIGHT = "center-right"
    BOTTOM_LEFT = "bottom-left"
    BOTTOM_RIGHT = "bottom-right"


class TextSize(StrEnum):
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    XLARGE = "xlarge"


class TextBackground(StrEnum):
    """What keeps text legible on any picture."""

    SHADOW = "shadow"
    BOX = "box"
    NONE = "none"


class Asset(_Frozen):
    """A probed media file the timeline refers to by ``id``.

    ``width``/``height`` are the *display* size (rotation and EXIF orientation applied).
    ``path`` is the file to decode; for photos ingest may point it at an upright copy.
    """

    id: str = Field(min_length=1)
    path: str
    name: str = Field(description="original file name, for people")
    kind: AssetKind
    width: int = Field(0, ge=0)
    height: int = Field(0, ge=0)
    duration_ms: Ms = Field(0, description="0 for still images")
    fps: float = Field(0.0, ge=0)
    has_audio: bool = False
    rotation: int = Field(0, description="degrees the decoder must turn the picture")
    size_bytes: int = Field(0, ge=0)
    format: str = Field("", description="container/codec family found by probing")


class _SegmentBase(_Frozen):
    id: str = Field(min_length=1)
    start: Ms = Field(description="start on the timeline")
    duration: PositiveMs

    @property
    def end(self) -> int:
        return self.start + self.duration


class VideoSegment(_SegmentBase):
    """A clip or a still on a video track."""

    kind: Literal["video"] = "video"
    src: str = Field(description="asset id")
    name: str = ""
    in_ms: Ms = Field(0, description="in-point in the source")
    motion: Motion = Motion.NONE
    motion_amount: float = Field(
        MOTION_AMOUNT, ge=MOTION_AMOUNT_MIN, le=MOTION_AMOUNT_MAX,
        description="how far the motion goes: the share by which a zoom's view shrinks or a pan's travels")
    transition: Transition = Transition.CUT
    transition_ms: Ms = 0
    speed: float = Field(1.0, ge=0.25, le=4.0)
    mute: bool = Field(False, description="drop the clip's own sound")
    volume: float = Field(1.0, ge=0.0, le=4.0, description="gain of the clip's own sound")
    fit: Fit = Fit.COVER
    fit_locked: bool = Field(
        False, description="the fit is the user's ('fill the frame', 'blurred background', 'show the whole "
                           "picture'): subject framing and the room made for text leave it as it is")
    focus: tuple[Share, Share] | None = Field(
        None, description="subject centre (x, y) as shares of the source frame; a cover crop keeps it in view "
                          "(None = centre)")
    subject: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the subject's box (x0, y0, x1, y1) as shares of the source frame, when one was "
                          "found: the cover crop, the zoom target and the pan path keep it whole; text and logos "
                          "are laid out off its core (None = no known subject)")
    core: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the part of the subject that is surely it (a face; the heart of a salient region), "
                          "x0, y0, x1, y1 as shares of the source frame: text and logos keep off it "
                          "(None = the whole subject box)")
    said: str = Field("", max_length=80, description="what the user called this shot when it gave the order "
                                                   "(\"the peonies\" for IMG_7710.jpg): later edits may call it so")
    backdrop: Color | None = Field(
        None, description="the plain colour under a picture's transparency and around it when it is shown whole "
                          "(a logo end card, a product cut out): None = the timeline's background")
    # placement, for overlay/logo tracks (main-track segments fill the frame, but a picture shown
    # whole on its backdrop may fill only ``scale`` of it: a logo end card with room around it)
    position: Position = Position.CENTER
    scale: float = Field(1.0, gt=0.0, le=1.0, description="width as a share of the frame (overlays); for a "
                                                          "contained main-track picture, the share of the frame it may fill")
    opacity: float = Field(1.0, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _transition_fits(self) -> VideoSegment:
        if self.transition is Transition.CUT and self.transition_ms:
            raise ValueError("a cut has no transition duration")
        if self.transition_ms * 2 > self.duration:
            raise ValueError("transition longer than half the segment")
        for box in (self.subject, self.core):
            if box is not None and not (box[0] < box[2] and box[1] < box[3]):
                raise ValueError("a subject box needs x0 < x1 and y0 < y1")
        return self


class AudioSegment(_SegmentBase):
    kind: Literal["audio"] = "audio"
    src: str
    name: str = ""
    in_ms: Ms = 0
    volume: float = Field(1.0, ge=0.0, le=4.0, description="linear gain, 1.0 = unchanged")
    fade_in_ms: Ms = 0
    fade_out_ms: Ms = 0
    duck: bool = Field(False, description="lower under the voice track")
    duck_depth: float = Field(1.0, ge=0.5, le=4.0, description="how far a ducked track steps back under the voice: "
                                                               "1 = the usual, higher = further, 0.5 = lighter (the compressor's "
                                                               "threshold is divided by its square, its release by "
                                                               "it, so the music comes back between sentences)")
    loop: bool = Field(False, description="repeat the source when it is shorter than the segment")
    loop_start_ms: Ms = Field(0, description="where each repeat of a loop starts in the source")
    loop_end_ms: Ms | None = Field(
        None, description="where a loop wraps back to loop_start_ms (None = the source's end): a music bed's "
                          "silent tail is left out of its loop")

    @model_validator(mode="after")
    def _loop_region(self) -> AudioSegment:
        if self.loop_end_ms is not None and self.loop_end_ms <= self.loop_start_ms:
            raise ValueError("a loop needs loop_start_ms < loop_end_ms")
        return self


def loop_position(pos_ms: int, loop_start_ms: int, loop_end_ms: int | None, source_ms: int) -> int:
    """Where in the source a loop that has played on to ``pos_ms`` (unwrapped: the in-point plus the
    time played) is: positions past the loop end come round into ``loop_start_ms..loop_end_ms``."""
    end = min(loop_end_ms, source_ms) if loop_end_ms is not None else source_ms
    if pos_ms < end or end <= loop_start_ms:
        return pos_ms
    return loop_start_ms + (pos_ms - end) % (end - loop_start_ms)


class TextSegment(_SegmentBase):
    kind: Literal["text"] = "text"
    text: str = Field(min_length=1)
    position: Position = Position.CENTER
    size: TextSize = TextSize.MEDIUM
    color: Color = "#FFFFFF"
    background: TextBackground = TextBackground.SHADOW
    box_color: Color | None = Field(None, description="the box's colour when ``background`` is a box "
                                                       "(#RRGGBB is solid); None = the usual dark box "
                                                       "(a caption's: the style's)")
    bold: bool = True
    weight: int | None = Field(None, ge=100, le=900, description="font weight asked for ('make the text bold': 800); "
                                                                  "the style's weight when heavier; None = the style's")
    fade_in_ms: Ms = 300
    fade_out_ms: Ms = 300
    entrance: Entrance | None = Field(None, description="how it comes in: fades, slides up or scales in "
                                                         "(None = the style's)")
    shot: str | None = Field(None, description="id of the main-track shot a caption belongs to: edits that move, "
                                               "trim or remove that shot carry the caption with it")


Segment = Annotated[VideoSegment | AudioSegment | TextSegment, Field(discriminator="kind")]

_SEGMENT_KIND = {TrackKind.VIDEO: VideoSegment, TrackKind.AUDIO: AudioSegment, TrackKind.TEXT: TextSegment}


class Track(_Frozen):
    id: str = Field(min_length=1)
    kind: TrackKind
    role: Role
    segments: tuple[Segment, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Track:
        if ROLE_KIND[self.role] is not self.kind:
            raise ValueError(f"role {self.role.value} does not belong on a {self.kind.value} track")
        want = _SEGMENT_KIND[self.kind]
        prev = None
        for seg in self.segments:
            if not isinstance(seg, want):
                raise ValueError(f"{seg.kind} segment {seg.id} on a {self.kind.value} track")
            if prev is not None:
                overlap = seg.transition_ms if isinstance(seg, VideoSegment) else 0
                if seg.start < prev.start:
                    raise ValueError(f"segments out of order on track {self.id}")
                if seg.start < prev.end - overlap:
                    raise ValueError(f"segment {seg.id} overlaps {prev.id} on track {self.id}")
                if overlap and seg.start != prev.end - overlap:
                    raise ValueError(f"segment {seg.id}: a transition must overlap the previous segment exactly")
            prev = seg
        return self

    @property
    def end(self) -> int:
        return max((s.end for s in self.segments), default=0)


class Grade(_Frozen):
    """The pictures' colour, for the whole video (text and logos keep theirs): ffmpeg's ``eq``."""

    saturation: float = Field(1.0, ge=0.0, le=3.0, description="0 = black and white, 1 = as shot")
    brightness: float = Field(0.0, ge=-0.5, le=0.5, description="added to the picture's level, 0 = as shot")
    contrast: float = Field(1.0, ge=0.25, le=3.0, description="1 = as shot")
    warmth: float = Field(0.0, ge=-1.0, le=1.0, description="white balance: +1 warm (amber), -1 cool (blue), "
                                                            "0 = as shot; with saturation 0 a warm grade is sepia")
    tint: float = Field(0.0, ge=-1.0, le=1.0, description="the other white balance axis: +1 pink (magenta), "
                                                          "-1 green, 0 = as shot")

    @property
    def neutral(self) -> bool:
        return (self.saturation, self.brightness, self.contrast, self.warmth, self.tint) == (1.0, 0.0, 1.0, 0.0, 0.0)

    @property
    def look(self) -> str | None:
        """The named look this grade is ("vintage", "sepia"), if it is one."""
        return next((name for name, v in GRADE_LOOKS.items() if self == Grade(**v)), None)


# named looks of the colour grade ("vintage look", "sepia"), set whole
GRADE_LOOKS: dict[str, dict[str, float]] = {
    "vintage": {"saturation": 0.7, "contrast": 0.9, "brightness": 0.03, "warmth": 0.5},  # a faded warm print
    "sepia": {"saturation": 0.0, "warmth": 0.8},
    "moody": {"saturation": 0.8, "contrast": 1.15, "brightness": -0.06, "warmth": -0.2},  # darker, cooler, deeper shadows
}


class Timeline(_Frozen):
    """The whole edit. Serialise with `to_json`, read back with `Timeline.from_json`."""

    version: Literal[1] = SCHEMA_VERSION
    width: int = Field(1920, ge=16, le=7680, multiple_of=2)
    height: int = Field(1080, ge=16, le=7680, multiple_of=2)
    fps: int = Field(30, ge=1, le=120)
    duration: PositiveMs
    background: Color = "#000000"
    loudness: float = Field(-14.0, ge=-40.0, le=-5.0, description="integrated loudness target, LUFS")
    style: str = Field("clean", pattern=r"^[a-z][a-z0-9-]{0,31}$",
                       description="named look: typeface, text animation, caption box, transitions, pacing")
    burn_captions: bool = Field(True, description="draw the caption tracks on the picture; False = captions only "
                                                  "as SRT/WebVTT files beside the export")
    grade: Grade = Field(default_factory=Grade, description="the pictures' colour (black and white, brighter, ...)")
    fade_in_ms: Ms = Field(0, description="the picture fades in from black over the video's first ms (text and "
                                          "logos with it; the sound keeps its own fades)")
    fade_out_ms: Ms = Field(0, description="the picture fades to black over the video's last ms, the last frame "
                                           "black (text and logos with it)")
    assets: tuple[Asset, ...] = ()
    tracks: tuple[Track, ...] = ()

    @field_validator("assets")
    @classmethod
    def _unique_assets(cls, assets: tuple[Asset, ...]) -> tuple[Asset, ...]:
        ids = [a.id for a in assets]
        if len(ids) != len(set(ids)):
            raise ValueError("asset ids must be unique")
        return assets

    @model_validator(mode="after")
    def _refs_and_bounds(self) -> Timeline:
        ids = {a.id for a in self.assets}
        seg_ids: set[str] = set()
        track_ids: set[str] = set()
        for track in self.tracks:
            if track.id in track_ids:
                raise ValueError(f"duplicate track id {track.id}")
            track_ids.add(track.id)
            for seg in track.segments:
                if seg.id in seg_ids:
                    raise ValueError(f"duplicate segment id {seg.id}")
                seg_ids.add(seg.id)
                src = getattr(seg, "src", None)
                if src is not None and src not in ids:
                    raise ValueError(f"segment {seg.id} refers to unknown asset {src}")
                if seg.end > self.duration:
                    raise ValueError(f"segment {seg.id} ends at {seg.end} ms, after the timeline ({self.duration} ms)")
        return self

    # -- lookups -----------------------------------------------------------------------
    def asset(self, asset_id: str) -> Asset:
        for a in self.assets:
            if a.id == asset_id:
                return a
        raise KeyError(asset_id)

    def tracks_by_role(self, role: Role) -> tuple[Track, ...]:
        return tuple(t for t in self.tracks if t.role is role)

    def track(self, role: Role) -> Track | None:
        """The first track with this role, if any."""
        found = self.tracks_by_role(role)
        return found[0] if found else None

    # -- (de)serialisation ------------------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Timeline:
        from pydantic import ValidationError

        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            raise InvalidTimeline(_explain(exc)) from exc


def _explain(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "timeline"
            parts.append(f"{where}: {err['msg']}")
        return "invalid timeline: " + "; ".join(parts)
    return f"invalid timeline: {exc}"


def replace(model, **changes):
    """A validated copy of any model with some fields changed (``model_copy`` skips validation)."""
    from pydantic import ValidationError

    data = {name: getattr(model, name) for name in type(model).model_fields}
    data.update(changes)
    try:
        return type(model).model_validate(data)
    except ValidationError as exc:
        raise InvalidTimeline(_explain(exc)) from exc


def build(**fields) -> Timeline:
    """Validate fields into a Timeline, raising `InvalidTimeline` with a readable message."""
    from pydantic import ValidationError

    try:
        return Timeline.model_validate(fields)
    except ValidationError as exc:
        raise InvalidTimeline(_explain(exc)) from exc


def json_schema() -> dict:
    """The published JSON Schema of the timeline document."""
    schema = Timeline.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://reelforge.dev/schema/timeline-v{SCHEMA_VERSION}.json"
    return schema
