"""Consent and the business profile, against a temp database."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.consent import ActionRecordConsent
from actions.profile import ValidateProfileForm
from actions.profile_ask import ActionAskSizeBand
from actions.profile_save import ActionSaveProfile
from bot.consultation import service
from bot.consultation.questions import SKIPPED
from bot.storage.db import session_scope
from bot.storage.models import Business
from tests.actions.conftest import CONSENT_SHOWN, action_event, make_tracker, run, slot_sets, texts


def test_agreeing_records_consent_and_moves_to_profile(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        "b1", "/consent_agree", "consent_agree", channel="socketio", events=CONSENT_SHOWN
    )
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"consent": True, "stage": "profile"}
    assert service.is_consented("b1") is True
    with session_scope() as s:
        business = s.scalars(select(Business)).one()
        assert business.channel == "socketio"


def test_yes_to_the_consent_question_counts_as_agreeing(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = run(
        ActionRecordConsent().run(
            dispatcher, make_tracker("b2", "yes", "affirm", events=CONSENT_SHOWN), domain
        )
    )
    assert slot_sets(events)["consent"] is True


@pytest.mark.parametrize(
    ("text", "intent"), [("let's get started", "consent_agree"), ("yes", "affirm")]
)
def test_agreeing_before_the_privacy_notice_shows_it_and_records_nothing(
    text: str,
    intent: str,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    events = run(ActionRecordConsent().run(dispatcher, make_tracker("b9", text, intent), domain))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_welcome",
        "utter_privacy",
        "utter_ask_consent",
    ]
    assert events == [{"event": "followup", "name": "action_listen", "timestamp": None}]
    assert service.is_consented("b9") is None
    # shown by this action (a bot message, not an utter_privacy action): "yes" now agrees
    notice = domain["responses"]["utter_privacy"][0]["text"]
    shown = [{"event": "bot", "text": notice}, action_event("action_listen")]
    events = run(
        ActionRecordConsent().run(
            dispatcher, make_tracker("b9", "yes", "affirm", events=shown), domain
        )
    )
    assert slot_sets(events)["consent"] is True and service.is_consented("b9") is True


def test_declining_records_no_consent(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker("b3", "no, just questions", "consent_decline")
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert slot_sets(events) == {"consent": False, "stage": "declined"}
    assert service.is_consented("b3") is False


def test_every_profile_slot_is_skippable(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateProfileForm()
    tracker = make_tracker("b4", "/skip", "skip")
    assert form.validate_organisation("/skip", dispatcher, tracker, domain) == {
        "organisation": SKIPPED
    }
    typed = make_tracker("b4", "rather not say", "inform")
    assert form.validate_role("rather not say", dispatcher, typed, domain) == {"role": SKIPPED}


def test_profile_values_are_cleaned_and_capped(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateProfileForm()
    # a real name run long ("AAAA..." is a key held down: asked again, `profile_no_words`)
    long_name = "Chiltern Precision Engineering " * 15 + "\x00"
    result = form.validate_organisation(long_name, dispatcher, make_tracker("b5"), domain)
    assert result["organisation"] == long_name.replace("\x00", "")[: service.PROFILE_MAX_CHARS]


def test_size_band_question_offers_bands_and_skip(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    run(ActionAskSizeBand().run(dispatcher, make_tracker("b6"), domain))
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert titles[0].startswith("Micro") and titles[-1] == "Skip"


def test_save_profile_stores_answers_and_drops_skips(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b7", "rest", True)
    slots = {
        "organisation": "Orbital Components Ltd",
        "sector": SKIPPED,
        "size_band": "Small (10-49 staff)",
        "location": "Westcott",
        "role": None,
    }
    events = run(ActionSaveProfile().run(dispatcher, make_tracker("b7", slots=slots), domain))
    # the role was never answered: stopped half-way, so "carry on" goes back to it
    assert slot_sets(events) == {"stage": "strategy", "profile_stopped": True}
    with session_scope() as s:
        business = s.scalars(select(Business).where(Business.sender_id == "b7")).one()
        assert business.organisation == "Orbital Components Ltd"
        assert business.sector is None
        assert business.size_band == "Small (10-49 staff)"
        assert business.location == "Westcott"
    assert texts(dispatcher) == []
