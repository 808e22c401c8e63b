"""What naming messages costs a turn: the widget and REST clients send a `message_id`, and
before each named turn bot/channels/resend.py reads the conversation to tell a resend of
the latest turn from a new message.

    .venv/bin/python benchmarks/named_turns.py [--conversations 4] [--rounds 3] [--json]

The trained model in-process with our tracker store (SQLite, a temporary file) and the real
action server; the tagger is replaced by a no-theme stub, so the numbers are Rasa's side.
Each round runs the same consultations three ways, interleaved so load drifts alike:
unnamed (the reference), named, and named with the check's tracker read as a plain
`retrieve` (before `retrieve_to_read`: it took the cached tracker, so the turn rebuilt its
own). Prints turn p50 / p95 / mean and tracker-cache hits and misses for each, then the
time to answer a resend of a saved turn from the transcript (a replay) beside running it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MODEL = ROOT / "models" / "rasa" / "consultation.tar.gz"
SCRIPT = [
    "hello",
    "/consent_agree",
    "Bench Fabrication Ltd",
    "precision engineering",
    "Small (10-49 staff)",
    "High Wycombe",
    "/skip",
    "space and film",
    "We need more lab space near Westcott",
    "/skip",
    "Skills are hard to find for CNC work",
    "/skip",
]
MODES = ("unnamed", "named", "named, plain retrieve")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _setup() -> tuple[Any, Any, int]:
    root = tempfile.mkdtemp(prefix="named_turns_")
    os.environ["DATABASE_URL"] = f"sqlite:///{root}/bench.db"
    os.environ["BUCKS_LIS_VAR_DIR"] = f"{root}/var"
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    import bot.tagging
    from bot.channels import resilience
    from bot.storage.db import create_schema, engine_for
    from bot.storage.tracker_store import ConsultationTrackerStore
    from bot.strategy import THEME_IDS
    from bot.tagging.result import TagResult

    configure_structlog(logging.ERROR)  # Rasa logs every turn at debug level otherwise
    logging.getLogger("bot.channels.resend").setLevel(logging.ERROR)  # each replay warns
    create_schema(engine_for(os.environ["DATABASE_URL"]))
    none = TagResult([], {t: 0.0 for t in THEME_IDS}, {}, "bench-none")
    bot.tagging.tag = lambda text, question_key=None: none  # Rasa's side only
    resilience.install()
    port = _free_port()
    store = ConsultationTrackerStore()
    agent = Agent.load(
        str(MODEL),
        tracker_store=store,
        action_endpoint=EndpointConfig(url=f"http://127.0.0.1:{port}/webhook"),
    )
    return agent, store, port


async def _turn(agent: Any, sender: str, text: str, message_id: str | None) -> float:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bot.channels import resend

    token = resend.client_message_id.set(message_id)
    try:
        message = UserMessage(text, CollectingOutputChannel(), sender, message_id=message_id)
        start = time.perf_counter()
        await agent.handle_message(message)
        return time.perf_counter() - start
    finally:
        resend.client_message_id.reset(token)


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    agent, store, port = _setup()  # first: it sets DATABASE_URL before settings are read
    from rasa_sdk.endpoint import create_app
    from sanic import Sanic

    from bot.channels import action_session, resend

    Sanic.test_mode = True
    server = await create_app("actions").create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True
    )
    await server.startup()
    quick_read = resend._read_tracker

    async def plain_read(processor: Any, sender_id: str) -> Any:  # noqa: ANN401
        return await processor.tracker_store.retrieve(sender_id)

    times: dict[str, list[float]] = {m: [] for m in MODES}
    cache: dict[str, list[int]] = {m: [0, 0] for m in MODES}
    replays: list[float] = []
    reruns: list[float] = []
    try:
        await _turn(agent, "warm-up-0001", "hello", None)
        for _ in range(args.rounds):
            for mode in MODES:
                resend._read_tracker = plain_read if mode == MODES[2] else quick_read
                hits, misses = store._cache.hits, store._cache.misses
                for _ in range(args.conversations):
                    sender = f"bench-{uuid.uuid4().hex[:12]}"
                    for text in SCRIPT:
                        named = uuid.uuid4().hex if mode != "unnamed" else None
                        times[mode].append(await _turn(agent, sender, text, named))
                    if mode == "named":  # the last message resent with its id: replayed
                        replays.append(await _turn(agent, sender, SCRIPT[-1], named))
                        reruns.append(await _turn(agent, sender, SCRIPT[-1], uuid.uuid4().hex))
                cache[mode][0] += store._cache.hits - hits
                cache[mode][1] += store._cache.misses - misses
    finally:
        resend._read_tracker = quick_read
        server.close()
        await server.wait_closed()
        await action_session.close_sessions()

    def summary(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        return {
            "n": len(ordered),
            "p50_ms": 1000 * ordered[len(ordered) // 2],
            "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
            "mean_ms": 1000 * statistics.fmean(ordered),
        }

    result: dict[str, Any] = {
        mode: {**summary(times[mode]), "cache_hits": cache[mode][0], "cache_misses": cache[mode][1]}
        for mode in MODES
    }
    result["replayed resend"] = summary(replays)
    result["the same text, new id (runs)"] = summary(reruns)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conversations", type=int, default=4, help="per mode and round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not MODEL.exists():
        sys.exit(f"{MODEL} is missing: run `make train`")
    result = asyncio.run(_run(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"load average {os.getloadavg()[0]:.1f}; {len(SCRIPT)}-turn consultations")
    for name, row in result.items():
        cached = (
            f"  tracker cache {row['cache_hits']} hits / {row['cache_misses']} misses"
            if "cache_hits" in row
            else ""
        )
        print(
            f"{name:30} n={row['n']:4}  p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms"
            f"  mean {row['mean_ms']:6.1f} ms{cached}"
        )


if __name__ == "__main__":
    main()
