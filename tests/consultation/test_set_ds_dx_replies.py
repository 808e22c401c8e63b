"""Replies sets DS to DX of unseen conversations found misread, tested without Rasa: owners
in a hurry ("Stop motion animation" for the sector, "Skills: ... Infrastructure: ..." in
one message, "..., thats all ive got time for"), a second round of second-language owners
("Yes walaal, I can help you", "infrastructure mean the roads ...?") and letters ("Good
morning. I chair an association of ...", "I am content to proceed.", "The summary is
correct in every particular.")."""

from __future__ import annotations

import pytest

from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.contact_terms import contact_reply
from bot.consultation.head_count import size_band_for
from bot.consultation.labelled import labelled_answers, theme_labelled_parts
from bot.consultation.leaving import says_stop, view_then_stop
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_replies import confirms
from bot.consultation.question_help import asks_what_a_theme_is
from bot.consultation.replies import long_view_not_a_skip, says_no_and_why
from bot.consultation.small_talk import small_talk_only

SEABED = ["seabed:education_skills:views", "seabed:infrastructure:views"]


@pytest.mark.parametrize("text", ["Stop motion animation", "Stop Gap Storage", "bus stop cafe"])
def test_stop_as_a_thing_is_no_stop(text: str) -> None:
    assert not says_stop(text)


@pytest.mark.parametrize("text", ["stop", "stop here please", "can we stop"])
def test_stop_still_stops(text: str) -> None:
    assert says_stop(text)


def test_two_drivers_answered_under_their_names() -> None:
    text = (
        "In a rush so both at once. Skills: we can't find level 3 staff. Infrastructure: "
        "rent for a second setting is silly money."
    )
    parts = theme_labelled_parts(text, SEABED)
    assert parts == {
        SEABED[0]: "we can't find level 3 staff.",
        SEABED[1]: "rent for a second setting is silly money.",
    }
    assert theme_labelled_parts("The roads: terrible. Skills are fine", SEABED) == {}


def test_two_questions_answered_after_an_announcing_lead_in() -> None:
    text = "quick, both in one go. barriers: testers leave. help: a QA course at the college"
    order = ("opportunities", "barriers", "help")
    assert labelled_answers(text, order, "barriers") == {
        "barriers": "testers leave.",
        "help": "a QA course at the college",
    }


def test_a_view_that_ends_the_chat_is_kept_before_the_stop() -> None:
    text = "no safe cycle path into town. thats all ive got time for sorry, shop is rammed"
    assert view_then_stop(text) == "no safe cycle path into town"
    assert view_then_stop("thats all ive got time for") is None


@pytest.mark.parametrize(
    "text",
    [
        "Yes walaal, I can help you",
        "I am content to proceed.",
        "Very well, I shall take part.",
        "I am authorised to take part, and content to do so.",
    ],
)
def test_agreement_in_other_words(text: str) -> None:
    assert agrees_to_take_part(text)


def test_a_condition_or_a_delay_is_still_no_agreement() -> None:
    assert not agrees_to_take_part("I am content to proceed, but first who reads it?")
    assert not agrees_to_take_part("I shall take part later")


@pytest.mark.parametrize(
    "text",
    [
        "Sorry walaal, infrastructure mean the roads and this kind of things?",
        "digital science means software?",
    ],
)
def test_a_guess_at_a_themes_meaning_is_a_question(text: str) -> None:
    assert asks_what_a_theme_is(text)


def test_a_view_that_starts_with_an_everyday_word_is_no_question() -> None:
    assert not asks_what_a_theme_is("the roads mean nothing to the council?")


@pytest.mark.parametrize(
    "text",
    [
        "Good morning. I run a small engineering company near Thame which supplies the space "
        "industry. I gather you are asking local firms for their views.",
        "@btvlep Good afternoon. I am a retired engineer who took on a watermill near Ivinghoe.",
    ],
)
def test_a_letters_opening_introduces_the_writer(text: str) -> None:
    assert introduces_itself(text)


@pytest.mark.parametrize(
    "text",
    [
        "hello, we are a garage in Chesham and we cant find mechanics",
        "Good morning. I run a bakery. Who reads this?",
    ],
)
def test_an_opening_with_a_view_or_a_question_is_no_introduction(text: str) -> None:
    assert not introduces_itself(text)


@pytest.mark.parametrize(
    "text",
    [
        "Having read it through, I am satisfied that it is a fair record of what I said.",
        "I have read it through and have nothing to add or correct.",
        "I have checked it against my notes, and it is correct.",
        "@btvlep The summary is correct in every particular.",
    ],
)
def test_the_play_back_confirmed_in_a_letter(text: str) -> None:
    assert confirms(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is correct apart from the second point.",
        "I am content that rents are the issue",
        "the A41 is right outside",
        "is that correct?",
    ],
)
def test_no_formal_confirmation(text: str) -> None:
    assert not confirms(text)


def test_a_no_with_its_reason_after_a_semicolon() -> None:
    assert says_no_and_why("No, thank you; we are kept well informed by the studios.")


def test_email_is_fine_alone_is_a_plain_yes_not_terms() -> None:
    assert contact_reply("ok yes, email is fine") is None
    reply = contact_reply("yes, email only")
    assert reply is not None and reply.terms


@pytest.mark.parametrize("text", ["köszönöm, have a nice day", "grazie mille, have a good weekend"])
def test_thanks_in_another_language_and_a_good_wish_is_small_talk(text: str) -> None:
    assert small_talk_only(text)


def test_a_long_view_is_no_skip_whatever_nlu_read() -> None:
    view = (
        "Honestly it's the weather more than anything, you can't strip a roof in sideways rain "
        "and nobody can change that."
    )
    assert long_view_not_a_skip(view)
    assert not long_view_not_a_skip(
        "pass on this one, I do not think it applies to a firm like ours"
    )


@pytest.mark.parametrize(
    ("text", "band"),
    [
        (
            "There are twenty-three of us at present, including two apprentices",
            "Small (10-49 staff)",
        ),
        ("The practice numbers sixty-four, including the six partners", "Medium (50-249 staff)"),
        ("We employ two hundred and sixty people", "Large (250+ staff)"),
        ("two hundred and forty-five", "Medium (50-249 staff)"),
    ],
)
def test_head_counts_in_a_letter(text: str, band: str) -> None:
    assert size_band_for(text) == band
