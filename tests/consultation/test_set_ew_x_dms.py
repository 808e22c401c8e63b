"""Readings that set EW of unseen conversations (ordinary X DMs, a sixth round) found wanting
(no Rasa): a second DM that says it was sent too soon ("sorry hit send 2 soon, ...") carries
on the answer before; "none" at the islands with a hedge or X shorthand beside it ("prob
none? we fly roofs ...", "not rly any of them, we sell veg ..."); theme names joined by "n"
at the choice ("public services n skills"), which name themes and are no view; "nothing
springs to mind", "no thoughts on that one, just ticked it" as nothing to say; and a no
that runs straight into its reason with no stop ("nah inbox is rammed already 😅") at the
follow-up email question. Each is checked with phrasings the set did not use, and with the
nearby phrasings that mean something else."""

from __future__ import annotations

import pytest

from bot.consultation.asides import continues_answer
from bot.consultation.choice_view import choice_and_view, view_beside_none
from bot.consultation.later_pieces import carries_on_last, points_back
from bot.consultation.none_choice import means_none
from bot.consultation.replies import means_nothing, says_no_and_why
from bot.strategy import ISLAND_IDS, SEABED_IDS

ISLANDS = list(ISLAND_IDS)
SEABED = list(SEABED_IDS)
SKILLS = "seabed:education_skills:views"
ROADS = "seabed:infrastructure:views"
BARRIERS = "island:space:barriers"
HELP = "island:space:help"


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep sorry hit send 2 soon, ended up training my nephew myself n it took 8 months",
        "oops sent that too early - the course is two years long and full",
        "Sorry, pressed enter too soon. The college only runs it on Tuesdays.",
        "@btvlep hit send to soon lol, nobody local teaches it",
        "argh sent it before i finished, the lanes are too narrow for the vans",
    ],
)
def test_a_dm_sent_too_soon_carries_on_the_answer_before(text: str) -> None:
    # whatever its words open on: it says outright that it finishes the last answer
    assert carries_on_last(text, SKILLS, ROADS)
    assert carries_on_last(text, BARRIERS, HELP)
    assert points_back(text)  # at the play-back or a choice: one more piece of the last


def test_an_and_after_sending_2_soon_carries_on() -> None:
    assert continues_answer("@btvlep sorry hit send 2 soon - and the lanes are too narrow")
    assert continues_answer("oops sent it to early, also the college is miles away")


@pytest.mark.parametrize(
    "text",
    [
        "sorry hit send too soon",  # nothing after it to add
        "the roads are too soon to judge",
        "we sent the order too early and lost the deposit on it",  # a view of its own
    ],
)
def test_no_dm_sent_too_soon(text: str) -> None:
    assert not carries_on_last(text, SKILLS, ROADS)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep prob none? we fly roofs n building sites, not satellites",
        "@btvlep not rly any of them, we sell veg n sausages 😂",
        "probably none tbh, we just cut hair",
        "none i think, we mend boilers",
        "@btvlep def none lol we groom dogs",
        "not rly",
        "nah not rly any of those",
    ],
)
def test_none_with_a_hedge_or_shorthand_beside_it(text: str) -> None:
    assert means_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "prob space, we make satellite parts",  # a theme chosen with a hedge
        "not rly sure, maybe the film one",
        "none, but prob space as we make satellite parts",
    ],
)
def test_a_hedge_that_still_chooses_is_not_none(text: str) -> None:
    assert not means_none(text)


def test_none_beside_what_the_business_does_keeps_no_view() -> None:
    assert view_beside_none("@btvlep not rly any of them, we sell veg n sausages 😂") is None
    assert (
        view_beside_none("@btvlep prob none? we fly roofs n building sites, not satellites") is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep entrepreneurialism, public services n skills",
        "skills, public services n housing",
        "digital, housing n environment",
        "infrastructure n environment",
    ],
)
def test_names_joined_by_n_are_a_choice_without_a_view(text: str) -> None:
    assert choice_and_view(text, SEABED) is None


def test_a_view_after_names_joined_by_n_is_still_kept() -> None:
    said = choice_and_view("skills n housing, we cant keep young staff bc rents are mad", SEABED)
    assert said is not None
    assert said.themes == ["education_skills", "housing_growth"]
    assert said.view == "we cant keep young staff bc rents are mad"


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep tbh nothing springs to mind for that one",
        "nothing really comes to mind",
        "@btvlep ngl no thoughts on that one, just ticked it",
        "no real thoughts on this one tbh",
        "not sure i have anything useful on that 1",
        "nothing much on that one, i only picked it",
        "ngl nothing",
    ],
)
def test_nothing_to_say_in_other_words(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing springs to mind faster than the state of the A40",
        "no thoughts from the council on how we get staff in",
        "just ticked it bc the roads are a nightmare",
    ],
)
def test_a_view_is_not_nothing_to_say(text: str) -> None:
    assert not means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep nah inbox is rammed already 😅",
        "nope get enough spam as it is",
        "nah we're good for emails",
        "no i get enough emails already",
        "naw too many newsletters already",
    ],
)
def test_a_no_run_into_its_reason(text: str) -> None:
    assert says_no_and_why(text)


@pytest.mark.parametrize(
    "text",
    [
        "no problem go ahead",  # "no" as a word of the phrase, not a no
        "no worries send them over",
        "nah go on then",  # a no taken back
        "nah ok why not",
        "nope but my partner might want them",
        "nah whats it for?",  # a question back
        "no email address here but ring the shop on 01494",
    ],
)
def test_no_no_run_into_a_reason(text: str) -> None:
    assert not says_no_and_why(text)
