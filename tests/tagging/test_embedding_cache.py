"""The sentence encoder caches onnxruntime's optimised graph and its int8 re-quantisations
(the fused graph served now, the unfused one older models ran), and gives the same vectors
from a cache as from a fresh build."""

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
    built = Encoder(threads=1, graph="int8-weights").encode(TEXTS)
    assert cache_path.exists() and cache_path.stat().st_size > 1_000_000
    assert not list(cache_path.parent.glob("*.tmp"))

    def original_not_needed() -> Path:
        raise AssertionError("the cached graph should be loaded, not the original model")

    monkeypatch.setattr(assets, "onnx_model_path", original_not_needed)
    cached = Encoder(threads=1, graph="int8-weights").encode(TEXTS)
    np.testing.assert_allclose(cached, built, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(cached, axis=1), 1.0, atol=1e-5)
    # different texts really give different vectors (the cache is not a constant)
    assert float(cached[0] @ cached[1]) < 0.9


def test_a_damaged_cache_is_rebuilt(cache_path: Path) -> None:
    from bot.tagging.embed import Encoder

    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(b"not an onnx model")
    vectors = Encoder(threads=1, graph="int8-weights").encode(TEXTS[:1])
    assert vectors.shape == (1, 384) and abs(float(np.linalg.norm(vectors[0])) - 1) < 1e-5
    assert cache_path.stat().st_size > 1_000_000


@pytest.fixture()
def int8_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "embeddings" / "model-int8.onnx"
    monkeypatch.setattr(assets, "quantized_model_path", lambda graph="int8-fused": path)
    return path


@pytest.mark.parametrize("graph", ["int8-fused", "int8-dynamic"])
def test_the_int8_graph_is_built_once_and_keeps_the_float_graphs_meaning(
    graph: str, int8_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tagging.embed import Encoder

    assert not int8_path.exists()
    built = Encoder(threads=1, graph=graph).encode(TEXTS)
    assert int8_path.exists() and int8_path.stat().st_size > 1_000_000
    assert not list(int8_path.parent.glob("*.tmp"))  # neither the fused nor the int8 part
    float32 = Encoder(threads=1, graph="int8-weights").encode(TEXTS)
    # the same model: each vector stays close to the float graph's, and far from the others'
    cosines = (built * float32).sum(axis=1)
    assert cosines.min() > 0.98
    assert float(built[0] @ float32[1]) < 0.9

    def must_not_rebuild(self: object, target: Path) -> None:
        raise AssertionError("the cached int8 graph should be loaded, not built again")

    monkeypatch.setattr(Encoder, "_quantize", must_not_rebuild)
    cached = Encoder(threads=1, graph=graph).encode(TEXTS)
    np.testing.assert_allclose(cached, built, atol=1e-6)


def test_a_damaged_int8_graph_is_rebuilt(int8_path: Path) -> None:
    from bot.tagging.embed import Encoder

    int8_path.parent.mkdir(parents=True)
    int8_path.write_bytes(b"not an onnx model")
    vectors = Encoder(threads=1).encode(TEXTS[:1])
    assert vectors.shape == (1, 384) and abs(float(np.linalg.norm(vectors[0])) - 1) < 1e-5
    assert int8_path.stat().st_size > 1_000_000


def test_an_unknown_graph_is_refused() -> None:
    from bot.tagging.embed import Encoder

    with pytest.raises(ValueError, match="unknown encoder graph"):
        Encoder(graph="fp16")
