"""A picture shown whole on its own backdrop (a logo end card): how much of the frame it may
fill, where it goes, and the op that carries the choice (pure code; rendered in
tests/render/test_render_logo_card.py)."""

from __future__ import annotations

import doctest

import pytest

from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.render import framing, stills
from reelforge.timeline import Role
from reelforge.timeline.model import Motion

from .test_user_phrasings_s24 import THREE


def test_the_card_functions_examples():
    assert doctest.testmod(framing).failed == 0
    assert doctest.testmod(stills).failed == 0


@pytest.mark.parametrize(("src", "frame", "most", "fills"), [
    ((800, 800), (1080, 1920), framing.CARD_LOGO, (0.6, None)),  # a round badge, 9:16: the width decides
    ((800, 800), (1920, 1080), framing.CARD_LOGO, (None, 0.4)),  # 16:9: the height decides
    ((1200, 240), (1920, 1080), framing.CARD_LOGO, (0.6, None)),  # a wordmark
    ((300, 900), (1080, 1080), framing.CARD_OBJECT, (None, 0.7)),  # a bottle cut out
])
def test_a_card_leaves_room_around_its_picture(src, frame, most, fills):
    room = framing.card_room(*src, (0, 0, 1, 1), *frame, most)
    k = min(frame[0] / src[0], frame[1] / src[1]) * room
    w, h = src[0] * k / frame[0], src[1] * k / frame[1]
    assert w <= most[0] + 1e-9 and h <= most[1] + 1e-9
    if fills[0]:
        assert w > fills[0] - 0.011
    if fills[1]:
        assert h > fills[1] - 0.011


def test_a_tiny_picture_is_never_shrunk_to_nothing():
    assert framing.card_room(4000, 10, (0, 0, 1, 1), 1080, 1920, framing.CARD_LOGO) == 0.6
    assert framing.card_room(10, 10, (0.49, 0.49, 0.5, 0.5), 1080, 1920, framing.CARD_LOGO) == 1.0
    assert framing.card_room(0, 0, (0, 0, 1, 1), 1080, 1920, framing.CARD_LOGO) == 1.0


def test_set_backdrop_carries_colour_and_room_and_a_card_zooms_rather_than_drifts():
    from reelforge.planner import plan

    tl = plan("a 9 second video", THREE).timeline
    main = tl.track(Role.MAIN)
    last = main.segments[-1]
    tl = apply(tl, [O.SetMotion(target=O.Target(id=last.id), motion=Motion.PAN_LEFT)], library=tuple(THREE))
    out = apply(tl, [O.SetBackdrop(target=O.Target(id=last.id), color="#ffffff", room=0.6)], library=tuple(THREE))
    seg = out.track(Role.MAIN).segments[-1]
    assert (seg.backdrop, seg.scale, seg.motion) == ("#FFFFFF", 0.6, Motion.ZOOM_IN)
    # a backdrop alone (a cut-out filling the frame) keeps its move
    out = apply(tl, [O.SetBackdrop(target=O.Target(id=last.id), color="#121212")], library=tuple(THREE))
    seg = out.track(Role.MAIN).segments[-1]
    assert (seg.backdrop, seg.scale, seg.motion) == ("#121212", 1.0, Motion.PAN_LEFT)
    with pytest.raises(ApplyError):
        apply(tl, [O.SetBackdrop(target=O.Target(id="nope"), color="#FFFFFF")], library=tuple(THREE))
