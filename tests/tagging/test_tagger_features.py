"""The plain-Python TF-IDF used at inference equals scikit-learn's TfidfVectorizer."""

from __future__ import annotations

import numpy as np
import pytest
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
        first = ours.transform(probe)
        assert np.abs(first.toarray() - vec.transform(probe).toarray()).max() < 1e-12
        # the second time, char_wb words come from the per-word cache: the very same values
        again = ours.transform(probe)
        assert (again != first).nnz == 0


def test_char_tfidf_is_the_same_with_its_word_cache_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the cache's size, words are worked out afresh each time, to the same values."""
    from bot.tagging import features

    texts = [e.text for e in tagdata.load(tagdata.TRAIN_PATH)]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    vec.fit(texts[:500])
    monkeypatch.setattr(features, "_WORD_CACHE_SIZE", 10)
    ours = Tfidf.from_sklearn(vec)
    probe = texts[500:700]
    got = ours.transform(probe)
    assert len(ours._word_columns) == 10
    assert np.abs(got.toarray() - vec.transform(probe).toarray()).max() < 1e-12
    assert (ours.transform(probe) != got).nnz == 0


def _vote_by_hand(query: np.ndarray, ref: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((len(query), labels.shape[1]))
    for i, q in enumerate(query):
        sims = [float(q @ r) for r in ref]
        top = sorted(range(len(ref)), key=lambda n: -sims[n])[:k]
        weights = np.array([max(sims[n], 0.0) ** 3 for n in top])
        out[i] = (weights[:, None] * labels[top]).sum(axis=0) / max(weights.sum(), 1e-9)
    return out


def test_neighbour_vote_is_the_same_for_one_message_and_for_a_batch() -> None:
    """A message and its clauses are searched in the onnxruntime session, a batch by one numpy
    matrix product: both give the similarity-weighted share of the k nearest examples per
    theme."""
    from bot.tagging.neighbours import FEW_ROWS, NearestExamples, neighbour_vote

    rng = np.random.default_rng(0)
    ref = rng.normal(size=(1300, 16)).astype(np.float32)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    labels = (rng.random((1300, 12)) < 0.2).astype(np.float64)
    examples = NearestExamples(ref)
    for rows in (1, 4, FEW_ROWS, FEW_ROWS + 1, 40):
        query = ref[rng.integers(0, 1300, rows)] + rng.normal(scale=0.1, size=(rows, 16))
        query = (query / np.linalg.norm(query, axis=1, keepdims=True)).astype(np.float32)
        got = neighbour_vote(examples.top(query, 5), labels, power=3.0)
        assert got.shape == (rows, 12)
        np.testing.assert_allclose(got, _vote_by_hand(query, ref, labels, 5), atol=1e-5)


def test_served_scores_are_the_training_feature_matrix_times_the_weights(
    trained_engine: object,
) -> None:
    """The served engine scores block by block (float64 copies of the sparse blocks'
    weights, no sparse stack); training scores the stacked matrix. Both give the same
    probabilities, for one message with its clauses and for a batch."""
    from bot.tagging.features import sigmoid
    from bot.tagging.neighbours import blend

    engine = trained_engine
    texts = [
        "We can't recruit machinists, and the A41 is gridlocked every single morning",
        "can't recruit",
        "We can't recruit machinists",
        "and the A41 is gridlocked every single morning",
    ]
    texts += [e.text for e in tagdata.load(tagdata.TRAIN_PATH)[:20]]
    for batch in (texts[:4], texts):
        emb = engine.encoder.encode(batch)
        P, _gate, parts = engine._raw_scores(batch, emb)
        X = engine.featurizer.transform(batch, emb, parts["gaz"])
        logits = np.asarray(X @ engine.W.astype(np.float64)) + engine.b
        expected = blend(
            sigmoid(logits),
            engine.nearest.top(emb, engine.config["knn_k"]),
            engine.example_labels,
            engine.config,
        )
        np.testing.assert_allclose(P, expected, atol=1e-5)


def test_a_long_run_of_letters_names_no_subject() -> None:
    """A hashtag run together names its subject ("#brokenbroadband"); a pasted run of
    letters far longer than a few words does not, and is not cut every way to find one."""
    from bot.tagging.features import _named_alone

    assert _named_alone("brokenbroadband") == ("infrastructure",)
    assert _named_alone("a" * 8000) == ()
    assert _named_alone("broadband" * 10) == ()
