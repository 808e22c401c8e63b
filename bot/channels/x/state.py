"""Small named values the X channel keeps in the database (`x_state`), shared by replicas:
the search position, the stream's last post, revoked access, the last compliance check."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from bot.storage.db import session_scope
from bot.storage.models import XState, utcnow

SEARCH_SINCE_ID = "search_since_id"
STREAM_LAST_ID = "stream_last_id"
REVOKED = "revoked"
COMPLIANCE_LAST_RUN = "compliance_last_run"
UNKNOWN_EVENT_TYPES = "unknown_event_types"
SUBSCRIBED_ACCOUNTS = "subscribed_accounts"


def get_state(key: str, engine: Engine | None = None) -> Any:
    with session_scope(engine) as session:
        row = session.get(XState, key)
        return None if row is None else row.value


def set_state(key: str, value: Any, engine: Engine | None = None) -> None:
    with session_scope(engine) as session:
        row = session.get(XState, key)
        if row is None:
            session.add(XState(key=key, value=value, updated_at=utcnow()))
        else:
            row.value = value
            row.updated_at = utcnow()


def count_unknown_types(types: list[str], engine: Engine | None = None) -> None:
    """Adds to the per-type tally of XAA event types we ignore (shown to staff)."""
    if not types:
        return
    with session_scope(engine) as session:
        row = session.get(XState, UNKNOWN_EVENT_TYPES)
        tally = dict(row.value or {}) if row is not None else {}
        for kind in types:
            tally[kind[:64]] = int(tally.get(kind[:64], 0)) + 1
        if row is None:
            session.add(XState(key=UNKNOWN_EVENT_TYPES, value=tally, updated_at=utcnow()))
        else:
            row.value = tally
            row.updated_at = utcnow()


def note_subscribed(user_ids: list[str], engine: Engine | None = None) -> list[str]:
    """Remembers the accounts X delivers for (`for_user_id`, XAA `filter.user_id`): without
    `X_BOT_USER_ID` they are how the bot account is known when X says it revoked our access
    (`user_event`, `oauth.revoke` carry no such field). Returns them all."""
    with session_scope(engine) as session:
        row = session.get(XState, SUBSCRIBED_ACCOUNTS)
        known = [str(u) for u in (row.value or [])] if row is not None else []
        new = [u for u in dict.fromkeys(user_ids) if u and u not in known]
        if new:
            known = (known + new)[-50:]
            if row is None:
                session.add(XState(key=SUBSCRIBED_ACCOUNTS, value=known, updated_at=utcnow()))
            else:
                row.value = known
                row.updated_at = utcnow()
        return known
