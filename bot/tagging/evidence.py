"""Why a theme was tagged, in words staff can check beside each tag: the named assets and
keywords matched, the word n-grams that weighed most, the clause that carried it, the
question answered, or the most similar training message."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from bot.strategy import THEME_IDS, theme
from bot.tagging.features import STOP_WORDS

if TYPE_CHECKING:
    from bot.tagging.model import TrainedTagger


class Evidence:
    """Evidence for one loaded model (built once with it)."""

    def __init__(self, tagger: TrainedTagger) -> None:
        self.tagger = tagger
        word = tagger.featurizer.word
        self.word_names = word.names if word else None
        # per theme: the training messages carrying it and their embeddings
        self.by_theme: list[tuple[list[str], np.ndarray]] = []
        for j in range(len(THEME_IDS)):
            idx = np.flatnonzero(tagger.example_labels[:, j] > 0)
            self.by_theme.append(
                (
                    [tagger.example_texts[k] for k in idx],
                    np.ascontiguousarray(tagger.example_emb[idx]),
                )
            )

    def why(self, i: int, j: int, parts: dict, asked: str | None) -> list[str]:
        """Evidence for theme `j` on message `i` of a `scores` call (`parts`)."""
        theme_id = THEME_IDS[j]
        out: list[str] = []
        for hit in parts["hits"][i]:
            if theme_id in hit.themes and hit.text not in out:
                out.append(hit.text)
        contrib = {}
        word = parts["word"]
        if word is not None:
            lo, _hi = self.tagger._blocks["word"]
            assert self.word_names is not None  # a word block implies the word vocabulary
            start, end = word.indptr[i], word.indptr[i + 1]
            cols = word.indices[start:end]
            weights = word.data[start:end] * self.tagger.W[lo + cols, j]
            for k in np.flatnonzero(weights > 0.1):  # in column order, as the sort below expects
                name = self.word_names[cols[k]]
                if not any(w in STOP_WORDS or len(w) < 3 for w in name.split()):
                    contrib[name] = float(weights[k])
        lowered = [e.lower() for e in out]
        for phrase, _ in sorted(contrib.items(), key=lambda kv: -kv[1])[:3]:
            if not any(phrase in e or e in phrase for e in lowered):
                out.append(phrase)
                lowered.append(phrase)
        seg_scores = parts["segment_scores"][i]
        if seg_scores is not None:
            best = int(np.argmax(seg_scores[:, j]))
            if seg_scores[best, j] >= self.tagger.thresholds[j]:
                out.append(f"clause: {_short(parts['segments'][i][best])}")
        if theme_id == asked:
            out.append(f"answer to the {theme(theme_id).name} question")
        if "emb" in self.tagger._blocks and theme_id != asked:
            lo, hi = self.tagger._blocks["emb"]
            vec = parts["emb"][i]
            emb_share = float((vec * self.tagger.config["emb_weight"]) @ self.tagger.W[lo:hi, j])
            if emb_share > sum(contrib.values()) or not out or self.tagger.config.get("knn_weight"):
                nearest = self.nearest(vec, j, _row(parts["neighbours"], i))
                if nearest:
                    out.append(f"similar to: {nearest}")
        return out or [theme_id]

    def nearest(
        self, vec: np.ndarray, j: int, found: tuple[np.ndarray, np.ndarray] | None = None
    ) -> str | None:
        """The most similar training message carrying theme `j`. `found`: the vector's
        nearest examples (similarities, indexes) from the neighbour vote; when one of them
        carries `j`, the best of those is the one (no example outside them is nearer), and
        the search over every example carrying `j` is skipped."""
        if found is not None:
            sims, idx = found
            carrying = self.tagger.example_labels[idx, j] > 0
            if carrying.any():
                best = idx[carrying][int(np.argmax(sims[carrying]))]
                return _short(self.tagger.example_texts[int(best)])
        texts, embs = self.by_theme[j]
        if not texts:
            return None
        return _short(texts[int(np.argmax(embs @ vec))])


def _row(
    found: tuple[np.ndarray, np.ndarray] | None, i: int
) -> tuple[np.ndarray, np.ndarray] | None:
    return None if found is None else (found[0][i], found[1][i])


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:87].rstrip() + "..."
