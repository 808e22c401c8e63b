"""What set AG of unseen conversations (benchmarks/data/conversation_probe_ag.yml) found,
fixed and kept so (paraphrases the set does not use): a firm's name with "survey" in it is
its name, not a refusal; the play-back confirmed in words NLU reads as agreeing to take
part; "can we finish there" with a reason; a late second message after an apology joined
to the answer before and said so; the head count and town put right at a choice; a role
given with an asked-for sector change; "X... actually no, none of them"; "will our name be
in the report?" answered, not kept."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.common import answer_read_as_question
from actions.consent import ActionRecordConsent
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.asides import continues_answer
from bot.consultation.playback_replies import (
    confirms,
)
from bot.consultation.questions import message
from bot.consultation.replies import asks_to_finish, asks_who_sees
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    two_answers,
    validate_strategy_answer,
)

ROADS = "seabed:infrastructure:views"
SKILLS = "seabed:education_skills:views"


@pytest.mark.parametrize("name", ["Chiltern Survey Partners", "Land Survey Co"])
def test_a_name_with_survey_in_it_is_the_name_not_a_refusal(name: str) -> None:
    tracker = make_tracker(
        "ag-name", name, intent="consent_decline", slots={"requested_slot": "organisation"}
    )
    assert answer_read_as_question(tracker, "organisation", faq=False) == {"organisation": name}


def test_declining_the_survey_in_words_is_still_a_refusal() -> None:
    text = "actually I don't want to do this survey"
    tracker = make_tracker(
        "ag-no", text, intent="consent_decline", slots={"requested_slot": "organisation"}
    )
    assert answer_read_as_question(tracker, "organisation", faq=False) == {}


@pytest.mark.parametrize(
    "text",
    [
        "we're happy with that",
        "all present and correct",
        "thats us",
        "happy with it",
        "yeah that's pretty much the size of it",
        "that sums it all up",
    ],
)
def test_casual_confirmations_of_the_playback(text: str) -> None:
    assert confirms(text)


def test_agreeing_at_the_playback_confirms_it_and_does_not_restart_the_profile(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ag-agree", "rest", True)
    tracker = make_tracker(
        "ag-agree",
        "very happy with all that",
        intent="consent_agree",
        slots={"stage": "playback", "consent": True},
    )
    dispatcher = CollectingDispatcher()
    events = run(ActionRecordConsent().run(dispatcher, tracker, domain))
    assert events == [FollowupAction("contact_form")]
    assert texts(dispatcher) == ["utter_next_steps"]


@pytest.mark.parametrize(
    "text, finishes",
    [
        ("sorry, could we stop there, a customer has just walked in", True),
        ("ok can we wrap it up, the delivery's just arrived", True),
        ("when does the consultation finish?", False),
        ("we finish jobs late because the vans are stuck on the A41", False),
    ],
)
def test_asking_to_finish_with_a_reason(text: str, finishes: bool) -> None:
    assert asks_to_finish(text) is finishes


def test_a_finish_request_read_as_a_question_ends_the_questions(database_url: str) -> None:
    text = "sorry, could we stop there, a customer has just walked in"
    tracker = make_tracker("ag-fin", text, intent="faq", slots={"requested_slot": "seabed_answer"})
    assert answer_read_as_question(tracker, "seabed_answer") == {"seabed_answer": text}


@pytest.mark.parametrize(
    "text, carries_on",
    [
        ("oops sent that too early - and the unit has no three-phase power", True),
        ("sorry, hit send too soon. also we can't get insurance for the drones", True),
        ("sorry, and when do we hear back?", False),  # a question to the bot
        ("sorry about the typos", False),
    ],
)
def test_an_apology_before_a_continuation(text: str, carries_on: bool) -> None:
    assert continues_answer(text) is carries_on


def test_a_late_second_message_is_joined_to_the_answer_and_said_so(database_url: str) -> None:
    service.record_consent("ag-late", "rest", True)
    service.record_answer("ag-late", "rest", "we cant get welders", SKILLS, None)
    text = "oops sent that too early - and the college dropped its welding course"
    slots = {"seabed": ["education_skills", "infrastructure"], "pending_questions": [ROADS]}
    tracker_events = [{"event": "user", "text": "we cant get welders"}]
    from actions.consultation import ValidateStrategyForm

    tracker = make_tracker(
        "ag-late", text, slots=slots, events=tracker_events, active_loop="strategy_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, dispatcher, tracker, {})
    assert result == {"seabed_answer": None}  # the infrastructure question again
    assert texts(dispatcher) == [message("added_to_last")]
    [answer] = service.recorded_answers("ag-late")
    assert answer.question_key == SKILLS and "welding course" in answer.text


@pytest.mark.parametrize(
    "text, field, value",
    [
        (
            "quick one first, I said 6 but counting the part-timers it's nearer 14",
            "size_band",
            "Small (10-49 staff)",
        ),
        ("before I choose - I put Tring but the yard's in Wendover", "location", "Wendover"),
    ],
)
def test_the_profile_put_right_at_the_choice(
    database_url: str, domain: dict[str, Any], text: str, field: str, value: str
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("ag-fix", "rest", True)
    service.save_profile("ag-fix", "rest", size_band="Micro (1-9 staff)", location="Tring")
    slots = {"size_band": "Micro (1-9 staff)", "location": "Tring"}
    tracker = make_tracker("ag-fix", text, slots=slots, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result == {"islands": None, field: value}  # the choice asked again
    assert getattr(stored_business("ag-fix"), field) == value


def test_a_role_given_with_an_asked_for_sector_change_keeps_both(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ag-role", "rest", True)
    text = "@btvlep head chef, and could you update our sector to restaurant and bar please"
    slots = {"requested_slot": "role", "sector": "restaurant"}
    tracker = make_tracker("ag-role", text, slots=slots, active_loop="profile_form")
    result = ValidateProfileForm().validate_role(text, CollectingDispatcher(), tracker, domain)
    assert (result["role"], result["sector"]) == ("head chef", "restaurant and bar")


def test_a_change_of_mind_to_none_at_the_islands(database_url: str, domain: dict[str, Any]) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("ag-none", "rest", True)
    text = "space maybe... no actually, none of them fit us"
    tracker = make_tracker("ag-none", text, intent="choose_theme", active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, dispatcher, tracker, domain)
    assert result["islands"] == []


@pytest.mark.parametrize(
    "text, asks",
    [
        ("will the company name be in the report?", True),
        ("is this anonymous?", True),
        ("our name is on every van and the A41 is awful", False),
    ],
)
def test_asking_whether_the_business_is_named(text: str, asks: bool) -> None:
    assert asks_who_sees(text) is asks


def test_asking_whether_the_business_is_named_is_answered_not_kept(database_url: str) -> None:
    service.record_consent("ag-named", "rest", True)
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    text = "first - will our firm's name be in any report? the landlord might read it"
    result, replies = validate_strategy_answer("seabed_answer", "ag-named", text, slots)
    assert result == {"seabed_answer": None}
    assert replies == ["utter_faq/data_privacy"]
    assert service.recorded_answers("ag-named") == []


def test_a_theme_added_to_an_answer_by_its_place_is_applied(database_url: str) -> None:
    from actions.playback import ValidateCorrectionForm

    two_answers("ag-add", (ROADS, "nowhere to rent a bigger yard near Bierton"))
    text = "the second one should have housing on too, the yard is for the new estates"
    tracker = make_tracker("ag-add", text, "inform", slots={"stage": "playback"})
    form = ValidateCorrectionForm()
    extracted = run(form.extract_theme_correction(CollectingDispatcher(), tracker, {}))
    assert extracted == {"theme_correction": text}  # not "which themes should I add?"
    form.validate_theme_correction(text, CollectingDispatcher(), tracker, {})
    second = service.recorded_answers("ag-add")[1]
    assert "housing_growth" in second.themes


@pytest.mark.parametrize(
    "text", ["we should have more apprentices too", "the first one is fine, thanks"]
)
def test_a_view_or_a_remark_at_the_playback_adds_no_theme(text: str) -> None:
    from bot.consultation.playback_replies import (
        adds_to_pointed_answer,
    )

    assert not adds_to_pointed_answer(text, 2)


@pytest.mark.parametrize(
    "text, gone",
    [
        ("skills, housing and infrastructure - actually leave housing out", "housing_growth"),
        ("environment and skills, but drop the environment", "environment_quality_of_life"),
    ],
)
def test_a_theme_left_out_in_the_same_message_as_the_choice(
    database_url: str, domain: dict[str, Any], text: str, gone: str
) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("ag-left", "rest", True)
    tracker = make_tracker("ag-left", text, intent="choose_theme", active_loop="strategy_form")
    result = ValidateStrategyForm().validate_seabed(text, CollectingDispatcher(), tracker, domain)
    assert result["seabed"] and gone not in result["seabed"]


@pytest.mark.parametrize(
    "text, filed",
    [
        ("just outside Wendover", "Wendover"),
        ("we're just outside High Wycombe", "High Wycombe"),
        ("near Wendover", "near Wendover"),  # sets G and I keep "near" as typed
    ],
)
def test_just_outside_a_town_is_filed_as_the_town(text: str, filed: str) -> None:
    from bot.consultation.profile import tidy_profile_answer

    assert tidy_profile_answer("location", text) == filed
