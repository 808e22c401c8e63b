"""Rasa's SQL tracker store on our database, with the consent rules applied to the transcript.

Configured in endpoints.yml as `type: bot.storage.tracker_store.ConsultationTrackerStore`.

- The transcript (Rasa's `events` table) lives in the database at `DATABASE_URL`
  (`bot.config.settings()`), SQLite by default, PostgreSQL works the same way.
- A business that has not agreed to take part keeps nothing once its session ends:
  * on close (`action_close` followed by `AllSlotsReset`) the current session's events
    are deleted and the turn is not written;
  * on "forget me" (`action_forget`, or `action_record_consent` on a withdrawal that asks
    for nothing to be kept, followed by `AllSlotsReset`) every event of the
    sender is deleted and the turn is not written (the action already erased our tables);
  * when a new session starts (session expiry), earlier sessions without consent are
    deleted;
  * `purge_unconsented_sessions()` deletes idle sessions without consent whose business
    never came back (call it periodically, e.g. from `bucks-lis run`).
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    Event,
    SessionStarted,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.config import settings
from bot.storage.session_purge import (  # noqa: F401 - purge_* re-exported for callers
    CONSENT_SLOT,
    DEFAULT_IDLE_SECONDS,
    delete_ids,
    delete_unconsented_sessions,
    purge_unconsented_sessions,
    sender_rows,
    split_sessions,
)
from bot.storage.tracker_cache import TrackerCache
from bot.storage.tracker_cache import stamp as tracker_stamp

logger = logging.getLogger(__name__)

FORGET_ACTION = "action_forget"
# "I'd rather not take part after all, please do not store my answers" at the play-back:
# action_record_consent deletes everything as "forget me" does (set W)
WITHDRAW_ACTION = "action_record_consent"
CLOSE_ACTION = "action_close"
# On a tracker handed out by the cache: how many of its events the database holds.
STORED = "_bucks_lis_events_stored"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")  # as bot/storage/db.py; NORMAL is safe with WAL
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _marker(events: Iterable[Event]) -> str | None:
    """`forget` or `close` if an action of ours ended the session in these events."""
    last_action = None
    found = None
    for event in events:
        if isinstance(event, ActionExecuted):
            last_action = event.action_name
        elif isinstance(event, AllSlotsReset) and last_action in (
            FORGET_ACTION,
            WITHDRAW_ACTION,
            CLOSE_ACTION,
        ):
            found = "close" if last_action == CLOSE_ACTION else "forget"
    return found


class ConsultationTrackerStore(SQLTrackerStore):
    """SQLTrackerStore on `DATABASE_URL` that keeps nothing of sessions without consent."""

    engine: Any  # set by SQLTrackerStore.__init__ (Rasa ships no types), replaced below

    def __init__(
        self,
        domain: Any = None,
        host: str | None = None,
        event_broker: Any = None,
        database_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        url = make_url(database_url or settings().database_url)
        self._database_url = url
        kwargs.pop("dialect", None)
        kwargs.pop("db", None)
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database or "",
            username=url.username,
            password=url.password,
            event_broker=event_broker,
            query=dict(url.query),
            **kwargs,
        )
        self._use_pooled_engine(url)
        self._cache = TrackerCache(settings().tracker_cache_size)

    def _use_pooled_engine(self, url: Any) -> None:  # noqa: ANN401 - SQLAlchemy URL
        """Keep connections open between turns (measured, benchmarks/profile_turn.py).

        Rasa's engine for SQLite is SQLAlchemy 1.4's NullPool: every turn opened a
        connection, set its pragmas and closed it, and closing the last connection
        checkpoints the WAL, a third of the Rasa process's database time. PostgreSQL
        connections are checked before use, so a database restart costs no failed turn.
        """
        self.engine.dispose()
        if url.get_backend_name() == "sqlite":
            self.engine = sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                pool_size=5,
                max_overflow=10,
                connect_args={"check_same_thread": False, "timeout": 10},
            )
            sa.event.listen(self.engine, "connect", _set_sqlite_pragmas)
        else:
            self.engine = sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
        self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)

    def get_db_url(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        """Use DATABASE_URL as it is (Rasa would rebuild it from parts)."""
        return self._database_url

    def _event_query(
        self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Any:  # noqa: ANN401 - a SQLAlchemy query
        """Rasa's query for a conversation's events, its latest session found by event id.

        Rasa takes the events stamped at or after the newest `session_started`, so a turn
        stamped earlier (the clock stepped back, or the turn ran on a replica whose clock
        is behind) was left out when the conversation was read again: its answers vanished
        from the dialogue and the next save wrote stored events again; a session begun
        after the step was not the latest at all (fault probe s45). Ids only grow."""
        events = self.SQLEvent
        query = session.query(events).filter(events.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            latest_start = (
                session.query(sa.func.max(events.id).label("session_start"))
                .filter(events.sender_id == sender_id, events.type_name == SessionStarted.type_name)
                .scalar_subquery()
            )
            query = query.filter(sa.or_(latest_start.is_(None), events.id >= latest_start))
        return query.order_by(events.id)

    def _delete(self, session: Any, sender_id: str, since_last_session: bool) -> int:
        conn = session.connection()
        sessions = split_sessions(sender_rows(conn, sender_id))
        if since_last_session:
            sessions = sessions[-1:]
        return delete_ids(conn, [r.id for s in sessions for r in s])

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker: the one the last turn saved if the database still
        holds exactly that (bot/storage/tracker_cache.py), else rebuilt from its events."""
        if self._cache.size > 0:
            with self.engine.connect() as conn:
                cached = self._cache.take(sender_id, tracker_stamp(conn, sender_id))
            if cached is not None:
                # the stamp matched: the database holds exactly these events, so save()
                # need not count them (Rasa's `_additional_events` query, every turn)
                setattr(cached, STORED, len(cached.events))
                return cached
        return await super().retrieve(sender_id)

    async def retrieve_to_read(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker for a read-only look before the turn (is this message a resend of
        the latest turn? bot/channels/resend.py), leaving the turn's own `retrieve` a cache
        hit: a cached tracker is not taken, a rebuilt one is cached. Must not be changed."""
        if self._cache.size <= 0:
            return await super().retrieve(sender_id)
        with self.engine.connect() as conn:
            at = tracker_stamp(conn, sender_id)
        tracker = self._cache.peek(sender_id, at)
        if tracker is None:
            tracker = await super().retrieve(sender_id)
            if tracker is not None:
                self._cache.put(sender_id, at, tracker)  # a later write makes it a miss
        return tracker

    def _new_events(self, session: Any, tracker: DialogueStateTracker) -> list[Event]:
        """The tracker's events the database does not hold yet: counted there, as Rasa does,
        unless the tracker came from the cache, which knows."""
        stored = vars(tracker).pop(STORED, None)
        if stored is None:
            return list(self._additional_events(session, tracker))
        return list(itertools.islice(tracker.events, stored, None))

    def _remember(self, tracker: DialogueStateTracker, new_events: list[Event]) -> None:
        """Cache the saved tracker, unless this turn opened a session: then its events
        start earlier than the database's latest session, which Rasa counts on."""
        if self._cache.size <= 0 or any(isinstance(e, SessionStarted) for e in new_events):
            self._cache.drop(tracker.sender_id)
            return
        try:
            with self.engine.connect() as conn:
                at = tracker_stamp(conn, tracker.sender_id)
        except sa.exc.SQLAlchemyError as error:
            # The turn is saved: failing it now would have the client resend a saved turn.
            logger.warning(
                "Tracker not cached: the database went away after the save (%s)",
                str(error).splitlines()[0],
            )
            return
        self._cache.put(tracker.sender_id, at, tracker)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the turn's new events, applying the consent rules above."""
        self._cache.drop(tracker.sender_id)
        with self.session_scope() as session:
            new_events = self._new_events(session, tracker)
            marker = _marker(new_events)
            if marker == "forget":
                n = self._delete(session, tracker.sender_id, since_last_session=False)
                session.commit()
                logger.info("Forgot sender: deleted %d transcript events", n)
                return
            if marker == "close" and tracker.get_slot(CONSENT_SLOT) is not True:
                if any(isinstance(e, SessionStarted) for e in new_events):
                    # this session was never written; earlier ones have ended
                    n = delete_unconsented_sessions(session.connection(), tracker.sender_id)
                else:
                    n = self._delete(session, tracker.sender_id, since_last_session=True)
                session.commit()
                logger.info("Session without consent ended: deleted %d events", n)
                return
            if any(isinstance(e, SessionStarted) for e in new_events):
                # Everything stored belongs to earlier sessions, which have now ended.
                delete_unconsented_sessions(session.connection(), tracker.sender_id)
            await self.stream_events(tracker)
            for event in new_events:
                data = event.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()
        self._remember(tracker, new_events)


# Importing the tracker store (Rasa does, from endpoints.yml) also installs the guard that
# turns an unreachable or slow action server into a polite reply; see bot/channels/resilience.
def _install_resilience() -> None:
    from bot.production.transcript_guard import install as fail_closed

    fail_closed()  # a database outage fails the turn (client resends) instead of forgetting it
    try:
        from bot.channels.resilience import install
    except ImportError:  # pragma: no cover - channels are optional for storage users
        return
    install()


_install_resilience()
