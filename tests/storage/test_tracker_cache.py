"""The Rasa process reuses the tracker its last turn saved, but only while the database
holds exactly what that turn left; any other write means a rebuild from the events."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.tracker_store import ConsultationTrackerStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def run(coro):  # noqa: ANN001, ANN201
    return asyncio.run(coro)


def turn(store: ConsultationTrackerStore, domain: Domain, sender: str, text: str) -> None:
    tracker = run(store.retrieve(sender))
    if tracker is None:
        tracker = DialogueStateTracker(sender, domain.slots)
        for event in (
            ActionExecuted("action_session_start"),
            SessionStarted(),
            ActionExecuted("action_listen"),
        ):
            tracker.update(event)
    for event in (
        UserUttered(text, {"name": "inform", "confidence": 0.9}),
        BotUttered(f"you said {text}"),
        ActionExecuted("action_listen"),
    ):
        tracker.update(event)
    run(store.save(tracker))


def texts(tracker: DialogueStateTracker) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, (UserUttered, BotUttered))]


def test_the_saved_tracker_is_reused_and_equals_a_rebuild(
    database_url: str, domain: Domain
) -> None:
    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")  # opens the session: not cached (Rasa counts on it)
    turn(store, domain, "biz", "two")
    hits = store._cache.hits
    cached = run(store.retrieve("biz"))
    assert store._cache.hits == hits + 1
    rebuilt = run(ConsultationTrackerStore(domain=domain).retrieve("biz"))
    assert [e.as_dict() for e in cached.events] == [e.as_dict() for e in rebuilt.events]
    assert texts(cached) == ["one", "you said one", "two", "you said two"]


def test_a_write_by_another_replica_means_a_rebuild(database_url: str, domain: Domain) -> None:
    here, other = (ConsultationTrackerStore(domain=domain) for _ in range(2))
    turn(here, domain, "biz", "one")
    turn(here, domain, "biz", "two")
    turn(other, domain, "biz", "three")  # the conversation moved while `here` held a copy
    tracker = run(here.retrieve("biz"))
    assert texts(tracker)[-2:] == ["three", "you said three"]


def test_an_erasure_that_rewrites_events_means_a_rebuild(database_url: str, domain: Domain) -> None:
    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")
    turn(store, domain, "biz", "our secret plan")
    with store.engine.begin() as conn:  # as bot/storage/erasure.py redacts a deleted X post
        conn.execute(
            sa.text(
                "UPDATE events SET data = replace(data, 'our secret plan', "
                "'[deleted]') WHERE sender_id = 'biz'"
            )
        )
    assert "our secret plan" not in texts(run(store.retrieve("biz")))


def test_a_turn_that_fails_before_saving_leaves_nothing_cached(
    database_url: str, domain: Domain
) -> None:
    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")
    turn(store, domain, "biz", "two")
    half_done = run(store.retrieve("biz"))
    half_done.update(UserUttered("never saved", {"name": "inform", "confidence": 0.9}))
    # the turn fails here: no save
    again = run(store.retrieve("biz"))
    assert again is not half_done and "never saved" not in texts(again)


def test_size_zero_turns_the_cache_off(
    database_url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import settings

    monkeypatch.setenv("TRACKER_CACHE_SIZE", "0")
    settings.cache_clear()
    store = ConsultationTrackerStore(domain=domain)
    settings.cache_clear()
    for text in ("one", "two", "three"):
        turn(store, domain, "biz", text)
    assert store._cache.hits == 0 and texts(run(store.retrieve("biz")))[-1] == "you said three"


def test_a_saved_turn_does_not_fail_when_the_database_goes_away_just_after(
    database_url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp query after the commit fails: the turn is saved, so the save must not raise
    (a 503 would have the client resend a saved turn); only the cache is skipped."""
    import bot.storage.tracker_store as module

    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")
    tracker = run(store.retrieve("biz"))
    for event in (UserUttered("two"), BotUttered("you said two"), ActionExecuted("action_listen")):
        tracker.update(event)

    def gone(*args: object) -> None:
        raise sa.exc.OperationalError("SELECT", {}, Exception("server closed the connection"))

    with monkeypatch.context() as patched:
        patched.setattr(module, "tracker_stamp", gone)
        run(store.save(tracker))  # does not raise
    misses = store._cache.misses
    rebuilt = run(store.retrieve("biz"))
    assert store._cache.misses == misses + 1  # nothing was cached: rebuilt from the database
    assert texts(rebuilt) == ["one", "you said one", "two", "you said two"]


def _session_queries(store: ConsultationTrackerStore, sender: str, domain: Domain) -> list[str]:
    """The statements of one turn that count or load the session's events (Rasa's query,
    recognisable by its `session_start` subquery)."""
    seen: list[str] = []

    def listener(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", listener)
    try:
        turn(store, domain, sender, f"turn {len(seen)}")
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", listener)
    return [s for s in seen if "session_start" in s]


def test_a_cached_turn_is_saved_without_counting_the_stored_events(
    database_url: str, domain: Domain
) -> None:
    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")
    turn(store, domain, "biz", "two")
    assert _session_queries(store, "biz", domain) == []  # a cache hit: no count, no rebuild
    turn(store, domain, "biz", "four")
    rebuilt = run(ConsultationTrackerStore(domain=domain).retrieve("biz"))
    assert texts(rebuilt) == [
        "one", "you said one", "two", "you said two",
        "turn 0", "you said turn 0", "four", "you said four",
    ]  # fmt: skip
    with store.engine.connect() as conn:  # each event stored once
        rows, distinct = conn.execute(
            sa.text("SELECT COUNT(*), COUNT(DISTINCT data) FROM events WHERE sender_id = 'biz'")
        ).one()
    assert rows == distinct >= len(rebuilt.events)


def test_after_a_write_elsewhere_the_stored_events_are_counted(
    database_url: str, domain: Domain
) -> None:
    here, other = (ConsultationTrackerStore(domain=domain) for _ in range(2))
    turn(here, domain, "biz", "one")
    turn(here, domain, "biz", "two")
    turn(other, domain, "biz", "three")
    assert _session_queries(here, "biz", domain) != []  # rebuilt and counted, as Rasa does
    assert texts(run(other.retrieve("biz")))[-4:] == [
        "three", "you said three", "turn 0", "you said turn 0",
    ]  # fmt: skip


def test_a_look_before_the_turn_leaves_the_turn_its_cached_tracker(
    database_url: str, domain: Domain
) -> None:
    """bot/channels/resend.py reads the conversation before every named turn (every widget
    message): that read must not use up the cached tracker the turn itself takes."""
    store = ConsultationTrackerStore(domain=domain)
    turn(store, domain, "biz", "one")
    turn(store, domain, "biz", "two")
    looked = run(store.retrieve_to_read("biz"))
    hits, misses = store._cache.hits, store._cache.misses
    assert run(store.retrieve("biz")) is looked  # the turn's own retrieve: a hit
    assert (store._cache.hits, store._cache.misses) == (hits + 1, misses)
    assert texts(looked) == ["one", "you said one", "two", "you said two"]


def test_a_look_that_rebuilds_caches_the_rebuild_for_the_turn(
    database_url: str, domain: Domain
) -> None:
    here, other = (ConsultationTrackerStore(domain=domain) for _ in range(2))
    turn(other, domain, "biz", "one")
    turn(other, domain, "biz", "two")  # another replica: nothing cached here
    looked = run(here.retrieve_to_read("biz"))
    assert run(here.retrieve("biz")) is looked and here._cache.hits == 1
    turn(here, domain, "biz", "three")  # saved with the counts right
    rebuilt = run(ConsultationTrackerStore(domain=domain).retrieve("biz"))
    assert texts(rebuilt)[-4:] == ["two", "you said two", "three", "you said three"]
    assert texts(rebuilt).count("one") == 1


def test_a_write_after_the_look_still_means_a_rebuild(database_url: str, domain: Domain) -> None:
    here, other = (ConsultationTrackerStore(domain=domain) for _ in range(2))
    turn(here, domain, "biz", "one")
    turn(here, domain, "biz", "two")
    looked = run(here.retrieve_to_read("biz"))
    turn(other, domain, "biz", "three")
    tracker = run(here.retrieve("biz"))
    assert tracker is not looked and texts(tracker)[-1] == "you said three"
