"""What set AU of unseen conversations found: "is it anonymous? if so yes" at the consent
question was not a yes, and every answer after it was "still not getting it"; "@btvlep the
bank wont give us an overdraft because" was kept as the whole answer (the handle made it too
long to read as cut off)."""

from __future__ import annotations

import pytest

from bot.consultation.consent_reply import agrees_to_take_part, yes_if_so
from bot.consultation.cut_off import cut_off, joined


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("is it anonymous? if so yes", True),
        ("@btvlep is it anonymous? if so, happy to", True),
        ("is it anonymous? if not, no", False),
        ("is it anonymous?", False),
        ("is it anonymous? if so yes but not now", False),
    ],
)
def test_a_question_then_if_so_yes(text: str, agrees: bool) -> None:
    assert yes_if_so(text) is agrees
    assert agrees_to_take_part(text) is agrees


def test_an_x_dm_cut_off_mid_sentence_is_held_and_joined() -> None:
    first = "@btvlep the bank wont give us an overdraft because"
    assert cut_off(first)
    assert joined(first, "@btvlep we're under 2 years trading") == (
        "@btvlep the bank wont give us an overdraft because we're under 2 years trading"
    )
    assert not cut_off("@btvlep the bank wont give us an overdraft")
