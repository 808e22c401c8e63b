"""What the fourteenth set of unseen conversations (benchmarks/data/conversation_probe_n.yml)
found in the reply vocabulary, without Rasa: yes and no mistyped ("yss", "noo"); "sorry,
got called away by a customer" is not an answer; questions about taking part itself (a
grant, the cost, a non-owner, two businesses) while views that mention grants stay views;
a sector the island list leaves out; a message cut off mid-sentence."""

from __future__ import annotations

import pytest

from bot.consultation.asides import asks_about_taking_part, steps_aside
from bot.consultation.choices import asks_about_another_sector
from bot.consultation.cut_off import cut_off, joined
from bot.consultation.replies import holding, says_no, says_yes
from bot.consultation.standing import (
    asks_about_a_grant,
    asks_about_cost,
    asks_if_i_count,
    asks_which_business,
)


@pytest.mark.parametrize("text", ["yss", "yess", "yesss", "yse", "yeh go on", "Yss!"])
def test_a_mistyped_yes_is_a_yes(text: str) -> None:
    assert says_yes(text) and not says_no(text)


@pytest.mark.parametrize("text", ["noo", "nooo thanks", "nahh", "nopee", "Noo!"])
def test_a_mistyped_no_is_a_no(text: str) -> None:
    assert says_no(text) and not says_yes(text)


@pytest.mark.parametrize("text", ["no broadband out here", "nooks and crannies", "yrs", "noon"])
def test_a_view_or_another_word_is_neither(text: str) -> None:
    assert not says_yes(text) and not says_no(text)


@pytest.mark.parametrize(
    "text",
    [
        "sorry, got called away by a customer",
        "sorry got called away",
        "sorry, had to take a call",
        "apologies, I was interrupted by a delivery",
    ],
)
def test_back_from_an_interruption_is_not_an_answer(text: str) -> None:
    assert holding(text)


def test_an_interruption_with_a_view_is_the_view() -> None:
    assert not holding("sorry got called away, the roads are awful round here")


@pytest.mark.parametrize(
    ("text", "reader"),
    [
        ("will filling this in get me a grant?", asks_about_a_grant),
        ("do we get any funding for doing this?", asks_about_a_grant),
        ("is there funding if I do this?", asks_about_a_grant),
        ("will this get me a grant?", asks_about_a_grant),
        ("does it cost anything?", asks_about_cost),
        ("is this free?", asks_about_cost),
        ("hi, is there a fee?", asks_about_cost),
        ("do I have to pay anything?", asks_about_cost),
        ("I just work here, the boss is away this week - can I still do it?", asks_if_i_count),
        (
            "hi, I'm not a business, I'm a student at Bucks New Uni - can I still have my say?",
            asks_if_i_count,
        ),
        ("I'm not the owner, is that ok?", asks_if_i_count),
        ("hello, I'm only the receptionist here, is it ok if I answer?", asks_if_i_count),
        ("I own two businesses, which one shall I do?", asks_which_business),
        ("I've got three companies, does it matter which?", asks_which_business),
    ],
)
def test_questions_about_taking_part_are_asides(text: str, reader: object) -> None:
    assert callable(reader) and reader(text)
    assert asks_about_taking_part(text) and steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "we need grants for new kit, will the LEP help?",
        "will the LEP give grants to small firms?",
        # questions about support are views about it, not about taking part
        "are there grants for apprenticeships?",
        "can we get funding for EV chargers?",
        "is there any grant funding for small firms?",
        "is there money available to help us expand?",
        "grants are impossible to get, the forms take weeks",
        "it costs us a fortune to park staff in Aylesbury",
        # cost and paying about something else are views too
        "how much does it cost to rent a unit in Aylesbury?",
        "will it cost us more if HS2 closes the road?",
        "do we have to pay for parking at the station?",
        "any charges for using the test site?",
        "the boss is away so we can't get anything signed off",
        "we run two sites, Aylesbury and Thame",
        "we have two sites, does that matter?",  # one business on two sites (set M)
    ],
)
def test_views_that_mention_money_or_staff_are_not_asides(text: str) -> None:
    assert not asks_about_taking_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "what about tourism? we run a B&B near Marlow",
        "we're agriculture, where do we fit?",
        "none of these fit us, we're a hair salon",
        "how about retail?",
    ],
)
def test_a_sector_the_islands_leave_out(text: str) -> None:
    assert asks_about_another_sector(text)


@pytest.mark.parametrize("text", ["space and film", "none", "the car one", "all of them"])
def test_an_island_choice_is_not_another_sector(text: str) -> None:
    assert not asks_about_another_sector(text)


@pytest.mark.parametrize(
    "text", ["we need better", "parking in the", "the roads into", "we want more...", "skills and"]
)
def test_a_message_cut_off_mid_sentence(text: str) -> None:
    assert cut_off(text)


@pytest.mark.parametrize(
    "text",
    [
        "it could be better",
        "we need better broadband.",
        "A413",
        "skills",
        "fix the roads",
        "and",
        "what about the?",
        "the trains, the roads, the broadband and the parking in the town are all bad for",
    ],
)
def test_a_finished_or_long_message_is_not_cut_off(text: str) -> None:
    assert not cut_off(text)


def test_the_two_halves_are_one_answer() -> None:
    assert joined("we need better...", " roads into Aylesbury") == (
        "we need better roads into Aylesbury"
    )
