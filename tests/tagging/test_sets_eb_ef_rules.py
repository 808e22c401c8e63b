"""Subjects sets EB to EF of unseen conversations lost on their first run (forty-first
session): a tax relief is finance for firms; the power supply upgraded is a utility; "Money."
as a sentence of its own is access to finance. Each rule agrees with every labelled message
so worded (tax relief and credits 33 of 34, power upgrades 34 of 34, a money word opening a
message 11 of 11)."""

from __future__ import annotations

import pytest

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
