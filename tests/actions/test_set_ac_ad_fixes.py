"""What sets AC and AD of unseen conversations found, fixed and kept so: additions at the
play-back by number or subject join their answer; a view then a question keeps the view;
side questions read by their words; more ways to say nothing and to confirm the play-back;
a question after the goodbye restarts nothing; a florist called Forget Me Not Flowers never
deletes anything; "@btvlep yes" to an open question is asked for a sentence."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.playback import ADDED
from bot.consultation import service
from bot.consultation.questions import message
from bot.consultation.replies import means_nothing
from tests.actions.conftest import (
    correction_started,
    make_tracker,
    run,
    stored_business,
    texts,
    two_answers,
    validate_strategy_answer,
)

ROADS = "seabed:infrastructure:views"
ENV = "seabed:environment_quality_of_life:views"

# --- set AD: additions at the play-back, a view then a question, more ways to say nothing ---


@pytest.mark.parametrize(
    "text, n, added",
    [
        (
            "on the walkers one, add that there's no bus up the hill",
            2,
            "there's no bus up the hill",
        ),
        ("@btvlep the second one, stick on the end that we lost two devs", 2, "we lost two devs"),
        (
            "For the first one, put that the banks want two years of accounts",
            1,
            "the banks want two years of accounts",
        ),
        # set AF's wordings
        (
            "one more thing for answer 1 - the college stopped its course",
            1,
            "the college stopped its course",
        ),
        ("could you tack onto 2 that the lane floods too", 2, "the lane floods too"),
    ],
)
def test_an_addition_to_a_played_back_answer_joins_it(
    database_url: str, text: str, n: int, added: str
) -> None:
    two_answers("ad-add", (ENV, "most of our trade is walkers up from London"))
    result, replies = correction_started("ad-add", text)
    assert result == {"theme_correction": ADDED}
    assert replies == [message("item_added", n=n)]
    answers = service.recorded_answers("ad-add")
    assert len(answers) == 2 and answers[n - 1].text.endswith(f"[added later: {added}]")


def test_where_i_said_puts_that_answer_right(database_url: str) -> None:
    two_answers("ad-said", (ROADS, "the roof leaks and there's nowhere else in Gerrards Cross"))
    text = "where I said Gerrards Cross, make that Chalfont St Peter"
    result, replies = correction_started("ad-said", text)
    assert replies == [message("item_corrected", n=2)]
    assert service.recorded_answers("ad-said")[1].text.endswith(f"[corrected: {text}]")


@pytest.mark.parametrize(
    "text, statement, topic",
    [
        (
            "we never get a meeting at Oxford about licensing. who's actually running this?",
            "we never get a meeting at Oxford about licensing.",
            "who_preparing",
        ),
        ("the A41 is awful every day. will the LEP fix it?", None, None),
        ("what's this Oxford to Cambridge arc?", None, None),
    ],
)
def test_a_view_then_a_question(text: str, statement: str | None, topic: str | None) -> None:
    from bot.consultation.replies import view_then_question

    assert view_then_question(text) == ((statement, topic) if statement else None)


def test_the_view_before_a_question_is_kept_and_the_question_answered(database_url: str) -> None:
    service.record_consent("ad-vq", "rest", True)
    text = "we never get a meeting at Oxford about licensing. who's actually putting this together?"
    slots = {
        "seabed": ["entrepreneurialism"],
        "pending_questions": ["seabed:entrepreneurialism:views"],
    }
    result, replies = validate_strategy_answer("seabed_answer", "ad-vq", text, slots)
    assert replies == ["utter_faq/who_preparing"]
    assert [a.text for a in service.recorded_answers("ad-vq")] == [
        "we never get a meeting at Oxford about licensing."
    ]


@pytest.mark.parametrize(
    "question, topic",
    [
        ("before I answer, what's this Oxford to Cambridge arc everyone mentions", "arc"),
        ("hang on, whats the arc when its at home", "arc"),
        ("what actually happens to all this once I'm done", "next_steps"),
        ("who sees this", "data_privacy"),
    ],
)
def test_side_questions_by_their_topic(question: str, topic: str) -> None:
    from bot.consultation.replies import asked_topic

    assert asked_topic(question) == topic


@pytest.mark.parametrize(
    "text",
    ["meh", "not fussed either way", "blank on this one, sorry", "honestly not sure, move on"],
)
def test_nothing_to_say_in_set_ads_words(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize("text", ["thats right now", "yes that's it", "@btvlep all good"])
def test_a_playback_confirmed_in_other_words(database_url: str, text: str) -> None:
    from actions.playback import NO_CHANGE

    two_answers("ad-ok", (ROADS, "no 4g on site"))
    assert correction_started("ad-ok", text)[0] == {"theme_correction": NO_CHANGE}


def test_a_question_after_the_goodbye_read_as_agreeing_restarts_nothing(
    database_url: str, domain: dict[str, Any]
) -> None:
    from actions.consent import ActionRecordConsent

    two_answers("ad-late", (ROADS, "no 4g on site"))
    text = "@btvlep and when will anyone actually decide anything?"
    slots = {"stage": "closed", "consent": True}
    tracker = make_tracker("ad-late", text, "consent_agree", slots=slots)
    dispatcher = CollectingDispatcher()
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert events == [FollowupAction("action_listen")]  # no profile, no stage change
    assert "utter_profile_intro" not in texts(dispatcher) and texts(dispatcher)


def test_nothing_to_do_with_a_theme_at_the_playback_takes_it_off(database_url: str) -> None:
    two_answers("ad-roads", (ROADS, "route to market is through the primes"))
    text = "the first one's nothing to do with roads, route to market means who we sell to"
    assert correction_started("ad-roads", text)[0] == {"theme_correction": text}


# --- set AC: a name with "forget me" in it, "@btvlep yes" to an open question -----------------


@pytest.mark.parametrize(
    "text, forget",
    [
        ("Forget Me Not Flowers", False),
        ("thank you! and dont forget me 🌸", False),
        ("forget-me-not florist", False),
        ("forget me", True),
        ("please forget me, delete everything", True),
    ],
)
def test_forget_me_only_when_asked(text: str, forget: bool) -> None:
    from bot.consultation.leaving import asks_to_forget

    assert asks_to_forget(text) is forget


def test_a_name_with_forget_me_in_it_is_the_name(database_url: str, domain: dict[str, Any]) -> None:
    from actions.forgetting import ActionForget

    service.record_consent("ac-florist", "rest", True)
    slots = {"requested_slot": "organisation", "consent": True}
    tracker = make_tracker(
        "ac-florist", "Forget Me Not Flowers", "forget_me", slots=slots, active_loop="profile_form"
    )
    events = run(ActionForget().run(CollectingDispatcher(), tracker, domain))
    assert events == [
        SlotSet("organisation", "Forget Me Not Flowers"),
        FollowupAction("profile_form"),
    ]
    assert service.is_consented("ac-florist")
    assert stored_business("ac-florist").organisation == "Forget Me Not Flowers"


def test_a_bare_yes_on_x_to_an_open_question_is_nudged_not_kept(database_url: str) -> None:
    service.record_consent("ac-yes", "rest", True)
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    result, replies = validate_strategy_answer("seabed_answer", "ac-yes", "@btvlep yes", slots)
    assert result == {"seabed_answer": None} and replies == [message("say_more")]
    assert service.recorded_answers("ac-yes") == []


@pytest.mark.parametrize(
    "slot, text, kept",
    [
        ("organisation", "@btvlep Vale Skips", "Vale Skips"),
        ("sector", "@btvlep skip hire", "skip hire"),
        ("sector", "skip", None),
    ],
)
def test_skip_as_a_trade_is_the_answer_whatever_nlu_read(
    database_url: str, slot: str, text: str, kept: str | None
) -> None:
    from actions.profile import ValidateProfileForm

    service.record_consent("ac-skips", "rest", True)
    slots = {"requested_slot": slot, "consent": True}
    tracker = make_tracker("ac-skips", text, "skip", slots=slots, active_loop="profile_form")
    validate = getattr(ValidateProfileForm(), f"validate_{slot}")
    result = validate(text, CollectingDispatcher(), tracker, {})
    assert (result[slot] if kept else getattr(stored_business("ac-skips"), slot)) == kept
