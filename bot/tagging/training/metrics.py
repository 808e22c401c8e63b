"""Evaluation metrics for multi-label theme tagging (pure functions, hand-checkable)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.strategy import THEME_IDS


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    gold: Sequence[Sequence[str]],
    pred: Sequence[Sequence[str]],
    labels: Sequence[str] = THEME_IDS,
) -> dict:
    """Per-theme precision/recall/F1 and the summary scores.

    - per_theme[t]: precision, recall, f1, support (gold count), predicted count.
      A theme with no gold and no predicted examples gets P=R=F1=1.0 (nothing to get wrong)
      but is left out of macro-F1, which averages over themes with support > 0 or predictions.
    - micro_f1: from summed TP/FP/FN over all themes.
    - exact_match: share of messages whose predicted set equals the gold set.
    - mean_response_f1: mean over messages of the set F1 (1.0 when both sets are empty).
    - no_theme_accuracy: among messages with no gold theme, share predicted with no theme
      (None when there are none); no_theme_count is how many there were.
    - multi_theme_recall: among messages with two or more gold themes, the mean share of
      their gold themes predicted (None when there are none); multi_theme_count likewise.
      The figure a theme count inherits: a view on skills and roads must count under both.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    gold_sets = [set(g) for g in gold]
    pred_sets = [set(p) for p in pred]
    pairs = list(zip(gold_sets, pred_sets, strict=True))
    per_theme: dict[str, dict] = {}
    tp_all = fp_all = fn_all = 0
    macro = []
    for t in labels:
        tp = sum(1 for g, p in pairs if t in g and t in p)
        fp = sum(1 for g, p in pairs if t not in g and t in p)
        fn = sum(1 for g, p in pairs if t in g and t not in p)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fp + fn == 0:
            per_theme[t] = {
                "precision": 1.0,
                "recall": 1.0,
                "f1": 1.0,
                "support": 0,
                "predicted": 0,
            }
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = _f1(precision, recall)
        per_theme[t] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": tp + fn,
            "predicted": tp + fp,
        }
        macro.append(f1)
    micro_p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    micro_r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    response_f1 = []
    for g, p in pairs:
        if not g and not p:
            response_f1.append(1.0)
        else:
            inter = len(g & p)
            response_f1.append(2 * inter / (len(g) + len(p)))
    empty = [not p for g, p in pairs if not g]
    multi = [len(g & p) / len(g) for g, p in pairs if len(g) >= 2]
    n = len(gold_sets)
    return {
        "n": n,
        "per_theme": per_theme,
        "macro_f1": sum(macro) / len(macro) if macro else 0.0,
        "micro_f1": _f1(micro_p, micro_r) if tp_all + fp_all + fn_all else 1.0,
        "exact_match": sum(g == p for g, p in pairs) / n if n else 0.0,
        "mean_response_f1": sum(response_f1) / n if n else 0.0,
        "no_theme_accuracy": sum(empty) / len(empty) if empty else None,
        "no_theme_count": len(empty),
        "multi_theme_recall": sum(multi) / len(multi) if multi else None,
        "multi_theme_count": len(multi),
    }


def format_report(report: dict, title: str = "") -> str:
    """A plain-text table of a report from `evaluate`."""
    lines = [title] if title else []
    lines.append(f"{'theme':<30} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for t, m in report["per_theme"].items():
        lines.append(
            f"{t:<30} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
            f" {m['support']:>5} {m['predicted']:>5}"
        )
    nta = report["no_theme_accuracy"]
    lines += [
        f"messages: {report['n']}",
        f"macro-F1: {report['macro_f1']:.3f}   micro-F1: {report['micro_f1']:.3f}",
        f"exact match: {report['exact_match']:.3f}   mean per-response F1: "
        f"{report['mean_response_f1']:.3f}",
        "no-theme accuracy: "
        + (f"{nta:.3f} ({report['no_theme_count']} messages)" if nta is not None else "n/a"),
    ]
    mtr = report.get("multi_theme_recall")
    if mtr is not None:
        lines.append(f"multi-theme recall: {mtr:.3f} ({report['multi_theme_count']} messages)")
    return "\n".join(lines)
