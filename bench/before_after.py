"""Frames of one real-photo case in 9:16 (scikit-image's astronaut, cat, coffee cup and rocket,
"vertical 12-second promo for Orbit Coffee with text overlays", through a `Session`) rendered by the reelforge on the path,
saved side by side as a JPEG: run once with an older tree on PYTHONPATH and once with this one
to get the README's before/after pictures.

    PYTHONPATH=/path/to/old/src python bench/before_after.py before.jpg
    PYTHONPATH=src python bench/before_after.py after.jpg
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import av
import numpy as np
from PIL import Image

TIMES = [1.5, 4.5, 7.0, 10.5]  # title + first caption, cat, coffee, rocket + call to action


def main(out: str) -> None:
    from skimage import data

    from reelforge.render import render
    from reelforge.session import Session

    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name in ("astronaut", "chelsea", "coffee", "rocket"):
            p = Path(d) / f"{name}.png"
            Image.fromarray(getattr(data, name)()).save(p)
            paths.append(p)
        s = Session.new()  # the whole first cut, smart crop included, as a user gets it
        s.add_assets(paths, workdir=Path(d) / "media")
        s.handle("vertical 12-second promo for Orbit Coffee with text overlays")
        video = render(s.timeline, Path(d) / "case.mp4")
        frames, want = [], list(TIMES)
        with av.open(str(video)) as c:
            for f in c.decode(c.streams.video[0]):
                if want and f.time >= want[0]:
                    frames.append(f.to_ndarray(format="rgb24"))
                    want.pop(0)
    strip = Image.fromarray(np.concatenate(frames, axis=1))
    strip.thumbnail((1600, 800))
    strip.convert("RGB").save(out, quality=82, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1])
