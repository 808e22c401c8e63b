"""Sub-theme discovery: quality on our labelled set, and time for 5,000 responses on a theme.

Quality: `benchmarks/data/subthemes.jsonl` (4 themes x 4 known sub-themes, 241 responses
written for this). Each theme's responses are clustered by the code the app runs
(`bot.findings.cluster`); purity (unassigned counts as wrong) and adjusted Rand index
(unassigned = one cluster) against the known sub-themes, beside k-means with k by
silhouette. Also how well `ASSIGN_FLOOR` separates a response's own sub-theme (centroid of
the others, leave-one-out) from the nearest other one. Targets: purity >= 0.8, ARI >= 0.6.

Speed: 5,000 responses on one theme in a fresh SQLite database through
`bot.findings.subthemes.run` (the CLI's and the app's path): first run (encodes and stores
every vector), a re-run (vectors stored), and the encoder alone as the reference.
Target: <= 10 s for discovery.

    .venv/bin/python benchmarks/subthemes.py [--size 5000] [--skip-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

import numpy as np  # noqa: E402

from bot.findings import cluster as maths  # noqa: E402
from bot.findings.embeddings import encode  # noqa: E402
from bot.findings.subthemes import ASSIGN_FLOOR  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "subthemes.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def quality(rows: list[dict]) -> dict:
    vectors = encode([r["text"] for r in rows])
    by_theme: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_theme[row["theme"]].append(i)
    print(
        f"labelled set: {len(rows)} responses, {len(by_theme)} themes, "
        f"{len({(r['theme'], r['subtheme']) for r in rows})} known sub-themes"
    )
    summary = {}
    for method in maths.METHODS:
        purities, aris = [], []
        for theme, idx in sorted(by_theme.items()):
            labels = maths.cluster(vectors[idx], method=method)
            truth = [rows[i]["subtheme"] for i in idx]
            purities.append(maths.purity(truth, labels))
            aris.append(maths.adjusted_rand(truth, labels))
            found = int(labels.max()) + 1 if len(labels) else 0
            unassigned = int((labels == maths.UNASSIGNED).sum())
            print(
                f"  {method:13s} {theme:20s} purity {purities[-1]:.3f}  ARI {aris[-1]:.3f}  "
                f"found {found} (true {len(set(truth))}), unassigned {unassigned}"
            )
            if method == maths.AGGLOMERATIVE:
                terms = maths.label_clusters([rows[i]["text"] for i in idx], labels)
                for key in sorted(terms):
                    print(f"      [{key}] {terms[key].label}")
        summary[method] = (float(np.mean(purities)), float(np.mean(aris)))
        print(
            f"  {method:13s} MEAN purity {summary[method][0]:.3f}  ARI {summary[method][1]:.3f}"
            "   (targets >= 0.8, >= 0.6)"
        )
    own, other = [], []
    for idx in by_theme.values():
        x = maths.centred(vectors[idx])
        subs = np.array([rows[i]["subtheme"] for i in idx])
        for j in range(len(idx)):
            keep = np.arange(len(idx)) != j
            sims = {}
            for s in set(subs):
                mean = x[keep & (subs == s)].mean(axis=0)
                sims[s] = float(x[j] @ (mean / np.linalg.norm(mean)))
            own.append(sims.pop(subs[j]))
            other.append(max(sims.values()))
    own_a, other_a = np.array(own), np.array(other)
    print(
        f"  assignment floor {ASSIGN_FLOOR}: own sub-theme reaches it "
        f"{(own_a >= ASSIGN_FLOOR).mean():.0%}, best other reaches it "
        f"{(other_a >= ASSIGN_FLOOR).mean():.0%}; nearest centroid right "
        f"{(own_a > other_a).mean():.0%}"
    )
    print(
        "  own-sub-theme cosine p10/p25/p50 "
        + "/".join(f"{np.percentile(own_a, q):.2f}" for q in (10, 25, 50))
        + "; best-other p50/p90 "
        + "/".join(f"{np.percentile(other_a, q):.2f}" for q in (50, 90))
    )
    return summary


def speed(rows: list[dict], size: int) -> None:
    from sqlalchemy import insert

    from bot.findings import subthemes as st
    from bot.storage.db import create_schema, engine_for, session_scope
    from bot.storage.models import Business, Conversation, EffectiveTheme, Response

    theme = "infrastructure"
    pool = [r["text"] for r in rows if r["theme"] == theme]
    rng = random.Random(7)
    texts = [f"{rng.choice(pool)} {rng.choice(pool)}" for _ in range(size)]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        engine = engine_for(url)
        create_schema(engine)
        with session_scope(engine) as s:
            s.execute(insert(Business), [{"id": 1, "sender_id": "b", "channel": "rest"}])
            s.execute(
                insert(Conversation),
                [{"id": 1, "business_id": 1, "sender_id": "b", "channel": "rest"}],
            )
            s.execute(
                insert(Response),
                [{"id": i + 1, "conversation_id": 1, "text": t} for i, t in enumerate(texts)],
            )
            s.execute(
                insert(EffectiveTheme),
                [{"response_id": i + 1, "theme_id": theme} for i in range(size)],
            )
        encode(["warm up"])
        t0 = time.perf_counter()
        encode(texts[:1000])
        per_s = 1000 / (time.perf_counter() - t0)
        print(
            f"reference: encoder alone {per_s:.0f} texts/s "
            f"(so {size / per_s:.1f} s to encode {size})"
        )
        timings = []
        for label in ("first run (encodes, stores vectors)", "re-run (vectors stored)"):
            t0 = time.perf_counter()
            with session_scope(engine) as s:
                result = st.run(s, theme)
            timings.append(time.perf_counter() - t0)
            print(
                f"{label}: {timings[-1]:.2f} s for {size} responses; "
                f"{result.proposed} proposed, {result.unassigned} unassigned"
            )
        with session_scope(engine) as s:
            found = st.listing(s, theme)
            first = found.subthemes[0]
            st.rename(s, first.id, "curated", actor="bench")
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            result = st.run(s, theme)
        print(
            f"re-run with a curated sub-theme: {time.perf_counter() - t0:.2f} s; "
            f"{result.kept} kept, {result.proposed} proposed  (target <= 10 s)"
        )
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    rows = load()
    quality(rows)
    if not args.skip_speed:
        speed(rows, args.size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
