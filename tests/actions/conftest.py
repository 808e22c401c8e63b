"""Tracker fixtures for hermetic action tests (in the style of RasaHQ/financial-demo).

Actions run against a fresh SQLite database (`database_url` from tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "domain.yml"


def user_event(text: str, intent: str = "inform", channel: str = "rest") -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "input_channel": channel,
        "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": [],
                       "text": text},
    }


def action_event(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def slot_event(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def make_tracker(
    sender_id: str = "business-1",
    text: str = "hello",
    intent: str = "inform",
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    channel: str = "rest",
) -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    history = list(events or [])
    history.append(user_event(text, intent, channel))
    return Tracker(
        sender_id,
        dict(slots or {}),
        latest,
        history,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    with open(DOMAIN_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture()
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def slot_sets(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
