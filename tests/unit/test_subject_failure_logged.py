"""A picture whose subject cannot be found is framed on the centre, and the log says why."""

from __future__ import annotations

import logging

from reelforge.ai_stage import _find_subject
from reelforge.timeline.model import Asset, AssetKind


def test_a_failed_subject_search_is_logged_not_silent(tmp_path, caplog):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    asset = Asset(id="a", path=str(broken), name="broken.jpg", kind=AssetKind.IMAGE, width=640, height=480)
    with caplog.at_level(logging.WARNING, logger="reelforge.ai"):
        assert _find_subject(asset) is None
    [record] = [r for r in caplog.records if r.name == "reelforge.ai"]
    assert "broken.jpg" in record.getMessage() and "centre" in record.getMessage()
