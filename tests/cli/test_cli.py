"""The command line as a new user runs it: real subprocesses, real renders, probed output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reelforge.media import write_demo_assets
from reelforge.render import verify

PROMPT = "combine these images and audio into a 30-second promotional video with text overlays"


def run(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "reelforge", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env={**__import__("os").environ,
                                                       "REELFORGE_CACHE": str(cwd / ".cache"),
                                                       "COLUMNS": "200"})
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def assets(tmp_path_factory) -> tuple[Path, list[str]]:
    d = tmp_path_factory.mktemp("cli")
    sample = write_demo_assets(d / "shots")
    return d, [str(p) for p in sample]


@pytest.mark.slow
@pytest.mark.render
def test_make_the_main_job(assets):
    d, files = assets
    proc = run("make", *files, "-p", PROMPT, "-o", "promo.mp4", cwd=d)
    info = verify(d / "promo.mp4")
    assert abs(info.duration - 30.0) <= 0.1
    assert (info.width, info.height) == (1920, 1080)
    assert info.vcodec == "h264" and info.pix_fmt == "yuv420p"
    assert info.acodec == "aac" and info.sample_rate == 48000
    assert "Timeline (" in proc.stderr and "Title:" in proc.stderr
    assert "rendering" in proc.stderr and "100%" in proc.stderr
    assert not list(d.glob("*.part*"))


def test_dry_run_plans_without_rendering(assets):
    d, files = assets
    proc = run("make", *files, "-p", "vertical for TikTok, 12 seconds", "--dry-run", "-o", "dry.mp4", cwd=d)
    assert not (d / "dry.mp4").exists()
    assert "Timeline (" in proc.stderr and "Video: 5 images (0-12s)" in proc.stderr


def test_a_long_chinese_note_folds_under_its_bullet(assets):
    # Chinese has no spaces to wrap at: on an 80-column terminal a long note left its bullet alone
    # on a line ("  • " / "字幕取自指令里写的信息：…") and ran from the first column
    d, files = assets
    prompt = ("做个招生视频 启航少儿编程 7-14岁 小班6人 每周二四六上午9:30-11:30 2680一期12节课 6月15号前报名减300 "
              "地址滨江江南大道588号恒鼎中心5楼 30秒 竖屏")
    proc = subprocess.run([sys.executable, "-m", "reelforge", "make", *files, "-p", prompt, "--dry-run"], cwd=d,
                          capture_output=True, text=True, timeout=600,
                          env={**__import__("os").environ, "REELFORGE_CACHE": str(d / ".cache"), "COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    bullets = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("•")]
    assert len(bullets) >= 8 and not [ln for ln in lines if ln.strip() == "•"]
    notes = lines[bullets[0]:bullets[-1] + 1]
    # a note's lines go on under its text (a hanging indent), none starts at the first column
    assert all(ln.startswith(("  •", "    ")) for ln in notes), notes
    assert "字幕取自指令里写的信息" in proc.stderr


def test_draft_prints_only_the_compact_json(assets):
    d, files = assets
    proc = run("make", *files, "-p", PROMPT, "--draft", cwd=d)
    draft = json.loads(proc.stdout)
    assert set(draft) == {"d", "m", "t"}
    assert draft["d"] == 30000 and draft["m"] == {"w": 1920, "h": 1080, "fps": 30}
    assert [t["tt"] for t in draft["t"]][:3] == [0, 1, 1]
    assert [s["n"] for s in draft["t"][0]["sg"]] == [Path(f).name for f in files[:5]]


@pytest.mark.render
def test_save_edit_show_and_render_a_project(assets):
    d, files = assets
    run("make", *files, "-p", "a 6-second promo with hard cuts", "--save", "p.reel.json", "--dry-run", cwd=d)
    shown = run("show", "p.reel.json", "--draft", cwd=d)
    assert json.loads(shown.stdout)["d"] == 6000
    edited = run("edit", "p.reel.json", "make it vertical for TikTok", "-o", "v.mp4", "-q", "draft", cwd=d)
    assert "Timeline (" in edited.stderr
    info = verify(d / "v.mp4")
    assert info.height > info.width and info.width * 16 == info.height * 9
    assert abs(info.duration - 6.0) <= 0.1
    again = run("render", "p.reel.json", "-o", "again.mp4", "-q", "draft", cwd=d)
    assert "wrote" in again.stderr and verify(d / "again.mp4").height > verify(d / "again.mp4").width
    full = json.loads(run("show", "p.reel.json", "--json", cwd=d).stdout)
    assert (full["width"], full["height"]) == (1080, 1920)


@pytest.mark.parametrize("content, name", [(b"hello, not an image", "notes.jpg"), (b"", "empty.mp3"),
                                           (b"plain text", "readme.txt")])
def test_bad_input_is_one_clear_line(assets, content, name):
    d, files = assets
    bad = d / name
    bad.write_bytes(content)
    proc = run("make", files[0], str(bad), "-p", PROMPT, "-o", "bad.mp4", cwd=d, check=False)
    assert proc.returncode == 2
    assert name in proc.stderr and "mp4, mov" in proc.stderr and "jpg" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (d / "bad.mp4").exists()


def test_unknown_edit_leaves_the_project_unchanged(assets):
    d, files = assets
    run("make", *files, "-p", "10 seconds", "--save", "u.reel.json", "--dry-run", cwd=d)
    before = (d / "u.reel.json").read_text()
    for instruction in ("sing me a lullaby about turtles", "asdf qwerty", "", "redo"):
        proc = run("edit", "u.reel.json", instruction, cwd=d, check=False)
        assert proc.returncode == 3, (instruction, proc.stderr)
        assert (d / "u.reel.json").read_text() == before
        assert "nothing changed" in proc.stderr and "Traceback" not in proc.stderr
    assert "can" in run("edit", "u.reel.json", "sing me a lullaby about turtles", cwd=d, check=False).stderr.lower()
    assert run("edit", "u.reel.json", "status", cwd=d).returncode == 0  # a query is not a failed edit
    assert run("edit", "u.reel.json", "music to 20%", cwd=d).returncode == 0


@pytest.mark.parametrize("command", ["render", "show", "edit"])
@pytest.mark.parametrize("content", [b"plain notes, not JSON", b"\xff\xfe\x00binary", b"[1, 2]", b"{}"])
def test_a_file_that_is_not_a_project_is_one_clean_line(assets, command, content):
    d, _ = assets
    (d / "notes.txt").write_bytes(content)
    args = [command, "notes.txt", *(["make it vertical"] if command == "edit" else [])]
    proc = run(*args, cwd=d, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error"), proc.stderr
    assert "notes.txt" in lines[0] or "project" in lines[0]


def test_a_missing_project_is_one_clean_line(assets):
    d, _ = assets
    for command in ("render", "show"):
        proc = run(command, "nope.reel.json", cwd=d, check=False)
        assert proc.returncode == 2 and "nope.reel.json" in proc.stderr and "Traceback" not in proc.stderr


def test_schema_is_json_schema():
    proc = subprocess.run([sys.executable, "-m", "reelforge", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Timeline" and "tracks" in schema["properties"]


@pytest.mark.render
def test_demo_writes_assets_and_a_video(tmp_path):
    run("demo", "d", "-q", "draft", cwd=tmp_path)
    assert len(list((tmp_path / "d").glob("*.jpg"))) == 5
    info = verify(tmp_path / "d" / "promo.mp4")
    assert abs(info.duration - 30.0) <= 0.1


@pytest.mark.render
def test_exporting_again_reuses_the_chunks_an_edit_did_not_touch(assets):
    import re

    d, files = assets

    def reused(proc) -> tuple[int, int]:
        m = re.search(r"(\d+) of (\d+) chunks reused", proc.stderr)
        assert m, proc.stderr
        return int(m.group(1)), int(m.group(2))

    first = run("make", *files, "-p", "a 15-second promo with hard cuts and the title 'Hello'",
                "--save", "c.reel.json", "-o", "c1.mp4", "-q", "draft", cwd=d)
    n = reused(first)[1]
    assert reused(first) == (0, n) and n >= 3
    again = run("render", "c.reel.json", "-o", "c2.mp4", "-q", "draft", cwd=d)
    assert reused(again) == (n, n) and "audio reused" in again.stderr
    edited = run("edit", "c.reel.json", "change the title to 'Goodbye'", "-o", "c3.mp4", "-q", "draft", cwd=d)
    k, m = reused(edited)
    assert m == n and 0 < k < n
    assert abs(verify(d / "c3.mp4").duration - 15.0) <= 0.1


def test_an_edit_is_saved_even_when_its_output_pipe_closes(assets):
    """`reelforge edit … | head -1`: head closes the pipe after one line; the edit was lost (the project
    was saved after the reply was printed, and printing failed)."""
    import os
    import shlex

    d, files = assets
    run("make", *files, "-p", "a 6-second promo", "--save", "h.reel.json", "--dry-run", cwd=d)
    cmd = " ".join(shlex.quote(x) for x in [sys.executable, "-m", "reelforge", "edit", "h.reel.json",
                                             "make it vertical for TikTok and music to 20%"])
    subprocess.run(["sh", "-c", f"{cmd} 2>&1 | head -n 1"], cwd=d, timeout=600, check=False,
                   env={**os.environ, "REELFORGE_CACHE": str(d / ".cache"), "COLUMNS": "40"})
    full = json.loads(run("show", "h.reel.json", "--json", cwd=d).stdout)
    assert (full["width"], full["height"]) == (1080, 1920)


def test_a_folder_of_files_and_the_instruction_typed_without_p(assets, tmp_path):
    """`reelforge make shots/ "…"`: a folder gave "not a file" with an empty name and the words were
    a missing file. Now the folder's media files are used in name order (img2 before img10); a
    file in it that cannot be read, a note beside the photos and an earlier output are left out,
    each said; the words are the instruction."""
    import shutil

    d, files = assets
    folder = tmp_path / "shoot"
    folder.mkdir()
    for name, src in (("img10.jpg", files[0]), ("img2.jpg", files[1]), ("img1.jpg", files[2])):
        shutil.copy(src, folder / name)
    (folder / "broken.jpg").write_bytes(b"not a picture at all")
    (folder / "notes.txt").write_text("shot list")
    (folder / ".DS_Store").write_bytes(b"\0\0")
    proc = run("make", str(folder), "a 9 second promo", "-o", str(folder / "out.mp4"), cwd=d)
    assert verify(folder / "out.mp4").duration == pytest.approx(9.0, abs=0.1)
    err = " ".join(proc.stderr.split())
    assert "instruction: a 9 second promo" in err
    assert "left out (not media): notes.txt" in err and "DS_Store" not in err
    assert "skipped broken.jpg: the picture cannot be decoded" in err
    assert "in the order given: img1.jpg, img2.jpg, img10.jpg" in err
    again = run("make", str(folder), "-p", "a 9 second promo", "--dry-run", "-o", str(folder / "out.mp4"), cwd=d)
    assert "out.mp4" not in " ".join(again.stderr.split()).split("Pictures in the order given:")[1].split(".jpg.")[0]
    assert "clip" not in again.stderr  # the video it wrote there is no input the next time


def test_a_broken_file_named_on_the_command_line_still_stops_the_job(assets, tmp_path):
    d, files = assets
    (tmp_path / "broken.jpg").write_bytes(b"not a picture at all")
    proc = run("make", files[0], str(tmp_path / "broken.jpg"), "-p", PROMPT, "--dry-run", cwd=d, check=False)
    assert proc.returncode == 2 and "broken.jpg" in proc.stderr and "Traceback" not in proc.stderr
