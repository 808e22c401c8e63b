"""The fields a profile answer gives beside its own, read without Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.profile_passing import answer_and_more

MICRO, SMALL = "Micro (1-9 staff)", "Small (10-49 staff)"


def _nothing_yet(slot: str) -> None:
    return None


@pytest.mark.parametrize(
    ("slot", "text", "own", "more"),
    [
        ("sector", "Vending machines, 4 of us", "Vending machines", {"size_band": MICRO}),
        (
            "organisation",
            "Hale Leys Print, we're a commercial printers, 12 of us in Wendover",
            "Hale Leys Print",
            {"sector": "commercial printers", "size_band": SMALL, "location": "Wendover"},
        ),
        (
            "size_band",
            "there's 6 of us, I'm the owner",
            "there's 6 of us, I'm the owner",
            {"role": "owner"},
        ),
        ("sector", "Software, in healthcare", "Software, in healthcare", {}),
        ("location", "Aylesbury, I'm the owner", "Aylesbury", {"role": "owner"}),
        ("location", "High Wycombe. I'm the MD", "High Wycombe", {"role": "MD"}),
        (  # set BL
            "location",
            "High Wycombe. I'm operations lead",
            "High Wycombe",
            {"role": "operations lead"},
        ),
        (
            "sector",
            "Bakery, I'm the owner, 6 of us",
            "Bakery",
            {"role": "owner", "size_band": MICRO},
        ),
        ("location", "Amersham", "Amersham", {}),
        ("organisation", "People 1st Recruitment", "People 1st Recruitment", {}),
    ],
)
def test_the_answer_and_what_else_it_gives(
    slot: str, text: str, own: str, more: dict[str, str]
) -> None:
    assert answer_and_more(slot, text, text, _nothing_yet) == (own, more)


def test_a_field_already_given_is_not_replaced() -> None:
    given = {"size_band": SMALL}
    own, more = answer_and_more("sector", "Vending machines, 4 of us", "", given.get)
    assert (own, more) == ("Vending machines, 4 of us", {})
