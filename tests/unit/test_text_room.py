"""Pictures framed to leave room for their text (`AIStage.text_room_ops`, via the session):
a subject that a crop would put under the text is shown whole over a blurred fill, and cropped
again once the text has gone. Real photo, real subject detection, real layout (no render)."""

from __future__ import annotations

import pytest

from reelforge.render.checks import text_over_shot, text_over_subjects, text_sizes
from reelforge.render.layout import MAX_SUBJECT_SHARE
from reelforge.session import Session
from reelforge.timeline.model import Fit

from ..render._photos import write_photos

PROMPT = '{} 6 second video with the caption "A city that never sleeps, and a bag that keeps up with it"'


@pytest.fixture(scope="module")
def flower(tmp_path_factory):
    return write_photos(tmp_path_factory.mktemp("photos"), ["flower"])[0].path


def _session(tmp_path, flower, shape: str) -> tuple[Session, str]:
    s = Session.new()
    s.add_assets([flower], workdir=tmp_path / "media")
    r = s.handle(PROMPT.format(shape))
    assert r.changed, r.message
    return s, r.message


def _shot(s: Session):
    return s.timeline.tracks[0].segments[0]


def test_a_square_cut_shows_a_frame_filling_subject_whole_so_its_text_clears_it(tmp_path, flower):
    # the dahlia fills a square crop top to bottom: no place for a two-line caption, a title and
    # a call to action clears it; shown whole, the frame has room above and below it
    s, said = _session(tmp_path, flower, "a square")
    assert _shot(s).fit is Fit.BLUR and _shot(s).subject is not None
    assert text_over_subjects(s.timeline)[_shot(s).id] <= MAX_SUBJECT_SHARE
    assert "blurred fill" in said and "under the text" in said
    # cropped, the same text would cover it
    from reelforge.timeline import replace

    cropped = s.timeline.tracks[0].segments[0].model_copy(update={"fit": Fit.COVER})
    tl = replace(s.timeline, tracks=(replace(s.timeline.tracks[0], segments=(cropped,)), *s.timeline.tracks[1:]))
    assert text_over_subjects(tl)[cropped.id] > MAX_SUBJECT_SHARE
    # a trial lays out only what is on screen with the shot, with the texts' sizes drawn once:
    # the same figures as the whole layout
    sizes = text_sizes(s.timeline)
    assert text_over_shot(s.timeline, sizes, cropped.id, {cropped.id: Fit.COVER}) == \
        pytest.approx(text_over_subjects(tl)[cropped.id])
    assert text_over_shot(s.timeline, sizes, cropped.id, {}) == text_over_subjects(s.timeline)[cropped.id]
    # the text gone, the crop is back
    for edit in ("remove the caption", "remove the title", "remove the call to action"):
        assert s.handle(edit).changed
    assert _shot(s).fit is Fit.COVER and _shot(s).subject is not None


def test_a_wide_cut_keeps_the_crop_where_the_text_has_room_beside_the_subject(tmp_path, flower):
    s = Session.new()
    s.add_assets([flower], workdir=tmp_path / "media")
    said = s.handle('a 6 second video called "Bloom"').message
    assert (s.timeline.width, s.timeline.height) == (1920, 1080)
    assert _shot(s).fit is Fit.COVER
    assert text_over_subjects(s.timeline)[_shot(s).id] <= MAX_SUBJECT_SHARE
    assert "blurred fill" not in said


def test_smart_crop_off_leaves_the_crop_to_the_user(tmp_path, flower):
    s, _ = _session(tmp_path, flower, "a square")
    s.handle("centre crop")
    assert _shot(s).fit is Fit.COVER and _shot(s).subject is None


def test_a_fit_the_user_asked_for_stays_whatever_the_text_needs(tmp_path, flower):
    s, _ = _session(tmp_path, flower, "a square")
    assert _shot(s).fit is Fit.BLUR  # the framing's room for the caption (above)
    said = s.handle("fill the frame").message
    # the user's crop, though the caption now covers the flower: kept, and no reason invented for it
    assert _shot(s).fit is Fit.COVER and _shot(s).fit_locked and _shot(s).subject is not None
    assert text_over_subjects(s.timeline)[_shot(s).id] > MAX_SUBJECT_SHARE
    assert "blurred fill" not in said
    s.handle("make the caption yellow")
    assert _shot(s).fit is Fit.COVER
    # asked to frame again, the framing makes its room again
    s.handle("smart crop")
    assert _shot(s).fit is Fit.BLUR and not _shot(s).fit_locked
    # a blurred background asked for stays when the text has gone (the framing's would be cropped again)
    said = s.handle("use a blurred background").message
    assert "under the text" not in said
    for edit in ("remove the caption", "remove the title", "remove the call to action"):
        s.handle(edit)
    assert _shot(s).fit is Fit.BLUR and _shot(s).fit_locked


def test_a_cutout_no_crop_holds_is_shown_whole_on_the_plain_background(tmp_path):
    """A product cut-out (a red disc on transparent pixels) too wide for a 9:16 crop: whole, on
    the background colour (contain), not over a blurred copy of itself."""
    import numpy as np
    from PIL import Image

    h, w = 400, 600
    yy, xx = np.mgrid[:h, :w]
    disc = (yy - 200) ** 2 + (xx - 300) ** 2 <= 170 ** 2
    rgba = np.zeros((h, w, 4), np.uint8)
    rgba[disc] = (220, 30, 40, 255)
    Image.fromarray(rgba, "RGBA").save(tmp_path / "disc.png")
    s = Session.new()
    s.add_assets([tmp_path / "disc.png"], workdir=tmp_path / "media")
    assert s.handle("a vertical 4 second video").changed
    assert _shot(s).fit is Fit.CONTAIN and _shot(s).subject is not None
    assert s.handle("square").changed  # shown whole once, it stays whole in another frame
    assert _shot(s).fit is Fit.CONTAIN


def test_a_trial_sees_what_its_texts_are_laid_out_around(tmp_path):
    """User test s22: a caption ran on past the rocket's shot into the first moment of the call to
    action; laid out alone, the trial put the caption where the call to action goes (clear of the
    rocket), so every edit flipped the rocket between its crop and the blurred fill (and said so)."""
    from reelforge.timeline import Role, replace

    photos = [p.path for p in write_photos(tmp_path / "photos", ["rocket", "china"])]
    s = Session.new()
    s.add_assets(photos, workdir=tmp_path / "media")
    assert s.handle("a vertical 10 second video, end with 'Tickets $12 at sciencehall.org'").changed
    cta = s.timeline.track(Role.CTA).segments[0]
    said = s.handle(f"add the caption 'Stand under a real rocket and meet an astronaut' from "
                    f"{(cta.start - 2600) / 1000:g} to {(cta.start + 100) / 1000:g} seconds")
    assert said.changed, said.message
    tl = s.timeline
    sizes = text_sizes(tl)
    for shot in tl.tracks[0].segments:
        for fit in (Fit.COVER, Fit.BLUR):
            segs = tuple(x.model_copy(update={"fit": fit}) if x.id == shot.id else x for x in tl.tracks[0].segments)
            whole = replace(tl, tracks=(replace(tl.tracks[0], segments=segs), *tl.tracks[1:]))
            assert text_over_shot(tl, sizes, shot.id, {shot.id: fit}) == \
                pytest.approx(text_over_subjects(whole)[shot.id]), (shot.name, fit)
    fits = [x.fit for x in tl.tracks[0].segments]
    for edit in ("make the call to action yellow", "make the call to action white"):
        r = s.handle(edit)
        assert [x.fit for x in s.timeline.tracks[0].segments] == fits and "blurred fill" not in r.message, r.message


def test_a_text_coming_in_as_the_shot_goes_does_not_cover_it(tmp_path, flower):
    """Marketer pass, session 42: "关注我们" came in 130 ms before the rocket's shot ended (over the
    crossfade); made bigger, it had the rocket shown whole on a blur. A text counts over a picture
    when they are on screen together 0.4 s or more."""
    from reelforge.render.checks import MIN_COVER_MS
    from reelforge.timeline import replace

    s, _ = _session(tmp_path, flower, "a square")
    shot = _shot(s).model_copy(update={"fit": Fit.COVER})
    end = shot.end
    after = shot.model_copy(update={"id": "after", "start": end, "duration": 3000, "subject": None, "focus": None})

    def texts_from(start: int):  # each text from ``start`` to the end of the shot after
        return tuple(replace(tr, segments=tuple(x.model_copy(update={"start": start, "duration": end + 3000 - start})
                                                  for x in tr.segments[:1])) for tr in s.timeline.tracks[1:]
                     if tr.kind.value == "text")

    for overlap, covers in ((130, False), (MIN_COVER_MS + 300, True)):
        tl = replace(s.timeline, duration=end + 3000,
                     tracks=(replace(s.timeline.tracks[0], segments=(shot, after)), *texts_from(end - overlap)))
        assert (text_over_subjects(tl)[shot.id] > MAX_SUBJECT_SHARE) is covers, overlap
