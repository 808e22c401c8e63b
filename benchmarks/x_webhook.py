"""Benchmark the X webhook's work per delivery: signature, parse, replica-safe dedupe.

Every DM or post is claimed in the database (`x_seen_events`) so that replicas sharing it
answer X's retries once. This measures what that costs per delivery on SQLite, beside a
reference measured in the same run: the same deliveries with the per-process memory the
channel used before (no replica safety). Rasa itself is replaced by a no-op, so the numbers
are the channel's own overhead. Also: public #bucksLIS posts collected (stored + tagged)
per second, which includes the tagger.

    .venv/bin/python benchmarks/x_webhook.py [--deliveries 2000] [--posts 200]
        [--database-url postgresql://...]   (default: a fresh SQLite file)

On SQLite the claim's cost is mostly opening a connection: SQLAlchemy 1.4 gives file
SQLite a NullPool, so every transaction reconnects and re-runs the PRAGMAs (measured: 23 ms
a claim with NullPool against 1.7 ms with a QueuePool, same file, busy machine).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.channels.x.client import OutboxClient  # noqa: E402
from bot.channels.x.memory import Choices, RecentIds  # noqa: E402
from bot.channels.x.signatures import sign_body, signature_problem  # noqa: E402
from bot.channels.x.webhook import XInput  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.storage.db import create_schema, engine_for  # noqa: E402

SECRET = "bench-secret"
BOT = "100"


def dm_delivery(i: int, xaa: bool) -> bytes:
    event = {
        "type": "message_create",
        "id": str(10_000 + i),
        "message_create": {
            "target": {"recipient_id": BOT},
            "sender_id": str(200 + i % 50),
            "message_data": {"text": f"Our barrier is broadband {i}"},
        },
    }
    if xaa:
        body: dict[str, Any] = {
            "data": {
                "event_uuid": str(i),
                "filter": {"user_id": BOT},
                "event_type": "dm.received",
                "payload": {"direct_message_events": [event]},
            }
        }
    else:
        body = {"for_user_id": BOT, "direct_message_events": [event]}
    return json.dumps(body).encode()


def post_delivery(i: int) -> bytes:
    return json.dumps(
        {
            "for_user_id": BOT,
            "tweet_create_events": [
                {
                    "id_str": str(50_000 + i),
                    "user": {"id_str": str(300 + i % 40)},
                    "text": f"Rail links to Aylesbury are poor and skills are short #bucksLIS {i}",
                }
            ],
        }
    ).encode()


async def run(channel: XInput, bodies: list[bytes]) -> list[float]:
    async def rasa(message: Any) -> None:
        return None

    times = []
    for body in bodies:
        start = time.perf_counter()
        header = sign_body(body, SECRET)
        assert signature_problem(body, header, SECRET) is None
        await channel.handle_delivery(json.loads(body), rasa)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    print(
        f"{name:<44} {len(ms) / sum(times):8.0f}/s   p50 {statistics.median(ms):6.2f} ms"
        f"   p95 {ms[int(len(ms) * 0.95) - 1]:6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    n = args.deliveries
    bodies = [dm_delivery(i, xaa=i % 2 == 1) for i in range(n)]
    retries = bodies[: n // 10]  # X retrying a tenth of them
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        os.environ["DATABASE_URL"] = url
        create_schema(engine_for(url))
        cfg = Settings(database_url=url, x_consumer_secret=SECRET, x_bot_user_id=BOT)
        print(
            f"X webhook, {n} DM deliveries (half Account Activity, half XAA) "
            f"+ {len(retries)} retries, {engine_for(url).dialect.name} "
            f"({type(engine_for(url).pool).__name__}), load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        reference = XInput(cfg=cfg, client=OutboxClient(), seen=RecentIds(), choices=Choices())
        report(
            "reference: per-process memory (one replica)",
            asyncio.run(run(reference, bodies + retries)),
        )
        shared = XInput(cfg=cfg, client=OutboxClient())
        report("database memory (replica-safe)", asyncio.run(run(shared, bodies + retries)))
        if args.posts:
            from bot.tagging import engine as tagger

            started = time.perf_counter()
            tagger()
            print(f"tagger load in the Rasa process: {time.perf_counter() - started:.2f} s")
            posts = [post_delivery(i) for i in range(args.posts)]
            report("public posts collected (stored + tagged)", asyncio.run(run(shared, posts)))


if __name__ == "__main__":
    main()
