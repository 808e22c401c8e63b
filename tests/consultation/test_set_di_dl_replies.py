"""Replies sets DI to DL of unseen conversations found misread, tested without Rasa: words
that sound like commands ("don't delete anything!" deleted everything), dictation ("Yes
that's fine I've got a few minutes between jobs", "Hi performance and space", "Know thanks
..."), and awkward input ("@btvlep nnnnnnnn", "' OR '1'='1' --", "...")."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import view_beside_none
from bot.consultation.consent_reply import agrees_to_take_part, yes_then_more
from bot.consultation.contact_terms import contact_reply
from bot.consultation.junk import no_words, punctuation_only
from bot.consultation.leaving import asks_to_forget
from bot.consultation.playback_replies import confirms
from bot.consultation.profile import plain_profile_answer
from bot.consultation.questions import match_themes
from bot.consultation.replies import says_no_and_why
from bot.consultation.spelling import dictated_names


@pytest.mark.parametrize(
    "text",
    [
        "Yes that's all fine, don't delete anything!",
        "Yes please, and don't forget about us little village shops",
        "dont drop anything",
        "nothing to take out",
    ],
)
def test_a_word_of_deleting_denied_is_no_request(text: str) -> None:
    assert not asks_to_forget(text)


@pytest.mark.parametrize(
    "text", ["delete everything", "please delete my answers", "forget me", "scrap my answers"]
)
def test_a_request_to_delete_still_is_one(text: str) -> None:
    assert asks_to_forget(text)


@pytest.mark.parametrize(
    "text",
    [
        "All correct, no changes",
        "@btvlep yep thats everything, no changes",
        "All clear, yes",
        "Yes that's all fine, don't delete anything!",
        "no need to go back over it",
    ],
)
def test_the_play_back_confirmed_in_other_words(text: str) -> None:
    assert confirms(text)


@pytest.mark.parametrize("text", ["no", "nothing", "no, add skills"])
def test_not_a_confirmation(text: str) -> None:
    assert not confirms(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yes that's fine I've got a few minutes between jobs",
        "@btvlep Yeah go on I'm out with the dog so bear with me",
    ],
)
def test_a_dictated_yes_with_a_remark_about_the_writer(text: str) -> None:
    assert agrees_to_take_part(text)
    assert yes_then_more(text) == ""  # the remark is no view to keep


@pytest.mark.parametrize(
    "text",
    [
        "yes I'm not sure actually",
        "ok I've got a question",
        "ok just got to go",
        "yes I'm busy right now",
    ],
)
def test_a_dictated_yes_that_doubts_is_not_taken(text: str) -> None:
    assert not agrees_to_take_part(text)


def test_theme_names_as_dictation_writes_them() -> None:
    assert match_themes(dictated_names("Hi performance and space full stop")) == [
        "high_performance_technology",
        "space",
    ]
    assert "entrepreneurialism" in match_themes(dictated_names("Entrepreneur realism and digital"))


def test_a_dictated_no_thanks_with_its_reason() -> None:
    assert says_no_and_why("Know thanks my inbox is full enough.")
    assert not says_no_and_why("no thanks but email me")


def test_drop_me_an_email_is_a_yes() -> None:
    reply = contact_reply("@btvlep yes, drop me an email")
    assert reply is not None and reply.wants


@pytest.mark.parametrize(
    "text",
    ["@btvlep nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "' OR '1'='1' --", "'; DROP TABLE users; --"],
)
def test_no_words_of_the_business_own(text: str) -> None:
    assert no_words(text)


@pytest.mark.parametrize(
    "text",
    ["@btvlep roads", "we need data analysts -- and SQL skills", "Robert'); DROP TABLE x; --"],
)
def test_words_of_their_own(text: str) -> None:
    assert not no_words(text)


def test_punctuation_only() -> None:
    assert punctuation_only("...") and punctuation_only("?!")
    assert not punctuation_only("🍺🍺") and not punctuation_only("ok.")
    assert not punctuation_only("-")  # "nothing to say", read as a skip


@pytest.mark.parametrize("text", ["Help at Hand Telecare", "Human Touch Salon"])
def test_a_titled_name_with_an_faq_word_is_a_name(text: str) -> None:
    assert plain_profile_answer(text)


@pytest.mark.parametrize("text", ["Help", "help me", "how do i contact a human"])
def test_asking_for_help_is_no_name(text: str) -> None:
    assert not plain_profile_answer(text)


def test_what_the_business_does_beside_none_is_no_view() -> None:
    assert view_beside_none("None of them, we just get people through their driving test") is None
    kept = view_beside_none("none of those, we only sell cakes and parking in town is hopeless")
    assert kept == "we only sell cakes and parking in town is hopeless"
