"""Sub-theme discovery maths on unit vectors: clustering, c-TF-IDF labels, representatives.

No database here, so the benchmark and the tests call the very code the app runs.
Chosen by numbers on `benchmarks/data/subthemes.jsonl` (`benchmarks/subthemes.py`):
responses on one theme all sit close together in MiniLM's space, so the vectors are first
centred on the theme's mean (what they share is the theme, not the point) and reduced to
`PCA_DIMS` principal directions; then average-linkage agglomerative clustering on cosine
distance cut at `DISTANCE_THRESHOLD` (no k to guess), then a few nearest-centroid passes
that fix average linkage's early mistakes. That beat k-means with k chosen by silhouette,
spectral clustering with an eigengap k and shared-nearest-neighbour linkage on that set.
Clusters smaller than `MIN_SIZE` are left unassigned rather than made into 1-2 response
"points".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

AGGLOMERATIVE = "agglomerative"
KMEANS = "kmeans"
METHODS = (AGGLOMERATIVE, KMEANS)
DISTANCE_THRESHOLD = 0.95  # cosine distance in the centred, reduced space
PCA_DIMS = 12
REFINE_PASSES = 10
MIN_SIZE = 3
UNASSIGNED = -1
# Above this many points average linkage's O(n^2) memory and time grow large; the rest are
# placed on the clusters found in a sample (nearest centroid), keeping 5,000 within seconds.
MAX_LINKAGE_POINTS = 2500
LABEL_TERMS = 3
REPRESENTATIVES = 3

_EXTRA_STOP = {
    "need",
    "needs",
    "really",
    "just",
    "like",
    "would",
    "want",
    "make",
    "lot",
    "lots",
    "get",
    "getting",
    "business",
    "businesses",
    "firms",
    "firm",
    "company",
    "companies",
    "local",
    "bucks",
    "buckinghamshire",
    "county",
    "area",
    "people",
    "good",
    "better",
    "help",
    "use",
    "ve",
    "don",
    "doesn",
    "isn",
    "aren",
    "won",
    "ll",
    "re",
    "hasn",
    "haven",
    "didn",
    "can",
    "cannot",
    "also",
    "much",
    "many",
    "us",
    "our",
    "we",
}


def centred(vectors: np.ndarray, mean: np.ndarray | None = None) -> np.ndarray:
    """Vectors minus the theme's mean, re-normalised: the space sub-themes are compared in."""
    x = vectors.astype(np.float64) - (vectors.mean(axis=0) if mean is None else mean)
    return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)


def cluster(
    vectors: np.ndarray,
    method: str = AGGLOMERATIVE,
    threshold: float = DISTANCE_THRESHOLD,
    min_size: int = MIN_SIZE,
    seed: int = 0,
) -> np.ndarray:
    """Cluster labels 0..k-1 for each row of `vectors` (unit sentence vectors of one theme);
    UNASSIGNED for rows in clusters smaller than `min_size`. Largest cluster is 0."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    if n < max(min_size, 2):
        return np.full(n, UNASSIGNED, dtype=int)
    x = _reduced(vectors.astype(np.float64) - vectors.mean(axis=0), seed)
    if method == KMEANS:
        raw = _kmeans_by_silhouette(x, seed)
    elif method == AGGLOMERATIVE:
        raw = _refine(x, _agglomerative(x, threshold, seed))
    else:
        raise ValueError(f"unknown clustering method {method!r}; choose from {METHODS}")
    return _renumber(raw, min_size)


def _reduced(x: np.ndarray, seed: int) -> np.ndarray:
    dims = min(PCA_DIMS, len(x) - 1, x.shape[1])
    if dims < 2:
        return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)
    from sklearn.decomposition import PCA

    reduced = PCA(n_components=dims, random_state=seed).fit_transform(x)
    return reduced / np.clip(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12, None)


def _agglomerative(x: np.ndarray, threshold: float, seed: int) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(x)
    if n <= MAX_LINKAGE_POINTS:
        tree = linkage(x, method="average", metric="cosine")
        return fcluster(tree, t=threshold, criterion="distance") - 1
    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(n, size=MAX_LINKAGE_POINTS, replace=False))
    tree = linkage(x[sample], method="average", metric="cosine")
    sample_labels = fcluster(tree, t=threshold, criterion="distance") - 1
    return nearest(x, centroids(x[sample], sample_labels))


def nearest(x: np.ndarray, cents: dict[int, np.ndarray], floor: float | None = None) -> np.ndarray:
    """Each row's most similar centroid key; UNASSIGNED below `floor` (cosine)."""
    if not cents:
        return np.full(len(x), UNASSIGNED, dtype=int)
    keys = sorted(cents)
    sims = x @ np.stack([cents[k] for k in keys]).T
    out = np.asarray(keys)[sims.argmax(axis=1)]
    if floor is not None:
        out[sims.max(axis=1) < floor] = UNASSIGNED
    return out


def _refine(x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Nearest-centroid passes (k-means steps seeded by the tree's clusters)."""
    labels = _renumber(labels, MIN_SIZE)
    for _ in range(REFINE_PASSES):
        new = nearest(x, centroids(x, labels))
        if np.array_equal(new, labels):
            break
        labels = new
    return labels


def _kmeans_by_silhouette(x: np.ndarray, seed: int, k_max: int = 15) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(x)
    best_labels, best_score = np.zeros(n, dtype=int), -1.0
    for k in range(2, min(k_max, n - 1) + 1):
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(x)
        score = silhouette_score(
            x, labels, metric="cosine", sample_size=min(n, 2000), random_state=seed
        )
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels


def _renumber(raw: np.ndarray, min_size: int) -> np.ndarray:
    values, counts = np.unique(raw[raw != UNASSIGNED], return_counts=True)
    kept = sorted((-int(c), int(v)) for v, c in zip(values, counts, strict=True) if c >= min_size)
    mapping = {v: i for i, (_, v) in enumerate(kept)}
    return np.array([mapping.get(int(v), UNASSIGNED) for v in raw], dtype=int)


def centroids(vectors: np.ndarray, labels: np.ndarray) -> dict[int, np.ndarray]:
    """Unit-length mean vector of each cluster (UNASSIGNED left out)."""
    out: dict[int, np.ndarray] = {}
    for label in np.unique(labels):
        if label == UNASSIGNED:
            continue
        mean = vectors[labels == label].mean(axis=0)
        out[int(label)] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def representatives(
    vectors: np.ndarray, centroid: np.ndarray, count: int = REPRESENTATIVES
) -> list[int]:
    """Row indices of the `count` members nearest their cluster's centroid, nearest first."""
    if len(vectors) == 0:
        return []
    return [int(i) for i in np.argsort(-(vectors @ centroid))[:count]]


@dataclass(frozen=True)
class Terms:
    """The distinctive words and phrases of one cluster, most distinctive first."""

    terms: list[str]

    @property
    def label(self) -> str:
        return ", ".join(self.terms) if self.terms else "(no distinctive words)"


def _tokens(text: str) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = re.findall(r"[a-z][a-z0-9\-]+", text.lower())
    return [w for w in words if w not in ENGLISH_STOP_WORDS and w not in _EXTRA_STOP]


def _grams(text: str) -> list[str]:
    words = _tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _stem(term: str) -> str:
    """Crude plural folding for comparing label terms ("roads" ~ "road")."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in term.split()
    )


def label_clusters(
    texts: list[str], labels: np.ndarray, count: int = LABEL_TERMS
) -> dict[int, Terms]:
    """c-TF-IDF (BERTopic's class-based TF-IDF): all texts of a cluster form one document;
    a term's weight is its frequency in the cluster times log(1 + A / its frequency in all
    clusters), A the mean words per cluster. Unassigned texts count towards the
    frequencies (so a word common to the whole theme does not label any one cluster).
    A term must occur in two of a cluster's responses; bigrams absorb their words."""
    from collections import Counter

    groups: dict[int, list[list[str]]] = {}
    for text, label in zip(texts, labels, strict=True):
        groups.setdefault(int(label), []).append(_grams(text))
    class_counts = {k: Counter(g for doc in docs for g in doc) for k, docs in groups.items()}
    doc_freq = {k: Counter(g for doc in docs for g in set(doc)) for k, docs in groups.items()}
    total: Counter[str] = Counter()
    for c in class_counts.values():
        total.update(c)
    mean_words = sum(total.values()) / max(len(class_counts), 1)
    out: dict[int, Terms] = {}
    for k, counts in class_counts.items():
        if k == UNASSIGNED:
            continue
        size = sum(counts.values()) or 1
        need = 2 if len(groups[k]) >= 2 else 1
        scored = sorted(
            ((c / size) * np.log(1 + mean_words / total[g]), g)
            for g, c in counts.items()
            if doc_freq[k][g] >= need
        )[::-1]
        chosen: list[str] = []
        for _, gram in scored:
            if any(gram in c.split() for c in chosen if " " in c):
                continue  # a word of a phrase already chosen
            if any(set(gram.split()) == set(c.split()) for c in chosen):
                continue  # "broadband fibre" after "fibre broadband"
            if any(_stem(gram) == _stem(c) for c in chosen):
                continue  # "trains" after "train"
            if " " in gram:  # a phrase replaces its words already chosen
                chosen = [c for c in chosen if c not in gram.split()]
            chosen.append(gram)
            if len(chosen) >= count:
                break
        out[k] = Terms(chosen)
    return out


def purity(truth: list[str], found: np.ndarray) -> float:
    """Share of items in a found cluster whose majority true class is their own; unassigned
    items count as wrong (so leaving everything out cannot score well)."""
    from collections import Counter

    right = 0
    for label in set(found.tolist()) - {UNASSIGNED}:
        members = [t for t, f in zip(truth, found, strict=True) if f == label]
        right += Counter(members).most_common(1)[0][1]
    return right / max(len(truth), 1)


def adjusted_rand(truth: list[str], found: np.ndarray) -> float:
    """Adjusted Rand index; unassigned items form one cluster of their own."""
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(truth, found))
