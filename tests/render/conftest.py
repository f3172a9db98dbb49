"""Fixtures for render tests: small sources generated on the spot (no media/ingest dependency)."""

from __future__ import annotations

import pytest

from reelforge.timeline import Asset

from ._render_helpers import make_media


@pytest.fixture(scope="session")
def media(tmp_path_factory) -> dict[str, Asset]:
    """Assets by name: red/green/blue/yellow (640x360 PNG), checker (JPEG 1280x720),
    portrait (600x1000 with a circle), voice (6 s WAV), music (8 s WAV), clip (3 s MP4)."""
    return make_media(tmp_path_factory.mktemp("media"))
