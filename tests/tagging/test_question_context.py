"""The question an answer replies to gives it a theme only when its text names none."""

from __future__ import annotations

import pytest

from bot.strategy import THEME_IDS
from bot.tagging.question_context import question_theme, with_question_context
from bot.tagging.result import TagResult


@pytest.mark.parametrize(
    ("key", "theme_id"),
    [("island:space:barriers", "space"), ("seabed:education_skills:views", "education_skills"),
     ("island:not_a_theme:help", None), ("profile:sector", None), ("", None), (None, None),
     ("space", None)],
)
def test_question_theme(key: str | None, theme_id: str | None) -> None:
    assert question_theme(key) == theme_id


def result(themes: list[str]) -> TagResult:
    return TagResult(themes, {t: 0.1 for t in THEME_IDS}, {t: ["x"] for t in themes}, "v1")


def test_context_fills_only_an_empty_result() -> None:
    empty = with_question_context(result([]), "island:medical_technologies:help")
    assert empty.themes == ["medical_technologies"]
    assert empty.evidence == {
        "medical_technologies": ["answer to the Medical technologies question"]}
    assert empty.model_version == "v1" and empty.scores["medical_technologies"] == 0.1
    own = result(["infrastructure"])
    assert with_question_context(own, "island:space:help") is own
    assert with_question_context(result([]), None).themes == []
