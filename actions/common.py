"""Small helpers shared by the action modules (the only Rasa-aware code besides channels)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.consultation.questions import SKIPPED, is_skip

DEFAULT_CHANNEL = "rest"


def channel(tracker: Tracker) -> str:
    """The channel the business is writing on (rest, socketio, ...)."""
    return tracker.get_latest_input_channel() or DEFAULT_CHANNEL


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def skipped(tracker: Tracker, value: Any) -> bool:
    """The business skipped this question (Skip button, skip intent or a skip word)."""
    return latest_intent(tracker) == "skip" or (isinstance(value, str) and is_skip(value))


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


__all__ = [
    "SKIPPED", "as_text", "buttons", "channel", "latest_intent", "latest_text", "skipped",
]
