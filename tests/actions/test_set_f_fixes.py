"""What the sixth set of unseen conversations (benchmarks/data/conversation_probe_f.yml)
found, fixed in the actions and kept so."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionResume
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import (
    CONSENT_SHOWN,
    make_tracker,
    run,
    slot_event,
    slot_sets,
    stored_business,
    texts,
    user_event,
)


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionResume, "ok but keep it quick, got a customer in 10 mins", "hold"),
        (ActionFallback, "oui d'accord", "inform"),
        (ActionFallback, "sí claro", "nlu_fallback"),
    ],
)
def test_a_yes_nlu_did_not_place_starts_the_profile(
    action: type, text: str, intent: str, database_url: str, domain: dict[str, Any]
) -> None:
    sender = f"f-{intent}-{len(text)}"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(sender, text, intent, events=CONSENT_SHOWN)
    events = run(action().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert events[-1] == {"event": "followup", "name": "profile_form", "timestamp": None}
    assert texts(dispatcher) == ["utter_profile_intro"]
    assert service.is_consented(sender) is True
    assert service.recorded_answers(sender) == []  # the yes is not a view


def test_a_yes_before_the_privacy_notice_is_not_taken_as_agreeing(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("f-early", "ok but keep it quick", "hold")
    events = run(ActionResume().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {}
    assert service.is_consented("f-early") is None


def test_a_put_off_at_the_consent_question_asks_it_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("f-later", "ok but not now", "hold", events=CONSENT_SHOWN)
    events = run(ActionResume().run(dispatcher, tracker, domain))
    assert events == [] and texts(dispatcher) == ["utter_ask_consent"]
    assert service.is_consented("f-later") is None


def test_punctuation_at_the_consent_question_asks_it_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("f-punct", "?", "nlu_fallback", events=CONSENT_SHOWN)
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert events == [] and texts(dispatcher) == ["utter_ask_consent"]
    assert service.is_consented("f-punct") is None


def test_back_in_the_profile_asks_the_question_before_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("f-back", "rest", True)
    form = ValidateProfileForm()
    after_answer = make_tracker(
        "f-back", "back", "nlu_fallback", events=[user_event("Cressex Tyers")]
    )
    result = form.validate_sector("back", dispatcher, after_answer, domain)
    assert result == {"sector": None, "organisation": None}
    after_pause = make_tracker("f-back", "back", "nlu_fallback", events=[user_event("brb")])
    assert form.validate_sector("back", dispatcher, after_pause, domain) == {"sector": None}
    fixed = make_tracker("f-back", "Cressex Tyres")
    assert form.validate_organisation("Cressex Tyres", dispatcher, fixed, domain) == {
        "organisation": "Cressex Tyres"
    }
    assert stored_business("f-back").sector is None  # "back" is stored nowhere


def test_back_takes_back_everything_the_last_answer_gave(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("f-back2", "rest", True)
    text = "Misbourne Signs, we're a sign makers"
    last = [user_event(text), slot_event("organisation", "Misbourne Signs")]
    last.append(slot_event("sector", "sign makers"))
    tracker = make_tracker("f-back2", "back", "nlu_fallback", events=last)
    result = ValidateProfileForm().validate_size_band("back", dispatcher, tracker, domain)
    assert result == {"size_band": None, "organisation": None, "sector": None}


def test_undo_at_an_open_question_says_how_and_stores_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("f-undo", "rest", True)
    slots = {"islands": ["space"], "pending_questions": ["island:space:barriers"]}
    service.record_answer(
        "f-undo", "rest", "we train test engineers", "island:space:opportunities", None
    )
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "f-undo", "undo", "nlu_fallback", slots=slots, active_loop="strategy_form"
    )
    result = ValidateStrategyForm().validate_island_answer("undo", dispatcher, tracker, domain)
    assert result == {"island_answer": None}
    assert texts(dispatcher) == [message("change_how")]
    assert [a.text for a in service.recorded_answers("f-undo")] == ["we train test engineers"]


def test_the_name_then_the_trade_fills_both(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("f-name", "rest", True)
    text = "Hale Leys Print, we're a commercial printers"
    result = ValidateProfileForm().validate_organisation(
        text, dispatcher, make_tracker("f-name", text), domain
    )
    assert result == {"organisation": "Hale Leys Print", "sector": "commercial printers"}
    business = stored_business("f-name")
    assert (business.organisation, business.sector) == ("Hale Leys Print", "commercial printers")


def test_the_role_with_the_head_count_fills_both_unless_given(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("f-role", "rest", True)
    text = "I'm the practice manager, there's 22 of us"
    form = ValidateProfileForm()
    result = form.validate_size_band(text, dispatcher, make_tracker("f-role", text), domain)
    assert result == {"size_band": "Small (10-49 staff)", "role": "practice manager"}
    assert stored_business("f-role").role == "practice manager"
    given = make_tracker("f-role", text, slots={"role": "owner"})
    assert form.validate_size_band(text, dispatcher, given, domain) == {
        "size_band": "Small (10-49 staff)"
    }


def test_go_on_then_after_a_decline_takes_part_but_ok_does_not(
    database_url: str, domain: dict[str, Any]
) -> None:
    declined = [
        *CONSENT_SHOWN,
        user_event("oh great, another pointless council survey", "consent_decline"),
    ]
    service.record_consent("f-grump", "rest", False)
    ok = make_tracker("f-grump", "ok", "affirm", slots={"stage": "declined"}, events=declined)
    assert run(ActionResume().run(CollectingDispatcher(), ok, domain)) == []
    assert service.is_consented("f-grump") is False  # "ok" acknowledges the decline
    dispatcher = CollectingDispatcher()
    go_on = make_tracker(
        "f-grump", "fine. go on then", "carry_on", slots={"stage": "declined"}, events=declined
    )
    events = run(ActionResume().run(dispatcher, go_on, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert service.is_consented("f-grump") is True


def test_go_on_then_with_more_to_add_agrees_at_the_consent_question(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "oh go on then, one more thing to add"
    tracker = make_tracker("f-more", text, "carry_on", events=CONSENT_SHOWN)
    events = run(ActionResume().run(CollectingDispatcher(), tracker, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert service.recorded_answers("f-more") == []
