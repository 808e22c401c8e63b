"""The term rule: a precise term named in a clause tags its theme, unless the message is
no view at all (gate) or the theme's own score is below the floor."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from bot.strategy import THEME_IDS
from bot.tagging.terms import TermRule, gazetteer_keys, term_keys
from bot.tagging.training.terms import build_rule, select_terms

SPACE = THEME_IDS.index("space")
SKILLS = THEME_IDS.index("education_skills")
INFRA = THEME_IDS.index("infrastructure")


def _labels(*theme_lists: list[int]) -> np.ndarray:
    Y = np.zeros((len(theme_lists), len(THEME_IDS)), dtype=np.int64)
    for i, themes in enumerate(theme_lists):
        Y[i, themes] = 1
    return Y


def test_term_keys_fold_plurals_and_skip_stop_words() -> None:
    keys = term_keys("We can't find Machinists and the roads are awful")
    assert {"machinist", "road", "awful", "find machinist"} <= keys
    assert "the" not in keys and "and" not in keys and "and the" not in keys


def test_gazetteer_keys_carry_the_gazetteer_themes() -> None:
    keys = gazetteer_keys("Testing engines at Westcott")
    assert keys["gaz:westcott"] == (SPACE,)


def test_select_terms_keeps_precise_frequent_terms_only() -> None:
    texts = [f"our machinists are {w}" for w in "old busy few rare gone keen".split()]
    texts += [f"the grommet {w}" for w in "red blue".split()]  # too rare
    texts += [f"apprentice {w} road" for w in "one two three four five six".split()]
    Y = _labels(
        *[[SKILLS]] * 6,
        [SPACE],
        [SPACE],
        # "road" carries infrastructure in half of these only; "apprentice" is always skills
        [SKILLS, INFRA],
        [SKILLS],
        [SKILLS, INFRA],
        [SKILLS],
        [SKILLS, INFRA],
        [SKILLS],
    )
    terms, _judged = select_terms(texts, Y, min_support=5, min_precision=0.8, gazetteer=False)
    assert terms["machinist"] == (SKILLS,)
    assert terms["apprentice"] == (SKILLS,)
    assert "grommet" not in terms
    assert INFRA not in terms.get("road", ())


def test_a_gazetteer_phrase_is_a_term_only_for_its_own_themes() -> None:
    texts = [f"rocket tests at Westcott {w}" for w in "one two three four five six".split()]
    Y = _labels(*[[SPACE, SKILLS]] * 6)  # skills always present, but Westcott is not a skill
    terms, judged = select_terms(texts, Y, min_support=5, min_precision=0.8)
    assert terms["gaz:westcott"] == (SPACE,)
    assert "gaz:westcott" in judged


def test_rule_fires_on_the_clause_that_names_the_term() -> None:
    rule = TermRule({"machinist": (SKILLS,)}, np.full(len(THEME_IDS), 0.1))
    clauses = ["We build race car parts", "and we can't find machinists"]
    whole = np.zeros(len(THEME_IDS))
    clause_scores = np.zeros((2, len(THEME_IDS)))
    clause_scores[1, SKILLS] = 0.3  # the clause gives some sign of it, the whole message less
    assert rule.fired(clauses, whole, clause_scores, gate_ok=True) == {SKILLS: "machinist"}
    clause_scores[1, SKILLS] = 0.05  # below the floor: a term alone is not enough
    assert rule.fired(clauses, whole, clause_scores, gate_ok=True) == {}
    whole[SKILLS] = 0.5
    assert rule.fired(clauses, whole, clause_scores, gate_ok=False) == {}  # no view at all


def test_rule_round_trips_through_json(tmp_path: Path) -> None:
    rule = build_rule(
        ["launch rockets"] * 6,
        _labels(*[[SPACE]] * 6),
        {"min_support": 5, "min_precision": 0.8, "floor": 0.2},
    )
    assert rule.terms["rocket"] == (SPACE,)
    rule.save(tmp_path / "terms.json")
    again = TermRule.load(tmp_path / "terms.json")
    assert again.terms == rule.terms and np.allclose(again.floors, rule.floors)
    assert TermRule.load(tmp_path / "missing.json").terms == {}


@pytest.fixture
def engine_with_term(trained_engine: object) -> object:
    """The trained engine with one made-up term ("zorblat" -> space), floor 0."""
    engine = copy.copy(trained_engine)
    engine.terms = TermRule({"zorblat": (SPACE,)}, np.zeros(len(THEME_IDS)))
    return engine


def test_a_named_term_tags_its_theme(trained_engine: object, engine_with_term: object) -> None:
    text = "We can't recruit enough engineers, and our zorblat line needs more room"
    plain = trained_engine.tag_many([text])[0]
    result = engine_with_term.tag_many([text])[0]
    assert "space" not in plain.themes
    assert "space" in result.themes
    assert result.evidence["space"][0] == "term: zorblat"
    assert set(plain.themes) <= set(result.themes)


def test_a_term_in_a_process_question_or_under_the_floor_does_not_tag(
    engine_with_term: object,
) -> None:
    question = "Who will see what I say about zorblat in this chat?"
    assert "space" not in engine_with_term.tag_many([question])[0].themes
    engine_with_term.terms = TermRule({"zorblat": (SPACE,)}, np.full(len(THEME_IDS), 1.1))
    text = "We can't recruit enough engineers, and our zorblat line needs more room"
    assert "space" not in engine_with_term.tag_many([text])[0].themes
