"""What sets AA and AB of unseen conversations found, fixed and kept so: a change to an
answer joins that answer (one answer per question, as the business finally meant it);
"actually change the second one" asks for its new wording, which replaces it; "take digital
science off the first one" removes the theme; a yes with the organisation's name agrees and
keeps the name; "@btvlep ys" accepts the play-back; "zilch" and "nothing there" are skips."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import record
from actions.fallback import ActionFallback
from actions.playback import ADDED, ActionAskThemeCorrection, ValidateCorrectionForm
from actions.strategy_state import DONE
from bot.consultation import service
from bot.consultation.amendments import ADDED as JOINED
from bot.consultation.amendments import CORRECTED, amend_answer
from bot.consultation.consent_details import yes_with_name
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.playback_fixes import change_asked, new_wording
from bot.consultation.questions import message, parse_correction
from bot.consultation.replies import means_nothing
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent
from tests.actions.conftest import (
    correction_started,
    make_tracker,
    run,
    stored_business,
    texts,
    two_answers,
    validate_strategy_answer,
)

DIGITAL, ROADS, ENV = (
    "seabed:digital_science:views",
    "seabed:infrastructure:views",
    "seabed:environment_quality_of_life:views",
)
PLAYBACK = {"stage": "playback"}


# --- a correction at the play-back joins the answer it corrects ---------------------------


def test_a_town_put_right_at_the_playback_joins_that_answer(database_url: str) -> None:
    old = "broadband in amersham old town is so slow we courier drawings on a usb stick"
    two_answers("ab-town", (ROADS, old))
    text = "the second one should say chesham, not amersham"
    result, replies = correction_started("ab-town", text)
    assert result == {"theme_correction": ADDED}  # the play-back shown again
    assert replies == [message("item_corrected", n=2)]
    answers = service.recorded_answers("ab-town")
    assert [(a.question_key, a.text) for a in answers][1:] == [
        (ROADS, f"{old} [corrected: {text}]")
    ]
    assert len(answers) == 2 and "infrastructure" in answers[1].themes


@pytest.mark.parametrize(
    "text, n",
    [
        ("actually change the second one", 2),
        ("@btvlep actually change the second one", 2),
        ("can I redo number 1?", 1),
        ("the last one is wrong", 2),
    ],
)
def test_asking_to_change_an_answer_asks_for_its_new_wording(
    database_url: str, text: str, n: int
) -> None:
    two_answers("ab-ask", (ENV, "we want to go low carbon, the brewhouse still burns gas"))
    result, replies = correction_started("ab-ask", text)
    assert result == {"amend_item": n} and replies == []
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ab-ask", text, slots={**PLAYBACK, "amend_item": n})
    run(ActionAskThemeCorrection().run(dispatcher, tracker, {}))
    assert texts(dispatcher) == [message("ask_new_wording", n=n)]


def test_the_new_wording_replaces_the_answer(database_url: str) -> None:
    two_answers("ab-new", (ENV, "we want to go low carbon, the brewhouse still burns gas"))
    text = "@btvlep should be: we'd put solar on the brewery roof but the grid quote was 60k"
    dispatcher = CollectingDispatcher()
    slots = {**PLAYBACK, "amend_item": 2, "requested_slot": "theme_correction"}
    tracker = make_tracker("ab-new", text, "inform", slots=slots, active_loop="correction_form")
    result = ValidateCorrectionForm().validate_theme_correction(text, dispatcher, tracker, {})
    assert result == {"theme_correction": ADDED, "amend_item": None}
    assert texts(dispatcher) == [message("item_replaced", n=2)]
    second = service.recorded_answers("ab-new")[1]
    assert (second.question_key, second.text) == (
        ENV,
        "we'd put solar on the brewery roof but the grid quote was 60k",
    )
    assert "environment_quality_of_life" in second.themes


@pytest.mark.parametrize("text", ["never mind", "leave it", "skip"])
def test_leaving_it_keeps_the_answer(database_url: str, text: str) -> None:
    two_answers("ab-keep", (ENV, "we want to go low carbon, the brewhouse still burns gas"))
    slots = {**PLAYBACK, "amend_item": 2, "requested_slot": "theme_correction"}
    tracker = make_tracker("ab-keep", text, slots=slots, active_loop="correction_form")
    dispatcher = CollectingDispatcher()
    result = ValidateCorrectionForm().validate_theme_correction(text, dispatcher, tracker, {})
    assert result == {"theme_correction": "(kept)", "amend_item": None}
    assert service.recorded_answers("ab-keep")[1].text.startswith("we want to go low carbon")


@pytest.mark.parametrize(
    "text, n",
    [("the second one", None), ("change it", None), ("2 should read electricians", None)],
)
def test_only_a_request_without_the_change_asks_for_a_wording(text: str, n: Any) -> None:
    assert change_asked(text, 3) == n


def test_a_new_wording_needs_a_colon_after_should_say() -> None:
    assert new_wording("number 2 should read: the A413 at Amersham is gridlocked") == (
        "the A413 at Amersham is gridlocked"
    )
    assert new_wording("the second one should say chesham, not amersham") is None


def test_an_amendment_is_audited_and_retagged(database_url: str) -> None:
    service.record_consent("ab-audit", "rest", True)
    answer = service.record_answer("ab-audit", "rest", "rents are mad", ROADS, "q")
    assert answer is not None
    assert amend_answer("ab-audit", answer.response_id, "and skills are short too", JOINED)
    (stored,) = service.recorded_answers("ab-audit")
    assert stored.text == "rents are mad [added later: and skills are short too]"
    assert "education_skills" in stored.themes
    with session_scope() as session:
        events = session.query(AuditEvent).filter_by(action="answer_amended").all()
        assert [(e.response_id, e.detail) for e in events] == [
            (answer.response_id, {"question_key": ROADS, "how": JOINED})
        ]


def test_an_amendment_of_another_senders_answer_does_nothing(database_url: str) -> None:
    service.record_consent("ab-mine", "rest", True)
    answer = service.record_answer("ab-mine", "rest", "rents are mad", ROADS, "q")
    assert answer is not None
    assert not amend_answer("ab-other", answer.response_id, "not mine", CORRECTED)
    assert service.recorded_answers("ab-mine")[0].text == "rents are mad"
    with pytest.raises(ValueError):
        amend_answer("ab-mine", answer.response_id, "x", "rewritten")


# --- a theme taken off in the business's own words -----------------------------------------


@pytest.mark.parametrize(
    "text, add, remove",
    [
        (
            "take digital science off the first one, it's about the phone signal",
            [],
            ["digital_science"],
        ),
        ("not about housing, take housing off", [], ["housing_growth"]),
        ("add skills and take space out", ["education_skills"], ["space"]),
        ("knock housing off please", [], ["housing_growth"]),
        ("drop infrastructure, add skills", ["education_skills"], ["infrastructure"]),
    ],
)
def test_a_theme_taken_off(text: str, add: list[str], remove: list[str]) -> None:
    assert parse_correction(text) == (add, remove)


# --- a yes with the organisation's name ------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("YES please, we're Hartwell Precision", "Hartwell Precision"),
        ("sure - this is Marlow Boatworks", "Marlow Boatworks"),
        ("yes, this is Sarah from Acme Tools Ltd", "Acme Tools Ltd"),
        ("Yes, we are Silverstone Composites.", "Silverstone Composites"),
        ("yes we're struggling to recruit", None),
        ("Yes we're in Aylesbury", None),
        ("ok, we're a bakery", None),
        ("yes but later, we're Acme", None),
    ],
)
def test_a_yes_with_the_name(text: str, name: str | None) -> None:
    assert yes_with_name(text) == name
    if name:
        assert agrees_to_take_part(text)


def test_agreeing_with_the_name_keeps_it_and_skips_the_name_question(database_url: str) -> None:
    tracker = make_tracker("aa-name", "YES please, we're Hartwell Precision", "nlu_fallback")
    events = record(CollectingDispatcher(), tracker, {"responses": {}}, True)
    assert SlotSet("organisation", "Hartwell Precision") in events
    assert service.is_consented("aa-name")
    assert stored_business("aa-name").organisation == "Hartwell Precision"


# --- "@btvlep ys" at the play-back; more ways to say nothing ------------------------------


def test_a_phone_yes_with_a_handle_accepts_the_playback(
    database_url: str, domain: dict[str, Any]
) -> None:
    two_answers("aa-ys", (ROADS, "no 4g on site"))
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "aa-ys", "@btvlep ys", "nlu_fallback", slots={**PLAYBACK, "consent": True}
    )
    events = run(ActionFallback().run(dispatcher, tracker, domain))
    assert events == [FollowupAction("contact_form")]
    assert [m.get("response") for m in dispatcher.messages] == ["utter_next_steps"]


@pytest.mark.parametrize(
    "text, nothing",
    [
        ("@btvlep zilch", True),
        ("@btvlep nothing there", True),
        ("got nothing on that one", True),
        ("nada", True),
        ("nothing works in this town after six", False),
        ("zilch support for small firms", False),
    ],
)
def test_more_ways_to_say_nothing(text: str, nothing: bool) -> None:
    assert means_nothing(text) is nothing


@pytest.mark.parametrize("intent", ["hold", "nlu_fallback"])
def test_a_change_asked_for_however_nlu_read_it_starts_the_correction(
    database_url: str, domain: dict[str, Any], intent: str
) -> None:
    from actions.faq import ActionResume

    two_answers("ab-hold", (ENV, "we want to go low carbon, the brewhouse still burns gas"))
    text = "@btvlep actually change the second one"
    tracker = make_tracker("ab-hold", text, intent, slots={**PLAYBACK, "consent": True})
    action = ActionResume() if intent == "hold" else ActionFallback()
    assert run(action.run(CollectingDispatcher(), tracker, domain)) == [
        SlotSet("amend_item", 2),
        FollowupAction("correction_form"),
    ]


def test_a_theme_taken_off_with_the_no_is_applied_at_once(database_url: str) -> None:
    service.record_consent("aa-off", "rest", True)
    service.record_answer(
        "aa-off", "rest", "apprentices leave once the new houses cost 400k", ROADS, "q"
    )
    service.correct_themes("aa-off", add=["housing_growth"], remove=[])
    text = "nearly, but that one's about keeping staff, not about housing, take housing off"
    result, _ = correction_started("aa-off", text)
    assert result == {"theme_correction": text}


def test_an_answer_pointed_at_and_a_theme_denied_starts_the_correction(database_url: str) -> None:
    two_answers("ad-not", (ENV, "house prices mean our juniors commute from Slough"))
    text = "and the last one's not a housing thing, it's about the juniors being worn out"
    result, _ = correction_started("ad-not", text)
    assert result == {"theme_correction": text}


# --- an address offered inside an answer, or with the yes to the play-back -----------------


@pytest.mark.parametrize(
    "text, email",
    [
        (
            "we sell scheduling software. btw happy for you to email me, tom@volt.co.uk",
            "tom@volt.co.uk",
        ),
        ("feel free to contact me on sam at gmail dot com", "sam@gmail.com"),
        ("our old supplier was sales@acme.co.uk and they went bust", None),
    ],
)
def test_an_address_offered_for_follow_up(text: str, email: str | None) -> None:
    from bot.consultation.email_text import offered_email

    assert offered_email(text) == email


def test_an_answer_offering_an_address_keeps_it_as_the_contact(database_url: str) -> None:
    service.record_consent("aa-offer", "rest", True)
    text = "fleets want our charging software. btw happy for you to email me, tom@volt.co.uk"
    slots = {"seabed": ["infrastructure"], "pending_questions": [ROADS]}
    result, replies = validate_strategy_answer("seabed_answer", "aa-offer", text, slots)
    assert result["follow_up"] is True and result["email"] == "tom@volt.co.uk"
    assert message("email_saved") in replies
    (answer,) = service.recorded_answers("aa-offer")
    assert "tom@volt.co.uk" not in answer.text and "charging software" in answer.text
    business = stored_business("aa-offer")
    assert (business.email, business.follow_up) == ("tom@volt.co.uk", True)


def test_the_playback_yes_with_an_address_answers_the_follow_up() -> None:
    from actions.close import ValidateContactForm

    text = "yes that's right, and yes email me, sarah@chilternbrew.co.uk"
    tracker = make_tracker("aa-yes-email", text, "affirm", slots=PLAYBACK)
    extracted = run(ValidateContactForm().extract_follow_up(CollectingDispatcher(), tracker, {}))
    assert extracted == {"follow_up": text}
    plain = make_tracker("aa-yes", "yes", "affirm", slots=PLAYBACK)
    assert run(ValidateContactForm().extract_follow_up(CollectingDispatcher(), plain, {})) == {}


# --- a choice sent in two halves ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, unfinished",
    [
        ("skills and", True),
        ("housing,", True),
        ("space,", False),
        ("skills and infrastructure", False),
        ("and", False),
    ],
)
def test_a_choice_that_stops_on_a_joining_word(text: str, unfinished: bool) -> None:
    from bot.consultation.choices import unfinished_choice
    from bot.strategy import SEABED_IDS

    assert unfinished_choice(text, SEABED_IDS) is unfinished


def test_the_two_halves_of_a_choice_are_read_together(database_url: str) -> None:
    from actions.consultation import ValidateStrategyForm
    from tests.actions.conftest import user_event

    service.record_consent("aa-halves", "rest", True)
    form, slots = ValidateStrategyForm(), {"requested_slot": "seabed"}
    first = make_tracker("aa-halves", "skills and", slots=slots, active_loop="strategy_form")
    assert form.validate_seabed("skills and", CollectingDispatcher(), first, {}) == {"seabed": None}
    second = make_tracker(
        "aa-halves",
        "infrastructure",
        slots=slots,
        events=[user_event("skills and", "choose_theme", "rest")],
        active_loop="strategy_form",
    )
    result = form.validate_seabed("infrastructure", CollectingDispatcher(), second, {})
    assert result["seabed"] == ["education_skills", "infrastructure"]
    assert service.recorded_answers("aa-halves") == []


@pytest.mark.parametrize(
    "text, gone",
    [
        ("actually scratch the space ones, we're not really space", ["space"]),
        ("can we skip the space questions please", ["space"]),
        ("we had to drop the space side of the business", []),
        ("scratch that", []),
    ],
)
def test_an_islands_questions_left_out(text: str, gone: list[str]) -> None:
    from bot.consultation.choice_changes import dropped_themes

    assert dropped_themes(text, ["medical_technologies", "space"]) == gone


def test_the_questions_left_out_are_not_asked_and_nothing_is_kept(database_url: str) -> None:
    service.record_consent("aa-scratch", "rest", True)
    pending = [f"island:space:{k}" for k in ("opportunities", "barriers", "help")]
    text = "actually scratch the space ones, we only sold one insole at westcott"
    result, replies = validate_strategy_answer(
        "island_answer", "aa-scratch", text, {"islands": ["space"], "pending_questions": pending}
    )
    assert result["pending_questions"] == [] and result["island_answer"] == DONE
    assert replies == [message("questions_dropped", names="Space")]
    assert service.recorded_answers("aa-scratch") == []


def test_a_question_instead_of_the_new_wording_asks_again(database_url: str) -> None:
    two_answers("ab-q", (ENV, "we want to go low carbon, the brewhouse still burns gas"))
    text = "what do you mean?"
    slots = {**PLAYBACK, "amend_item": 2, "requested_slot": "theme_correction"}
    tracker = make_tracker("ab-q", text, slots=slots, active_loop="correction_form")
    result = ValidateCorrectionForm().validate_theme_correction(
        text, CollectingDispatcher(), tracker, {}
    )
    assert result == {"theme_correction": None}
    assert service.recorded_answers("ab-q")[1].text.startswith("we want to go low carbon")
