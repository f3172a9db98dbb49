"""Errors raised on a file a user gave never say where the server keeps it: a corrupt or missing
sound, picture or clip is named by its file name only (an edit asking for beats on a missing
track answered "cannot open for audio analysis ([Errno 2] … '/m/Dirty Boogie - Stomp.mp3')")."""

from __future__ import annotations

import pytest

from reelforge.errors import ReelforgeError, reason


def test_reason_cuts_paths_to_file_names():
    assert reason(FileNotFoundError(2, "No such file or directory", "/srv/reelforge/data/ab12/track.mp3")) \
        == "[Errno 2] No such file or directory: 'track.mp3'"
    assert reason(ValueError("a 1/2 ratio")) == "a 1/2 ratio"   # (no path: as said)
    assert reason(RuntimeError()) == "RuntimeError"


@pytest.mark.parametrize("analyse", ["decode_mono", "reframe", "highlights"])
def test_a_corrupt_file_is_named_without_its_directory(tmp_path, analyse):
    where = tmp_path / "secret-data-dir" / "assets"
    where.mkdir(parents=True)
    bad = where / ("song.mp3" if analyse == "decode_mono" else "shot.jpg" if analyse == "reframe" else "clip.mp4")
    bad.write_bytes(b"\x00garbage" * 64)
    with pytest.raises(ReelforgeError) as info:
        if analyse == "decode_mono":
            from reelforge.ai._audio import decode_mono
            decode_mono(bad)
        elif analyse == "reframe":
            from reelforge.ai.reframe import load_rgb
            load_rgb(bad)
        else:
            from reelforge.ai.highlights import activity
            activity(bad)
    message = str(info.value)
    assert bad.name in message and "secret-data-dir" not in message and str(tmp_path) not in message, message
