"""Select the term rule's terms and tune its floor (training half of `bot.tagging.terms`).

A term is kept for theme T when, on the training messages, it occurs in at least
`min_support` of them and the share of those carrying T, counted as hits / (support + 1)
so that a rare term needs more evidence (5 of 5 gives 0.83, 10 of 10 gives 0.91), is at
least `min_precision`. Cross-validation selects the terms on the training folds only, so
their precision and the floor are measured on messages the terms were not derived from.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.terms import TermRule, gazetteer_keys, term_keys

DEFAULTS: dict = {
    "min_support": 5,
    "min_precision": 0.9,
    "floor": 0.1,
    "gazetteer": True,  # gazetteer phrases are candidate terms (for their own themes only)
    "gazetteer_precision": None,  # their own precision bar (None: min_precision)
    "trust_gazetteer": False,  # and count, unjudged, when too rare in training
}


def select_terms(
    texts: Sequence[str],
    Y: np.ndarray,
    min_support: int = 5,
    min_precision: float = 0.9,
    gazetteer: bool = True,
    gazetteer_precision: float | None = None,
) -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Term -> the theme indices it predicts with smoothed precision >= min_precision, and
    the gazetteer phrases seen often enough to be judged (kept or not)."""
    support: Counter[str] = Counter()
    hits: dict[str, Counter[int]] = defaultdict(Counter)
    allowed: dict[str, tuple[int, ...]] = {}
    for text, labels in zip(texts, Y, strict=True):
        themes = np.flatnonzero(labels)
        keys = dict.fromkeys(term_keys(text))
        if gazetteer:
            gaz = gazetteer_keys(text)
            allowed.update(gaz)
            keys.update(dict.fromkeys(gaz))
        for key in keys:
            support[key] += 1
            for j in themes:
                hits[key][int(j)] += 1
    out: dict[str, tuple[int, ...]] = {}
    judged = set()
    for key, n in support.items():
        if n < min_support:
            continue
        bar = min_precision
        if key in allowed:
            judged.add(key)
            bar = min_precision if gazetteer_precision is None else gazetteer_precision
        chosen = tuple(
            sorted(
                j
                for j, k in hits[key].items()
                if k / (n + 1) >= bar and (key not in allowed or j in allowed[key])
            )
        )
        if chosen:
            out[key] = chosen
    return out, frozenset(judged)


def build_rule(texts: Sequence[str], Y: np.ndarray, params: dict | None = None) -> TermRule:
    """The term rule fitted on these training messages with these parameters."""
    p = {**DEFAULTS, **(params or {})}
    terms, judged = select_terms(
        texts,
        Y,
        int(p["min_support"]),
        float(p["min_precision"]),
        bool(p["gazetteer"]),
        p["gazetteer_precision"],
    )
    floors = np.full(len(THEME_IDS), float(p["floor"]))
    return TermRule(terms, floors, bool(p["trust_gazetteer"]), judged)
