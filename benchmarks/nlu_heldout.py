"""NLU on held-out phrasing: intent accuracy and macro-F1 on tests/nlu_heldout/heldout.yml.

    .venv/bin/python benchmarks/nlu_heldout.py [--model models/rasa/consultation.tar.gz]
                                               [--data tests/nlu_heldout/heldout.yml]

The probe messages were written apart from data/nlu (real business owners' phrasing:
typos, short replies, rambling answers) and are never used for training. Loads the
trained model in-process and parses each message. FAQ questions count by their full
retrieval intent (faq/arc, ...), read from the ResponseSelector; a message the
FallbackClassifier sends to nlu_fallback counts as wrong. Prints per-intent accuracy,
overall accuracy, macro-F1 and every misclassified message.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "rasa" / "consultation.tar.gz"
DEFAULT_DATA = ROOT / "tests" / "nlu_heldout" / "heldout.yml"
RETRIEVAL_INTENTS = {"faq"}


def load_probes(path: Path) -> list[tuple[str, str]]:
    """(text, full intent) pairs from a Rasa NLU YAML file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    probes = []
    for block in doc.get("nlu", []):
        intent = block.get("intent")
        if not intent:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                probes.append((line[2:].strip(), intent))
    return probes


def full_intent(result: dict[str, Any]) -> str:
    """The predicted intent, with the retrieval sub-intent for faq questions."""
    intent = (result.get("intent") or {}).get("name") or "None"
    if intent in RETRIEVAL_INTENTS:
        selector = (result.get("response_selector") or {}).get(intent) or {}
        key = (selector.get("response") or {}).get("intent_response_key")
        if key:
            return key
    return intent


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the gold labels (predictions outside them only cost precision)."""
    labels = sorted({gold for gold, _ in pairs})
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    return sum(per_label.values()) / len(per_label), per_label


async def parse_all(model: Path, texts: list[str]) -> tuple[list[dict[str, Any]], float]:
    from rasa.core.agent import Agent

    started = time.perf_counter()
    agent = Agent.load(str(model))
    load_seconds = time.perf_counter() - started
    return [await agent.parse_message(text) for text in texts], load_seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.model.exists():
        print(f"{args.model} is missing: run `make train`", file=sys.stderr)
        return 1

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    warnings.filterwarnings("ignore")
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.ERROR)  # Rasa logs every parse at debug level otherwise
    logging.disable(logging.WARNING)

    probes = load_probes(args.data)
    started = time.perf_counter()
    results, load_seconds = asyncio.run(parse_all(args.model, [t for t, _ in probes]))
    parse_seconds = time.perf_counter() - started - load_seconds

    pairs = [(gold, full_intent(r)) for (_, gold), r in zip(probes, results, strict=True)]
    totals, correct = Counter(g for g, _ in pairs), Counter(g for g, p in pairs if g == p)
    macro, f1s = macro_f1(pairs)
    accuracy = sum(correct.values()) / len(pairs)

    print(
        f"held-out NLU probes: {len(pairs)} messages, {len(totals)} intents "
        f"({args.data.relative_to(ROOT) if args.data.is_relative_to(ROOT) else args.data})"
    )
    print(f"model load {load_seconds:.1f} s, parse {parse_seconds:.1f} s")
    print(f"{'intent':28} {'n':>3} {'acc':>6} {'F1':>6}")
    for label in sorted(totals):
        print(
            f"{label:28} {totals[label]:3d} {correct[label] / totals[label]:6.2f} {f1s[label]:6.2f}"
        )
    print(f"overall accuracy {accuracy:.3f}")
    print(f"macro-F1 {macro:.3f}")

    wrong: dict[str, list[str]] = defaultdict(list)
    for (text, gold), (_, pred), result in zip(probes, pairs, results, strict=True):
        if gold != pred:
            confidence = (result.get("intent") or {}).get("confidence") or 0.0
            wrong[gold].append(f"  {text!r} -> {pred} ({confidence:.2f})")
    if wrong:
        print(f"misclassified ({sum(len(v) for v in wrong.values())}):")
        for gold in sorted(wrong):
            print(f"{gold}:")
            print("\n".join(wrong[gold]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
