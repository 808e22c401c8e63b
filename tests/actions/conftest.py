"""Tracker fixtures for hermetic action tests (in the style of RasaHQ/financial-demo).

Actions run against a fresh SQLite database (`database_url` from tests/conftest.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "domain.yml"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run an action's (async) `run` or a form validator to completion."""
    return asyncio.run(coro)


def stored_business(sender: str) -> Any:  # noqa: ANN401 - a detached bot.storage Business
    """The business profile stored for `sender`, detached so its fields stay readable."""
    from sqlalchemy import select

    from bot.storage.db import session_scope
    from bot.storage.models import Business

    with session_scope() as session:
        business = session.scalars(select(Business).where(Business.sender_id == sender)).one()
        session.expunge(business)
        return business


def user_event(text: str, intent: str = "inform", channel: str = "rest") -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "input_channel": channel,
        "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text},
    }


def action_event(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


# What a business has seen when the consent question waits for its answer
CONSENT_SHOWN = [
    action_event(name)
    for name in ("utter_welcome", "utter_privacy", "utter_ask_consent", "action_listen")
]


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


def validate_strategy_answer(
    slot: str, sender: str, text: str, slots: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """Run the strategy form's validation of `slot` ("seabed_answer", "island_answer") on
    `text` with `slots` set; the slots it returns and the replies it sent."""
    from actions.consultation import ValidateStrategyForm

    tracker = make_tracker(sender, text, slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = getattr(ValidateStrategyForm(), f"validate_{slot}")(text, sent, tracker, {})
    return result, texts(sent)


def slot_sets(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture(autouse=True)
def keyword_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hermetic tagging: theme names and synonyms from seeds, no trained model needed.

    The trained tagger is tested by its own issue; these tests check what actions store.
    """
    import bot.tagging
    from bot.consultation.described import choice_norm
    from bot.consultation.questions import names_only
    from bot.strategy import THEME_IDS
    from bot.tagging.question_context import question_theme
    from bot.tagging.result import TagResult

    def tag(text: str, question_key: str | None = None) -> TagResult:
        asked = question_theme(question_key)  # as the real tagger's question prior
        named = names_only(choice_norm(text))
        themes = [t for t in THEME_IDS if t in named or (t == asked and text.strip())]
        return TagResult(
            themes=themes,
            scores={t: (0.9 if t in themes else 0.01) for t in THEME_IDS},
            evidence={t: [text[:40]] for t in themes},
            model_version="test-keywords",
        )

    monkeypatch.setattr(bot.tagging, "tag", tag)
    monkeypatch.setattr(bot.tagging, "model_version", lambda: "test-keywords")


def two_answers(sender: str, second: tuple[str, str]) -> None:
    """A consenting business with a digital science answer and `second` (key, text)."""
    from bot.consultation import service

    service.record_consent(sender, "rest", True)
    service.record_answer(
        sender,
        "rest",
        "we'd like AI to price jobs from drawings",
        "seabed:digital_science:views",
        "q",
    )
    service.record_answer(sender, "rest", second[1], second[0], "q")


def correction_started(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    """The correction form started at the play-back by `text` (read as a no): the slots
    it sets and the replies it sent."""
    from actions.playback import ValidateCorrectionForm

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender, text, "deny", slots={"stage": "playback"})
    result = run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, {}))
    return result, texts(dispatcher)


def answered(
    text: str,
    key: str,
    confidence: float,
    sender: str = "business-1",
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    domain: dict[str, Any] | None = None,
) -> list[str]:
    """What action_answer_question says to `text`, with NLU's FAQ choice `key`."""
    from actions.faq import ActionAnswerQuestion

    tracker = make_tracker(sender, text, "faq", slots, events, active_loop)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": f"faq/{key}", "confidence": confidence}}
    }
    sent = CollectingDispatcher()
    run(ActionAnswerQuestion().run(sent, tracker, domain or {}))
    return texts(sent)
