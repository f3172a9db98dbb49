"""A clip that keeps its own sound under music (no voiceover): the first cut ducks the music
under it and says so; heard for real, the music's chord drops while the clip's 440 Hz tone plays
and keeps its level on the stills around it. Before, the music played on at 80 % over the clip's
sound without a word."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.media.samples import write_test_image, write_test_video
from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import replace

from ._render_helpers import decode_audio, window
from .test_render_duck_depth import _band_db

pytestmark = pytest.mark.render
CHORD = (261.6, 329.6, 392.0)


def _windows(samples, rate, clip):
    """Equal lengths (the band level grows with a window's length) inside the clip, after the
    ducking has settled, and on the still before it."""
    length = min(clip.start / 1000 - 0.7, (clip.end - clip.start) / 1000 - 0.9)
    on = clip.start / 1000 + 0.6
    return window(samples, rate, on, on + length), window(samples, rate, 0.6, 0.6 + length)


def test_music_steps_back_under_a_clips_own_sound(media, tmp_path):
    write_test_image(tmp_path / "a.png", (320, 180))
    write_test_image(tmp_path / "b.png", (320, 180))
    write_test_video(tmp_path / "talk.mp4", (320, 180), seconds=4.0, fps=30)  # a 440 Hz tone as its sound
    s = Session.new()
    s.add_assets([tmp_path / "a.png", tmp_path / "talk.mp4", tmp_path / "b.png", media["music"].path],
                 workdir=tmp_path / "media")
    reply = s.handle("a 9 second video with hard cuts, no motion, no text, with music")
    assert "ducked under the clips' own sound (talk.mp4" in reply.message, reply.message
    tl = replace(s.timeline, width=160, height=90)
    shots = tl.tracks[0].segments
    clip = next(x for x in shots if x.src == s.timeline.assets[1].id)
    music = next(t for t in tl.tracks if t.role.value == "music").segments[0]
    assert music.duck and music.volume == pytest.approx(0.8)
    samples, rate = decode_audio(render(tl, tmp_path / "out.mp4"))
    on, off = _windows(samples, rate, clip)
    assert _band_db(on, rate, (440.0,)) > _band_db(off, rate, (440.0,)) + 20  # the clip's sound is there
    drop = _band_db(off, rate, CHORD) - _band_db(on, rate, CHORD)
    assert drop > 4  # the music steps back under it
    # "don't duck the music": the music plays on over the clip at its level
    s.handle("don't duck the music")
    samples, rate = decode_audio(render(replace(s.timeline, width=160, height=90), tmp_path / "flat.mp4"))
    on, off = _windows(samples, rate, clip)
    flat = _band_db(off, rate, CHORD) - _band_db(on, rate, CHORD)
    assert abs(flat) < 2
    assert np.isfinite(samples).all()
