"""What set S of unseen conversations (benchmarks/data/conversation_probe_s.yml) found,
fixed in the actions and kept so (paraphrases the set does not use): questions about the
strategy itself are answered from seeds wherever they come (an open question, a choice,
before agreeing, after the end, whatever NLU or the FAQ made of them) and never stored;
"and the others?" follows the theme just described; a question about what the strategy has
for a sector at a choice chooses nothing."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion
from bot.consultation import service
from bot.consultation.focus import focus_answer
from bot.consultation.questions import message
from bot.consultation.strategy_asides import describe, short_version
from tests.actions.conftest import action_event, make_tracker, run, texts

HELP = "island:high_performance_technology:help"


def _faq(
    text: str,
    domain: dict[str, Any],
    stage: str | None = "consent",
    key: str = "faq/what_is_lis",
    events: list[dict[str, Any]] | None = None,
) -> list[str]:
    tracker = make_tracker("s-faq", text, "faq", slots={"stage": stage}, events=events)
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": key, "confidence": 0.9}}
    }
    dispatcher = CollectingDispatcher()
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    return texts(dispatcher)


@pytest.mark.parametrize(
    ("text", "key", "reply"),
    [
        ("so what's the economy of Bucks worth, any figures?", "faq/arc", "no_county_figures"),
        ("can we come along to a workshop on this?", "faq/get_involved", "no_event_named"),
        ("how were these picked then", "faq/who_preparing", "why_these"),
    ],
)
def test_answered_from_seeds_whatever_the_faq_picks(
    domain: dict[str, Any], text: str, key: str, reply: str
) -> None:
    replies = _faq(text, domain, key=key)
    assert len(replies) == 1
    assert replies[0].startswith(message(reply, lep_short="BTVLEP")[:40])


def test_the_timetable_after_the_end_is_the_boards_meeting(domain: dict[str, Any]) -> None:
    assert _faq("when's the final plan being published?", domain, stage="closed") == [
        "utter_faq/next_steps"
    ]


def test_the_others_follow_the_theme_just_described(domain: dict[str, Any]) -> None:
    described = [
        {"event": "user", "text": "what's medtech about?"},
        {"event": "bot", "text": describe("medical_technologies")},
    ]
    [reply] = _faq(
        "what about the rest of them?", domain, "strategy", "faq/get_involved", described
    )
    assert reply.startswith("The other four islands")
    assert "Medical technologies" not in reply and "Space" in reply


def test_a_strategy_question_at_an_open_question_is_not_kept(database_url: str) -> None:
    service.record_consent("s-open", "rest", True)
    text = "r there any events where I could meet the LEP people?"
    slots = {"islands": ["high_performance_technology"], "pending_questions": [HELP]}
    tracker = make_tracker("s-open", text, slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    assert result == {"island_answer": None}
    assert texts(dispatcher) == [message("no_event_named")]
    assert service.recorded_answers("s-open") == []


def test_the_others_at_an_open_question_are_answered_not_kept(database_url: str) -> None:
    service.record_consent("s-rest", "rest", True)
    text = "tell me about the other ones please"
    slots = {"islands": ["high_performance_technology"], "pending_questions": [HELP]}
    described = [
        {"event": "user", "text": "what's high performance tech?"},
        {"event": "bot", "text": describe("high_performance_technology")},
    ]
    tracker = make_tracker(
        "s-rest", text, slots=slots, events=described, active_loop="strategy_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    assert result == {"island_answer": None}
    [reply] = texts(dispatcher)
    assert reply.startswith("The other four islands") and "Space" in reply
    assert service.recorded_answers("s-rest") == []


def test_the_short_version_before_agreeing_when_nlu_could_not_place_it(
    domain: dict[str, Any],
) -> None:
    text = "no time to read all that, summarise it"
    tracker = make_tracker("s-fb", text, "nlu_fallback", events=[action_event("utter_privacy")])
    dispatcher = CollectingDispatcher()
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == [short_version(), "utter_ask_consent"]


@pytest.mark.parametrize(
    "text",
    [
        "does the strategy do anything for hairdressers?",
        "anything in here for estate agents?",
        "would it cover a garden centre like ours?",
    ],
)
def test_what_it_covers_at_a_choice_chooses_nothing(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    service.record_consent("s-choice", "rest", True)
    tracker = make_tracker("s-choice", text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result == {"islands": None}
    assert texts(dispatcher) == [focus_answer()]


@pytest.mark.parametrize(
    "text",
    [
        "housing - there's nothing in this town for young families",
        "skills, we need someone to cover for staff on courses",
        "infrastructure, anything for the A41 would help",
    ],
)
def test_choices_with_the_same_words_are_still_choices(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    service.record_consent("s-pick", "rest", True)
    tracker = make_tracker("s-pick", text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, domain)
    assert result["seabed"]
