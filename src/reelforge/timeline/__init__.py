"""Timeline model, draft codec and presets. Imports nothing from the rest of reelforge."""

from reelforge.timeline.draft import from_draft, to_draft
from reelforge.timeline.model import (
    SCHEMA_VERSION,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Grade,
    Motion,
    Position,
    Role,
    Segment,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
    json_schema,
    replace,
)
from reelforge.timeline.presets import PRESETS, Preset, aspect_of, frame_size

__all__ = [
    "SCHEMA_VERSION", "Asset", "AssetKind", "AudioSegment", "Fit", "Grade", "Motion", "Position", "Role",
    "Segment", "TextBackground", "TextSegment", "TextSize", "Timeline", "Track", "TrackKind",
    "Transition", "VideoSegment", "build", "json_schema", "replace", "from_draft", "to_draft",
    "PRESETS", "Preset", "aspect_of", "frame_size",
]
