"""The frame rate people ask for ("60fps", "24 fps", "帧率改成25"): a session's words set it and
the chunked export makes exactly that many frames a second, with a real photo's motion moving
every frame (not repeated frames of a 30 fps render)."""

from __future__ import annotations

import av
import numpy as np
import pytest
from PIL import Image

from reelforge import api
from reelforge.render import verify

pytestmark = pytest.mark.render


def _frames(path) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="gray").astype(np.int16) for f in c.decode(video=0)]


@pytest.fixture()
def project(tmp_path):
    from skimage import data

    files = []
    for name in ("coffee", "rocket"):
        path = tmp_path / f"{name}.jpg"
        Image.fromarray(getattr(data, name)()).save(path, quality=92)
        files.append(path)
    return api.new_project(files)


@pytest.mark.parametrize(("first", "edit", "fps"), [
    ("a 3 second video of these photos at 60 fps, hard cuts, no text", None, 60),
    ("a 3 second video of these photos, hard cuts, no text", "make it 24 fps", 24),
    ("a 3 second video of these photos, hard cuts, no text", "帧率改成25", 25),
])
def test_the_export_has_the_frame_rate_asked(project, tmp_path, first, edit, fps):
    session = project.session
    reply = session.handle(first)
    assert reply.status == "ok", reply.message
    if edit:
        reply = session.handle(edit)
        assert reply.status == "ok", reply.message
    assert session.timeline.fps == fps
    out = project.render(tmp_path / f"v{fps}.mp4", quality="draft")
    info = verify(out)
    frames = _frames(out)
    assert info.fps == pytest.approx(fps, abs=0.01) and info.duration == pytest.approx(3.0, abs=0.05)
    assert len(frames) == 3 * fps
    # the still's slow zoom moves on every frame of the middle of the first shot (1.5 s, eased):
    # no frame repeats the one before, as a 30 fps render shown at 60 would
    middle = frames[int(0.4 * fps): int(1.1 * fps)]
    diffs = [np.abs(b - a).mean() for a, b in zip(middle, middle[1:], strict=False)]
    assert min(diffs) > 0.1, min(diffs)


def test_a_rate_not_offered_is_said_and_nothing_changes(project):
    session = project.session
    session.handle("a 3 second video of these photos, no text")
    reply = session.handle("make it 29.97 fps")
    assert reply.status != "ok" and "29.97 fps is not offered" in reply.message and session.timeline.fps == 30
