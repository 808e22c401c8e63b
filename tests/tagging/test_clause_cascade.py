"""The clause cascade: a clause is encoded on its own only where that can change a tag.

A clause only raises a theme's score, so it matters only for a theme the message does not
reach; the cascade reads every clause's vector off the whole message's encoder pass first and
encodes on its own only a clause that comes within `clause_band` of such a theme's threshold,
or one the whole pass cut off at the token limit.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from bot.strategy import THEME_IDS
from bot.tagging.clauses import combine, uncertain
from bot.tagging.model import TrainedTagger
from bot.tagging.training.defaults import DEFAULT_CONFIG


def scores(**high: float) -> np.ndarray:
    row = np.full(len(THEME_IDS), 0.1)
    for theme_id, value in high.items():
        row[THEME_IDS.index(theme_id)] = value
    return row


def test_only_a_clause_that_could_add_a_theme_is_uncertain() -> None:
    th, config = np.full(len(THEME_IDS), 0.4), {**DEFAULT_CONFIG, "clause_band": 0.2}
    # with a band of 0.2 a clause matters once (whole + clause) / 2 >= 0.2
    whole = scores(space=0.7)
    raises_a_theme_already_on = scores(space=0.95)
    near_a_missing_theme = scores(infrastructure=0.45)  # (0.1 + 0.45) / 2 = 0.275
    far_from_any = scores(infrastructure=0.25)  # (0.1 + 0.25) / 2 = 0.175
    P_all = np.vstack([whole, raises_a_theme_already_on, near_a_missing_theme, far_from_any])
    segs = [["we build satellites", "the A41 is slow", "nothing much"]]
    assert uncertain(P_all, np.array([0.9]), segs, th, config).tolist() == [False, True, False]
    # the gate clears the whole message: no clause can change anything
    assert not uncertain(P_all, np.array([0.2]), segs, th, config).any()
    # a single-clause message in the same batch has no clause rows and shifts nothing
    P_two = np.vstack([whole, scores(), *P_all[1:]])
    two = uncertain(P_two, np.array([0.9, 0.9]), [segs[0], ["hello there"]], th, config)
    assert two.tolist() == [False, True, False]


def test_a_clause_only_ever_raises_a_score() -> None:
    whole = scores(space=0.7, infrastructure=0.1)
    clause_a, clause_b = scores(space=0.2, infrastructure=0.9), scores(space=0.3)
    P, seg_scores = combine(
        np.vstack([whole, scores(), clause_a, clause_b]), [["a", "b"], ["c"]], 0.5
    )
    i, s = THEME_IDS.index("infrastructure"), THEME_IDS.index("space")
    assert P[0, i] == pytest.approx(0.5)  # (0.1 + 0.9) / 2
    assert P[0, s] == pytest.approx(0.7)  # the clauses' lower space scores do not pull it down
    assert (P[1] == scores()).all() and seg_scores[1] is None
    assert seg_scores[0] is not None and seg_scores[0].shape == (2, len(THEME_IDS))


@pytest.fixture()
def cascade(trained_engine: TrainedTagger) -> Iterator[TrainedTagger]:
    """The trained model as served with the cascade, whatever its saved config says."""
    saved = trained_engine.config
    trained_engine.config = {
        **saved,
        "segment_weight": saved.get("segment_weight") or 0.5,
        "clause_vectors": "cascade",
        "clause_band": DEFAULT_CONFIG["clause_band"],
    }
    yield trained_engine
    trained_engine.config = saved


def multi_clause_messages(limit: int = 240) -> list[str]:
    from bot.tagging.segments import segments
    from bot.tagging.training import data as tagdata

    texts = [e.text for e in tagdata.load_train() if len(segments(e.text)) > 1]
    return texts[:: max(1, len(texts) // limit)][:limit]


def test_where_the_cascade_skips_clauses_it_gives_the_full_passs_themes(
    cascade: TrainedTagger,
) -> None:
    texts = multi_clause_messages()
    P_fast, parts = cascade.scores(texts, cascade=True)
    P_full, full_parts = cascade.scores(texts, cascade=False)
    n_clauses = np.array([len(s) if len(s) > 1 else 0 for s in parts["segments"]])
    alone = parts["clauses_encoded_alone"]
    assert (full_parts["clauses_encoded_alone"] == n_clauses).all()  # the reference: every one
    multi = n_clauses > 0  # (cleaning can leave a message one clause)
    skipped = multi & (alone == 0)
    assert multi.mean() > 0.9
    # it skips many, and it does encode some clauses on its own
    assert skipped.sum() > 0.3 * multi.sum() and (alone > 0).any()
    assert alone.sum() < 0.6 * n_clauses.sum()
    on_fast, on_full = P_fast >= cascade.thresholds, P_full >= cascade.thresholds
    # read off the whole pass, a clause is kept below band: it can never add a tag
    assert not (on_fast & ~on_full).any()
    same = (on_fast == on_full).all(axis=1)
    assert same[skipped].mean() >= 0.99
    # where every clause was encoded on its own, the scores are the full pass's
    every = multi & (alone == n_clauses)
    np.testing.assert_allclose(P_fast[every], P_full[every], atol=1e-6)


def test_a_long_message_still_gets_its_second_theme(cascade: TrainedTagger) -> None:
    """Past the encoder's 128 tokens the whole pass never reads the last clause: that clause
    is encoded on its own, so its theme is not lost."""
    first = (
        "We are a precision engineering firm and we cannot recruit machinists or toolmakers, "
        "the college courses stopped years ago, apprentices leave for bigger firms once "
        "trained, and we spend weeks on every vacancy with agencies that send nobody suitable. "
    ) * 3
    text = first + "On top of that the A41 is gridlocked every single morning."
    assert cascade.encoder.tokenizer.encode(text).overflowing  # the pass cuts it off
    [result] = cascade.tag_many([text])
    assert {"education_skills", "infrastructure"} <= set(result.themes)
    _, parts = cascade.scores([text], cascade=True)
    assert parts["clauses_encoded_alone"][0] >= 1


def test_a_batch_gives_each_message_what_it_gets_alone(cascade: TrainedTagger) -> None:
    texts = multi_clause_messages(40)
    together = cascade.tag_many(texts)
    for text, result in zip(texts, together, strict=True):
        [alone] = cascade.tag_many([text])
        assert alone.themes == result.themes
        assert alone.scores == pytest.approx(result.scores, abs=1e-3)
