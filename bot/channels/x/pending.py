"""Replies X did not take (429, a 5xx, no connection): kept and sent again later, in order.

Fault probe s46: the X output logged a failed DM or public reply and dropped it. The turn
was saved, so the business's answer was stored, but the bot's next question never reached
them and X's webhook had been answered 200: nothing ever sent it again, and the business
waited on a consultation that had silently stopped. Now such a reply is kept in the
database (`x_state`, one row per recipient, shared by replicas) and sent again with
back-off, each recipient's replies in the order said; a reply of a later turn waits behind
them. Only failures where X did not take the reply are kept: an answer that timed out after
X had the request may have been sent, and sending it again would say it twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import requests
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.channels.x.client import XAPIError, XClient, options_from_buttons
from bot.storage.db import session_scope
from bot.storage.models import XState, utcnow

logger = logging.getLogger(__name__)

PREFIX = "x-out:"  # + the recipient's sender id ("x-dm-123", "x-post-456")
EVERY_SECONDS = 15.0
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
KEPT_FOR = timedelta(hours=24)  # a reply older than this no longer fits the conversation
CLAIM = timedelta(seconds=60)  # one replica sends a recipient's replies at a time

Gate = Callable[[str], "str | None"]


def key_for(recipient_id: str) -> str:
    return f"{PREFIX}{recipient_id}"[:64]


def not_taken(error: BaseException) -> bool:
    """X did not take the request: rate-limited (429), failing (5xx), or never reached.
    A read timeout is not one: X may have sent it (a second send would repeat it)."""
    if isinstance(error, XAPIError):
        return error.status == 429 or error.status >= 500
    return isinstance(error, requests.ConnectionError) and not isinstance(
        error, requests.ReadTimeout
    )


def dm_item(user_id: str, text: str, buttons: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": "dm", "user_id": user_id, "text": text, "buttons": buttons}


def thread_item(parts: list[str], reply_to: str, summoned: bool) -> dict[str, Any]:
    return {"kind": "post", "parts": parts, "reply_to": reply_to, "summoned": summoned}


def _at(value: Any) -> datetime:
    """A stored time; none (or unreadable) is long past."""
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.min


class PendingReplies:
    """Each recipient's unsent replies, oldest first, in `x_state`."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine

    def waiting(self, recipient_id: str) -> bool:
        """Replies kept for this recipient: a new one must wait behind them."""
        with session_scope(self.engine) as session:
            row = session.get(XState, key_for(recipient_id))
            return row is not None and bool((row.value or {}).get("items"))

    def keep(self, recipient_id: str, item: dict[str, Any]) -> None:
        now = utcnow()
        with session_scope(self.engine) as session:
            row = session.get(XState, key_for(recipient_id), with_for_update=True)
            value = dict(row.value or {}) if row is not None else {}
            items = [*value.get("items", []), {**item, "kept_at": now.isoformat()}]
            value = {"attempts": 0, "next_at": (now + FIRST_WAIT).isoformat(), **value}
            value["items"] = items
            if row is None:
                session.add(XState(key=key_for(recipient_id), value=value, updated_at=now))
            else:
                row.value, row.updated_at = value, now
        logger.warning(
            "X: a reply to %s is kept to send again (%d waiting)", recipient_id, len(items)
        )

    def forget(self, recipient_id: str) -> None:
        with session_scope(self.engine) as session:
            row = session.get(XState, key_for(recipient_id))
            if row is not None:
                session.delete(row)

    def _claim_due(self) -> list[tuple[str, list[dict[str, Any]]]]:
        now = utcnow()
        due = []
        with session_scope(self.engine) as session:
            rows = session.scalars(
                select(XState).where(XState.key.startswith(PREFIX)).with_for_update()
            ).all()
            for row in rows:
                value = dict(row.value or {})
                if _at(value.get("next_at")) > now or _at(value.get("claimed_until")) > now:
                    continue
                value["claimed_until"] = (now + CLAIM).isoformat()
                row.value, row.updated_at = value, now
                due.append((row.key, list(value.get("items", []))))
        return due

    def _settle(self, key: str, claimed: list[dict[str, Any]], sent: int, failed: bool) -> None:
        """Drops the `sent` items of those `claimed` (a thread cut short keeps its unsent
        parts); after a failure, waits longer before the next try."""
        now = utcnow()
        with session_scope(self.engine) as session:
            row = session.get(XState, key, with_for_update=True)
            if row is None:  # erased meanwhile ("forget me", forget-x-user)
                return
            value = dict(row.value or {})
            kept_since = list(value.get("items", []))[len(claimed) :]  # a later turn's
            items = claimed[sent:] + kept_since
            if not items:
                session.delete(row)
                return
            attempts = int(value.get("attempts", 0)) + 1 if failed else 0
            wait = min(FIRST_WAIT * (2 ** max(attempts - 1, 0)), LONGEST_WAIT)
            value.update(items=items, attempts=attempts, next_at=(now + wait).isoformat())
            value.pop("claimed_until", None)
            row.value, row.updated_at = value, now

    def send_due(self, client: XClient, gate: Gate | None = None) -> int:
        """Sends what is due, each recipient in order, stopping at its first failure."""
        sent_total = 0
        for key, items in self._claim_due():
            sent, failed = 0, False
            for item in items:
                try:
                    _send(client, item, gate)
                except Exception as error:  # noqa: BLE001 - X's trouble, told in the log
                    if not_taken(error) and utcnow() - _at(item.get("kept_at")) < KEPT_FOR:
                        logger.warning("X: %s still not taken (%s); tried again later", key, error)
                        failed = True
                        break
                    logger.error("X: a kept reply to %s is dropped: %s", key, error)
                sent += 1
            sent_total += sent
            self._settle(key, items, sent, failed)
        return sent_total

    async def run(self, client: XClient, gate: Gate | None = None) -> None:
        while True:
            await asyncio.sleep(EVERY_SECONDS)
            try:
                count = await asyncio.to_thread(self.send_due, client, gate)
                if count:
                    logger.info("X: sent %d kept replies", count)
            except Exception:  # noqa: BLE001 - the database may be down: next round
                logger.exception("X: kept replies could not be sent this round")


def _send(client: XClient, item: dict[str, Any], gate: Gate | None) -> None:
    """One kept reply; a thread goes on from the last part X took (kept in `item`)."""
    kind = "dm" if item.get("kind") == "dm" else "public"
    reason = gate(kind) if gate is not None else None
    if reason:
        logger.warning("X: a kept %s reply is not sent: %s", kind, reason)
        return
    if kind == "dm":
        buttons = [b for b in item.get("buttons") or [] if isinstance(b, dict)]
        options = options_from_buttons(buttons) if buttons else None
        client.send_dm(str(item["user_id"]), str(item["text"]), options)
        return
    parts = [str(p) for p in item.get("parts") or []]
    while parts:
        summoned = bool(item.get("summoned"))
        new_id = client.post(parts[0], str(item["reply_to"]) or None, summoned=summoned)
        parts.pop(0)
        item["parts"], item["summoned"] = list(parts), False
        if new_id:
            item["reply_to"] = new_id
