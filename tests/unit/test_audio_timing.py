"""When a sound track plays (`SetAudioTiming`): moved on the timeline, played from another point
of its source; the music bed keeps ending with the video, captions timed to the voice move with
it, and what cannot be done is said."""

from __future__ import annotations

import pytest

from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, check_invariants, sample_timeline


def _music(tl):
    return tl.track(Role.MUSIC).segments


def test_music_starts_later_and_still_ends_with_the_video():
    tl = apply(sample_timeline(), [O.SetAudioTiming(start_ms=5000)], library=LIBRARY)
    (m,) = _music(tl)
    assert (m.start, m.end, m.in_ms, m.fade_out_ms) == (5000, 30000, 0, 1500)
    check_invariants(tl)


def test_music_moved_back_to_the_start_plays_to_the_end_again():
    later = apply(sample_timeline(), [O.SetAudioTiming(start_ms=5000)], library=LIBRARY)
    again = apply(later, [O.SetAudioTiming(start_ms=0)], library=LIBRARY)
    (m,) = _music(again)
    assert (m.start, m.end, m.in_ms) == (0, 30000, 0)


def test_a_bed_in_pieces_moves_together_and_keeps_its_place_in_the_song():
    quiet = apply(sample_timeline(), [O.SetVolume(volume=0.1, span=O.Span(start_ms=10000, end_ms=15000))],
                  library=LIBRARY)
    assert len(_music(quiet)) == 3
    tl = apply(quiet, [O.SetAudioTiming(by_ms=2000)], library=LIBRARY)
    segs = _music(tl)
    assert [(s.start, s.end) for s in segs] == [(2000, 12000), (12000, 17000), (17000, 30000)]
    # the song plays on without a jump from piece to piece
    assert [s.in_ms for s in segs] == [0, 10000, 15000]
    assert [s.volume for s in segs] == [0.35, 0.1, 0.35]


def test_music_from_a_point_of_the_song_loops_when_the_rest_is_too_short():
    tl = apply(sample_timeline(), [O.SetAudioTiming(from_ms=45000)], library=LIBRARY)  # bgm.mp3 is 60 s
    (m,) = _music(tl)
    assert (m.start, m.end, m.in_ms, m.loop) == (0, 30000, 45000, True)
    with pytest.raises(ApplyError, match="only 60s long"):
        apply(sample_timeline(), [O.SetAudioTiming(from_ms=61000)], library=LIBRARY)


def test_the_voiceover_moves_with_its_captions_and_is_cut_at_the_end():
    cues = [O.Cue(start_ms=1000, end_ms=3000, text="Urban Dreams"), O.Cue(start_ms=22000, end_ms=24000, text="Shop")]
    tl = apply(sample_timeline(), [O.SetCaptions(cues=cues)], library=LIBRARY)
    moved = apply(tl, [O.SetAudioTiming(role="voice", by_ms=7000)], library=LIBRARY)
    (v,) = moved.track(Role.VOICE).segments
    assert (v.start, v.end, v.in_ms) == (7000, 30000, 0)  # 24 s of voice from 7 s: its last 1 s cut
    caps = moved.track(Role.CAPTION).segments
    assert [(c.start, c.end, c.text) for c in caps] == [(8000, 10000, "Urban Dreams"), (29000, 30000, "Shop")]
    check_invariants(moved)


def test_what_cannot_be_done_is_an_error_not_a_silent_change():
    with pytest.raises(ApplyError, match="would start after it ends"):
        apply(sample_timeline(), [O.SetAudioTiming(start_ms=30000)], library=LIBRARY)
    no_music = apply(sample_timeline(), [O.RemoveTrack(role=Role.MUSIC)], library=LIBRARY)
    with pytest.raises(ApplyError, match="no music"):
        apply(no_music, [O.SetAudioTiming(start_ms=1000)], library=LIBRARY)
    with pytest.raises(ValueError):
        O.SetAudioTiming(start_ms=1000, by_ms=1000)


def test_the_reply_says_what_moved_and_when_a_voiceover_is_cut():
    plan = plan_edit("delay the voiceover by 10 seconds", sample_timeline(), library=LIBRARY)
    assert plan.ops == (O.SetAudioTiming(role="voice", by_ms=10000),)
    assert "its last 4s are cut" in plan.reply
    later = plan_edit("make the music start later", sample_timeline(), library=LIBRARY)
    assert "Moved to start at 3s" in later.reply  # after the title, and it says so
    zh = plan_edit("音乐从第5秒开始", sample_timeline(), library=LIBRARY)
    assert "背景音乐从第5秒开始" in zh.reply
