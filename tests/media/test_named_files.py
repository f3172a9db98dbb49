"""Issue 14: files named in an edit that are not in the project yet.

The local user (CLI, MCP over stdio: ``local_files``) may name a file on this machine and it
is ingested first, and the reply says so; a remote session never looks at a server path and
answers as for any unknown name. Real files, real ingest (probed)."""

from __future__ import annotations

from reelforge.media import write_test_audio, write_test_image, write_test_video
from reelforge.session import Session
from reelforge.timeline import Role


def _session(tmp_path, *, local: bool) -> Session:
    shots = [write_test_image(tmp_path / f"{n}.jpg", (320, 180), c) for n, c in
             (("scarf", "red"), ("hat", "green"), ("shoe", "blue"), ("bag", "yellow"), ("watch", "white"))]
    s = Session.new(local_files=local)
    s.add_assets([*shots, write_test_audio(tmp_path / "bgm.mp3", seconds=20)], workdir=tmp_path / "media")
    assert s.handle("15 second promo").changed
    return s


def test_local_file_named_in_an_edit_is_added_first(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = _session(tmp_path, local=True)
    write_test_video(tmp_path / "clip.mp4", (320, 180), seconds=2)
    r = s.handle("replace the third image with clip.mp4")
    assert r.changed and r.message.startswith("Added clip.mp4 to the project's media.")
    names = [seg.name for seg in s.timeline.track(Role.MAIN).segments]
    assert names[2] == "clip.mp4" and "shoe.jpg" not in names
    write_test_image(tmp_path / "logo.png", (120, 120), "white")
    r = s.handle("在右下角加上水印 logo.png")
    assert r.changed and r.message.startswith("已把logo.png加入素材库。")
    assert s.timeline.track(Role.LOGO) is not None
    write_test_audio(tmp_path / "song.mp3", seconds=17)  # other bytes than bgm.mp3 (same content = same asset)
    r = s.handle("add background music song.mp3 at 25%")
    music = s.timeline.track(Role.MUSIC).segments
    assert r.changed and {m.name for m in music} == {"song.mp3"} and all(m.volume == 0.25 for m in music)


def test_reorder_by_names_and_chinese_move(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = _session(tmp_path, local=True)
    r = s.handle("reorder the photos: watch, bag, shoe, hat, scarf")
    assert r.changed
    assert [seg.name for seg in s.timeline.track(Role.MAIN).segments] == [
        "watch.jpg", "bag.jpg", "shoe.jpg", "hat.jpg", "scarf.jpg"]
    r = s.handle("把hat.jpg放到第一张")
    assert r.changed and s.timeline.track(Role.MAIN).segments[0].name == "hat.jpg"
    assert "image" not in r.message  # answered in Chinese


def test_remote_session_never_reads_a_server_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = _session(tmp_path, local=False)
    write_test_video(tmp_path / "clip.mp4", (320, 180), seconds=2)
    before = s.timeline
    r = s.handle("replace the third image with clip.mp4")
    assert not r.changed and s.timeline == before
    assert "clip.mp4" not in {a.name for a in s.library}
    r2 = s.handle("replace the third image with nosuch.mp4")  # same answer for a missing file
    assert r.message.replace("clip.mp4", "X") == r2.message.replace("nosuch.mp4", "X")


def test_export_in_chinese(tmp_path):
    s = _session(tmp_path, local=False)
    r = s.handle("导出")
    assert r.intent.value == "export" and r.message.startswith("可以导出了")
