"""A music bed shorter than the video comes round on the beat (user pass, session 41: a looped
song restarted mid-beat). The session measures the bed's beat and wraps the loop after a whole
number of bars; rendered for real, the beat tracked in the output keeps its spacing through
every wrap, and the wrap has no click. Before, a 20 s bed at 100 BPM (8 1/3 bars) came round a
third of a bar early: one beat-to-beat gap of ~0.8 s in the 0.6 s pulse."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.ai._audio import SR, decode_mono
from reelforge.media.samples import _encode_audio, _music
from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, build, replace

from ._render_helpers import decode_audio

pytestmark = pytest.mark.render

BPM = 100.0
BEAT_MS = 60_000 / BPM


def test_a_looped_bed_comes_round_on_the_beat(tmp_path):
    from PIL import Image

    for i, colour in enumerate([(40, 70, 220), (220, 40, 40), (40, 190, 70)]):
        Image.new("RGB", (320, 180), colour).save(tmp_path / f"shot{i}.png")
    _encode_audio(_music(20.0, bpm=BPM), tmp_path / "bed.m4a")
    s = Session.new()
    s.add_assets([*(tmp_path / f"shot{i}.png" for i in range(3)), tmp_path / "bed.m4a"], workdir=tmp_path / "media")
    s.handle("a 45 second slideshow with the music, no motion")
    m = s.timeline.track(Role.MUSIC).segments[0]
    assert m.loop and m.loop_end_ms is not None
    bars = (m.loop_end_ms - m.loop_start_ms) / (4 * BEAT_MS)
    assert abs(bars - round(bars)) * 4 * BEAT_MS < 15 and round(bars) == 8, (m.loop_start_ms, m.loop_end_ms)

    out = render(replace(s.timeline, width=320, height=180), tmp_path / "loop.mp4")
    kicks = _kicks(out)
    assert len(kicks) > 0.8 * 45_000 / BEAT_MS, len(kicks)  # the pulse plays through (a few fade in and out)
    # every kick of the 45 s falls on the first kick's beat grid: the pulse goes on through each
    # wrap (before, the music jumped a third of a beat at 20 s and again at 40 s)
    phase = (kicks - kicks[0] + BEAT_MS / 2) % BEAT_MS - BEAT_MS / 2
    assert np.abs(phase).max() < 0.1 * BEAT_MS, [(int(t), int(p)) for t, p in zip(kicks, phase, strict=True) if abs(p) > 60]


def test_a_loop_cut_mid_note_comes_round_without_a_click(media, tmp_path):
    """A loop that ends where its sound does not (a chord held over the wrap) fades out and in over
    a few ms there: the steady chord of the test music, looped every 1.234 s."""
    tl = build(width=160, height=90, fps=30, duration=4000, assets=[media["red"], media["music"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "v", "kind": "video", "start": 0, "duration": 4000, "src": "red"}]},
                       {"id": "bg", "kind": "audio", "role": "music", "segments": [
                   {"id": "a1", "kind": "audio", "start": 0, "duration": 4000, "src": "music", "loop": True,
                    "loop_start_ms": 0, "loop_end_ms": 1234}]}])
    samples, rate = decode_audio(render(tl, tmp_path / "wrap.mp4"))
    steps = np.abs(np.diff(samples.mean(axis=1)))
    usual = np.percentile(steps[int(0.2 * rate):int(1.1 * rate)], 99.9)  # the chord between wraps
    for wrap in (1.234, 2.468):
        i = int(wrap * rate)
        assert steps[i - 480:i + 480].max() < 1.5 * usual, (wrap, steps[i - 480:i + 480].max(), usual)


def _kicks(path) -> np.ndarray:
    """When the kicks hit (ms): peaks of the low band's onset strength (`reelforge.ai.beats`)."""
    from reelforge.ai.beats import HOP, N_FFT, _envelopes

    low = _envelopes(decode_mono(path, SR), SR, HOP, N_FFT)[1]
    fps = SR / HOP
    r = int(0.15 * fps)
    peaks = [i for i in range(low.size) if low[i] > 0.25 and low[i] == low[max(0, i - r):i + r + 1].max()]
    return np.array(peaks) * 1000 / fps


def test_a_bed_on_the_beat_is_not_measured_again_by_an_edit_that_leaves_it(tmp_path, monkeypatch):
    """A service session is loaded from its JSON for each message, its measures with it: an edit that
    leaves the bed as it was does not decode the song for its beat again (~0.5 s a 30 s song)."""
    from PIL import Image

    from reelforge import ai

    for i, colour in enumerate([(40, 70, 220), (220, 40, 40)]):
        Image.new("RGB", (320, 180), colour).save(tmp_path / f"shot{i}.png")
    _encode_audio(_music(20.0, bpm=BPM), tmp_path / "bed.m4a")
    s = Session.new()
    s.add_assets([tmp_path / "shot0.png", tmp_path / "shot1.png", tmp_path / "bed.m4a"], workdir=tmp_path / "media")
    s.handle("a 45 second slideshow with the music, no motion")
    aligned = s.timeline.track(Role.MUSIC).segments[0]
    assert aligned.loop_end_ms is not None
    calls = []
    real = ai.detect_beats
    monkeypatch.setattr(ai, "detect_beats", lambda *a, **k: calls.append(a) or real(*a, **k))
    again = Session.from_json(s.to_json())
    assert again.handle("make it vertical").changed
    assert calls == [] and again.timeline.track(Role.MUSIC).segments[0] == aligned
    assert again.handle("make it 60 seconds").changed  # the bed changes: its beat is read (once) and kept
    longer = again.timeline.track(Role.MUSIC).segments[0]
    assert len(calls) == 1 and (longer.loop_start_ms, longer.loop_end_ms) == (aligned.loop_start_ms, aligned.loop_end_ms)
