"""Train the theme tagger (`bucks-lis train-tagger`, run by `make train`).

Seeded and reproducible: the same data, config, code and seed give the same model version and
the same predictions. Writes to <models_dir>/tagger/: tfidf.json, weights.npz,
examples.json and, last, meta.json (the Makefile's target).

Cross-validation scores every held-out fold through the served engine itself
(`TrainedTagger.scores`: cleaning, clauses, neighbour vote, gate), so the thresholds are tuned
on exactly the scores the served tagger produces.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from scipy import sparse

from bot.strategy import THEME_IDS
from bot.tagging.features import Featurizer, Tfidf, gazetteer_features
from bot.tagging.model import DEFAULT_CONFIG, ENCODER_FILE, TrainedTagger, prepare
from bot.tagging.protocols import SentenceEncoder
from bot.tagging.training import data as tagdata
from bot.tagging.training.answers import ANSWERS_PATH, fit_answer_head, load_answers
from bot.tagging.training.finetune import tune_encoder
from bot.tagging.training.metrics import evaluate

# Everything that decides what the served tagger says: a change to any of them is a new model.
RUNTIME_FILES = (
    "model.py",
    "features.py",
    "gazetteer.py",
    "embed.py",
    "clean.py",
    "segments.py",
    "clauses.py",
    "result.py",
    "question_context.py",
    "terms.py",
    "needs.py",
    "stated_views.py",
    "outright.py",
    "vocabulary.py",
    "encoder_graph.py",
    "training/finetune.py",
    "training/answers.py",
)


def label_matrix(examples: Sequence[tagdata.Example]) -> np.ndarray:
    return np.array([[t in e.themes for t in THEME_IDS] for e in examples], dtype=np.int64)


def model_version(data_bytes: bytes, config: dict, seed: int) -> str:
    """Hash of training data, config, seed, tagger code and the embedding model's checksums."""
    from bot.tagging import assets

    digest = hashlib.sha256()
    digest.update(data_bytes)
    digest.update(json.dumps(config, sort_keys=True).encode())
    digest.update(str(seed).encode())
    runtime = Path(__file__).resolve().parent.parent
    for path in [runtime / name for name in RUNTIME_FILES] + [Path(__file__)]:
        digest.update(path.read_bytes())
    digest.update(assets.ONNX_SHA256.encode())
    digest.update(assets.TOKENIZER_SHA256.encode())
    return "tagger-" + digest.hexdigest()[:12]


class CachedEncoder:
    """The sentence encoder with a memory: cross-validation scores each training message and
    clause once per fold, so each is encoded once per run."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.cache: dict[str, np.ndarray] = {}
        self.span_cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}

    def encode_with_spans(
        self, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        keys = [(t, tuple(s)) for t, s in zip(texts, spans, strict=True)]
        missing = [k for k in dict.fromkeys(keys) if k not in self.span_cache]
        if missing:
            whole, parts = self.encoder.encode_with_spans(
                [t for t, _ in missing], [list(s) for _, s in missing]
            )
            for key, vec, part in zip(missing, whole, parts, strict=True):
                self.span_cache[key] = (vec, part)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32), []
        return (
            np.stack([self.span_cache[k][0] for k in keys]),
            [self.span_cache[k][1] for k in keys],
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for text, vec in zip(missing, self.encoder.encode(missing), strict=True):
                self.cache[text] = vec
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


def fit_featurizer(config: dict, texts: list[str]) -> Featurizer:
    from sklearn.feature_extraction.text import TfidfVectorizer

    feat = Featurizer(config)
    if config["use_tfidf"]:
        feat.word = Tfidf.from_sklearn(
            TfidfVectorizer(
                ngram_range=tuple(config["word_ngrams"]), sublinear_tf=True, lowercase=True
            ).fit(texts)
        )
        feat.char = Tfidf.from_sklearn(
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=tuple(config["char_ngrams"]),
                min_df=config["char_min_df"],
                sublinear_tf=True,
                lowercase=True,
            ).fit(texts)
        )
        feat.n_word = len(feat.word.vocabulary)
        feat.n_char = len(feat.char.vocabulary)
    return feat


def fit_weights(
    X: sparse.csr_matrix, Y: np.ndarray, C: float, class_weight: str | None = "balanced"
) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per column of Y; returns (W: features x columns, b)."""
    from sklearn.linear_model import LogisticRegression

    W = np.zeros((X.shape[1], Y.shape[1]), dtype=np.float64)
    b = np.zeros(Y.shape[1], dtype=np.float64)
    for j in range(Y.shape[1]):
        if Y[:, j].min() == Y[:, j].max():
            b[j] = 10.0 if Y[0, j] else -10.0
            continue
        lr = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight, solver="lbfgs")
        lr.fit(X, Y[:, j])
        W[:, j] = lr.coef_[0]
        b[j] = lr.intercept_[0]
    return W, b


def fit_tagger(
    config: dict,
    texts: list[str],
    Y: np.ndarray,
    encoder: SentenceEncoder | None,
    thresholds: np.ndarray | None = None,
    version: str = "",
) -> TrainedTagger:
    """Fit the per-theme LRs and the any-theme gate on (already prepared) texts."""
    feat = fit_featurizer(config, texts)
    emb: np.ndarray | None = None
    if config["use_embeddings"]:
        if encoder is None:
            raise ValueError("this config uses embeddings: pass fit_tagger an encoder")
        emb = encoder.encode(texts)
    gaz, _ = gazetteer_features(texts)
    X = feat.transform(texts, emb, gaz)
    W, b = fit_weights(X, Y, config["C"], config["class_weight"])
    gate = None
    if config.get("gate_threshold"):
        any_theme = (Y.sum(axis=1) > 0).astype(np.int64)[:, None]
        gW, gb = fit_weights(X, any_theme, config["C"], config["class_weight"])
        gate = (gW[:, 0], float(gb[0]))
    example_emb = emb if emb is not None else np.zeros((len(texts), 384), dtype=np.float32)
    if thresholds is None:
        thresholds = np.full(len(THEME_IDS), 0.5)
    terms = None
    if config.get("term_rule") is not None:
        from bot.tagging.training.terms import build_rule

        terms = build_rule(texts, Y, config["term_rule"])
    return TrainedTagger(
        config,
        feat,
        W,
        b,
        thresholds,
        texts,
        Y,
        example_emb,
        version,
        encoder=encoder,
        gate=gate,
        terms=terms,
    )


def cross_validate(
    config: dict,
    texts: list[str],
    Y: np.ndarray,
    encoder: SentenceEncoder | None,
    seed: int,
) -> np.ndarray:
    """Out-of-fold final scores (n, 12) from seeded k-fold, through the served scoring."""
    from sklearn.model_selection import KFold

    oof = np.zeros(Y.shape, dtype=np.float64)
    folds = KFold(config["folds"], shuffle=True, random_state=seed)
    for train_idx, test_idx in folds.split(texts):
        tagger = fit_tagger(config, [texts[i] for i in train_idx], Y[train_idx], encoder)
        oof[test_idx] = tagger.scores([texts[i] for i in test_idx])[0]
    return oof


def cross_validate_tuned(
    config: dict,
    texts: list[str],
    Y: np.ndarray,
    staging: Path,
    seed: int,
    log: Callable[[str], None],
) -> np.ndarray:
    """Out-of-fold scores when the encoder is fine-tuned: each fold's encoder is tuned on
    the other folds only.

    An encoder tuned on every message has already pulled each held-out message towards its
    own labels, so its out-of-fold scores look surer than any unseen message's and the
    thresholds tuned on them would be set for that. Tuning is the costly step (one epoch
    of the whole data ~3 min on 2 cores), so this uses `tuned_folds` (2) folds: one epoch's
    work in all, as the served encoder's.
    """
    from sklearn.model_selection import KFold

    from bot.tagging.embed import Encoder

    oof = np.zeros(Y.shape, dtype=np.float64)
    folds = KFold(config["tuned_folds"], shuffle=True, random_state=seed)
    for k, (train_idx, test_idx) in enumerate(folds.split(texts)):
        fold_texts = [texts[i] for i in train_idx]
        path = staging.with_name(f"{staging.name}.fold{k}.tmp")
        try:
            tune_encoder(fold_texts, Y[train_idx], path, _tune_settings(config), seed, log)
            encoder = CachedEncoder(Encoder(graph=config["encoder_graph"], path=path))
            tagger = fit_tagger(config, fold_texts, Y[train_idx], encoder)
            oof[test_idx] = tagger.scores([texts[i] for i in test_idx])[0]
        finally:
            path.unlink(missing_ok=True)
    return oof


def _tune_settings(config: dict) -> dict:
    settings = config["encoder_finetune"]
    return settings if isinstance(settings, dict) else {}


def tune_thresholds(P: np.ndarray, Y: np.ndarray, config: dict) -> np.ndarray:
    """Per theme, the threshold maximising F1 on out-of-fold scores (ties: nearest 0.5),
    then shrunk towards 0.5 by `threshold_shrink` (small data: keep thresholds moderate)."""
    grid = np.round(
        np.arange(
            config["threshold_min"], config["threshold_max"] + 1e-9, config["threshold_step"]
        ),
        4,
    )
    out = []
    for j in range(Y.shape[1]):
        best = (-1.0, 1.0, 0.5)
        for t in grid:
            pred = P[:, j] >= t
            tp = int((pred & (Y[:, j] == 1)).sum())
            denom = int(pred.sum() + Y[:, j].sum())
            f1 = 2 * tp / denom if denom else 0.0
            key = (round(f1, 6), -abs(t - 0.5))
            if key > (round(best[0], 6), -best[1]):
                best = (f1, abs(t - 0.5), float(t))
        out.append(best[2])
    shrink = config.get("threshold_shrink", 0.0)
    return np.round(np.array(out) * (1 - shrink) + 0.5 * shrink, 4)


def predict_sets(P: np.ndarray, thresholds: np.ndarray) -> list[list[str]]:
    return [
        [THEME_IDS[j] for j in range(P.shape[1]) if P[i, j] >= thresholds[j]]
        for i in range(P.shape[0])
    ]


def _summary(report: dict) -> dict:
    keys = (
        "n",
        "macro_f1",
        "micro_f1",
        "exact_match",
        "mean_response_f1",
        "no_theme_accuracy",
        "no_theme_count",
        "multi_theme_recall",
    )
    return {
        k: (round(report[k], 4) if isinstance(report[k], float) else report[k])
        for k in keys
        if k in report
    }


def load_training(
    data_path: Path | None = None,
    extra: Sequence[tagdata.Example] = (),
    limit: int | None = None,
) -> list[tagdata.Example]:
    examples = tagdata.load(data_path) if data_path else tagdata.load_train()
    if limit:
        examples = examples[:limit]
    return examples + list(extra)


def train(
    out_dir: Path | None = None,
    seed: int = 13,
    compare: bool = False,
    log: Callable[[str], None] = print,
    data_path: Path | None = None,
    config: dict | None = None,
    limit: int | None = None,
    checks: bool = True,
    extra: Sequence[tagdata.Example] = (),
    extra_note: dict | None = None,
) -> dict:
    """Train, cross-validate, tune thresholds, save; return the meta dict.

    `extra`: more labelled examples (staff-reviewed responses, `--include-reviewed`);
    `extra_note` is recorded in meta.json (which responses, so the agreement page can
    leave them out when it judges this model).
    """
    from bot.config import settings
    from bot.tagging.embed import Encoder

    started = time.perf_counter()
    random.seed(seed)
    np.random.seed(seed)
    config = {**DEFAULT_CONFIG, **(config or {})}
    out_dir = Path(out_dir or settings().models_dir / "tagger")
    examples = load_training(data_path, extra, limit)
    source = data_path or tagdata.DATA_DIR / "train*.jsonl"
    texts = [prepare(e.text, config) for e in examples]
    Y = label_matrix(examples)
    data_bytes = "\n".join(json.dumps([e.text, list(e.themes)]) for e in examples).encode()
    answers = load_answers() if config.get("answer_head_C") and ANSWERS_PATH.exists() else []
    if answers:
        data_bytes += ANSWERS_PATH.read_bytes()
    version = model_version(data_bytes, config, seed)
    log(
        f"training {version} on {len(examples)} messages from {source}"
        + (f" + {len(extra)} staff-reviewed responses" if extra else "")
    )

    encoder, tuned = None, None
    t0 = time.perf_counter()
    if config["use_embeddings"] and config.get("encoder_finetune"):
        tuned = out_dir.with_name(f"{out_dir.name}.{ENCODER_FILE}.tmp")
        if config["tuned_folds"]:
            oof = cross_validate_tuned(config, texts, Y, tuned, seed, log)
        tune_encoder(texts, Y, tuned, _tune_settings(config), seed, log)
        encoder = CachedEncoder(Encoder(graph=config["encoder_graph"], path=tuned))
        if not config["tuned_folds"]:  # the served encoder's own CV: quicker, too sure
            oof = cross_validate(config, texts, Y, encoder, seed)
    else:
        if config["use_embeddings"]:
            encoder = CachedEncoder(Encoder(graph=config["encoder_graph"]))
        oof = cross_validate(config, texts, Y, encoder, seed)
    folds = config["tuned_folds"] if tuned and config["tuned_folds"] else config["folds"]
    thresholds = tune_thresholds(oof, Y, config)
    cv = evaluate([list(e.themes) for e in examples], predict_sets(oof, thresholds))
    log(
        f"  {folds}-fold CV in {time.perf_counter() - t0:.1f}s: "
        f"macro-F1 {cv['macro_f1']:.3f}, micro-F1 {cv['micro_f1']:.3f}, "
        f"no-theme accuracy {cv['no_theme_accuracy']}"
    )

    tagger = fit_tagger(config, texts, Y, encoder, thresholds, version)
    if answers:
        tagger.answer_head = fit_answer_head(tagger, answers, config["answer_head_C"])
    meta_path = out_dir / "meta.json"
    _keep_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if meta_path.exists():
        meta_path.unlink()  # never leave a meta.json describing other files
    tagger.save(out_dir)
    if tuned is not None:
        os.replace(tuned, out_dir / ENCODER_FILE)
    else:  # never leave another model's encoder beside this one
        (out_dir / ENCODER_FILE).unlink(missing_ok=True)

    meta = {
        "version": version,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seed": seed,
        "config": config,
        "data": {
            "path": str(Path(source).name),
            "sha256": hashlib.sha256(data_bytes).hexdigest(),
            "examples": len(examples),
            "no_theme_examples": int((Y.sum(axis=1) == 0).sum()),
            "per_theme": {t: int(Y[:, j].sum()) for j, t in enumerate(THEME_IDS)},
            "question_answers": len(answers),
            **(extra_note or {}),
        },
        "thresholds": {t: float(thresholds[j]) for j, t in enumerate(THEME_IDS)},
        "cv": {
            **_summary(cv),
            "per_theme_f1": {t: round(m["f1"], 4) for t, m in cv["per_theme"].items()},
        },
        "files": {
            name: _sha256(out_dir / name)
            for name in ("tfidf.json", "weights.npz", "examples.json", "terms.json", ENCODER_FILE)
            if (out_dir / name).exists()
        },
        "path": str(out_dir),
    }
    if checks:
        meta["checks"] = _checks(tagger, log)
    meta["train_seconds"] = round(time.perf_counter() - started, 1)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"  trained in {meta['train_seconds']}s")
    if compare:
        from bot.tagging.training.compare import compare_architectures

        compare_architectures(seed=seed, log=log, out_path=out_dir / "comparison.json")
    return meta


def _keep_previous(out_dir: Path) -> None:
    """Move the current model to <out_dir>-previous, so staff can compare the two."""
    import shutil

    if not (out_dir / "meta.json").exists():
        return
    previous = out_dir.with_name(out_dir.name + "-previous")
    shutil.rmtree(previous, ignore_errors=True)
    shutil.copytree(out_dir, previous)


def _checks(tagger: TrainedTagger, log: Callable[[str], None]) -> dict:
    """Scores on the checking sets (never trained on, never used for any choice here)."""
    out = {}
    for name, path in tagdata.checking_sets().items():
        rows = tagdata.load(path)
        pred = [
            r.themes
            for r in tagger.tag_many([e.text for e in rows], [e.question_key for e in rows])
        ]
        report = evaluate([list(e.themes) for e in rows], pred)
        out[name] = _summary(report)
        log(
            f"  check {name}: macro-F1 {report['macro_f1']:.3f}, exact "
            f"{report['exact_match']:.3f}, no-theme accuracy {report['no_theme_accuracy']}"
        )
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
