"""The stance classifier: question prior, cue phrases, ties, and its tuning set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.findings.stance import ASK, BARRIER, OPPORTUNITY, classify, question_stance, stance_of

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "stance_dev.jsonl"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("island:space:opportunities", OPPORTUNITY),
        ("island:space:barriers", BARRIER),
        ("island:life_sciences:help", ASK),
        ("seabed:infrastructure:views", None),
        (None, None),
    ],
)
def test_question_stance(key: str | None, expected: str | None) -> None:
    assert question_stance(key) == expected


def test_words_decide_and_are_shown() -> None:
    result = classify("We struggle to recruit engineers and rents are too expensive.")
    assert result.stance == BARRIER
    assert "struggle" in result.cues[BARRIER]
    assert stance_of("Please fund a shared lab.") == ASK
    assert stance_of("Bring back the Saturday bus.") == ASK  # an instruction
    assert stance_of("The Arc is a huge opportunity to grow into new markets.") == OPPORTUNITY


def test_question_breaks_a_tie_and_strong_words_beat_the_question() -> None:
    # No cue at all: the question it answered decides.
    assert stance_of("Silverstone.", "island:high_performance_technology:opportunities") == (
        OPPORTUNITY
    )
    assert stance_of("Silverstone.", "island:high_performance_technology:help") == ASK
    # Clear words outweigh the question's lean.
    barrier_words = "We can't find engineers, there is a shortage of skills holding us back."
    assert stance_of(barrier_words, "island:space:opportunities") == BARRIER


def test_no_evidence_defaults_to_barrier() -> None:
    assert classify("roads").stance == BARRIER
    assert classify("").scores == {OPPORTUNITY: 0.0, BARRIER: 0.0, ASK: 0.0}


def test_tuning_set_stays_right() -> None:
    """Regression guard on the set the cues were tuned on (the held-out figure is in
    benchmarks/stance.py and the README)."""
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    right = sum(classify(r["text"], r["question_key"]).stance == r["stance"] for r in rows)
    assert len(rows) >= 60 and right / len(rows) >= 0.9
