"""The sentence encoder caches onnxruntime's optimised graph and gives the same vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.tagging import assets

TEXTS = [
    "Our film studio near Pinewood needs more sound stages",
    "the trains to Aylesbury are always late",
    "hello",
]


@pytest.fixture()
def cache_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "embeddings" / "model-opt.onnx"
    monkeypatch.setattr(assets, "optimized_model_path", lambda: path)
    return path


def test_first_encoder_writes_the_cache_and_later_ones_load_it(
    cache_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tagging.embed import Encoder

    assert not cache_path.exists()
    built = Encoder(threads=1).encode(TEXTS)
    assert cache_path.exists() and cache_path.stat().st_size > 1_000_000
    assert not list(cache_path.parent.glob("*.tmp"))

    def original_not_needed() -> Path:
        raise AssertionError("the cached graph should be loaded, not the original model")

    monkeypatch.setattr(assets, "onnx_model_path", original_not_needed)
    cached = Encoder(threads=1).encode(TEXTS)
    np.testing.assert_allclose(cached, built, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(cached, axis=1), 1.0, atol=1e-5)
    # different texts really give different vectors (the cache is not a constant)
    assert float(cached[0] @ cached[1]) < 0.9


def test_a_damaged_cache_is_rebuilt(cache_path: Path) -> None:
    from bot.tagging.embed import Encoder

    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"not an onnx model")
    vectors = Encoder(threads=1).encode(TEXTS[:1])
    assert vectors.shape == (1, 384) and abs(float(np.linalg.norm(vectors[0])) - 1) < 1e-5
    assert cache_path.stat().st_size > 1_000_000
