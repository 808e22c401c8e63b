"""Fine-tune the sentence encoder on the labelled training messages (config `encoder_finetune`).

The pinned MiniLM was trained for general sentence similarity: "the A41 is gridlocked" and
"our broadband drops out" sit apart in its space, though both are infrastructure to us. A
per-theme logistic regression over its frozen vectors reached macro-F1 0.881 on the held-out
mixed set; the same regression over the vectors of an encoder fine-tuned for one epoch with a
twelve-theme head reached 0.921 (bot/tagging/README.md has the engine's figures).

Written in JAX because JAX comes with Rasa's pins (TensorFlow needs it): no new dependency,
where PyTorch for Python 3.10 from PyPI is a CUDA build of several GB. Training only: the
tuned weights are laid into the same fused int8 graph the served encoder runs
(`encoder_graph.write_fused`, then `quantize`), so serving still needs only onnxruntime.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bot.tagging.encoder_graph import EPSILON, HEADS, HIDDEN, LAYERS, PREFIX

EMB = f"{PREFIX}embeddings."
# Each layer's dense blocks (weight matrix in `dense`, bias in `named`) and layer norms.
DENSE = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NORMS = ("attention.output.LayerNorm", "output.LayerNorm")

DEFAULTS: dict[str, Any] = {
    "epochs": 1,
    "batch_size": 32,
    "learning_rate": 5e-5,  # the encoder's layers (AdamW, linear warm-up then decay)
    "head_learning_rate": 3e-3,  # the twelve-theme head, discarded after tuning
    "warmup": 0.06,
    "weight_decay": 0.01,
    "max_tokens": 96,  # training messages past this are cut (the served pass reads 128)
    "scale": 20.0,  # the head reads unit vectors: cosine x scale = logit
}


def _split(weights: dict[str, np.ndarray]) -> tuple[dict, dict]:
    """Trainable layer weights and the frozen embedding tables."""
    frozen = {k: v for k, v in weights.items() if k.startswith(EMB)}
    return {k: v for k, v in weights.items() if not k.startswith(EMB)}, frozen


def _layer_norm(x: Any, gain: Any, bias: Any) -> Any:
    import jax.numpy as jnp

    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / jnp.sqrt(var + EPSILON) * gain + bias


def encode(layers: dict, frozen: dict, ids: Any, mask: Any) -> Any:
    """Unit-length mean-pooled vectors, as the served encoder computes them (same graph)."""
    import jax
    import jax.numpy as jnp

    batch, width = ids.shape
    size = HIDDEN // HEADS
    x = (
        frozen[EMB + "word_embeddings.weight"][ids]
        + frozen[EMB + "position_embeddings.weight"][:width][None]
        + frozen[EMB + "token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, frozen[EMB + "LayerNorm.weight"], frozen[EMB + "LayerNorm.bias"])
    blocked = (1.0 - mask[:, None, None, :].astype(jnp.float32)) * -1e9

    def heads(t: Any) -> Any:
        return t.reshape(batch, width, HEADS, size).transpose(0, 2, 1, 3)

    for n in range(LAYERS):
        p = f"{PREFIX}encoder.layer.{n}."

        def dense(name: str, h: Any, p: str = p) -> Any:
            return h @ layers[p + name] + layers[p + name + ".bias"]

        q, k, v = (heads(dense(f"attention.self.{part}", x)) for part in ("query", "key", "value"))
        attention = jax.nn.softmax(q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + blocked, -1)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, width, HIDDEN)
        norm = p + "attention.output.LayerNorm"
        x = _layer_norm(
            x + dense("attention.output.dense", context),
            layers[norm + ".weight"],
            layers[norm + ".bias"],
        )
        up = jax.nn.gelu(dense("intermediate.dense", x), approximate=False)
        norm = p + "output.LayerNorm"
        x = _layer_norm(
            x + dense("output.dense", up), layers[norm + ".weight"], layers[norm + ".bias"]
        )
    weights = mask[..., None].astype(jnp.float32)
    pooled = (x * weights).sum(1) / jnp.maximum(weights.sum(1), 1e-9)
    return pooled / jnp.linalg.norm(pooled, axis=-1, keepdims=True)


def weights_of(named: dict[str, np.ndarray], dense: dict[str, np.ndarray]) -> dict:
    """One flat dict of what the forward pass reads, keyed by the export's names."""
    out = {
        EMB + part: named[EMB + part]
        for part in (
            "word_embeddings.weight",
            "position_embeddings.weight",
            "token_type_embeddings.weight",
            "LayerNorm.weight",
            "LayerNorm.bias",
        )
    }
    for n in range(LAYERS):
        p = f"{PREFIX}encoder.layer.{n}."
        for name in DENSE:
            out[p + name] = dense[p + name]
            out[p + name + ".bias"] = named[p + name + ".bias"]
        for norm in NORMS:
            out[p + norm + ".weight"] = named[p + norm + ".weight"]
            out[p + norm + ".bias"] = named[p + norm + ".bias"]
    return {k: np.asarray(v, dtype=np.float32) for k, v in out.items()}


def _batches(lengths: list[int], size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Batches of like length (little padding), in a shuffled order."""
    order = np.argsort(np.asarray(lengths) + rng.random(len(lengths)))
    batches = [order[s : s + size] for s in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def _pad(rows: list[list[int]], multiple: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Ids and mask padded to a multiple of 16 tokens: few shapes, few JAX compilations."""
    width = -(-max(len(r) for r in rows) // multiple) * multiple
    ids = np.zeros((len(rows), width), dtype=np.int32)
    mask = np.zeros((len(rows), width), dtype=np.int32)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


def _keep_compiled_programs(jax: Any) -> None:
    """Point JAX's persistent compilation cache at JAX_CACHE_DIR (once per process).

    The cache is keyed on the program, its shapes and the JAX and XLA versions, so a hit
    runs exactly the code a fresh compile would: results do not depend on it.
    """
    from bot.config import JAX_CACHE_DIR

    if jax.config.jax_compilation_cache_dir != str(JAX_CACHE_DIR):
        JAX_CACHE_DIR.mkdir(parents=True, exist_ok=True)
        jax.config.update("jax_compilation_cache_dir", str(JAX_CACHE_DIR))
        # every program, not only those over JAX's default second of compiling: a small
        # training's are quicker, and with `make train` no longer tuning (twenty-fourth
        # session) nothing else fills the cache
        jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
        # JAX reads the directory once, at the process's first compile: if anything was
        # compiled before this (the encoder's own tests, in one pytest process), it settled
        # on no cache, and only a reset makes it read the directory again
        from jax.experimental.compilation_cache import compilation_cache

        compilation_cache.reset_cache()


def finetune(
    weights: dict[str, np.ndarray],
    token_ids: list[list[int]],
    Y: np.ndarray,
    settings: dict | None = None,
    seed: int = 13,
    log: Callable[[str], None] = print,
) -> dict[str, np.ndarray]:
    """The encoder's weights after training it, with a twelve-theme head, on (texts, Y).

    Binary cross-entropy per theme, so a message with two themes pulls towards both and
    one with none towards neither. The embedding tables stay frozen: a word our training
    data never uses keeps the vector the encoder learnt for it on general text.
    """
    import jax
    import jax.numpy as jnp

    _keep_compiled_programs(jax)
    cfg = {**DEFAULTS, **(settings or {})}
    rng = np.random.default_rng(seed)
    trainable, frozen = _split(weights)
    frozen_j = {k: jnp.asarray(v) for k, v in frozen.items()}
    params: dict[str, Any] = {
        "layers": {k: jnp.asarray(v) for k, v in trainable.items()},
        "head_w": jnp.asarray(rng.normal(0.0, 0.02, (HIDDEN, Y.shape[1])), dtype=jnp.float32),
        "head_b": jnp.full((Y.shape[1],), -2.0, dtype=jnp.float32),
    }
    scale = float(cfg["scale"])

    # The frozen tables are an argument, not a closure: a closed-over array is compiled into
    # the program as a constant, and each cached program would carry a copy of them.
    def loss(params: dict, frozen: dict, ids: Any, mask: Any, y: Any) -> Any:
        vectors = encode(params["layers"], frozen, ids, mask)
        logits = scale * (vectors @ params["head_w"]) + params["head_b"]
        # log(1 + e^z) - z*y, stable for large |z|
        return jnp.mean(jnp.maximum(logits, 0) - logits * y + jnp.log1p(jnp.exp(-jnp.abs(logits))))

    grad = jax.jit(jax.value_and_grad(loss))
    b1, b2 = 0.9, 0.999

    @jax.jit
    def step(params: dict, grads: dict, m: dict, v: dict, t: Any, rate: Any) -> tuple:
        m = jax.tree_util.tree_map(lambda a, g: b1 * a + (1 - b1) * g, m, grads)
        v = jax.tree_util.tree_map(lambda a, g: b2 * a + (1 - b2) * g * g, v, grads)

        def update(path: tuple, w: Any, mm: Any, vv: Any) -> Any:
            head = path[0].key != "layers"
            lr = rate * (cfg["head_learning_rate"] if head else cfg["learning_rate"])
            decay = 0.0 if head else cfg["weight_decay"]
            adam = (mm / (1 - b1**t)) / (jnp.sqrt(vv / (1 - b2**t)) + 1e-8)
            return w - lr * (adam + decay * w)

        return jax.tree_util.tree_map_with_path(update, params, m, v), m, v

    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    v = jax.tree_util.tree_map(jnp.zeros_like, params)
    rows = [ids[: cfg["max_tokens"]] for ids in token_ids]
    per_epoch = -(-len(rows) // cfg["batch_size"])
    total = cfg["epochs"] * per_epoch
    warm = max(1, int(cfg["warmup"] * total))
    t, started = 0, time.perf_counter()
    for epoch in range(cfg["epochs"]):
        losses = []
        for batch in _batches([len(r) for r in rows], cfg["batch_size"], rng):
            t += 1
            ids, mask = _pad([rows[i] for i in batch])
            value, grads = grad(params, frozen_j, ids, mask, Y[batch].astype(np.float32))
            rate = t / warm if t <= warm else max(0.0, (total - t) / (total - warm))
            params, m, v = step(params, grads, m, v, float(t), rate)
            losses.append(float(value))
        log(
            f"  encoder epoch {epoch + 1}/{cfg['epochs']}: loss {np.mean(losses):.4f}, "
            f"{time.perf_counter() - started:.0f}s"
        )
    tuned = {k: np.asarray(w, dtype=np.float32) for k, w in params["layers"].items()}
    return {**frozen, **tuned}


def write_encoder(weights: dict[str, np.ndarray], target: Path) -> None:
    """The tuned weights as the served encoder's fused int8 graph, written atomically."""
    from bot.tagging.encoder_graph import quantize, write_fused

    named = {k: v for k, v in weights.items() if not k.endswith(DENSE)}
    dense = {k: v for k, v in weights.items() if k.endswith(DENSE)}
    stem = target.with_name(f"{target.name}.{os.getpid()}")
    fused, partial = stem.with_suffix(".fused.tmp"), stem.with_suffix(".int8.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_fused(named, dense, fused)
        quantize(fused, partial, fused=True)
        os.replace(partial, target)
    finally:
        fused.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)


def tune_encoder(
    texts: list[str],
    Y: np.ndarray,
    target: Path,
    settings: dict | None = None,
    seed: int = 13,
    log: Callable[[str], None] = print,
) -> Path:
    """Fine-tune the pinned encoder on (texts, Y) and write its served graph to `target`."""
    from tokenizers import Tokenizer

    from bot.tagging.assets import optimized_model_path, tokenizer_path
    from bot.tagging.embed import MAX_TOKENS, Encoder
    from bot.tagging.encoder_graph import read_weights

    source = optimized_model_path()
    if not source.exists():
        Encoder(graph="int8-weights")  # writes the optimised float32 graph once
    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    token_ids = [e.ids for e in tokenizer.encode_batch([t if t.strip() else "." for t in texts])]
    weights = finetune(weights_of(*read_weights(source)), token_ids, Y, settings, seed, log)
    write_encoder(weights, target)
    return target
