"""The transcript store: our database, and nothing kept from sessions without consent."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.tracker_store import ConsultationTrackerStore, purge_unconsented_sessions

ROOT = Path(__file__).resolve().parents[2]
SECRET = "SECRET-PLAN-7781 for our Westcott rocket test stand"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture()
def store(database_url: str, domain: Domain) -> ConsultationTrackerStore:
    return ConsultationTrackerStore(domain=domain)


def run(coro):  # noqa: ANN001, ANN201
    return asyncio.run(coro)


def user(text: str, intent: str, ts: float | None = None) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.99}, timestamp=ts)


def session_start(ts: float | None = None) -> list:
    return [
        ActionExecuted("action_session_start", timestamp=ts),
        SessionStarted(timestamp=ts),
        ActionExecuted("action_listen", timestamp=ts),
    ]


def declined_turns(ts: float | None = None) -> list:
    return [
        user("no, I just have questions", "consent_decline", ts),
        ActionExecuted("action_record_consent", timestamp=ts),
        SlotSet("consent", False, timestamp=ts),
        SlotSet("stage", "declined", timestamp=ts),
        BotUttered("No problem.", timestamp=ts),
        ActionExecuted("action_listen", timestamp=ts),
        user(SECRET, "nlu_fallback", ts),
        ActionExecuted("action_fallback", timestamp=ts),
        BotUttered("Sorry, I didn't understand that.", timestamp=ts),
        ActionExecuted("action_listen", timestamp=ts),
    ]


def consented_turns() -> list:
    return [
        user("I'll take part", "consent_agree"),
        ActionExecuted("action_record_consent"),
        SlotSet("consent", True),
        SlotSet("stage", "profile"),
        ActionExecuted("action_listen"),
        user("We make rocket parts", "inform"),
        ActionExecuted("action_listen"),
    ]


def save(store: ConsultationTrackerStore, domain: Domain, sender: str, events: list) -> None:
    tracker = run(store.retrieve(sender)) or DialogueStateTracker(sender, domain.slots)
    for event in events:
        tracker.update(event)
    run(store.save(tracker))


def anywhere(database_url: str, needle: str) -> list[str]:
    """Every table.column whose value contains `needle`."""
    engine = sa.create_engine(database_url)
    found = []
    with engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                for column, value in row._mapping.items():
                    if value is not None and needle in str(value):
                        found.append(f"{table}.{column}")
    engine.dispose()
    return found


def event_count(database_url: str, sender: str) -> int:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        n = conn.execute(
            sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
        ).scalar()
    engine.dispose()
    return n


def test_transcript_is_kept_in_our_database(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    save(store, domain, "b1", session_start() + consented_turns())
    assert event_count(database_url, "b1") == 10
    tracker = run(store.retrieve("b1"))
    assert tracker.get_slot("consent") is True
    assert tracker.latest_message.text == "We make rocket parts"


def test_declined_session_keeps_nothing_after_goodbye(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    save(store, domain, "b2", session_start() + declined_turns())
    assert anywhere(database_url, "SECRET-PLAN-7781")  # kept while the session runs
    save(
        store,
        domain,
        "b2",
        [
            user("bye", "goodbye"),
            ActionExecuted("action_close"),
            BotUttered("Nothing you said has been kept."),
            SlotSet("stage", "closed"),
            AllSlotsReset(),
            ActionExecuted("action_listen"),
        ],
    )
    assert anywhere(database_url, "SECRET-PLAN-7781") == []
    assert event_count(database_url, "b2") == 0
    assert run(store.retrieve("b2")) is None


def test_consented_session_is_kept_after_goodbye(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    save(store, domain, "b3", session_start() + consented_turns())
    save(
        store,
        domain,
        "b3",
        [
            user("bye", "goodbye"),
            ActionExecuted("action_close"),
            SlotSet("stage", "closed"),
            ActionExecuted("action_listen"),
        ],
    )
    assert event_count(database_url, "b3") == 14


def test_declined_session_is_purged_when_the_next_session_starts(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    old = time.time() - 7200
    save(store, domain, "b4", session_start(old) + declined_turns(old))
    save(store, domain, "b4", session_start() + [user("hello again", "greet")])
    assert anywhere(database_url, "SECRET-PLAN-7781") == []
    assert event_count(database_url, "b4") == 4  # only the new session


def test_consented_earlier_session_survives_a_new_session(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    old = time.time() - 7200
    save(store, domain, "b5", session_start(old) + consented_turns())
    save(
        store,
        domain,
        "b5",
        session_start()
        + [
            user("bye", "goodbye"),
            ActionExecuted("action_close"),
            SlotSet("stage", "closed"),
            AllSlotsReset(),
        ],
    )
    assert event_count(database_url, "b5") == 10  # the old consented session only


def test_forget_me_drops_every_event(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    save(store, domain, "b6", session_start() + consented_turns())
    save(
        store,
        domain,
        "b6",
        [
            user("forget me", "forget_me"),
            ActionExecuted("action_forget"),
            AllSlotsReset(),
            ActionExecuted("utter_forgotten"),
            BotUttered("Done"),
            ActionExecuted("action_listen"),
        ],
    )
    assert event_count(database_url, "b6") == 0


def test_a_withdrawal_that_asks_nothing_be_kept_drops_every_event(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    # set W: "I'd rather not take part after all, please do not store my answers" at the
    # play-back deletes everything in action_record_consent, as "forget me" does
    save(store, domain, "b6w", session_start() + consented_turns())
    save(
        store,
        domain,
        "b6w",
        [
            user("I'd rather not take part after all, do not store my answers", "consent_decline"),
            ActionExecuted("action_record_consent"),
            AllSlotsReset(),
            BotUttered("Done"),
            ActionExecuted("action_listen"),
        ],
    )
    assert event_count(database_url, "b6w") == 0


def test_failed_forget_action_does_not_purge(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    save(store, domain, "b7", session_start() + consented_turns())
    save(store, domain, "b7", [user("forget me", "forget_me"), ActionExecuted("action_forget")])
    assert event_count(database_url, "b7") == 12


def test_purge_helper_deletes_idle_sessions_without_consent(
    store: ConsultationTrackerStore, domain: Domain, database_url: str
) -> None:
    old = time.time() - 7200
    save(store, domain, "idle", session_start(old) + declined_turns(old))
    save(store, domain, "active", session_start() + declined_turns())
    save(store, domain, "agreed", session_start(old) + consented_turns())
    deleted = purge_unconsented_sessions(database_url, idle_seconds=3600)
    assert deleted == 13
    assert event_count(database_url, "idle") == 0
    assert event_count(database_url, "active") == 13
    assert event_count(database_url, "agreed") == 10


def test_endpoints_yml_loads_this_store(
    database_url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints

    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9/webhook")
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain)
    inner = getattr(store, "_tracker_store", store)
    inner = getattr(inner, "_tracker_store", inner)
    assert isinstance(inner, ConsultationTrackerStore), type(store)
    assert str(inner.engine.url) == database_url


@pytest.mark.postgres
def test_on_postgresql(postgres_url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import settings

    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings.cache_clear()
    try:
        store = ConsultationTrackerStore(domain=domain)
        assert store.engine.url.get_backend_name() == "postgresql"
        save(store, domain, "pg-kept", session_start() + consented_turns())
        save(store, domain, "pg-declined", session_start() + declined_turns())
        assert anywhere(postgres_url, "SECRET-PLAN-7781")
        save(
            store,
            domain,
            "pg-declined",
            [user("bye", "goodbye"), ActionExecuted("action_close"), AllSlotsReset()],
        )
        assert anywhere(postgres_url, "SECRET-PLAN-7781") == []
        assert event_count(postgres_url, "pg-kept") == 10
        assert run(store.retrieve("pg-kept")).get_slot("consent") is True
        store.engine.dispose()
    finally:
        settings.cache_clear()
