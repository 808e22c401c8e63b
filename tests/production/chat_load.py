"""Businesses taking the full consultation through the public entry while a fault happens,
and the check that nothing was lost: every answer acknowledged is stored exactly once, and
every acknowledged message and reply is in the transcript.

A business whose turn fails (connection error, 5xx, or the bot's "technical problem" reply)
waits a second and sends the same message again, as the widget tells a person to do, with
the same `message_id` (so a turn saved by a replica that died before answering is replayed,
not run twice).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests
from sqlalchemy import create_engine, text


def _load_script() -> list[tuple[str, bool]]:
    """The load benchmark's consultation script (benchmarks/ is not a package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "conversation_load.py"
    import sys

    spec = importlib.util.spec_from_file_location("bench_conversation_load", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module.SCRIPT


SCRIPT = _load_script()

PROBLEM = "technical problem"


@dataclass
class Business:
    n: int
    sender: str = field(default_factory=lambda: f"fault-{uuid.uuid4().hex[:12]}")
    acknowledged: list[str] = field(default_factory=list)  # messages with a normal reply
    replies: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)  # acknowledged answers to store
    retries: int = 0
    # seconds from a message's first send to its answer, for each one that had to be resent
    recovered_after: list[float] = field(default_factory=list)
    replicas: list[str] = field(default_factory=list)  # X-Bucks-Replica of each turn
    gave_up: str | None = None
    refused: str | None = None  # why the server refused a request (a client bug)

    def script(self) -> list[tuple[str, bool]]:
        """The consultation's messages for this business, and whether each is an answer."""
        return [(line.format(n=self.n), is_answer) for line, is_answer in SCRIPT]

    def answered(self, message: str, replies: list[dict], is_answer: bool) -> None:
        """A message the bot acknowledged with `replies`: what `losses` later checks."""
        self.acknowledged.append(message)
        self.replies += [r["text"] for r in replies if r.get("text")]
        if is_answer:
            self.answers.append(message)


def _turn(
    http: requests.Session, url: str, biz: Business, message: str, patience: float
) -> list[dict] | None:
    started = time.monotonic()
    deadline, tries = started + patience, biz.retries
    # the same id on every resend of this message
    request = {"sender": biz.sender, "message": message, "message_id": uuid.uuid4().hex}
    while True:
        try:
            resp = http.post(url, json=request, timeout=90)
            if resp.status_code == 200:
                replies = resp.json()
                said = " ".join(r.get("text") or "" for r in replies)
                if PROBLEM not in said:
                    biz.replicas.append(resp.headers.get("X-Bucks-Replica", ""))
                    if biz.retries > tries:
                        biz.recovered_after.append(time.monotonic() - started)
                    return replies
            elif 400 <= resp.status_code < 500:
                # the request itself was refused: sending it again cannot help
                biz.refused = f"{resp.status_code} {resp.text[:200]}"
                return None
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            return None
        biz.retries += 1
        time.sleep(1)


def converse(
    base_url: str,
    biz: Business,
    patience: float = 120.0,
    on_turn: Callable[[], None] = lambda: None,
) -> Business:
    url = f"{base_url}/webhooks/rest/webhook"
    with requests.Session() as http:
        for message, is_answer in biz.script():
            body = _turn(http, url, biz, message, patience)
            if body is None:
                biz.gave_up = message
                return biz
            on_turn()
            biz.answered(message, body, is_answer)
    return biz


def run_load(
    base_url: str,
    businesses: int,
    at_once: int,
    fault: Callable[[], None],
    fault_after_turns: int,
    people: list[Business] | None = None,
    client: Callable[..., Business] = converse,
) -> list[Business]:
    """Run the consultations; call `fault()` (in its own thread) once `fault_after_turns`
    turns have been answered, so the fault always lands mid-load however fast the turns
    are (a timer could fire after the load had finished). `people`: the businesses, when
    the fault needs to see them (e.g. which replica serves most of them). `client`: how a
    business talks to the bot, `converse(base_url, biz, on_turn=...)`: REST here, the
    website widget's socket.io in widget_load.py."""
    people = people if people is not None else [Business(n) for n in range(businesses)]
    lock, turns = threading.Lock(), [0]
    fired: list[threading.Thread] = []

    def on_turn() -> None:
        with lock:
            turns[0] += 1
            if turns[0] == fault_after_turns:
                fired.append(threading.Thread(target=fault, name="fault", daemon=True))
                fired[0].start()

    with ThreadPoolExecutor(at_once) as pool:
        done = list(pool.map(lambda b: client(base_url, b, on_turn=on_turn), people))
    for thread in fired:
        thread.join(timeout=120)
    assert fired, f"the load ended after {turns[0]} turns, before the fault"
    return done


def losses(database_url: str, people: list[Business]) -> list[str]:
    """What is missing or doubled, per business (empty when nothing was lost)."""
    problems: list[str] = []
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as conn:
            for biz in people:
                if biz.gave_up:
                    why = f" (refused: {biz.refused})" if biz.refused else ""
                    problems.append(f"{biz.sender} gave up at {biz.gave_up!r}{why}")
                stored = sorted(
                    r[0]
                    for r in conn.execute(
                        text(
                            "SELECT r.text FROM responses r JOIN conversations c "
                            "ON c.id = r.conversation_id WHERE c.sender_id = :s"
                        ),
                        {"s": biz.sender},
                    )
                )
                if stored != sorted(biz.answers):
                    problems.append(
                        f"{biz.sender}: answers sent {len(biz.answers)}, stored "
                        f"{len(stored)}: {sorted(set(stored) ^ set(biz.answers))}"
                    )
                events = [
                    json.loads(r[1]) | {"type": r[0]}
                    for r in conn.execute(
                        text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                        {"s": biz.sender},
                    )
                ]
                said = {e.get("text") for e in events if e["type"] == "user"}
                told = {e.get("text") for e in events if e["type"] == "bot"}
                lost_in = [m for m in biz.acknowledged if m not in said]
                lost_out = [r for r in biz.replies if r not in told]
                if lost_in or lost_out:
                    problems.append(f"{biz.sender}: transcript lacks {lost_in[:3]} {lost_out[:3]}")
    finally:
        engine.dispose()
    return problems
