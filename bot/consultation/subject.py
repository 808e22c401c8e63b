"""Whether a message names a subject the tagger can see: what tells a view ("ours is
terrible", after a question about broadband) from a question's own elaboration ("GDP, jobs,
that sort of thing"). No Rasa imports."""

from __future__ import annotations

from collections.abc import Callable

from bot.consultation.replies import says_more


def names_a_subject(text: str) -> bool:
    """The tagger finds at least one theme in `text`; False when no tagger is loaded."""
    return bool(subject_themes(text))


def subject_themes(text: str) -> set[str]:
    """The themes the tagger finds in `text`; none when no tagger is loaded."""
    try:
        from bot.tagging import tag

        return set(tag(text).themes)
    except Exception:  # the tagger is optional here; without it nothing counts as a view
        return set()


def a_view_too(text: str, asking: Callable[[str], bool], min_words: int = 3) -> bool:
    """Beside the sentence that asks, one of the business's own with a subject the tagger
    sees ("... broadband? ours is terrible"), not the question's elaboration ("... the Bucks
    economy? GDP, jobs, that sort of thing", "... replied so far? asking for a piece")."""
    return says_more(text, asking, min_words) and names_a_subject(text)
