"""The neighbour vote: the training examples nearest a text, and the share of them that
carries each theme, blended with the logistic regression's probabilities.

A message and its clauses (a few rows) are searched in two steps. A one-thread onnxruntime
session holds the examples as an int8 constant (each example scaled by its own largest
component) and finds the `CANDIDATES` nearest with an integer matrix product: MLAS packs the
constant for its kernels once, when the session is made, and the 9,020 x 384 int8 matrix is
a quarter of the float32 one, so it stays in cache beside the encoder. The candidates are then
scored again in float32 (a few dozen dot products), so the k returned and their similarities
are those of the exact search: int8 similarities are within ~0.002 of float32, far less than
the gap between the k-th and the `CANDIDATES`-th nearest. Measured on 1,500 messages after
the encoder had run: the search 0.74 -> 0.28 ms a message (p95 1.36 -> 0.52).
Batches (cross-validation, many texts at once) keep one float32 numpy matrix product.

The graph (DynamicQuantizeMatMul, then TopK) holds no weights, so it is written once per
machine at set-up, like the encoder's graphs, and the served tagger never imports `onnx`. One
intra-op thread and no pool: nothing is left behind in a process forked after load.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

FEW_ROWS = 12  # a message and its clauses: searched in the session, more rows in numpy
CANDIDATES = 32  # found by the int8 search, then scored in float32 for the k nearest
_EXAMPLES = "examples"  # the graph's placeholder constants, replaced by each model's
_SCALES = "scales"  # int8 examples (d, n) and their per-example scales (n,)
GRAPH_VERSION = 2  # raise it when `search_graph` builds a different graph: a new cache file


class NearestExamples:
    """The k most similar training examples of each query row (cosine on unit vectors)."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self._session: Any = None
        self._constants: list[Any] = []  # the OrtValues the session reads in place
        self._lock = threading.Lock()

    def top(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(similarities, example indexes), each (n, k), for the k nearest examples per row
        (in no particular order; k is cut to the number of examples)."""
        k = min(k, len(self.vectors))
        if len(query) <= FEW_ROWS and k > 0:
            query = np.ascontiguousarray(query, dtype=np.float32)
            wanted = np.array([min(max(k, CANDIDATES), len(self.vectors))], np.int64)
            _approx, found = self.session().run(None, {"query": query, "k": wanted})
            # the candidates' exact similarities, and the k nearest of them
            sims = np.einsum("nd,nkd->nk", query, self.vectors[found])
            best = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            return np.take_along_axis(sims, best, axis=1), np.take_along_axis(found, best, axis=1)
        all_sims = query @ self.vectors.T
        idx = np.argpartition(-all_sims, k - 1, axis=1)[:, :k]
        return np.take_along_axis(all_sims, idx, axis=1), idx

    def session(self) -> Any:
        """The search session, made on first use (the served engine makes it at load)."""
        if self._session is None:
            with self._lock:
                if self._session is None:
                    self._session = self._new_session()
        return self._session

    def _new_session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # the int8 examples stand in for the graph's placeholders as constants, so
        # onnxruntime packs them for its kernels once. The session reads the arrays in place
        # and does not keep the OrtValues alive: they are kept here (dropped, it crashed).
        examples, scales = quantised(self.vectors)
        self._constants = [
            ort.OrtValue.ortvalue_from_numpy(examples),
            ort.OrtValue.ortvalue_from_numpy(scales),
        ]
        options.add_initializer(_EXAMPLES, self._constants[0])
        options.add_initializer(_SCALES, self._constants[1])
        for attempt in range(2):
            graph = search_graph()
            try:
                return ort.InferenceSession(
                    graph if isinstance(graph, bytes) else str(graph),
                    sess_options=options,
                    providers=["CPUExecutionProvider"],
                )
            except Exception:  # noqa: BLE001  (a damaged cache is rebuilt once)
                if attempt or isinstance(graph, bytes):
                    raise
                graph.unlink(missing_ok=True)
        raise AssertionError("unreachable")


# The examples' largest component maps to 63, not 127: on a CPU with AVX2 but no VNNI,
# MLAS multiplies the uint8 query by the int8 examples with VPMADDUBSW, which adds each pair
# of products into an int16 and saturates past 32,767 (255 x 127 x 2 = 64,770). The int8
# search then missed true neighbours and the vote of one message differed from a batch's by
# up to 0.14 (found by CI on an AVX2 machine, 7 Dec). With 7 bits, 255 x 63 x 2 = 32,130
# fits; the candidates are scored again in float32, so the k returned are exact as before.
_INT8_TOP = 63.0


def quantised(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The examples as int8, transposed for the matrix product (d, n), and each example's
    scale (n,): its largest component maps to `_INT8_TOP` (7 bits: no saturation on AVX2)."""
    scales = np.abs(vectors).max(axis=1) / _INT8_TOP
    scales = np.where(scales > 0, scales, 1.0).astype(np.float32)
    examples = np.round(vectors / scales[:, None]).astype(np.int8)
    return np.ascontiguousarray(examples.T), scales


def neighbour_vote(
    found: tuple[np.ndarray, np.ndarray], ref_labels: np.ndarray, power: float
) -> np.ndarray:
    """Per theme, the similarity-weighted share of the nearest training messages `found`
    (`NearestExamples.top`: similarities, indexes) that carry it (weights max(sim, 0) **
    power). Shape (n_query, 12)."""
    top, idx = found
    weights = np.maximum(top, 0.0) ** power
    votes = (weights[:, :, None] * ref_labels[idx]).sum(axis=1)
    return votes / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)


def blend(
    p_lr: np.ndarray,
    found: tuple[np.ndarray, np.ndarray] | None,
    ref_labels: np.ndarray,
    config: dict,
    gaz: np.ndarray | None = None,
) -> np.ndarray:
    """The LR probabilities blended with the embedding nearest-neighbour vote over the
    nearest examples `found` (`NearestExamples.top`; None: no vote).

    With `gaz_keeps_lr`, a theme the gazetteer matched keeps at least its LR probability
    (a whole-message neighbour vote can drown one named subject in a two-subject message).
    """
    w = config.get("knn_weight", 0.0)
    if not w or found is None:
        return p_lr
    # the labels stay integers: only the k gathered rows meet the float weights (no float64
    # copy of all 7,142 rows on every call)
    knn = neighbour_vote(found, ref_labels, config["knn_power"])
    P = (1 - w) * p_lr + w * knn
    if config.get("gaz_keeps_lr") and gaz is not None:
        hit = gaz[:, : p_lr.shape[1]] > 0
        P = np.where(hit, np.maximum(P, p_lr), P)
    return P


def search_graph() -> Path | bytes:
    """The cached search graph: query (n, d), k -> the top k of query @ examples (the int8
    examples times their scales, the query quantised per call), and their indexes. Written
    on first need (`make setup` writes it), to a temporary name first, so a concurrent
    process never reads half a file; the bytes themselves where models/ cannot be written."""
    from bot.tagging.assets import search_graph_path

    path = search_graph_path()
    if path.exists():
        return path
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [
            helper.make_node(
                "DynamicQuantizeMatMul",
                ["query", _EXAMPLES, _SCALES],
                ["sims"],
                domain="com.microsoft",
            ),
            helper.make_node("TopK", ["sims", "k"], ["top", "index"], axis=1),
        ],
        "nearest_examples",
        [
            helper.make_tensor_value_info("query", TensorProto.FLOAT, ["n", "d"]),
            helper.make_tensor_value_info("k", TensorProto.INT64, [1]),
        ],
        [
            helper.make_tensor_value_info("top", TensorProto.FLOAT, ["n", "k"]),
            helper.make_tensor_value_info("index", TensorProto.INT64, ["n", "k"]),
        ],
        [
            numpy_helper.from_array(np.zeros((1, 1), dtype=np.int8), _EXAMPLES),
            numpy_helper.from_array(np.ones(1, dtype=np.float32), _SCALES),
        ],
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets)
    model.ir_version = 8  # what onnxruntime 1.23 reads for opset 17
    data: bytes = model.SerializeToString()
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        return data  # a read-only models/: built in memory each time (a few milliseconds)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return path
