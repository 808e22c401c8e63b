"""One definition of a complaint worded as a negation, read by the tagger and the
conversation alike: what the conversation keeps as a view, the tagger does not read as a
refusal of its question."""

from __future__ import annotations

import pytest

from bot.consultation.replies import states_a_complaint
from bot.tagging.complaints import is_complaint
from bot.tagging.question_context import may_decline


@pytest.mark.parametrize(
    "text",
    [
        "Can't get anyone.",
        "cant recruit for love nor money",
        "couldn't afford the rents",
        "not enough units",
        "nobody applies",
        "no one stays more than a year",
        "nobody will lend to a firm our size",  # the conversation's; the tagger lacked it
    ],
)
def test_a_complaint_is_a_view_to_both_readers(text: str) -> None:
    assert states_a_complaint(text)
    assert not may_decline(text)


@pytest.mark.parametrize(
    "text",
    ["can't think of anything", "nothing to add", "not for us", "no idea sorry"],
)
def test_a_refusal_is_no_complaint_to_either(text: str) -> None:
    assert not states_a_complaint(text)
    assert may_decline(text)
    assert not is_complaint(text.lower())
