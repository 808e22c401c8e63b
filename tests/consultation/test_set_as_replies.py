"""What set AS of unseen conversations found in the profile readers: "Redkite Roastery,
we're in Princes Risborough, 23 of us now" filed "in Princes Risborough" as the sector;
"Haddenham, been here since 1962" was filed whole as the town; "we took on our tenth last
week" gave no head count; "go on but skip the bits about us" was not read as skipping the
questions about the business."""

from __future__ import annotations

import pytest

from bot.consultation.choice_changes import switched_choice
from bot.consultation.head_count import size_band_for
from bot.consultation.profile import name_and_trade, tidy_profile_answer, trade_details
from bot.consultation.profile_places import where_said
from bot.consultation.replies import skips_the_profile, skips_the_rest
from bot.strategy import ISLAND_IDS


@pytest.mark.parametrize(
    ("text", "details"),
    [
        (
            "Redkite Roastery, we're in Princes Risborough, 23 of us now",
            ("", "Small (10-49 staff)", "Princes Risborough"),
        ),
        ("Hale Leys Print, we're a commercial printers", ("commercial printers", None, None)),
        (
            "Kiln Ales, we're a craft brewery, 12 of us in Wendover",
            ("craft brewery", "Small (10-49 staff)", "Wendover"),
        ),
    ],
)
def test_a_place_after_the_name_is_no_trade(
    text: str, details: tuple[str, str | None, str | None]
) -> None:
    name, trade = name_and_trade(text)
    assert trade is not None and name == text.split(",")[0]
    assert trade_details(trade) == details


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Haddenham, been here since 1962", "Haddenham"),
        ("Aylesbury, we've been here 20 years", "Aylesbury"),
        ("Beenham Road, Aylesbury", "Beenham Road, Aylesbury"),  # no remark
    ],
)
def test_how_long_the_firm_has_been_there_is_no_part_of_the_town(text: str, town: str) -> None:
    assert tidy_profile_answer("location", text) == town


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("we took on our tenth last week", "Small (10-49 staff)"),
        ("@btvlep just hired our 50th", "Medium (50-249 staff)"),
        ("we've just taken on our ninth", "Micro (1-9 staff)"),
        ("our tenth anniversary is next year", None),  # no hire
    ],
)
def test_the_newest_hire_counted_by_its_place(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "skips"),
    [
        ("@btvlep go on but skip the bits about us, just want my say", True),
        ("yes, skip the profile", True),
        ("yes, no questions about me please", True),
        ("yes", False),
        ("yes but the bit about roads matters", False),
    ],
)
def test_skipping_the_questions_about_the_business(text: str, skips: bool) -> None:
    assert skips_the_profile(text) is skips
    assert not skips_the_rest(text)  # not the same as "skip the rest"


@pytest.mark.parametrize(
    ("text", "switched"),
    [
        ("sorry I meant space not mobility", ["space"]),
        ("not mobility, I meant space", ["space"]),  # the older order still reads
        ("I meant the roads not the trains are bad", []),  # no island named
    ],
)
def test_i_meant_one_island_not_another(text: str, switched: list[str]) -> None:
    assert switched_choice(text, ISLAND_IDS, "intelligent_mobility") == switched


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("there's 6 of us, I'm the owner, we're in Princes Risborough", "Princes Risborough"),
        ("12 of us, based in Olney", "Olney"),
        ("about 20, in Marlow", "Marlow"),
        ("50 as of this month, we took over a service desk in Thame", None),
        ("8 staff and we deliver in Amersham", None),
    ],
)
def test_a_town_with_the_head_count_only_where_the_firm_is(text: str, place: str | None) -> None:
    assert where_said(text) == place
