"""Whether a message names a subject the tagger can see: what tells a view ("ours is
terrible", after a question about broadband) from a question's own elaboration ("GDP, jobs,
that sort of thing"). No Rasa imports."""

from __future__ import annotations


def names_a_subject(text: str) -> bool:
    """The tagger finds at least one theme in `text`; False when no tagger is loaded."""
    try:
        from bot.tagging import tag

        return bool(tag(text).themes)
    except Exception:  # the tagger is optional here; without it nothing counts as a view
        return False
