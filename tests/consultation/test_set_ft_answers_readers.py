"""Set FT of unseen conversations (changes of mind during the consultation), read without
Rasa: an island swapped for one that "fits us better", a theme added with a word of why
after the request, a detail put right "on that one", an addition "on the last one", an
answer taken back with only why, "Number 2 can go" at the play-back, and a bare yes after
the goodbye that followed a no to the follow-up email. Views that say "actually", "add",
"scrap" or "better" stay views."""

from __future__ import annotations

import pytest

from bot.consultation.choice_changes import added_with_why, switched_choice
from bot.consultation.late_follow_up import yes_after_goodbye
from bot.consultation.later_pieces import about_the_last, carries_on_last, points_back
from bot.consultation.questions import message
from bot.consultation.replies import (
    corrects_last_answer,
    takes_back_last_answer,
    withdrawn_with_reason,
)
from bot.consultation.taking_out import taken_out_number
from bot.strategy import ISLAND_IDS, SEABED_IDS

HPT, SKILLS = "high_performance_technology", "education_skills"


@pytest.mark.parametrize(
    ("text", "new"),
    [
        (
            "@btvlep actually scratch that, mobility fits us better. its batteries for cargo "
            "bikes and ebikes, nothing to do with racing",
            ["intelligent_mobility"],
        ),
        ("Hmm, medtech is a better fit really", ["medical_technologies"]),
        ("the space side is a better fit for us", ["space"]),
        ("Actually space suits us better tbh", ["space"]),
    ],
)
def test_a_theme_that_fits_better_is_a_switch(text: str, new: list[str]) -> None:
    assert switched_choice(text, ISLAND_IDS, HPT) == new


@pytest.mark.parametrize(
    "text",
    [
        "Electric vans suit us better than diesel ones",
        "Drones would be a better fit for the farm work",
        "A bigger unit near Silverstone would suit us better",
    ],
)
def test_a_view_that_says_something_fits_better_is_no_switch(text: str) -> None:
    assert switched_choice(text, ISLAND_IDS, HPT) == []


@pytest.mark.parametrize(
    ("text", "among", "chosen", "new"),
    [
        (
            "Can you add space as well before I carry on? I forgot that side",
            ISLAND_IDS,
            [HPT],
            ["space"],
        ),
        (
            "Actually add environment too, the solar side is half our work",
            SEABED_IDS,
            [SKILLS],
            ["environment_quality_of_life"],
        ),
        (
            "Please add housing, the new estates are most of our work",
            SEABED_IDS,
            [SKILLS],
            ["housing_growth"],
        ),
    ],
)
def test_a_theme_added_with_a_word_of_why(
    text: str, among: tuple[str, ...], chosen: list[str], new: list[str]
) -> None:
    assert added_with_why(text, among, chosen) == new


@pytest.mark.parametrize(
    "text",
    [
        "We had to add skills training, it costs a fortune",
        "I forgot, housing is a problem too",
        "Add to that, skills are a problem round here",
        "We added digital tools last year, sales went up",
        "Actually add environment too, the solar side is half our work and the grants keep "
        "changing so customers put it off and we get gaps in the diary every spring",
    ],
)
def test_a_view_that_says_add_adds_no_theme(text: str) -> None:
    assert added_with_why(text, SEABED_IDS, [SKILLS]) == []


def test_on_that_one_i_meant_corrects_the_last_answer() -> None:
    text = (
        "@btvlep sorry, on that one i meant the small thruster firms at westcott, not the big "
        "engine test lot"
    )
    assert corrects_last_answer(text)
    assert switched_choice(text, ISLAND_IDS, "space") == []


ON_THE_LAST = (
    "@btvlep oh on the last one, also an apprenticeship for instrument technicians, its all "
    "learned on the job now"
)


def test_on_the_last_one_also_points_back_at_a_choice_and_a_question() -> None:
    assert about_the_last(ON_THE_LAST)
    assert points_back(ON_THE_LAST)
    assert carries_on_last(
        ON_THE_LAST, "island:medical_technologies:help", "seabed:education_skills:views"
    )


@pytest.mark.parametrize(
    "text",
    [
        "the last one, skills",
        "On the last one we had to close the workshop for a month",
        "For the last one I'd say a regional framework",
    ],
)
def test_the_last_one_without_a_word_that_adds_is_not_about_the_last_answer(text: str) -> None:
    assert not about_the_last(text)


def test_an_answer_taken_back_with_only_why_has_nothing_in_its_place() -> None:
    text = (
        "Actually can you scrap that last answer? My business partner would not want the bank "
        "stuff going in"
    )
    assert takes_back_last_answer(text) == ""
    assert withdrawn_with_reason(text)


@pytest.mark.parametrize(
    "text",
    ["can you scrap that, I was being unfair", "ignore that, I shouldn't have said it"],
)
def test_other_reasons_for_taking_an_answer_back(text: str) -> None:
    assert withdrawn_with_reason(text)


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        (
            "actually scrap that, the real opportunity is electric school buses",
            "the real opportunity is electric school buses",
        ),
        ("scrap that last one, the roads are the real problem", "the roads are the real problem"),
        ("sorry wrong chat!! ignore that", ""),
        # a replacement that says "don't want" is still what goes in its place
        (
            "actually scrap that, customers don't want to pay for delivery",
            "customers don't want to pay for delivery",
        ),
        (
            "scrap that, customers don't want the new estates in the village",
            "customers don't want the new estates in the village",
        ),
        ("Drop that requirement and we would hire more", None),
    ],
)
def test_other_take_backs_are_read_as_before(text: str, replacement: str | None) -> None:
    assert takes_back_last_answer(text) == replacement
    assert not withdrawn_with_reason(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Number 2 can go, I was a bit unfair on the owners there", 2),
        ("@btvlep number 3 can go", 3),
        ("no 1 should be taken out please", 1),
        ("Number 2 can go further if the council helps", None),
        ("Number 2 should be about the roads", None),
    ],
)
def test_an_answer_that_can_go_by_its_number(text: str, number: int | None) -> None:
    assert taken_out_number(text) == number


OFFERED = [message("ask_follow_up"), message("goodbye")]


@pytest.mark.parametrize(
    ("text", "said", "key"),
    [
        ("Yes", OFFERED, "ask_follow_up"),
        ("@btvlep yes please", OFFERED, "ask_follow_up"),
        ("Yes please", [*OFFERED, message("ask_follow_up")], "ask_email"),
        # never offered (the consultation stopped early), or not straight after the goodbye
        ("Yes", [message("goodbye")], None),
        ("Yes", [*OFFERED, message("closed_more")], None),
        ("No thanks", OFFERED, None),
        ("Couples book us for the views", OFFERED, None),
    ],
)
def test_a_bare_yes_after_the_goodbye(text: str, said: list[str], key: str | None) -> None:
    assert yes_after_goodbye(text, said) == key
