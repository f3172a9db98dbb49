"""Cutting a chunk's pre-/post-roll off its encode by stream copy (real ffmpeg and x264)."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from reelforge.errors import RenderError
from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render.compile import video_codec_args
from reelforge.render.trim import keep_frames

from ._chunk_helpers import packets

pytestmark = pytest.mark.render


def _decoded(path) -> list[np.ndarray]:
    import av

    with av.open(str(path)) as f:
        return [fr.to_ndarray(format="yuv420p") for fr in f.decode(video=0)]


@pytest.fixture(scope="module")
def encoded(tmp_path_factory):
    """60 frames of moving test pattern, IDRs forced at 20 and 45 (as a chunk with rolls)."""
    out = tmp_path_factory.mktemp("trim") / "enc.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30",
                    "-frames:v", "60", *video_codec_args("standard", 30),
                    "-force_key_frames", "expr:eq(n,20)+eq(n,45)", str(out)], check=True)
    return out


def test_keeps_exactly_the_frames_between_two_idrs(encoded, tmp_path):
    got = keep_frames(encoded, tmp_path / "cut.mp4", 20, 45, 30)
    dts, pts, key = packets(got)
    assert len(pts) == 25 and key[0]
    assert sorted(pts)[0] == 0 and all(a < b for a, b in zip(dts, dts[1:], strict=False))
    whole = _decoded(encoded)
    cut = _decoded(got)
    assert len(cut) == 25
    assert all(np.array_equal(a, b) for a, b in zip(cut, whole[20:45], strict=True))


def test_the_tail_to_the_end_of_the_encode(encoded, tmp_path):
    got = keep_frames(encoded, tmp_path / "tail.mp4", 45, 60, 30)
    assert np.array_equal(_decoded(got)[0], _decoded(encoded)[45])


def test_a_cut_not_at_a_gop_start_is_refused(encoded, tmp_path):
    with pytest.raises(RenderError, match="does not start a GOP"):
        keep_frames(encoded, tmp_path / "bad.mp4", 25, 45, 30)
    with pytest.raises(RenderError, match="frames in"):
        keep_frames(encoded, tmp_path / "short.mp4", 45, 70, 30)
    assert not list(tmp_path.iterdir())
