"""What sets EN, EQ, ER and EU of unseen conversations found in the actions: a choice said
again at the first question it queued ("Actually, change that: ...", "Oops, pressed the
wrong button.", "sorry thats too many, just ...") was kept as that question's answer; "redo
that last one pls: ..." was kept as the next question's answer; "none" in other words was
not understood, and a "none" with only what the business does beside it was kept as a view;
a formal yes to taking part was read as declining, and formal yeses and nos at the play-back
and the follow-up question were asked again."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.consent import ActionRecordConsent
from actions.forgetting import ActionForget
from actions.strategy_choice import choose
from bot.consultation import service
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import (
    action_event,
    make_tracker,
    run,
    slot_sets,
    texts,
    validate_strategy_answer,
)

ISLAND_QUESTIONS = question_queue(["high_performance_technology"])
MOBILITY = question_queue(["intelligent_mobility"])


def test_a_pair_restated_at_its_first_question_replaces_the_choice(database_url: str) -> None:
    service.record_consent("eq1", "rest", True)
    slots = {
        "seabed": ["infrastructure", "environment_quality_of_life"],
        "pending_questions": question_queue(["infrastructure", "environment_quality_of_life"]),
    }
    text = "Actually, change that: entrepreneurialism and environment, not infrastructure."
    result, _ = validate_strategy_answer("seabed_answer", "eq1", text, slots)
    assert result["seabed"] == ["entrepreneurialism", "environment_quality_of_life"]
    assert result["pending_questions"] == question_queue(
        ["entrepreneurialism", "environment_quality_of_life"]
    )
    assert service.recorded_answers("eq1") == []


def test_the_wrong_island_button_is_swapped_for_the_one_named(database_url: str) -> None:
    service.record_consent("eq2", "rest", True)
    slots = {"islands": ["high_performance_technology"], "pending_questions": ISLAND_QUESTIONS}
    text = "Oops, pressed the wrong button. Creative and digital economy is us, not that one."
    result, _ = validate_strategy_answer("island_answer", "eq2", text, slots)
    assert result["islands"] == ["creative_digital"]
    assert result["pending_questions"] == question_queue(["creative_digital"])
    assert service.recorded_answers("eq2") == []


def test_names_restated_after_an_answer_replace_only_the_theme_asked(database_url: str) -> None:
    service.record_consent("eq3", "rest", True)
    service.record_answer(
        "eq3", "rest", "No bank will lend to us.", "seabed:entrepreneurialism:views", "q"
    )
    slots = {
        "seabed": ["entrepreneurialism", "infrastructure", "environment_quality_of_life"],
        "pending_questions": question_queue(["infrastructure", "environment_quality_of_life"]),
    }
    result, _ = validate_strategy_answer(
        "seabed_answer", "eq3", "Sorry, make that housing growth", slots
    )
    assert result["seabed"] == [
        "entrepreneurialism",
        "housing_growth",
        "environment_quality_of_life",
    ]
    assert result["pending_questions"] == question_queue(
        ["housing_growth", "environment_quality_of_life"]
    )


def test_a_view_that_opens_with_sorry_and_names_themes_is_still_an_answer(
    database_url: str,
) -> None:
    service.record_consent("eq4", "rest", True)
    slots = {"seabed": ["infrastructure"], "pending_questions": question_queue(["infrastructure"])}
    text = "Sorry, the roads and the broadband are both awful out here, not just the A41."
    result, _ = validate_strategy_answer("seabed_answer", "eq4", text, slots)
    assert result.get("seabed") is None
    assert [a.text for a in service.recorded_answers("eq4")] == [text]


def test_all_seven_narrowed_to_two_at_the_first_question(database_url: str) -> None:
    service.record_consent("eq5", "rest", True)
    every = [
        "entrepreneurialism",
        "housing_growth",
        "digital_science",
        "intelligent_public_services",
        "education_skills",
        "infrastructure",
        "environment_quality_of_life",
    ]
    slots = {"seabed": every, "pending_questions": question_queue(every)}
    text = "@btvlep sorry thats too many, just skills & infrastructure"
    result, _ = validate_strategy_answer("seabed_answer", "eq5", text, slots)
    assert result["pending_questions"] == question_queue(["education_skills", "infrastructure"])
    assert service.recorded_answers("eq5") == []


@pytest.mark.parametrize(
    "islands",
    [
        ["intelligent_mobility"],
        # narrowed to mobility at an earlier question: the choice slot keeps both
        ["intelligent_mobility", "high_performance_technology"],
    ],
)
def test_redo_that_last_one_replaces_the_last_answer(database_url: str, islands: list[str]) -> None:
    service.record_consent("eq6", "rest", True)
    service.record_answer("eq6", "rest", "@btvlep no proper cycle lanes", MOBILITY[1], "barriers")
    slots = {
        "islands": islands,
        "pending_questions": MOBILITY[2:],
        "requested_slot": "island_answer",
    }
    text = "@btvlep redo that last one pls: real problem is we cant find a yard with power"
    events = [{"event": "user", "text": "@btvlep no proper cycle lanes"}]
    from actions.consultation import ValidateStrategyForm

    tracker = make_tracker("eq6", text, slots=slots, events=events, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_island_answer(text, sent, tracker, {})
    assert result["pending_questions"] == MOBILITY[2:] and result["island_answer"] is None
    said = service.recorded_answers("eq6")
    assert [(a.question_key, a.text) for a in said] == [(MOBILITY[1], text)]
    assert message("answer_replaced") in texts(sent)


def _islands_choice(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    tracker = make_tracker(sender, text, active_loop="strategy_form")
    sent = CollectingDispatcher()
    return choose("islands", "island_answer", text, sent, tracker), texts(sent)


def test_none_in_other_words_at_the_islands(database_url: str) -> None:
    for n, text in enumerate(
        [
            "We don't really fit any of those.",
            "@btvlep no, we are food importer",
            "For the avoidance of doubt, we do not operate in any of the five.",
            "Of the five, I would say none, though we host a good many events for the film "
            "industry.",
        ]
    ):
        result, sent = _islands_choice(f"en{n}", text)
        assert result["islands"] == [], text
        assert message("view_kept_at_choice") not in sent
        assert service.recorded_answers(f"en{n}") == []


def test_none_with_only_what_the_business_does_keeps_nothing(database_url: str) -> None:
    result, sent = _islands_choice(
        "er1", "None. We are care agency, we visit elderly people in their home"
    )
    assert result["islands"] == [] and message("view_kept_at_choice") not in sent
    assert service.recorded_answers("er1") == []


def test_none_with_a_need_beside_it_keeps_the_view(database_url: str) -> None:
    text = "None, we put scaffolding up for the housebuilders but we can't find the skills"
    result, sent = _islands_choice("er2", text)
    assert result["islands"] == [] and message("view_kept_at_choice") in sent
    assert [a.question_key for a in service.recorded_answers("er2")] == [service.AT_CHOICE]


def test_no_then_an_island_named_is_a_choice(database_url: str) -> None:
    result, _ = _islands_choice("er3", "no, we are in space, rockets mostly")
    assert result["islands"] == ["space"]


def _consent(sender: str, text: str, intent: str, domain: dict[str, Any]) -> list[Any]:
    shown = [action_event("utter_privacy"), action_event("utter_ask_consent")]
    tracker = make_tracker(sender, text, intent, events=shown)
    return run(ActionRecordConsent().run(CollectingDispatcher(), tracker, domain))


def test_a_formal_yes_after_thanks_takes_part(database_url: str, domain: dict[str, Any]) -> None:
    for n, text in enumerate(
        [
            "Thank you. Yes, I am content for our responses to be recorded on that basis.",
            "Thanks, yes, let's go.",
            "Yes; you have our agreement to record it.",
            "I give my consent.",
        ]
    ):
        events = _consent(f"eu{n}", text, "consent_decline", domain)
        assert slot_sets(events)["consent"] is True, text
        assert service.recorded_answers(f"eu{n}") == []


def test_a_thanks_then_a_no_still_declines(database_url: str, domain: dict[str, Any]) -> None:
    for n, text in enumerate(["Thank you, but I'd rather not.", "Thanks. Not today."]):
        events = _consent(f"eun{n}", text, "consent_decline", domain)
        assert slot_sets(events)["consent"] is False, text


def test_a_formal_yes_at_the_play_back_read_as_forget_me(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("eu9", "rest", True)
    text = "That appears to be a complete record; thank you."
    tracker = make_tracker("eu9", text, "forget", slots={"stage": "playback", "consent": True})
    sent = CollectingDispatcher()
    events = run(ActionForget().run(sent, tracker, domain))
    assert texts(sent) == ["utter_next_steps"]
    assert [e["name"] for e in events if e["event"] == "followup"] == ["contact_form"]


def _follow_up(sender: str, text: str, intent: str = "inform") -> dict[str, Any]:
    service.record_consent(sender, "rest", True)
    slots = {"stage": "closing", "requested_slot": "follow_up"}
    tracker = make_tracker(sender, text, intent, slots=slots, active_loop="contact_form")
    return ValidateContactForm().validate_follow_up(text, CollectingDispatcher(), tracker, {})


def test_formal_yeses_at_the_follow_up(database_url: str) -> None:
    for n, text in enumerate(
        [
            "We would welcome updates, yes.",
            "Yes, I should like to receive updates.",
            "Yes, please do keep us informed.",
            "@btvlep Yes please, the Guild would welcome updates.",
        ]
    ):
        assert _follow_up(f"fy{n}", text)["follow_up"] is True, text


def test_formal_and_everyday_nos_at_the_follow_up(database_url: str) -> None:
    for n, text in enumerate(
        [
            "I would prefer not to be contacted further, thank you.",
            "No, thank you. We shall follow the LEP's announcements.",
            "Thank you, but I shall not need further emails.",
            "@btvlep nah ur alright",
            "That won't be necessary, thank you.",
        ]
    ):
        assert _follow_up(f"fn{n}", text, "affirm")["follow_up"] is False, text
