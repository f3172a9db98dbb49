"""Batch mode: jobs from a CSV or a folder, a run that survives failures, the summary table."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.ai.batch import BatchError, fill, load_batch, run_batch
from reelforge.errors import RenderError


def _touch(p: Path) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(b"x")
    return p


def test_csv_rows_become_jobs(tmp_path):
    _touch(tmp_path / "img" / "shoe1.jpg")
    _touch(tmp_path / "img" / "shoe2.jpg")
    _touch(tmp_path / "vo.mp3")
    csv = tmp_path / "rows.csv"
    csv.write_text('name,assets,title,cta\n'
                   'Red shoe,img/shoe1.jpg;vo.mp3,Run Red,Buy now\n'
                   'Blue shoe,img/shoe2.jpg,"Run, Blue",Shop today\n', encoding="utf-8")
    jobs = load_batch(csv, 'a 15-second promo with the title "{title}" and the CTA "{cta}"')
    assert [j.name for j in jobs] == ["Red shoe", "Blue shoe"]
    assert len(jobs[0].assets) == 2 and all(Path(a).is_absolute() for a in jobs[0].assets)
    assert jobs[1].instruction == 'a 15-second promo with the title "Run, Blue" and the CTA "Shop today"'
    assert jobs[0].output.endswith("out/Red-shoe.mp4")


def test_csv_errors(tmp_path):
    (tmp_path / "a.csv").write_text("name,title\nx,y\n")
    with pytest.raises(BatchError, match="assets"):
        load_batch(tmp_path / "a.csv", "promo")
    (tmp_path / "b.csv").write_text("name,assets\nx,missing.jpg\n")
    with pytest.raises(BatchError, match="not found"):
        load_batch(tmp_path / "b.csv", "promo")
    _touch(tmp_path / "i.jpg")
    (tmp_path / "c.csv").write_text("name,assets\nx,i.jpg\n")
    with pytest.raises(BatchError, match="title"):
        load_batch(tmp_path / "c.csv", 'title "{title}"')
    with pytest.raises(BatchError):
        fill("{nope}", {})


def test_folder_batches(tmp_path):
    _touch(tmp_path / "shop" / "a" / "1.jpg")
    _touch(tmp_path / "shop" / "a" / "2.png")
    _touch(tmp_path / "shop" / "b" / "clip.mp4")
    _touch(tmp_path / "shop" / "b" / "notes.txt")
    jobs = load_batch(tmp_path / "shop", "10-second vertical video of {name}")
    assert [(j.name, len(j.assets)) for j in jobs] == [("a", 2), ("b", 1)]
    assert jobs[1].instruction == "10-second vertical video of b"
    _touch(tmp_path / "flat" / "x.jpg")
    _touch(tmp_path / "flat" / "y.jpg")
    assert [j.name for j in load_batch(tmp_path / "flat", "promo")] == ["x", "y"]


def test_run_batch_reports_failures(tmp_path):
    _touch(tmp_path / "a" / "1.jpg")
    _touch(tmp_path / "b" / "1.jpg")
    jobs = load_batch(tmp_path, "promo")

    def make(job):
        if job.name == "b":
            raise RenderError("ffmpeg failed")
        return job.output

    report = run_batch(jobs, make)
    assert (report.ok, report.failed) == (1, 1)
    table = report.table()
    assert "FAILED" in table and "ffmpeg failed" in table and table.endswith("1 made, 1 failed, 2 jobs")
