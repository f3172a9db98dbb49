"""A box colour said in chat and rendered for real: "add a white box behind the title" draws a white
box with dark letters on it (it drew white letters on the usual dark box), read back by OCR."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import frame_at

pytestmark = pytest.mark.render
W, H = 640, 360


def test_a_white_box_behind_the_title_has_dark_letters(tmp_path):
    import pytesseract
    from PIL import Image

    Image.new("RGB", (W, H), (30, 40, 120)).save(tmp_path / "blue.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png"], workdir=tmp_path / "media")
    s.handle("a 2 second video, no motion")
    s.handle("add the title 'Fresh coffee' for the whole video")
    reply = s.handle("add a white box behind the title")
    assert "white box" in reply.message and "Text turned dark to stay readable" in reply.message, reply.message
    title = s.timeline.track(Role.TITLE).segments[0]
    assert (title.box_color, title.color, title.background.value) == ("#FFFFFF", "#111111", "box")

    frame = frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / "boxed.mp4"), 1.0)
    light = frame.min(axis=2) > 225  # the box (the picture is dark blue: nothing else is this light)
    ys, xs = np.nonzero(light)
    x0, y0, x1, y1 = xs.min(), ys.min(), xs.max(), ys.max()
    assert (x1 - x0) > 0.25 * W and (y1 - y0) > 0.06 * H  # a box around a line of text, not specks
    inside = frame[y0:y1 + 1, x0:x1 + 1]
    assert light[y0:y1 + 1, x0:x1 + 1].mean() > 0.6  # mostly white: the box itself, not the old dark one
    # the letters: near-black, grey strokes (the picture showing at the box's rounded corners is blue)
    dark = (inside.max(axis=2) < 50) & (np.ptp(inside.astype(int), axis=2) < 15)
    assert dark.mean() > 0.04, dark.mean()
    # the letters sit inside the box, off its border
    dys, dxs = np.nonzero(dark)
    assert dxs.min() > 2 and dys.min() > 2 and dxs.max() < inside.shape[1] - 3 and dys.max() < inside.shape[0] - 3
    # outside the box the picture is as it was (dark blue)
    assert np.abs(frame[5:25, 5:25].astype(int) - (30, 40, 120)).max() < 20
    # read back: dark text on white
    pil = Image.fromarray(np.where(dark, 0, 255).astype(np.uint8)).resize((inside.shape[1] * 2, inside.shape[0] * 2))
    words = " ".join(pytesseract.image_to_string(pil, config="--psm 7").split())
    assert "fresh coffee" in words.lower(), words


def test_removing_a_white_box_turns_the_letters_white_again(tmp_path):
    """"remove the box" (no text named) after a white box: near-black letters on a dark picture would be
    unreadable; they are drawn white again, read back by OCR."""
    import pytesseract
    from PIL import Image

    Image.new("RGB", (W, H), (30, 40, 120)).save(tmp_path / "blue.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png"], workdir=tmp_path / "media")
    s.handle("a 2 second video, no motion")
    s.handle("add the title 'Fresh coffee' for the whole video")
    s.handle("add a white box behind the title")
    reply = s.handle("remove the box")
    assert reply.changed and "white again" in reply.message, reply.message
    frame = frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / "unboxed.mp4"), 1.0)
    assert (frame.min(axis=2) > 225).mean() < 0.03  # no white box: only letters are this light
    light = frame.min(axis=2) > 200
    assert light.mean() > 0.004, light.mean()  # the letters, white
    assert (frame.max(axis=2) < 40).mean() < 0.02  # no near-black letters (the shadow is soft, not solid)
    pil = Image.fromarray(np.where(light, 0, 255).astype(np.uint8)).resize((W * 2, H * 2))
    words = " ".join(pytesseract.image_to_string(pil, config="--psm 6").split())
    assert "fresh coffee" in words.lower(), words
