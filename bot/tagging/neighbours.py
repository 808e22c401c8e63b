"""The neighbour vote: the training examples nearest a text, and the share of them that
carries each theme, blended with the logistic regression's probabilities.

A message and its clauses (a few rows) are searched by a one-thread onnxruntime session that
holds the examples as a constant: MLAS lays a constant matrix out for its kernels once, when
the session is made, and then streams all 7,142 x 384 of it in 0.4-0.5 ms for 1 to 12 rows.
numpy's matrix-vector products over chunks of the same matrix took 0.4 ms for one row and
1.4 ms for seven (with the top-k), twice for most long messages (Intel Xeon, one thread).
Batches (cross-validation, many texts at once) keep one numpy matrix product. The two give
the same similarities to float rounding (~1e-6).

The graph (Gemm, then TopK) holds no weights, so it is written once per machine at set-up,
like the encoder's graphs, and the served tagger never imports `onnx`. One intra-op thread
and no pool: nothing is left behind in a process forked after load.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

FEW_ROWS = 12  # a message and its clauses: searched in the session, more rows in numpy
_EXAMPLES = "examples"  # the graph's placeholder constant, replaced by each model's vectors
GRAPH_VERSION = 1  # raise it when `search_graph` builds a different graph: a new cache file


class NearestExamples:
    """The k most similar training examples of each query row (cosine on unit vectors)."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self._session: Any = None
        self._examples: Any = None  # the OrtValue over `vectors`: the session reads it
        self._lock = threading.Lock()

    def top(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(similarities, example indexes), each (n, k), for the k nearest examples per row
        (in no particular order; k is cut to the number of examples)."""
        k = min(k, len(self.vectors))
        if len(query) <= FEW_ROWS and k > 0:
            query = np.ascontiguousarray(query, dtype=np.float32)
            sims, idx = self.session().run(None, {"query": query, "k": np.array([k], np.int64)})
            return sims, idx
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
        # the examples stand in for the graph's placeholder as a constant, so onnxruntime
        # packs them for its kernels once. The session reads `self.vectors` in place and
        # does not keep the OrtValue alive: it is kept here (dropped, the session crashed).
        self._examples = ort.OrtValue.ortvalue_from_numpy(self.vectors)
        options.add_initializer(_EXAMPLES, self._examples)
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
    """The cached search graph: query (n, d), k -> the top k of query @ examples.T, and
    their indexes. Written on first need (`make setup` writes it), to a temporary name
    first, so a concurrent process never reads half a file; the bytes themselves where
    models/ cannot be written."""
    from bot.tagging.assets import search_graph_path

    path = search_graph_path()
    if path.exists():
        return path
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [
            helper.make_node("Gemm", ["query", _EXAMPLES], ["sims"], transB=1),
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
        [numpy_helper.from_array(np.zeros((1, 1), dtype=np.float32), _EXAMPLES)],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
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
