"""Media: supported formats and limits, probing (PyAV + Pillow), ingest into `Asset`s, and
locally generated demo/test media. Only `reelforge.errors` types leave this package."""

from reelforge.media.formats import (
    MAX_FILE_BYTES,
    SUPPORTED_EXTENSIONS,
    SUPPORTED_FORMATS,
    supported_list,
)
from reelforge.media.ingest import ingest, ingest_many
from reelforge.media.probe import MediaInfo, probe
from reelforge.media.samples import (
    DemoAssets,
    write_demo_assets,
    write_test_audio,
    write_test_image,
    write_test_video,
)

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "SUPPORTED_FORMATS",
    "DemoAssets",
    "MediaInfo",
    "ingest",
    "ingest_many",
    "probe",
    "supported_list",
    "write_demo_assets",
    "write_test_audio",
    "write_test_image",
    "write_test_video",
]
