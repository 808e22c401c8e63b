"""Side by side in one run: a stock `rasa init` bot and ours, under the same REST load.

    .venv/bin/python benchmarks/stock_vs_ours.py [--users 40] [--levels 20,50]
        [--think 0,3] [--ours run|production] [--stock-dir DIR] [--json]
        [--before-env NAME=VALUE,...] [--before-root DIR] [--lockstep]

Builds the stock bot with `rasa init --no-prompt` in a temporary folder (it trains there;
~3 min), starts it with `rasa run`, and starts ours with `bucks-lis run` (one Rasa process,
SQLite) or `bucks-lis run-production` (HAProxy, RASA_REPLICAS replicas, PostgreSQL). Then,
for each concurrency level and think time, the same load runs against each (stock first,
then ours, then stock again, so drift on a shared machine shows): `--users` businesses,
each a conversation as long as ours (benchmarks/conversation_load.py), the stock bot
getting its own intents' messages. Prints p50/p95 turn time, turns/s, errors, each
process tree's memory (RSS), and the ratios ours/stock. With think time, each business
starts at a random moment within the first think time and waits 0.5-1.5x the think time
between messages (seeded: stock and ours get the same schedule), as people do; `--lockstep`
keeps the old fixed waits and common start, which march every business in step, so each
message arrives in a wave with all the others (measured: that wave, not the bot, was most
of the "light load" latency). `--before-env` also starts ours a
second time with those environment variables (e.g. `ACTION_KEEPALIVE_SECONDS=0`: a cut
switched off) and measures it right after ours in every row, so a cut is compared before and
after in the same run; `--before-root DIR` runs that second copy from another checkout
(e.g. `git archive <commit>` unpacked in DIR, with a `models` link), so every cut of a
branch is compared with the code before it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conversation_load import SCRIPT, free_port, pct  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STOCK_LINES = [
    "hello",
    "I am sad",
    "yes",
    "great, thanks",
    "bye",
    "hi there",
    "no",
    "I am feeling very good",
    "are you a bot?",
    "goodbye",
]


def build_stock(folder: Path) -> None:
    if (folder / "models").exists() and any((folder / "models").glob("*.tar.gz")):
        return
    print(f"building and training the stock bot in {folder} (~3 min)…", flush=True)
    subprocess.run(
        [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)],
        check=True,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(proc: subprocess.Popen, log: Path, ready: callable, what: str) -> None:
    deadline = time.monotonic() + 600
    while not ready():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{what} did not start:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(1)


def free_block(n: int) -> int:
    """A port p with p … p+n-1 all free now."""
    import socket

    for _ in range(200):
        first = free_port()
        try:
            for port in range(first + 1, first + n):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise SystemExit("no block of free ports")


def _up(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def start_stock(folder: Path, tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = tmp / "stock.log"
    proc = subprocess.Popen(
        [str(BIN / "rasa"), "run", "--port", str(port)],
        cwd=folder,
        stdout=open(log, "wb"),
        stderr=subprocess.STDOUT,  # noqa: SIM115
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    _wait(proc, log, lambda: _up(f"{url}/"), "stock rasa")
    return proc, url


def start_ours(
    mode: str,
    tmp: Path,
    extra_env: dict[str, str] | None = None,
    name: str = "ours",
    root: Path = ROOT,
) -> tuple[subprocess.Popen, str]:
    ports = {
        name: free_port()
        for name in (
            "WEB_PORT",
            "ACTIONS_BALANCER_PORT",
            "PUBLIC_PORT",
            "POSTGRES_PORT",
            "REDIS_PORT",
        )
    }
    # replicas and action servers take RASA_PORT+i / ACTION_PORT+i
    ports["RASA_PORT"], ports["ACTION_PORT"] = free_block(4), free_block(4)
    var = Path(tempfile.mkdtemp(prefix="bucks-lis-bench-"))
    var.chmod(0o755)
    env = dict(os.environ, BUCKS_LIS_VAR_DIR=str(var), **{k: str(v) for k, v in ports.items()})
    env.update(extra_env or {})
    if root != ROOT:  # that checkout's `bot` and `actions`, ahead of this one's install
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    if mode == "run":
        env["DATABASE_URL"] = f"sqlite:///{var / 'bench.db'}"
        env["ACTION_SERVER_URL"] = f"http://127.0.0.1:{ports['ACTION_PORT']}/webhook"
        url = f"http://127.0.0.1:{ports['RASA_PORT']}"
    else:
        env.pop("DATABASE_URL", None)
        url = f"http://127.0.0.1:{ports['PUBLIC_PORT']}"
    log = tmp / f"{name}.log"
    proc = subprocess.Popen(
        [str(BIN / "bucks-lis"), mode if mode == "run" else "run-production"],
        cwd=root,
        env=env,
        stdout=open(log, "wb"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _wait(proc, log, lambda: b"ready:" in log.read_bytes(), f"bucks-lis {mode}")
    proc.var_dir = var  # removed by stop()
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    var = getattr(proc, "var_dir", None)
    if var is not None:
        import shutil

        shutil.rmtree(var, ignore_errors=True)


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total / 2**20


def converse(
    url: str, lines: list[str], think: float, seed: int | None = None
) -> tuple[list[float], int]:
    """One business; with `seed`, a random start within `think` and waits of 0.5-1.5x it."""
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    latencies, errors = [], 0
    rnd = random.Random(seed) if seed is not None else None
    if rnd and think:
        time.sleep(rnd.uniform(0, think))
    with requests.Session() as http:
        for line in lines:
            started = time.perf_counter()
            try:
                resp = http.post(
                    f"{url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": line},
                    timeout=120,
                )
                ok = resp.status_code == 200
            except requests.RequestException:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += not ok
            if think:
                time.sleep(think * rnd.uniform(0.5, 1.5) if rnd else think)
    return latencies, errors


def load(
    url: str, users: int, at_once: int, think: float, ours: bool, lockstep: bool = False
) -> dict:
    ours_lines = [line.format(n=0) for line, _ in SCRIPT]
    stock_lines = [STOCK_LINES[i % len(STOCK_LINES)] for i in range(len(ours_lines))]
    lines = ours_lines if ours else stock_lines
    started = time.perf_counter()
    with ThreadPoolExecutor(at_once) as pool:
        results = list(
            pool.map(lambda i: converse(url, lines, think, None if lockstep else i), range(users))
        )
    wall = time.perf_counter() - started
    lat = [x for r, _ in results for x in r]
    return {
        "turns": len(lat),
        "turns_per_s": round(len(lat) / wall, 2),
        "p50_ms": round(1000 * statistics.median(lat)),
        "p95_ms": round(1000 * pct(lat, 0.95)),
        "errors": sum(e for _, e in results),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--levels", default="20,50")
    parser.add_argument("--think", default="0,3")
    parser.add_argument("--ours", choices=["run", "production"], default="run")
    parser.add_argument("--stock-dir", type=Path, help="reuse a trained stock bot here")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--before-env", default="", help="NAME=VALUE,...: also run ours with these set"
    )
    parser.add_argument("--before-root", type=Path, help="run the second copy from here")
    parser.add_argument(
        "--lockstep", action="store_true", help="fixed think time, common start (old runs)"
    )
    args = parser.parse_args()
    before_env = dict(kv.split("=", 1) for kv in args.before_env.split(",") if kv)
    before_root = (args.before_root or ROOT).resolve()
    levels = [int(x) for x in args.levels.split(",")]
    thinks = [float(x) for x in args.think.split(",")]

    rows = []
    with tempfile.TemporaryDirectory(prefix="bucks-lis-stock-") as tmpdir:
        tmp = Path(tmpdir)
        stock_dir = args.stock_dir or tmp / "stock"
        stock_dir.mkdir(parents=True, exist_ok=True)
        build_stock(stock_dir)
        stock_proc, stock_url = start_stock(stock_dir, tmp)
        ours_proc = before_proc = None
        before_url = ""
        try:  # a copy that fails to start stops the others too
            ours_proc, ours_url = start_ours(args.ours, tmp)
            if before_env or before_root != ROOT:
                before_proc, before_url = start_ours(
                    args.ours, tmp, before_env, "before", before_root
                )
            # Warm both (first turns load lazily), then measure memory at rest.
            load(stock_url, 2, 2, 0, ours=False)
            load(ours_url, 2, 2, 0, ours=True)
            if before_url:
                load(before_url, 2, 2, 0, ours=True)
            memory = {
                "stock_rss_mb": round(tree_rss_mb(stock_proc.pid)),
                "ours_rss_mb": round(tree_rss_mb(ours_proc.pid)),
            }
            for at_once in levels:
                for think in thinks:
                    stock_a = load(
                        stock_url, args.users, at_once, think, ours=False, lockstep=args.lockstep
                    )
                    ours = load(
                        ours_url, args.users, at_once, think, ours=True, lockstep=args.lockstep
                    )
                    before = (
                        load(
                            before_url,
                            args.users,
                            at_once,
                            think,
                            ours=True,
                            lockstep=args.lockstep,
                        )
                        if before_url
                        else None
                    )
                    stock_b = load(
                        stock_url, args.users, at_once, think, ours=False, lockstep=args.lockstep
                    )
                    stock = {
                        k: (stock_a[k] + stock_b[k]) / 2
                        for k in ("p95_ms", "p50_ms", "turns_per_s")
                    }
                    rows.append(
                        {
                            "at_once": at_once,
                            "think_s": think,
                            "ours": ours,
                            "ours_before": before,
                            "stock_before": stock_a,
                            "stock_after": stock_b,
                            "p95_ratio": round(ours["p95_ms"] / stock["p95_ms"], 2),
                            "throughput_ratio": round(
                                ours["turns_per_s"] / stock["turns_per_s"], 2
                            ),
                        }
                    )
                    print(json.dumps(rows[-1]), flush=True)
            memory["ours_rss_after_mb"] = round(tree_rss_mb(ours_proc.pid))
            memory["stock_rss_after_mb"] = round(tree_rss_mb(stock_proc.pid))
        finally:
            for proc in (ours_proc, before_proc, stock_proc):
                if proc is not None:
                    stop(proc)
    out = {
        "ours": args.ours,
        "before_env": before_env,
        "before_root": str(before_root),
        "lockstep": args.lockstep,
        "users": args.users,
        "memory": memory,
        "runs": rows,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(f"\nmemory (RSS of each process tree): {memory}")
        print(
            f"{'at once':>8} {'think':>6} {'ours p95':>9} {'stock p95':>10} {'ratio':>6} "
            f"{'ours t/s':>9} {'stock t/s':>10} {'ratio':>6} {'errors o/s':>11}"
        )
        for r in rows:
            s95 = (r["stock_before"]["p95_ms"] + r["stock_after"]["p95_ms"]) / 2
            stp = (r["stock_before"]["turns_per_s"] + r["stock_after"]["turns_per_s"]) / 2
            stock_errors = r["stock_before"]["errors"] + r["stock_after"]["errors"]
            errs = f"{r['ours']['errors']}/{stock_errors}"
            print(
                f"{r['at_once']:>8} {r['think_s']:>6} {r['ours']['p95_ms']:>9} {s95:>10.0f} "
                f"{r['p95_ratio']:>6} {r['ours']['turns_per_s']:>9} {stp:>10.1f} "
                f"{r['throughput_ratio']:>6} {errs:>11}"
            )
            if r["ours_before"]:
                b = r["ours_before"]
                print(
                    f"{'':>8} {'before':>6} {b['p95_ms']:>9} {s95:>10.0f} "
                    f"{b['p95_ms'] / s95:>6.2f} {b['turns_per_s']:>9} {stp:>10.1f} "
                    f"{b['turns_per_s'] / stp:>6.2f} {b['errors']:>11}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
