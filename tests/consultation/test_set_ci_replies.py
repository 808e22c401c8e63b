"""Set CI of unseen conversations (answers that point elsewhere), first run 7 / 12: "same as
the barriers one really", "Same as the barriers one, the planes. ..." and "My answer on
housing covers this too, plus ..." kept only their own words' themes; now each points to
the answer it names, by the part of a theme's questions or by the theme."""

from __future__ import annotations

import pytest

from bot.consultation.pointing_back import opens_with_pointer, pointed_answer, same_as_before

EARLIER = [
    "the planes from heathrow wreck our recordings",
    "we cant find foley artists anywhere",
    "the new estates mean more pets",
]
THEMES = ["creative_digital", "education_skills", "housing_growth"]
PARTS = ["barriers", "help", None]


@pytest.mark.parametrize(
    ("text", "whole", "meant"),
    [
        ("same as the barriers one really", True, 0),
        ("Same as the barriers one, the planes. And the valley is lovely for walks", False, 0),
        ("My answer on housing covers this too, plus there is no three-phase power", False, 2),
        ("see the help one", True, 1),
    ],
)
def test_a_pointer_to_the_answer_it_names(text: str, whole: bool, meant: int) -> None:
    assert same_as_before(text) is whole
    assert opens_with_pointer(text) is not whole
    assert pointed_answer(text, EARLIER, THEMES, PARTS) == EARLIER[meant]


@pytest.mark.parametrize("text", ["like the council one", "the council one", "the roads one"])
def test_a_choice_described_is_no_pointer(text: str) -> None:
    assert not same_as_before(text) and not opens_with_pointer(text)
