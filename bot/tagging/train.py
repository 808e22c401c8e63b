"""Train the theme tagger (`bucks-lis train-tagger`, run by `make train`).

Seeded and reproducible: the same data, config, code and seed give the same model version and
the same predictions. Writes to <models_dir>/tagger/: tfidf.json, weights.npz,
examples.json and, last, meta.json (the Makefile's target).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging import data as tagdata
from bot.tagging.metrics import evaluate
from bot.tagging.model import (
    DEFAULT_CONFIG,
    Featurizer,
    TrainedTagger,
    blend,
    fit_weights,
    gazetteer_features,
    sigmoid,
)

CODE_FILES = ("model.py", "gazetteer.py", "embed.py", "train.py", "result.py")


def label_matrix(examples: list[tagdata.Example]) -> np.ndarray:
    return np.array([[t in e.themes for t in THEME_IDS] for e in examples], dtype=np.int64)


def model_version(data_bytes: bytes, config: dict, seed: int) -> str:
    """Hash of training data, config, seed, tagger code and the embedding model's checksums."""
    from bot.tagging import assets

    digest = hashlib.sha256()
    digest.update(data_bytes)
    digest.update(json.dumps(config, sort_keys=True).encode())
    digest.update(str(seed).encode())
    here = Path(__file__).parent
    for name in CODE_FILES:
        digest.update((here / name).read_bytes())
    digest.update(assets.ONNX_SHA256.encode())
    digest.update(assets.TOKENIZER_SHA256.encode())
    return "tagger-" + digest.hexdigest()[:12]


def tune_thresholds(P: np.ndarray, Y: np.ndarray, config: dict) -> np.ndarray:
    """Per theme, the threshold maximising F1 on out-of-fold scores (ties: nearest 0.5),
    then shrunk towards 0.5 by `threshold_shrink` (small data: keep thresholds moderate)."""
    grid = np.round(
        np.arange(config["threshold_min"], config["threshold_max"] + 1e-9,
                  config["threshold_step"]), 4
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
    return [[THEME_IDS[j] for j in range(P.shape[1]) if P[i, j] >= thresholds[j]]
            for i in range(P.shape[0])]


def fit_predict(
    config: dict, texts: list[str], emb: np.ndarray | None, gaz: np.ndarray, Y: np.ndarray,
    train_idx: np.ndarray, test_idx: np.ndarray,
) -> np.ndarray:
    """Fit on train_idx, return probabilities for test_idx."""
    sub = [texts[i] for i in train_idx]
    feat = Featurizer(config).fit(sub)
    def pick(a: np.ndarray | None, idx: np.ndarray) -> np.ndarray | None:
        return None if a is None else a[idx]

    X_tr = feat.transform(sub, pick(emb, train_idx), gaz[train_idx])
    W, b = fit_weights(X_tr, Y[train_idx], config["C"], config["class_weight"])
    X_te = feat.transform([texts[i] for i in test_idx], pick(emb, test_idx), gaz[test_idx])
    p_lr = sigmoid(np.asarray(X_te @ W) + b)
    return blend(p_lr, pick(emb, test_idx), pick(emb, train_idx), Y[train_idx], config,
                 gaz[test_idx])


def cross_validate(
    config: dict, texts: list[str], emb: np.ndarray | None, gaz: np.ndarray, Y: np.ndarray,
    seed: int,
) -> np.ndarray:
    """Out-of-fold probabilities (n, 12) from seeded k-fold."""
    from sklearn.model_selection import KFold

    oof = np.zeros(Y.shape, dtype=np.float64)
    folds = KFold(config["folds"], shuffle=True, random_state=seed)
    for train_idx, test_idx in folds.split(texts):
        oof[test_idx] = fit_predict(config, texts, emb, gaz, Y, train_idx, test_idx)
    return oof


def _summary(report: dict) -> dict:
    keys = ("n", "macro_f1", "micro_f1", "exact_match", "mean_response_f1",
            "no_theme_accuracy", "no_theme_count")
    return {k: (round(report[k], 4) if isinstance(report[k], float) else report[k])
            for k in keys}


def train(
    out_dir: Path | None = None,
    seed: int = 13,
    compare: bool = False,
    log: Callable[[str], None] = print,
    data_path: Path | None = None,
    config: dict | None = None,
    limit: int | None = None,
    checks: bool = True,
) -> dict:
    """Train, cross-validate, tune thresholds, save; return the meta dict."""
    from bot.config import settings

    started = time.perf_counter()
    random.seed(seed)
    np.random.seed(seed)
    config = {**DEFAULT_CONFIG, **(config or {})}
    data_path = data_path or tagdata.TRAIN_PATH
    out_dir = out_dir or settings().models_dir / "tagger"
    examples = tagdata.load(data_path)
    if limit:
        examples = examples[:limit]
    texts = [e.text for e in examples]
    Y = label_matrix(examples)
    data_bytes = "\n".join(json.dumps([e.text, list(e.themes)]) for e in examples).encode()
    version = model_version(data_bytes, config, seed)
    log(f"training {version} on {len(examples)} messages from {data_path}")

    emb = None
    encoder = None
    if config["use_embeddings"]:
        from bot.tagging.embed import Encoder

        encoder = Encoder()
        t0 = time.perf_counter()
        emb = encoder.encode(texts)
        log(f"  embedded {len(texts)} messages in {time.perf_counter() - t0:.1f}s")
    gaz, _ = gazetteer_features(texts)

    t0 = time.perf_counter()
    oof = cross_validate(config, texts, emb, gaz, Y, seed)
    thresholds = tune_thresholds(oof, Y, config)
    cv = evaluate([list(e.themes) for e in examples], predict_sets(oof, thresholds))
    log(f"  {config['folds']}-fold CV in {time.perf_counter() - t0:.1f}s: "
        f"macro-F1 {cv['macro_f1']:.3f}, micro-F1 {cv['micro_f1']:.3f}, "
        f"no-theme accuracy {cv['no_theme_accuracy']}")

    featurizer = Featurizer(config).fit(texts)
    X = featurizer.transform(texts, emb, gaz)
    W, b = fit_weights(X, Y, config["C"], config["class_weight"])
    example_emb = emb if emb is not None else np.zeros((len(texts), 384), dtype=np.float32)
    tagger = TrainedTagger(config, featurizer, W, b, thresholds, texts, Y, example_emb,
                           version, encoder=encoder)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    meta_path = out_dir / "meta.json"
    if meta_path.exists():
        meta_path.unlink()  # never leave a meta.json describing other files
    tagger.save(out_dir)

    meta = {
        "version": version,
        "seed": seed,
        "config": config,
        "data": {"path": str(data_path.name), "sha256": hashlib.sha256(data_bytes).hexdigest(),
                 "examples": len(examples),
                 "no_theme_examples": int((Y.sum(axis=1) == 0).sum()),
                 "per_theme": {t: int(Y[:, j].sum()) for j, t in enumerate(THEME_IDS)}},
        "thresholds": {t: float(thresholds[j]) for j, t in enumerate(THEME_IDS)},
        "cv": {**_summary(cv),
               "per_theme_f1": {t: round(m["f1"], 4) for t, m in cv["per_theme"].items()}},
        "files": {name: _sha256(out_dir / name)
                  for name in ("tfidf.json", "weights.npz", "examples.json")},
        "path": str(out_dir),
    }
    if checks:
        meta["checks"] = _checks(tagger, log)
    meta["train_seconds"] = round(time.perf_counter() - started, 1)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"  trained in {meta['train_seconds']}s")
    if compare:
        from bot.tagging.compare import compare_architectures

        compare_architectures(seed=seed, log=log, out_path=out_dir / "comparison.json")
    return meta


def _checks(tagger: TrainedTagger, log: Callable[[str], None]) -> dict:
    """Scores on the checking sets (never trained on, never used for any choice here)."""
    out = {}
    for name, path in (("dev", tagdata.DEV_PATH), ("dev_indirect", tagdata.DEV_INDIRECT_PATH),
                       ("heldout_indirect", tagdata.HELDOUT_PATH)):
        if not path.exists():
            continue
        rows = tagdata.load(path)
        pred = [r.themes for r in tagger.tag_many([e.text for e in rows])]
        report = evaluate([list(e.themes) for e in rows], pred)
        out[name] = _summary(report)
        log(f"  check {name}: macro-F1 {report['macro_f1']:.3f}, "
            f"no-theme accuracy {report['no_theme_accuracy']}")
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
