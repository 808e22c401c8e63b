"""Head counts sets FN and FO of unseen conversations found: "Around 35, a few more in
spring" was kept as typed (the season's extra hands read as a second count) and "About 15
staff, plus a pool of freelance linguists" was Micro ("freelance" read as a sole trader).
The season's extras are no part of the count, as "about 15, doubles in summer" is Small;
freelancers beside a staff count are not the speaker."""

from __future__ import annotations

import pytest

from bot.consultation.head_count import size_band_for

MICRO, SMALL, MEDIUM = "Micro (1-9 staff)", "Small (10-49 staff)", "Medium (50-249 staff)"


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Around 35, a few more in spring", SMALL),  # set FN
        ("about 30, a couple more at christmas", SMALL),
        ("40, a handful more in summer", SMALL),
        ("8, a dozen extra pickers at harvest", MICRO),
        ("60 plus another 20 in the busy season", MEDIUM),
        ("6, more at harvest", MICRO),  # set FM, as before
        ("about 15, doubles in summer", SMALL),  # as before
    ],
)
def test_seasonal_extras_are_no_part_of_the_count(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("About 15 staff, plus a pool of freelance linguists", SMALL),  # set FO
        ("about 20 staff, with some freelance help", SMALL),
        ("12, and we use freelance editors", SMALL),
        # the speaker freelance: a sole trader, as before
        ("freelance", MICRO),
        ("im freelance", MICRO),
        ("I'm a freelance designer", MICRO),
        ("just me, freelance translator", MICRO),
        ("freelancer", MICRO),
    ],
)
def test_freelancers_beside_a_count_are_not_the_speaker(text: str, band: str) -> None:
    assert size_band_for(text) == band


def test_extras_alone_are_read_as_before() -> None:
    # nothing taken out when no count is left: "a few" is the count, as before
    assert size_band_for("a few more in spring") == MICRO
    assert size_band_for("4 in winter, 12 in summer") == SMALL
