"""Everyday replies the training data never saw: "no idea", "nah", "no, add skills",
"it's fine", long answers that say "scrap" or "remove" without asking to be forgotten."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.common import means_nothing
from actions.consultation import ValidateStrategyForm
from actions.forgetting import ActionForget
from actions.playback import ValidateCorrectionForm
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.leaving import asks_to_forget
from bot.consultation.questions import SKIPPED
from tests.actions.conftest import make_tracker, run, slot_sets, texts


@pytest.mark.parametrize(
    "text",
    [
        "no idea",
        "dunno",
        "Nah",
        "not sure tbh",
        "pass thanks",
        "haven't a clue",
        "I don't know",
        "nothing really",
        "doesn't apply to us",
        "not relevant to us, next",
        "idk",
        "n/a",
        "none of them",
    ],
)
def test_nothing_to_say_replies(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "no, we're a charity",
        "nothing but trouble with the A413",
        "Nash & Co",
        "not sure about the arc but skills matter",
        "High Wycombe",
    ],
)
def test_answers_are_not_nothing(text: str) -> None:
    assert not means_nothing(text)


def test_no_idea_skips_a_profile_question(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("u1", "no idea", "deny")
    assert ValidateProfileForm().validate_sector("no idea", dispatcher, tracker, domain) == {
        "sector": SKIPPED
    }


def test_nah_at_the_islands_question_means_none(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("u2", "nah", "deny")
    result = ValidateStrategyForm().validate_islands("nah", dispatcher, tracker, domain)
    assert result["islands"] == [] and result["island_answer"] == "(done)"


def test_dunno_is_not_recorded_as_an_answer(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("u3", "rest", True)
    tracker = make_tracker(
        "u3", "dunno", "skip", slots={"pending_questions": ["island:space:barriers"]}
    )
    ValidateStrategyForm().validate_island_answer("dunno", dispatcher, tracker, domain)
    assert service.recorded_answers("u3") == []


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("no, add skills", "deny", True),
        ("nah, drop housing", "deny", True),
        ("no that's wrong", "deny", False),
        ("the roads bit is wrong", "inform", False),  # names a theme but no change: ask
        ("/deny", "deny", False),
    ],
)
def test_a_change_typed_with_the_no_is_taken_as_the_correction(
    text: str,
    intent: str,
    expected: bool,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    tracker = make_tracker("u4", text, intent, active_loop="correction_form")
    result = run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, domain))
    assert result == ({"theme_correction": text} if expected else {})


def test_the_typed_correction_is_only_read_before_the_question(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "u5",
        "add skills",
        "deny",
        active_loop="correction_form",
        slots={"requested_slot": "theme_correction"},
    )
    assert run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, domain)) == {}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("actually they're fine", "affirm"),
        ("leave them as they are", "stop"),
    ],
)
def test_its_fine_at_the_correction_keeps_the_themes(
    text: str,
    intent: str,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("u6", text, intent), domain
    )
    assert result == {"theme_correction": "(kept)"}


LONG_ANSWER = (
    "we had to scrap our expansion plans last year because there was nowhere "
    "to build and the rents were far too high"
)


def test_long_answers_mentioning_scrap_are_not_forget_requests() -> None:
    assert not asks_to_forget(LONG_ANSWER)
    assert asks_to_forget(
        "please can you delete everything I said in this chat, I've "
        "changed my mind about the whole thing"
    )
    assert asks_to_forget("get rid of my data")


def test_an_answer_misread_as_forget_me_is_kept_as_the_answer(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "u7",
        LONG_ANSWER,
        "forget_me",
        active_loop="strategy_form",
        slots={"requested_slot": "island_answer"},
    )
    result = run(ValidateStrategyForm().extract_island_answer(dispatcher, tracker, domain))
    assert result == {"island_answer": LONG_ANSWER}
    tracker = make_tracker(
        "u7",
        "forget me",
        "forget_me",
        active_loop="strategy_form",
        slots={"requested_slot": "island_answer"},
    )
    assert run(ValidateStrategyForm().extract_island_answer(dispatcher, tracker, domain)) == {}


def test_forget_misread_inside_a_form_asks_the_question_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("u8", LONG_ANSWER, "forget_me", active_loop="profile_form")
    events = run(ActionForget().run(dispatcher, tracker, domain))
    assert 'type "forget me"' in texts(dispatcher)[0]
    assert events == [{"event": "followup", "timestamp": None, "name": "profile_form"}]
    assert slot_sets(events) == {}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("no, just me", True),
        ("I don't want to take on more staff", True),
        ("actually I don't want to take part, I just have questions", False),
        ("I've changed my mind, I'd rather not do this", False),
        ("/consent_decline", False),
    ],
)
def test_an_answer_misread_as_declining_is_kept_as_the_answer(
    text: str, kept: bool, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "u9",
        text,
        "consent_decline",
        active_loop="profile_form",
        slots={"requested_slot": "size_band"},
    )
    result = run(ValidateProfileForm().extract_size_band(dispatcher, tracker, domain))
    assert result == ({"size_band": text} if kept else {})


def test_leave_them_as_they_are_keeps_the_themes(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "leave them as they are"
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("u10", text, "inform"), domain
    )
    assert result == {"theme_correction": "(kept)"}


def test_changing_ones_mind_mid_way_closes_without_a_thank_you_for_taking_part(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from actions.close import ActionClose

    service.record_consent("u11", "rest", True)
    tracker = make_tracker(
        "u11", "actually I'd rather not do this", "consent_decline", slots={"consent": True}
    )
    events = run(ActionClose().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_stopped_taking_part"
    assert slot_sets(events) == {"stage": "closed"}
    assert "forget me" in domain["responses"]["utter_stopped_taking_part"][0]["text"]


@pytest.mark.parametrize(("text", "intent"), [("Lane End", "stop"), ("Cheriton Ltd", "goodbye")])
def test_a_name_misread_as_finishing_is_kept_as_the_answer(
    text: str, intent: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "u12", text, intent, active_loop="profile_form", slots={"requested_slot": "location"}
    )
    result = run(ValidateProfileForm().extract_location(dispatcher, tracker, domain))
    assert result == {"location": text}
    tracker = make_tracker(
        "u12", "I'm done", "stop", active_loop="profile_form", slots={"requested_slot": "location"}
    )
    assert run(ValidateProfileForm().extract_location(dispatcher, tracker, domain)) == {}


@pytest.mark.parametrize("text", ["hang on", "one sec", "erm", "hmm let me think"])
def test_hang_on_asks_the_same_question_again(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from actions.common import holding

    assert holding(text)
    tracker = make_tracker(
        "u13",
        text,
        "nlu_fallback",
        slots={"pending_questions": ["island:space:barriers", "island:space:help"]},
    )
    result = ValidateStrategyForm().validate_island_answer(text, dispatcher, tracker, domain)
    assert result == {"island_answer": None}  # queue untouched: the same question
    assert ValidateProfileForm().validate_location(text, dispatcher, tracker, domain) == {
        "location": None
    }
    assert not holding("hang on, the roads are bad")


@pytest.mark.parametrize(
    ("text", "asked_back"),
    [
        ("why do you need that", True),
        ("what for?", True),
        ("Tell Tale Media", False),
        ("Can Do Cleaning", False),
        ("none of your business", False),
    ],
)
def test_a_question_back_at_a_profile_question_is_answered_then_asked_again(
    text: str,
    asked_back: bool,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    tracker = make_tracker("u14", text, "inform")
    result = ValidateProfileForm().validate_sector(text, dispatcher, tracker, domain)
    if asked_back:
        assert result == {"sector": None}
        assert dispatcher.messages[0]["response"] == "utter_faq/bot_help"
    else:
        assert result["sector"] in (text, SKIPPED) and not dispatcher.messages


def test_a_seabed_driver_named_at_the_islands_question_moves_on_to_it(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("u15", "environment", "choose_theme")
    result = ValidateStrategyForm().validate_islands("environment", dispatcher, tracker, domain)
    assert result["islands"] == [] and result["island_answer"] == "(done)"
    assert result["seabed"] == ["environment_quality_of_life"]
    assert result["pending_questions"] == ["seabed:environment_quality_of_life:views"]
    assert result["seabed_answer"] is None


def test_an_unclear_choice_twice_moves_on(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from tests.actions.conftest import action_event

    text = "parking and signage on the A413"
    once = make_tracker("u16", text, "inform", events=[action_event("action_ask_islands")])
    assert ValidateStrategyForm().validate_islands(text, dispatcher, once, domain) == {
        "islands": None
    }
    twice = make_tracker("u16", text, "inform", events=[action_event("action_ask_islands")] * 2)
    result = ValidateStrategyForm().validate_islands(text, dispatcher, twice, domain)
    assert result["islands"] == [] and result["island_answer"] == "(done)"
    assert dispatcher.messages[-1]["response"] == "utter_choice_moving_on"


def test_the_list_is_not_repeated_when_the_choice_is_asked_again(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from actions.strategy_ask import ActionAskIslands

    run(ActionAskIslands().run(dispatcher, make_tracker("u17"), domain))
    assert len(dispatcher.messages) == 2  # intro with the list, then the question
    dispatcher.messages.clear()
    again = make_tracker("u17", slots={"requested_slot": "islands"})
    run(ActionAskIslands().run(dispatcher, again, domain))
    assert len(dispatcher.messages) == 1 and dispatcher.messages[0]["buttons"]


def test_typos_in_theme_names_are_read(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "creatve and medtec"
    result = ValidateStrategyForm().validate_islands(
        text, dispatcher, make_tracker("u18", text, "choose_theme"), domain
    )
    assert result["islands"] == ["creative_digital", "medical_technologies"]
    tracker = make_tracker("u18", "no, add infrastucture", "deny", active_loop="correction_form")
    assert run(ValidateCorrectionForm().extract_theme_correction(dispatcher, tracker, domain))


@pytest.mark.parametrize("text", ["yes", "Yep!", "\U0001f44d", "cool"])
def test_a_bare_yes_to_an_open_question_asks_for_more_then_moves_on(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    from bot.consultation.questions import message

    service.record_consent("u9", "rest", True)
    pending = ["island:space:barriers", "island:space:help"]
    tracker = make_tracker("u9", text, "affirm", slots={"pending_questions": pending})
    form = ValidateStrategyForm()
    first = form.validate_island_answer(text, dispatcher, tracker, domain)
    assert first == {"island_answer": None}  # the same question again, after the nudge
    assert texts(dispatcher) == [message("say_more")]

    again = CollectingDispatcher()
    history = [
        {"event": "user", "text": text},
        {"event": "bot", "text": message("say_more")},
        {"event": "bot", "text": "Space: what barriers..."},
    ]
    tracker = make_tracker(
        "u9", text, "affirm", slots={"pending_questions": pending}, events=history
    )
    second = form.validate_island_answer(text, again, tracker, domain)
    assert second == {"island_answer": None, "pending_questions": pending[1:]}
    assert texts(again) == []
    assert service.recorded_answers("u9") == []


@pytest.mark.parametrize("text", ["thanks", "cheers mate", "Thank you!"])
def test_thanks_alone_to_an_open_question_is_welcomed_and_the_question_kept(
    text: str, database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # owners thank the bot after every answer (set CM): the question is never passed over
    from bot.consultation.questions import message

    service.record_consent("u9t", "rest", True)
    pending = ["island:space:barriers", "island:space:help"]
    form = ValidateStrategyForm()
    history: list[dict[str, Any]] = []
    for _ in range(2):
        said = CollectingDispatcher()
        tracker = make_tracker(
            "u9t", text, "thank", slots={"pending_questions": pending}, events=history
        )
        assert form.validate_island_answer(text, said, tracker, domain) == {"island_answer": None}
        assert texts(said) == [message("thanks_welcome")]
        history += [{"event": "user", "text": text}, {"event": "bot", "text": texts(said)[0]}]
    assert service.recorded_answers("u9t") == []


def test_yes_with_a_view_is_recorded(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("u10", "rest", True)
    tracker = make_tracker(
        "u10",
        "yes, we can't hire engineers",
        "affirm",
        slots={"pending_questions": ["island:space:barriers"]},
    )
    ValidateStrategyForm().validate_island_answer(
        "yes, we can't hire engineers", dispatcher, tracker, domain
    )
    assert [a.text for a in service.recorded_answers("u10")] == ["yes, we can't hire engineers"]
