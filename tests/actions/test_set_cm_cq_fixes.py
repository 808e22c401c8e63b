"""What sets CM to CR of unseen conversations (benchmarks/data/conversation_probe_cm.yml
onwards) found in the actions: a warm no at the email question that NLU read as asking how
to get involved ("No thank you, I get enough emails! Lovely chatting to you though") was
told "You're doing it now!" and asked "yes or no?"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.faq import ActionAnswerQuestion
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.amendments import ADDED, amend_answer
from bot.consultation.questions import message, theme_names
from bot.consultation.taking_out import take_out_answers
from bot.strategy import THEME_IDS
from tests.actions.conftest import (
    CONSENT_SHOWN,
    make_tracker,
    run,
    slot_sets,
    stored_business,
    texts,
    validate_strategy_answer,
)


def test_a_warm_no_at_the_email_question_read_as_a_question_is_a_no(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cm1", "rest", True)
    service.record_answer("cm1", "rest", "frames need glass from Italy", "island:x", None)
    text = "No thank you, I get enough emails! Lovely chatting to you though."
    slots = {"stage": "playback", "requested_slot": "follow_up"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cm1", text, "faq", slots=slots, active_loop="contact_form")
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert SlotSet("follow_up", False) in events
    assert dispatcher.messages == []  # no FAQ answer
    assert [a.text for a in service.recorded_answers("cm1")] == ["frames need glass from Italy"]


# --- set CQ: owners correcting themselves -------------------------------------------------

MICRO, SMALL, MEDIUM = "Micro (1-9 staff)", "Small (10-49 staff)", "Medium (50-249 staff)"


def test_a_head_count_put_right_at_the_town_question_is_not_the_town(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cq1", "rest", True)
    service.save_profile("cq1", "rest", size_band=MEDIUM)
    text = "Sorry, I meant 16, not 60. Still on my first coffee."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cq1", text, slots={"size_band": MEDIUM})
    result = ValidateProfileForm().validate_location(text, dispatcher, tracker, domain)
    assert result["location"] is None and result["size_band"] == SMALL  # the town asked again
    assert stored_business("cq1").size_band == SMALL
    assert stored_business("cq1").location is None


def test_a_new_trading_name_at_the_sector_question_is_the_name(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cq2", "rest", True)
    service.save_profile("cq2", "rest", organisation="Tingewick Race Engines")
    text = "Sorry, we trade as TRE Historic now, put that as the name."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cq2", text, slots={"organisation": "Tingewick Race Engines"})
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    assert result == {"sector": None, "organisation": "TRE Historic"}
    assert stored_business("cq2").sector is None


def test_put_us_down_as_a_town_at_the_role_question_moves_the_business(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cq3", "rest", True)
    on_record = {"sector": "Veterinary practice", "location": "Wendover"}
    service.save_profile("cq3", "rest", **on_record)
    text = "Actually, put us down as Aylesbury, that's our main surgery."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cq3", text, slots=on_record)
    result = ValidateProfileForm().validate_role(text, dispatcher, tracker, domain)
    assert result == {"role": None, "location": "Aylesbury"}
    assert stored_business("cq3").sector == "Veterinary practice"


def test_an_answer_replaced_at_the_choice_that_follows_it(database_url: str) -> None:
    service.record_consent("cq4", "rest", True)
    help_key = "island:creative_digital:help"
    service.record_answer("cq4", "rest", "A games tax relief clinic would be nice.", help_key, None)
    text = (
        "Sorry, ignore that, it's not what I meant. What would really help is the LEP "
        "introducing us to investors who understand games."
    )
    history = [{"event": "user", "text": "A games tax relief clinic would be nice."}]
    tracker = make_tracker("cq4", text, events=history, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, {})
    assert result == {"seabed": None}  # the choice asked again, no driver read from it
    assert texts(dispatcher) == [message("answer_replaced")]
    [answer] = service.recorded_answers("cq4")
    assert answer.question_key == help_key and "investors who understand games" in answer.text


def test_a_driver_still_to_come_swapped_keeps_the_question_pending(database_url: str) -> None:
    service.record_consent("cq5", "rest", True)
    digital, ips, infra = (
        f"seabed:{t}:views"
        for t in ("digital_science", "intelligent_public_services", "infrastructure")
    )
    slots = {
        "seabed": ["digital_science", "intelligent_public_services"],
        "pending_questions": [digital, ips],
    }
    text = "@btvlep wait no, not public services, make it infrastructure"
    result, replies = validate_strategy_answer("seabed_answer", "cq5", text, slots)
    assert result["seabed"] == ["digital_science", "infrastructure"]
    assert result["pending_questions"] == [digital, infra]
    assert replies == [message("chosen", names=theme_names(["infrastructure"]))]
    assert service.recorded_answers("cq5") == []


def test_a_second_thought_added_keeps_its_own_theme(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tagger that reads only a message's first subject (as a long joined answer can be
    read): the addition's theme still counts, since the addition is tagged on its own."""
    import bot.tagging
    from bot.tagging.result import TagResult

    def first_subject_only(text: str, question_key: str | None = None) -> TagResult:
        theme = "education_skills" if text.lower().startswith("we lose") else "infrastructure"
        return TagResult(
            [theme], {t: 0.9 if t == theme else 0.0 for t in THEME_IDS}, {theme: [text[:20]]}, "t"
        )

    monkeypatch.setattr(bot.tagging, "tag", first_subject_only)
    service.record_consent("cq6", "rest", True)
    key = "island:medical_technologies:barriers"
    service.record_answer("cq6", "rest", "no cleanroom unit to rent near Aylesbury", key, None)
    [answer] = service.recorded_answers("cq6")
    assert amend_answer("cq6", answer.response_id, "we lose every lab scientist we train", ADDED)
    [answer] = service.recorded_answers("cq6")
    assert answer.themes == ["education_skills", "infrastructure"]


def test_part_of_an_answer_taken_out_at_the_play_back_keeps_the_rest(database_url: str) -> None:
    service.record_consent("cq7", "rest", True)
    key = "seabed:infrastructure:views"
    said = "Parking in town costs us £40 a day, and the Cressex roundabout is solid by eight."
    service.record_answer("cq7", "rest", said, key, None)
    text = "Hold on, scrap what I said about parking, the council gave us permits. Keep the rest."
    assert take_out_answers("cq7", text) == message("answers_taken_out", topic="parking")
    [answer] = service.recorded_answers("cq7")
    assert answer.text == "The Cressex roundabout is solid by eight."


# --- set CR: owners asking about the strategy as they go ----------------------------------


def test_a_yes_then_a_question_at_consent_is_answered_and_the_yes_kept(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "Yes, I'll do it. Who's actually running this consultation, though?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cr1", text, "faq", events=CONSENT_SHOWN)
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert slot_sets(events)["consent"] is True
    assert service.is_consented("cr1") is True
    said = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert said.index("utter_profile_intro") > 0  # the question's answer comes first


def test_how_long_at_the_name_question_is_answered_not_kept(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("cr2", "rest", True)
    text = "@btvlep b4 i start how long is this gonna take"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("cr2", text, slots={"requested_slot": "organisation"})
    result = ValidateProfileForm().validate_organisation(text, dispatcher, tracker, domain)
    assert result == {"organisation": None}
    assert texts(dispatcher) == ["utter_faq/bot_help"]
    assert stored_business("cr2").organisation is None
