"""Second subjects sets BU to BW of unseen conversations lost on their first run (thirty-sixth
session), each worded so that every labelled training message agrees (README: Measured),
and a need the set-aside rule now reads as set aside ("Finding electricians isn't the
problem for us")."""

from __future__ import annotations

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.programmes import named_programmes
from bot.tagging.set_aside import set_aside_clauses, stated_only_there
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("and honestly, a ground-floor unit.", "infrastructure"),
        ("and there's nothing on the ground floor to rent in Buckingham.", "infrastructure"),
        (
            "Protect some industrial land in Iver for the firms that supply the studios",
            "infrastructure",
        ),
        (
            "the banks see a company with some vans, not a business with an order book",
            "entrepreneurialism",
        ),
        (
            "the banks want a personal guarantee on my house before they'll lend a penny",
            "entrepreneurialism",
        ),
    ],
)
def test_a_need_said_plainly(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    "clause",
    [
        "we rent a ground floor flat in Marlow",  # a home, not premises
        "the bank sees the statements every month",
    ],
)
def test_not_a_need(clause: str) -> None:
    found = stated_needs([clause])
    assert "infrastructure" not in found and "entrepreneurialism" not in found


def test_investors_named_and_a_cut_through() -> None:
    assert "entrepreneurialism" in named_programmes(
        ["Investors in London have never heard of Westcott"]
    )
    assert named_programmes(["we've just got our Investors in People award"]) == {}
    assert "infrastructure" in stated_views(
        ["the viaduct lorries using Denham village as a cut-through"]
    )
    assert stated_views(["a contractor cut through our fibre"]) == {}


def test_a_need_read_inside_the_set_aside_clause_is_withheld() -> None:
    text = "Finding electricians isn't the problem for us. It's the grid: a year for a supply."
    clauses = set_aside_clauses(text)
    assert list(clauses) == ["education_skills"]
    need = stated_needs(["Finding electricians isn't the problem for us."])
    assert "education_skills" in need  # the need rule alone reads "Finding electricians"
    lines = [f"need: {need['education_skills']}"]
    assert stated_only_there(lines, clauses["education_skills"])
    # a need stated elsewhere in the message still stands
    assert not stated_only_there(["need: cant find welders"], clauses["education_skills"])
