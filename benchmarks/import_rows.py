"""`bucks-lis import` speed: a file of N rows imported, then imported again (all skipped).

    .venv/bin/python benchmarks/import_rows.py [--rows 1000]

Prints rows/s for the first import and the re-import, beside the tagger alone on the same
texts measured in the same run (tagging is most of an import's cost).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (
    "we need better skills roads housing rail digital broadband investment space cluster "
    "film studio motorsport apprenticeships planning premises funding export growth lab"
).split()


def make_csv(rows: int, rng: random.Random) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["text", "organisation", "sector", "received_at"])
    for i in range(rows):
        text = " ".join(rng.choices(WORDS, k=rng.randint(8, 30))).capitalize() + "."
        writer.writerow([text, f"Org {i % 300}", "Manufacturing", f"2026-10-{1 + i % 28:02d}"])
    return out.getvalue().encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="import-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
    os.environ["BUCKS_LIS_VAR_DIR"] = tmp
    from bot.config import settings
    from bot.findings.import_file import parse_file
    from bot.findings.importer import import_file
    from bot.storage.db import create_schema, session_scope
    from bot.tagging import engine, tag_many

    settings.cache_clear()
    create_schema()
    engine()  # load once, outside the timings
    data = make_csv(args.rows, random.Random(7))
    texts = [r.text for r in parse_file(data, "csv", "survey", 20_000).rows]
    t = time.perf_counter()
    tag_many(texts)
    tagger_s = time.perf_counter() - t
    timings = []
    for _ in range(2):
        t = time.perf_counter()
        with session_scope() as session:
            result = import_file(session, data, "csv", "survey", "bench", 20_000)
        timings.append((time.perf_counter() - t, result.added))
    (first_s, added), (again_s, again_added) = timings
    print(
        f"{args.rows} rows: import {first_s:.1f} s ({args.rows / first_s:.0f} rows/s, "
        f"{added} added); re-import {again_s:.2f} s ({again_added} added)"
    )
    print(
        f"reference, the tagger alone on the same texts: {tagger_s:.1f} s "
        f"({args.rows / tagger_s:.0f} texts/s); storing adds {first_s - tagger_s:.1f} s"
    )
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
