"""Set FS of unseen conversations, read without Rasa: "we do a bit of all three" beside
three named islands chose all five; "6, me and my husband plus 4 packers" was banded Small
(the parts added to the count they make up); "... and their lorries have wrecked the road
in" was held as cut off ("Go on, I'm listening")."""

from __future__ import annotations

import pytest

from bot.consultation.cut_off import cut_off
from bot.consultation.head_count import size_band_for
from bot.consultation.questions import match_themes
from bot.consultation.replies import about_the_consultation
from bot.strategy import ISLAND_IDS, SEABED_IDS

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        (
            "Medical technologies, high performance and space - we do a bit of all three",
            ["medical_technologies", "high_performance_technology", "space"],
        ),
        (
            "all of those three: space, film and medtech",
            ["creative_digital", "medical_technologies", "space"],
        ),
        ("film and space, all 2 of them", ["creative_digital", "space"]),
    ],
)
def test_all_three_beside_named_islands_is_the_named_ones(text: str, chosen: list[str]) -> None:
    assert match_themes(text, "island") == chosen


@pytest.mark.parametrize(("text", "kind"), [("all five", "island"), ("all seven", "seabed")])
def test_all_of_the_list_counted_is_still_all(text: str, kind: str) -> None:
    assert match_themes(text, kind) == list(ISLAND_IDS if kind == "island" else SEABED_IDS)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("6, me and my husband plus 4 packers", MICRO),
        ("9 - 5 in the workshop and 4 in the office", MICRO),
        ("6 (me, my son and 4 fitters)", MICRO),
        # parts that do not make up the first count still add to it
        ("about a dozen, plus a couple of part-timers", SMALL),
        ("6, plus 4 packers", SMALL),
        ("me and my husband plus 4 packers", MICRO),
    ],
)
def test_a_count_then_the_parts_that_make_it_up(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep hs2 and east west rail both go right past our gate and we havent had one order "
        "off either, its all on frameworks we cant get on. and their lorries have wrecked the "
        "road in",
        "there is only one way out",
        "the new business rates kicked in",
    ],
)
def test_in_or_out_that_ends_a_sentence_is_not_cut_off(text: str) -> None:
    assert not cut_off(text)


@pytest.mark.parametrize("text", ["we are based in", "parking in", "the roads into", "skills and"])
def test_a_preposition_still_dangles(text: str) -> None:
    assert cut_off(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hello there, one of our tenants forwarded me the link to this",
        "my accountant sent me a link to this, happy to help",
    ],
)
def test_the_link_that_brought_the_business_here_is_about_the_consultation(text: str) -> None:
    # kept before consent only if it names a theme too (`actions/consent.record`)
    assert about_the_consultation(text)


def test_a_view_with_a_link_in_it_is_not_about_the_consultation() -> None:
    assert not about_the_consultation("the council sent us a link to a grant that had closed")
