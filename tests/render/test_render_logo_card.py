"""A logo (or a product cut out) shown as a shot of its own: on a plain colour that contrasts with
it, in the middle of the frame with room around it, rendered and read back.

Before: "end with our logo" showed a blue round logo edge to edge on black (its transparent
corners black, the circle touching the sides of a 9:16 frame), and a white wordmark padded on
the right in its file sat off-centre.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reelforge.media.shown import DARK_BACKDROP, LIGHT_BACKDROP, backdrop_for
from reelforge.render import render
from reelforge.render.layout import subject_boxes
from reelforge.session import Session
from reelforge.timeline import Role, replace
from reelforge.timeline.model import Fit

from ._photos import write_photos
from ._render_helpers import frame_at

pytestmark = pytest.mark.render


def _round_logo(path) -> None:
    """A blue disc with a white band, transparent around it (a café's round badge)."""
    im = Image.new("RGBA", (800, 800), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse((50, 50, 750, 750), fill=(30, 80, 200, 255))
    d.rectangle((200, 370, 600, 430), fill=(255, 255, 255, 255))
    im.save(path)


def _white_wordmark(path) -> None:
    """White letters on the left of a wide transparent file (its right third is padding)."""
    im = Image.new("RGBA", (1200, 300), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    for i in range(5):  # five blocky "letters"
        d.rectangle((40 + i * 150, 80, 150 + i * 150, 220), fill=(255, 255, 255, 255))
    im.save(path)


def test_the_backdrop_contrasts_with_what_the_picture_shows(tmp_path):
    _round_logo(tmp_path / "round.png")
    _white_wordmark(tmp_path / "white.png")
    Image.new("RGB", (64, 64), (250, 250, 250)).save(tmp_path / "photo.jpg")
    solid = Image.new("RGBA", (64, 64), (20, 20, 20, 255))
    solid.save(tmp_path / "solid.png")
    assert backdrop_for(tmp_path / "round.png") == LIGHT_BACKDROP  # a dark blue badge: on white
    assert backdrop_for(tmp_path / "white.png") == DARK_BACKDROP  # white letters: on near-black
    assert backdrop_for(tmp_path / "photo.jpg") is None  # no transparency
    assert backdrop_for(tmp_path / "solid.png") is None  # an alpha channel with nothing see-through


def _visible(frame: np.ndarray, backdrop: str) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the pixels that differ from the backdrop colour."""
    bg = np.array([int(backdrop[i:i + 2], 16) for i in (1, 3, 5)])
    ys, xs = np.nonzero(np.abs(frame.astype(int) - bg).max(axis=2) > 60)
    return ys, xs


@pytest.mark.parametrize("shape", ["vertical", "16:9"])
def test_a_logo_end_card_sits_on_its_backdrop_in_the_middle_with_room(tmp_path, shape):
    photos = [p.path for p in write_photos(tmp_path / "photos", ["coffee", "astronaut"])]
    _round_logo(tmp_path / "logo_round.png")
    s = Session.new()
    s.add_assets([*photos, tmp_path / "logo_round.png"], workdir=tmp_path / "media")
    r = s.handle(f"6 second promo for shine cafe, {shape}, no text, end with our logo")
    assert r.changed, r.message
    card = s.timeline.track(Role.MAIN).segments[-1]
    assert card.name == "logo_round.png"
    assert card.fit is Fit.CONTAIN and card.backdrop == LIGHT_BACKDROP and 0.2 < card.scale < 1
    w, h = s.timeline.width // 3, s.timeline.height // 3  # a third of the size: the same layout, faster
    out = render(replace(s.timeline, width=w, height=h), tmp_path / "card.mp4")
    frame = frame_at(out, (card.start + card.duration * 0.8) / 1000)
    # the corners are the white backdrop, not black
    for y, x in ((2, 2), (2, w - 3), (h - 3, 2), (h - 3, w - 3)):
        assert frame[y, x].min() > 235, (y, x, frame[y, x])
    ys, xs = _visible(frame, LIGHT_BACKDROP)
    assert abs(xs.mean() - w / 2) < w * 0.03 and abs(ys.mean() - h / 2) < h * 0.03  # in the middle
    assert (xs.max() - xs.min()) <= w * 0.62 and (ys.max() - ys.min()) <= h * 0.42  # room around it
    assert max((xs.max() - xs.min()) / w, (ys.max() - ys.min()) / h) >= 0.3  # and still a logo one reads
    # the layout sees the logo where it is drawn (its union over the card's slow move: text keeps
    # off it there, not off the whole frame)
    a = s.timeline.asset(card.src)
    box = subject_boxes(card, a.width, a.height, w, h)[0]
    assert box[0] <= xs.min() + 3 and box[2] >= xs.max() - 3 and box[1] <= ys.min() + 3 and box[3] >= ys.max() - 3
    assert box[2] - box[0] <= w * 0.75 and box[3] - box[1] <= h * 0.5, box


def test_a_white_wordmark_padded_in_its_file_is_centred_on_near_black(tmp_path):
    photos = [p.path for p in write_photos(tmp_path / "photos", ["coffee"])]
    _white_wordmark(tmp_path / "brewly_logo_white.png")
    s = Session.new()
    s.add_assets([*photos, tmp_path / "brewly_logo_white.png"], workdir=tmp_path / "media")
    assert s.handle("4 second teaser, 16:9, no text, logo at the end").changed
    card = s.timeline.track(Role.MAIN).segments[-1]
    assert card.backdrop == DARK_BACKDROP and card.fit is Fit.CONTAIN
    out = render(replace(s.timeline, width=640, height=360), tmp_path / "card.mp4")
    frame = frame_at(out, (card.start + card.duration * 0.8) / 1000)
    assert frame[3, 3].max() < 40 and frame[356, 636].max() < 40
    ys, xs = _visible(frame, DARK_BACKDROP)
    # the letters' middle is the frame's, though the file keeps a third of padding on the right
    assert abs((xs.min() + xs.max()) / 2 - 320) < 12, (xs.min(), xs.max())
    assert xs.max() - xs.min() <= 640 * 0.62


def test_the_backdrop_follows_the_user_and_the_source(tmp_path):
    photos = [p.path for p in write_photos(tmp_path / "photos", ["coffee"])]
    _round_logo(tmp_path / "logo.png")
    s = Session.new()
    s.add_assets([*photos, tmp_path / "logo.png"], workdir=tmp_path / "media")
    assert s.handle("a vertical 6 second video, end with our logo").changed
    tall = s.timeline.track(Role.MAIN).segments[-1].scale
    assert s.handle("make it 16:9").changed  # the room is the new frame's
    card = s.timeline.track(Role.MAIN).segments[-1]
    assert card.backdrop == LIGHT_BACKDROP and card.scale != tall
    r = s.handle("black background")  # the user's colour, the logo's too, and it stays
    assert r.changed, r.message
    assert all(seg.backdrop == "#000000" for seg in s.timeline.track(Role.MAIN).segments)
    assert s.handle("make it square").changed
    assert s.timeline.track(Role.MAIN).segments[-1].backdrop == "#000000"
    assert s.handle("undo").changed and s.handle("undo").changed
    assert s.timeline.track(Role.MAIN).segments[-1].backdrop == LIGHT_BACKDROP
    r = s.handle(f"replace the last picture with {photos[0].name}")  # a photo: no backdrop, no room
    assert r.changed, r.message
    card = s.timeline.track(Role.MAIN).segments[-1]
    assert card.backdrop is None and card.scale == 1.0
