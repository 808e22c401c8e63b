"""What set EQ of unseen conversations found in the readers of corrections: a figure put
right ("they pay 30% more, not 20%", "40 shud be 50 sorry, fat thumbs") was read as no
figure at all, and an answer named then disowned before its new wording ("the barriers
answer isn't right. Please make it: ...", "the skills answer needs changing, it should
say: ...") was read as no change to a named answer."""

from __future__ import annotations

import pytest

from bot.consultation.figure_fixes import Figure, figure_change
from bot.consultation.named_changes import changes_a_named_answer


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (
            "Nearly. The bit about London studios: they pay 30% more, not 20%.",
            Figure("", "20", "%"),
            Figure("", "30", "%"),
        ),
        ("@btvlep 40 shud be 50 sorry, fat thumbs", Figure("", "40", ""), Figure("", "50", "")),
        ("it's £500k rather than £400k", Figure("£", "400", "k"), Figure("£", "500", "k")),
        ("the 12 miles should be 20 miles", Figure("", "12", "miles"), Figure("", "20", "miles")),
    ],
)
def test_a_figure_put_right_is_read_old_and_new(text: str, old: Figure, new: Figure) -> None:
    change = figure_change(text)
    assert change is not None
    assert (change.old, change.new) == (old, new)


@pytest.mark.parametrize(
    "text",
    [
        "no, the A413 not the A41",  # a road, not a figure: read as before
        "yes that's right",
        "we've got about 40 staff and rent went up 20% this year",  # figures, none put right
        "Chesham, not Amersham",
    ],
)
def test_no_figure_put_right(text: str) -> None:
    assert figure_change(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Hang on, before digital: the barriers answer isn't right. Please make it: our unit's "
        "power supply can't run more than two rigs at once.",
        "@btvlep morning, its me from yesterday. the skills answer needs changing, it should "
        "say: we train our own packers now but they leave for the warehouses",
        "@btvlep 40 shud be 50 sorry, fat thumbs",
    ],
)
def test_a_named_answer_disowned_then_reworded_is_a_change(text: str) -> None:
    assert changes_a_named_answer(text)


def test_a_view_that_disowns_nothing_is_no_change() -> None:
    assert not changes_a_named_answer(
        "The barriers are real: the bus isn't right for shift workers and needs changing."
    )
