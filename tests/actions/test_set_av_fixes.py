"""What sets AV and AW of unseen conversations found in the forms: "its in my bio" and "The
practice name or the group's? ..." were kept as the name; "nothing more on the racing
side, next island please" and "(thats the barriers one btw)" were kept as answers and every
answer after them slid one question along; "Pass on that one really, except that no bank
will lend ..." lost its view as a skip; "Actually, leave it, I get enough emails as it is"
and "just DM me on here" were refused as malformed addresses; "yep all good, no emails ta"
at the play-back was asked which themes to change, and then about emails. Set AX: "I don't
see why not." at the consent question, read as a no, declined."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.close import ValidateContactForm
from actions.common import skipped
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.playback_replies import (
    follow_up_with_confirmation,
    laugh_then_confirms,
)
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import (
    correction_started,
    make_tracker,
    texts,
    validate_strategy_answer,
)

SPEED_AND_SPACE = question_queue(["high_performance_technology", "space"])


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("@btvlep its in my bio", "profile_points_elsewhere"),
        (
            "The practice name or the group's? We were bought out by one of the big "
            "corporates last year.",
            "which_name",
        ),
    ],
)
def test_a_name_the_bot_cannot_read_is_asked_for_again(
    database_url: str, domain: dict[str, Any], text: str, reply: str
) -> None:
    dispatcher = CollectingDispatcher()
    result = ValidateProfileForm().validate_organisation(
        text, dispatcher, make_tracker("av1", text), domain
    )
    assert result == {"organisation": None}
    assert texts(dispatcher) == [message(reply)]


def test_a_name_with_or_in_it_is_still_a_name(database_url: str, domain: dict[str, Any]) -> None:
    result = ValidateProfileForm().validate_organisation(
        "Fish or Chips Ltd",
        CollectingDispatcher(),
        make_tracker("av2", "Fish or Chips Ltd"),
        domain,
    )
    assert result == {"organisation": "Fish or Chips Ltd"}


def test_next_island_passes_over_the_rest_of_this_one(database_url: str) -> None:
    service.record_consent("aw1", "rest", True)
    pending = SPEED_AND_SPACE[1:]  # the opportunities question answered
    result, replies = validate_strategy_answer(
        "island_answer",
        "aw1",
        "nothing more on the racing side, next island please",
        {"islands": ["high_performance_technology", "space"], "pending_questions": pending},
    )
    assert result["pending_questions"] == question_queue(["space"])
    assert result["island_answer"] is None
    assert replies == [message("next_part")]
    assert service.recorded_answers("aw1") == []


def test_a_label_for_the_last_answer_keeps_nothing(database_url: str) -> None:
    service.record_consent("aw2", "rest", True)
    barriers, help_key = SPEED_AND_SPACE[1], SPEED_AND_SPACE[2]
    service.record_answer("aw2", "rest", "CAV funding all goes to consortia", barriers, "q")
    result, replies = validate_strategy_answer(
        "island_answer",
        "aw2",
        "@btvlep (thats the barriers one btw)",
        {"islands": ["high_performance_technology"], "pending_questions": [help_key]},
    )
    assert result == {"island_answer": None}  # the help question asked again
    assert replies == [message("label_noted")]
    assert [a.question_key for a in service.recorded_answers("aw2")] == [barriers]


def test_a_label_naming_the_question_pending_moves_the_last_answer(database_url: str) -> None:
    service.record_consent("aw3", "rest", True)
    opportunities, barriers = SPEED_AND_SPACE[0], SPEED_AND_SPACE[1]
    service.record_answer("aw3", "rest", "rents on the park are mad", opportunities, "q")
    result, _ = validate_strategy_answer(
        "island_answer",
        "aw3",
        "that was the barriers one",
        {"islands": ["high_performance_technology"], "pending_questions": SPEED_AND_SPACE[1:3]},
    )
    assert result["pending_questions"] == [SPEED_AND_SPACE[2]]
    assert [a.question_key for a in service.recorded_answers("aw3")] == [barriers]


def test_pass_except_a_view_is_no_skip() -> None:
    text = (
        "Pass on that one really, except that no bank will lend against a crop that can be "
        "wiped out by one flood"
    )
    tracker = make_tracker("av3", text, "skip")
    assert not skipped(tracker, text)
    assert skipped(make_tracker("av3", "pass", "skip"), "pass")
    assert skipped(make_tracker("av3", "pass, but thanks", "skip"), "pass, but thanks")


@pytest.mark.parametrize(
    "text", ["Actually, leave it, I get enough emails as it is", "@btvlep just DM me on here"]
)
def test_no_address_after_all_at_the_email_question(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    service.record_consent("av4", "rest", True)
    dispatcher = CollectingDispatcher()
    result = ValidateContactForm().validate_email(
        text, dispatcher, make_tracker("av4", text), domain
    )
    assert result["follow_up"] is False
    assert texts(dispatcher) == [message("no_email_after_all")]
    assert service.given_email("av4") is None


def test_a_yes_with_no_emails_at_the_play_back_settles_both(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("av5", "rest", True)
    result, _ = correction_started("av5", "@btvlep yep all good, no emails ta")
    assert result["theme_correction"] == "(no change)"
    assert result["follow_up"] is False
    # the contact form then validates the prefilled no as a no, whatever NLU read
    settled = ValidateContactForm().validate_follow_up(
        False, CollectingDispatcher(), make_tracker("av5", "x", "affirm"), domain
    )
    assert settled["follow_up"] is False


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("yep all good, no emails ta", False),
        ("yes thats right, no email thanks", False),
        ("Sorted, cheers. No emails", False),  # set AY
        ("That's better. Yes to emails", True),
        ("thats right now. go on then, email me", True),
        ("no, no emails", None),  # a no to the play-back
        ("yep all good", None),
    ],
)
def test_the_follow_up_answered_with_the_confirmation(text: str, wants: bool | None) -> None:
    assert follow_up_with_confirmation(text) is wants


@pytest.mark.parametrize(
    ("text", "confirmed"),
    [
        ("@btvlep ha, quicker than the council ever is. yes thats right", True),
        ("lol fair. yes", True),
        ("ha, the skills gap is still awful. yes thats right", False),  # a view, kept
        ("the A41 floods. yes thats right", False),
    ],
)
def test_a_laugh_then_yes_confirms(text: str, confirmed: bool) -> None:
    assert laugh_then_confirms(text) is confirmed


def test_a_yes_read_as_a_no_at_the_consent_question_takes_part(
    database_url: str, domain: dict[str, Any]
) -> None:
    # set AX: "I don't see why not." read as deny, and the rule declined
    from actions.consent import ActionRecordConsent
    from tests.actions.conftest import action_event, run, slot_sets

    shown = [action_event("utter_privacy"), action_event("utter_ask_consent")]
    tracker = make_tracker("ax1", "I don't see why not.", "deny", events=shown)
    dispatcher = CollectingDispatcher()
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert slot_sets(events)["consent"] is True
    assert service.is_consented("ax1") is True
    assert [e["name"] for e in events if e["event"] == "followup"] == ["profile_form"]
