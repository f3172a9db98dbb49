"""`import reelforge`: make, tell, render, save, open, export a timeline - for real."""

from __future__ import annotations

import subprocess
import sys

import pytest

import reelforge
from reelforge.errors import PlanError


def test_the_readme_example(tmp_path, monkeypatch):
    from reelforge.media import write_demo_assets
    from reelforge.render import verify

    monkeypatch.setenv("REELFORGE_CACHE", str(tmp_path / "cache"))

    demo = write_demo_assets(tmp_path / "demo", images=3, seconds=6)
    project = reelforge.make(list(demo), "a 6-second promo with text overlays", output=tmp_path / "promo.mp4",
                             quality="draft")
    assert verify(tmp_path / "promo.mp4").duration == pytest.approx(6.0, abs=0.15)
    # rendered in chunks, as `reelforge make` does (kept in the chunk cache: one 1080p chunk's
    # ffmpeg at a time instead of one process holding every moving picture)
    chunks = sorted((tmp_path / "cache" / "chunks").rglob("*.mp4"))
    assert chunks, list((tmp_path / "cache").rglob("*"))
    reply = project.tell("make it vertical for TikTok")
    assert reply.status == "ok" and reply.changed and project.timeline.height > project.timeline.width
    info = verify(project.render(tmp_path / "vertical.mp4", quality="draft"))
    assert info.height > info.width
    project.save(tmp_path / "promo.reel.json")
    again = reelforge.open_project(tmp_path / "promo.reel.json")
    assert again.timeline == project.timeline and again.summary.startswith("Timeline (")
    assert again.undo().changed and again.timeline.width > again.timeline.height
    otio_file = again.export_timeline(tmp_path / "cut.otio")
    assert otio_file.read_text().startswith("{")
    out = reelforge.render_video(tmp_path / "promo.reel.json", tmp_path / "again.mp4", quality="draft")
    assert verify(out).height > verify(out).width  # the saved project is the vertical one


def test_errors_are_reelforge_errors(tmp_path):
    project = reelforge.new_project()
    with pytest.raises(PlanError, match="no timeline yet"):
        project.render(tmp_path / "x.mp4")
    with pytest.raises(PlanError):
        reelforge.make([], "a promo", output=None)


def test_import_is_light_and_typed():
    code = "import sys, reelforge; print('reelforge.session' in sys.modules, reelforge.__version__)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.split() == ["False", reelforge.__version__]
    from importlib.resources import files

    assert files("reelforge").joinpath("py.typed").is_file()
    assert set(reelforge.__all__) >= {"make", "open_project", "render_video", "export_timeline", "Project"}
