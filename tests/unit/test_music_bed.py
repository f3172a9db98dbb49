"""A music bed with silent ends: where it starts and what its loop repeats (pure decisions, the
compose/apply wiring and the compiled graph; the render itself is in
tests/render/test_render_music_bed.py)."""

from __future__ import annotations

import wave

import numpy as np
import pytest
from pydantic import ValidationError

from reelforge.ai.sound import body_start, measure_sound, sound_span
from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.audio_roles import music_of
from reelforge.planner.bed import MIN_SILENCE_MS, PAD_MS, Bed, bed_notes, looped_beats, music_bed
from reelforge.planner.compose import plan
from reelforge.render.compile import compile_render
from reelforge.timeline import (
    Asset,
    AssetKind,
    AudioSegment,
    Role,
    Track,
    TrackKind,
    VideoSegment,
    build,
)
from reelforge.timeline.model import loop_position

from .edit_cases import LIBRARY, sample_timeline

IMG = Asset(id="img", path="/m/a.jpg", name="a.jpg", kind=AssetKind.IMAGE, width=1920, height=1080)
LEAD = Asset(id="lead", path="/m/music_lead.wav", name="music_lead.wav", kind=AssetKind.AUDIO,
             duration_ms=40_000, has_audio=True)


# -- the decision ---------------------------------------------------------------------------
def test_a_silent_lead_in_is_skipped_and_left_out_of_the_loop():
    bed = music_bed((4000, 40_000), 40_000)
    assert bed == Bed(in_ms=4000 - PAD_MS, end_ms=None)
    assert bed.sound_ms(40_000) == 36_000 + PAD_MS
    assert bed.segment_fields() == {"in_ms": 3980, "loop_start_ms": 3980, "loop_end_ms": None}


def test_a_silent_tail_ends_the_loop_early():
    assert music_bed((0, 30_000), 33_000) == Bed(in_ms=0, end_ms=30_000 + PAD_MS)
    assert music_bed((2000, 30_000), 33_000) == Bed(in_ms=1980, end_ms=30_020)


def test_short_silences_and_unmeasured_music_are_left_alone():
    assert music_bed((MIN_SILENCE_MS - 1 + PAD_MS, 29_900), 30_000) == Bed()  # part of the timing
    assert music_bed(None, 30_000) == Bed()
    assert music_bed((0, 0), 30_000) == Bed()
    assert music_bed((5000, 9000), 0) == Bed()  # length unknown


def test_notes_say_what_was_done():
    bed = music_bed((4000, 40_000), 40_000)
    said = "; ".join(bed_notes(bed, 40_000, looped=True))
    assert "starts 3.98 s into the track, where the music comes in" in said
    assert "36.02 s with sound" in said and "silent lead-in is left out" in said
    assert bed_notes(Bed(), 40_000, looped=True) == ["looped (40 s long)"]
    assert bed_notes(Bed(), 40_000, looped=False) == []
    assert "silent ends are left out" in bed_notes(Bed(100, 500), 1000, looped=True)[1]


def test_loop_position_comes_round_inside_the_loop():
    assert loop_position(1000, 500, 3000, 4000) == 1000  # first time through
    assert loop_position(3000, 500, 3000, 4000) == 500
    assert loop_position(3700, 500, 3000, 4000) == 1200
    assert loop_position(5500, 500, 3000, 4000) == 500
    assert loop_position(4100, 0, None, 4000) == 100  # a whole-file loop, as before


def test_beats_repeat_with_the_loop_and_keep_their_source_times():
    beats = [100, 2100, 2600, 3100, 3600, 4100]  # 2 s of silence, then beats; a silent tail after 4.5 s
    # bed from 1980 to 4520 (2.54 s a time round), 8 s played
    out = looped_beats(beats, 1980, 1980, 4520, 5000, 8000)
    assert out[:5] == [2100, 2600, 3100, 3600, 4100]  # the beat in the silence before the in-point is gone
    assert out[5:10] == [t + 2540 for t in out[:5]]
    assert out[15:] == [2100 + 3 * 2540] and all(t - 1980 < 8000 for t in out)  # 8 s played: to 9.98 s
    assert looped_beats(beats, 0, 0, None, 5000, 3000) == beats


# -- measuring ------------------------------------------------------------------------------
def test_sound_span_is_relative_to_the_tracks_own_level():
    db = np.full(100, -90.0)
    db[20:80] = -30.0  # a quiet track: -30 dBFS
    db[79] = -65.0  # a soft release, within 40 dB of the peak: still sound
    assert sound_span(db, 20) == (400, 1600)
    assert sound_span(np.full(10, -120.0), 20) is None
    assert sound_span(np.zeros(0), 20) is None


def test_a_long_quiet_intro_is_skipped_to_where_the_music_comes_in():
    beat = np.tile([-12.0, -20.0, -25.0, -20.0, -18.0], 100)  # 10 s of a body around -16 dB
    # 4 s of a pad 24 dB under it: the music comes in at its first loud frame
    assert body_start(np.concatenate([np.full(200, -40.0), beat]), 0, 20) == 4000
    assert body_start(np.concatenate([np.full(200, -40.0), beat]), 300, 20) == 4000  # from the sound's start
    assert body_start(np.concatenate([np.full(50, -40.0), beat]), 0, 20) == 0  # 1 s: part of the timing
    assert body_start(np.concatenate([np.full(200, -30.0), beat]), 0, 20) == 0  # 14 dB under: a soft verse
    assert body_start(beat, 0, 20) == 0
    assert body_start(np.concatenate([beat, np.full(400, -45.0)]), 0, 20) == 0  # a quiet outro is no intro
    assert body_start(np.full(30, -40.0), 0, 20) == 0  # too short to tell


def test_measure_sound_on_a_file(tmp_path):
    rate = 48000
    t = np.arange(int(3.0 * rate)) / rate
    x = np.where((t >= 1.0) & (t < 2.5), 0.3 * np.sin(2 * np.pi * 440 * t), 0.0)
    x += np.random.default_rng(0).normal(0, 1e-5, x.size)  # dither in the silence
    path = tmp_path / "lead.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((x * 32767).astype("<i2").tobytes())
    found = measure_sound(path)
    assert found is not None and found.duration_ms == 3000
    assert abs(found.start_ms - 1000) <= 20 and abs(found.end_ms - 2500) <= 20


# -- the first cut and "replace the music" --------------------------------------------------
def test_first_cut_starts_the_music_where_its_sound_begins():
    assert music_of("a promo", [IMG, LEAD]) is LEAD
    p = plan("a 60-second promo, hard cuts", [IMG, LEAD], sound={"lead": (4000, 40_000)})
    m = p.timeline.track(Role.MUSIC).segments[0]
    assert (m.in_ms, m.loop, m.loop_start_ms, m.loop_end_ms) == (3980, True, 3980, None)
    assert any("starts 3.98 s into the track, where the music comes in" in n for n in p.notes)
    plain = plan("a 60-second promo, hard cuts", [IMG, LEAD]).timeline.track(Role.MUSIC).segments[0]
    assert (plain.in_ms, plain.loop, plain.loop_end_ms) == (0, True, None)


def test_the_silent_ends_decide_whether_the_music_loops():
    # 40 s of music with 4 s of silence at each end under a 35 s video: 32 s of sound, so it loops
    p = plan("a 35-second promo", [IMG, LEAD], sound={"lead": (4000, 36_000)})
    m = p.timeline.track(Role.MUSIC).segments[0]
    assert m.loop and (m.in_ms, m.loop_end_ms) == (3980, 36_020)
    assert any("silent ends are left out" in n for n in p.notes)


def test_replace_music_uses_the_measured_sound():
    jazz = next(a for a in LIBRARY if a.id == "jazz1")  # 20 s under a 30 s video
    new = apply(sample_timeline(), [O.ReplaceMusic(asset_id="jazz1", sound=(1500, 18_000))], library=LIBRARY)
    m = new.track(Role.MUSIC).segments[0]
    assert (m.in_ms, m.loop, m.loop_start_ms, m.loop_end_ms) == (1480, True, 1480, 18_020)
    assert m.loop_end_ms < jazz.duration_ms
    old = apply(sample_timeline(), [O.ReplaceMusic(asset_id="jazz1")], library=LIBRARY)
    assert old.track(Role.MUSIC).segments[0].in_ms == 0


def test_a_split_bed_comes_round_inside_its_loop():
    tl = apply(sample_timeline(), [O.ReplaceMusic(asset_id="jazz1", sound=(1500, 18_000))], library=LIBRARY)
    tl = apply(tl, [O.SetVolume(role="music", volume=0.1, span=O.Span(start_ms=20_000, end_ms=25_000))],
               library=LIBRARY)
    pieces = tl.track(Role.MUSIC).segments
    assert [p.start for p in pieces] == [0, 20_000, 25_000]
    # 16.54 s a time round from 1.48 s: 20 s in is 3.46 s into the second time round
    assert pieces[1].in_ms == 1480 + (20_000 - 16_540) and pieces[2].in_ms == 1480 + (25_000 - 16_540)
    assert all((p.loop_start_ms, p.loop_end_ms) == (1480, 18_020) for p in pieces)


def test_lengthening_the_video_loops_a_bed_whose_sound_is_too_short():
    tl = plan("a 30-second promo", [IMG, LEAD], sound={"lead": (4000, 40_000)}).timeline
    assert not tl.track(Role.MUSIC).segments[0].loop  # 36.02 s of sound under 30 s
    m = apply(tl, [O.SetTotalDuration(duration_ms=38_000)], library=[IMG, LEAD]).track(Role.MUSIC).segments[0]
    assert m.loop and m.duration == 38_000 and (m.in_ms, m.loop_start_ms) == (3980, 3980)


def test_a_loop_region_needs_its_start_before_its_end():
    with pytest.raises(ValidationError):
        AudioSegment(id="a", start=0, duration=1000, src="lead", loop=True, loop_start_ms=500, loop_end_ms=500)


# -- the compiled graph ---------------------------------------------------------------------
def _bed(**seg) -> list[str]:
    tl = build(width=320, height=180, fps=30, duration=seg.pop("duration", 60_000), assets=(IMG, LEAD), tracks=[
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN,
              segments=(VideoSegment(id="v", start=0, duration=seg.get("d", 60_000), src="img"),)),
        Track(id="music", kind=TrackKind.AUDIO, role=Role.MUSIC,
              segments=(AudioSegment(id="m", start=0, duration=seg.pop("d", 60_000), src="lead", **seg),))])
    cmd = compile_render(tl, "/out/v.mp4", workdir="/work")
    inputs = [cmd.argv[i - k:i] for i, a in enumerate(cmd.argv) if a == "-i" for k in (6,)]
    return [" ".join(x) for x in inputs], cmd.filter_graph


def test_a_trimmed_loop_repeats_only_its_part_with_sound():
    inputs, graph = _bed(in_ms=3980, loop=True, loop_start_ms=3980)
    music = [i for i in inputs if "-ss 3.980" in i]
    assert len(music) == 1 and "-t 36.020" in music[0] and "-stream_loop" not in " ".join(inputs)
    samples = 36_020 * 48
    assert f"atrim=end_sample={samples}" in graph and f"aloop=loop=-1:size={samples}" in graph
    assert "concat=n=2:v=0:a=1" not in graph


def test_a_piece_that_starts_mid_loop_plays_to_the_loop_end_then_repeats():
    inputs, graph = _bed(in_ms=20_000, loop=True, loop_start_ms=3980, loop_end_ms=36_000, d=40_000,
                         duration=40_000)
    assert any("-ss 20.000 -t 16.000" in i for i in inputs) and any("-ss 3.980 -t 32.020" in i for i in inputs)
    assert "concat=n=2:v=0:a=1" in graph and "aloop=loop=-1" in graph


def test_whole_file_loops_and_beds_that_never_come_round_are_as_before():
    inputs, graph = _bed(loop=True)
    assert any("-stream_loop -1" in i for i in inputs) and "aloop" not in graph
    inputs, graph = _bed(in_ms=3980, loop=True, loop_start_ms=3980, d=30_000, duration=30_000)
    assert any("-ss 3.980 -t 30.000" in i for i in inputs) and "aloop" not in graph
