"""The board report at 10,000 responses: time to collect and write HTML, DOCX and PDF.

Seeds a fresh SQLite database with bulk inserts (3,000 businesses, 10,000 responses on
1-2 themes each, 6 sub-themes per theme, 5 starred quotes and a summary per theme), then
times `bucks-lis report`'s path for each format. Reference measured in the same run:
a bare `SELECT count(*)` join over the same rows. Target: <= 30 s per format.

    .venv/bin/python benchmarks/report.py [--responses 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

from sqlalchemy import func, insert, select  # noqa: E402

from bot.storage.models import (  # noqa: E402
    Business,
    Conversation,
    EffectiveTheme,
    Quote,
    ReportSummary,
    Response,
    ResponseSubtheme,
    Subtheme,
)
from bot.strategy import THEME_IDS  # noqa: E402

SECTORS = [
    "Space",
    "Film and TV",
    "Engineering",
    "Healthcare",
    "Logistics",
    "Retail",
    "Construction",
    "Software",
    "Farming",
    "Education",
    "Hospitality",
    "Finance",
]
SIZES = ["1-9", "10-49", "50-249", "250+", None]
PLACES = [
    "Aylesbury",
    "High Wycombe",
    "Amersham",
    "Beaconsfield",
    "Buckingham",
    "Chesham",
    "Marlow",
    "Westcott",
    "Silverstone",
    "Princes Risborough",
    None,
]
CHANNELS = ["socketio", "socketio", "socketio", "x_post", "email", "survey"]


def seed(engine, n: int) -> None:  # noqa: ANN001
    from bot.storage.db import session_scope

    rng = random.Random(11)
    n_business = max(n * 3 // 10, 1)
    with session_scope(engine) as s:
        s.execute(
            insert(Business),
            [
                {
                    "id": i,
                    "sender_id": f"b{i}",
                    "channel": CHANNELS[i % len(CHANNELS)],
                    "organisation": f"Firm {i} Ltd",
                    "sector": rng.choice(SECTORS),
                    "size_band": rng.choice(SIZES),
                    "location": rng.choice(PLACES),
                    "consent": True,
                    "named_consent": i % 10 == 0,
                }
                for i in range(1, n_business + 1)
            ],
        )
        s.execute(
            insert(Conversation),
            [
                {
                    "id": i,
                    "business_id": i,
                    "sender_id": f"b{i}",
                    "channel": CHANNELS[i % len(CHANNELS)],
                }
                for i in range(1, n_business + 1)
            ],
        )
        s.execute(
            insert(Response),
            [
                {
                    "id": i,
                    "conversation_id": rng.randint(1, n_business),
                    "text": f"Response {i}: we need better broadband, call Jo on 01494 123456",
                }
                for i in range(1, n + 1)
            ],
        )
        themes: list[dict] = []
        for i in range(1, n + 1):
            for theme in rng.sample(THEME_IDS, rng.choice([1, 1, 2])):
                themes.append({"response_id": i, "theme_id": theme})
        s.execute(insert(EffectiveTheme), themes)
        sub_id = 0
        subs, placed, quotes, summaries = [], [], [], []
        for theme in THEME_IDS:
            ids = [sub_id + k + 1 for k in range(6)]
            sub_id += 6
            subs += [
                {
                    "id": i,
                    "theme_id": theme,
                    "label": f"Point {i} about {theme}",
                    "curated": i % 2 == 0,
                }
                for i in ids
            ]
            members = [t["response_id"] for t in themes if t["theme_id"] == theme]
            placed += [
                {
                    "response_id": r,
                    "theme_id": theme,
                    "subtheme_id": rng.choice(ids),
                    "pinned": False,
                }
                for r in members
            ]
            quotes += [
                {"response_id": r, "theme_id": theme, "starred_by": "bench"} for r in members[:5]
            ]
            summaries.append(
                {
                    "theme_id": theme,
                    "text": f"What businesses said on {theme}. " * 8,
                    "updated_by": "bench",
                }
            )
        s.execute(insert(Subtheme), subs)
        s.execute(insert(ResponseSubtheme), placed)
        s.execute(insert(Quote), quotes)
        s.execute(insert(ReportSummary), summaries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    args = parser.parse_args()

    from bot.findings.report import collect, write
    from bot.storage.db import create_schema, engine_for, session_scope

    with tempfile.TemporaryDirectory() as tmp:
        engine = engine_for(f"sqlite:///{tmp}/report.db")
        create_schema(engine)
        t0 = time.perf_counter()
        seed(engine, args.responses)
        print(f"seeded {args.responses} responses in {time.perf_counter() - t0:.1f} s")
        with session_scope(engine) as s:
            t0 = time.perf_counter()
            rows = s.scalar(
                select(func.count())
                .select_from(EffectiveTheme)
                .join(Response, Response.id == EffectiveTheme.response_id)
                .join(Conversation, Conversation.id == Response.conversation_id)
            )
            print(
                f"reference: count(*) over the {rows} theme rows joined: "
                f"{(time.perf_counter() - t0) * 1000:.0f} ms"
            )
        for fmt in ("html", "docx", "pdf"):
            t0 = time.perf_counter()
            with session_scope(engine) as s:
                data = collect(s)
            collected = time.perf_counter() - t0
            out = write(data, Path(tmp) / f"report.{fmt}")
            total = time.perf_counter() - t0
            print(
                f"{fmt:4s}: {total:5.1f} s (collect {collected:.1f} s), "
                f"{out.stat().st_size / 1024:.0f} kB  (target <= 30 s)"
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
