"""Instructions never read files on this machine unless the caller is the local user.

A remote surface (HTTP, MCP over HTTP) holds sessions with ``local_files`` off: a script or a
brand kit named in chat is refused before the file system is touched, with the same words
whether the path exists or not.
"""

import json

import pytest
from PIL import Image

from reelforge.session import Session


@pytest.fixture
def remote(tmp_path):
    shots = []
    for i in range(2):
        p = tmp_path / f"shot{i}.jpg"
        Image.new("RGB", (320, 180), (60 * i + 40, 90, 160)).save(p)
        shots.append(p)
    s = Session.new()  # the default: a remote caller
    s.add_assets(shots, workdir=tmp_path / "media")
    assert s.handle("a 6-second video").changed
    return s


@pytest.fixture
def secret(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("the launch codes are 0000")
    return p


def _refusals(s, template, existing, missing):
    before = s.timeline
    a = s.handle(template.format(existing))
    b = s.handle(template.format(missing))
    assert s.timeline == before and not a.changed and not b.changed
    return a, b


@pytest.mark.parametrize("template", [
    "add a voiceover reading {} with captions",
    "voiceover from {}",
    "配音 {}",
])
def test_a_script_path_in_chat_is_never_read(remote, secret, tmp_path, template, monkeypatch):
    opened = []
    real_open = open

    def spy(file, *a, **kw):
        opened.append(str(file))
        return real_open(file, *a, **kw)

    monkeypatch.setattr("builtins.open", spy)
    a, b = _refusals(remote, template, secret, tmp_path / "nothing-here.txt")
    assert not any("secret" in f for f in opened)
    assert "launch codes" not in a.message
    # the same answer for an existing and a missing file: nothing tells them apart
    assert a.message.replace(str(secret), "X") == b.message.replace(str(tmp_path / "nothing-here.txt"), "X")
    assert a.status == b.status


def test_relative_paths_do_not_resolve_against_the_server_folder(remote, tmp_path, monkeypatch):
    (tmp_path / "script.txt").write_text("Read me aloud")
    monkeypatch.chdir(tmp_path)
    r = remote.handle("voiceover from script.txt")
    assert not r.changed and "Read me aloud" not in r.message
    assert "never read" in r.message


def test_a_brand_path_in_chat_is_never_read(remote, tmp_path, monkeypatch):
    kit = tmp_path / "x.json"
    kit.write_text(json.dumps({"name": "Evil", "cta": "leaked"}))
    a, b = _refusals(remote, "apply my brand kit {}", kit, tmp_path / "y.json")
    assert a.message.replace(str(kit), "X") == b.message.replace(str(tmp_path / "y.json"), "X")
    # nor the brand.json lying in the server's working folder
    (tmp_path / "brand.json").write_text(json.dumps({"name": "Evil", "cta": "leaked"}))
    monkeypatch.chdir(tmp_path)
    r = remote.handle("use my brand")
    assert not r.changed and "leaked" not in r.message and "command line" in r.message


def test_the_flag_is_not_saved_with_the_project(remote, tmp_path):
    remote.local_files = True
    again = Session.from_json(remote.to_json())
    assert again.local_files is False
    assert "local_files" not in remote.to_json()
    remote.save(tmp_path / "p.reel.json")
    assert Session.load(tmp_path / "p.reel.json").local_files is False
    assert Session.load(tmp_path / "p.reel.json", local_files=True).local_files is True


def test_the_local_user_may_name_a_script(tmp_path):
    s = Session.new(local_files=True)
    p = tmp_path / "shot.jpg"
    Image.new("RGB", (320, 180), (90, 90, 160)).save(p)
    s.add_assets([p], workdir=tmp_path / "media")
    s.handle("a 4-second video")
    r = s.handle(f"voiceover from {tmp_path / 'missing.txt'}")
    assert r.status == "error" and "cannot read the script" in r.message.lower()
