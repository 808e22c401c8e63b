"""Where a turn's CPU goes: py-spy samples Rasa and the action server under load.

    .venv/bin/python benchmarks/profile_turn.py [--users 20] [--concurrency 10] [--json]

Starts `bucks-lis run` on free ports (SQLite), warms it, then runs the load benchmark's
consultations while py-spy (pip, pinned in the dev extras; needs ptrace, e.g. root)
samples both processes. Prints, per process, CPU seconds per turn (from /proc) and the
share of its busy samples in each part: Rasa's NLU pipeline, dialogue policies, tracker
store, action call, database, our channels; the action server's tagger, database,
consultation code. Idle samples (a pool thread waiting, uvloop waiting under Sanic's
`serve`) are not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conversation_load import converse, start_stack, stop_stack  # noqa: E402

BIN = Path(sys.executable).parent
# A sample goes to the first of these parts found walking from the leaf frame up; only a
# sample in none of them goes to the first of GENERAL found the same way.
PARTS = [
    ("database (SQLAlchemy, sqlite3/psycopg2)", ("sqlalchemy/", "sqlite3", "psycopg2")),
    ("theme tagger (ONNX MiniLM, classifier)", ("bot/tagging/", "onnxruntime", "tokenizers")),
    ("Rasa NLU pipeline (featurizers, DIET, ResponseSelector)", ("rasa/nlu/",)),
    ("dialogue policies (rules, memoization)", ("rasa/core/policies/",)),
    (
        "tracker (events, featurising state)",
        ("rasa/shared/core/trackers", "rasa/shared/core/events", "tracker_store"),
    ),
    ("action call (HTTP client)", ("rasa/core/actions/", "aiohttp/")),
    ("consultation logic", ("bot/consultation/", "actions/")),
    ("rasa_sdk executor", ("rasa_sdk/",)),
]
GENERAL = [
    ("Rasa processor, domain, other Rasa code", ("rasa/",)),
    ("our channels and guard", ("bot/channels/",)),
    ("Sanic / asyncio / JSON", ("sanic/", "asyncio/", "json/", "ujson")),
]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> dict[str, int]:
    """Child pids of the `bucks-lis run` supervisor by role."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) != pid:
            continue
        if "action_server" in cmd:
            found["actions"] = int(entry.name)
        elif " run --model" in cmd:
            found["rasa"] = int(entry.name)
    return found


def _first_part(frames: list[str], parts: list[tuple[str, tuple[str, ...]]]) -> str | None:
    for frame in reversed(frames):
        for name, keys in parts:
            if any(k in frame for k in keys):
                return name
    return None


# A thread pool worker waiting for work, and uvloop waiting in C under Sanic's `serve`.
IDLE_LEAVES = ("_worker (concurrent/futures/thread.py", "serve (sanic/server/runners.py")


def classify(raw: Path, unplaced: Counter | None = None) -> Counter:
    parts: Counter = Counter()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if frames[-1].startswith(IDLE_LEAVES):
            continue
        part = _first_part(frames, PARTS) or _first_part(frames, GENERAL)
        if part:
            parts[part] += int(count)
        else:
            parts["other"] += int(count)
            if unplaced is not None:
                unplaced[frames[-1]] += int(count)
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="copy py-spy's raw stacks to this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bucks-lis-profile-") as tmpdir:
        tmp = Path(tmpdir)
        proc, rasa_url, _ = start_stack(tmp)
        try:
            converse(rasa_url, 0)  # warm: first turns load lazily
            pids = children(proc.pid)
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            spies = {
                name: subprocess.Popen(
                    [
                        str(BIN / "py-spy"),
                        "record",
                        "--pid",
                        str(pid),
                        "--format",
                        "raw",
                        "--rate",
                        "50",
                        "--nonblocking",
                        "--output",
                        str(tmp / f"{name}.raw"),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for name, pid in pids.items()
            }
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                results = list(pool.map(lambda n: converse(rasa_url, n), range(args.users)))
            wall = time.perf_counter() - started
            after = {name: cpu_seconds(pid) for name, pid in pids.items()}
            for spy in spies.values():
                spy.send_signal(2)  # py-spy writes its file on SIGINT
                spy.wait(60)
            unplaced: dict[str, Counter] = {name: Counter() for name in pids}
            profiles = {name: classify(tmp / f"{name}.raw", unplaced[name]) for name in pids}
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for name in pids:
                    (args.keep / f"{name}.raw").write_bytes((tmp / f"{name}.raw").read_bytes())
        finally:
            stop_stack(proc)
    turns = sum(len(r.latencies) for r in results)
    out = {
        "turns": turns,
        "wall_s": round(wall, 1),
        "turns_per_s": round(turns / wall, 1),
        "cpu_ms_per_turn": {n: round(1000 * (after[n] - before[n]) / turns, 1) for n in pids},
        "profile_percent": {
            n: {k: round(100 * v / sum(p.values()), 1) for k, v in p.most_common()}
            for n, p in profiles.items()
        },
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{turns} turns in {wall:.0f} s ({out['turns_per_s']} turns/s)")
        for name in pids:
            print(f"\n{name}: {out['cpu_ms_per_turn'][name]} ms CPU per turn")
            for part, share in out["profile_percent"][name].items():
                print(f"  {share:5.1f}%  {part}")
            total = sum(profiles[name].values())
            for frame, count in unplaced[name].most_common(5):
                print(f"         other: {100 * count / total:4.1f}%  {frame}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
