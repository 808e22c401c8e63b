"""Stance classifier quality on a labelled set written apart from its cue phrases.

    .venv/bin/python benchmarks/stance.py [--data benchmarks/data/stance_eval.jsonl]

Prints accuracy and per-stance precision/recall/F1 for the classifier, beside two
references measured on the same set: the question alone (its stance, else the most
common stance) and the words alone (no question key).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.findings.stance import STANCES, classify, question_stance  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "stance_eval.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def scores(gold: list[str], pred: list[str]) -> dict:
    out: dict = {"accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)}
    f1s = []
    for s in STANCES:
        tp = sum(g == s and p == s for g, p in zip(gold, pred, strict=True))
        predicted, support = pred.count(s), gold.count(s)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[s] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / len(f1s)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    rows = load(args.data)
    gold = [r["stance"] for r in rows]
    commonest = Counter(gold).most_common(1)[0][0]
    runs = {
        "classifier (question + words)": [
            classify(r["text"], r.get("question_key")).stance for r in rows
        ],
        "reference: words only": [classify(r["text"]).stance for r in rows],
        "reference: question only": [
            question_stance(r.get("question_key")) or commonest for r in rows
        ],
    }
    with_q = sum(1 for r in rows if question_stance(r.get("question_key")))
    print(
        f"{len(rows)} labelled responses ({dict(Counter(gold))}); "
        f"{with_q} answer an opportunities/barriers/help question"
    )
    for name, pred in runs.items():
        m = scores(gold, pred)
        per = "  ".join(f"{s} P {m[s]['precision']:.2f} R {m[s]['recall']:.2f}" for s in STANCES)
        print(f"{name:<32} accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}  {per}")
    pred = runs["classifier (question + words)"]
    wrong = [(r, p) for r, p in zip(rows, pred, strict=True) if p != r["stance"]]
    print(f"classifier errors ({len(wrong)}):")
    for r, p in wrong:
        print(f"  gold {r['stance']:<11} got {p:<11} {r['text'][:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
