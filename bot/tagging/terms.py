"""Named subjects are never dropped: the data-driven term rule.

The learned model can drown a subject that a message names outright (a two-subject message
whose second subject is one precise word). The rule: a term (a word, a word pair or a
gazetteer phrase) that on the training data predicts a theme with high precision and enough
support (selected in `training.terms`) gives its clause that theme, provided the theme's own
score (the whole message's or that clause's) clears a low floor tuned on cross-validation
and the any-theme gate let the message through. The floor keeps a term inside a process
question, a negation or chatter (which the model scores near zero) from tagging it.

This module is the run-time half: term keys of a text, and the rule applied to scores.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.features import STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _norm(word: str) -> str:
    """Lower-case word with a plain plural folded ("machinists" -> "machinist")."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def term_keys(text: str) -> set[str]:
    """Every candidate term of a text: content words (3+ characters or containing a digit,
    not stop words) and pairs of adjacent words with at least one content word."""
    words = [_norm(w) for w in _TOKEN.findall(text.lower())]
    content = [w not in STOP_WORDS and (len(w) >= 3 or any(c.isdigit() for c in w)) for w in words]
    keys = {w for w, ok in zip(words, content, strict=True) if ok}
    for i in range(len(words) - 1):
        if content[i] or content[i + 1]:
            keys.add(f"{words[i]} {words[i + 1]}")
    return keys


def gazetteer_keys(text: str) -> dict[str, tuple[int, ...]]:
    """Gazetteer phrases in a text ("gaz:<phrase>") with the theme indices they signal."""
    from bot.tagging.gazetteer import gazetteer

    index = {t: j for j, t in enumerate(THEME_IDS)}
    out: dict[str, tuple[int, ...]] = {}
    for hit in gazetteer().hits(text):
        if hit.themes:
            key = "gaz:" + " ".join(_norm(w) for w in _TOKEN.findall(hit.text.lower()))
            out[key] = tuple(index[t] for t in hit.themes)
    return out


@dataclass
class TermRule:
    """Terms -> theme indices, and the per-theme score floor the theme must also clear.

    `trust_gazetteer`: a gazetteer phrase too rare in training to be judged (not in
    `judged`) counts as a term for its gazetteer themes (GUIDE.md's named assets and
    sector words, which unseen messages use and training may not)."""

    terms: dict[str, tuple[int, ...]] = field(default_factory=dict)
    floors: np.ndarray = field(default_factory=lambda: np.zeros(len(THEME_IDS)))
    trust_gazetteer: bool = False
    judged: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.terms) or self.trust_gazetteer

    def fired(
        self,
        clauses: list[str],
        whole: np.ndarray,
        clause_scores: np.ndarray | None,
        gate_ok: bool,
    ) -> dict[int, str]:
        """Theme index -> the term that carries it, for one message.

        `clauses`: the message's clauses (the message itself when it has one);
        `whole`: its 12 final scores; `clause_scores`: (len(clauses), 12) or None."""
        if not (self.terms or self.trust_gazetteer) or not gate_ok:
            return {}
        out: dict[int, str] = {}
        for c, clause in enumerate(clauses):
            found = {key: self.terms[key] for key in term_keys(clause) if key in self.terms}
            for key, themes in gazetteer_keys(clause).items():
                if key in self.terms:
                    found[key] = self.terms[key]
                elif self.trust_gazetteer and key not in self.judged:
                    found[key] = themes
            for key in sorted(found):
                for j in found[key]:
                    if j in out:
                        continue
                    score = whole[j]
                    if clause_scores is not None:
                        score = max(score, clause_scores[c, j])
                    if score >= self.floors[j]:
                        out[j] = key
        return out

    # -- persistence (models/tagger/terms.json) ---------------------------------------
    def to_dict(self) -> dict:
        return {
            "terms": {k: [THEME_IDS[j] for j in v] for k, v in sorted(self.terms.items())},
            "floors": {t: float(self.floors[j]) for j, t in enumerate(THEME_IDS)},
            "trust_gazetteer": self.trust_gazetteer,
            "judged": sorted(self.judged),
        }

    @classmethod
    def from_dict(cls, d: dict) -> TermRule:
        index = {t: j for j, t in enumerate(THEME_IDS)}
        return cls(
            {k: tuple(index[t] for t in v) for k, v in d["terms"].items()},
            np.array([float(d["floors"][t]) for t in THEME_IDS]),
            bool(d.get("trust_gazetteer")),
            frozenset(d.get("judged", ())),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=0), "utf-8")

    @classmethod
    def load(cls, path: Path) -> TermRule:
        if not path.exists():
            return cls()
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
