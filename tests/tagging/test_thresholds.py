"""Per-theme thresholds from out-of-fold scores: where a theme's F1 is flat over thresholds,
the middle of the flat stretch, so one message more or less does not move it to an end."""

from __future__ import annotations

import numpy as np
import pytest

from bot.tagging.training.crossval import tune_thresholds
from bot.tagging.training.defaults import DEFAULT_CONFIG


def scores_with(one_more: tuple[float, int]) -> tuple[np.ndarray, np.ndarray]:
    """1,000 clear positives and negatives, 30 negatives at 0.32 (so thresholds up to 0.30
    lose), and one more message at `one_more` = (score, label)."""
    scores = [0.9] * 1000 + [0.1] * 1000 + [0.32] * 30 + [one_more[0]]
    labels = [1] * 1000 + [0] * 1030 + [one_more[1]]
    return np.array(scores)[:, None], np.array(labels)[:, None]


@pytest.mark.parametrize("one_more", [(0.42, 1), (0.42, 0)])
def test_one_message_moves_the_best_point_but_not_the_middle(one_more: tuple) -> None:
    P, Y = scores_with(one_more)
    best = tune_thresholds(P, Y, {**DEFAULT_CONFIG, "threshold_flat": 0.0})
    middle = tune_thresholds(P, Y, {**DEFAULT_CONFIG, "threshold_flat": 0.005})
    # a positive at 0.42 makes 0.40 the best point, a negative there 0.50; F1 is within
    # 0.001 of the best from 0.35 to 0.60 either way
    assert best[0] == (0.4 if one_more[1] else 0.5)
    assert middle[0] == 0.475


def test_a_dip_ends_the_flat_stretch() -> None:
    """A threshold worse than the tolerance is not crossed to reach a flat stretch beyond."""
    P, Y = scores_with((0.42, 1))
    P = np.vstack([P, np.full((40, 1), 0.52)])  # 40 negatives between 0.50 and 0.55
    Y = np.vstack([Y, np.zeros((40, 1), dtype=int)])
    assert tune_thresholds(P, Y, {**DEFAULT_CONFIG, "threshold_flat": 0.005})[0] == 0.575
