"""Start-up objects are frozen for the garbage collector once a server has started, and
long collections are logged (bot/production/gc_pauses.py)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator

import pytest

from bot.config import settings
from bot.production import gc_pauses
from bot.production.health import TaggerWarmup
from bot.production.rasa_ready import ReadinessInput


@pytest.fixture(autouse=True)
def unfrozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Leave the test process's collector as it was: nothing frozen, no callback added."""
    settings.cache_clear()
    monkeypatch.setattr(gc_pauses, "_log", None)
    callbacks = list(gc.callbacks)
    yield
    gc.unfreeze()
    gc.callbacks[:] = callbacks
    settings.cache_clear()


def _in_generation_2(obj: object) -> bool:
    return any(o is obj for o in gc.get_objects(generation=2))


def test_objects_alive_at_start_are_skipped_by_full_collections() -> None:
    model_like = [{"weights": [i]} for i in range(1000)]
    gc.collect()
    assert _in_generation_2(model_like)  # walked by every full collection
    frozen = gc_pauses.freeze_after_start()
    assert frozen == gc.get_freeze_count() >= 1000
    assert not _in_generation_2(model_like)
    later = [{"event": i} for i in range(10)]
    gc.collect()
    assert _in_generation_2(later)  # what is made afterwards is still collected


def test_the_freeze_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GC_FREEZE_AFTER_START", "0")
    settings.cache_clear()
    assert gc_pauses.freeze_after_start() == 0
    assert gc.get_freeze_count() == 0


def test_a_long_collection_is_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = gc_pauses.watch()
    assert gc_pauses.watch() is log  # one callback per process
    assert gc.callbacks.count(log) == 1
    before = log.count.get(2, 0)
    monkeypatch.setattr(gc_pauses, "SLOW_MS", 0.0)
    with caplog.at_level(logging.WARNING, logger="bot.production.gc_pauses"):
        gc.collect()
    assert log.count[2] == before + 1
    assert log.longest_ms[2] >= 0.0
    assert "garbage collection (generation 2) stopped the process" in caplog.text


def test_the_action_server_freezes_once_the_tagger_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.tagging

    calls: list[str] = []
    monkeypatch.setattr(bot.tagging, "engine", lambda: calls.append("loaded"))
    warm = TaggerWarmup(then=lambda: calls.append("then"))
    warm._load()  # what start() runs in its thread
    assert warm.problem() is None
    assert calls == ["loaded", "then"]


def test_no_freeze_after_a_failed_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.tagging

    def broken() -> None:
        raise RuntimeError("no model")

    calls: list[str] = []
    monkeypatch.setattr(bot.tagging, "engine", broken)
    warm = TaggerWarmup(then=lambda: calls.append("then"))
    warm._load()
    assert warm.error and "no model" in warm.error
    assert calls == []


def test_rasa_freezes_after_the_server_has_started() -> None:
    """The model is loaded in Rasa's before_server_start; ours runs after_server_start."""
    blueprint = ReadinessInput().blueprint(lambda _: None)  # type: ignore[arg-type,return-value]
    events = [future.event for future in blueprint._future_listeners]
    assert "after_server_start" in [str(e).split(".")[-1].lower() for e in events]
