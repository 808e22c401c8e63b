"""Readings that set FC of unseen conversations (difficult input inside ordinary
consultations) found wanting (no Rasa): the bot's own question copied back as the answer
("Education and skills: in a sentence or two, how does it affect your business, and what
would help?"), and an answer in Welsh or French followed by "sorry, same in english: ...".
Each is checked with wordings the set did not use, and with the nearby messages that mean
something else."""

from __future__ import annotations

import pytest

from bot.consultation.in_english import english_version, marked_english, reads_as_english
from bot.consultation.pasted import after_pasted_question

SKILLS_ASKED = (
    "Thanks: Education and skills and Infrastructure.\n"
    "Education and skills: in a sentence or two, how does it affect your business, and what "
    "would help? (1 of 2)"
)
BARRIERS_ASKED = "Space: what barriers or problems hold you back? (2 of 3)"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Education and skills: in a sentence or two, how does it affect your business, "
            "and what would help?",
            SKILLS_ASKED,
        ),
        ("@btvlep Space: what barriers or problems hold you back?", BARRIERS_ASKED),
        ("what barriers or problems hold you back", BARRIERS_ASKED),  # without the theme
        ("SPACE - WHAT BARRIERS OR PROBLEMS HOLD YOU BACK? (2 of 3)", BARRIERS_ASKED),
    ],
)
def test_the_question_copied_back_has_no_words_of_the_business(text: str, asked: str) -> None:
    assert after_pasted_question(text, asked) == ""


def test_the_words_after_a_copied_question_are_the_answer() -> None:
    text = "Space: what barriers or problems hold you back?\n\nNo test stands nearer than Wales."
    assert after_pasted_question(text, BARRIERS_ASKED) == "No test stands nearer than Wales."


@pytest.mark.parametrize(
    "text",
    [
        "Barriers? Money, mostly, and nowhere to test",  # a few of its words, then a view
        "what holds us back is the rent",
        "in a sentence or two: the roads",
        "the LEP, the council and the universities",  # who should help, from the question
    ],
)
def test_a_view_is_no_copied_question(text: str) -> None:
    asked = (
        f"{BARRIERS_ASKED}\nSpace: what would help most, and who should do it (the LEP, the "
        "council, universities, government, others)? (3 of 3)"
    )
    assert after_pasted_question(text, asked) is None


WELSH = "Does neb yn hyfforddi plastrwyr yn y sir, ac mae'r cwrs agosaf yng Nghaerdydd."
FRENCH = "On n'a plus de bus le soir, donc nos employés ne peuvent pas rentrer chez eux."


@pytest.mark.parametrize(
    ("text", "before", "english"),
    [
        (
            "sorry, habit! same in english: nobody trains plasterers in the county",
            WELSH,
            "nobody trains plasterers in the county",
        ),
        (
            "@btvlep oops thats french lol. in English - there's no evening bus so staff cant "
            "get home",
            FRENCH,
            "there's no evening bus so staff cant get home",
        ),
        (
            "English version: there is no bus in the evening for our staff",
            FRENCH,
            "there is no bus in the evening for our staff",
        ),
        (
            "Apologies, translation: no one trains plasterers here and the course is far",
            WELSH,
            "no one trains plasterers here and the course is far",
        ),
    ],
)
def test_the_same_answer_again_in_english(text: str, before: str, english: str) -> None:
    assert english_version(text, before) == english


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # after an answer in English: a view of its own that names English
        ("Courses in English: we need ESOL classes for the staff we take on", "the roads are bad"),
        ("same in english: nobody trains plasterers in the county", "we can't find plasterers"),
        # no English after the mark, or none at all
        ("sorry, same in english:", WELSH),
        ("we need more English teachers at the college for our staff", FRENCH),
    ],
)
def test_no_english_version(text: str, before: str) -> None:
    assert english_version(text, before) is None


def test_a_short_answer_is_taken_as_english() -> None:
    # "rent" or "broadband drops out" has too few words to say it is another language
    assert reads_as_english("broadband drops out")
    assert not reads_as_english(WELSH)
    assert not reads_as_english(FRENCH)
    assert marked_english("in english: nobody trains plasterers in the county")
