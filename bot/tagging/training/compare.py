"""Compare tagger architectures by measurement (`bucks-lis train-tagger --compare`).

Every trained architecture is scored the same way: seeded k-fold cross-validation on
data/tagger/train.jsonl (per-theme thresholds tuned on the out-of-fold scores), then one model
fitted on all training data and scored, with those thresholds, on every checking set
(`data.checking_sets()`: the shared dev sets and our held-out sets).
None of the checking sets is used for training or for any choice inside a run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.tagging.model import prepare
from bot.tagging.training import data as tagdata
from bot.tagging.training.crossval import cross_validate, predict_sets, tune_thresholds
from bot.tagging.training.defaults import DEFAULT_CONFIG
from bot.tagging.training.fit import CachedEncoder, fit_tagger, label_matrix
from bot.tagging.training.metrics import evaluate

WIDE_GRID = {
    "threshold_min": 0.05,
    "threshold_max": 0.95,
    "threshold_step": 0.05,
    "threshold_shrink": 0.0,
}


# The served engine's steps, switched on one at a time (config overrides).
MODEL_ROWS: dict[str, dict] = {
    "tfidf_gaz_lr": {
        "use_embeddings": False,
        "knn_weight": 0.0,
        "clean": False,
        "segment_weight": 0.0,
        "gate_threshold": 0.0,
    },
    "embedding_gaz_lr": {
        "use_tfidf": False,
        "knn_weight": 0.0,
        "clean": False,
        "segment_weight": 0.0,
        "gate_threshold": 0.0,
    },
    "embedding_knn": {
        "use_tfidf": False,
        "knn_weight": 1.0,
        "clean": False,
        "segment_weight": 0.0,
        "gate_threshold": 0.0,
    },
    "tfidf_embedding_gaz_lr": {
        "knn_weight": 0.0,
        "clean": False,
        "segment_weight": 0.0,
        "gate_threshold": 0.0,
    },
    "tfidf_embedding_gaz_lr_knn (last round's engine)": {
        "clean": False,
        "segment_weight": 0.0,
        "gate_threshold": 0.0,
    },
    "+ cleaning": {"segment_weight": 0.0, "gate_threshold": 0.0},
    "+ cleaning + clauses": {"gate_threshold": 0.0},
    "+ cleaning + clauses + gate (production)": {},
}


def _checking_sets() -> dict[str, list[tagdata.Example]]:
    return {name: tagdata.load(path) for name, path in tagdata.checking_sets().items()}


def _score(
    name: str,
    oof: np.ndarray | None,
    cv_pred: list | None,
    checks: dict,
    train: list,
    thresholds: np.ndarray | None,
    seconds: float,
) -> dict:
    gold = [list(e.themes) for e in train]
    row = {"architecture": name, "train_seconds_per_fit": round(seconds, 1)}
    if cv_pred is None:
        assert oof is not None and thresholds is not None  # trained rows pass both
        cv_pred = predict_sets(oof, thresholds)
    cv = evaluate(gold, cv_pred)
    row["cv_macro_f1"] = round(cv["macro_f1"], 3)
    row["cv_no_theme_accuracy"] = round(cv["no_theme_accuracy"] or 0.0, 3)
    for set_name, (rows, pred) in checks.items():
        report = evaluate([list(e.themes) for e in rows], pred)
        row[f"{set_name}_macro_f1"] = round(report["macro_f1"], 3)
        row[f"{set_name}_exact_match"] = round(report["exact_match"], 3)
        if report["no_theme_accuracy"] is not None:
            row[f"{set_name}_no_theme_accuracy"] = round(report["no_theme_accuracy"], 3)
        if report["multi_theme_recall"] is not None:
            row[f"{set_name}_multi_theme_recall"] = round(report["multi_theme_recall"], 3)
    return row


def compare_architectures(
    seed: int = 13,
    log: Callable[[str], None] = print,
    out_path: Path | None = None,
    which: tuple[str, ...] = ("keyword", "spacy_bow", "spacy_ensemble", *MODEL_ROWS),
    folds: int = 5,
) -> list[dict]:
    from sklearn.model_selection import KFold

    train = tagdata.load_train()
    texts = [e.text for e in train]
    Y = label_matrix(train)
    sets = _checking_sets()
    check_texts = [e.text for rows in sets.values() for e in rows]
    check_keys = [e.question_key for rows in sets.values() for e in rows]

    def split_checks(P: np.ndarray, thresholds: np.ndarray) -> dict:
        out, off = {}, 0
        for set_name, rows in sets.items():
            out[set_name] = (rows, predict_sets(P[off : off + len(rows)], thresholds))
            off += len(rows)
        return out

    encoder = None
    if any(name in MODEL_ROWS for name in which):
        from bot.tagging.embed import Encoder

        encoder = CachedEncoder(Encoder())
    results = []
    for name in which:
        t0 = time.perf_counter()
        if name == "keyword":
            from bot.tagging.training.keyword import KeywordTagger

            kw = KeywordTagger()
            cv_pred = [r.themes for r in kw.tag_many(texts)]
            preds = [r.themes for r in kw.tag_many(check_texts)]
            checks, off = {}, 0
            for set_name, rows in sets.items():
                checks[set_name] = (rows, preds[off : off + len(rows)])
                off += len(rows)
            row = _score(
                name + " (no training; CV = on train)", None, cv_pred, checks, train, None, 0.0
            )
        elif name.startswith("spacy_"):
            from bot.tagging.training.textcat import predict_textcat, train_textcat

            arch = name.split("_", 1)[1]
            oof = np.zeros(Y.shape)
            labels = [e.themes for e in train]
            for tr_idx, te_idx in KFold(folds, shuffle=True, random_state=seed).split(texts):
                nlp = train_textcat(
                    [texts[i] for i in tr_idx], [labels[i] for i in tr_idx], arch, seed
                )
                oof[te_idx] = predict_textcat(nlp, [texts[i] for i in te_idx])
            thresholds = tune_thresholds(oof, Y, {**DEFAULT_CONFIG, **WIDE_GRID})
            t1 = time.perf_counter()
            nlp = train_textcat(texts, labels, arch, seed)
            fit_seconds = time.perf_counter() - t1
            P = predict_textcat(nlp, check_texts)
            row = _score(
                f"spaCy textcat_multilabel {arch}",
                oof,
                None,
                split_checks(P, thresholds),
                train,
                thresholds,
                fit_seconds,
            )
        else:
            config = {**DEFAULT_CONFIG, **MODEL_ROWS[name]}
            prepared = [prepare(t, config) for t in texts]
            oof = cross_validate(config, prepared, Y, encoder, seed)
            thresholds = tune_thresholds(oof, Y, config)
            t1 = time.perf_counter()
            tagger = fit_tagger(config, prepared, Y, encoder, thresholds)
            fit_seconds = time.perf_counter() - t1
            preds = [r.themes for r in tagger.tag_many(check_texts, check_keys)]
            checks, off = {}, 0
            for set_name, rows in sets.items():
                checks[set_name] = (rows, preds[off : off + len(rows)])
                off += len(rows)
            row = _score(name, oof, None, checks, train, thresholds, fit_seconds)
        row["total_seconds"] = round(time.perf_counter() - t0, 1)
        log(json.dumps(row))
        results.append(row)
    log(markdown_table(results))
    if out_path:
        out_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def markdown_table(results: list[dict]) -> str:
    cols = [
        ("architecture", "architecture"),
        ("cv_macro_f1", "CV macro-F1"),
        ("cv_no_theme_accuracy", "CV no-theme acc"),
        ("dev_macro_f1", "dev macro-F1"),
        ("dev_indirect_macro_f1", "dev-indirect macro-F1"),
        ("heldout_indirect_macro_f1", "held-out indirect macro-F1"),
        ("heldout_general_macro_f1", "held-out general macro-F1"),
        ("heldout_mixed_macro_f1", "held-out mixed macro-F1"),
        ("heldout_mixed_exact_match", "mixed exact"),
        ("heldout_mixed_multi_theme_recall", "mixed multi recall"),
        ("train_seconds_per_fit", "fit s"),
    ]
    lines = ["| " + " | ".join(c[1] for c in cols) + " |", "|" + "---|" * len(cols)]
    for row in results:
        lines.append("| " + " | ".join(str(row.get(c[0], "")) for c in cols) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    names = tuple(sys.argv[1].split(",")) if len(sys.argv) > 1 else None
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    compare_architectures(which=names, out_path=out) if names else compare_architectures(
        out_path=out
    )
