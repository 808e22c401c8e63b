"""Fault probe s45: a clock that steps back, a full disk under an export or a report, and the
theme tagger missing or corrupt when the bot starts. Each test failed on the code before its
fix (see README, "Production")."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cli import main
from bot.storage.db import session_scope
from bot.storage.transcripts import transcript
from bot.tagging import TaggerModelMissing, TagResult
from tests.production.test_full_disk import _fill, tiny_disk  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]


# --- the clock steps back: the transcript's latest turns must not vanish ---------------


def _turn(text: str, intent: str, ts: float, *events: Any) -> list[Any]:
    return [
        UserUttered(text, {"name": intent, "confidence": 1.0}, timestamp=ts),
        *events,
        ActionExecuted("action_listen", timestamp=ts),
    ]


@pytest.mark.parametrize("cache_size", ["0", "200"])
def test_turns_saved_after_the_clock_steps_back_are_in_the_conversation(
    database_url: str, monkeypatch: pytest.MonkeyPatch, cache_size: str
) -> None:
    """Rasa found a conversation's latest session by timestamp (events at or after its
    newest `session_started`), so turns stamped earlier than that (the clock stepped back
    by NTP, or the next turn ran on a replica whose clock is behind) were left out when
    the conversation was read again: the business's answers vanished from the dialogue,
    the form asked again, and the next save wrote stored events a second time."""
    from bot.config import settings
    from bot.storage.tracker_store import ConsultationTrackerStore

    monkeypatch.setenv("TRACKER_CACHE_SIZE", cache_size)
    settings.cache_clear()
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = ConsultationTrackerStore(domain=domain)
    t0 = time.time()
    opening = [
        ActionExecuted("action_session_start", timestamp=t0),
        SessionStarted(timestamp=t0),
        ActionExecuted("action_listen", timestamp=t0),
        *_turn("yes", "affirm", t0 + 1, SlotSet("consent", True, timestamp=t0 + 1)),
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events("biz", opening, domain.slots)))

    tracker = asyncio.run(store.retrieve("biz"))
    assert tracker is not None
    stepped_back = t0 - 30
    for event in _turn(
        "Acme Joinery",
        "inform",
        stepped_back,
        SlotSet("organisation", "Acme Joinery", timestamp=stepped_back),
    ):
        tracker.update(event)
    asyncio.run(store.save(tracker))

    other_replica = ConsultationTrackerStore(domain=domain)  # or this one after a restart
    again = asyncio.run(other_replica.retrieve("biz"))
    assert again is not None
    assert again.get_slot("consent") is True
    assert again.get_slot("organisation") == "Acme Joinery"
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["yes", "Acme Joinery"]

    # a later turn saves only its own events: nothing already stored is written again
    for event in _turn("joinery", "inform", stepped_back + 5):
        again.update(event)
    asyncio.run(other_replica.save(again))
    full = asyncio.run(other_replica.retrieve_full_tracker("biz"))
    assert full is not None
    said = [e.text for e in full.events if isinstance(e, UserUttered)]
    assert said == ["yes", "Acme Joinery", "joinery"]
    # and staff read the transcript in the order it was said, not by the clock
    with session_scope() as session:
        assert [t.text for t in transcript(session, "biz")] == said


def test_a_new_session_after_the_clock_stepped_back_starts_afresh(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session begun after the step back is the latest session, though its
    `session_started` carries an earlier time than the one before."""
    from bot.config import settings
    from bot.storage.tracker_store import ConsultationTrackerStore

    monkeypatch.setenv("TRACKER_CACHE_SIZE", "0")
    settings.cache_clear()
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = ConsultationTrackerStore(domain=domain)
    t0 = time.time()
    first = [
        ActionExecuted("action_session_start", timestamp=t0),
        SessionStarted(timestamp=t0),
        ActionExecuted("action_listen", timestamp=t0),
        *_turn("yes", "affirm", t0 + 1, SlotSet("consent", True, timestamp=t0 + 1)),
    ]
    tracker = DialogueStateTracker.from_events("biz", first, domain.slots)
    asyncio.run(store.save(tracker))
    tracker = asyncio.run(store.retrieve("biz"))
    assert tracker is not None
    later = t0 - 60
    for event in [
        ActionExecuted("action_session_start", timestamp=later),
        SessionStarted(timestamp=later),
        SlotSet("consent", True, timestamp=later),
        ActionExecuted("action_listen", timestamp=later),
        *_turn("hello again", "greet", later + 1),
    ]:
        tracker.update(event)
    asyncio.run(store.save(tracker))

    again = asyncio.run(ConsultationTrackerStore(domain=domain).retrieve("biz"))
    assert again is not None
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["hello again"]


# --- a full disk under `bucks-lis export` and `bucks-lis report` ------------------------


@pytest.fixture()
def answers(database_url: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Forty long stored answers (a fixed tag: the tagger is not what is tested here)."""
    import bot.tagging
    from bot.consultation import service
    from bot.strategy import THEME_IDS

    def tag(text: str, question_key: str | None = None) -> TagResult:
        return TagResult(
            themes=["education_skills"],
            scores={t: 0.9 if t == "education_skills" else 0.1 for t in THEME_IDS},
            evidence={"education_skills": ["skills"]},
            model_version="test-1",
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)
    for i in range(40):
        service.record_consent(f"biz-{i}", "rest", agreed=True)
        kept = service.record_answer(
            f"biz-{i}", "rest", f"We need skills {i}. " + "Apprentices are hard to find. " * 60,
            "q", "Q?",
        )  # fmt: skip
        assert kept is not None
    return 40


def _only(folder: Path, *names: str) -> None:
    """Nothing half-written left beside the file (no temporary or partial files)."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def test_an_export_to_a_full_disk_is_a_clear_error_and_the_last_export_is_kept(
    answers: int,
    tiny_disk: Path,  # noqa: F811 - the fixture imported above
) -> None:
    """It was a traceback, and the export left on disk was cut off mid-row where the disk
    filled (a file that looks like an export), over the good export written before."""
    out = tiny_disk / "responses.csv"
    out.write_text("the export from yesterday\n", encoding="utf-8")
    filler = _fill(tiny_disk)

    result = CliRunner().invoke(main, ["export", "--format", "csv", "--output", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "disk is full" in result.output and str(out) in result.output
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the export from yesterday\n"
    _only(tiny_disk, "responses.csv", "filler")

    filler.unlink()
    done = CliRunner().invoke(main, ["export", "--format", "jsonl", "--output", str(out)])
    assert done.exit_code == 0, done.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == answers
    _only(tiny_disk, "responses.csv")


def test_a_report_to_a_full_disk_is_a_clear_error_and_leaves_no_empty_file(
    answers: int,
    tiny_disk: Path,  # noqa: F811 - the fixture imported above
) -> None:
    out = tiny_disk / "board.html"
    filler = _fill(tiny_disk)

    result = CliRunner().invoke(main, ["report", "--out", str(out)])
    assert result.exit_code == 1
    assert "disk is full" in result.output and "Traceback" not in result.output
    _only(tiny_disk, "filler")  # no empty or cut-off board.html that looks like a report

    filler.unlink()
    done = CliRunner().invoke(main, ["report", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")


# --- the theme tagger missing or corrupt when the bot starts ----------------------------


@pytest.fixture()
def no_start(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand-ins for what `bucks-lis run` does after its checks: recorded, never run."""
    import bot.cli.run as run_cli
    from bot.stack import Stack

    done: list[str] = []

    def started(*_: Any, **__: Any) -> None:
        done.append("started")
        raise RuntimeError("the stack was started")

    monkeypatch.setattr(run_cli, "upgrade", lambda *_a, **_k: done.append("migrated"))
    monkeypatch.setattr(run_cli, "_fill_missing_stance", lambda: None)
    monkeypatch.setattr(Stack, "start", started)
    return done


def _models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from bot.config import settings

    models = tmp_path / "models"
    (models / "tagger").mkdir(parents=True)
    monkeypatch.setenv("MODELS_DIR", str(models))
    settings.cache_clear()
    return models / "tagger"


def test_run_without_a_trained_tagger_says_so_at_once(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_start: list[str]
) -> None:
    """It started everything, waited 240 s for an action server that could never be
    ready, then stopped with a traceback: `TimeoutError: actions not ready after 240s`."""
    tagger = _models_dir(tmp_path, monkeypatch)

    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1
    assert f"no trained theme tagger in {tagger}" in result.output
    assert "make train" in result.output
    assert no_start == []


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda d: (d / "meta.json").write_text("{not json", encoding="utf-8"), "meta.json"),
        (lambda d: (d / "weights.npz").write_bytes(b"cut off"), "weights.npz"),
        (lambda d: (d / "weights.npz").unlink(), "weights.npz"),
    ],
    ids=["meta-not-json", "weights-changed", "weights-missing"],
)
def test_run_with_a_corrupt_tagger_names_what_is_wrong(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_start: list[str],
    damage: Any,
    said: str,
) -> None:
    import hashlib

    tagger = _models_dir(tmp_path, monkeypatch)
    (tagger / "weights.npz").write_bytes(b"weights")
    digest = hashlib.sha256(b"weights").hexdigest()
    meta = {"version": "tagger-test", "files": {"weights.npz": digest}}
    (tagger / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    damage(tagger)

    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1
    assert said in result.output and "make train" in result.output
    assert "Traceback" not in result.output
    assert no_start == []


def test_a_failed_tagger_load_is_tried_again_so_readiness_recovers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The action server's `/ready` kept the first load's failure for good: once the tagger
    was there again (a `make train` finished), HAProxy still sent it no actions until
    someone restarted it, and the supervisor (which watches `/health`) never did."""
    import bot.tagging
    from bot.production import health

    calls: list[int] = []

    def engine() -> object:
        calls.append(1)
        if len(calls) < 3:
            raise TaggerModelMissing("no trained theme tagger in models/tagger")
        return object()

    monkeypatch.setattr(bot.tagging, "engine", engine)
    monkeypatch.setattr(health, "TAGGER_RETRY_SECONDS", 0.05, raising=False)
    frozen: list[int] = []
    warmup = health.TaggerWarmup(then=lambda: frozen.append(1)).start()
    deadline = time.monotonic() + 5
    while warmup.problem() is not None and "loading" in str(warmup.problem()):
        time.sleep(0.01)
    assert "no trained theme tagger" in str(warmup.problem())
    while warmup.problem() is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert warmup.problem() is None
    assert len(calls) == 3 and frozen == [1]  # loaded once, the step after it run once
