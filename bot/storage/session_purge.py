"""Which transcript events to delete for sessions without consent: SQL only, no Rasa.

Kept apart from `tracker_store.py` so the `bucks-lis run` supervisor can purge idle
declined sessions every five minutes without importing Rasa (~600 MB).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from bot.config import settings
from bot.storage.transcripts import EVENTS  # Rasa's events table

logger = logging.getLogger(__name__)

CONSENT_SLOT = "consent"
SESSION_STARTED = "session_started"  # Rasa's SessionStarted.type_name
# Rasa's default session expiry is 60 minutes (domain.yml session_config).
DEFAULT_IDLE_SECONDS = 60 * 60


def _consented(rows: Iterable[tuple[str, str]]) -> bool:
    """Did the business agree to take part within these (type_name, data) rows?"""
    agreed = False
    for type_name, data in rows:
        if type_name != "slot":
            continue
        try:
            event = json.loads(data)
        except (TypeError, ValueError):
            continue
        if event.get("name") == CONSENT_SLOT:
            agreed = event.get("value") is True
    return agreed


def split_sessions(rows: list[Any]) -> list[list[Any]]:
    """Split a sender's rows (ordered by id) into sessions.

    Rasa writes `action_session_start` just before `session_started`; both open a session.
    """
    starts = set()
    for i, row in enumerate(rows):
        if row.type_name == SESSION_STARTED:
            starts.add(i - 1 if i > 0 and rows[i - 1].type_name == "action" else i)
    sessions: list[list[Any]] = []
    current: list[Any] = []
    for i, row in enumerate(rows):
        if i in starts and current:
            sessions.append(current)
            current = []
        current.append(row)
    if current:
        sessions.append(current)
    return sessions


def sender_rows(conn: Any, sender_id: str) -> list[Any]:
    return conn.execute(
        sa.select(EVENTS.c.id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
        .where(EVENTS.c.sender_id == sender_id)
        .order_by(EVENTS.c.id)
    ).all()


def delete_ids(conn: Any, ids: list[int]) -> int:
    for start in range(0, len(ids), 500):
        conn.execute(sa.delete(EVENTS).where(EVENTS.c.id.in_(ids[start : start + 500])))
    return len(ids)


def delete_unconsented_sessions(
    conn: sa.engine.Connection,
    sender_id: str,
    *,
    keep_last: bool = False,
    idle_before: float | None = None,
) -> int:
    """Delete a sender's sessions in which it never agreed to take part.

    `keep_last` spares the most recent session (still running); `idle_before` only
    deletes sessions whose last event is older than this timestamp.
    """
    sessions = split_sessions(sender_rows(conn, sender_id))
    if keep_last:
        sessions = sessions[:-1]
    doomed: list[int] = []
    for session in sessions:
        if _consented((r.type_name, r.data) for r in session):
            continue
        if idle_before is not None and max(r.timestamp or 0 for r in session) >= idle_before:
            continue
        doomed.extend(r.id for r in session)
    return delete_ids(conn, doomed)


def purge_unconsented_sessions(
    database_url: str | None = None,
    idle_seconds: float = DEFAULT_IDLE_SECONDS,
    now: float | None = None,
) -> int:
    """Delete transcript events of idle sessions without consent, for every sender.

    Returns the number of events deleted. Safe to run while the bot is running.
    """
    from bot.storage.db import engine_for

    engine = engine_for(database_url or settings().database_url)
    if not sa.inspect(engine).has_table("events"):
        return 0
    cutoff = (now if now is not None else time.time()) - idle_seconds
    deleted = 0
    with engine.begin() as conn:
        senders = conn.execute(sa.select(EVENTS.c.sender_id).distinct()).scalars().all()
        for sender_id in senders:
            deleted += delete_unconsented_sessions(conn, sender_id, idle_before=cutoff)
    if deleted:
        logger.info("Purged %d transcript events of sessions without consent", deleted)
    return deleted
