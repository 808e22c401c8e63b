"""Evaluation metrics against a tiny case computed by hand."""

from __future__ import annotations

import pytest

from bot.tagging.training.metrics import evaluate

A, B, C = "space", "infrastructure", "education_skills"


def test_metrics_hand_computed() -> None:
    gold = [[A], [A, B], [], [C], []]
    pred = [[A], [A], [B], [], []]
    r = evaluate(gold, pred, labels=[A, B, C])
    # A: tp=2 fp=0 fn=0 -> P=R=F1=1
    assert r["per_theme"][A] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "support": 2,
        "predicted": 2,
    }
    # B: tp=0 fp=1 fn=1 -> 0
    assert r["per_theme"][B]["f1"] == 0.0
    # C: tp=0 fp=0 fn=1 -> P=0 (nothing predicted), R=0, F1=0
    assert r["per_theme"][C]["recall"] == 0.0 and r["per_theme"][C]["f1"] == 0.0
    assert r["macro_f1"] == pytest.approx(1 / 3)
    # micro: tp=2 fp=1 fn=2 -> P=2/3 R=1/2 F1=4/7
    assert r["micro_f1"] == pytest.approx(4 / 7)
    # exact: rows 1 and 5 -> 2/5
    assert r["exact_match"] == pytest.approx(0.4)
    # per-response F1: 1, 2*1/3, 0, 0, 1 -> (2 + 2/3) / 5
    assert r["mean_response_f1"] == pytest.approx((2 + 2 / 3) / 5)
    # no-theme messages: rows 3 and 5; row 5 left untagged -> 1/2
    assert r["no_theme_accuracy"] == pytest.approx(0.5)
    assert r["no_theme_count"] == 2


def test_theme_absent_everywhere_is_left_out_of_macro() -> None:
    r = evaluate([[A], []], [[A], []], labels=[A, B])
    assert r["per_theme"][B]["support"] == 0
    assert r["macro_f1"] == 1.0
    assert r["no_theme_accuracy"] == 1.0


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        evaluate([[A]], [])
