"""The term rule, measured: 5-fold CV of the training data with and without it.

    .venv/bin/python benchmarks/term_rule.py [--min-precision 0.9] [--floor 0.1] [--json]

The served engine is fitted on each training fold (as `train-tagger` does), the rule's terms
are selected on the same fold only, and the held-out fold is scored without the rule (the
reference) and with it. Prints macro-F1, exact match, multi-theme recall and no-theme
accuracy of both, and how many themes the rule added out of fold and how many of those were
right: a rule whose additions are right about half the time cannot raise F1, whatever its
terms' precision over all messages (bot/tagging/README.md, "Tried and not kept").
Thresholds are tuned on the out-of-fold scores, as in training. Takes ~3-5 min on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-precision", type=float, default=0.9)
    ap.add_argument("--min-support", type=int, default=5)
    ap.add_argument("--floor", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import numpy as np
    from sklearn.model_selection import KFold

    from bot.strategy import THEME_IDS
    from bot.tagging.embed import Encoder
    from bot.tagging.model import prepare
    from bot.tagging.terms import TermRule
    from bot.tagging.training import data as tagdata
    from bot.tagging.training.crossval import tune_thresholds
    from bot.tagging.training.defaults import DEFAULT_CONFIG
    from bot.tagging.training.fit import CachedEncoder, fit_tagger, label_matrix
    from bot.tagging.training.metrics import evaluate
    from bot.tagging.training.terms import build_rule

    config = dict(DEFAULT_CONFIG)
    params = {
        "min_precision": args.min_precision,
        "min_support": args.min_support,
        "floor": args.floor,
    }
    examples = tagdata.load_train()
    texts = [prepare(e.text, config) for e in examples]
    Y = label_matrix(examples)
    encoder = CachedEncoder(Encoder())
    folds = list(KFold(config["folds"], shuffle=True, random_state=args.seed).split(texts))
    fitted = []
    P = np.zeros(Y.shape)
    for train_idx, test_idx in folds:
        tagger = fit_tagger(config, [texts[i] for i in train_idx], Y[train_idx], encoder)
        P[test_idx] = tagger.scores([examples[i].text for i in test_idx])[0]
        rule = build_rule([texts[i] for i in train_idx], Y[train_idx], params)
        fitted.append((tagger, rule))
    thresholds = tune_thresholds(P, Y, config)
    plain: list[list[str]] = [[] for _ in examples]
    ruled: list[list[str]] = [[] for _ in examples]
    added = right = 0
    for (tagger, rule), (_train_idx, test_idx) in zip(fitted, folds, strict=True):
        tagger.thresholds = thresholds
        batch = [examples[i].text for i in test_idx]
        keys = [examples[i].question_key for i in test_idx]
        tagger.terms = TermRule()
        before = tagger.tag_many(batch, keys)
        tagger.terms = rule
        after = tagger.tag_many(batch, keys)
        for i, b, a in zip(test_idx, before, after, strict=True):
            plain[i], ruled[i] = b.themes, a.themes
            for theme_id in set(a.themes) - set(b.themes):
                added += 1
                right += int(Y[i, THEME_IDS.index(theme_id)])
    gold = [list(e.themes) for e in examples]
    keys = ("macro_f1", "exact_match", "multi_theme_recall", "no_theme_accuracy")
    out = {
        "messages": len(examples),
        "params": params,
        "terms_on_all_data": len(build_rule(texts, Y, params).terms),
        "without_rule": {k: round(evaluate(gold, plain)[k], 4) for k in keys},
        "with_rule": {k: round(evaluate(gold, ruled)[k], 4) for k in keys},
        "added_out_of_fold": added,
        "added_and_right": right,
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"5-fold CV on {len(examples)} training messages, term rule {params}")
    for name in ("without_rule", "with_rule"):
        r = out[name]
        print(
            f"  {name:13s} macro-F1 {r['macro_f1']:.3f}  exact {r['exact_match']:.3f}  "
            f"multi-theme recall {r['multi_theme_recall']:.3f}  "
            f"no-theme {r['no_theme_accuracy']:.3f}"
        )
    share = right / added if added else 0.0
    print(f"  themes the rule added out of fold: {added}, right {right} ({share:.0%})")


if __name__ == "__main__":
    main()
