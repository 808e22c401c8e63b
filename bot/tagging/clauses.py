"""How a multi-clause message's clause scores join its own ("every clause counts").

A theme's score is `max(whole, (1 - w) * whole + w * best clause)` (w = `segment_weight`):
a second subject in a clause of its own is no longer drowned by the first, while one stray
clause cannot tag a theme the whole message gives no sign of. A clause therefore only ever
raises a score, which is what lets the served engine skip most clause passes (`uncertain`).
"""

from __future__ import annotations

import numpy as np


def owners(segs: list[list[str]]) -> np.ndarray:
    """The message index of each clause row (messages of one clause have no rows)."""
    return np.repeat(np.arange(len(segs)), [len(ss) if len(ss) > 1 else 0 for ss in segs])


def combine(
    P_all: np.ndarray,
    segs: list[list[str]],
    weight: float,
    marked: np.ndarray | None = None,
    marked_weight: float | None = None,
) -> tuple[np.ndarray, list[np.ndarray | None]]:
    """Scores of the n messages (the first n rows of `P_all`, their clauses after), and each
    message's clause scores (None for a single clause). `marked` (per clause row): clauses
    whose sentence announces a new subject ("PS ...", "the other thing ..."), joined with
    `marked_weight` instead (1.0: as if the clause stood alone)."""
    n = len(segs)
    P = P_all[:n].copy()
    seg_scores: list[np.ndarray | None] = [None] * n
    k = n
    for i, ss in enumerate(segs):
        if len(ss) > 1:
            scores = seg_scores[i] = P_all[k : k + len(ss)]
            P[i] = np.maximum(P[i], (1 - weight) * P[i] + weight * scores.max(axis=0))
            if (
                marked_weight is not None
                and marked is not None
                and marked[k - n : k - n + len(ss)].any()
            ):
                own = scores[marked[k - n : k - n + len(ss)]].max(axis=0)
                P[i] = np.maximum(P[i], (1 - marked_weight) * P[i] + marked_weight * own)
            k += len(ss)
    return P, seg_scores


def uncertain(
    P_all: np.ndarray,
    gate: np.ndarray | None,
    segs: list[list[str]],
    thresholds: np.ndarray,
    config: dict,
    marked: np.ndarray | None = None,
) -> np.ndarray:
    """Per clause row: could encoding it on its own change a tag? Yes when, as scored now
    (its vector read off the whole message's pass), it lifts some theme the message does not
    reach to within `clause_band` of that theme's threshold. A theme already on, or a message
    the gate clears, cannot change. On cross-validated scores a band of 0.15 lost 3 of the 96
    tags the clauses add, encoding 27% of the clauses (README: How it works, 5)."""
    n = len(segs)
    weight, band = config.get("segment_weight", 0.0), config.get("clause_band", 0.15)
    rows = owners(segs)
    whole = P_all[rows]
    lifted = np.maximum(whole, (1 - weight) * whole + weight * P_all[n:])
    if marked is not None and config.get("marked_clause_weight") is not None:
        w = config["marked_clause_weight"]
        own = np.maximum(whole, (1 - w) * whole + w * P_all[n:])
        lifted = np.where(marked[:, None], own, lifted)
    out = ((lifted >= thresholds - band) & (whole < thresholds)).any(axis=1)
    if gate is not None and config.get("gate_threshold"):
        out &= gate[rows] >= config["gate_threshold"]
    return out
