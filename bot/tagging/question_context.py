"""An answer's question as context: a reply that names no theme takes its question's theme.

"We need a bigger test stand", said in answer to "Space: what barriers hold you back?",
names nothing the tagger can see, yet it is a view on Space. When the text alone is
tagged with no theme and the question is about one island or seabed driver, the answer
gets that theme, with evidence saying so. Answers that name themes keep their own.
"""

from __future__ import annotations

from dataclasses import replace

from bot.strategy import THEME_IDS, theme
from bot.tagging.result import TagResult

QUESTION_KINDS = ("island", "seabed")


def question_theme(question_key: str | None) -> str | None:
    """'island:space:barriers' -> 'space'; None for profile or other questions."""
    parts = (question_key or "").split(":")
    if len(parts) >= 2 and parts[0] in QUESTION_KINDS and parts[1] in THEME_IDS:
        return parts[1]
    return None


def with_question_context(result: TagResult, question_key: str | None) -> TagResult:
    """`result`, or, if it has no theme, the question's theme with evidence naming it."""
    theme_id = question_theme(question_key)
    if result.themes or theme_id is None:
        return result
    evidence = {theme_id: [f"answer to the {theme(theme_id).name} question"]}
    return replace(result, themes=[theme_id], evidence=evidence)
