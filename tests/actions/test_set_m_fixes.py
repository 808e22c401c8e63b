"""What the thirteenth set of unseen conversations (benchmarks/data/conversation_probe_m.yml)
found, fixed in the actions and kept so: "let me think" and "no, nothing changes for us"
never stored; two short questions answered, not stored; an island changed mid-way; a name
and trade said without a comma, or a trade with no name; one more view at the follow-up
email question kept, and that question asked again as first put."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ActionAskFollowUp, ValidateContactForm
from actions.common import SKIPPED
from actions.consultation import ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, stored_business, texts

SPACE, MED = "island:space", "island:medical_technologies"
SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"


def _answer(
    sender: str, text: str, pending: list[str], islands: list[str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    slots = {"islands": islands or ["space"], "pending_questions": pending}
    tracker = make_tracker(sender, text, "inform", slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    return result, texts(dispatcher)


@pytest.mark.parametrize(
    "text", ["hmm good question, let me think", "no, nothing changes for us", "no"]
)
def test_thinking_aloud_or_a_no_is_never_stored(database_url: str, text: str) -> None:
    service.record_consent("m-think", "rest", True)
    pending = [f"{SPACE}:opportunities", f"{SPACE}:barriers"]
    result, replies = _answer("m-think", text, pending)
    assert result["island_answer"] is None
    assert message("say_more") not in replies
    assert service.recorded_answers("m-think") == []


def test_a_view_that_opens_with_no_is_stored(database_url: str) -> None:
    service.record_consent("m-no", "rest", True)
    text = "no broadband worth the name out here and the lanes flood every winter"
    result, _ = _answer("m-no", text, [f"{SPACE}:opportunities", f"{SPACE}:barriers"])
    assert result == {"island_answer": None, "pending_questions": [f"{SPACE}:barriers"]}
    assert [a.text for a in service.recorded_answers("m-no")] == [text]


def test_two_short_questions_read_as_faq_are_answered_not_kept(domain: dict[str, Any]) -> None:
    # NLU reads it as an FAQ question; the answer slot no longer takes it as the answer
    # (it took it because the last "?" was missing), so the FAQ answers and asks again
    text = "what happens after this then? does anyone actually read it"
    slots = {"requested_slot": "island_answer", "pending_questions": [f"{SPACE}:opportunities"]}
    tracker = make_tracker("m-next", text, "faq", slots=slots, active_loop="strategy_form")
    form = ValidateStrategyForm()
    assert run(form.extract_island_answer(CollectingDispatcher(), tracker, domain)) == {}
    view = "what would help? a train to MK that runs on time"
    tracker = make_tracker("m-next", view, "faq", slots=slots, active_loop="strategy_form")
    assert run(form.extract_island_answer(CollectingDispatcher(), tracker, domain)) == {
        "island_answer": view
    }


def test_an_island_changed_mid_way_moves_to_its_questions(database_url: str) -> None:
    """The new island's questions take the old one's place; with the islands still to come,
    in the strategy's order, as a first choice is asked (set AM)."""
    service.record_consent("m-switch", "rest", True)
    text = "actually can I do medtech instead? motorsport isn't really us"
    hpt = "island:high_performance_technology"
    pending = [f"{hpt}:barriers", f"{hpt}:help", f"{SPACE}:opportunities"]
    result, replies = _answer("m-switch", text, pending, ["high_performance_technology", "space"])
    assert result == {
        # in the order their questions come, so the last answer is found (set FT)
        "islands": ["medical_technologies", "space"],
        "pending_questions": [
            f"{MED}:opportunities",
            f"{MED}:barriers",
            f"{MED}:help",
            f"{SPACE}:opportunities",
        ],
        "island_answer": None,
    }
    assert replies == [message("chosen", names="Medical technologies")]
    assert service.recorded_answers("m-switch") == []  # the request is not an answer


def test_a_driver_swapped_is_asked_in_the_strategys_order(database_url: str) -> None:
    """Set AM: "actually swap digital for infrastructure" at the digital science question,
    skills still to come: skills next, then infrastructure (the strategy's order)."""
    service.record_consent("m-swap", "rest", True)
    text = "@btvlep actually swap digital for infrastructure"
    pending = ["seabed:digital_science:views", "seabed:education_skills:views"]
    slots = {"seabed": ["digital_science", "education_skills"], "pending_questions": pending}
    tracker = make_tracker("m-swap", text, "inform", slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["pending_questions"] == [
        "seabed:education_skills:views",
        "seabed:infrastructure:views",
    ]
    assert result["seabed"] == ["education_skills", "infrastructure"]
    assert service.recorded_answers("m-swap") == []


def test_bullets_over_lines_are_one_answer(database_url: str) -> None:
    service.record_consent("m-bullets", "rest", True)
    text = "• can't find CNC setters\n• the local college dropped engineering\n• apprentices leave"
    dispatcher = CollectingDispatcher()
    slots = {"seabed": ["education_skills", "infrastructure"], "pending_questions": [SKILLS, ROADS]}
    tracker = make_tracker("m-bullets", text, slots=slots, active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert result == {"seabed_answer": None, "pending_questions": [ROADS]}
    assert [a.question_key for a in service.recorded_answers("m-bullets")] == [SKILLS]


def _name(sender: str, text: str) -> dict[str, Any]:
    tracker = make_tracker(sender, text, slots={}, active_loop="profile_form")
    return ValidateProfileForm().validate_organisation(text, CollectingDispatcher(), tracker, {})


def test_a_name_and_trade_said_without_a_comma(database_url: str) -> None:
    service.record_consent("m-voice", "rest", True)
    result = _name("m-voice", "its marlow mill joinery we do bespoke kitchens")
    assert result == {"organisation": "marlow mill joinery", "sector": "bespoke kitchens"}
    business = stored_business("m-voice")
    assert (business.organisation, business.sector) == ("marlow mill joinery", "bespoke kitchens")


def test_no_company_name_keeps_the_trade_and_asks_no_name(database_url: str) -> None:
    service.record_consent("m-freelance", "rest", True)
    result = _name("m-freelance", "I don't have a company name, I'm a freelance photographer")
    assert result == {"organisation": SKIPPED, "sector": "freelance photographer"}
    business = stored_business("m-freelance")
    assert (business.organisation, business.sector) == (None, "freelance photographer")


def test_one_more_view_at_the_follow_up_question(database_url: str, domain: dict[str, Any]) -> None:
    service.record_consent("m-more", "rest", True)
    text = "oh and one more thing, parking in Wycombe town centre is a joke"
    slots = {"requested_slot": "follow_up"}
    tracker = make_tracker("m-more", text, "deny", slots=slots, active_loop="contact_form")
    dispatcher = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(text, dispatcher, tracker, domain)
    assert result == {"follow_up": None}
    assert texts(dispatcher) == [message("view_added")]
    answers = service.recorded_answers("m-more")
    assert [(a.question_key, a.text) for a in answers] == [(service.AFTER_CLOSE, text)]
    assert stored_business("m-more").follow_up is False  # neither a yes nor a no
    # then the question as first put, not "was that a yes or a no?"
    asked = CollectingDispatcher()
    run(ActionAskFollowUp().run(asked, tracker, domain))
    assert texts(asked) == [message("ask_follow_up")]


@pytest.mark.parametrize(
    ("text", "intent", "follow_up"),
    [
        # a yes with pleasantries is a yes since set AC ("Oh, yes please, that would be lovely")
        ("yes please that would be great thanks", "inform", True),
        ("yes please", "affirm", True),
        ("no thanks, I get enough emails as it is", "deny", False),
    ],
)
def test_a_yes_or_no_at_the_follow_up_question_is_not_a_view(
    database_url: str, domain: dict[str, Any], text: str, intent: str, follow_up: bool | None
) -> None:
    service.record_consent("m-yes", "rest", True)
    tracker = make_tracker("m-yes", text, intent, slots={"requested_slot": "follow_up"})
    dispatcher = CollectingDispatcher()
    result = ValidateContactForm().validate_follow_up(text, dispatcher, tracker, domain)
    assert result["follow_up"] is follow_up
    assert message("view_added") not in texts(dispatcher)
    assert service.recorded_answers("m-yes") == []


def test_a_change_of_island_nlu_read_as_a_question_is_still_a_change(
    database_url: str, domain: dict[str, Any]
) -> None:
    # NLU read "the film one" as asking about the creative island; the answer slot takes
    # it so the change is made (it was answered as a question and the space one went on)
    service.record_consent("m-swap", "rest", True)
    text = "can I swap to the film one instead?"
    pending = [f"{SPACE}:barriers", f"{SPACE}:help"]
    slots = {"requested_slot": "island_answer", "islands": ["space"], "pending_questions": pending}
    tracker = make_tracker("m-swap", text, "faq", slots=slots, active_loop="strategy_form")
    form = ValidateStrategyForm()
    assert run(form.extract_island_answer(CollectingDispatcher(), tracker, domain)) == {
        "island_answer": text
    }
    result = form.validate_island_answer(text, CollectingDispatcher(), tracker, domain)
    assert result["islands"] == ["creative_digital"]
    assert result["pending_questions"][0] == "island:creative_digital:opportunities"


def test_who_reads_it_naming_the_council_is_told_who_reads_it(domain: dict[str, Any]) -> None:
    # "the council" names intelligent public services; the selector was unsure, so the
    # theme was described instead of who reads the answers
    text = "who reads these? does it go to the council"
    tracker = make_tracker("m-who", text, "faq", active_loop="strategy_form")
    tracker.latest_message["response_selector"] = {
        "faq": {"response": {"intent_response_key": "faq/islands_seabed", "confidence": 0.3}}
    }
    dispatcher = CollectingDispatcher()
    run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert texts(dispatcher) == ["utter_faq/data_privacy"]


def test_the_last_bit_taken_out_rewords_the_answer_in_its_place(database_url: str) -> None:
    """Set AM: "scratch that last bit, ..." at the next question keeps the last answer, in
    its place, without its last part; the pending question is asked again."""
    service.record_consent("m-lastbit", "rest", True)
    barriers = "island:creative_digital:barriers"
    said = "The vans sit on the M40 every morning, and we can't get insurance for kit"
    service.record_answer("m-lastbit", "rest", said, barriers, "What barriers?")
    [before] = service.recorded_answers("m-lastbit")
    text = "scratch that last bit, the insurance is our problem not yours"
    slots = {"islands": ["creative_digital"], "pending_questions": ["island:creative_digital:help"]}
    tracker = make_tracker("m-lastbit", text, "inform", slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, {})
    assert result == {"island_answer": None}
    [after] = service.recorded_answers("m-lastbit")
    assert after.response_id == before.response_id
    assert after.text == "The vans sit on the M40 every morning"
    assert texts(dispatcher) == [message("last_bit_taken_out")]
