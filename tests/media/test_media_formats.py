from __future__ import annotations

from reelforge.media import MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, supported_list
from reelforge.media.formats import SUPPORTED_FORMATS, format_for_extension, human_size


def test_limit_is_500_mb():
    assert MAX_FILE_BYTES == 500 * 1024**2
    assert human_size(MAX_FILE_BYTES) == "500 MB"
    assert human_size(1536) == "1.5 KB"
    assert human_size(12) == "12 bytes"


def test_supported_extensions_match_the_design():
    # the design's list, and Ogg/Opus/FLAC audio (session 40: 'slow70.ogg: ogg content is not supported')
    want = {".mp4", ".mov", ".avi", ".webm", ".mkv", ".jpg", ".jpeg", ".png", ".gif", ".webp",
            ".mp3", ".wav", ".m4a", ".aac", ".ogg", ".opus", ".flac"}
    assert set(SUPPORTED_EXTENSIONS) == want
    assert SUPPORTED_FORMATS == {format_for_extension(e) for e in want}
    assert format_for_extension(".JPG") == "jpeg"


def test_supported_list_names_every_format_by_kind():
    text = supported_list()
    assert text.startswith("Video: mp4, mov, avi, webm, mkv")
    assert "Images: jpg, jpeg, png, gif, webp" in text
    assert "Audio: mp3, wav, m4a, aac, ogg, opus, flac" in text
