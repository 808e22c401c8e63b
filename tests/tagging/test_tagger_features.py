"""The plain-Python TF-IDF used at inference equals scikit-learn's TfidfVectorizer."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.tagging.features import Tfidf
from bot.tagging.training import data as tagdata


def test_tfidf_matches_sklearn() -> None:
    texts = [e.text for e in tagdata.load(tagdata.TRAIN_PATH)]
    probe = texts[:200] + ["", "x", "  #bucksLIS!!  CNC  ", "Ünïcode café naïve", "a b c d"]
    for vec in (
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(texts),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True).fit(
            texts
        ),
    ):
        ours = Tfidf.from_dict(Tfidf.from_sklearn(vec).to_dict())
        assert (
            np.abs(ours.transform(probe).toarray() - vec.transform(probe).toarray()).max() < 1e-12
        )


def _vote_by_hand(query: np.ndarray, ref: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((len(query), labels.shape[1]))
    for i, q in enumerate(query):
        sims = [float(q @ r) for r in ref]
        top = sorted(range(len(ref)), key=lambda n: -sims[n])[:k]
        weights = np.array([max(sims[n], 0.0) ** 3 for n in top])
        out[i] = (weights[:, None] * labels[top]).sum(axis=0) / max(weights.sum(), 1e-9)
    return out


def test_neighbour_vote_is_the_same_for_one_message_and_for_a_batch() -> None:
    """A message and its clauses take the row-by-row path, a batch the matrix product:
    both give the similarity-weighted share of the k nearest examples per theme."""
    from bot.tagging.features import knn_scores

    rng = np.random.default_rng(0)
    ref = rng.normal(size=(300, 16)).astype(np.float32)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    labels = (rng.random((300, 12)) < 0.2).astype(np.float64)
    for rows in (1, 4, 40):
        query = ref[rng.integers(0, 300, rows)] + rng.normal(scale=0.1, size=(rows, 16))
        query = (query / np.linalg.norm(query, axis=1, keepdims=True)).astype(np.float32)
        got = knn_scores(query, ref, labels, k=5, power=3.0)
        assert got.shape == (rows, 12)
        np.testing.assert_allclose(got, _vote_by_hand(query, ref, labels, 5), atol=1e-5)
