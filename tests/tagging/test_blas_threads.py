"""A process that loads the tagger keeps BLAS on one thread (no busy-waiting second core)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = """
import json
from threadpoolctl import threadpool_info
from bot.tagging import load_engine
engine = load_engine()
engine.tag_many(["We need faster broadband at Westcott"])
after = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
print(json.dumps({"after": after}))
"""


def test_loading_the_tagger_limits_blas_to_one_thread(trained_engine: object) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SNIPPET],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["after"] and set(result["after"]) == {1}
