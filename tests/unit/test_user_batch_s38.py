"""Session 38: what the eleventh batch of users (session 37) left not done or half done, each
checked through the planner as a session plans it (placeholder assets, no media)."""

from __future__ import annotations

import pytest

from reelforge.timeline import Role

from .test_compose import aud, clip, img, session_after

YOGA = [img("studio_wide.jpg", 0), img("IMG_7781.jpg", 1), img("IMG_7790.jpg", 2), clip("flow_class.mp4", 12_000),
        aud("voiceover_intro.m4a", 100_000), aud("ambient pad.mp3", 100_000)]
YOGA_FIRST = ("hi! we're Salt & Sun Yoga in West End Brisbane, new timetable starts 3 March: vinyasa mon/wed 6am & 6pm, "
              "yin tues/thurs 7pm, hot pilates sat 8am. intro offer 2 weeks unlimited for $39 (new students only). my "
              "voiceover is attached pls use it and keep the music soft underneath. website saltandsunyoga.com.au. calm "
              "vibe, for insta reels")


def _texts(tl) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA) for s in tr.segments]


def _shots(tl) -> list[str]:
    return [s.name for s in tl.track(Role.MAIN).segments]


@pytest.mark.parametrize("said", ["change the offer to $45 for 3 weeks", "change the intro offer to $45 for 3 weeks",
                                  "change the deal to $45 for 3 weeks"])
def test_the_offer_shown_as_its_price_is_changed(said):
    # "There is no 'offer' in the project", nothing changed: the offer was on screen as "$39"
    s, (r,) = session_after(YOGA, YOGA_FIRST, said)
    shown = _texts(s.timeline)
    assert "$45 for 3 weeks" in shown and not any("$39" in t for t in shown), (shown, r.message)
    assert "no 'offer'" not in r.message and "no 'deal'" not in r.message


def test_a_clip_already_shown_used_first_instead_of_a_picture_moves_there():
    # it replaced the studio picture with a second copy of the clip (the same footage twice)
    s, (r,) = session_after(YOGA, YOGA_FIRST, "use the class clip first instead of the studio pic")
    shots = _shots(s.timeline)
    assert shots[0] == "flow_class.mp4" and shots.count("flow_class.mp4") == 1, (shots, r.message)
    assert "studio_wide.jpg" in shots and "flow_class.mp4" in r.message  # "first" said: the picture stays


def test_a_clip_already_shown_used_instead_of_a_picture_takes_its_place():
    s, (r,) = session_after(YOGA, YOGA_FIRST, "use the class clip instead of the second photo")
    assert _shots(s.timeline) == ["studio_wide.jpg", "flow_class.mp4", "IMG_7790.jpg"], r.message


INN = [img("院子.jpg", 0), img("房间.jpg", 1), img("早餐.jpg", 2), clip("航拍.mp4", 12_000), aud("旁白.m4a", 100_000),
       aud("轻音乐.mp3", 100_000)]
INN_FIRST = ("莫干山 山居·云栖民宿 周末房价 大床房598/晚 含双早 家庭房888/晚 节假日另议（五一涨价20%）预定电话/微信18968001234 "
             "配我录的旁白 加背景音乐 要安静 治愈那种 时长跟旁白差不多")


def test_an_undo_said_with_what_it_brings_back_undoes():
    # "撤销一下 还是横的吧" only made the frame 16:9 again: the minute's cut and the voiceover cut at 60 s stayed
    s, _ = session_after(INN, INN_FIRST)
    before = (s.timeline.duration, s.timeline.width, s.timeline.height)
    s.handle("改成竖屏发抖音 一分钟")
    assert (s.timeline.duration, s.timeline.width) == (60_000, 1080)
    r = s.handle("撤销一下 还是横的吧")
    assert (s.timeline.duration, s.timeline.width, s.timeline.height) == before, r.message
    assert "撤销" in r.message


def test_an_undo_then_an_edit_in_one_message_does_both():
    s, (vertical, r) = session_after(YOGA, YOGA_FIRST, "make the music 20%", "undo that, and make it square")
    assert vertical.changed and (s.timeline.width, s.timeline.height) == (1080, 1080), r.message
    music = next(t for t in s.timeline.tracks if t.role is Role.MUSIC).segments[0]
    assert music.volume != pytest.approx(0.2), r.message  # the 20 % taken back
    assert "Undid" in r.message
