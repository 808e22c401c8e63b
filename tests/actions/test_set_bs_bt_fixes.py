"""Sets BS (owners whose first language is not English) and BT (owners unsure of the process
or of chatbots) of unseen conversations on their first run, 10 / 12 and 2 / 12: signatures
on every message filed in the profile, questions about how to answer or choose stored as
answers or read as choices, "yeah loads" kept as a view, thanks read as a choice, a name put
in the wrong box, "all day" read as all the islands, a business name read as a question."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.about_chat import asks_to_finish_later
from bot.consultation.asides import asks_who_reads
from bot.consultation.choice_help import asks_how_to_choose
from bot.consultation.consent_reply import asks_before_agreeing
from bot.consultation.head_count import size_band_for
from bot.consultation.playback_replies import confirms, yes_and_a_remark
from bot.consultation.profile_checks import without_sign_off
from bot.consultation.profile_followups import redone_answer
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.questions import match_themes, message
from bot.consultation.remarks import remarks_on_the_chat
from bot.consultation.replies import hedge_only, thanks_only
from bot.consultation.replies.pauses import greeting_only
from bot.nlu.reply_intents import certain_intent
from tests.actions.conftest import make_tracker, slot_event, stored_business, user_event


@pytest.mark.parametrize(
    ("text", "before", "kept"),
    [
        ("tree surgery - Kev", "fair enough, yes - Kev", "tree surgery"),
        ("Proprietor - Pauline", "Wendover - Pauline", "Proprietor"),
        ("the nail lounge x", None, "the nail lounge"),
        ("High Wycombe - Cressex", "5", "High Wycombe - Cressex"),  # a town and its estate
        ("High Wycombe - Cressex", None, "High Wycombe - Cressex"),
    ],
)
def test_a_signature_is_no_part_of_a_profile_answer(
    text: str, before: str | None, kept: str
) -> None:
    assert without_sign_off(text, signed_before=before) == kept


@pytest.mark.parametrize(
    "text",
    [
        "What would you like me to put here? A sentence or just a word?\nRegards, Reg",
        "I'm sorry, I don't understand the question. What do you want me to say? - Pauline",
        "@btvlep what am i meant to put here?? x",
        "Have I done that right? We're not engineers, we just do the stitching for the teams",
        "did that work?",
    ],
)
def test_how_to_answer_is_asked_not_answered(text: str) -> None:
    assert asks_what_the_question_means(text)


@pytest.mark.parametrize(
    "text",
    [
        "have i done that right? the A41 is a nightmare and we cant get staff",
        "what should we put on the roads? more buses",
    ],
)
def test_a_view_beside_the_question_is_an_answer(text: str) -> None:
    assert not asks_what_the_question_means(text)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("@btvlep is it ok to just pick one or do i have to do all of them", True),
        ("I'm worried I'll press the wrong thing. Do I have to choose one?", True),
        ("@btvlep what if i put the wrong one? - Kev", True),
        ("can i pick space and film?", False),  # a choice, asked
        ("skills and roads", False),
    ],
)
def test_how_to_choose(text: str, asks: bool) -> None:
    assert asks_how_to_choose(text) is asks


def test_questions_about_who_sees_and_whether_to_answer_everything() -> None:
    assert asks_who_reads("@btvlep wait will the council see this?? i dont want them knowing x")
    assert asks_before_agreeing("@btvlep do i have to answer every question? - Kev")
    assert asks_to_finish_later("I'm in the middle of a job, can I do the rest of this tonight?")
    assert greeting_only("Evening. Right, I'm back to finish this off")


@pytest.mark.parametrize(
    ("text", "no_view"),
    [
        ("yeah a couple", True),
        ("Yes, some help would be good", True),
        ("Yes very much so\nRegards, Reg", True),
        ("loads of work from pinewood", False),
        ("some days the A41 is fine", False),
    ],
)
def test_an_amount_or_a_yes_to_an_open_question_is_no_view_yet(text: str, no_view: bool) -> None:
    assert hedge_only(text) is no_view


def test_thanks_and_remarks_on_the_chat() -> None:
    assert thanks_only("Thank you, that's very helpful")
    assert not thanks_only("yes") and not thanks_only("thanks, skills")
    assert remarks_on_the_chat("Thanks, this is easier than I expected")
    assert remarks_on_the_chat("@btvlep thx for being patient im new to this")


def test_a_yes_at_the_play_back_with_thanks_after_it() -> None:
    assert confirms("Yes that is right")
    signed = "Yes that is right. Thank you for being so patient with an old man\nRegards, Reg"
    assert yes_and_a_remark(signed)
    assert not yes_and_a_remark("Yes that is right. The infrastructure is awful too though")


def test_all_day_is_not_all_the_islands() -> None:
    assert match_themes("intelligent mobility, we move parcels all day", "island") == [
        "intelligent_mobility"
    ]
    assert len(match_themes("all of them", "island")) == 5


def test_two_counts_with_the_office_add_up() -> None:
    assert size_band_for("22 drivers and 2 in office") == "Small (10-49 staff)"
    assert size_band_for("8 drivers and 2 in office") == "Small (10-49 staff)"


def test_intents_made_certain() -> None:
    assert certain_intent("@btvlep Anadolu Phone Repair", "faq") == "inform"
    assert certain_intent("What Is The Arc", "faq") is None
    unsure = "Oh, I'm not sure. Will you send me lots of emails?"
    assert certain_intent(unsure, "consent_decline") == "faq"
    assert certain_intent("not sure. no thanks", "deny") != "faq"
    # not sure which, then the answer as a question (set AN): the choice, not a question
    assert certain_intent("I'm not sure any of those are me... none?", "deny") != "faq"


def test_a_name_typed_in_the_wrong_box_is_put_right(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "Oh dear, I've typed our name in the wrong box. It should say saddlery and tack shop"
    assert redone_answer(text) == "saddlery and tack shop"
    assert redone_answer("it should say more about the roads") is None  # no wrong box
    service.record_consent("bt-box", "rest", True)
    service.save_profile(
        "bt-box", "rest", organisation="Wendover Saddlery", sector="Wendover Saddlery"
    )
    events = [user_event("Wendover Saddlery"), slot_event("sector", "Wendover Saddlery")]
    tracker = make_tracker("bt-box", text, events=events, active_loop="profile_form")
    dispatcher = CollectingDispatcher()
    result = ValidateProfileForm().validate_size_band(text, dispatcher, tracker, domain)
    assert result == {"size_band": None, "sector": "saddlery and tack shop"}
    assert stored_business("bt-box").sector == "saddlery and tack shop"
    assert [m["text"] for m in dispatcher.messages] == [message("corrected_last")]
