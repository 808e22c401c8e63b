"""Theme tagger benchmark: quality on the checking sets, speed, load time, memory.

    .venv/bin/python benchmarks/tagger.py [--json] [--threads N] [--reference DIR]
    .venv/bin/python benchmarks/tagger.py --train-reference   # once: the old engine

The reference (`--reference`, default models/tagger-reference, made by `--train-reference`
from the same data and seed) is the engine before issue 8's speed work: the float graph of
the encoder and every clause of a multi-clause message encoded on its own. Its quality and
its latency are measured in the same run as the served model's, the engines taking turns of
25 messages (`--turn`), so the machine's load hits both alike.

Prints, for every checking set (`data.checking_sets()`: the shared dev sets and our held-out
sets) and the unseen checks (`data.unseen_sets()`: AA, AB, AC),
macro-F1, exact match, multi-theme recall and no-theme accuracy, beside the reference
engine and the keyword list on the same messages; the cross-validated score from training
(models/tagger/meta.json); throughput in one process (batches of 64); single-message
latency (p50/p95/p99 of `tag(text)`) on the read checking sets' messages (A to Z, trained
on since the twenty-fourth session, S and Z since the twenty-seventh), beside the same model
with clause scoring off (what clauses cost) and beside the reference engine; the
share of multi-clause messages whose clauses were all read off the whole message's encoder
pass (the cascade); cold model load time in a fresh process (imports included), peak
resident memory and the training time.
Targets (issue 8): unseen check macro-F1 >= 0.95, exact >= 0.85, multi-theme recall
>= 0.92, no-theme >= 95%; p95 <= 15 ms, >= 200 msg/s, load < 2 s, RSS <= 450 MB. The
machine's load average is printed: the numbers are noisy on shared cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD_SNIPPET = """
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from bot.tagging import load_engine
engine = load_engine()
t1, c1 = time.perf_counter(), time.process_time()
engine.tag_many(["warm-up message about broadband"])
t2 = time.perf_counter()
# VmHWM, not ru_maxrss: a child started by fork + exec reports its parent's ru_maxrss.
hwm = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:"))
print(json.dumps({"load_s": t1 - t0, "load_cpu_s": c1 - c0, "load_and_first_tag_s": t2 - t0,
                  "peak_rss_mb": hwm / 1024}))
"""


def cold_load() -> dict:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["load_s"])
    return {
        "load_s_best_of_3": round(best["load_s"], 3),
        "load_s_runs": [round(r["load_s"], 3) for r in runs],
        "load_cpu_s": round(best["load_cpu_s"], 3),
        "load_and_first_tag_s": round(best["load_and_first_tag_s"], 3),
        "peak_rss_mb_after_load": round(best["peak_rss_mb"], 1),
    }


# The engine before issue 8's speed work, trained from the same data for comparison.
REFERENCE_CONFIG = {
    "encoder_graph": "int8-weights",
    "clause_vectors": "separate",
    "encoder_finetune": None,
}
QUALITY_KEYS = (
    "n",
    "macro_f1",
    "micro_f1",
    "exact_match",
    "mean_response_f1",
    "no_theme_accuracy",
    "multi_theme_recall",
)


def quality(engine, sets: dict) -> dict:  # noqa: ANN001
    from bot.tagging.training.metrics import evaluate

    out = {}
    for name, rows in sets.items():
        texts, keys = [e.text for e in rows], [e.question_key for e in rows]
        report = evaluate(
            [list(e.themes) for e in rows], [r.themes for r in engine.tag_many(texts, keys)]
        )
        out[name] = {k: report.get(k) for k in QUALITY_KEYS}
    return out


TURN = 25  # messages per engine turn in the latency run (`latencies`)


def throughput(engine, texts: list[str]) -> tuple[float, float]:  # noqa: ANN001
    """Messages per wall second and per CPU second, batches of 64."""
    engine.tag_many(texts[:64])  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(texts), 64):
        engine.tag_many(texts[start : start + 64])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    return round(len(texts) / elapsed, 1), round(len(texts) / cpu, 1)


def latencies(runs: dict, sample: list[str], turn: int = TURN) -> dict:
    """p50/p95/p99 of one message's tag_many, wall and CPU ms, per engine. The engines take
    turns of `turn` messages each (a fraction of a second), so load on the shared machine
    hits them alike. Turn 1 (each message in turn) adds ~3 ms to the served p95: the
    reference engine, three times the work, evicts the served one's examples and weights
    from the caches before every message, which a server running one engine never sees."""
    import numpy as np

    wall: dict = {name: [] for name in runs}
    cpu: dict = {name: [] for name in runs}
    for start in range(0, len(sample), turn):
        for name, run in runs.items():
            for text in sample[start : start + turn]:
                t, c = time.perf_counter(), time.process_time()
                run(text)
                wall[name].append((time.perf_counter() - t) * 1000)
                cpu[name].append((time.process_time() - c) * 1000)
    pct = (("p50", 50), ("p95", 95), ("p99", 99))
    return {
        name: {
            "wall": {q: round(float(np.percentile(wall[name], p)), 2) for q, p in pct},
            "cpu": {q: round(float(np.percentile(cpu[name], p)), 2) for q, p in pct},
        }
        for name in runs
    }


def cascade_share(engine, texts: list[str]) -> dict:  # noqa: ANN001
    """How often the served engine encodes clauses on their own (the cascade's cost)."""
    _, parts = engine.scores(texts, cascade=True)
    n_clauses = [len(s) for s in parts["segments"] if len(s) > 1]
    alone = [
        int(a)
        for s, a in zip(parts["segments"], parts["clauses_encoded_alone"], strict=True)
        if len(s) > 1
    ]
    return {
        "messages": len(texts),
        "multi_clause": len(n_clauses),
        "multi_clause_all_read_off_whole_pass": sum(a == 0 for a in alone),
        "clauses": sum(n_clauses),
        "clauses_encoded_alone": sum(alone),
    }


def with_config(engine, overrides: dict):  # noqa: ANN001, ANN201
    """tag_many of `engine` as if its config had `overrides` (the same trained model)."""

    def run(text: str) -> None:
        saved = engine.config
        engine.config = {**saved, **overrides}
        try:
            engine.tag_many([text])
        finally:
            engine.config = saved

    return run


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="onnxruntime threads (default: BUCKS_LIS_TAGGER_THREADS or up to 2)",
    )
    parser.add_argument(
        "--reference",
        type=Path,
        default=None,
        help="the reference engine's model dir (default: <models>/tagger-reference)",
    )
    parser.add_argument(
        "--turn",
        type=int,
        default=TURN,
        help=f"latency run: messages per engine turn (default {TURN}; 1 = each message in turn)",
    )
    parser.add_argument(
        "--train-reference",
        action="store_true",
        help="train the reference engine (old settings, same data and seed) and stop",
    )
    args = parser.parse_args()
    if args.threads:
        os.environ["BUCKS_LIS_TAGGER_THREADS"] = str(args.threads)

    from bot.config import settings
    from bot.tagging import TaggerModelMissing, load_engine, model_dir
    from bot.tagging.embed import default_threads
    from bot.tagging.training import data as tagdata

    reference_dir = args.reference or settings().models_dir / "tagger-reference"
    if args.train_reference:
        from bot.tagging.training.train import train

        seed = json.loads((model_dir() / "meta.json").read_text()).get("seed", 13)
        train(out_dir=reference_dir, seed=seed, config=REFERENCE_CONFIG, checks=False)
        return 0
    try:
        engine = load_engine()
    except TaggerModelMissing as exc:
        print(exc)
        return 1
    reference = None
    if (reference_dir / "meta.json").exists():
        reference = load_engine(reference_dir)
    meta = json.loads((model_dir() / "meta.json").read_text())
    out: dict = {
        "model_version": engine.version,
        "reference_version": reference.version if reference else None,
        "load_average": os.getloadavg(),
        "cpus": os.cpu_count(),
        "threads": default_threads(),
    }

    from bot.tagging.training.keyword import KeywordTagger

    sets = {name: tagdata.load(path) for name, path in tagdata.checking_sets().items()}
    # the unseen checks last (benchmarks/data, never trained on, errors never read)
    sets |= {name: tagdata.load(path) for name, path in tagdata.unseen_sets().items()}
    out["quality"] = {
        "cv_own_data": meta["cv"]
        | {"folds": meta["config"]["folds"], "examples": meta["data"]["examples"]}
    } | quality(engine, sets)
    out["keyword_baseline"] = quality(KeywordTagger(), sets)
    if reference is not None:
        ref_meta = json.loads((reference_dir / "meta.json").read_text())
        out["reference_quality"] = {"cv_own_data": ref_meta["cv"]} | quality(reference, sets)
    unseen = [e.text for path in tagdata.READ_CHECKING_PATHS for e in tagdata.load(path)]

    texts = [e.text for e in tagdata.load_train()]
    out["throughput_msg_per_s"], out["throughput_msg_per_cpu_s"] = throughput(engine, texts)
    if reference is not None:
        out["reference_throughput"] = throughput(reference, texts)

    sample = unseen or texts[::3][:300]
    runs = {
        "served": lambda text: engine.tag_many([text]),
        "whole_message_only": with_config(engine, {"segment_weight": 0.0}),
    }
    if reference is not None:
        runs["reference"] = lambda text: reference.tag_many([text])
    for run in runs.values():  # warm-up
        run(sample[0])
    out["latency_turn"] = turn = max(1, args.turn)
    lat = latencies(runs, sample, turn)
    out["single_message_ms"], out["single_message_cpu_ms"] = (
        lat["served"]["wall"],
        lat["served"]["cpu"],
    )
    out["whole_message_only_ms"] = lat["whole_message_only"]
    out["reference_ms"] = lat.get("reference")
    out["cascade"] = cascade_share(engine, sample)
    out["peak_rss_mb_this_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    out["cold_load"] = cold_load()
    out["train_seconds"] = meta.get("train_seconds")

    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    report(out, len(sample))
    return 0


def report(out: dict, n_sample: int) -> None:
    print(
        f"model {out['model_version']}  reference {out['reference_version']}  (cpus "
        f"{out['cpus']}, onnxruntime threads {out['threads']}, load average "
        f"{', '.join(f'{x:.2f}' for x in out['load_average'])})"
    )
    reference = out.get("reference_quality", {})
    for name, q in out["quality"].items():
        nta, mtr = q.get("no_theme_accuracy"), q.get("multi_theme_recall")
        ref, base = reference.get(name), out["keyword_baseline"].get(name)
        print(
            f"  {name:<22} n={q.get('n', q.get('examples'))!s:<5} macro-F1 {q['macro_f1']:.3f}"
            f"  micro-F1 {q['micro_f1']:.3f}  exact {q['exact_match']:.3f}"
            + (f"  multi-theme recall {mtr:.3f}" if mtr is not None else "")
            + (f"  no-theme untagged {nta:.3f}" if nta is not None else "")
            + (
                f"   | reference: {ref['macro_f1']:.3f} / {ref['exact_match']:.3f}"
                + (
                    f" / {ref['multi_theme_recall']:.3f}"
                    if ref.get("multi_theme_recall") is not None
                    else ""
                )
                if ref
                else ""
            )
            + (
                f"   | keyword list: {base['macro_f1']:.3f} / {base['exact_match']:.3f}"
                if base
                else ""
            )
        )
    ref_tp = out.get("reference_throughput")
    print(
        f"  throughput             {out['throughput_msg_per_s']} msg/s wall, "
        f"{out['throughput_msg_per_cpu_s']} msg per CPU-second (batches of 64)"
        + (f"   | reference: {ref_tp[0]} msg/s, {ref_tp[1]} per CPU-s" if ref_tp else "")
    )

    def line(label: str, d: dict | None) -> None:
        if d:
            print(f"  {label:<22} p50 {d['p50']} ms  p95 {d['p95']} ms  p99 {d['p99']} ms")

    turn = out.get("latency_turn", 1)
    print(f"  single message ({n_sample} unseen messages; engines take turns of {turn}):")
    line("served, wall", out["single_message_ms"])
    line("served, CPU", out["single_message_cpu_ms"])
    line("whole only, wall", out["whole_message_only_ms"]["wall"])
    line("whole only, CPU", out["whole_message_only_ms"]["cpu"])
    if out.get("reference_ms"):
        line("reference, wall", out["reference_ms"]["wall"])
        line("reference, CPU", out["reference_ms"]["cpu"])
    k = out["cascade"]
    print(
        f"  cascade                {k['multi_clause_all_read_off_whole_pass']} of "
        f"{k['multi_clause']} multi-clause messages read every clause off the whole pass; "
        f"{k['clauses_encoded_alone']} of {k['clauses']} clauses encoded on their own"
    )
    c = out["cold_load"]
    print(
        f"  cold load              {c['load_s_best_of_3']} s wall best of 3 {c['load_s_runs']},"
        f" {c['load_cpu_s']} CPU-s (imports included; + first tag {c['load_and_first_tag_s']} s)"
    )
    print(
        f"  peak memory            {c['peak_rss_mb_after_load']} MB after load; "
        f"{out['peak_rss_mb_this_process']} MB in this benchmark process"
    )
    print(f"  training time          {out['train_seconds']} s (make train, from meta.json)")


if __name__ == "__main__":
    sys.exit(main())
