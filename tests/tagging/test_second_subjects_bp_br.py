"""Second subjects sets BP to BR of unseen conversations lost on their first run (thirty-fifth
session), each worded so that every labelled training message agrees (README: Measured)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.tagging.needs import stated_needs
from bot.tagging.stated_views import stated_views


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("a propulsion phd route with cranfield or oxford", "education_skills"),
        ("like i said, engineers.", "education_skills"),
        ("& sparkies with the ev ticket are like gold dust", "education_skills"),
        ("and the unit is so tight we lay looms out on a pallet truck", "infrastructure"),
        ("& someone who knows how to sell to the americans", "entrepreneurialism"),
        ("and a grant towards an automated crimp tester", "entrepreneurialism"),
    ],
)
def test_a_need_said_plainly(clause: str, theme: str) -> None:
    assert theme in stated_needs([clause])


@pytest.mark.parametrize(
    ("clause", "theme"),
    [
        ("plus half the pavements in aylesbury are too broken to take a scooter", "infrastructure"),
        ("& the council fixing the dropped kerbs", "infrastructure"),
        ("and nothing runs out there before 9", "infrastructure"),
        ("there's no bus from Chesham after 6", "infrastructure"),
    ],
)
def test_a_view_said_plainly(clause: str, theme: str) -> None:
    assert theme in stated_views([clause])


@pytest.mark.parametrize(
    ("clause", "theme", "rule"),
    [
        # a study route to a university is education, not a business link
        ("a propulsion phd route with cranfield or oxford", "entrepreneurialism", stated_needs),
        ("as i said before, the roads", "education_skills", stated_needs),  # no trade named
        ("a regional cyber lab would be gold dust", "education_skills", stated_needs),
        ("nothing goes to waste here", "infrastructure", stated_views),
    ],
)
def test_worded_alike_but_not_that_theme(
    clause: str, theme: str, rule: Callable[[list[str]], dict[str, str]]
) -> None:
    assert theme not in rule([clause])


def test_nobody_young_who_can_do_the_work() -> None:
    """Set BR: a skill nobody young has is a skills need; what nobody young can afford is not."""
    assert "education_skills" in stated_needs(["nobody young can machine a crank for a Cosworth"])
    assert "education_skills" not in stated_needs(["nobody young can afford to live here"])
