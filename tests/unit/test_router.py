"""Intent routing, English and Chinese, including edit-then-export messages."""

from __future__ import annotations

import pytest

from reelforge.planner.router import Intent, export_quality, route, split_export

CASES = [
    ("export", Intent.EXPORT), ("Export it please", Intent.EXPORT), ("download", Intent.EXPORT),
    ("download the video", Intent.EXPORT), ("send me the video", Intent.EXPORT), ("render it", Intent.EXPORT),
    ("give me the final video", Intent.EXPORT), ("导出", Intent.EXPORT), ("下载视频", Intent.EXPORT),
    ("请导出", Intent.EXPORT), ("导出视频吧", Intent.EXPORT),
    ("credits", Intent.CREDITS), ("what's my balance?", Intent.CREDITS),
    ("how many credits do I have left?", Intent.CREDITS), ("积分", Intent.CREDITS), ("余额还有多少", Intent.CREDITS),
    ("status", Intent.STATE), ("show tracks", Intent.STATE), ("what's in the timeline", Intent.STATE),
    ("can you show me the timeline", Intent.STATE), ("状态", Intent.STATE), ("查看时间线", Intent.STATE),
    ("upload", Intent.UPLOAD), ("I want to upload more files", Intent.UPLOAD), ("上传", Intent.UPLOAD),
    ("undo", Intent.UNDO), ("undo the last change", Intent.UNDO), ("撤销", Intent.UNDO), ("go back", Intent.UNDO),
    ("redo", Intent.REDO), ("重做", Intent.REDO),
    ("make it vertical", Intent.EDIT), ("lower the music", Intent.EDIT), ("把背景音乐调小一点", Intent.EDIT),
    ("add the uploaded clip after the second image", Intent.EDIT),
    ("show the title for 5 seconds", Intent.EDIT), ("remove the status text", Intent.EDIT),
    ("add the title 'Export Now'", Intent.EDIT), ("add the title 'undo'", Intent.EDIT),
    ("export it vertical", Intent.EDIT), ("make it vertical and export", Intent.EDIT),
    ("做成竖屏然后导出", Intent.EDIT), ("", Intent.EDIT), ("hello", Intent.EDIT),
]


@pytest.mark.parametrize(("text", "intent"), CASES)
def test_route(text, intent):
    assert route(text) is intent


@pytest.mark.parametrize(("text", "expected"), [
    ("export", ("", True)),
    ("export it vertical", ("vertical", True)),
    ("make it vertical and export", ("make it vertical", True)),
    ("做成竖屏然后导出", ("做成竖屏", True)),
    ("make it vertical", ("make it vertical", False)),
    ("add the title 'Export Now'", ("add the title 'Export Now'", False)),
    ("add the title 'Export Now' and export", ("add the title 'Export Now'", True)),
])
def test_split_export(text, expected):
    assert split_export(text) == expected


# what an export message asks for besides the export was dropped: "export at 60fps" exported 30 fps (s17)
@pytest.mark.parametrize(("text", "edit"), [
    ("export at 60fps", "at 60fps"), ("export in hd", "in hd"), ("export in full hd", "in full hd"),
    ("export in 2k", "in 2k"), ("export 1080p60", "1080p60"), ("export in 9:16", "in 9:16"),
    ("export with subtitles", "with subtitles"), ("export with burned in captions", "with burned in captions"),
    ("export as a gif", "as a gif"), ("export as mov", "as mov"), ("导出60帧", "60帧"), ("导出高清", "高清"),
    ("make it vertical and export in high quality", "make it vertical"),
])
def test_what_an_export_asks_for_is_an_edit(text, edit):
    assert route(text) is Intent.EDIT
    assert split_export(text) == (edit, True)


@pytest.mark.parametrize(("text", "quality"), [
    ("export in high quality", "high"), ("export at the best quality", "high"), ("导出高画质", "high"),
    ("export a quick draft", "draft"), ("render a preview quality version", "draft"), ("export", None),
    ("export at 60fps", None), ("add the title 'high quality'", None),
])
def test_the_quality_an_export_asks_for(text, quality):
    assert export_quality(text) == quality
    if quality:
        assert route(text) is Intent.EXPORT and split_export(text) == ("", True)


@pytest.mark.parametrize("text", ["export with music", "export it with the sound", "export with audio",
                                  "export including the background music"])
def test_what_every_export_has_is_no_edit(text):
    """"export with music" was an edit "with music", not understood, and nothing was exported."""
    assert split_export(text) == ("", True) and route(text) is Intent.EXPORT
