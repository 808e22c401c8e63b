"""The answer head: an answer naming no theme is a view on its question, or turns it down."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.question_context import question_theme
from bot.tagging.training import data as tagdata
from bot.tagging.training.answers import ANSWERS_PATH, load_answers
from tests.tagging.conftest import near_duplicates


def test_the_answers_file_has_both_kinds_for_every_theme() -> None:
    answers = load_answers()
    marks = Counter(a.takes_question_theme for a in answers)
    assert marks[True] >= 150 and marks[False] >= 150
    themes = Counter(question_theme(a.question_key) for a in answers)
    assert set(themes) == set(THEME_IDS) and min(themes.values()) >= 20
    assert len({a.id for a in answers}) == len(answers)


def test_the_answers_file_repeats_no_checking_message() -> None:
    rows = [tagdata.Example(a.id, a.text, ()) for a in load_answers()]
    for name, path in tagdata.checking_sets().items():
        assert near_duplicates(rows, tagdata.load(path)) == [], name


@pytest.mark.parametrize(
    "line",
    [
        {"id": 1, "question_key": "profile:sector", "text": "x", "takes_question_theme": True},
        {"id": 2, "question_key": "island:space:help", "text": "x", "takes_question_theme": "yes"},
        {"id": 3, "text": "x", "takes_question_theme": False},
    ],
)
def test_a_line_without_a_theme_question_or_a_mark_is_refused(tmp_path: Path, line: dict) -> None:
    path = tmp_path / "answers.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="answers.jsonl:1"):
        load_answers(path)


def test_the_served_model_carries_the_head(trained_engine: object) -> None:
    from bot.tagging import model_dir

    # the model's own directory (the encoder may be the pinned one in models/embeddings/)
    meta = json.loads((model_dir() / "meta.json").read_text())
    assert meta["version"] == trained_engine.version  # type: ignore[attr-defined]
    if not meta["config"].get("answer_head_C") or not ANSWERS_PATH.exists():
        pytest.skip("model trained without the answer head")
    assert trained_engine.answer_head is not None
    assert meta["data"]["question_answers"] == len(load_answers())


@pytest.mark.parametrize(
    ("text", "key", "theme_id"),
    [
        (
            "We're wedding photographers so it's not our world",
            "island:space:opportunities",
            "space",
        ),
        ("Nah, we're a chip shop mate", "seabed:digital_science:views", "digital_science"),
        (
            "Can't really comment, we groom dogs",
            "island:intelligent_mobility:barriers",
            "intelligent_mobility",
        ),
        ("Honestly couldn't tell you", "seabed:housing_growth:views", "housing_growth"),
    ],
)
def test_a_refusal_in_words_no_pattern_lists_drops_the_questions_theme(
    trained_engine: object, text: str, key: str, theme_id: str
) -> None:
    """None of these is in `question_context.DECLINING`: the head reads them."""
    from bot.tagging.question_context import declines

    if getattr(trained_engine, "answer_head", None) is None:
        pytest.skip("model trained without the answer head")
    assert not declines(text)
    assert theme_id not in trained_engine.tag_many([text], [key])[0].themes


@pytest.mark.parametrize(
    ("text", "key", "theme_id"),
    [
        ("Two years and still waiting", "seabed:infrastructure:views", "infrastructure"),
        ("Yes, a big one", "island:medical_technologies:barriers", "medical_technologies"),
        ("Massive for us", "island:space:opportunities", "space"),
    ],
)
def test_a_terse_view_naming_nothing_keeps_the_questions_theme(
    trained_engine: object, text: str, key: str, theme_id: str
) -> None:
    result = trained_engine.tag_many([text], [key])[0]
    assert theme_id in result.themes
    assert result.themes == [theme_id]


@pytest.mark.parametrize(
    ("text", "key", "theme_id"),
    [
        ("same as before", "seabed:infrastructure:views", "infrastructure"),
        ("see my last answer", "island:space:barriers", "space"),
        ("and the buses stop at six anyway", "seabed:infrastructure:views", "infrastructure"),
        ("sorry, I meant Haddenham not Thame", "seabed:housing_growth:views", "housing_growth"),
    ],
)
def test_pointing_back_or_carrying_on_keeps_the_questions_theme(
    trained_engine: object, text: str, key: str, theme_id: str
) -> None:
    """The conversation stores these against the question asked ("same as before" means the
    last view holds here too): they are views, not refusals."""
    assert theme_id in trained_engine.tag_many([text], [key])[0].themes
