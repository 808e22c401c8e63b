"""What the tenth set of unseen conversations (benchmarks/data/conversation_probe_j.yml)
found, fixed in the actions and kept so: a voice note or GIF placeholder never kept as an
answer or a name, anger at the bot never kept as a view, the closing date answered
beside a view, a pasted signature's firm as the organisation and a town kept without the
remark after it."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import answer_read_as_question
from actions.consultation import ValidateStrategyForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import SKIPPED, message
from tests.actions.conftest import make_tracker, stored_business, texts

SPACE = "island:space"
OPPS, BARRIERS = f"{SPACE}:opportunities", f"{SPACE}:barriers"
VIEW = "seabed:environment_quality_of_life:views"


def _answer(
    sender: str, text: str, pending: list[str], intent: str = "inform"
) -> tuple[dict[str, Any], list[str]]:
    """Validate `text` at the first pending question."""
    dispatcher = CollectingDispatcher()
    slots = {"islands": ["space"], "pending_questions": pending}
    tracker = make_tracker(sender, text, intent, slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


def _answers(sender: str) -> list[tuple[str | None, str]]:
    return [(a.question_key, a.text) for a in service.recorded_answers(sender)]


def test_a_voice_message_is_not_kept_and_the_question_is_asked_again(
    database_url: str,
) -> None:
    service.record_consent("j-voice", "rest", True)
    result, replies = _answer("j-voice", "[Voice message]", [OPPS, BARRIERS], intent="greet")
    assert result == {"island_answer": None}
    assert replies == [message("media")]
    assert _answers("j-voice") == []
    text = "sorry driving. the test site at westcott brings us clients from all over europe"
    result, _ = _answer("j-voice", text, [OPPS, BARRIERS])
    assert result == {"island_answer": None, "pending_questions": [BARRIERS]}
    assert _answers("j-voice") == [(OPPS, text)]


def test_anger_at_the_bot_is_not_kept_as_a_view(database_url: str) -> None:
    service.record_consent("j-angry", "rest", True)
    text = "you're useless, this is a waste of my time"
    result, replies = _answer("j-angry", text, [OPPS, BARRIERS])
    assert result == {"island_answer": None}
    assert replies == [message("fed_up")]
    assert _answers("j-angry") == []


def test_anger_at_the_bot_in_the_profile_moves_on_to_what_matters(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("j-angry2", "rest", True)
    text = "stupid bot"
    tracker = make_tracker("j-angry2", text, slots={"organisation": "Vale Vets"})
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    assert result == {s: SKIPPED for s in ("sector", "size_band", "location", "role")}
    assert texts(dispatcher) == [message("profile_impatient")]


def test_the_closing_date_is_answered_beside_the_view(database_url: str) -> None:
    service.record_consent("j-date", "rest", True)
    text = (
        "when does the consultation close? also the air on the high street in chesham is "
        "awful with the lorries idling"
    )
    dispatcher = CollectingDispatcher()
    slots = {"seabed": ["environment_quality_of_life"], "pending_questions": [VIEW]}
    tracker = make_tracker("j-date", text, "faq", slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert result == {"seabed_answer": "(done)", "pending_questions": []}
    assert texts(dispatcher) == ["utter_faq/next_steps"]
    assert _answers("j-date") == [(VIEW, text)]
    # a view that only mentions a deadline gets no dates
    dispatcher = CollectingDispatcher()
    text = "the planning deadline is far too short for small firms"
    tracker = make_tracker("j-date2", text, slots=slots, active_loop="strategy_form")
    ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert texts(dispatcher) == []


def test_a_gif_is_never_the_organisations_name(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("j-gif", "rest", True)
    tracker = make_tracker("j-gif", "[GIF]", "greet")
    result = ValidateProfileForm().validate_organisation("[GIF]", dispatcher, tracker, domain)
    assert result == {"organisation": None}
    assert texts(dispatcher) == [message("profile_media")]
    assert stored_business("j-gif").organisation is None


def test_a_pasted_signature_keeps_the_firms_name(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("j-sig", "rest", True)
    text = "Sarah Jones\nOperations Manager\nAmersham Print Ltd\nT: 01494 555 0123"
    tracker = make_tracker("j-sig", text)
    result = ValidateProfileForm().validate_organisation(text, dispatcher, tracker, domain)
    assert result["organisation"] == "Amersham Print Ltd"
    assert stored_business("j-sig").organisation == "Amersham Print Ltd"


def test_a_town_with_a_remark_read_as_a_question_is_the_location(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("j-town", "rest", True)
    text = "Aylesbury, where the parking is a joke"
    slots = {"requested_slot": "location"}
    tracker = make_tracker("j-town", text, "faq", slots=slots, active_loop="profile_form")
    assert answer_read_as_question(tracker, "location", faq=False) == {"location": text}
    where = make_tracker("j-town", "Aylesbury, where is that?", "faq", slots=slots)
    assert answer_read_as_question(where, "location", faq=False) == {}
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result == {"location": "Aylesbury"}
    assert stored_business("j-town").location == "Aylesbury"
