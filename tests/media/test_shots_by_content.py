"""A shot named by what is in it ("the photo of the woman", "把有人的那张放到最后"): real photos (the
packages' samples) with the face detector's finding; the rules know file names, not contents, and
answered "there is no 'woman'"."""

from __future__ import annotations

import pytest

from reelforge.session import Session
from reelforge.timeline import Role

from ..render._photos import write_photos


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    return write_photos(tmp_path_factory.mktemp("content"), ["coffee", "grace_hopper", "rocket"])


def _session(tmp_path, photos):
    s = Session.new()
    s.add_assets([p.path for p in photos], workdir=tmp_path / "media")
    s.handle("a 9 second promo")
    return s


@pytest.mark.parametrize(("text", "index"), [("put the photo of the woman first", 0), ("把有人的那张放到最后", -1)])
def test_the_one_with_the_face(tmp_path, photos, text, index):
    s = _session(tmp_path, photos)
    r = s.handle(text)
    names = [x.name for x in s.timeline.track(Role.MAIN).segments]
    assert r.changed and names[index] == "grace_hopper.jpg", (r.message, names)


def test_what_no_detector_tells_changes_nothing(tmp_path, photos):
    s = _session(tmp_path, photos)
    before = s.timeline
    r = s.handle("remove the dog photo")
    assert not r.changed and s.timeline == before and "dog" in r.message


def test_a_word_a_file_name_says_is_the_files(tmp_path, photos):
    """"the rocket photo" is rocket.jpg by its name, whatever is detected in the pictures."""
    s = _session(tmp_path, photos)
    assert s.handle("put the rocket photo first").changed
    assert s.timeline.track(Role.MAIN).segments[0].name == "rocket.jpg"
