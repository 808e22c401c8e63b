"""The tagger's result type (a stable contract with storage, the conversation and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.strategy import THEME_IDS


@dataclass(frozen=True)
class TagResult:
    """Themes for one message.

    themes: ids in the fixed THEME_IDS order (possibly empty).
    scores: a score in [0, 1] for every one of the twelve ids.
    evidence: for each tagged theme, the phrases that drove it (never empty for a tagged theme).
    model_version: the version of the model that produced it (stored on every tag).
    """

    themes: list[str]
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    model_version: str = field(default="")

    def to_dict(self) -> dict:
        return {
            "themes": list(self.themes),
            "scores": {t: round(float(self.scores.get(t, 0.0)), 4) for t in THEME_IDS},
            "evidence": {t: list(self.evidence[t]) for t in self.themes if t in self.evidence},
        }


def with_themes_of(own: TagResult, pointed: TagResult, label: str = "earlier answer") -> TagResult:
    """`own` with the themes of the earlier answer a reply points back to ("same problem as
    before but worse since ..."), or of a part tagged on its own (`label`): the union in
    THEME_IDS order, each theme's higher score, and the other's evidence marked as such."""
    themes = [t for t in THEME_IDS if t in own.themes or t in pointed.themes]
    scores = {t: max(own.scores.get(t, 0.0), pointed.scores.get(t, 0.0)) for t in THEME_IDS}
    evidence = {
        t: list(own.evidence.get(t, []))
        + [f"{label}: {phrase}" for phrase in pointed.evidence.get(t, [])]
        for t in themes
    }
    return TagResult(themes, scores, evidence, own.model_version)


class TaggerModelMissing(FileNotFoundError):
    """The trained tagger is not in models/tagger/: run `make train`."""
