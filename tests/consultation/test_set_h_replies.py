"""What the eighth set of unseen conversations (benchmarks/data/conversation_probe_h.yml)
found in reading replies, tested without Rasa: a view carried on with "because" / "so",
"*better broadband", "is this the council?", a whole profile after the name, a sector
corrected later, islands described rather than named, and thanks in Welsh."""

from __future__ import annotations

import pytest

from bot.consultation.asides import (
    asks_if_council,
    continues_answer,
    new_turn_after_and,
    steps_aside,
    without_and,
)
from bot.consultation.described import described_islands
from bot.consultation.profile import corrected_sector, trade_details
from bot.consultation.replies import acknowledgement_only, corrects_last_answer

SMALL = "Small (10-49 staff)"


@pytest.mark.parametrize(
    "text",
    [
        "because the college stopped teaching it",
        "so we train our own now",
        "cos the buses stop at 6",
        "bcos nobody will pay London rates",
        "but the rent has doubled since",
        "which means we lose them to Oxford",
    ],
)
def test_a_reason_or_consequence_sent_on_its_own_carries_the_answer_on(text: str) -> None:
    assert continues_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "so what's the Arc?",  # a question, not more of the answer
        "which island is Westcott in?",
        "because",  # too short to say anything
        "so",
        "some of our staff commute from Luton",  # "so" only as a word of its own
        "the college stopped teaching it",
    ],
)
def test_a_question_or_a_fresh_answer_does_not(text: str) -> None:
    assert not continues_answer(text)


def test_but_and_a_question_to_the_bot_is_a_new_turn() -> None:
    assert new_turn_after_and("but what happens to my data?")
    assert without_and("because how long will this take?") == "how long will this take?"


@pytest.mark.parametrize("text", ["*better broadband", "broadband*", "* Wendover", "*their"])
def test_a_typo_fixed_with_an_asterisk_corrects_the_last_answer(text: str) -> None:
    assert corrects_last_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "we need *better* roads, the A41 is a mess",
        "*",
        "5 * 3 staff",
        "*the whole estate needs better broadband and nobody from the council ever answers",
    ],
)
def test_an_asterisk_inside_a_view_or_alone_does_not(text: str) -> None:
    assert not corrects_last_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi is this the council?",
        "Is this Buckinghamshire Council or what",
        "are you from bucks council?",
        "am I talking to the council",
        "sorry, is this the council",
    ],
)
def test_is_this_the_council_is_a_step_aside(text: str) -> None:
    assert asks_if_council(text) and steps_aside(text)


@pytest.mark.parametrize(
    "text",
    [
        "the council is useless",
        "is this the council who never answers the phone? six months for planning",
        "the council's business rates team never answers the phone",
    ],
)
def test_a_view_about_the_council_is_not(text: str) -> None:
    assert not asks_if_council(text)


@pytest.mark.parametrize(
    ("trade", "expected"),
    [
        ("craft brewery, 12 of us in Wendover", ("craft brewery", SMALL, "Wendover")),
        ("cafe, we're in High Wycombe", ("cafe", None, "High Wycombe")),
        ("craft brewery, based in Wendover, 12 staff", ("craft brewery", SMALL, "Wendover")),
        ("commercial printers", ("commercial printers", None, None)),
        ("bakery, cafe and deli", ("bakery, cafe and deli", None, None)),
        ("joinery, we work in oak", ("joinery, we work in oak", None, None)),
    ],
)
def test_a_trade_after_the_name_gives_its_head_count_and_place(
    trade: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert trade_details(trade) == expected


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        (
            "actually put us down as an engineering consultancy, we stopped making things",
            "engineering consultancy",
        ),
        ("sorry, our sector should be retail", "retail"),
        ("actually we're more of a consultancy these days", "consultancy"),
    ],
)
def test_a_sector_corrected_later(text: str, sector: str) -> None:
    assert corrected_sector(text) == sector


@pytest.mark.parametrize(
    "text",
    [
        "actually we're a bit further out, near Thame",
        "actually I'm really the finance director",
        "actually we're 60 staff not 6",
        "we're more of a consultancy",  # no correction cue: an answer like any other
        "Haddenham",
    ],
)
def test_a_place_a_role_or_a_head_count_is_not_a_sector_correction(text: str) -> None:
    assert corrected_sector(text) is None


@pytest.mark.parametrize(
    ("text", "islands"),
    [
        ("the car one and the hospital one", ["intelligent_mobility", "medical_technologies"]),
        ("the rocket one", ["space"]),
        ("telly one pls", ["creative_digital"]),
        ("hospitality", []),
        ("the car park at the station is always full", []),
    ],
)
def test_islands_described_by_what_they_are_about(text: str, islands: list[str]) -> None:
    assert described_islands(text) == islands


@pytest.mark.parametrize("text", ["diolch yn fawr", "Diolch!", "merci beaucoup", "gracias"])
def test_thanks_in_another_language_is_no_view(text: str) -> None:
    assert acknowledgement_only(text)


def test_a_sentence_in_welsh_is_not_only_thanks() -> None:
    assert not acknowledgement_only("diolch am y cyfle, mae'r ffyrdd yn ofnadwy")
