"""Out-of-fold scores and the per-theme thresholds tuned on them.

Cross-validation scores every held-out fold through the served engine itself
(`TrainedTagger.scores`: cleaning, clauses, neighbour vote, gate), so the thresholds are tuned
on exactly the scores the served tagger produces.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.strategy import THEME_IDS
from bot.tagging.protocols import SentenceEncoder
from bot.tagging.training.finetune import tune_encoder
from bot.tagging.training.fit import CachedEncoder, fit_tagger


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
            tune_encoder(fold_texts, Y[train_idx], path, tune_settings(config), seed, log)
            encoder = CachedEncoder(Encoder(graph=config["encoder_graph"], path=path))
            tagger = fit_tagger(config, fold_texts, Y[train_idx], encoder)
            oof[test_idx] = tagger.scores([texts[i] for i in test_idx])[0]
        finally:
            path.unlink(missing_ok=True)
    return oof


def tune_settings(config: dict) -> dict:
    settings = config["encoder_finetune"]
    return settings if isinstance(settings, dict) else {}


def tune_thresholds(P: np.ndarray, Y: np.ndarray, config: dict) -> np.ndarray:
    """Per theme, the threshold maximising F1 on out-of-fold scores, then shrunk towards 0.5
    by `threshold_shrink` (small data: keep thresholds moderate).

    With `threshold_flat` > 0, the middle of the stretch of thresholds around the best whose
    F1 is within that much of it: where the curve is flat, the best point is decided by a
    few messages and moves from one training to the next; the middle does not. Without it,
    the best point (ties: nearest 0.5)."""
    grid = np.round(
        np.arange(
            config["threshold_min"], config["threshold_max"] + 1e-9, config["threshold_step"]
        ),
        4,
    )
    flat = config.get("threshold_flat", 0.0)
    out = []
    for j in range(Y.shape[1]):
        f1 = np.array([_f1(P[:, j] >= t, Y[:, j] == 1) for t in grid]).round(6)
        best = int(max(np.flatnonzero(f1 == f1.max()), key=lambda i: (-abs(grid[i] - 0.5), -i)))
        if not flat:
            out.append(float(grid[best]))
            continue
        low = high = best
        while low > 0 and f1[low - 1] >= f1[best] - flat:
            low -= 1
        while high < len(grid) - 1 and f1[high + 1] >= f1[best] - flat:
            high += 1
        out.append(float(grid[low] + grid[high]) / 2)
    shrink = config.get("threshold_shrink", 0.0)
    return np.round(np.array(out) * (1 - shrink) + 0.5 * shrink, 4)


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    denom = int(pred.sum() + gold.sum())
    return 2 * int((pred & gold).sum()) / denom if denom else 0.0


def predict_sets(P: np.ndarray, thresholds: np.ndarray) -> list[list[str]]:
    return [
        [THEME_IDS[j] for j in range(P.shape[1]) if P[i, j] >= thresholds[j]]
        for i in range(P.shape[0])
    ]
