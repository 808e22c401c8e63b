"""What set AR of unseen conversations found in the actions: a new email address after the
goodbye ("could you use hello@... instead?") was answered with what the strategy covers and
the old one kept; "Not right now, sorry, one of my carers has rung in sick" was kept as a
view before consent; "Actually, go on then, kettle's on." after it, and "Go on then. Not
like I've got a business to run or anything.", were not taken as agreeing, so every answer
after was "still not getting it"; "Creative, because a lot of the work is for film sets."
at the islands choice was kept as the opportunities answer and that question skipped."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.faq import ActionAnswerQuestion, ActionResume
from actions.playback_views import keep_view_at_playback
from bot.consultation import service
from bot.consultation.playback_replies import (
    yes_and_a_remark,
)
from bot.consultation.questions import PROFILE_SLOTS, SKIPPED, message, question_queue
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run, stored_business, texts

NEW_EMAIL = "Sorry, could you use hello@northgate.co.uk instead? I'm going on maternity leave."


def _closed(sender: str) -> dict[str, Any]:
    service.record_consent(sender, "rest", True)
    service.set_contact(sender, "rest", "priya@northgate.co.uk", True)
    return {"stage": "closed", "consent": True}


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionFallback, "nlu_fallback"), (ActionAnswerQuestion, "faq")]
)
def test_a_new_email_after_the_goodbye_replaces_the_old(
    database_url: str, domain: dict[str, Any], action: type, intent: str
) -> None:
    slots = _closed("ar1")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ar1", NEW_EMAIL, intent, slots=slots)
    assert run(action().run(dispatcher, tracker, domain)) == []
    business = stored_business("ar1")
    assert (business.email, business.follow_up) == ("hello@northgate.co.uk", True)
    assert [m.get("text") for m in dispatcher.messages] == [message("email_saved")]
    assert service.recorded_answers("ar1") == []  # not kept as a view


def test_the_same_email_again_or_none_changes_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _closed("ar2")
    for text in ("thanks again, priya@northgate.co.uk", "what happens next?"):
        dispatcher = CollectingDispatcher()
        run(ActionFallback().run(dispatcher, make_tracker("ar2", text, slots=slots), domain))
        assert message("email_saved") not in [m.get("text") for m in dispatcher.messages]
    assert stored_business("ar2").email == "priya@northgate.co.uk"


def test_no_email_is_kept_for_a_business_that_did_not_take_part(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ar3", "rest", False)
    tracker = make_tracker("ar3", NEW_EMAIL, slots={"stage": "closed", "consent": False})
    dispatcher = CollectingDispatcher()
    run(ActionFallback().run(dispatcher, tracker, domain))
    assert message("email_saved") not in [m.get("text") for m in dispatcher.messages]
    assert stored_business("ar3").email is None


def test_not_right_now_is_a_decline_and_go_on_then_with_a_remark_starts(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "Not right now, sorry, one of my carers has rung in sick"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ar4", text, "nlu_fallback", events=CONSENT_SHOWN)
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert SlotSet("consent", False) in events and SlotSet("stage", "declined") in events
    assert "utter_declined" in [m.get("response") for m in dispatcher.messages]
    assert service.recorded_answers("ar4") == []

    later = "Actually, go on then, kettle's on."
    tracker = make_tracker(
        "ar4", later, "inform", slots={"stage": "declined"}, events=CONSENT_SHOWN
    )
    events = run(ActionFallback().run(CollectingDispatcher(), tracker, domain))
    assert SlotSet("consent", True) in events and FollowupAction("profile_form") in events
    assert service.recorded_answers("ar4") == []  # the remark touches no theme


def test_a_sarcastic_go_on_then_read_as_skip_takes_part(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "Go on then. Not like I've got a business to run or anything."
    tracker = make_tracker("ar5", text, "skip", events=CONSENT_SHOWN)
    events = run(ActionResume().run(CollectingDispatcher(), tracker, domain))
    assert SlotSet("consent", True) in events and SlotSet("stage", "profile") in events


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Creative, because a lot of the work is for film sets.", None),
        ("@btvlep creative i guess? we build film-style sets", None),
        ("creative: the new stages at Pinewood could double our work", "the new stages"),
    ],
)
def test_a_reason_that_only_describes_the_business_answers_no_island_question(
    database_url: str, domain: dict[str, Any], text: str, kept: str | None
) -> None:
    service.record_consent("ar6", "rest", True)
    tracker = make_tracker("ar6", text, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result["islands"] == ["creative_digital"]
    queue = question_queue(["creative_digital"])
    answers = service.recorded_answers("ar6")
    if kept is None:
        assert answers == [] and result["pending_questions"] == queue  # all three asked
        assert message("choice_view_kept", name="Creative and digital economy") not in texts(
            dispatcher
        )
    else:
        [answer] = answers
        assert answer.question_key == queue[0] and answer.text.startswith(kept)
        assert result["pending_questions"] == queue[1:]  # barriers next


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Yes, that is what the business wants to say.", True),
        ("yes, all good thanks", True),
        ("Yes, add skills too", False),  # a theme change
        ("Yes. Also the roads are awful round here", False),  # one more view
        ("yes but drop housing", False),
    ],
)
def test_a_yes_and_a_remark_confirms_the_play_back(text: str, yes: bool) -> None:
    assert yes_and_a_remark(text) is yes


def test_a_yes_and_a_remark_at_the_play_back_is_no_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ar7", "rest", True)
    text = "Yes, that is what the business wants to say."
    tracker = make_tracker("ar7", text, "inform", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert FollowupAction("contact_form") in events
    assert service.recorded_answers("ar7") == []


def test_a_yes_that_skips_the_questions_about_the_business(
    database_url: str, domain: dict[str, Any]
) -> None:
    # set AS: "go on but skip the bits about us, just want my say" was asked the name
    text = "@btvlep go on but skip the bits about us, just want my say"
    tracker = make_tracker("as1", text, "inform", events=CONSENT_SHOWN)
    dispatcher = CollectingDispatcher()
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert SlotSet("consent", True) in events
    assert {e["name"] for e in events if e.get("value") == SKIPPED} == set(PROFILE_SLOTS)
    assert "utter_profile_intro" not in [m.get("response") for m in dispatcher.messages]


def test_a_profile_skipped_before_the_form_is_not_filed(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.profile import ValidateProfileForm

    service.record_consent("as2", "rest", True)
    tracker = make_tracker("as2", "go on but skip the bits about us", active_loop="profile_form")
    form = ValidateProfileForm()
    assert form._clean("organisation", SKIPPED, tracker, CollectingDispatcher()) == {
        "organisation": SKIPPED
    }
    assert stored_business("as2").organisation is None


def test_the_same_view_again_at_the_play_back_is_kept_once(
    database_url: str, domain: dict[str, Any]
) -> None:
    # set V sent its skills answer five times; the play-back now reads long descriptions as
    # views, so a repeat must not be kept again
    service.record_consent("ar8", "rest", True)
    view = "Bucks College stopped its plumbing course so we can't get apprentices"
    service.record_answer("ar8", "rest", view, "seabed:education_skills:views", None)
    tracker = make_tracker("ar8", view, "inform", slots={"stage": "playback"})
    dispatcher = CollectingDispatcher()
    assert keep_view_at_playback(dispatcher, tracker)
    assert message("already_noted") in texts(dispatcher)
    assert len(service.recorded_answers("ar8")) == 1
