"""What the X channel remembers between deliveries: events seen, choices offered.

Two implementations of each: in process memory (one process, tests of the output alone),
and in the database (`Db...`), which every Rasa replica behind one webhook shares. With
the database, the replica that first inserts an event's key handles it; X's retry landing
on another replica finds the key and is dropped.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.channels.x.inbound import as_str
from bot.storage.db import session_scope
from bot.storage.models import XChoice, XSeenEvent, utcnow

logger = logging.getLogger(__name__)

REMEMBERED = 10_000
SEEN_FOR = timedelta(days=3)  # X retries a delivery for a few hours at most
# A claim whose turn has not finished lapses after this: a process that died mid-turn never
# releases its claim, and X's later retries (three within five minutes) were dropped as
# duplicates, the DM lost (fault probe, 7 Dec). A turn still running past it is safe to
# answer twice: the resend check replays it by its message id (bot/channels/resend.py).
IN_FLIGHT_FOR = timedelta(seconds=45)
CHOICES_FOR = timedelta(days=2)
NUMBER_RE = re.compile(r"^\s*#?(\d{1,2})\s*[.)]?\s*$")


def _pairs(buttons: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (as_str(b.get("title")), as_str(b.get("payload") or b.get("title")))
        for b in buttons
        if isinstance(b, dict)
    ]


def pick(pairs: list[tuple[str, str]] | None, text: str) -> str:
    """The payload `text` picks from `pairs` (by number or title), or `text` unchanged."""
    if not pairs:
        return text
    number = NUMBER_RE.match(text)
    if number and 1 <= int(number.group(1)) <= len(pairs):
        return pairs[int(number.group(1)) - 1][1]
    folded = text.strip().casefold()
    for title, payload in pairs:
        if title and title.strip().casefold() == folded:
            return payload
    return text


class RecentIds:
    """The last `size` event keys in this process."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def seen(self, key: str) -> bool:
        """True if `key` was seen before; records it either way."""
        if key in self._ids:
            self._ids.move_to_end(key)
            return True
        self._ids[key] = None
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return False

    def release(self, key: str) -> None:
        """Handling failed: let X's retry try again."""
        self._ids.pop(key, None)

    def done(self, key: str) -> None:
        """Handled: nothing to do in memory (a process that dies forgets its claims)."""


class Choices:
    """The buttons last offered to each sender, in this process."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._by_sender: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()

    def offer(self, sender_id: str, buttons: list[dict[str, Any]]) -> None:
        self._by_sender[sender_id] = _pairs(buttons)
        self._by_sender.move_to_end(sender_id)
        while len(self._by_sender) > self.size:
            self._by_sender.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._by_sender.pop(sender_id, None)

    def resolve(self, sender_id: str, text: str) -> str:
        return pick(self._by_sender.get(sender_id), text)


class DbSeenEvents:
    """Seen event keys in `x_seen_events`, shared by replicas: claimed for `lease` while the
    turn runs, then kept for `ttl` once it is done."""

    def __init__(
        self,
        engine: Engine | None = None,
        ttl: timedelta = SEEN_FOR,
        lease: timedelta = IN_FLIGHT_FOR,
    ) -> None:
        self.engine = engine
        self.ttl = ttl
        self.lease = lease
        self._claims = 0

    def seen(self, key: str) -> bool:
        """Claims `key`; True if another delivery (any replica) claimed it first and has
        finished it, or is still within its lease."""
        now = utcnow()
        try:
            with session_scope(self.engine) as session:
                session.add(XSeenEvent(key=key[:160], seen_at=now, expires_at=now + self.lease))
        except IntegrityError:
            with session_scope(self.engine) as session:
                row = session.get(XSeenEvent, key[:160])
                if row is None or row.expires_at > now:
                    return True
                # lapsed: its handler died mid-turn, or it was seen days ago; claim anew
                row.seen_at, row.expires_at = now, now + self.lease
            return False
        self._claims += 1
        if self._claims % 500 == 1:
            self.expire()
        return False

    def release(self, key: str) -> None:
        with session_scope(self.engine) as session:
            session.execute(delete(XSeenEvent).where(XSeenEvent.key == key[:160]))

    def done(self, key: str) -> None:
        """The turn finished: X's retries of it are duplicates for `ttl` (a released claim
        stays released)."""
        with session_scope(self.engine) as session:
            session.execute(
                update(XSeenEvent)
                .where(XSeenEvent.key == key[:160])
                .values(expires_at=utcnow() + self.ttl)
            )

    def expire(self) -> int:
        with session_scope(self.engine) as session:
            result = session.execute(delete(XSeenEvent).where(XSeenEvent.expires_at <= utcnow()))
            return result.rowcount or 0


class DbChoices:
    """Offered buttons in `x_choices`, so a reply "2" works whichever replica gets it."""

    def __init__(self, engine: Engine | None = None, ttl: timedelta = CHOICES_FOR) -> None:
        self.engine = engine
        self.ttl = ttl

    def offer(self, sender_id: str, buttons: list[dict[str, Any]]) -> None:
        pairs = [list(p) for p in _pairs(buttons)]
        with session_scope(self.engine) as session:
            row = session.get(XChoice, sender_id)
            if row is None:
                session.add(XChoice(sender_id=sender_id, choices=pairs, offered_at=utcnow()))
            else:
                row.choices, row.offered_at = pairs, utcnow()

    def forget(self, sender_id: str) -> None:
        with session_scope(self.engine) as session:
            session.execute(delete(XChoice).where(XChoice.sender_id == sender_id))

    def resolve(self, sender_id: str, text: str) -> str:
        with session_scope(self.engine) as session:
            row = session.execute(
                select(XChoice.choices, XChoice.offered_at).where(XChoice.sender_id == sender_id)
            ).first()
        if row is None or row.offered_at < utcnow() - self.ttl:
            return text
        return pick([(str(t), str(p)) for t, p in row.choices], text)
