"""What set FZ of unseen conversations (unusual respondents and profiles) found in the head
count readers: land in a sector answer read as people ("christmas trees. we grow nordmanns
on 60 acres, ... people come and cut their own": Medium, and the head count question never
asked), an idiom counted as a person ("6 staff plus 3 trainees on placement at any one
time": 6 + 3 + 1, Small) and volunteers counted as staff when their number is rough ("about
60 paid staff and 300ish volunteers": Large). Each is read the general way: a measure of
land, weight or distance, livestock or a span of time is not people, and volunteers are left
out however their number is written. Ordinary counts band as before."""

from __future__ import annotations

import pytest

from bot.consultation.head_count import size_band_for
from bot.consultation.recount import head_count_given

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"
MEDIUM, LARGE = "Medium (50-249 staff)", "Large (250+ staff)"


@pytest.mark.parametrize(
    "text",
    [
        "christmas trees. we grow nordmanns on 60 acres, sell wholesale to garden centres and"
        " people come and cut their own in december. wreath workshops too",
        # the same, in other trades and units
        "arable farm, about 400 acres, and people walk the footpaths all year",
        "we manage 300 hectares of woodland and people come for the trails",
        "pick your own, 25 acres of soft fruit, people come from miles around",
        "beef, 200 head of cattle on rented grazing",
        "skip hire, we move about 90 tonnes a week for people doing up their houses",
        "campsite with 40 pitches, people book a year ahead",
    ],
)
def test_a_measure_in_a_sector_is_no_head_count(text: str) -> None:
    assert head_count_given(text) is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("market garden on 12 acres, 6 staff", MICRO),
        ("beef farm, 200 head of cattle, 3 of us full time", MICRO),
        ("bespoke joinery, there's 14 of us", SMALL),
        ("haulage, 8 staff and 40 lorries", MICRO),
    ],
)
def test_the_people_beside_a_measure_are_the_head_count(text: str, band: str) -> None:
    assert head_count_given(text) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("6 staff plus 3 trainees on placement at any one time", MICRO),
        ("about 60 paid staff and 300ish volunteers", MEDIUM),
        # the same, in other words
        ("5 staff and 3 apprentices at any one time", MICRO),
        ("4 paid staff plus 2 on placement at any one time", MICRO),
        ("about 40 paid staff and 200-odd volunteers", SMALL),
        ("8 staff and 50 odd volunteers", MICRO),
        ("about 70 staff, 150ish volunteers", MEDIUM),
        ("7 of us, most of us 3 days a week", MICRO),
        ("12 staff, 2 of them only 2 days a week", SMALL),
        ("14 inc mum and dad who still come in 3 days a week", SMALL),
        ("we've been 20 strong for 5 years", SMALL),
    ],
)
def test_time_and_volunteers_are_not_staff(text: str, band: str) -> None:
    assert size_band_for(text) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        # ordinary counts, unchanged
        ("about 30", SMALL),
        ("one", MICRO),
        ("just the one", MICRO),
        ("300 staff", LARGE),
        ("10 full time and 4 part time", SMALL),
        ("40-60", None),
        ("me and 3 others", MICRO),
        ("5 paid staff and about 40 volunteers", MICRO),
        ("about a dozen, plus a couple of part-timers", SMALL),
    ],
)
def test_ordinary_counts_band_as_before(text: str, band: str | None) -> None:
    assert size_band_for(text) == band
