"""User tests of session 34: an eighth batch of sessions typed by someone who had not seen the planner.
Each case is checked through the planner as a session plans it (placeholder assets, no media)."""

from __future__ import annotations

import pytest

from reelforge.planner.time_words import parse_duration_ms
from reelforge.timeline import Role

from .test_compose import aud, clip, img, session_after


def _texts(tl, role: Role) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role is role for s in tr.segments]


@pytest.mark.parametrize(("said", "ms"), [
    # an age group is no length ("£8 under 16s" made a 16 s video of a "about 45 secs?" showcase)
    ("tickets £12 adults £8 under 16s. link x.co.uk\nabout 45 secs?", 45_000),
    ("free entry for under 5s, 20 second reel", 20_000), ("£5 kids under 12s", None),
    ("keep it under 30s", 30_000), ("a video under 30s", 30_000),
    # "around" a length is one ("a promo around 30 seconds" asked for none); a point in time is not
    ("make a promo around 30 seconds", 30_000), ("around 30s", 30_000), ("the music kicks in around 10 seconds", None),
    # the words a label puts on screen ("Text: 60 minutes." made a 600 s video of two stills)
    ("Teaser trailer. Text: 60 minutes. 2-6 players. Can you escape?", None), ("文字：60分钟 2-6人", None),
    # how far away a place is ("在大唐不夜城旁边走路5分钟" made a 300 s video)
    ("在大唐不夜城旁边走路5分钟。单人妆造+服装199", None), ("离地铁站5分钟", None), ("开车20分钟就到", None),
    ("步行10分钟 做个30秒的视频", 30_000), ("a 5 min walk from the station", None),
])
def test_lengths_that_are_not_the_videos(said, ms):
    assert parse_duration_ms(said) == ms


def test_an_escape_rooms_hour_and_a_walk_away_are_not_the_videos_length():
    s, _ = session_after([img("room1_wide.jpg", 0), img("clue box close up.jpg", 1), aud("tension_build.mp3", 90_000)],
                         "Teaser trailer for our new room THE CURATOR'S CURSE. Text: 60 minutes. 2-6 players. "
                         "Can you escape? End card: Opens 1st April - book at thevaultescape.co.uk. vertical")
    assert s.timeline.duration <= 60_000, s.timeline.duration
    s, _ = session_after([img("a.jpg", 0), img("b.jpg", 1), aud("古风音乐.mp3", 120_000)],
                         "做一个汉服体验的宣传视频，店名云裳汉服馆，在大唐不夜城旁边走路5分钟。单人妆造+服装199")
    assert s.timeline.duration <= 60_000, s.timeline.duration
