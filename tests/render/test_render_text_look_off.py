"""A part of a text's look taken away in chat, rendered: "remove the shadow from the title" gives plain
letters (nothing dark around them) and keeps the title (it removed the title); "remove the bold from
the title" gives thinner letters."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import frame_at

pytestmark = pytest.mark.render


def _title_frame(s: Session, path) -> np.ndarray:
    return frame_at(render(replace(s.timeline, width=640, height=360), path), 1.0).astype(float)


def test_shadow_and_bold_taken_off_the_title(tmp_path):
    from PIL import Image

    Image.new("RGB", (640, 360), (235, 235, 235)).save(tmp_path / "light.png")
    s = Session.new()
    s.add_assets([tmp_path / "light.png"], workdir=tmp_path / "media")
    s.handle("a 3-second video, no motion, title 'Drop Zone'")
    s.handle("make the title bold")
    before = _title_frame(s, tmp_path / "before.mp4")
    reply = s.handle("remove the shadow from the title")
    assert [x.text for x in s.timeline.track(Role.TITLE).segments] == ["Drop Zone"], reply.message
    plain = _title_frame(s, tmp_path / "plain.mp4")
    # on a light picture the white title is kept legible by dark pixels (a shadow, here a box the legibility
    # check draws for it); plain letters have none
    assert (before.min(axis=2) < 120).sum() > 500
    assert (plain.min(axis=2) < 120).sum() < 50
    s.handle("make the title yellow")
    bold = (_title_frame(s, tmp_path / "bold.mp4")[..., 2] < 150).sum()  # yellow letters: little blue
    s.handle("remove the bold from the title")
    thin = (_title_frame(s, tmp_path / "thin.mp4")[..., 2] < 150).sum()
    assert thin < 0.9 * bold
