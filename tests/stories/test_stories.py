"""The Rasa test stories in this folder, run against the trained model
(`rasa test core --fail-on-prediction-errors`): every predicted action must match."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
STORIES = Path(__file__).resolve().parent
MODEL = ROOT / "models" / "rasa" / "consultation.tar.gz"


def test_every_test_story_is_predicted(tmp_path: Path) -> None:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train`")
    rasa = Path(sys.executable).parent / "rasa"
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", SQLALCHEMY_SILENCE_UBER_WARNING="1")
    proc = subprocess.run(
        [
            str(rasa),
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(STORIES),
            "--out",
            str(tmp_path / "results"),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else ""
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:] + "\n" + detail
