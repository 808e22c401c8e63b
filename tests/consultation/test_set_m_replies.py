"""What the thirteenth set of unseen conversations (benchmarks/data/conversation_probe_m.yml)
found in the reply vocabulary and the profile readers, without Rasa: "let me think" is not
an answer; "no, nothing changes for us" is nothing to note while "no broadband worth the
name" is a view; head counts that add up; two sites; a name and trade said without a
comma, or no name at all; two short questions in one message; a change of island; one more
view at a yes-or-no question."""

from __future__ import annotations

import pytest

from bot.consultation.asides import asks_who_reads
from bot.consultation.choice_changes import switched_choice
from bot.consultation.profile import name_and_trade, size_band_for, tidy_profile_answer
from bot.consultation.replies import holding, looks_like_question, means_nothing, view_not_yes_no
from bot.strategy import ISLAND_IDS, SEABED_IDS

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"


@pytest.mark.parametrize(
    "text",
    [
        "hmm good question, let me think",
        "good question",
        "that's a tough one",
        "let me have a think",
    ],
)
def test_thinking_aloud_is_not_an_answer_yet(text: str) -> None:
    assert holding(text)


@pytest.mark.parametrize(
    "text", ["a good question about the roads", "hmm, the roads are the problem", "tough times"]
)
def test_a_view_that_mentions_thinking_is_still_a_view(text: str) -> None:
    assert not holding(text)


@pytest.mark.parametrize(
    "text",
    [
        "no, nothing changes for us",
        "nah nothing will change for us",
        "no, not for us",
        "it won't affect us",
        "doesn't apply to us",
        "not relevant to us really",
        "no",
    ],
)
def test_a_no_with_nothing_after_it_is_nothing_to_note(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "no broadband worth the name out here and the lanes flood every winter",
        "nothing changes unless the A41 is fixed",
        "no, the roads are awful",
        "no one will lend to a firm our size",
    ],
)
def test_a_view_that_opens_with_no_is_a_view(text: str) -> None:
    assert not means_nothing(text)


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("about a dozen, plus a couple of part-timers", SMALL),
        ("10 full time and 4 part time", SMALL),
        ("12 + 3 apprentices", SMALL),
        ("6 plus 2 part-timers", MICRO),
        ("between 10 and 15 depending on the season", SMALL),  # a range: not added up
        ("40-60", None),  # a range across two bands: kept as typed
        ("5 staff and 40 volunteers", MICRO),
    ],
)
def test_head_counts_that_add_up(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we've got two sites, Aylesbury and Milton Keynes", "Aylesbury and Milton Keynes"),
        ("two sites - Aylesbury and MK", "Aylesbury and MK"),
        ("we operate from two sites: High Wycombe and Slough", "High Wycombe and Slough"),
        (
            "we have three shops in Chesham, Amersham and Beaconsfield",
            "Chesham, Amersham and Beaconsfield",
        ),
        ("2 sites", "2 sites"),  # the lead-in alone is kept as typed
        ("we're based in Amersham", "Amersham"),
    ],
)
def test_two_sites_keep_both_places(text: str, place: str) -> None:
    assert tidy_profile_answer("location", text) == place


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "its marlow mill joinery we do bespoke kitchens",
            ("marlow mill joinery", "bespoke kitchens"),
        ),
        ("the kitchen people we make kitchens", ("the kitchen people", "kitchens")),
        (
            "I don't have a company name, I'm a freelance photographer",
            ("", "freelance photographer"),
        ),
        (
            "no company name as such, just a sole trader electrician",
            ("", "sole trader electrician"),
        ),
        (
            "no name really, I'm a sole trader doing wedding cakes",
            ("", "sole trader doing wedding cakes"),
        ),
        ("no company name yet, we're a start-up making candles", ("", "start-up making candles")),
        ("We Do Windows Ltd", ("We Do Windows Ltd", None)),
        # a sentence about the firm, not a name before the trade: kept whole, as before
        (
            "we are a small family firm and we do kitchens",
            ("we are a small family firm and we do kitchens", None),
        ),
        (
            "our lot are mostly joiners but we make the odd staircase too",
            ("our lot are mostly joiners but we make the odd staircase too", None),
        ),
        ("Its Fine Ltd", ("Its Fine Ltd", None)),
        (
            "Hale Leys Print, we're a commercial printers",
            ("Hale Leys Print", "commercial printers"),
        ),
    ],
)
def test_name_and_trade_spoken_or_with_no_name(text: str, parts: tuple[str, str | None]) -> None:
    assert name_and_trade(text) == parts


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("what happens after this then? does anyone actually read it", True),
        ("who reads this? is it the council", True),
        ("What would help? A train to MK", False),
        ("is this only for tech firms? we're a garden centre", False),
        ("why? the roads are awful and nobody ever fixes them", False),
    ],
)
def test_two_short_questions_in_one_message(text: str, asks: bool) -> None:
    assert looks_like_question(text) is asks


@pytest.mark.parametrize(
    ("text", "among", "themes"),
    [
        (
            "actually can I do medtech instead? space isn't really us",
            ISLAND_IDS,
            ["medical_technologies"],
        ),
        ("can we switch to medtech", ISLAND_IDS, ["medical_technologies"]),
        ("I'd rather do high performance", ISLAND_IDS, ["high_performance_technology"]),
        ("can I do skills instead", SEABED_IDS, ["education_skills"]),
        ("we make parts for space and medtech instead of cars now", ISLAND_IDS, []),
        ("medtech would be better, instead of grants we need premises", ISLAND_IDS, []),
        ("I'd rather not talk about space, our rents are the problem", ISLAND_IDS, []),
        ("can I do space instead", ISLAND_IDS, []),  # the theme already being asked about
        # bullets over lines (the first fix split them into None and failed the turn)
        ("• can't find CNC setters\n• the college dropped engineering, as usual", ISLAND_IDS, []),
    ],
)
def test_a_change_of_island_mid_way(text: str, among: tuple[str, ...], themes: list[str]) -> None:
    assert switched_choice(text, among, "space") == themes


@pytest.mark.parametrize(
    ("text", "intent", "view"),
    [
        ("oh and one more thing, parking in Wycombe is a joke", "deny", True),
        ("the business rates in Aylesbury went up again this year", "inform", True),
        ("no thanks, not for me right now", "deny", False),
        ("yes please that would be great thanks", "inform", False),
        ("it's tom@example.com if you need it thanks", "inform", False),
        ("parking is a joke", "inform", False),  # five words: too short to be sure
    ],
)
def test_one_more_view_at_a_yes_or_no_question(text: str, intent: str, view: bool) -> None:
    assert view_not_yes_no(text, intent) is view


@pytest.mark.parametrize(
    "text",
    [
        "yeah go on, monthly would be fine by me",
        "no ta, I get enough emails as it is",
        "ok but not more than once a month please",
        "depends how often you would email me",
        "will you share my email with anyone else",
        "I'd like that very much thank you",
        "happy for you to send the odd update",
        "don't want any more emails thank you",
    ],
)
def test_a_yes_or_no_that_goes_on_is_still_an_answer(text: str) -> None:
    assert not view_not_yes_no(text, "inform")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("who reads these? does it go to the council", True),
        ("does this go to the council?", True),
        ("who sees my answers", True),
        ("what happens after this then? does anyone actually read it", False),  # next steps
        ("the council never reads anything we send", False),
        ("who gets the contracts round here? the big firms", False),
        ("is this the council?", False),  # answered as not_the_council
    ],
)
def test_who_reads_the_answers(text: str, asks: bool) -> None:
    assert asks_who_reads(text) is asks
