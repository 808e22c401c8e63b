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


QUESTION_WORDS = {
    "what", "whats", "what's", "who", "whos", "who's", "how", "when", "where", "why", "which",
    "is", "are", "can", "could", "do", "does", "will", "tell", "explain",
}


def looks_like_question(text: str) -> bool:
    """"what is the arc?" is a question; "What would help? A train to MK" is an answer."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    words = stripped.lower().split()
    return bool(words) and words[0] in QUESTION_WORDS and "?" not in stripped and len(words) <= 10


def answer_read_as_question(tracker: Tracker, slot: str) -> dict[str, Any]:
    """Take a form answer NLU mistook for an FAQ question ("the biggest issue is ...").

    Used as `extract_<slot>`: the slot's from_text mapping skips the faq intent so real
    questions are answered mid-form; this keeps answers that only sound like one.
    """
    if tracker.get_slot("requested_slot") != slot or latest_intent(tracker) != "faq":
        return {}
    text = latest_text(tracker)
    if not text or looks_like_question(text):
        return {}
    return {slot: text}


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


__all__ = [
    "SKIPPED", "answer_read_as_question", "as_text", "buttons", "channel", "latest_intent",
    "latest_text", "looks_like_question", "skipped",
]
