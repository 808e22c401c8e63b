"""NLU benchmark: cross-validated intent F1 (`rasa test nlu --cross-validation`) and the
wall time of a full `rasa train` of the conversation model.

    .venv/bin/python benchmarks/nlu_cv.py [--folds 3] [--no-train]

Prints one line per number. Uses config.yml and data/nlu as they are (data/tagger is the
tagger's, not Rasa's). Everything it writes goes to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = Path(sys.executable).parent / "rasa"


def _run(args: list[str], log: Path) -> float:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", SQLALCHEMY_SILENCE_UBER_WARNING="1")
    started = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.run(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        raise SystemExit(f"{' '.join(args[:3])} failed:\n" + "\n".join(tail))
    return elapsed


def train_seconds(tmp: Path) -> float:
    return _run(
        [
            str(RASA),
            "train",
            "--force",
            "--domain",
            "domain.yml",
            "--data",
            "data/nlu",
            "data/rules",
            "data/stories",
            "--config",
            "config.yml",
            "--out",
            str(tmp / "model"),
            "--fixed-model-name",
            "benchmark",
        ],
        tmp / "train.log",
    )


def cross_validate(tmp: Path, folds: int) -> dict[str, float]:
    out = tmp / "cv"
    seconds = _run(
        [
            str(RASA),
            "test",
            "nlu",
            "--cross-validation",
            "--folds",
            str(folds),
            "--config",
            "config.yml",
            "--nlu",
            "data/nlu",
            "--out",
            str(out),
        ],
        tmp / "cv.log",
    )
    report = json.loads((out / "intent_report.json").read_text())
    return {
        "macro_f1": report["macro avg"]["f1-score"],
        "weighted_f1": report["weighted avg"]["f1-score"],
        "accuracy": report.get("accuracy", float("nan")),
        "seconds": seconds,
        "worst": sorted(
            (name, scores["f1-score"])
            for name, scores in report.items()
            if isinstance(scores, dict) and "support" in scores and " avg" not in name
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--no-train", action="store_true", help="skip the rasa train timing")
    parser.add_argument("--keep", type=Path, help="keep reports (errors, confusion) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nlu-cv-") as raw:
        tmp = args.keep or Path(raw)
        tmp.mkdir(parents=True, exist_ok=True)
        if not args.no_train:
            print(f"rasa_train_wall_seconds: {train_seconds(tmp):.1f}", flush=True)
        cv = cross_validate(tmp, args.folds)
        print(f"nlu_cv_folds: {args.folds}")
        print(f"intent_macro_f1: {cv['macro_f1']:.3f}")
        print(f"intent_weighted_f1: {cv['weighted_f1']:.3f}")
        print(f"intent_accuracy: {cv['accuracy']:.3f}")
        print(f"nlu_cv_wall_seconds: {cv['seconds']:.1f}")
        lowest = sorted(cv["worst"], key=lambda item: item[1])[:4]
        print("lowest_intent_f1: " + ", ".join(f"{n}={f:.2f}" for n, f in lowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
