"""Fitting one tagger: features, per-theme logistic regressions, the neighbour vote's
examples, the gate and the term rule, over an encoder that remembers what it has encoded.

`train.py` fits the served model with these; cross-validation (`crossval.py`), the
architecture comparison and the benchmarks fit one per fold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from bot.strategy import THEME_IDS
from bot.tagging.features import Featurizer, Tfidf, gazetteer_features
from bot.tagging.model import TrainedTagger
from bot.tagging.protocols import SentenceEncoder
from bot.tagging.training import data as tagdata


def label_matrix(examples: Sequence[tagdata.Example]) -> np.ndarray:
    return np.array([[t in e.themes for t in THEME_IDS] for e in examples], dtype=np.int64)


class CachedEncoder:
    """The sentence encoder with a memory: cross-validation scores each training message and
    clause once per fold, so each is encoded once per run."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.cache: dict[str, np.ndarray] = {}
        self.span_cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}

    def encode_with_spans(
        self, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        keys = [(t, tuple(s)) for t, s in zip(texts, spans, strict=True)]
        missing = [k for k in dict.fromkeys(keys) if k not in self.span_cache]
        if missing:
            whole, parts = self.encoder.encode_with_spans(
                [t for t, _ in missing], [list(s) for _, s in missing]
            )
            for key, vec, part in zip(missing, whole, parts, strict=True):
                self.span_cache[key] = (vec, part)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32), []
        return (
            np.stack([self.span_cache[k][0] for k in keys]),
            [self.span_cache[k][1] for k in keys],
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for text, vec in zip(missing, self.encoder.encode(missing), strict=True):
                self.cache[text] = vec
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


def fit_featurizer(config: dict, texts: list[str]) -> Featurizer:
    from sklearn.feature_extraction.text import TfidfVectorizer

    feat = Featurizer(config)
    if config["use_tfidf"]:
        feat.word = Tfidf.from_sklearn(
            TfidfVectorizer(
                ngram_range=tuple(config["word_ngrams"]), sublinear_tf=True, lowercase=True
            ).fit(texts)
        )
        feat.char = Tfidf.from_sklearn(
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=tuple(config["char_ngrams"]),
                min_df=config["char_min_df"],
                sublinear_tf=True,
                lowercase=True,
            ).fit(texts)
        )
        feat.n_word = len(feat.word.vocabulary)
        feat.n_char = len(feat.char.vocabulary)
    return feat


def fit_weights(
    X: sparse.csr_matrix, Y: np.ndarray, C: float, class_weight: str | None = "balanced"
) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per column of Y; returns (W: features x columns, b)."""
    from sklearn.linear_model import LogisticRegression

    W = np.zeros((X.shape[1], Y.shape[1]), dtype=np.float64)
    b = np.zeros(Y.shape[1], dtype=np.float64)
    for j in range(Y.shape[1]):
        if Y[:, j].min() == Y[:, j].max():
            b[j] = 10.0 if Y[0, j] else -10.0
            continue
        lr = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight, solver="lbfgs")
        lr.fit(X, Y[:, j])
        W[:, j] = lr.coef_[0]
        b[j] = lr.intercept_[0]
    return W, b


def fit_tagger(
    config: dict,
    texts: list[str],
    Y: np.ndarray,
    encoder: SentenceEncoder | None,
    thresholds: np.ndarray | None = None,
    version: str = "",
) -> TrainedTagger:
    """Fit the per-theme LRs and the any-theme gate on (already prepared) texts."""
    feat = fit_featurizer(config, texts)
    emb: np.ndarray | None = None
    if config["use_embeddings"]:
        if encoder is None:
            raise ValueError("this config uses embeddings: pass fit_tagger an encoder")
        emb = encoder.encode(texts)
    gaz, _ = gazetteer_features(texts)
    X = feat.transform(texts, emb, gaz)
    W, b = fit_weights(X, Y, config["C"], config["class_weight"])
    gate = None
    if config.get("gate_threshold"):
        any_theme = (Y.sum(axis=1) > 0).astype(np.int64)[:, None]
        gW, gb = fit_weights(X, any_theme, config["C"], config["class_weight"])
        gate = (gW[:, 0], float(gb[0]))
    example_emb = emb if emb is not None else np.zeros((len(texts), 384), dtype=np.float32)
    if thresholds is None:
        thresholds = np.full(len(THEME_IDS), 0.5)
    terms = None
    if config.get("term_rule") is not None:
        from bot.tagging.training.terms import build_rule

        terms = build_rule(texts, Y, config["term_rule"])
    return TrainedTagger(
        config,
        feat,
        W,
        b,
        thresholds,
        texts,
        Y,
        example_emb,
        version,
        encoder=encoder,
        gate=gate,
        terms=terms,
    )
