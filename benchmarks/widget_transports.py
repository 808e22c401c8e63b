"""The website widget's socket.io channel over websocket and over long-polling, side by side.

    .venv/bin/python benchmarks/widget_transports.py [--users 8] [--concurrency 4]
        [--rounds 1] [--stack run|production] [--json]
    .venv/bin/python benchmarks/widget_transports.py --url http://127.0.0.1:8080 \
        --origin http://127.0.0.1:8080          # against a stack that is already up

Starts `bucks-lis run` (one Rasa process, SQLite; needs `make train`) or, with
`--stack production`, `bucks-lis run-production` (HAProxy, 2 Rasa replicas, 2 action
servers, PostgreSQL, Redis; tests/production/conftest.py's ProductionStack). Then
`--users` businesses, `--concurrency` at once, take the same consultation
(benchmarks/conversation_load.py's script, 19 turns) through the widget's protocol
(tests/production/widget_load.py's client: session_request, message ids, acks), first
over websocket, then over polling only (as where websockets are blocked), `--rounds`
times in turn so drift on a shared machine shows. Websocket is the reference: the same
businesses, server and run.

Prints for each transport: per-turn latency p50/p95 (message sent to acknowledgement),
connect and disconnect time p50/max per business, and the load's wall time. Before
bot/channels/polling_close.py, a polling business's disconnect took 30 s (the server held
its last GET), which was most of the polling wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from conversation_load import pct, start_stack, stop_stack  # noqa: E402

from tests.production.chat_load import Business  # noqa: E402
from tests.production.widget_load import WidgetClient  # noqa: E402

TRANSPORTS = {"websocket": ["websocket"], "polling": ["polling"]}
BENCH_ORIGIN = "http://widget-benchmark.localhost"  # the page the businesses "are on"


@dataclass
class Timings:
    """What one business measured over one transport."""

    turns: list[float] = field(default_factory=list)
    connect: float = 0.0
    disconnect: float = 0.0
    failed: str | None = None


async def _consult(url: str, origin: str, n: int, transports: list[str]) -> Timings:
    biz, out = Business(n), Timings()
    client = WidgetClient(url, biz, f"127.0.{n // 250}.{n % 250 + 2}", transports, origin)
    try:
        started = time.perf_counter()
        if not await client.connect(time.monotonic() + 60):
            out.failed = "could not connect"
            return out
        out.connect = time.perf_counter() - started
        for message, is_answer in biz.script():
            started = time.perf_counter()
            replies = await client.turn(message, patience=120)
            if replies is None:
                out.failed = f"gave up at {message!r} ({biz.refused or 'no answer'})"
                return out
            out.turns.append(time.perf_counter() - started)
            biz.answered(message, replies, is_answer)
    finally:
        started = time.perf_counter()
        await client.close()
        out.disconnect = time.perf_counter() - started
    return out


def load(url: str, origin: str, transport: str, users: int, at_once: int) -> dict:
    """Every business through the consultation on one transport: summary numbers."""
    transports = TRANSPORTS[transport]
    started = time.perf_counter()
    with ThreadPoolExecutor(at_once) as pool:
        done = list(
            pool.map(lambda n: asyncio.run(_consult(url, origin, n, transports)), range(users))
        )
    wall = time.perf_counter() - started
    turns = [t for d in done for t in d.turns]
    connects = [d.connect for d in done]
    closes = [d.disconnect for d in done]
    return {
        "transport": transport,
        "turns": len(turns),
        "wall_s": round(wall, 1),
        "turn_p50_ms": round(pct(turns, 0.5) * 1000),
        "turn_p95_ms": round(pct(turns, 0.95) * 1000),
        "connect_p50_ms": round(pct(connects, 0.5) * 1000),
        "connect_max_ms": round(max(connects, default=0) * 1000),
        "disconnect_p50_ms": round(pct(closes, 0.5) * 1000),
        "disconnect_max_ms": round(max(closes, default=0) * 1000),
        "failed": [d.failed for d in done if d.failed],
    }


def show(rows: list[dict]) -> None:
    cols = [
        ("transport", "transport"),
        ("turns", "turns"),
        ("wall_s", "wall s"),
        ("turn_p50_ms", "turn p50 ms"),
        ("turn_p95_ms", "turn p95 ms"),
        ("connect_p50_ms", "connect p50"),
        ("connect_max_ms", "connect max"),
        ("disconnect_p50_ms", "disconnect p50"),
        ("disconnect_max_ms", "disconnect max"),
    ]
    print("  ".join(f"{title:>14}" for _, title in cols))
    for row in rows:
        print("  ".join(f"{row[key]!s:>14}" for key, _ in cols))
        for why in row["failed"]:
            print(f"    failed: {why}")
    by = {t: [r for r in rows if r["transport"] == t] for t in TRANSPORTS}
    if by["websocket"] and by["polling"]:
        ws = sum(r["wall_s"] for r in by["websocket"]) / len(by["websocket"])
        poll = sum(r["wall_s"] for r in by["polling"]) / len(by["polling"])
        print(f"polling / websocket wall time: {poll / ws:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--stack", choices=["run", "production"], default="run")
    parser.add_argument("--url", help="a running stack's socket.io base URL")
    parser.add_argument("--origin", help="the Origin sent (one of its ALLOWED_ORIGINS)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    stop = lambda: None  # noqa: E731
    if args.url:
        url, origin = args.url, args.origin or args.url
    elif args.stack == "production":
        from tests.production.conftest import ProductionStack

        stack = ProductionStack()
        stack.wait_ready()
        url, origin, stop = stack.url, stack.url, stack.stop
    else:
        os.environ["ALLOWED_ORIGINS"] = BENCH_ORIGIN  # read by the stack it starts
        tmp = tempfile.TemporaryDirectory(prefix="bucks-lis-widget-")
        proc, url, _database = start_stack(Path(tmp.name))
        origin = BENCH_ORIGIN

        def stop() -> None:
            stop_stack(proc)
            tmp.cleanup()

    rows = []
    try:
        for _ in range(args.rounds):
            for transport in TRANSPORTS:
                rows.append(load(url, origin, transport, args.users, args.concurrency))
    finally:
        stop()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{args.users} businesses, {args.concurrency} at once, {url}")
        show(rows)
    return 1 if any(r["failed"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
