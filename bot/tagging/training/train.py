"""Train the theme tagger (`bucks-lis train-tagger`, run by `make train`).

Seeded and reproducible: the same data, config, code and seed give the same model version and
the same predictions. Writes to <models_dir>/tagger/: tfidf.json, weights.npz,
examples.json and, last, meta.json (the Makefile's target).

The steps live beside it: fitting one tagger (`fit.py`), out-of-fold scores and thresholds
(`crossval.py`), tuning the encoder (`finetune.py`), the answer head (`answers.py`).
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

from bot.strategy import THEME_IDS
from bot.strategy.loader import SEEDS_DIR
from bot.tagging.model import ENCODER_FILE, TrainedTagger, prepare
from bot.tagging.training import data as tagdata
from bot.tagging.training.answers import ANSWERS_PATH, fit_answer_head, load_answers
from bot.tagging.training.crossval import (
    cross_validate,
    cross_validate_tuned,
    predict_sets,
    tune_settings,
    tune_thresholds,
)
from bot.tagging.training.defaults import DEFAULT_CONFIG
from bot.tagging.training.finetune import tune_encoder
from bot.tagging.training.fit import CachedEncoder, fit_tagger, label_matrix
from bot.tagging.training.metrics import evaluate

# Everything that decides what the served tagger says: a change to any of them is a new model.
RUNTIME_FILES = (
    "model.py",
    "features.py",
    "neighbours.py",
    "gazetteer.py",
    "tokenizer.py",
    "embed.py",
    "clean.py",
    "segments.py",
    "clauses.py",
    "result.py",
    "question_context.py",
    "complaints.py",
    "terms.py",
    "needs.py",
    "staff_needs.py",
    "premises.py",
    "business_support.py",
    "rule_patterns.py",
    "stated_views.py",
    "incidental_infrastructure.py",
    "public_buying.py",
    "connectivity.py",
    "disowned.py",
    "set_aside.py",
    "landmarks.py",
    "programmes.py",
    "outright.py",
    "vocabulary.py",
    "encoder_graph.py",
    "training/finetune.py",
    "training/answers.py",
    "training/fit.py",
    "training/crossval.py",
    # data the served tagger reads: a gazetteer term changes features and tuned thresholds
    # (an "EWR" entry moved infrastructure's from 0.55 to 0.45 under the same model name)
    "gazetteer.yml",
    "tokenizer_en.json",
)


def model_version(data_bytes: bytes, config: dict, seed: int) -> str:
    """Hash of training data, config, seed, tagger code and the embedding model's checksums."""
    from bot.tagging import assets

    digest = hashlib.sha256()
    digest.update(data_bytes)
    digest.update(json.dumps(config, sort_keys=True).encode())
    digest.update(str(seed).encode())
    runtime = Path(__file__).resolve().parent.parent
    seeds = [SEEDS_DIR / "themes.yml"]  # the gazetteer's named assets
    for path in [runtime / name for name in RUNTIME_FILES] + seeds + [Path(__file__)]:
        digest.update(path.read_bytes())
    digest.update(assets.ONNX_SHA256.encode())
    digest.update(assets.TOKENIZER_SHA256.encode())
    return "tagger-" + digest.hexdigest()[:12]


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
        tune_encoder(texts, Y, tuned, tune_settings(config), seed, log)
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
        # sessions not made yet (a single message's, on every thread) read it from there
        encoder.encoder.path = out_dir / ENCODER_FILE  # type: ignore[union-attr]
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
