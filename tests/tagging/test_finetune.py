"""Fine-tuning the encoder (config `encoder_finetune`): the JAX forward pass is the served
graph's, tuning moves vectors towards the labels, and the tuned graph is saved, verified and
served with the model."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

if TYPE_CHECKING:
    from bot.tagging.embed import Encoder

TEXTS = [
    "We can't recruit machinists and the A41 is gridlocked",
    "hello",
    "Pinewood needs more sound stages for film and high-end TV production",
]


@pytest.fixture(scope="module")
def pinned_weights() -> dict[str, np.ndarray]:
    from bot.tagging.assets import TOKENIZER_PATH, optimized_model_path
    from bot.tagging.encoder_graph import read_weights
    from bot.tagging.training.finetune import weights_of

    if not TOKENIZER_PATH.exists():
        pytest.skip("embedding tokenizer not fetched: run `make setup`")
    if not optimized_model_path().exists():
        _float_encoder()  # writes the optimised float graph
    return weights_of(*read_weights(optimized_model_path()))


@functools.cache
def _float_encoder() -> Encoder:
    from bot.tagging.embed import Encoder

    return Encoder(graph="int8-weights")


def _token_ids(texts: list[str]) -> list[list[int]]:
    return [e.ids for e in _float_encoder().tokenizer.encode_batch(texts)]


def _jax_vectors(weights: dict[str, np.ndarray], texts: list[str]) -> np.ndarray:
    from bot.tagging.training.finetune import _pad, _split, encode

    layers, frozen = _split(weights)
    ids, mask = _pad(_token_ids(texts))
    return np.asarray(encode(layers, frozen, ids, mask))


def test_forward_pass_is_the_served_graphs(pinned_weights: dict) -> None:
    """What is tuned is what is served: the same weights give the float graph's vectors."""
    served = _float_encoder().encode(TEXTS)
    ours = _jax_vectors(pinned_weights, TEXTS)
    assert np.allclose((served * ours).sum(axis=1), 1.0, atol=1e-4)


def _spread(vectors: np.ndarray, labels: np.ndarray) -> float:
    """Mean cosine within a label minus mean cosine across labels."""
    sims = vectors @ vectors.T
    same = labels[:, None] == labels[None, :]
    off_diagonal = ~np.eye(len(labels), dtype=bool)
    return float(sims[same & off_diagonal].mean() - sims[~same].mean())


@pytest.mark.slow
def test_tuning_pulls_each_themes_messages_together_and_is_served(
    pinned_weights: dict, tmp_path: Path
) -> None:
    from bot.tagging.embed import Encoder
    from bot.tagging.training.finetune import finetune, write_encoder

    roads = [
        "the A41 is gridlocked every morning",
        "potholes on our lane",
        "the bus to Aylesbury stopped running",
        "rail links to London are slow",
        "junction 4 is a car park",
        "no train station near us",
    ]
    skills = [
        "we can't find welders",
        "apprentices are hard to come by",
        "the college doesn't teach CNC",
        "graduates leave the county",
        "nobody applies for our engineer jobs",
        "we need more trained chefs",
    ]
    texts = roads + skills
    labels = np.array([0] * len(roads) + [1] * len(skills))
    Y = np.stack([labels == 0, labels == 1], axis=1).astype(np.float32)
    losses: list[str] = []
    tuned = finetune(
        pinned_weights,
        _token_ids(texts),
        Y,
        {"epochs": 8, "batch_size": 4, "learning_rate": 1e-4, "max_tokens": 16},
        seed=3,
        log=losses.append,
    )
    assert len(losses) == 8
    # the embedding tables stay as they were; the layers moved
    assert all(np.array_equal(tuned[k], v) for k, v in pinned_weights.items() if "embeddings." in k)
    assert any(not np.allclose(tuned[k], v) for k, v in pinned_weights.items())
    before = _spread(_jax_vectors(pinned_weights, texts), labels)
    after_vectors = _jax_vectors(tuned, texts)
    assert _spread(after_vectors, labels) > before + 0.05

    path = tmp_path / "encoder.onnx"
    write_encoder(tuned, path)
    assert path.exists() and not list(tmp_path.glob("*.tmp"))
    served = Encoder(graph="int8-fused", path=path)
    assert served.version.endswith("-tuned")
    vectors = served.encode(texts)
    # the served int8 graph keeps what tuning learnt, and is the tuned encoder, not the pinned
    assert _spread(vectors, labels) > before + 0.05
    pinned = Encoder(graph="int8-fused").encode(texts)
    assert (vectors * after_vectors).sum(axis=1).mean() > (vectors * pinned).sum(axis=1).mean()


def test_a_tuned_encoder_needs_an_int8_graph(tmp_path: Path) -> None:
    from bot.tagging.embed import Encoder

    with pytest.raises(ValueError, match="int8"):
        Encoder(graph="int8-weights", path=tmp_path / "encoder.onnx")


@pytest.mark.slow
def test_training_saves_and_serves_the_tuned_encoder(pinned_weights: dict, tmp_path: Path) -> None:
    from bot.tagging import load_engine
    from bot.tagging.model import ENCODER_FILE
    from bot.tagging.training.train import train

    out = tmp_path / "tagger"
    # each of two folds tunes its own encoder for cross-validation, then the served one
    tuned = {"folds": 3, "tuned_folds": 2, "encoder_finetune": {"epochs": 1, "max_tokens": 32}}
    # the checks tag every checking set after the tuned encoder has moved into place
    meta = train(out_dir=out, seed=5, config=tuned, limit=96, checks=True, log=lambda _m: None)
    assert meta["checks"] and (out / ENCODER_FILE).exists() and ENCODER_FILE in meta["files"]
    assert not list(tmp_path.glob("*.tmp"))
    engine = load_engine(out)
    assert engine.encoder.path == out / ENCODER_FILE
    assert engine.tag_many(["Our broadband keeps dropping out"])[0].scores

    saved = json.loads((out / "meta.json").read_text())
    (out / ENCODER_FILE).write_bytes(b"not a graph")
    with pytest.raises(Exception, match="does not match"):
        load_engine(out)
    assert saved["files"][ENCODER_FILE]

    # a model trained without tuning never keeps the last one's encoder beside it
    plain = {"folds": 3, "encoder_finetune": None}
    train(out_dir=out, seed=5, config=plain, limit=96, checks=False, log=lambda _m: None)
    assert not (out / ENCODER_FILE).exists()
    assert load_engine(out).encoder.path is None
