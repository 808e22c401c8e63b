"""What set AY of unseen conversations found at the play-back and the close: "Nope, nothing
to change" and "Right, fair enough. All correct then" were not read as a yes; "Blimey,
reads like a right old moan doesn't it. Fair enough though" and '"banks laugh at a woodsman"
- thats it exactly. yes all right' were added as views; "Sorted. No to the emails, thanks"
and "That's better. Yes to emails" were asked which themes to change; "yes. will the council
get to see this?" was answered and asked for the yes again; "bin number 2" was kept as a
view; "I'd say yes but I'd never read them. Best not" was not a no."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.playback import (
    NO_CHANGE,
    ValidateCorrectionForm,
    confirmed_in_other_words,
)
from bot.consultation import service
from bot.consultation.playback_replies import (
    confirms,
    laugh_then_confirms,
    yes_then_asks,
)
from bot.consultation.replies import says_no_and_why
from bot.consultation.taking_out import take_out_answers, taken_out_number
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    ("text", "confirmed"),
    [
        ("Nope, nothing to change", True),
        ("Right, fair enough. All correct then", True),
        ("That's better", True),
        ("thats it exactly. yes all right", True),
        ("no", False),
        ("nothing", False),
        ("Right, but drop housing", False),
    ],
)
def test_confirmations_in_other_words(text: str, confirmed: bool) -> None:
    assert confirms(text) is confirmed


def test_an_exclamation_then_a_yes_confirms() -> None:
    assert laugh_then_confirms("Blimey, reads like a right old moan doesn't it. Fair enough though")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("yes. will the council get to see this?", True),
        ("yes the A41 is bad?", False),
        ("no. why?", False),
    ],
)
def test_a_yes_then_a_question(text: str, asks: bool) -> None:
    assert yes_then_asks(text) is asks


def _played_back(sender: str, *answers: str) -> None:
    service.record_consent(sender, "rest", True)
    for text in answers:
        service.record_answer(sender, "rest", text, "seabed:entrepreneurialism:views", "q")


def test_an_answer_quoted_back_then_a_yes_confirms(database_url: str) -> None:
    _played_back("ay1", "im a one man band. banks laugh at a woodsman, hazel is cheap")
    text = '@btvlep "banks laugh at a woodsman" - thats it exactly. yes all right'
    tracker = make_tracker("ay1", text, slots={"stage": "playback"})
    events = confirmed_in_other_words(CollectingDispatcher(), tracker)
    assert events is not None
    assert [e["name"] for e in events if e["event"] == "followup"] == ["contact_form"]
    assert len(service.recorded_answers("ay1")) == 1  # nothing added


def test_a_yes_and_no_emails_inside_the_correction_form(database_url: str) -> None:
    _played_back("ay2", "the unit is fine, we need a training bay")
    text = "Sorted. No to the emails, thanks"
    tracker = make_tracker("ay2", text, slots={"stage": "playback"}, active_loop="correction_form")
    result = ValidateCorrectionForm().validate_theme_correction(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result["theme_correction"] == NO_CHANGE
    assert result["follow_up"] is False


def test_an_answer_taken_out_by_its_number(database_url: str) -> None:
    _played_back("ay3", "cant keep ironer operators", "same problem really", "heat pumps")
    assert taken_out_number("@btvlep bin number 2, its just number 1 again") == 2
    assert taken_out_number("drop number 2 from skills") is None  # a theme change
    reply = take_out_answers("ay3", "@btvlep bin number 2, its just number 1 again")
    assert reply is not None
    assert [a.text for a in service.recorded_answers("ay3")] == [
        "cant keep ironer operators",
        "heat pumps",
    ]
    assert take_out_answers("ay3", "bin number 7") is None


def test_best_not_after_a_remark_is_a_no(domain: dict[str, Any]) -> None:
    assert says_no_and_why("Ha, I'd say yes but I'd never read them. Best not")


def test_set_ba_scots_and_text_speak() -> None:
    from bot.consultation.consent_reply import agrees_to_take_part
    from bot.consultation.questions import named_themes

    assert confirms("aye, no bad")  # at the play-back
    assert not confirms("not bad but drop housing")
    assert agrees_to_take_part("ngl thought this was spam but ok go on")
    assert not agrees_to_take_part("not now but go on")
    assert named_themes("@btvlep high perf") == ["high_performance_technology"]
