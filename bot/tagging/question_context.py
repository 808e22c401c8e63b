"""The question an answer was given to, as an input to the tagger.

"We need a bigger test stand", said in answer to "Space: what barriers hold you back?",
names nothing the tagger can see, yet it is a view on Space; and "staff can't afford to
live here and the trains are packed", said to the housing question, is a view on housing
growth as well as on quality of life and transport. So an answer to a question about one
island or seabed driver carries that theme beside whatever its words touch
(`TrainedTagger.tag_many`), with evidence saying so.
"""

from __future__ import annotations

from bot.strategy import THEME_IDS

QUESTION_KINDS = ("island", "seabed")


def question_theme(question_key: str | None) -> str | None:
    """'island:space:barriers' -> 'space'; None for profile or other questions."""
    parts = (question_key or "").split(":")
    if len(parts) >= 2 and parts[0] in QUESTION_KINDS and parts[1] in THEME_IDS:
        return parts[1]
    return None
