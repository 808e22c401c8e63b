"""The trained theme tagger: gazetteer + TF-IDF + sentence-embedding features, per-theme LR.

Features for a message (see README.md for why this combination):
- gazetteer: one indicator per theme when spaCy's PhraseMatcher finds a named asset or keyword
  for it, plus one for a named place (bot/tagging/gazetteer.py);
- TF-IDF of word 1-2-grams and character 2-5-grams (robust to typos and hashtags);
- the MiniLM sentence embedding (bot/tagging/embed.py), scaled by `emb_weight`, which carries
  meaning for messages that name no keyword.
One logistic regression per theme (stacked into one weight matrix at save time) gives a
probability; a theme is tagged when it reaches that theme's threshold, tuned on
cross-validated predictions of the training data.

Evidence per tagged theme: matcher spans, then the word n-grams with the largest positive
contribution, and when the embedding carried the decision, the most similar training message
of that theme.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from bot.strategy import THEME_IDS
from bot.tagging.result import TagResult

DEFAULT_CONFIG: dict = {
    "C": 16.0,
    "emb_weight": 2.0,
    "word_ngrams": [1, 2],
    "char_ngrams": [2, 5],
    "char_min_df": 2,
    "folds": 5,
    "threshold_min": 0.2,
    "threshold_max": 0.6,
    "threshold_step": 0.05,
    "threshold_shrink": 0.0,
    "use_tfidf": True,
    "use_embeddings": True,
    "use_gazetteer": True,
    "class_weight": None,
    "knn_weight": 0.5,
    "knn_k": 10,
    "knn_power": 3.0,
    "gaz_keeps_lr": False,
}
N_GAZ = len(THEME_IDS) + 1
STOP_WORDS = frozenset(
    "a about after all also am an and any are as at be because been before being but by can "
    "cannot cant could did do does doing don dont each even every few for from get gets got had "
    "has have having he her here hers him his how i if in into is isn it its just let like ll "
    "lot lots m make makes many may me more most much must my need needs no nor not now of off "
    "on once one only or other our ours out over own re really s same she should so some still "
    "such t than that the their theirs them then there these they thing things this those "
    "through to too under until up us ve very was we were what when where which while who why "
    "will with won would you your yours d want wants going go use used using new big small "
    "good great well way ways work works working".split()
)


SHORT_MAX_WORDS = 3
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def named_outright(text: str, hits: list) -> set[str]:
    """Themes of a short reply that is nothing but a named subject ("skills", "roads",
    "Silverstone"): every content word is inside a gazetteer match. A bare keyword has
    too little text for the classifier, yet it could hardly be clearer."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]
    if not words or len(words) > SHORT_MAX_WORDS or not hits:
        return set()
    covered = {w for hit in hits for w in _WORD.findall(hit.text.lower())}
    if not all(w in covered for w in words):
        return set()
    return {t for hit in hits for t in hit.themes}


def gazetteer_features(texts: list[str]) -> tuple[np.ndarray, list]:
    """(n, 13) indicators and the raw hits per text."""
    from bot.tagging.gazetteer import gazetteer

    gaz = gazetteer()
    out = np.zeros((len(texts), N_GAZ), dtype=np.float32)
    all_hits = []
    index = {t: i for i, t in enumerate(THEME_IDS)}
    for row, text in enumerate(texts):
        hits = gaz.hits(text)
        all_hits.append(hits)
        for hit in hits:
            for theme_id in hit.themes:
                out[row, index[theme_id]] = 1.0
            if hit.kind == "place":
                out[row, N_GAZ - 1] = 1.0
    return out, all_hits


_WORD_RE = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_SPACES_RE = re.compile(r"\s\s+")


class Tfidf:
    """TF-IDF (sublinear tf, idf, l2) with scikit-learn's analyzers re-implemented in plain
    Python, so inference needs neither scikit-learn nor a pickle. Fitted through sklearn's
    TfidfVectorizer at training time (`from_sklearn`); tests check both give equal values."""

    def __init__(self, analyzer: str, ngram_range: tuple[int, int], vocabulary: dict[str, int],
                 idf: list[float]) -> None:
        self.analyzer = analyzer
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.vocabulary = vocabulary
        self.idf = idf
        self.names = [""] * len(vocabulary)
        for gram, col in vocabulary.items():
            self.names[col] = gram

    @classmethod
    def from_sklearn(cls, vec) -> Tfidf:  # noqa: ANN001
        return cls(vec.analyzer, vec.ngram_range,
                   {str(k): int(v) for k, v in vec.vocabulary_.items()},
                   [float(x) for x in vec.idf_])

    def to_dict(self) -> dict:
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range),
                "vocabulary": self.vocabulary, "idf": self.idf}

    @classmethod
    def from_dict(cls, d: dict) -> Tfidf:
        return cls(d["analyzer"], tuple(d["ngram_range"]), d["vocabulary"], d["idf"])

    def analyze(self, text: str) -> list[str]:
        text = text.lower()
        lo, hi = self.ngram_range
        if self.analyzer == "word":
            tokens = _WORD_RE.findall(text)
            grams = list(tokens) if lo == 1 else []
            for n in range(max(lo, 2), hi + 1):
                grams += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
            return grams
        grams = []  # char_wb, as sklearn's _char_wb_ngrams
        for w in _SPACES_RE.sub(" ", text).split():
            w = " " + w + " "
            for n in range(lo, hi + 1):
                offset = 0
                grams.append(w[offset:offset + n])
                while offset + n < len(w):
                    offset += 1
                    grams.append(w[offset:offset + n])
                if offset == 0:
                    break
        return grams

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        vocab, idf = self.vocabulary, self.idf
        indptr, indices, values = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for gram in self.analyze(text):
                col = vocab.get(gram)
                if col is not None:
                    counts[col] = counts.get(col, 0) + 1
            cols = sorted(counts)
            vals = [(1.0 + math.log(counts[k])) * idf[k] for k in cols]
            norm = math.sqrt(sum(v * v for v in vals))
            indices.extend(cols)
            values.extend([v / norm for v in vals] if norm else vals)
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64),
             np.array(indptr, dtype=np.int64)),
            shape=(len(texts), len(vocab)),
        )


@dataclass
class Featurizer:
    """Turns texts into the sparse feature matrix; fitted on training texts."""

    config: dict
    word: Tfidf | None = None
    char: Tfidf | None = None
    n_word: int = 0
    n_char: int = 0

    def fit(self, texts: list[str]) -> Featurizer:
        from sklearn.feature_extraction.text import TfidfVectorizer

        c = self.config
        if c["use_tfidf"]:
            self.word = Tfidf.from_sklearn(TfidfVectorizer(
                ngram_range=tuple(c["word_ngrams"]), sublinear_tf=True, lowercase=True
            ).fit(texts))
            self.char = Tfidf.from_sklearn(TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(c["char_ngrams"]),
                min_df=c["char_min_df"], sublinear_tf=True, lowercase=True,
            ).fit(texts))
            self.n_word = len(self.word.vocabulary)
            self.n_char = len(self.char.vocabulary)
        return self

    def to_dict(self) -> dict:
        return {"word": self.word.to_dict() if self.word else None,
                "char": self.char.to_dict() if self.char else None}

    @classmethod
    def from_dict(cls, config: dict, d: dict) -> Featurizer:
        word = Tfidf.from_dict(d["word"]) if d["word"] else None
        char = Tfidf.from_dict(d["char"]) if d["char"] else None
        return cls(config, word, char, len(word.vocabulary) if word else 0,
                   len(char.vocabulary) if char else 0)

    def transform(self, texts: list[str], emb: np.ndarray | None, gaz: np.ndarray | None):
        c = self.config
        parts = []
        if c["use_tfidf"]:
            parts += [self.word.transform(texts), self.char.transform(texts)]
        if c["use_embeddings"]:
            parts.append(sparse.csr_matrix(emb * c["emb_weight"]))
        if c["use_gazetteer"]:
            parts.append(sparse.csr_matrix(gaz))
        return sparse.hstack(parts, format="csr")

    def blocks(self) -> dict[str, tuple[int, int]]:
        """Column ranges of each feature block."""
        c, start, out = self.config, 0, {}
        sizes = []
        if c["use_tfidf"]:
            sizes += [("word", self.n_word), ("char", self.n_char)]
        if c["use_embeddings"]:
            sizes.append(("emb", 384))
        if c["use_gazetteer"]:
            sizes.append(("gaz", N_GAZ))
        for name, size in sizes:
            out[name] = (start, start + size)
            start += size
        return out


def fit_weights(
    X: sparse.csr_matrix, Y: np.ndarray, C: float, class_weight: str | None = "balanced"
) -> tuple[np.ndarray, np.ndarray]:
    """One balanced logistic regression per theme; returns (W: features x 12, b: 12)."""
    from sklearn.linear_model import LogisticRegression

    W = np.zeros((X.shape[1], Y.shape[1]), dtype=np.float64)
    b = np.zeros(Y.shape[1], dtype=np.float64)
    for j in range(Y.shape[1]):
        if Y[:, j].min() == Y[:, j].max():
            b[j] = 10.0 if Y[0, j] else -10.0
            continue
        lr = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight,
                                solver="lbfgs")
        lr.fit(X, Y[:, j])
        W[:, j] = lr.coef_[0]
        b[j] = lr.intercept_[0]
    return W, b


_BLAS = None


def _one_blas_thread():  # noqa: ANN202
    """Context: BLAS limited to one thread (OpenBLAS threads spin on tiny products)."""
    global _BLAS
    if _BLAS is None:
        from threadpoolctl import ThreadpoolController  # installed with scikit-learn

        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def knn_scores(
    query: np.ndarray, ref: np.ndarray, ref_labels: np.ndarray, k: int, power: float
) -> np.ndarray:
    """Per theme, the similarity-weighted share of the k nearest training messages that carry
    it (cosine on unit vectors; weights max(sim, 0) ** power). Shape (n_query, 12)."""
    if len(query) == 0:
        return np.zeros((0, ref_labels.shape[1]))
    sims = query @ ref.T
    k = min(k, ref.shape[0])
    idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    top = np.take_along_axis(sims, idx, axis=1)
    weights = np.clip(top, 0.0, None) ** power
    votes = (weights[:, :, None] * ref_labels[idx]).sum(axis=1)
    return votes / np.clip(weights.sum(axis=1, keepdims=True), 1e-9, None)


def blend(p_lr: np.ndarray, emb: np.ndarray | None, ref: np.ndarray | None,
          ref_labels: np.ndarray, config: dict, gaz: np.ndarray | None = None) -> np.ndarray:
    """The LR probabilities blended with the embedding nearest-neighbour vote.

    With `gaz_keeps_lr`, a theme the gazetteer matched keeps at least its LR probability
    (a whole-message neighbour vote can drown one named subject in a two-subject message).
    """
    w = config.get("knn_weight", 0.0)
    if not w or emb is None or ref is None:
        return p_lr
    knn = knn_scores(emb, ref, ref_labels.astype(np.float64), config["knn_k"],
                     config["knn_power"])
    P = (1 - w) * p_lr + w * knn
    if config.get("gaz_keeps_lr") and gaz is not None:
        hit = gaz[:, : p_lr.shape[1]] > 0
        P = np.where(hit, np.maximum(P, p_lr), P)
    return P


class TrainedTagger:
    """The production engine: loads models/tagger/ once, tags batches of texts."""

    def __init__(
        self,
        config: dict,
        featurizer: Featurizer,
        W: np.ndarray,
        b: np.ndarray,
        thresholds: np.ndarray,
        example_texts: list[str],
        example_labels: np.ndarray,
        example_emb: np.ndarray,
        version: str,
        encoder: object | None = None,
    ) -> None:
        self.config = config
        self.featurizer = featurizer
        self.W = W
        self.b = b
        self.thresholds = thresholds
        self.example_texts = example_texts
        self.example_labels = example_labels
        self.example_emb = example_emb
        self.version = version
        self._encoder = encoder
        self._blocks = featurizer.blocks()
        self._word_names = featurizer.word.names if featurizer.word else None
        # per theme: the training messages carrying it and their embeddings (for evidence)
        self._by_theme = []
        for j in range(len(THEME_IDS)):
            idx = np.flatnonzero(example_labels[:, j] > 0)
            self._by_theme.append(
                ([example_texts[k] for k in idx], np.ascontiguousarray(example_emb[idx]))
            )

    # -- persistence -------------------------------------------------------------------
    def save(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "tfidf.json").write_text(
            json.dumps(self.featurizer.to_dict(), ensure_ascii=False, sort_keys=True),
            encoding="utf-8",
        )
        np.savez(
            out_dir / "weights.npz", W=self.W.astype(np.float32), b=self.b,
            thresholds=self.thresholds, example_labels=self.example_labels,
            example_emb=self.example_emb.astype(np.float32),
        )
        (out_dir / "examples.json").write_text(
            json.dumps(self.example_texts, ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, model_dir: Path, meta: dict) -> TrainedTagger:
        featurizer = Featurizer.from_dict(
            meta["config"], json.loads((model_dir / "tfidf.json").read_text(encoding="utf-8"))
        )
        arrays = np.load(model_dir / "weights.npz")
        texts = json.loads((model_dir / "examples.json").read_text(encoding="utf-8"))
        tagger = cls(
            meta["config"], featurizer, arrays["W"], arrays["b"], arrays["thresholds"],
            texts, arrays["example_labels"], arrays["example_emb"].astype(np.float32),
            meta["version"],
        )
        tagger.encoder  # noqa: B018  (load the embedding model now, not on the first message)
        from bot.tagging.gazetteer import gazetteer

        gazetteer()
        return tagger

    @property
    def encoder(self):  # noqa: ANN201
        if self._encoder is None and self.config["use_embeddings"]:
            from bot.tagging.embed import Encoder

            self._encoder = Encoder()
        return self._encoder

    # -- inference ---------------------------------------------------------------------
    def scores(self, texts: list[str]) -> tuple[np.ndarray, dict]:
        """Probabilities (n, 12) and the intermediate values used for evidence.

        Same result as `sigmoid(featurizer.transform(...) @ W + b)` blended, computed block by
        block (no sparse hstack) and with BLAS held to one thread: for one short message the
        overheads otherwise cost more than the arithmetic.
        """
        with _one_blas_thread():
            return self._scores(texts)

    def _scores(self, texts: list[str]) -> tuple[np.ndarray, dict]:
        c = self.config
        emb = self.encoder.encode(texts) if c["use_embeddings"] else None
        gaz, hits = gazetteer_features(texts)
        logits = np.tile(self.b, (len(texts), 1))
        word = None
        for name, (lo, hi) in self._blocks.items():
            if name == "word":
                word = self.featurizer.word.transform(texts)
                logits += word @ self.W[lo:hi]
            elif name == "char":
                logits += self.featurizer.char.transform(texts) @ self.W[lo:hi]
            elif name == "emb":
                logits += (emb * c["emb_weight"]) @ self.W[lo:hi]
            elif name == "gaz":
                logits += gaz @ self.W[lo:hi]
        p_lr = sigmoid(logits)
        P = blend(p_lr, emb, self.example_emb, self.example_labels, c, gaz)
        return P, {"word": word, "emb": emb, "hits": hits}

    def tag_many(self, texts: list[str]) -> list[TagResult]:
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return []
        P, parts = self.scores(texts)
        results = []
        for i, text in enumerate(texts):
            for theme_id in named_outright(text, parts["hits"][i]):
                j = THEME_IDS.index(theme_id)
                P[i, j] = max(P[i, j], self.thresholds[j])
            on = [j for j in range(len(THEME_IDS)) if P[i, j] >= self.thresholds[j]]
            if not text.strip():
                on = []
            themes = [THEME_IDS[j] for j in on]
            evidence = {THEME_IDS[j]: self._evidence(i, j, parts) for j in on}
            scores = {t: round(p, 4) for t, p in zip(THEME_IDS, P[i].tolist(), strict=True)}
            results.append(TagResult(themes, scores, evidence, self.version))
        return results

    def _evidence(self, i: int, j: int, parts: dict) -> list[str]:
        theme_id = THEME_IDS[j]
        out: list[str] = []
        for hit in parts["hits"][i]:
            if theme_id in hit.themes and hit.text not in out:
                out.append(hit.text)
        contrib = {}
        word = parts["word"]
        if word is not None:
            lo, _hi = self._blocks["word"]
            start, end = word.indptr[i], word.indptr[i + 1]
            for col, val in zip(word.indices[start:end], word.data[start:end], strict=True):
                c = float(val * self.W[lo + col, j])
                name = self._word_names[col]
                words = name.split()
                if c > 0.1 and not any(w in STOP_WORDS or len(w) < 3 for w in words):
                    contrib[name] = c
        lowered = [e.lower() for e in out]
        for phrase, _ in sorted(contrib.items(), key=lambda kv: -kv[1])[:3]:
            if not any(phrase in e or e in phrase for e in lowered):
                out.append(phrase)
                lowered.append(phrase)
        if "emb" in self._blocks:
            lo, hi = self._blocks["emb"]
            vec = parts["emb"][i]
            emb_share = float((vec * self.config["emb_weight"]) @ self.W[lo:hi, j])
            if emb_share > sum(contrib.values()) or not out or self.config.get("knn_weight"):
                nearest = self._nearest(vec, j)
                if nearest:
                    out.append(f"similar to: {nearest}")
        return out or [theme_id]

    def _nearest(self, vec: np.ndarray, j: int) -> str | None:
        texts, embs = self._by_theme[j]
        if not texts:
            return None
        text = texts[int(np.argmax(embs @ vec))]
        return text if len(text) <= 90 else text[:87].rstrip() + "..."
