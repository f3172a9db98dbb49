from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from reelforge.media import DemoAssets, ingest, probe, write_demo_assets
from reelforge.media.samples import write_test_audio
from reelforge.timeline import Role


def _pcm(path) -> tuple[np.ndarray, int]:
    import av

    with av.open(str(path)) as c:
        stream = c.streams.audio[0]
        rate = stream.codec_context.sample_rate
        chunks = [f.to_ndarray().mean(axis=0) if f.to_ndarray().ndim > 1 else f.to_ndarray()
                  for f in c.decode(stream)]
    return np.concatenate(chunks).astype(np.float32).ravel(), rate


def _envelope(x: np.ndarray, rate: int, win_s: float = 0.02) -> np.ndarray:
    w = int(rate * win_s)
    n = len(x) // w
    return np.sqrt((x[: n * w].reshape(n, w) ** 2).mean(axis=1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return write_demo_assets(tmp_path_factory.mktemp("demo"))


def test_demo_files_and_names(demo):
    assets = demo
    assert isinstance(assets, DemoAssets)
    assert [p.name for p in assets.images] == [
        "01-aurora-glass-bottle.jpg", "02-aurora-steel-watch.jpg", "03-aurora-ceramic-mug.jpg",
        "04-aurora-desk-lamp.jpg", "05-aurora-neon-phone.jpg"]
    assert assets.voiceover.name == "voiceover.mp3" and assets.music.name == "music.mp3"
    assert list(assets) == [*assets.images, assets.voiceover, assets.music] and len(assets) == 7


def test_demo_images_are_full_hd_and_distinct(demo):
    assets = demo
    means = []
    for p in assets.images:
        info = probe(p)
        assert (info.format, info.kind, info.width, info.height) == ("jpeg", "image", 1920, 1080)
        with Image.open(p) as im:
            small = np.asarray(im.convert("RGB").resize((96, 54)), dtype=np.float32)
        assert small.std() > 15  # not flat: gradient, product
        means.append(small.reshape(-1, 3).mean(axis=0))
    for i in range(len(means)):
        for j in range(i + 1, len(means)):
            assert np.abs(means[i] - means[j]).sum() > 40, (i, j)
    assert len({ingest(p).id for p in assets.images}) == 5


def test_voiceover_is_speech_like(demo):
    assets = demo
    info = probe(assets.voiceover)
    assert info.format == "mp3" and abs(info.duration_ms - 30000) <= 150
    x, rate = _pcm(assets.voiceover)
    assert abs(len(x) / rate - 30) < 0.2
    rms = float(np.sqrt((x**2).mean()))
    assert rms > 0.05  # not silent
    env = _envelope(x, rate)
    quiet = env < 0.1 * env.max()
    assert 0.1 < quiet.mean() < 0.6  # pauses between syllables and phrases, not a flat tone
    # phrases: runs of >= 300 ms of quiet occur several times
    runs, cur = 0, 0
    for q in quiet:
        cur = cur + 1 if q else 0
        if cur == 15:
            runs += 1
    assert 6 <= runs <= 25
    # syllables: the loudness envelope rises from quiet often (4-6 a second while speaking)
    onsets = np.sum((env[1:] > 0.3 * env.max()) & (env[:-1] <= 0.3 * env.max()))
    assert 40 <= onsets <= 200


def test_music_bed_is_steady(demo):
    assets = demo
    info = probe(assets.music)
    assert info.format == "mp3" and abs(info.duration_ms - 30000) <= 150
    x, rate = _pcm(assets.music)
    env = _envelope(x, rate, 0.01)
    assert float(np.sqrt((x**2).mean())) > 0.05
    middle = env[200:-200]  # skip the fades
    assert (middle < 0.02 * env.max()).mean() < 0.02  # never drops out
    # the kick: envelope periodic at 0.6 s (100 BPM)
    e = middle - middle.mean()
    ac = np.correlate(e, e, "full")[len(e) - 1:]
    lags = np.arange(len(ac)) * 0.01
    window = (lags > 0.3) & (lags < 1.0)
    assert abs(lags[window][np.argmax(ac[window])] - 0.6) < 0.03


def test_demo_is_deterministic(demo, tmp_path):
    assets = demo
    again = write_demo_assets(tmp_path, images=2, seconds=1)
    for a, b in zip(assets.images[:2], again.images, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert abs(probe(again.voiceover).duration_ms - 1000) <= 100


@pytest.mark.parametrize("kind", ["tone", "speech", "music"])
def test_write_test_audio_kinds(tmp_path, kind):
    p = write_test_audio(tmp_path / f"{kind}.wav", 2.0, kind=kind)
    x, rate = _pcm(p)
    assert abs(len(x) / rate - 2.0) < 0.01 and np.abs(x).max() > 0.3


def test_write_test_audio_rejects_unknown(tmp_path):
    with pytest.raises(ValueError):
        write_test_audio(tmp_path / "x.wav", 1.0, kind="noise")
    assert list(tmp_path.iterdir()) == []


def test_demo_pictures_carry_no_words_and_captions_name_the_product(demo):
    """Nothing shows twice: the pictures have no burned-in label, and the captions made from the
    file names name the product drawn."""
    import pytesseract

    from reelforge.planner import plan

    assets = demo
    for p in assets.images:
        with Image.open(p) as im:
            text = pytesseract.image_to_string(im.convert("L")).strip()
        assert not any(len(w) >= 4 and w.isalpha() for w in text.split()), (p.name, text)
    lib = [ingest(p) for p in assets]
    tl = plan("30-second promo with text overlays", lib).timeline
    assert tl.track(Role.TITLE).segments[0].text == "Aurora"  # the brand the names share, not a stock phrase
    caps = [s.text for s in tl.track(Role.CAPTION).segments]
    assert caps == ["Glass Bottle", "Steel Watch", "Ceramic Mug", "Desk Lamp", "Neon Phone"]
