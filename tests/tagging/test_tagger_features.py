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
