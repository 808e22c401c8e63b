"""What sets CW to CZ of unseen conversations (benchmarks/data/conversation_probe_cw.yml to
_cz.yml) found in the shared readers. CX, answers in lists: "1. infrastructure\\n2.
environment" chose entrepreneurialism and housing (the numbers read as places in the list),
"Can I just put it as a list? Easier on my phone." was kept as the answer. CY, owners asking
what a question means: "Sorry, barriers to what, exactly? Growing?", "Can you give me an
example? Not sure how much detail you want" and "Sorry, what's a seabed driver? ..." were
kept as answers or "didn't catch"; "what counts as intelligent mobility?" chose it."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import asks_about_the_form_of_answer, asks_for_an_example
from bot.consultation.answer_parts import list_items, without_list_marks
from bot.consultation.choices import numbered_choice
from bot.consultation.question_help import asks_what_the_question_means
from bot.consultation.questions import match_themes
from bot.consultation.replies import asks_if_it_counts, asks_what_it_is
from bot.strategy import THEME_IDS

SEABED = THEME_IDS[5:]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("1. infrastructure\n2. environment", ["infrastructure", "environment_quality_of_life"]),
        (
            "@btvlep\n1) housing\n2) skills\n3) infrastructure",
            ["housing_growth", "education_skills", "infrastructure"],
        ),
    ],
)
def test_a_choice_typed_as_a_list_is_read_by_its_names(text: str, chosen: list[str]) -> None:
    plain = without_list_marks(text)
    assert numbered_choice(plain, SEABED) is None  # no numbers left to read as places
    assert match_themes(plain, "seabed") == chosen


def test_numbers_alone_are_still_places_in_the_list() -> None:
    assert numbered_choice(without_list_marks("1 and 4"), SEABED) == [
        "entrepreneurialism",
        "intelligent_public_services",
    ]


def test_asking_to_answer_in_a_list() -> None:
    assert asks_about_the_form_of_answer("Can I just put it as a list? Easier on my phone.")


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, barriers to what, exactly? Growing?",
        "@btvlep by barriers do u mean like money or whats in the way",
        "Who do you mean by who should do it? We've never dealt with the council before.",
        "@btvlep not sure i get the question. how it affects us as in good or bad?",
    ],
)
def test_what_the_question_means_in_other_words(text: str) -> None:
    assert asks_what_the_question_means(text)


def test_by_the_way_is_no_question_about_the_question() -> None:
    assert not asks_what_the_question_means("by the way the roads are bad")


@pytest.mark.parametrize(
    "text",
    [
        "Can you give me an example? Not sure how much detail you want",
        "@btvlep can u give me an example? not sure what ur after",
        "Can you give me an example of the sort of help you mean?",
    ],
)
def test_an_example_asked_for(text: str) -> None:
    assert asks_for_an_example(text)


def test_an_example_asked_for_beside_a_view_is_a_view() -> None:
    assert not asks_for_an_example(
        "can you give me an example? the roads are awful and we need help"
    )


def test_what_counts_as_a_theme_and_what_a_seabed_driver_is() -> None:
    assert asks_if_it_counts("@btvlep what counts as intelligent mobility? were just bikes")
    assert asks_what_it_is("Sorry, what's a seabed driver? I thought this was about business.")
    assert not asks_what_it_is("what is a good day for you")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "• no upholstery course left in Bucks\n• people want old chairs re-done",
            ["no upholstery course left in Bucks", "people want old chairs re-done"],
        ),
        (
            "@btvlep 1) yard rent has doubled 2) nowhere to park the lorries",
            ["yard rent has doubled", "nowhere to park the lorries"],
        ),
        ("the A41 - it is awful, and the A413 - it is worse", []),
        ("we have 2) things to say", []),
    ],
)
def test_the_points_of_a_list_answer(text: str, items: list[str]) -> None:
    assert list_items(text) == items
