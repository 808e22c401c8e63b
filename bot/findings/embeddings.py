"""Response vectors from the tagger's sentence encoder, stored so each is computed once.

Encoding is the slow part of sub-theme discovery (~300 short texts/s on 2 cores); the
vectors are kept in `response_embeddings`, tagged with the encoder's checksum so a new
encoder re-encodes. The tagger's own vectors (its int8-dynamic graph) are not stored: they
would be replaced here anyway, since sub-themes use another graph (see GRAPH).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.storage.models import ResponseEmbedding
from bot.tagging.embed import encoder_version

_lock = threading.Lock()
_encoder = None
# Sub-theme clustering keeps the float graph of the encoder it was tuned on: on
# benchmarks/data/subthemes.jsonl the tagger's faster int8 graph moved purity / adjusted Rand
# on creative_digital 0.87 / 0.67 -> 0.75 / 0.46 (education_skills 0.78 -> 0.85; mean of
# four themes 0.84 -> 0.81), and here each response is encoded once, not per message. So
# the tagger's own vectors (int8 MatMuls) are neither stored nor reused.
GRAPH = "int8-weights"


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for `texts` (one process-wide encoder, loaded on first use)."""
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                from bot.tagging.embed import Encoder

                _encoder = Encoder(graph=GRAPH)
    return _encoder.encode(list(texts), batch_size=32)


def vectors_for(session: Session, items: Sequence[tuple[int, str]]) -> np.ndarray:
    """(len(items), 384) vectors for (response_id, text) pairs, encoding and storing the
    ones not stored yet (or stored by another encoder)."""
    from bot.tagging.embed import DIM

    version = encoder_version(GRAPH)
    ids = [rid for rid, _ in items]
    stored: dict[int, np.ndarray] = {}
    stale: list[int] = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        rows = session.execute(
            select(
                ResponseEmbedding.response_id, ResponseEmbedding.encoder, ResponseEmbedding.vector
            ).where(ResponseEmbedding.response_id.in_(chunk))
        )
        for rid, enc, blob in rows:
            if enc == version and len(blob) == DIM * 4:
                stored[rid] = np.frombuffer(blob, dtype=np.float32)
            else:
                stale.append(rid)
    if stale:
        session.execute(delete(ResponseEmbedding).where(ResponseEmbedding.response_id.in_(stale)))
    missing = [(rid, text) for rid, text in items if rid not in stored]
    if missing:
        fresh = encode([text for _, text in missing])
        for (rid, _), vec in zip(missing, fresh, strict=True):
            stored[rid] = vec
        session.add_all(
            ResponseEmbedding(response_id=rid, encoder=version, vector=vec.tobytes())
            for (rid, _), vec in zip(missing, fresh, strict=True)
        )
        session.flush()
    if not items:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([stored[rid] for rid in ids]).astype(np.float32)
