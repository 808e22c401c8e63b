"""What set W of unseen conversations (benchmarks/data/conversation_probe_w.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): a withdrawal that
asks for nothing to be kept deletes everything; one that only stops keeps what was said;
"skip to the end" at an open question finishes, a view with those words is kept."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.close import ActionClose
from actions.strategy_state import DONE
from bot.consultation import service
from bot.consultation.leaving import asks_to_delete
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import make_tracker, run, texts, validate_strategy_answer

ROADS = "seabed:infrastructure:views"


def _consulted(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.save_profile(sender, "rest", organisation="Wycombe Upholstery")
    service.record_answer(
        sender, "rest", "we re-cover sofas for film sets at Pinewood", ROADS, None
    )


@pytest.mark.parametrize(
    "text",
    [
        "actually I've changed my mind, I don't want to take part after all. please don't "
        "keep what I've said",  # the set's
        "sorry, I'd rather not do this after all, I'd rather you didn't keep any of it",
        "changed my mind about taking part, please do not store my answers",
        "no longer want to participate, please dont keep anything I said",
    ],
)
def test_withdrawing_and_asking_nothing_be_kept_deletes_everything(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    _consulted("w-withdraw")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("w-withdraw", text, "consent_decline", slots={"consent": True})
    events = run(ActionClose().run(dispatcher, tracker, domain))
    assert "deleted everything" in texts(dispatcher)[0]
    assert [e["event"] for e in events] == ["active_loop", "reset_slots", "slot"]
    assert service.recorded_answers("w-withdraw") == []
    with session_scope() as session:
        assert session.scalars(select(Business)).all() == []


def test_withdrawing_alone_keeps_what_was_said(database_url: str, domain: dict[str, Any]) -> None:
    _consulted("w-stop")
    dispatcher = CollectingDispatcher()
    text = "actually I've changed my mind, I don't want to take part after all"
    tracker = make_tracker("w-stop", text, "consent_decline", slots={"consent": True})
    run(ActionClose().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_stopped_taking_part"
    assert len(service.recorded_answers("w-stop")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "we don't keep anything in stock for long because deliveries on the A41 are so slow",
        "customers ask us not to keep their data so cloud tools are a headache",
        "keep my views but don't keep my name",
        "the council didn't keep its promise on the Stokenchurch bypass",
    ],
)
def test_a_view_with_dont_keep_in_it_is_no_request_to_delete(text: str) -> None:
    assert not asks_to_delete(text)


def _answer(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    return validate_strategy_answer("seabed_answer", sender, text, slots)


@pytest.mark.parametrize(
    "text",
    ["can we skip to the end please, I'm short on time", "jump straight to the end pls"],
)
def test_skip_to_the_end_finishes_and_keeps_nothing(database_url: str, text: str) -> None:
    service.record_consent("w-end", "rest", True)
    result, _ = _answer("w-end", text)
    assert result.get("seabed_answer") == DONE
    assert service.recorded_answers("w-end") == []


@pytest.mark.parametrize(
    "text",
    [
        "skip to the end of the A41 queue and you'll see our depot flooded every winter",
        "go to the end of Wendover high street and there's nowhere to park for deliveries",
        "we jump to the end of every council list for road repairs, the potholes are awful",
    ],
)
def test_a_view_with_skip_to_the_end_in_it_is_kept(database_url: str, text: str) -> None:
    service.record_consent("w-view", "rest", True)
    result, _ = _answer("w-view", text)
    assert result == {"seabed_answer": DONE, "pending_questions": []}
    [answer] = service.recorded_answers("w-view")
    assert answer.text == text
    assert "infrastructure" in answer.themes
