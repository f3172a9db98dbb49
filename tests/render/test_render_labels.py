"""Names given to the pictures in the instruction, rendered: an animal shelter's square post of two
cat photos (scikit-image's Chelsea, and a mirrored grey crop of her as the second cat) with music,
each cat's name read back with OCR on its own picture, the title at the start, and the ending's
days and address whole at the end."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image, ImageOps

from reelforge import api
from reelforge.timeline import Role

from ._render_helpers import frame_at, ocr_white_text
from ._targets import music

pytestmark = pytest.mark.render

POST = ("Make a 12 second square post for Happy Paws Shelter's adoption weekend, Saturday and Sunday 10am-4pm, 720p. "
        "Show each cat with its name (Whiskers first, then Luna), upbeat music, "
        "end with 'Adopt, don't shop - happypaws.org'")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", text.lower())


def test_each_cat_s_name_is_on_its_own_picture(tmp_path):
    from skimage import data

    cat = Image.fromarray(data.chelsea())
    cat.save(tmp_path / "whiskers.jpg", quality=92)
    luna = ImageOps.grayscale(ImageOps.mirror(cat).crop((40, 0, cat.width, cat.height))).convert("RGB")
    luna.save(tmp_path / "IMG_20240611_101522.jpg", quality=92)
    project = api.new_project([tmp_path / "whiskers.jpg", tmp_path / "IMG_20240611_101522.jpg",
                               music(tmp_path, 124.0)])
    r = project.session.handle(POST)
    assert r.changed, r.message
    out = project.render(tmp_path / "post.mp4")
    tl = project.session.timeline
    shots = next(t for t in tl.tracks if t.role is Role.MAIN).segments
    caps = {s.text: s for t in tl.tracks if t.role is Role.CAPTION for s in t.segments}
    for name, shot in (("Whiskers", shots[0]), ("Luna", shots[1])):
        seg = caps[name]
        assert seg.shot == shot.id
        seen = _letters(ocr_white_text(frame_at(out, (seg.start + seg.duration / 2) / 1000), psm=11))
        assert name.lower() in seen, (name, seen)
    start = _letters(ocr_white_text(frame_at(out, 1.5), psm=11))
    assert "happypaws" in start and "adoption" in start, start
    end_frame = frame_at(out, tl.duration / 1000 - 0.8)
    end = _letters(ocr_white_text(end_frame, psm=11))
    assert "saturdayandsunday" in end and "happypaws.org" in end, end
    # the address after the dash is a line of its own (it opened the second line on "- happypaws.org")
    lines = [ln for ln in ocr_white_text(end_frame, psm=6).splitlines() if "happypaws" in ln.lower()]
    assert lines and not lines[0].strip().startswith(("-", "—", "–")), lines
    assert np.asarray(end_frame).std() > 10  # a picture behind the words, not a blank card
