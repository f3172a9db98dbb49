"""reelforge: assets + a plain-language instruction -> a ready-to-publish MP4."""

__version__ = "0.1.0"
