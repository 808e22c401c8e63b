"""Readings that set EZ of unseen conversations (owners writing English as a second
language, a sixth round) found wanting (no Rasa): a short yes with its subject dropped
("OK, can do", "yes can", "is fine") at the consent question, which lost a whole profile;
"none" at the islands in a second language's words ("No one of this, we are only small
shop", "no any of these"); and nothing to say with what it is about said first ("sorry for
this one i have nothing to say", "For environment I have nothing special to say.", "For
digital nothing, sorry"), each kept as an answer. Each is checked with phrasings the set
did not use, and with the nearby phrasings that mean something else."""

from __future__ import annotations

import pytest

from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.none_choice import means_none
from bot.consultation.questions import match_themes
from bot.consultation.replies import means_nothing, says_no, says_yes
from bot.nlu.reply_intents import certain_intent


@pytest.mark.parametrize(
    "text",
    [
        "OK, can do",
        "@btvlep ok can do",
        "can do",
        "Sure, can do.",
        "yes can",
        "Yes, can",
        "is fine",
        "Yes, is OK",
        "ok is fine",
    ],
)
def test_a_short_yes_with_its_subject_dropped_agrees_to_take_part(text: str) -> None:
    assert says_yes(text)
    assert not says_no(text)
    assert agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text", ["ok no problem", "Yes, no problem", "ok, no problem", "tamam, is ok", "ok, I can"]
)
def test_other_short_yeses_agree_at_the_consent_question(text: str) -> None:
    # "no problem" only here: after a decline it accepts the decline
    assert agrees_to_take_part(text)


@pytest.mark.parametrize("text", ["yes we can", "is ok for me", "yes sure can"])
def test_other_short_yeses_read_as_a_yes_whatever_nlu_made_of_them(text: str) -> None:
    # "can do" read as a question about what the bot does (set EZ): a yes, for sure
    assert certain_intent(text, "faq") == "affirm"
    assert certain_intent(text, "nlu_fallback") == "affirm"


@pytest.mark.parametrize(
    "text",
    [
        "can",  # alone, not a yes to rely on
        "can you tell me more first?",
        "is it anonymous?",
        "is fine if you don't use my name?",
        "ok can i ask who reads it",
        "is not ok",
        "it's fine, no thanks",
    ],
)
def test_nearby_replies_are_no_plain_yes(text: str) -> None:
    assert not says_yes(text)


@pytest.mark.parametrize(
    "text",
    [
        "No one of this, we are only small shop",
        "@btvlep no any of these",
        "no any of them, we are bakery",
        "No one of these, we fix cars",
        "not one of this, sorry",
        "No, none of them is about nails",
    ],
)
def test_none_in_a_second_languages_words_means_none(text: str) -> None:
    assert means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "No one of this, but space is close for us",
        "no any of these except space",
        "medical and space",
    ],
)
def test_none_with_an_island_kept_beside_it_is_a_choice(text: str) -> None:
    assert not means_none(text)


def test_entrepreneurship_chooses_entrepreneurialism() -> None:
    chosen = match_themes("entrepreneurship, digital and skills", "seabed")
    assert chosen == ["entrepreneurialism", "digital_science", "education_skills"]


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep sorry for this one i have nothing to say",
        "For environment I have nothing special to say.",
        "For digital nothing, sorry",
        "On housing, nothing really",
        "About the environment I don't have anything to say",
        "Regarding skills nothing to add",
        "we've got nothing to say on that",
        "I have nothing more to add",
        "sorry, nothing to add for this one",
    ],
)
def test_nothing_to_say_with_what_it_is_about_said_first_keeps_nothing(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "For years nothing",  # how long nothing has been done: a view
        "for a long time nothing",
        "For 10 years nothing",
        "For parking nothing works",
        "for staff nothing is available locally",
        "for digital we need faster broadband",
        "On parking, there is nothing",
        "I have nothing but problems with the council",
        "anything to add",
    ],
)
def test_a_view_with_nothing_in_it_is_still_a_view(text: str) -> None:
    assert not means_nothing(text)
