"""The sentence encoder's graphs side by side: CPU per pass and how far each moves a vector.

    .venv/bin/python benchmarks/encoder_graphs.py [--rounds 60] [--json]

One thread, one text per pass (as a single message runs). For 8, 32, 64 and 128 word pieces
of real checking-set text, the three graphs of bot/tagging/embed.py run interleaved, pass by
pass, so machine load drifts alike: "int8-weights" (the file as shipped: the reference),
"int8-dynamic" (its own graph re-quantised; models trained before the fused graph) and
"int8-fused" (onnxruntime's fused operators, re-quantised: served). Then the cosine of each
int8 graph's vector to the float32 graph's on every checking-set message (min / mean): the
tagger is trained on the vectors of the graph it serves, so only closeness matters.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.tagging.embed import GRAPHS, Encoder  # noqa: E402
from bot.tagging.training.data import checking_sets, load  # noqa: E402

LENGTHS = (8, 32, 64, 128)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=60, help="passes per graph and length")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    texts = [e.text for path in checking_sets().values() for e in load(path)]
    encoders = {graph: Encoder(threads=1, graph=graph) for graph in GRAPHS}
    tokenizer = encoders["int8-weights"].tokenizer
    joined = " ".join(texts)
    ids = tokenizer.encode(joined).ids  # truncated at 128 word pieces: the longest pass
    results: dict = {"passes_ms": {}, "cosine_to_float": {}}
    for length in LENGTHS:
        text = tokenizer.decode(ids[1 : length - 1])  # [CLS] ... [SEP] = `length` pieces
        cpu: dict[str, list[float]] = {graph: [] for graph in GRAPHS}
        for graph in GRAPHS:
            encoders[graph].encode([text])  # warm
        for _ in range(args.rounds):
            for graph, encoder in encoders.items():
                start = time.process_time()
                encoder.encode([text])
                cpu[graph].append((time.process_time() - start) * 1000)
        results["passes_ms"][length] = {
            graph: {
                "p50": round(statistics.median(values), 2),
                "p95": round(float(np.percentile(values, 95)), 2),
            }
            for graph, values in cpu.items()
        }
    reference = encoders["int8-weights"].encode(texts)
    for graph in ("int8-dynamic", "int8-fused"):
        cosines = (encoders[graph].encode(texts) * reference).sum(axis=1)
        results["cosine_to_float"][graph] = {
            "min": round(float(cosines.min()), 4),
            "mean": round(float(cosines.mean()), 4),
            "texts": len(texts),
        }

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("CPU ms per pass, one thread, p50 (p95); interleaved")
    print(f"{'word pieces':>12} " + " ".join(f"{g:>22}" for g in GRAPHS))
    for length, row in results["passes_ms"].items():
        cells = " ".join(f"{row[g]['p50']:>14.2f} ({row[g]['p95']:5.2f})" for g in GRAPHS)
        print(f"{length:>12} {cells}")
    print("cosine to the float32 graph's vector on the checking sets")
    for graph, c in results["cosine_to_float"].items():
        print(f"  {graph}: min {c['min']}, mean {c['mean']} ({c['texts']} texts)")


if __name__ == "__main__":
    main()
