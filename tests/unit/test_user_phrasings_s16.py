"""First instructions and edits as people type them (user test s16)."""

from __future__ import annotations

import pytest

from reelforge.planner.compose import subject_of


@pytest.mark.parametrize(("said", "subject"), [
    # what the video comes with, then what it is for: the title had been "Discover Something New"
    ("make a promo video with text overlays for our coffee shop", "Coffee Shop"),
    ("promo video with captions for our scone shop", "Scone Shop"),
    ("a 30-second promotional video with text overlays for Urban Dreams sneakers", "Urban Dreams Sneakers"),
    ("a video with music and text for my bakery", "Bakery"),
    ("make a promo video for our space museum with text overlays", "Space Museum"),
])
def test_the_subject_after_what_the_video_comes_with(said, subject):
    assert subject_of(said) == subject


@pytest.mark.parametrize("said", ["a video with text overlays for tiktok", "a promo with captions for instagram",
                                  "a video with these photos"])
def test_no_subject_where_none_is_said(said):
    assert subject_of(said) is None
