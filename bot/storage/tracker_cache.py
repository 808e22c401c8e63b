"""Trackers kept between turns in the Rasa process, so a turn need not rebuild its
conversation from the database (measured: rebuilding was half of Rasa's CPU per turn).

The balancer keeps a conversation on one replica, so the tracker a turn saved is usually
the one the next turn needs. It is used only if the database still holds exactly what that
save left (same last event id, event count and total event size, checked with one indexed
query): any write elsewhere (another replica, an erasure, the purge) means a rebuild. A
tracker is handed out once (`take`): a turn that fails before saving leaves nothing cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import sqlalchemy as sa

from bot.storage.transcripts import EVENTS

Stamp = tuple[Any, ...]


def stamp(conn: sa.engine.Connection, sender_id: str) -> Stamp:
    """What the database holds for this sender, in three numbers."""
    row = conn.execute(
        sa.select(
            sa.func.max(EVENTS.c.id), sa.func.count(), sa.func.sum(sa.func.length(EVENTS.c.data))
        ).where(EVENTS.c.sender_id == sender_id)
    ).one()
    return tuple(row)


class TrackerCache:
    """At most `size` trackers, least recently saved dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[Stamp, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def put(self, sender_id: str, at: Stamp, tracker: Any) -> None:  # noqa: ANN401
        if self.size <= 0:
            return
        with self._lock:
            self._items[sender_id] = (at, tracker)
            self._items.move_to_end(sender_id)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def peek(self, sender_id: str, at: Stamp) -> Any:  # noqa: ANN401
        """The cached tracker if the database is still at `at`, left in the cache: for a
        read-only look before the turn (bot/channels/resend.py), whose own `take` follows."""
        with self._lock:
            item = self._items.get(sender_id)
        return item[1] if item is not None and item[0] == at else None

    def take(self, sender_id: str, at: Stamp) -> Any:  # noqa: ANN401
        """The cached tracker if the database is still at `at` (removed either way)."""
        with self._lock:
            item = self._items.pop(sender_id, None)
        if item is not None and item[0] == at:
            self.hits += 1
            return item[1]
        self.misses += 1
        return None

    def drop(self, sender_id: str) -> None:
        with self._lock:
            self._items.pop(sender_id, None)
