"""Subjects sets EB to EF of unseen conversations lost on their first run (forty-first
session): a tax relief is finance for firms; the power supply upgraded is a utility; "Money."
as a sentence of its own is access to finance. Each rule agrees with every labelled message
so worded (tax relief and credits 33 of 34, power upgrades 34 of 34, a money word opening a
message 11 of 11)."""

from __future__ import annotations

import pytest

from bot.tagging.landmarks import only_passed_by, only_someone_elses
from bot.tagging.needs import stated_needs
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    "clause",
    [
        "Games tax relief paid in weeks rather than months, from government",
        "R&D tax credits that actually pay out on time",
        "Money.",
        "Cash, mostly.",
        "finance",
    ],
)
def test_finance_for_firms_is_entrepreneurialism(clause: str) -> None:
    assert "entrepreneurialism" in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "the money side is fine",  # a sentence about money, not money asked for
        "we make money on the rentals",
        "a tax on sugar",
    ],
)
def test_money_named_in_passing_is_not(clause: str) -> None:
    assert "entrepreneurialism" not in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "help from the council to get the power upgraded",
        "our new kiln needs a three-phase upgrade",
        "the grid upgrade quote came back at 60k",
        "the DNO wants 200k to upgrade the supply",
    ],
)
def test_the_supply_upgraded_is_infrastructure(clause: str) -> None:
    assert "infrastructure" in stated_views([clause])


def test_an_upgrade_of_something_else_is_not_a_utility() -> None:
    assert "infrastructure" not in stated_views(["we want to upgrade our software"])


@pytest.mark.parametrize(
    "clause",
    [
        "And the council of Buckinghamshire, please, some new units near the circuit.",
        "More industrial units for small firms please",
        "we need a bigger unit",
    ],
)
def test_new_units_asked_for_are_premises(clause: str) -> None:
    assert "infrastructure" in stated_needs([clause])


def test_a_small_unit_that_says_where_the_firm_is_is_not() -> None:
    assert "infrastructure" not in stated_needs(
        ["We make battery modules, small unit in Aylesbury"]
    )


def test_staff_who_go_after_a_year_are_a_skills_need() -> None:
    clause = "a good mechanic costs like a surgeon and after one year he goes to the F1 teams"
    assert "education_skills" in stated_needs([clause])


# sets EI to EM


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("Town centres want zero-emission last-mile delivery", "environment_quality_of_life"),
        ("there's nowhere off the narrow lanes to park the crew trucks", "infrastructure"),
        (
            "nhs repair contracts go thru a national framework we cant get on",
            "intelligent_public_services",
        ),
        ("our engineers lose half a day a week on the tring road", "infrastructure"),
    ],
)
def test_views_stated_outright(clause: str, theme: str) -> None:
    assert theme in stated_views([clause])


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("both get hoovered up by the f1 teams n the games studios", "education_skills"),
        ("our cutting room is too small to have an apprentice working beside us", "infrastructure"),
    ],
)
def test_needs_stated_outright(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    ("text", "islands"),
    [
        (
            "@btvlep got called to a lockout out near silverstone this morning",
            {"high_performance_technology"},
        ),
        ("@btvlep drove past the rocket place at westcott this morning, no bangs today", {"space"}),
        ("one of our lads is off on the studio tour at pinewood today", {"creative_digital"}),
        ("we drive to Silverstone every week with parts for the teams", set()),
        ("Hot fire went perfectly at Westcott today", set()),
    ],
)
def test_an_asset_only_passed_by_carries_no_island(text: str, islands: set[str]) -> None:
    assert only_passed_by(text) == islands


@pytest.mark.parametrize(
    ("text", "island"),
    [
        (
            "Framed a poster for a lighting chap who works at Pinewood, lovely fella.",
            "creative_digital",
        ),
        ("My son has just started at one of the rocket engine firms at Westcott", "space"),
    ],
)
def test_someone_elses_job_with_a_trade_word_or_just_started(text: str, island: str) -> None:
    assert only_someone_elses(text) == {island}
