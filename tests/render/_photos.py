"""Real photographs that Python packages ship (scikit-image, scikit-learn, matplotlib), with the
subject boxes marked once in tests/data/subjects.json. Shared by the framing render tests and
bench/quality.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SUBJECTS = Path(__file__).resolve().parent.parent / "data" / "subjects.json"


@dataclass(frozen=True)
class Photo:
    name: str
    path: Path
    subject: tuple[int, int, int, int] | None  # x0, y0, x1, y1 in the picture's pixels
    what: str


def load(source: str) -> np.ndarray:
    """The RGB pixels of ``package:name`` (skimage:astronaut, sklearn:china.jpg, matplotlib:grace_hopper.jpg)."""
    kind, name = source.split(":", 1)
    if kind == "skimage":
        from skimage import data

        got = getattr(data, name)()
        return np.asarray(got[0] if isinstance(got, tuple) else got)  # stereo_motorcycle: the left view
    if kind == "sklearn":
        from sklearn.datasets import load_sample_image

        return np.asarray(load_sample_image(name))
    if kind == "matplotlib":
        import matplotlib.cbook as cbook
        from PIL import Image

        with cbook.get_sample_data(name) as f:
            return np.asarray(Image.open(f).convert("RGB"))
    raise ValueError(f"unknown photo source {source!r}")


def write_photos(directory: Path, names: list[str] | None = None) -> list[Photo]:
    """The annotated photos as JPEG files in ``directory`` (all, or ``names`` in that order)."""
    from PIL import Image

    marked = {k: v for k, v in json.loads(SUBJECTS.read_text()).items() if not k.startswith("_")}
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names or list(marked):
        entry = marked[name]
        path = directory / f"{name}.jpg"
        if not path.exists():
            Image.fromarray(load(entry["source"])).save(path, quality=92)
        box = tuple(entry["subject"]) if entry["subject"] else None
        out.append(Photo(name, path, box, entry["what"]))  # type: ignore[arg-type]
    return out


ASPECTS = {"9:16": ("vertical", (1080, 1920)), "1:1": ("square", (1080, 1080)), "16:9": ("16:9", (1920, 1080))}


def render_framing(directory: Path, aspect: str, *, scale: float = 1.0, seconds: int = 28,
                   names: list[str] | None = None):
    """The first cut of the annotated photos in ``aspect`` (subject detection and framing as a
    user gets them), rendered at ``scale`` of the preset's size and measured shot by shot:
    (session reply, [ShotFigures]) -- see `reelforge.render.quality.shot_figures`."""
    from reelforge.render import render
    from reelforge.render.quality import shot_figures
    from reelforge.session import Session
    from reelforge.timeline import replace

    photos = write_photos(directory / "photos", names)
    s = Session.new()
    assets = s.add_assets([p.path for p in photos], workdir=directory / "media")
    word, (w, h) = ASPECTS[aspect]
    reply = s.handle(f"a {seconds}-second {word} video of these photos")
    tl = replace(s.timeline, width=round(w * scale / 2) * 2, height=round(h * scale / 2) * 2)
    out = render(tl, directory / f"framing_{aspect.replace(':', 'x')}.mp4")
    boxes = {a.id: p.subject for a, p in zip(assets, photos, strict=True)}
    return reply, shot_figures(str(out), tl, boxes)
