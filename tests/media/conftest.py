"""Fixtures for the media tests: tiny real files of every supported format, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.media.samples import write_test_audio, write_test_image, write_test_video

VIDEO_EXTS = ["mp4", "mov", "avi", "webm", "mkv"]
IMAGE_EXTS = ["jpg", "jpeg", "png", "gif", "webp"]
AUDIO_EXTS = ["mp3", "wav", "m4a", "aac"]

# extension -> (kind, format family, has_audio)
EXPECTED = {
    **{e: ("video", e, True) for e in VIDEO_EXTS},
    "jpg": ("image", "jpeg", False), "jpeg": ("image", "jpeg", False),
    "png": ("image", "png", False), "gif": ("image", "gif", False), "webp": ("image", "webp", False),
    **{e: ("audio", e, True) for e in AUDIO_EXTS},
}


@pytest.fixture(scope="session")
def samples_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("media-samples")
    for ext in VIDEO_EXTS:
        write_test_video(d / f"clip.{ext}", (64, 48), seconds=1.0, fps=10)
    for ext in IMAGE_EXTS:
        write_test_image(d / f"still.{ext}", (50, 30), "#3366cc")
    for ext in AUDIO_EXTS:
        write_test_audio(d / f"sound.{ext}", seconds=1.0)
    write_test_video(d / "anim.gif", (64, 48), seconds=1.0, fps=10)
    write_test_video(d / "anim.webp", (64, 48), seconds=1.0, fps=10)
    write_test_video(d / "portrait.mp4", (64, 48), seconds=1.0, fps=10, rotate=90)
    write_test_video(d / "silent.mp4", (64, 48), seconds=1.0, fps=10, audio=False)
    return d


def sample(d: Path, ext: str) -> Path:
    kind = EXPECTED[ext][0]
    stem = {"video": "clip", "image": "still", "audio": "sound"}[kind]
    return d / f"{stem}.{ext}"


def files_in(d: Path) -> list[Path]:
    return sorted(p for p in d.rglob("*") if p.is_file()) if d.exists() else []
