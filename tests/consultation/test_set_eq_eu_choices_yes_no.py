"""Readers behind sets EN, EQ, ER and EU of unseen conversations: a choice said again with a
word that changes it, "none" in other words (and a reason beside it that only says what the
business does), and yes or no to taking part, the play-back and the follow-up email in
formal or everyday words. Each family is checked with phrasings the sets did not use, and
with the nearby phrasings that mean something else."""

from __future__ import annotations

import pytest

from bot.consultation.choice_changes import restated_choice
from bot.consultation.choice_view import view_beside_none
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.contact_terms import contact_reply
from bot.consultation.navigation import narrowed_to
from bot.consultation.none_choice import means_none
from bot.consultation.playback_replies import confirms
from bot.consultation.replies import says_no, says_yes, takes_back_last_answer
from bot.strategy import ISLAND_IDS, SEABED_IDS

ISLANDS = list(ISLAND_IDS)
SEABED = list(SEABED_IDS)


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        (
            "Actually, change that: entrepreneurialism and environment, not infrastructure.",
            "infrastructure",
            (["entrepreneurialism", "environment_quality_of_life"], ["infrastructure"]),
        ),
        (
            "Change that to skills and housing please",
            "infrastructure",
            (["housing_growth", "education_skills"], []),
        ),
        ("sorry, wrong one - digital", "housing_growth", (["digital_science"], [])),
        (
            "Sorry, skills and housing rather than infrastructure",
            "infrastructure",
            (["housing_growth", "education_skills"], ["infrastructure"]),
        ),
        (
            "Actually, not infrastructure, housing",
            "infrastructure",
            (["housing_growth"], ["infrastructure"]),
        ),
        (
            "Hang on, make it skills & infrastructure",
            "entrepreneurialism",
            (["education_skills", "infrastructure"], []),
        ),
    ],
)
def test_a_seabed_choice_said_again(
    text: str, current: str, expected: tuple[list[str], list[str]]
) -> None:
    assert restated_choice(text, SEABED, current) == expected


def test_the_wrong_island_button_and_the_one_meant() -> None:
    text = "Oops, pressed the wrong button. Creative and digital economy is us, not that one."
    assert restated_choice(text, ISLANDS, "space") == (["creative_digital"], ["space"])
    text = "@btvlep clicked the wrong one, medical technologies"
    assert restated_choice(text, ISLANDS, "space") == (["medical_technologies"], [])


@pytest.mark.parametrize(
    "text",
    [
        "skills and housing",  # no word of a change
        "Sorry, housing and infrastructure, not much else",  # a view
        "Actually the roads are the main thing",
        "Sorry, I think skills is the big one for us",
        "No, the council is hopeless",
        "Actually, change that: space and film",  # islands at the seabed
    ],
)
def test_no_choice_said_again(text: str) -> None:
    assert restated_choice(text, SEABED, "infrastructure") is None


def test_too_many_narrowed_to_the_names_after_a_comma() -> None:
    text = "@btvlep sorry thats too many, just skills & infrastructure"
    assert narrowed_to(text, SEABED) == ["education_skills", "infrastructure"]
    assert narrowed_to("too many really, only housing", SEABED) == ["housing_growth"]
    # names after a comma without anything about the choice: an answer
    assert narrowed_to("the A41 is the worst, just infrastructure really", SEABED) == []


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        (
            "@btvlep redo that last one pls: real problem is we cant find a yard",
            "real problem is we cant find a yard",
        ),
        (
            "Can you change my last answer to: the roads are the issue here",
            "the roads are the issue here",
        ),
        ("rewrite that one: we need staff badly", "we need staff badly"),
        ("replace the previous answer with: no staff anywhere", "no staff anywhere"),
    ],
)
def test_the_last_answer_redone(text: str, replacement: str) -> None:
    assert takes_back_last_answer(text) == replacement


@pytest.mark.parametrize(
    "text",
    ["change it to skills", "Swap it for housing", "We need to change that law on planning"],
)
def test_no_last_answer_redone(text: str) -> None:
    assert takes_back_last_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "We don't really fit any of those.",
        "For the avoidance of doubt, we do not operate in any of the five.",
        "We don't belong to any of them, to be honest",
        "Our practice doesn't come under any of these",
        "Regrettably, we do not fit within any of the islands.",
        "I can't say we fit any of them",
        "@btvlep no, we are food importer",
        "nope, we fix boilers",
        "Not us, I'm afraid.",
        "Of the five, I would say none, though we host a good many events for the film industry.",
        "None really, although a few of our customers work at Pinewood",
    ],
)
def test_none_in_other_words(text: str) -> None:
    assert means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "no, we're a space firm actually",  # a theme named: a choice
        "Medical technologies, though we are small",
        "We don't do much, but space is where we sell",
        "We don't really do anything for space, but creative is us",
    ],
)
def test_no_none(text: str) -> None:
    assert not means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "None. We are care agency, we visit elderly people in their home",
        "None, we put scaffolding up for the housebuilders",
        "none, I teach piano to kids in Chesham",
        "None, our customers are mostly elderly",
        "Of the five, I would say none, though we host a good many events for the film industry.",
    ],
)
def test_none_beside_what_the_business_does_keeps_no_view(text: str) -> None:
    assert means_none(text) and view_beside_none(text) is None


@pytest.mark.parametrize(
    ("text", "view"),
    [
        (
            "None, we're builders, we can't get bricklayers",
            "we're builders, we can't get bricklayers",
        ),
        (
            "None - we run a B&B, the broadband is dreadful",
            "we run a B&B, the broadband is dreadful",
        ),
        (
            "None of them, we're a cafe. Rents in Amersham are silly though",
            "we're a cafe. Rents in Amersham are silly though",
        ),
    ],
)
def test_none_beside_a_need_or_a_problem_keeps_the_view(text: str, view: str) -> None:
    assert view_beside_none(text) == view


@pytest.mark.parametrize(
    "text",
    [
        "Thank you. Yes, I am content for our responses to be recorded on that basis.",
        "Thanks, yes, let's go.",
        "Cheers, yeah go ahead",
        "Many thanks. We'd be glad to take part.",
        "We are content for our views to be used.",
        "Thank you, I'm happy for you to record my answers.",
        "I consent.",
        "You have my consent.",
        "I give my consent",
        "Yes; you have our agreement to record it.",
        "No objection.",
    ],
)
def test_a_yes_to_taking_part(text: str) -> None:
    assert agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you, but I'd rather not.",
        "Thanks, no.",
        "I do not consent.",
        "We are not content for our responses to be recorded.",
        "I'm not happy for you to use my name",
        "Thanks, but not now",
        "I agree with the council's approach",
        "Thanks, I'm happy for you to record it but who sees it?",
        "Thank you. Not today.",
    ],
)
def test_no_yes_to_taking_part(text: str) -> None:
    assert not agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "That appears to be a complete record; thank you.",
        "I can confirm that this is an accurate summary.",
        "Confirmed.",
        "That captures our position well.",
        "That is a true reflection of our views.",
        "I am happy with the summary.",
        "No amendments required.",
    ],
)
def test_a_formal_yes_to_the_play_back(text: str) -> None:
    assert confirms(text)


@pytest.mark.parametrize(
    "text",
    [
        "That is not a complete record",
        "I can't confirm that",
        "I am not happy with the summary",
        "Confirmed, but please add infrastructure to the first one",
        "complete rubbish",
        "happy with it except the housing one",
    ],
)
def test_no_yes_to_the_play_back(text: str) -> None:
    assert not confirms(text)


@pytest.mark.parametrize(
    "text",
    [
        "We would welcome updates, yes.",
        "Yes, I should like to receive updates.",
        "@btvlep Yes please, the Guild would welcome updates.",
        "We would be glad to receive updates.",
        "Updates would be welcome.",
        "We'd like that, thank you.",
        "Please keep me on the list.",
        "That would be helpful, yes.",
    ],
)
def test_a_yes_to_emails_in_words(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants


@pytest.mark.parametrize(
    "text",
    [
        "I would prefer not to be contacted further, thank you.",
        "Thank you, but I shall not need further emails.",
        "That won't be necessary, thank you.",
        "Not necessary, thank you.",
        "No need to email me.",
        "We'd prefer not to be on a mailing list, thanks",
        "Thanks but no thanks",
    ],
)
def test_a_no_to_emails_in_words(text: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and not reply.wants


def test_a_view_at_the_follow_up_is_neither() -> None:
    assert contact_reply("We would like more support for small firms on the high street") is None


def test_plain_yes_and_no_in_other_words() -> None:
    assert says_yes("Yes kindly")
    assert says_no("No need, thanks.") and says_no("I think not, thank you.")
    assert says_no("@btvlep nah ur alright")
    assert not says_no("No need to worry, the roads are fine")
