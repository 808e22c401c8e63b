"""Features and scoring pieces shared by the served tagger and its training.

- gazetteer indicators (one per theme, one for a named place) and the raw matches;
- TF-IDF of word 1-2-grams and character 2-5-grams, re-implemented in plain Python so the
  served tagger needs neither scikit-learn nor a pickle (fitted in `training.train`);
- `named_outright`: a short reply that is nothing but a named subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy import sparse

from bot.strategy import THEME_IDS

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
    """Themes of a short reply that is mostly a named subject ("skills", "roads",
    "Silverstone Park", "CAV trials", "EWR when?"): at most three content words, at least
    half of them inside gazetteer matches or abbreviations that count only alone
    (`gazetteer.ALONE`). A bare asset or keyword has too little text for the classifier,
    yet GUIDE.md is plain that it carries its theme however short."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]
    if not words or len(words) > SHORT_MAX_WORDS:
        return set()
    covered = {w for hit in hits for w in _WORD.findall(hit.text.lower())}
    alone = {w: _named_alone(w) for w in words if w not in covered}
    alone = {w: themes for w, themes in alone.items() if themes}
    if not (hits or alone) or 2 * sum(w in covered or w in alone for w in words) < len(words):
        return set()
    return {t for hit in hits for t in hit.themes} | {t for ts in alone.values() for t in ts}


# "#A43", "M4?", "the B4009": a road number named alone is a transport link (GUIDE.md's
# infrastructure); the gazetteer lists only the county's main roads by name
_ROAD_NUMBER = re.compile(r"(?:[am]\d{1,4}|b\d{3,4})")
# a hashtag run together is a few words long: a longer run of letters ("a" x 8,000 pasted
# in) is no subject, and trying every cut of it took seconds (X format probe, 7 Dec)
_COMPOUND_MIN, _COMPOUND_MAX, _PIECE_MIN = 8, 40, 4


def _named_alone(word: str) -> tuple[str, ...]:
    """The themes of one word that names a subject only when it is the whole reply: an
    abbreviation (`gazetteer.ALONE`), a road number, or a hashtag run together from a
    subject word and another ("#skillsgap", "#brokenbroadband", set BA: the gazetteer's
    keyword at either end, the other piece at least three letters)."""
    from bot.tagging.gazetteer import ALONE, gazetteer

    if word in ALONE:
        return ALONE[word]
    if _ROAD_NUMBER.fullmatch(word):
        return ("infrastructure",)
    if not _COMPOUND_MIN <= len(word) <= _COMPOUND_MAX or not word.isalpha():
        return ()
    for cut in range(_PIECE_MIN, len(word) - 2):
        for piece in (word[:cut], word[cut:]) if len(word) - cut >= _PIECE_MIN else (word[:cut],):
            themes = {
                t
                for hit in gazetteer().hits(piece)
                if hit.text.lower() == piece
                for t in hit.themes
            }
            if themes:
                return tuple(sorted(themes))
    return ()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ASSET_WORD = re.compile(r"[a-z0-9']+")


def named_in_a_sentence(text: str, hits: list) -> set[str]:
    """Themes of a named asset that is a whole sentence of a longer message ("Silverstone.
    That's the answer to half your questions.", unseen set X): named alone, as GUIDE.md
    puts it, though more follows. Assets only: any named subject in a clause of its own
    ("Roads.", a town) was tried and tagged replies that carry no theme (checking sets'
    no-theme accuracy 0.972 -> 0.956). `hits` are the gazetteer's on `text`, whose offsets
    place each in its sentence (no second gazetteer pass)."""
    assets = [h for h in hits if h.kind == "asset"]
    if not assets:  # most messages name none
        return set()
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return set()
    starts = [0, *(m.end() for m in ends)]
    stops = [*(m.start() for m in ends), len(text)]
    found: set[str] = set()
    for start, stop in zip(starts, stops, strict=True):
        inside = [h for h in assets if start <= h.start and h.end <= stop]
        words = _ASSET_WORD.findall(text[start:stop].lower())
        covered = {w for h in inside for w in _ASSET_WORD.findall(h.text.lower())}
        if inside and words and all(w in covered for w in words):
            found.update(t for h in inside for t in h.themes)
    return found


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
# Distinct words remembered: ~340 bytes each, so ~17 MB when full (all 10,044 messages of our
# data and checking sets hold 15,628 distinct words: 5.3 MB).
_WORD_CACHE_SIZE = 50_000


class Tfidf:
    """TF-IDF (sublinear tf, idf, l2) with scikit-learn's analyzers re-implemented in plain
    Python, so inference needs neither scikit-learn nor a pickle. Fitted through sklearn's
    TfidfVectorizer at training time (`from_sklearn`); tests check both give equal values."""

    def __init__(
        self,
        analyzer: str,
        ngram_range: tuple[int, int],
        vocabulary: dict[str, int],
        idf: list[float],
    ) -> None:
        self.analyzer = analyzer
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.vocabulary = vocabulary
        self.idf = idf
        self._idf = np.asarray(idf, dtype=np.float64)
        self.names = [""] * len(vocabulary)
        for gram, col in vocabulary.items():
            self.names[col] = gram
        # char_wb n-grams never cross a word, so a word's vocabulary columns are computed once
        # and reused: a message's clauses repeat its words, and most words recur across
        # messages (a long answer's TF-IDF cost 6 ms, most of it slicing and looking up).
        self._word_columns: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_sklearn(cls, vec) -> Tfidf:  # noqa: ANN001
        return cls(
            vec.analyzer,
            vec.ngram_range,
            {str(k): int(v) for k, v in vec.vocabulary_.items()},
            [float(x) for x in vec.idf_],
        )

    def to_dict(self) -> dict:
        return {
            "analyzer": self.analyzer,
            "ngram_range": list(self.ngram_range),
            "vocabulary": self.vocabulary,
            "idf": self.idf,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Tfidf:
        return cls(d["analyzer"], tuple(d["ngram_range"]), d["vocabulary"], d["idf"])

    def _word_grams(self, text: str) -> list[str]:
        """The word n-grams of `text`, as sklearn's analyzer="word"."""
        lo, hi = self.ngram_range
        tokens = _WORD_RE.findall(text.lower())
        grams = list(tokens) if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return grams

    def _columns(self, text: str) -> list[int]:
        """The vocabulary column of each n-gram of `text`, repeats kept (others dropped)."""
        vocabulary = self.vocabulary
        if self.analyzer == "word":
            return [c for c in map(vocabulary.get, self._word_grams(text)) if c is not None]
        found: list[int] = []
        cache = self._word_columns
        for w in _SPACES_RE.sub(" ", text.lower()).split():
            cols = cache.get(w)
            if cols is None:
                grams = map(vocabulary.get, self._char_grams(w))
                cols = tuple(c for c in grams if c is not None)
                if len(cache) < _WORD_CACHE_SIZE:
                    cache[w] = cols
            found.extend(cols)
        return found

    def _char_grams(self, word: str) -> list[str]:
        """One whitespace-free word's char_wb n-grams, as sklearn's _char_wb_ngrams."""
        lo, hi = self.ngram_range
        w = " " + word + " "
        grams: list[str] = []
        for n in range(lo, hi + 1):
            if len(w) <= n:  # the padded word whole, and no longer n-grams
                grams.append(w)
                break
            grams += [w[i : i + n] for i in range(len(w) - n + 1)]
        return grams

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """Rows of sublinear tf x idf, l2-normalised, as sklearn's: counted, weighed and
        normalised for all texts at once in numpy (per n-gram Python cost 2 ms a long
        message with its clauses)."""
        found = [self._columns(text) for text in texts]
        size = len(self.vocabulary)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), [len(f) for f in found])
        cols = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=len(rows))
        keys, counts = np.unique(rows * size + cols, return_counts=True)  # row, then column
        row_of, col_of = np.divmod(keys, size)
        values = (1.0 + np.log(counts)) * self._idf[col_of]
        norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=len(texts)))
        values /= np.where(norms > 0, norms, 1.0)[row_of]
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row_of, minlength=len(texts)), out=indptr[1:])
        return sparse.csr_matrix((values, col_of, indptr), shape=(len(texts), size))


@dataclass
class Featurizer:
    """Turns texts into the sparse feature matrix; fitted on training texts."""

    config: dict
    word: Tfidf | None = None
    char: Tfidf | None = None
    n_word: int = 0
    n_char: int = 0

    def to_dict(self) -> dict:
        return {
            "word": self.word.to_dict() if self.word else None,
            "char": self.char.to_dict() if self.char else None,
        }

    @classmethod
    def from_dict(cls, config: dict, d: dict) -> Featurizer:
        word = Tfidf.from_dict(d["word"]) if d["word"] else None
        char = Tfidf.from_dict(d["char"]) if d["char"] else None
        return cls(
            config,
            word,
            char,
            len(word.vocabulary) if word else 0,
            len(char.vocabulary) if char else 0,
        )

    def transform(self, texts: list[str], emb: np.ndarray | None, gaz: np.ndarray | None):
        c = self.config
        parts = []
        if c["use_tfidf"]:
            assert self.word is not None and self.char is not None  # fitted with use_tfidf
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


_BLAS = None


def one_blas_thread():  # noqa: ANN202
    """Context: BLAS limited to one thread (OpenBLAS threads spin on tiny products)."""
    global _BLAS
    if _BLAS is None:
        from threadpoolctl import ThreadpoolController  # installed with scikit-learn

        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


def sigmoid(z: np.ndarray) -> np.ndarray:
    # np.minimum/np.maximum, not np.clip: the same values without np.clip's Python-level
    # checks (1.2 against 7.2 us a call here, a dozen calls a message)
    return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))
