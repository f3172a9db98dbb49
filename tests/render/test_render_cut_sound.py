"""A sound cut before its source ends fades out instead of stopping mid-word at full level, and a
clip's own sound fades in and out where the shot cuts into it (user pass, session 41: a voiceover
longer than the video ended at -16.9 dB RMS in its last 0.2 s; a clip's sound jumped from silence
to full level). Rendered for real, levels measured."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.timeline import build

from ._render_helpers import VOICE_ON, decode_audio, window

pytestmark = pytest.mark.render


def _db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) + 1e-9))


def test_a_voiceover_cut_by_the_video_s_end_fades_out(media, tmp_path):
    end = 3.3  # inside the voice's second burst (2.6-3.6 s)
    assert VOICE_ON[1][0] < end - 0.5 and end < VOICE_ON[1][1]
    tl = build(width=160, height=90, fps=30, duration=int(end * 1000), assets=[media["red"], media["voice"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "v", "kind": "video", "start": 0, "duration": int(end * 1000), "src": "red"}]},
                       {"id": "vo", "kind": "audio", "role": "voice", "segments": [
                   {"id": "a1", "kind": "audio", "start": 0, "duration": int(end * 1000), "src": "voice"}]}])
    samples, rate = decode_audio(render(tl, tmp_path / "cut.mp4"))
    speaking = _db(window(samples, rate, VOICE_ON[1][0] + 0.1, end - 0.35))
    last = _db(window(samples, rate, end - 0.04, end - 0.005))
    assert speaking > -40, speaking  # the voice is there
    assert last < speaking - 12, (speaking, last)  # and has faded by the end (it stopped at full level)


def test_a_clip_s_sound_fades_where_the_shot_cuts_into_it(media, tmp_path):
    tl = build(width=160, height=90, fps=25, duration=1600, assets=[media["clip"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "c", "kind": "video", "start": 0, "duration": 1600, "src": "clip", "in_ms": 800}]}])
    samples, rate = decode_audio(render(tl, tmp_path / "clip.mp4"))
    body = _db(window(samples, rate, 0.5, 1.0))
    first, last = _db(window(samples, rate, 0.0, 0.02)), _db(window(samples, rate, 1.57, 1.595))
    assert body > -40, body  # its tone plays
    assert first < body - 6 and last < body - 6, (first, body, last)  # in and out, not a jump
