"""Replies sets DM to DR of unseen conversations found misread, tested without Rasa: owners
writing in a second language ("We are not in any of them, ...", "no one of them, sorry",
"Excuse me, 'barriers' you mean ...?", "Yes I can do it now, I have 10 minutes"), formal
letter-like answers ("I do not believe any of the five applies to us.", "That is a fair
summary.", "Twenty-six people work here, including my brother and myself.") and choices
that name a place or a theme only in passing."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import doubts_it_matters
from bot.consultation.choice_view import choice_and_view, chosen_with_view, view_beside_none
from bot.consultation.consent_beside import a_detail_not_a_yes
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.contact_terms import contact_reply
from bot.consultation.described import choice_norm
from bot.consultation.head_count import size_band_for
from bot.consultation.letters import thanks_only
from bot.consultation.none_choice import means_none
from bot.consultation.playback_replies import confirms
from bot.consultation.question_help import asks_what_a_theme_is, asks_what_the_question_means
from bot.consultation.questions import match_themes
from bot.strategy import ISLAND_IDS


@pytest.mark.parametrize(
    "text",
    [
        "We are not in any of them, we are transport for the NHS patients",
        "We are not in these. Medical is near to us but we are only pharmacy, so none",
        "no one of them, sorry",
        "We are a hotel, so I do not believe any of the five applies to us.",
        "I do not believe that any of them concerns a firm of solicitors.",
        "None really, we're data people rather than a medtech firm",
        "None, we teach people to drive",
    ],
)
def test_none_said_in_other_words_is_none(text: str) -> None:
    assert means_none(text)


@pytest.mark.parametrize("text", ["none, but space matters", "medical and space", "space"])
def test_a_theme_chosen_beside_none_or_alone_is_no_none(text: str) -> None:
    assert not means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are not in any of them, we are transport for the NHS patients",
        "None, we teach people to drive",
        "Education and skills, infrastructure, and environment and quality of life.",
    ],
)
def test_what_the_business_is_or_a_list_of_names_is_no_view_beside_none(text: str) -> None:
    assert view_beside_none(text) is None


@pytest.mark.parametrize(
    "text", ["none, we are desperate for drivers", "none, we're a bakery and rents are crazy"]
)
def test_a_need_beside_none_is_still_a_view(text: str) -> None:
    assert view_beside_none(text)


def test_a_place_listed_under_two_islands_picks_its_own_beside_a_choice() -> None:
    said = choice_and_view("Space, of course, we are in Westcott", ISLAND_IDS)
    assert said is not None
    assert chosen_with_view(said, ISLAND_IDS) == ["space"]


def test_all_before_a_plural_noun_is_no_choice_of_every_theme() -> None:
    text = "One system for all trusts to approve a supplier, and a grant for the 3D scanner"
    assert len(match_themes(text, "seabed")) < 7
    assert len(match_themes("all of them", "seabed")) == 7
    assert len(match_themes("all islands please", "island")) == 5


def test_a_quoted_theme_name_is_read() -> None:
    assert choice_norm("what is 'entrepreneurialism'?") == " what is entrepreneurialism "
    assert choice_norm("don't") == " don't "


@pytest.mark.parametrize(
    "text",
    [
        "Excuse me, what is 'entrepreneurialism'? Very long word for me",
        "what is digital science?",
    ],
)
def test_what_a_theme_is_asked(text: str) -> None:
    assert asks_what_a_theme_is(text)


@pytest.mark.parametrize(
    "text", ["what is digital science? we need it badly", "digital science", "whats the arc?"]
)
def test_not_a_question_about_a_theme(text: str) -> None:
    assert not asks_what_a_theme_is(text)


def test_a_guess_at_what_the_question_means_is_no_answer() -> None:
    assert asks_what_the_question_means("Excuse me, 'barriers' you mean the problems we have?")
    assert not asks_what_the_question_means("barriers you mean money? our rent doubled")


@pytest.mark.parametrize(
    "text", ["Yes I can do it now, I have 10 minutes", "I can do it now", "yes i have 10 minutes"]
)
def test_time_to_do_it_now_is_agreement(text: str) -> None:
    assert agrees_to_take_part(text)


@pytest.mark.parametrize("text", ["I can do it later", "Yes I can do it but not now"])
def test_later_is_no_agreement(text: str) -> None:
    assert not agrees_to_take_part(text)


def test_a_trade_at_the_consent_question_is_a_detail_not_a_yes() -> None:
    assert a_detail_not_a_yes("takeaway, Chinese and Cantonese food")
    assert not a_detail_not_a_yes("happy to")
    assert not a_detail_not_a_yes("let us begin")


@pytest.mark.parametrize(
    "text",
    [
        "Yes, that is a fair record of what I wrote. Thank you.",
        "Thank you, that is a fair summary.",
        "I have read it through, and it is correct.",
        "That is a faithful summary.",
    ],
)
def test_the_play_back_confirmed_formally(text: str) -> None:
    assert confirms(text)


def test_a_fair_summary_with_a_change_is_no_confirmation() -> None:
    assert not confirms("that is a fair summary but add skills")


@pytest.mark.parametrize("text", ["Yes, I should like that very much.", "Yes, I would like that."])
def test_a_formal_yes_to_the_follow_up(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants


@pytest.mark.parametrize(
    "text", ["JazakAllah khair, thank you for listening", "xie xie", "thank you for listening"]
)
def test_thanks_in_other_languages_are_thanks(text: str) -> None:
    assert thanks_only(text)


def test_an_unsure_answer_beside_a_doubt_is_an_answer() -> None:
    text = (
        "honestly no clue what would help, ive done loads of these surveys & nothing ever changes"
    )
    assert not doubts_it_matters(text)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Twenty-six people work here, including my brother and myself.", "Small (10-49 staff)"),
        ("We are twenty-two in all, eight of whom are solicitors", "Small (10-49 staff)"),
        ("just myself", "Micro (1-9 staff)"),
    ],
)
def test_a_head_count_said_formally(text: str, band: str) -> None:
    assert size_band_for(text) == band
