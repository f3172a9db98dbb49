"""The AI features line of a plan's summary (`reelforge.session.ai_features`, pure)."""

from __future__ import annotations

from reelforge.session import ai_features
from reelforge.timeline import Asset, AssetKind, Fit, Role, Track, TrackKind, VideoSegment, build


def _timeline(fits: list[Fit | None]):
    """One 3 s shot per entry: a subject-framed shot with that fit, or (None) a centred one."""
    assets = [Asset(id=f"i{k}", path=f"/p{k}.jpg", name=f"p{k}.jpg", kind=AssetKind.IMAGE,
                    width=1920, height=1080) for k in range(len(fits))]
    segs = [VideoSegment(id=f"s{k}", start=3000 * k, duration=3000, src=f"i{k}", fit=fit or Fit.COVER,
                         subject=(0.4, 0.2, 0.6, 0.8) if fit else None, focus=(0.5, 0.5) if fit else None)
            for k, fit in enumerate(fits)]
    return build(width=1080, height=1920, fps=30, duration=3000 * len(fits), assets=assets,
                 tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs))])


def test_shots_shown_whole_over_a_blurred_fill_are_not_counted_as_smart_crops():
    features = ai_features(_timeline([Fit.COVER, Fit.BLUR, Fit.COVER, Fit.BLUR, None]))
    assert "Smart crop: 2 shots" in features
    assert "Shown whole: 2 shots" in features


def test_no_smart_crop_when_every_framed_shot_is_shown_whole():
    features = ai_features(_timeline([Fit.BLUR, None]))
    assert not any(f.startswith("Smart crop") for f in features)
    assert "Shown whole: 1 shot" in features


def test_the_features_follow_a_chinese_summary():
    # user test s8: "时间线（5条轨道）：… · Smart crop: 4 shots" ended a Chinese reply in English
    features = ai_features(_timeline([Fit.COVER, Fit.BLUR]), zh=True)
    assert features == ["智能裁剪：1个镜头", "完整显示：1个镜头"]
    from reelforge.session import Session

    from .edit_cases import ASSETS

    s = Session.new()
    s.add_ingested(ASSETS)
    r = s.handle("做一个15秒的竖屏视频")
    assert r.summary.startswith("时间线") and "Smart crop" not in r.summary and "Shown whole" not in r.summary
