"""Brand kit: a JSON/YAML file (logo, colours, font, intro/outro cards, default call-to-action)
turned into timeline data.

A brand file, all keys optional except ``name``::

    name: Aurora Running
    logo: logo.png              # relative to the brand file
    logo_position: top-right    # any timeline Position
    logo_scale: 0.12            # width as a share of the frame
    logo_opacity: 0.9
    colors: {primary: "#FF5A1F", secondary: "#111111", text: "#FFFFFF"}
    font: fonts/Brand-Bold.ttf  # used for cards (the timeline's text segments have no font field yet)
    intro: {text: "Aurora", subtitle: "Run lighter", duration_ms: 2000}
    outro: {text: "aurora.run", subtitle: "Free shipping", duration_ms: 2500}
    cta: "Shop now at aurora.run"
    cta_duration_ms: 4000
    style: bold                 # a named look: clean, bold, minimal or playful
    motion: subtle              # how far the stills' zooms and pans go: subtle (6 %), usual (12 %),
                                # dramatic (24 %), or a share of the view from 0.03 to 0.3

`load_brand(path)` validates it; `card_image(...)` draws an intro/outro card as a PNG (brand
colour, centred text, the logo) for ingest as a still; `apply_brand(timeline, brand, ...)` is
a pure Timeline -> Timeline transform: intro/outro cards on the main track (everything else
shifted, the duration extended), the logo as an overlay for the whole video, the CTA for the
last seconds, and the brand text colour on text segments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reelforge.errors import ReelforgeError
from reelforge.timeline.model import (
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    MOTION_AMOUNTS,
    Asset,
    AudioSegment,
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
    replace,
)
from reelforge.timeline.styles import get_style

Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")]


class BrandError(ReelforgeError, ValueError):
    """The brand file is missing, unreadable or invalid (message says which key)."""

    code = 3002
    http_status = 422


class _M(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Colors(_M):
    primary: Color = "#111111"
    secondary: Color = "#FFFFFF"
    text: Color = "#FFFFFF"


class Card(_M):
    text: str = Field(min_length=1)
    subtitle: str = ""
    duration_ms: int = Field(2000, ge=500, le=10000)


class Brand(_M):
    name: str = Field(min_length=1)
    logo: str | None = None
    logo_position: Position = Position.TOP_RIGHT
    logo_scale: float = Field(0.12, gt=0, le=0.5)
    logo_opacity: float = Field(0.9, ge=0, le=1)
    colors: Colors = Colors()
    font: str | None = None
    intro: Card | None = None
    outro: Card | None = None
    cta: str | None = None
    cta_duration_ms: int = Field(4000, ge=1000, le=15000)
    style: Literal["clean", "bold", "minimal", "playful"] | None = None
    motion: Literal["subtle", "usual", "dramatic"] | Annotated[float, Field(ge=MOTION_AMOUNT_MIN, le=MOTION_AMOUNT_MAX)] \
        | None = None

    @property
    def motion_amount(self) -> float | None:
        """The share of the view the stills' moves go, when the brand says."""
        if isinstance(self.motion, str):
            return MOTION_AMOUNTS[self.motion]
        return self.motion


def load_brand(path: str | Path) -> Brand:
    """Read and validate a brand file (``.json``, ``.yaml``/``.yml``); paths become absolute."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BrandError(f"brand file {path.name}: cannot read ({exc.strerror or exc})") from exc
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            from reelforge.ai import require

            yaml = require("yaml", "YAML brand files", package="pyyaml")
            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except ReelforgeError:
        raise
    except Exception as exc:  # noqa: BLE001 - json/yaml parse errors
        raise BrandError(f"brand file {path.name}: not valid {path.suffix.lstrip('.') or 'JSON'} ({exc})") from exc
    if not isinstance(data, dict):
        raise BrandError(f"brand file {path.name}: expected a mapping of keys")
    for key in ("logo", "font"):
        if data.get(key):
            p = Path(data[key])
            p = p if p.is_absolute() else (path.parent / p)
            if not p.is_file():
                raise BrandError(f"brand file {path.name}: {key} {data[key]!r} not found")
            data[key] = str(p.resolve())
    try:
        return Brand.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise BrandError(f"brand file {path.name}: {where}: {err['msg']}") from exc


# -- cards -----------------------------------------------------------------------------------
def _font(brand: Brand, size: int, text: str):
    from PIL import ImageFont

    candidates: list[str] = []
    if brand.font:
        candidates.append(brand.font)
    try:
        from reelforge.render.fonts import cjk_font, latin_font

        cjk = any("\u3000" <= c <= "\u9fff" for c in text)
        candidates.append(str(cjk_font() if cjk else latin_font()))
    except Exception:  # noqa: BLE001 - fonts are the renderer's; fall back to Pillow's
        pass
    for c in candidates:
        try:
            return ImageFont.truetype(c, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def card_image(brand: Brand, card: Card, width: int, height: int, out_path: str | Path) -> Path:
    """Draw a card: the brand's primary colour, the logo above, the text and subtitle centred."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), brand.colors.primary[:7])
    draw = ImageDraw.Draw(img)
    y_text = height * 0.45
    if brand.logo:
        with Image.open(brand.logo) as logo:
            logo = logo.convert("RGBA")
            lw = int(min(width, height) * 0.25)
            lh = max(1, int(logo.height * lw / logo.width))
            logo = logo.resize((lw, lh))
            img.paste(logo, ((width - lw) // 2, int(height * 0.38) - lh), logo)
    size = max(16, int(min(width, height) * 0.09))
    for text, fsize, color, dy in ((card.text, size, brand.colors.text, 0.0),
                                   (card.subtitle, int(size * 0.55), brand.colors.secondary, 1.4)):
        if not text:
            continue
        font = _font(brand, fsize, text)
        box = draw.textbbox((0, 0), text, font=font)
        tw = box[2] - box[0]
        draw.text(((width - tw) / 2 - box[0], y_text + dy * size), text, font=font, fill=color[:7])
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)
    return out


# -- applying to a timeline --------------------------------------------------------------------
def _shift(seg, by: int):
    return seg.model_copy(update={"start": seg.start + by})


def apply_brand(timeline: Timeline, brand: Brand, *, logo_asset: Asset | None = None,
                intro_asset: Asset | None = None, outro_asset: Asset | None = None,
                recolor_text: bool = True) -> Timeline:
    """The timeline with the brand applied (pure; the assets are ingested by the caller).

    * ``intro_asset``/``outro_asset`` (card stills, e.g. from `card_image`) go first/last on the
      main track for the cards' durations; every other segment moves later by the intro and the
      total grows; music and looping audio stretch over the cards.
    * ``logo_asset`` becomes a logo track over the whole video at the brand's position/scale.
    * the CTA text (if the timeline has none) shows for the last ``cta_duration_ms`` before
      the outro.
    * ``recolor_text`` gives existing titles/captions/CTAs the brand's text colour.
    Re-applying replaces the previous brand elements (ids ``brand-*``) instead of stacking them.
    """
    tl = strip_brand(timeline)
    intro_ms = brand.intro.duration_ms if (brand.intro and intro_asset) else 0
    outro_ms = brand.outro.duration_ms if (brand.outro and outro_asset) else 0
    body_ms = tl.duration
    total = intro_ms + body_ms + outro_ms
    assets = list(tl.assets)
    for a in (logo_asset, intro_asset, outro_asset):
        if a is not None and all(a.id != b.id for b in assets):
            assets.append(a)
    taken = {s.id for t in tl.tracks for s in t.segments}
    tracks: list[Track] = []
    for track in tl.tracks:
        segs = []
        for seg in track.segments:
            s = _shift(seg, intro_ms)
            if isinstance(s, AudioSegment) and track.role is Role.MUSIC and s.start == intro_ms and s.end == intro_ms + body_ms:
                s = s.model_copy(update={"start": 0, "duration": total,
                                         "in_ms": max(0, s.in_ms), "loop": True})
            if recolor_text and isinstance(s, TextSegment):
                s = s.model_copy(update={"color": brand.colors.text})
            if brand.style and isinstance(s, TextSegment) and track.role is Role.CAPTION:
                s = s.model_copy(update={"background": get_style(brand.style).caption_box})
            if brand.motion_amount is not None and isinstance(s, VideoSegment) and track.role is Role.MAIN:
                s = s.model_copy(update={"motion_amount": round(brand.motion_amount, 3)})
            segs.append(s)
        if track.role is Role.MAIN:
            if intro_ms and segs and isinstance(segs[0], VideoSegment) and segs[0].transition_ms:
                segs[0] = segs[0].model_copy(update={"transition": Transition.CUT, "transition_ms": 0})
            if intro_ms:
                segs.insert(0, VideoSegment(id="brand-intro", start=0, duration=intro_ms, src=intro_asset.id,
                                            name="intro card"))
            if outro_ms:
                segs.append(VideoSegment(id="brand-outro", start=intro_ms + body_ms, duration=outro_ms,
                                         src=outro_asset.id, name="outro card"))
        tracks.append(track.model_copy(update={"segments": tuple(segs)}))
    if (intro_ms or outro_ms) and not any(t.role is Role.MAIN for t in tracks):
        segs = []
        if intro_ms:
            segs.append(VideoSegment(id="brand-intro", start=0, duration=intro_ms, src=intro_asset.id, name="intro card"))
        if outro_ms:
            segs.append(VideoSegment(id="brand-outro", start=intro_ms + body_ms, duration=outro_ms,
                                     src=outro_asset.id, name="outro card"))
        tracks.insert(0, Track(id="brand-main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs)))
    if logo_asset is not None:
        tracks.append(Track(id="brand-logo-track", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
            VideoSegment(id="brand-logo", start=0, duration=total, src=logo_asset.id, name="logo",
                         position=brand.logo_position, scale=brand.logo_scale, opacity=brand.logo_opacity),)))
    has_cta = any(t.role is Role.CTA and t.segments for t in tracks)
    if brand.cta and not has_cta:
        dur = min(brand.cta_duration_ms, body_ms)
        tracks.append(Track(id="brand-cta-track", kind=TrackKind.TEXT, role=Role.CTA, segments=(
            TextSegment(id="brand-cta", start=intro_ms + body_ms - dur, duration=dur, text=brand.cta,
                        position=Position.BOTTOM, size=TextSize.LARGE, color=brand.colors.text,
                        background=TextBackground.BOX),)))
    del taken
    return _validated(replace(tl, duration=total, assets=tuple(assets), tracks=tuple(tracks),
                              style=brand.style or tl.style))


def _validated(tl: Timeline) -> Timeline:
    """Re-validate everything (model_copy skips validators on the tracks)."""
    return build(**tl.model_dump())


def strip_brand(timeline: Timeline) -> Timeline:
    """Undo a previous `apply_brand`: drop ``brand-*`` segments/tracks and the time the cards took."""
    intro = outro = 0
    for t in timeline.tracks:
        for s in t.segments:
            if s.id == "brand-intro":
                intro = s.duration
            elif s.id == "brand-outro":
                outro = s.duration
    if not any(t.id.startswith("brand-") or any(s.id.startswith("brand-") for s in t.segments)
               for t in timeline.tracks):
        return timeline
    body = timeline.duration - intro - outro
    tracks = []
    for t in timeline.tracks:
        if t.id.startswith("brand-"):
            continue
        segs = []
        for s in t.segments:
            if s.id.startswith("brand-"):
                continue
            s = _shift(s, -intro) if s.start >= intro else s.model_copy(update={"start": 0})
            if s.end > body:
                s = s.model_copy(update={"duration": max(1, body - s.start)})
            segs.append(s)
        tracks.append(t.model_copy(update={"segments": tuple(segs)}))
    return _validated(replace(timeline, duration=body, tracks=tuple(tracks)))
