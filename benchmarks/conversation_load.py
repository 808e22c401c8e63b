"""Load benchmark: many businesses talking to the real stack at once, over the REST channel.

    .venv/bin/python benchmarks/conversation_load.py [--users 40] [--concurrency 20] [--json]
    .venv/bin/python benchmarks/conversation_load.py --rasa-url http://127.0.0.1:5005 \
        --database-url sqlite:///var/bucks-lis.db      # against a stack that is already up

Without --rasa-url it starts `bucks-lis run` on free ports with a temporary SQLite database
(needs `make train`). Each simulated business takes a full consultation (consent, profile,
two islands, a question mid-way, a seabed driver, play-back, close). Prints the turn latency
(p50/p95/max), turns per second, HTTP errors and fallbacks, and then checks the database:
every answer given is stored as a response with model themes, none twice.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent

# (what the business says, whether it is an answer the bot should store as a response)
SCRIPT: list[tuple[str, bool]] = [
    ("hello", False),
    ("/consent_agree", False),
    ("Load Test Fabrication {n}", False),
    ("precision engineering", False),
    ("Small (10-49 staff)", False),
    ("High Wycombe", False),
    ("/skip", False),
    ("space and film", False),
    ("Film studios nearby keep asking for our set-building skills {n}", True),
    ("/skip", False),
    ("Grants for new CNC machines would help {n}", True),
    ("what is a local industrial strategy?", False),
    ("Launch vibration testing is an opportunity for us {n}", True),
    ("We cannot hire enough technicians {n}", True),
    ("A shared test facility near Westcott {n}", True),
    ("skills", False),
    ("Apprenticeships take too long to arrange {n}", True),
    ("/affirm", False),
    ("/deny", False),
]


@dataclass
class Result:
    sender: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fallbacks: int = 0
    answers: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_stack(tmp: Path) -> tuple[subprocess.Popen, str, str]:
    web, rasa, action = free_port(), free_port(), free_port()
    database_url = f"sqlite:///{tmp / 'load.db'}"
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        BUCKS_LIS_VAR_DIR=str(tmp / "var"),
        WEB_PORT=str(web),
        RASA_PORT=str(rasa),
        ACTION_PORT=str(action),
        ACTION_SERVER_URL=f"http://127.0.0.1:{action}/webhook",
    )
    log = open(tmp / "run.log", "w+b")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "bucks-lis"), "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while b"ready:" not in (tmp / "run.log").read_bytes():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(
                "bucks-lis run did not start:\n"
                + (tmp / "run.log").read_text(errors="replace")[-3000:]
            )
        time.sleep(1)
    return proc, f"http://127.0.0.1:{rasa}", database_url


def stop_stack(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def converse(rasa_url: str, n: int) -> Result:
    result = Result(sender=f"load-{uuid.uuid4().hex[:12]}")
    url = f"{rasa_url}/webhooks/rest/webhook"
    with requests.Session() as http:
        for line, is_answer in SCRIPT:
            message = line.format(n=n)
            started = time.perf_counter()
            try:
                resp = http.post(
                    url, json={"sender": result.sender, "message": message}, timeout=120
                )
            except requests.RequestException as exc:
                result.errors.append(f"{type(exc).__name__}")
                continue
            result.latencies.append(time.perf_counter() - started)
            if resp.status_code != 200:
                result.errors.append(f"HTTP {resp.status_code}")
                continue
            said = " ".join(r.get("text") or "" for r in resp.json())
            if "didn't catch" in said or "didn't understand" in said:
                result.fallbacks += 1
            if is_answer:
                result.answers.append(message)
    return result


def check_database(database_url: str, results: list[Result]) -> dict:
    engine = create_engine(database_url, future=True)
    missing = duplicated = untagged = 0
    try:
        with engine.connect() as conn:
            for res in results:
                stored = [
                    r[0]
                    for r in conn.execute(
                        text(
                            "SELECT r.text FROM responses r JOIN conversations c "
                            "ON c.id = r.conversation_id WHERE c.sender_id = :s"
                        ),
                        {"s": res.sender},
                    )
                ]
                missing += sum(1 for a in res.answers if a not in stored)
                duplicated += len(stored) - len(set(stored))
                untagged += conn.execute(
                    text(
                        "SELECT COUNT(*) FROM responses r JOIN conversations c "
                        "ON c.id = r.conversation_id WHERE c.sender_id = :s AND NOT EXISTS "
                        "(SELECT 1 FROM response_themes t WHERE t.response_id = r.id "
                        "AND t.source = 'model')"
                    ),
                    {"s": res.sender},
                ).scalar_one()
    finally:
        engine.dispose()
    return {
        "answers_missing": missing,
        "answers_stored_twice": duplicated,
        "responses_without_model_tags": untagged,
    }


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rasa-url")
    parser.add_argument("--database-url")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    proc = None
    with tempfile.TemporaryDirectory(prefix="bucks-lis-load-") as tmpdir:
        if args.rasa_url:
            rasa_url, database_url = args.rasa_url, args.database_url
        else:
            proc, rasa_url, database_url = start_stack(Path(tmpdir))
        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                results = list(pool.map(lambda n: converse(rasa_url, n), range(args.users)))
            wall = time.perf_counter() - started
            db = check_database(database_url, results) if database_url else {}
        finally:
            if proc is not None:
                stop_stack(proc)

    latencies = [x for r in results for x in r.latencies]
    out = {
        "users": args.users,
        "concurrency": args.concurrency,
        "turns": len(latencies),
        "wall_s": round(wall, 1),
        "turns_per_s": round(len(latencies) / wall, 1),
        "turn_p50_ms": round(1000 * statistics.median(latencies)) if latencies else None,
        "turn_p95_ms": round(1000 * pct(latencies, 0.95)),
        "turn_max_ms": round(1000 * max(latencies, default=0)),
        "errors": sum(len(r.errors) for r in results),
        "error_kinds": sorted({e for r in results for e in r.errors}),
        "fallback_replies": sum(r.fallbacks for r in results),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        **db,
    }
    if args.json:
        print(json.dumps(out))
    else:
        for key, value in out.items():
            print(f"{key:32} {value}")
    return 0 if not out["errors"] and not db.get("answers_missing") else 1


if __name__ == "__main__":
    raise SystemExit(main())
