"""Keyword baseline: a theme is tagged when a gazetteer keyword or asset for it is matched.

This is the hand-written keyword list, kept as a baseline for the comparison in README.md and
as the engine behind the interface until the trained model exists. It is not the production
engine: `bot.tagging.tag` uses the trained model in models/tagger/.
"""

from __future__ import annotations

import hashlib

from bot.strategy import THEME_IDS
from bot.tagging.gazetteer import gazetteer
from bot.tagging.result import TagResult


class KeywordTagger:
    """Gazetteer-only tagger (scores are 1.0 for a matched theme, else 0.0)."""

    def __init__(self) -> None:
        self.gaz = gazetteer()
        import bot.tagging.gazetteer as module

        with open(module.__file__, "rb") as fh:
            self.version = "keyword-" + hashlib.sha256(fh.read()).hexdigest()[:12]

    def tag_many(
        self, texts: list[str], question_keys: list[str | None] | None = None
    ) -> list[TagResult]:
        """Gazetteer matches only (the question answered is ignored: it is a baseline)."""
        out = []
        for text in texts:
            found = self.gaz.theme_hits(text)
            themes = [t for t in THEME_IDS if t in found]
            scores = {t: (1.0 if t in found else 0.0) for t in THEME_IDS}
            out.append(TagResult(themes, scores, {t: found[t] for t in themes}, self.version))
        return out
