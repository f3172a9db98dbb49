"""Editly specs (https://github.com/mifi/editly) mapped onto a reelforge timeline.

    spec = load_spec("promo.json5")                 # JSON5, as Editly reads it
    mapped = to_timeline(spec, base_dir, workdir)   # Mapped(timeline, output, notes)

Clips play in sequence; each clip's first full-frame ``image`` or ``video`` layer is the shot on
the main track, further pictures (``image-overlay``, smaller videos) go on the overlay track,
``title`` / ``subtitle`` layers become text, ``audio`` / ``detached-audio`` layers and
``audioTracks`` / ``audioFilePath`` become audio tracks. A transition at the end of a clip becomes
the transition into the next one (overlapping it, as in Editly, clamped to half of either clip).
Layer types that have no reelforge counterpart (``gl``, ``canvas``, ``fabric``, gradients,
``rainbow-colors``, ``news-title``, ``slide-in-text``) are refused, one line each; settings that map
only roughly (a GL transition shown as a crossfade, a free position snapped to the nearest of
nine) are named in ``notes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelforge.errors import ReelforgeError
from reelforge.interop.tracks import lanes
from reelforge.timeline.model import (
    MOTION_AMOUNT,
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
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
)

SUPPORTED = ("image", "video", "title", "subtitle", "title-background", "image-overlay", "audio",
             "detached-audio", "fill-color", "pause")
UNSUPPORTED = ("gl", "canvas", "fabric", "linear-gradient", "radial-gradient", "rainbow-colors", "news-title",
               "slide-in-text")
_FIT = {"cover": Fit.COVER, "contain": Fit.CONTAIN, "contain-blur": Fit.BLUR, "stretch": Fit.COVER}
_MOTION = {"in": Motion.ZOOM_IN, "out": Motion.ZOOM_OUT, "left": Motion.PAN_LEFT, "right": Motion.PAN_RIGHT,
           None: Motion.NONE}
_TRANSITION = {"fade": Transition.CROSSFADE, "crossfade": Transition.CROSSFADE, "fadeblack": Transition.FADE_BLACK,
               "fadecolor": Transition.FADE_BLACK, "directional-left": Transition.SLIDE_LEFT,
               "directional-right": Transition.SLIDE_RIGHT, "wipeleft": Transition.WIPE_LEFT,
               "wipeLeft": Transition.WIPE_LEFT, "wiperight": Transition.WIPE_RIGHT,
               "wipeRight": Transition.WIPE_RIGHT, "dummy": Transition.CUT, "random": Transition.CROSSFADE}
_POSITIONS = {p.value: p for p in Position}


class EditlySpecError(ReelforgeError):
    code = 1


@dataclass
class Mapped:
    timeline: Timeline
    output: str | None  # the spec's outPath, if any
    notes: list[str] = field(default_factory=list)


def looks_like_editly(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("clips"), list) and "tracks" not in data


def load_spec(path: str | Path) -> dict[str, Any]:
    """Read a JSON5 (or JSON) spec."""
    import json5

    path = Path(path)
    try:
        data = json5.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EditlySpecError(f"{path.name} is not valid JSON5: {exc}") from None
    if not looks_like_editly(data):
        raise EditlySpecError(f"{path.name} is not an Editly spec (it has no clips list)")
    return data


def to_timeline(spec: dict[str, Any], base_dir: str | Path, *, workdir: str | Path | None = None) -> Mapped:
    """Map ``spec`` (file paths relative to ``base_dir``) onto a timeline; the files are probed."""
    return _Mapper(spec, Path(base_dir), workdir).run()


def _seconds(value: Any, where: str, default: float | None = None) -> float | None:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise EditlySpecError(f"{where}: must be a number of seconds, not {value!r}")
    return float(value)


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def _color(value: Any, where: str, default: str = "#FFFFFF") -> str:
    if value is None:
        return default
    from PIL import ImageColor

    try:
        rgb = ImageColor.getrgb(str(value))
    except ValueError:
        raise EditlySpecError(f"{where}: unknown colour {value!r}") from None
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])


class _Mapper:
    def __init__(self, spec: dict[str, Any], base: Path, workdir: str | Path | None) -> None:
        self.spec, self.base, self.workdir = spec, base, workdir
        self.notes: list[str] = []
        self.assets: dict[str, Asset] = {}
        defaults = spec.get("defaults") or {}
        self.default_duration = _seconds(defaults.get("duration"), "defaults.duration", 4.0)
        self.default_transition = defaults.get("transition", {"name": "random", "duration": 0.5})
        self.layer_defaults = defaults.get("layer") or {}
        self.type_defaults = defaults.get("layerType") or {}
        self.keep_source_audio = bool(spec.get("keepSourceAudio", False))
        self.clips_volume = float(spec.get("clipsAudioVolume", 1) or 0)

    # -- files ---------------------------------------------------------------------------
    def asset(self, path: Any, where: str) -> Asset:
        from reelforge.errors import MediaError
        from reelforge.media import ingest

        if not isinstance(path, str) or not path:
            raise EditlySpecError(f"{where}: a layer needs a path")
        if "://" in path:
            raise EditlySpecError(f"{where}: remote paths are not fetched ({path}); download the file first")
        p = Path(path).expanduser()
        p = p if p.is_absolute() else self.base / p
        key = str(p.resolve())
        if key not in self.assets:
            try:
                self.assets[key] = ingest(p, workdir=self.workdir)
            except (MediaError, OSError) as exc:
                raise EditlySpecError(f"{where}: {getattr(exc, 'message', None) or exc}") from None
        return self.assets[key]

    # -- the whole spec ------------------------------------------------------------------
    def run(self) -> Mapped:
        clips = self.spec["clips"]
        if not clips:
            raise EditlySpecError("clips: the spec has no clips")
        bad = [f"clips[{i}].layers[{j}]: layer type {layer.get('type')!r} is not supported "
               f"(supported: {', '.join(SUPPORTED)})"
               for i, clip in enumerate(clips) for j, layer in enumerate((clip or {}).get("layers") or [])
               if not isinstance(layer, dict) or layer.get("type") not in SUPPORTED]
        if bad:
            raise EditlySpecError("\n".join(bad))
        durations = [self.clip_duration(c or {}, i) for i, c in enumerate(clips)]
        transitions = [self.transition(c or {}, i, durations) for i, c in enumerate(clips)]
        starts, t = [], 0
        for i, d in enumerate(durations):
            starts.append(t)
            t += d - (transitions[i][1] if i + 1 < len(durations) else 0)
        total = t
        main: list[VideoSegment] = []
        overlays: list[VideoSegment] = []
        texts: list[tuple[Role, TextSegment]] = []
        audio: list[tuple[Role, AudioSegment]] = []
        background = None
        for i, clip in enumerate(clips):
            start, dur = starts[i], durations[i]
            into = transitions[i - 1] if i else (Transition.CUT, 0)
            visible_end = start + dur - (transitions[i][1] if i + 1 < len(clips) else 0)
            shot = None
            for j, layer in enumerate(clip.get("layers") or []):
                layer = {**self.layer_defaults, **(self.type_defaults.get(layer["type"]) or {}), **layer}
                where = f"clips[{i}].layers[{j}]"
                kind = layer["type"]
                if kind in ("fill-color", "pause"):
                    color = _color(layer.get("color"), where, "#000000")
                    if background not in (None, color):
                        self.notes.append(f"{where}: one background colour per video in reelforge; kept {background}")
                    background = background or color
                elif kind in ("image", "video") and shot is None and not _partial(layer):
                    shot = self.shot(layer, where, f"s{i}", start, dur, into)
                    main.append(shot)
                elif kind in ("image", "video", "image-overlay"):
                    overlays.append(self.overlay(layer, where, f"o{i}-{j}", start, dur))
                elif kind in ("title", "subtitle", "title-background"):
                    texts.append(self.text(layer, where, f"t{i}-{j}", start, visible_end))
                    if kind == "title-background" and layer.get("background"):
                        bg = layer["background"]
                        color = _color((bg.get("colors") or [None])[0] if isinstance(bg, dict) else None, where,
                                       "#000000") if not (isinstance(bg, dict) and bg.get("color")) else \
                            _color(bg["color"], where)
                        background = background or color
                        self.notes.append(f"{where}: the title's background is shown as the plain colour {color}")
                elif kind == "audio":
                    audio.append((Role.SFX, self.audio(layer, where, f"a{i}-{j}", start, dur, clip_layer=True)))
                elif kind == "detached-audio":
                    audio.append((Role.SFX, self.audio(layer, where, f"d{i}-{j}", start, total - start)))
        for k, tr in enumerate(self.spec.get("audioTracks") or []):
            audio.append((Role.SFX, self.audio(tr, f"audioTracks[{k}]", f"at{k}", 0, total)))
        if self.spec.get("audioFilePath"):
            a = self.asset(self.spec["audioFilePath"], "audioFilePath")
            loop = bool(self.spec.get("loopAudio", False))
            dur = total if loop else min(total, a.duration_ms or total)
            audio.insert(0, (Role.MUSIC, AudioSegment(id="music", start=0, duration=dur, src=a.id, name=a.name,
                                                      loop=loop and a.duration_ms < total)))
        if (self.spec.get("audioNorm") or {}).get("enable"):
            self.notes.append("audioNorm: reelforge normalises loudness to -14 LUFS on every render")
        if self.spec.get("outputVolume") not in (None, 1):
            self.notes.append("outputVolume: not applied; reelforge normalises loudness to -14 LUFS")
        width = int(self.spec.get("width") or 640)
        height = int(self.spec.get("height") or self.auto_height(width))
        fps = int(round(float(self.spec.get("fps") or self.first_fps() or 25)))
        tracks = [Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(main))] if main else []
        tracks += lanes(TrackKind.VIDEO, [(Role.OVERLAY, s) for s in overlays])
        tracks += lanes(TrackKind.AUDIO, audio)
        tracks += lanes(TrackKind.TEXT, texts)
        extra = {"background": background} if background else {}
        tl = build(width=width + width % 2, height=height + height % 2, fps=max(1, min(fps, 120)), duration=total,
                   assets=tuple({a.id: a for a in self.assets.values()}.values()), tracks=tuple(tracks), **extra)
        return Mapped(tl, self.spec.get("outPath"), self.notes)

    def clip_duration(self, clip: dict[str, Any], i: int) -> int:
        d = _seconds(clip.get("duration"), f"clips[{i}].duration")
        if d is None:  # as long as its first video (cut and speed taken into account), else the default
            video = next((ly for ly in clip.get("layers") or [] if isinstance(ly, dict) and ly.get("type") == "video"),
                         None)
            if video is not None:
                a = self.asset(video.get("path"), f"clips[{i}] video")
                cut_from = _seconds(video.get("cutFrom"), "cutFrom", 0.0) or 0.0
                cut_to = _seconds(video.get("cutTo"), "cutTo", a.duration_ms / 1000)
                d = max(0.1, (cut_to or 0) - cut_from)
            else:
                d = self.default_duration
        if not d or d <= 0:
            raise EditlySpecError(f"clips[{i}].duration: must be more than 0 seconds")
        return _ms(d)

    def transition(self, clip: dict[str, Any], i: int, durations: list[int]) -> tuple[Transition, int]:
        """The transition at the end of clip ``i`` (into clip ``i + 1``), clamped like Editly's."""
        tr = clip.get("transition", self.default_transition)
        if tr is None or i + 1 >= len(durations):
            return Transition.CUT, 0
        if not isinstance(tr, dict):
            raise EditlySpecError(f"clips[{i}].transition: must be an object {{name, duration}} or null")
        tr = {**(self.default_transition or {}), **tr}
        name = tr.get("name") or "random"
        kind = _TRANSITION.get(name)
        if kind is None:
            kind = Transition.CROSSFADE
            self.notes.append(f"clips[{i}].transition: {name!r} is shown as a crossfade")
        ms = _ms(_seconds(tr.get("duration"), f"clips[{i}].transition.duration", 0.5) or 0)
        ms = min(ms, durations[i] // 2, durations[i + 1] // 2)
        return (kind, ms) if kind is not Transition.CUT and ms > 0 else (Transition.CUT, 0)

    # -- layers -------------------------------------------------------------------------
    def shot(self, layer, where, sid, start, dur, into) -> VideoSegment:
        a = self.asset(layer.get("path"), where)
        common = {"id": sid, "start": start, "duration": dur, "src": a.id, "name": a.name,
                  "fit": self.fit(layer, where), "transition": into[0], "transition_ms": into[1]}
        if a.kind is AssetKind.IMAGE:
            return VideoSegment(**common, motion=self.motion(layer, where), motion_amount=self.zoom_amount(layer, where))
        if a.kind is not AssetKind.VIDEO:
            raise EditlySpecError(f"{where}: {a.name} is not a picture or a video")
        return VideoSegment(**common, **self.video_timing(layer, a, dur, where))

    def video_timing(self, layer, a: Asset, dur: int, where: str) -> dict[str, Any]:
        cut_from = _ms(_seconds(layer.get("cutFrom"), f"{where}.cutFrom", 0.0) or 0.0)
        cut_to = _seconds(layer.get("cutTo"), f"{where}.cutTo")
        span = (_ms(cut_to) if cut_to is not None else a.duration_ms) - cut_from
        if span <= 0:
            raise EditlySpecError(f"{where}: cutFrom must be before cutTo")
        speed = span / dur
        if not 0.25 <= speed <= 4.0:
            self.notes.append(f"{where}: speed {speed:.2f}x limited to {min(max(speed, 0.25), 4.0):g}x")
            speed = min(max(speed, 0.25), 4.0)
        volume = float(layer.get("mixVolume", 1)) * self.clips_volume
        return {"in_ms": cut_from, "speed": round(speed, 4), "mute": not self.keep_source_audio or volume == 0,
                "volume": min(max(volume, 0.0), 4.0)}

    def overlay(self, layer, where, sid, start, dur) -> VideoSegment:
        a = self.asset(layer.get("path"), where)
        s0, s1 = self.window(layer, where, dur)
        width = layer.get("width")
        scale = float(width) if isinstance(width, int | float) and 0 < width <= 1 else 0.3
        extra = self.video_timing(layer, a, s1 - s0, where) if a.kind is AssetKind.VIDEO else {}
        return VideoSegment(id=sid, start=start + s0, duration=s1 - s0, src=a.id, name=a.name, fit=Fit.CONTAIN,
                            position=self.position(layer.get("position"), where), scale=min(scale, 1.0), **extra)

    def text(self, layer, where, sid, start, visible_end) -> tuple[Role, TextSegment]:
        text = layer.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EditlySpecError(f"{where}: a {layer['type']} layer needs text")
        s0, s1 = self.window(layer, where, visible_end - start)
        sub = layer["type"] == "subtitle"
        if layer.get("fontPath"):
            self.notes.append(f"{where}: fontPath not used; text is drawn with reelforge's fonts")
        seg = TextSegment(id=sid, start=start + s0, duration=max(1, s1 - s0), text=text.strip(),
                          position=Position.BOTTOM if sub else self.position(layer.get("position"), where),
                          size=TextSize.MEDIUM if sub else TextSize.LARGE,
                          color=_color(layer.get("textColor") or layer.get("color"), where),
                          background=TextBackground.BOX if sub or layer["type"] == "title-background"
                          else TextBackground.SHADOW)
        return (Role.CAPTION if sub else Role.TITLE), seg

    def audio(self, layer, where, sid, start, room, *, clip_layer: bool = False) -> AudioSegment:
        a = self.asset(layer.get("path"), where)
        cut_from = _ms(_seconds(layer.get("cutFrom"), f"{where}.cutFrom", 0.0) or 0.0)
        cut_to = _seconds(layer.get("cutTo"), f"{where}.cutTo")
        offset = _ms(_seconds(layer.get("start"), f"{where}.start", 0.0) or 0.0) if not clip_layer else 0
        length = (_ms(cut_to) if cut_to is not None else a.duration_ms) - cut_from
        dur = min(length, room - offset) if not clip_layer else room
        if dur <= 0:
            raise EditlySpecError(f"{where}: the audio has nothing to play (check cutFrom, cutTo and start)")
        if clip_layer and length < room:
            dur = length
        return AudioSegment(id=sid, start=start + offset, duration=dur, src=a.id, name=a.name, in_ms=cut_from,
                            volume=min(max(float(layer.get("mixVolume", 1)), 0.0), 4.0))

    def window(self, layer, where, dur) -> tuple[int, int]:
        s0 = _ms(_seconds(layer.get("start"), f"{where}.start", 0.0) or 0.0)
        stop = _seconds(layer.get("stop"), f"{where}.stop")
        s1 = min(dur, _ms(stop)) if stop is not None else dur
        if s1 <= s0:
            raise EditlySpecError(f"{where}: start must be before stop, inside the clip")
        return s0, s1

    def fit(self, layer, where) -> Fit:
        mode = layer.get("resizeMode", "contain-blur")
        if mode not in _FIT:
            raise EditlySpecError(f"{where}.resizeMode: {mode!r} is not one of {', '.join(_FIT)}")
        if mode == "stretch":
            self.notes.append(f"{where}: resizeMode 'stretch' is shown as 'cover' (reelforge never distorts)")
        return _FIT[mode]

    def motion(self, layer, where) -> Motion:
        direction = layer.get("zoomDirection", "in")
        if direction not in _MOTION:
            raise EditlySpecError(f"{where}.zoomDirection: {direction!r} is not in, out, left, right or null")
        return _MOTION[direction]

    def zoom_amount(self, layer, where) -> float:
        """Editly's ``zoomAmount`` (how far a zoom or pan goes); reelforge's usual move when not
        given. Out of reelforge's range it is brought inside, with a note."""
        value = layer.get("zoomAmount")
        if value is None:
            return MOTION_AMOUNT
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise EditlySpecError(f"{where}.zoomAmount: must be a number, not {value!r}")
        amount = min(max(float(value), MOTION_AMOUNT_MIN), MOTION_AMOUNT_MAX)
        if amount != value:
            self.notes.append(f"{where}.zoomAmount: {value:g} is shown as {amount:g} "
                              f"(zooms and pans go {MOTION_AMOUNT_MIN:g}-{MOTION_AMOUNT_MAX:g})")
        return amount

    def position(self, value, where) -> Position:
        if value is None:
            return Position.CENTER
        if isinstance(value, str) and value in _POSITIONS:
            return _POSITIONS[value]
        if isinstance(value, dict) and isinstance(value.get("x"), int | float) and isinstance(value.get("y"), int | float):
            col = "left" if value["x"] < 1 / 3 else "right" if value["x"] > 2 / 3 else ""
            row = "top" if value["y"] < 1 / 3 else "bottom" if value["y"] > 2 / 3 else "center"
            name = f"{row}-{col}" if col else row
            self.notes.append(f"{where}.position: placed at {name}")
            return _POSITIONS[name]
        raise EditlySpecError(f"{where}.position: {value!r} is not a position")

    def auto_height(self, width: int) -> int:
        video = next((a for a in self.assets.values() if a.kind is AssetKind.VIDEO and a.width), None)
        if video is None:
            return round(width * 9 / 16)
        return round(width * video.height / video.width)

    def first_fps(self) -> float | None:
        return next((a.fps for a in self.assets.values() if a.kind is AssetKind.VIDEO and a.fps), None)


def _partial(layer: dict[str, Any]) -> bool:
    """A picture layer that does not fill the frame or the whole clip is an overlay."""
    return any(layer.get(k) not in (None, 1) for k in ("width", "height")) or any(
        layer.get(k) not in (None, 0) for k in ("left", "top", "start")) or layer.get("stop") is not None
