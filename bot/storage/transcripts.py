"""Read a conversation back from Rasa's tracker store (`events` table).

Rasa's SQLTrackerStore keeps one row per event: id, sender_id, type_name,
timestamp (epoch seconds), intent_name, action_name and `data` (the event as JSON).
We turn the `user` and `bot` events into a list of turns. Nothing here knows Rasa
beyond that table layout.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Float, Integer, String, Text, column, inspect, select, table
from sqlalchemy.orm import Session

EVENTS = table(
    "events",
    column("id", Integer),
    column("sender_id", String),
    column("type_name", String),
    column("timestamp", Float),
    column("intent_name", String),
    column("action_name", String),
    column("data", Text),
)

USER = "user"
BOT = "bot"


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class Turn:
    """One message in a transcript."""

    speaker: str  # "user" or "bot"
    text: str
    at: datetime | None
    buttons: list[Button] = field(default_factory=list)
    intent: str | None = None
    event_id: int | None = None
    # Set when a user's message is a button press: the button's visible title.
    button_title: str | None = None


# The payload the website widget sends as it opens (bot/widget/static/bucks-lis-chat.js,
# initPayload): the staff transcript showed it as the business's first words (browser probe)
WIDGET_OPENING = "/greet"


# Half of an emoji (a lone UTF-16 surrogate) a chat message carried into the transcript
# before the channels dropped it: the page showing it could not be written as UTF-8 (a 500
# on the staff transcript page: attack probe s44).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _readable(value: Any) -> str:
    """A stored value as text that can be shown and written out."""
    return _LONE_SURROGATE.sub("", "" if value is None else str(value))


def _when(ts: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(ts), tz=timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _load(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except (TypeError, ValueError, RecursionError):  # nested too deep: attack probe s43
        return {}
    return value if isinstance(value, dict) else {}


def _buttons(data: dict[str, Any]) -> list[Button]:
    nested = data.get("data")
    inner: dict[str, Any] = nested if isinstance(nested, dict) else {}
    raw = inner.get("buttons") or data.get("buttons") or []
    buttons: list[Button] = []
    for b in raw if isinstance(raw, list) else []:
        if isinstance(b, dict):
            buttons.append(
                Button(
                    title=_readable(b.get("title") or ""), payload=_readable(b.get("payload") or "")
                )
            )
    return buttons


def has_events_table(session: Session) -> bool:
    return inspect(session.connection()).has_table("events")


def transcript(session: Session, sender_id: str) -> list[Turn]:
    """The user and bot turns for `sender_id`, oldest first ([] without a tracker store)."""
    if not has_events_table(session):
        return []
    rows = session.execute(
        select(
            EVENTS.c.id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.intent_name, EVENTS.c.data
        )
        .where(EVENTS.c.sender_id == sender_id, EVENTS.c.type_name.in_((USER, BOT)))
        # in the order saved, as Rasa reads it: a clock that stepped back put later turns
        # first by timestamp (fault probe s45)
        .order_by(EVENTS.c.id)
    ).all()
    turns: list[Turn] = []
    last_buttons: list[Button] = []
    for event_id, type_name, ts, intent_name, raw in rows:
        data = _load(raw)
        text = _readable(data.get("text"))
        when = _when(ts if ts is not None else data.get("timestamp"))
        if type_name == BOT:
            buttons = _buttons(data)
            if not text and not buttons:
                continue
            turns.append(Turn(BOT, text, when, buttons=buttons, event_id=event_id))
            last_buttons = buttons or last_buttons
        else:
            intent = intent_name
            if not intent:
                parse = data.get("parse_data") if isinstance(data.get("parse_data"), dict) else {}
                intent = (parse.get("intent") or {}).get("name") if parse else None
            title = next((b.title for b in last_buttons if b.payload and b.payload == text), None)
            if text == WIDGET_OPENING and title is None:
                continue  # sent by the widget as it opens, not typed by the business
            turns.append(
                Turn(USER, text, when, intent=intent, event_id=event_id, button_title=title)
            )
            last_buttons = []
    return turns
