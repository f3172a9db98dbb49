"""A cropped still's move has room in the frame, or the shot is held still and the plan says so
(user test r9: Grace Hopper's 512x600 photo in a 16:9 video was labelled "pan-right" and did not
move: frames 2.8 s apart differed by 0.007 grey levels; the crop already spans the picture's
width and her head box is taller than the crop, so no pan or zoom keeps it whole)."""

from __future__ import annotations

import pytest

from reelforge.render import framing
from reelforge.timeline.model import Motion, VideoSegment

GRACE = dict(subject=(0.1534, 0.0, 0.8832, 0.6362), core=(0.2446, 0.1298, 0.792, 0.5973), focus=(0.5183, 0.3181))


def _seg(motion: Motion, **kw) -> VideoSegment:
    return VideoSegment(id="v1", start=0, duration=4000, src="a", motion=motion, **kw)


@pytest.mark.parametrize("motion", [m for m in Motion if m is not Motion.NONE])
def test_a_subject_as_tall_as_the_crop_holds_every_move_still(motion):
    seg = _seg(motion, **GRACE)
    assert framing.travel(framing.shot_plan(seg, 512, 600, 1280, 720)) == 0.0
    assert framing.moving_motion(seg, 512, 600, 1280, 720) is Motion.NONE
    # in 9:16 the same photo has room for the move it was given
    assert framing.moving_motion(seg, 512, 600, 720, 1280) is motion


def test_a_pan_without_room_across_pans_down_instead():
    """A portrait picture whose subject spans its width: no room across in 16:9, room up and down."""
    seg = _seg(Motion.PAN_RIGHT, subject=(0.02, 0.4, 0.98, 0.6), core=(0.05, 0.42, 0.95, 0.58))
    assert framing.travel(framing.shot_plan(seg, 600, 1000, 1280, 720)) == 0.0
    assert framing.moving_motion(seg, 600, 1000, 1280, 720) is Motion.PAN_DOWN
    path = framing.shot_plan(seg.model_copy(update={"motion": Motion.PAN_DOWN}), 600, 1000, 1280, 720)
    assert framing.travel(path) == pytest.approx(0.12)
    assert path.end.y > path.start.y and path.end.x == path.start.x
    zoom = seg.model_copy(update={"motion": Motion.ZOOM_IN})  # no room to close in either
    assert framing.moving_motion(zoom, 600, 1000, 1280, 720) is Motion.PAN_DOWN


def test_a_move_with_room_is_kept():
    for motion in (Motion.PAN_RIGHT, Motion.PAN_LEFT, Motion.ZOOM_IN, Motion.ZOOM_OUT):
        small = _seg(motion, subject=(0.3, 0.3, 0.6, 0.5), core=(0.35, 0.35, 0.55, 0.45))
        assert framing.moving_motion(small, 512, 600, 1280, 720) is motion
        assert framing.moving_motion(_seg(motion), 512, 600, 1280, 720) is motion  # no subject: the centre
    assert framing.moving_motion(_seg(Motion.NONE, **GRACE), 512, 600, 720, 1280) is Motion.NONE


def test_travel():
    r = framing.Rect
    assert framing.travel(framing.Path(r(0, 0, 100, 50), r(12, 0, 100, 50))) == pytest.approx(0.12)
    assert framing.travel(framing.Path(r(0, 0, 112, 56), r(6, 3, 100, 50))) == pytest.approx(12 / 112)
    assert framing.travel(framing.Path(r(0, 0, 100, 50), r(0, 0, 100, 50))) == 0.0


def test_the_plan_holds_grace_hopper_still_in_16_9_and_gives_her_move_back_in_9_16(tmp_path):
    """The session: the draft says "none" and the reply says why; a frame with room gives the move
    back; a motion the user set afterwards is theirs ("no motion" stays after a frame change)."""
    from reelforge.session import Session

    from ..render._photos import write_photos

    (photo,) = write_photos(tmp_path / "photos", ["grace_hopper"])
    s = Session.new()
    s.add_assets([photo.path], workdir=tmp_path / "media")

    def motion() -> Motion:
        (shot,) = s.timeline.tracks[0].segments
        return shot.motion

    reply = s.handle("a 4-second 16:9 video of this photo, no text")
    assert motion() is Motion.NONE
    assert "'grace_hopper.jpg' is held still: its subject fills the 1920x1080 frame's crop" in reply.message
    reply = s.handle("make it vertical")
    assert motion() is Motion.ZOOM_IN and "'grace_hopper.jpg' zooms in again" in reply.message, reply.message
    reply = s.handle("make it 16:9")
    assert motion() is Motion.NONE and "is held still" in reply.message
    reply = s.handle("pan right")  # asked for: still no room, and the reply says so instead of "already was"
    assert motion() is Motion.NONE and "is held still" in reply.message, reply.message
    s.handle("make it vertical")
    assert motion() is Motion.PAN_RIGHT  # the move last asked for
    s.handle("no motion")
    s.handle("make it 16:9")
    s.handle("make it vertical")
    assert motion() is Motion.NONE
