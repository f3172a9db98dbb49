"""render.checks: honest warnings before a render (clip shorter than its slot, text shrunk below
a readable size, text the layout had to delay or leave out), and the session saying them."""

from __future__ import annotations

from reelforge.render.checks import layout_notes, short_clips, small_texts, warnings
from reelforge.session import Session
from reelforge.timeline import Position, Role, TextSegment, Track, TrackKind, VideoSegment, build
from reelforge.timeline.model import Asset, AssetKind

CLIP = Asset(id="c", path="/m/surf.mp4", name="surf.mp4", kind=AssetKind.VIDEO, width=1920, height=1080,
             duration_ms=3000, fps=30)
STILL = Asset(id="s", path="/m/shoe.jpg", name="red-shoe.jpg", kind=AssetKind.IMAGE, width=1600, height=1200)


def _tl(*text: tuple[str, str, int, int, Position], clip_ms: int = 3000, in_ms: int = 0, w=1080, h=1920):
    main = Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
        VideoSegment(id="v1", start=0, duration=clip_ms, src="c", name="surf.mp4", in_ms=in_ms),))
    tracks = [main]
    for i, (role, words, start, dur, pos) in enumerate(text):
        tracks.append(Track(id=f"t{i}", kind=TrackKind.TEXT, role=Role(role), segments=(
            TextSegment(id=f"x{i}", start=start, duration=dur, text=words, position=pos),)))
    return build(width=w, height=h, fps=30, duration=max(clip_ms, 6000), assets=[CLIP], tracks=tracks)


def test_clip_shorter_than_its_slot_is_named():
    assert short_clips(_tl(clip_ms=3000)) == []
    (msg,) = short_clips(_tl(clip_ms=5000, in_ms=500))
    assert "'surf.mp4' is 2.5 s shorter than its slot (2.5 s of 5 s)" in msg and "last frame" in msg


def test_text_below_readable_size_is_named():
    ok = _tl(("title", "Spring Sale", 0, 3000, Position.CENTER))
    assert small_texts(ok) == []
    long = "An extremely long title that goes on and on about our wonderful new product line " * 2
    (msg,) = small_texts(_tl(("title", long, 0, 3000, Position.CENTER)))
    assert "had to shrink to" in msg and "below the readable 38 px" in msg


def test_layout_delays_and_drops_are_named():
    words = "A rather long line of words that takes two lines"
    crowd = [("title", f"{words} {i}", 0, 3000, Position.CENTER) for i in range(8)]
    crowded = _tl(*crowd, ("cta", "Four", 500, 1200, Position.CENTER), ("caption", "Five", 1000, 4000, Position.BOTTOM))
    notes = layout_notes(crowded)
    assert any("'Four' is left out" in n for n in notes), notes
    assert any("'Five' starts at 3 s instead of 1 s" in n for n in notes), notes
    assert set(notes) <= set(warnings(crowded))


def test_session_says_the_warnings_in_the_first_cut():
    s = Session.new()
    s.library = (STILL,)
    long = "This is an extremely long title that goes on and on about our wonderful new product line forever"
    r = s.handle(f'vertical promo with the title "{long}" and the caption "{long} {long}"')
    assert "below the readable" in r.message and any("below the readable" in n for n in r.notes)


def test_a_still_held_long_enough_to_look_frozen_is_named():
    from reelforge.render.checks import long_stills
    from reelforge.timeline import Motion

    pic = Asset(id="p", path="/m/coffee.jpg", name="coffee.jpg", kind=AssetKind.IMAGE, width=1920, height=1080)

    def tl(ms: int, motion: Motion):
        return build(duration=ms, assets=[pic], tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="v", start=0, duration=ms, src="p", motion=motion),))])

    assert long_stills(tl(5000, Motion.NONE)) == [] and long_stills(tl(9000, Motion.ZOOM_IN)) == []
    (said,) = long_stills(tl(15000, Motion.NONE))
    assert "'coffee.jpg' stays on screen 15 s without motion" in said
    assert long_stills(tl(20000, Motion.ZOOM_IN)) and said in warnings(tl(15000, Motion.NONE))


def test_a_place_asked_for_that_the_layout_could_not_keep_is_named():
    """A title asked "at the top" over a picture whose subject fills the top goes lower (clear of
    the subject) and the notes say so; one at the top of a picture with room there says nothing."""
    def tl(subject):
        main = Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="v1", start=0, duration=6000, src="s", name="red-shoe.jpg", subject=subject,
                         core=subject),))
        title = Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id="x", start=0, duration=3000, text="Summer Sale", position=Position.TOP),))
        return build(width=1920, height=1080, fps=30, duration=6000, assets=[STILL], tracks=[main, title])

    (msg,) = [n for n in layout_notes(tl((0.1, 0.0, 0.9, 0.5))) if "Summer Sale" in n]
    assert "is in the middle part of the frame, not at the top" in msg or \
        "is in the bottom part of the frame, not at the top" in msg
    assert not [n for n in layout_notes(tl((0.1, 0.5, 0.9, 1.0))) if "Summer Sale" in n]
