"""What set AN of unseen conversations (benchmarks/data/conversation_probe_an.yml) found,
fixed and kept so (paraphrases the set does not use): a colleague taking over the chat is
no answer; a view given with the driver choice is kept against the driver it opens with;
two questions answered in one breath ("the upside is ...; the downside is ...") are kept
apart; "none" after questions back at the islands chooses none; "N testers and 3 of us"
counts everyone; "nah ur alright" declines; the @btvlep before every X message does not
make a view a question about the consultation."""

from __future__ import annotations

import pytest

from bot.consultation.choice_view import ChoiceView, choice_and_view
from bot.consultation.choices import none_after_asking
from bot.consultation.head_count import size_band_for
from bot.consultation.labelled import labelled_answers
from bot.consultation.replies.pauses import hands_over, holding
from bot.consultation.replies.questions import about_the_consultation
from bot.consultation.replies.yes_no import says_no
from bot.strategy import THEME_IDS

SEABED = THEME_IDS[5:]
ISLAND_QUESTIONS = ("opportunities", "barriers", "help")


@pytest.mark.parametrize(
    "text, over",
    [
        ("Hang on, I'm handing you over to Kerry who runs our installs", True),
        ("@btvlep one sec, passing this to Dev, he knows the electric side", True),
        ("I'll put you over to our finance director", True),
        ("give it to the universities to run courses", False),
        ("hand this over to the council please, they should fix it", False),
        ("handing work to subcontractors is our biggest cost", False),
    ],
)
def test_a_colleague_taking_over_is_no_answer(text: str, over: bool) -> None:
    assert hands_over(text) is over
    assert holding(text) is over


@pytest.mark.parametrize(
    "named, view, kept_on",
    [
        (
            ["housing_growth", "education_skills", "infrastructure"],
            "skills cos no lad under 25 wants to climb a tower in january",
            "seabed:education_skills:views",
        ),
        (
            ["digital_science", "infrastructure"],
            "Mostly infrastructure, because the valley has no 4G",
            "seabed:infrastructure:views",
        ),
        # a view that opens with no driver's name: the first named
        (
            ["education_skills", "housing_growth"],
            "we cant keep young staff because rents are mad",
            "seabed:education_skills:views",
        ),
        # a driver it opens with that was not chosen: the first named
        (
            ["housing_growth"],
            "skills are fine, it's the new estates",
            "seabed:housing_growth:views",
        ),
    ],
)
def test_a_view_with_the_choice_is_kept_on_the_driver_it_opens_with(
    named: list[str], view: str, kept_on: str
) -> None:
    assert ChoiceView(named, view).answers(named) == kept_on


def test_a_choice_and_its_view_are_read_apart() -> None:
    said = choice_and_view(
        "housing, skills and infrastructure. skills cos no lad under 25 wants to climb", SEABED
    )
    assert said is not None
    assert said.themes == ["housing_growth", "education_skills", "infrastructure"]
    assert said.view.startswith("skills cos")


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "The good news is the Arc firms need testing; the bad news is we can't hire",
            {"opportunities": "the Arc firms need testing;", "barriers": "we can't hire"},
        ),
        (
            "problem is the permits. what would help is a test corridor",
            {"barriers": "the permits.", "help": "a test corridor"},
        ),
        # one question's words twice, or none at the start: one answer
        ("problem is the roads, and the bigger problem is rent", {}),
        ("Our biggest problem is staff, what would help is a course", {}),
    ],
)
def test_two_questions_answered_in_one_breath(text: str, parts: dict[str, str]) -> None:
    assert labelled_answers(text, ISLAND_QUESTIONS, "opportunities") == parts


@pytest.mark.parametrize(
    "text, none",
    [
        ("rockets and film studios? for a kennels? none, obviously", True),
        ("space? nope, none of them", True),
        ("film and space?", False),
        ("is space the rockets one? yes that", False),
    ],
)
def test_none_after_questions_back_chooses_none(text: str, none: bool) -> None:
    assert none_after_asking(text) is none


@pytest.mark.parametrize(
    "text, band",
    [
        ("22 testers and 3 of us running it", "Small (10-49 staff)"),
        ("8 fitters and 2 directors", "Small (10-49 staff)"),
        ("between 10 and 15 of us", "Small (10-49 staff)"),
        ("5 cleaners and 2 of us", "Micro (1-9 staff)"),
    ],
)
def test_a_trade_count_and_the_owners(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize("text", ["nah ur alright", "@btvlep your ok thanks", "u r alright"])
def test_youre_alright_declines(text: str) -> None:
    assert says_no(text)


def test_the_mention_that_opens_an_x_message_is_no_question_to_us() -> None:
    view = "@btvlep why does every new grad vet want a city practice? we've advertised 8 months"
    assert not about_the_consultation(view)
    assert about_the_consultation("@btvlep what does the LEP do with this?")
    assert about_the_consultation("great, another strategy. what's this one for then")


@pytest.mark.parametrize(
    "text, held",
    [
        ("@btvlep hi again, sorry, got dragged onto a site visit. where were we?", True),
        ("@btvlep back. sorry had a customer in", True),
        ("got dragged into a meeting about the roads being closed", False),
    ],
)
def test_a_return_on_x_is_no_answer(text: str, held: bool) -> None:
    """Set W's return passed only while "@btvlep" made it a question to us: the mention is
    no word of the reply."""
    assert holding(text) is held
