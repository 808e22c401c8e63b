"""What set CP of unseen conversations (benchmarks/data/conversation_probe_cp.yml) found in
the shared readers: terse X users split an answer over two DMs, the first ending "...", the
second opening "...+ the 2 lads ..." or "...ended up on a credit card ...". The second was
kept as the next question's answer: the dots were lost before the check for a carried-on
answer, or a plus after them was not read."""

from __future__ import annotations

import pytest

from bot.consultation.continued import continues_with_mark
from bot.consultation.pasted import once


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep ...+ the 2 lads we trained b4 both moved to milton keynes",
        "...ended up on a credit card at 29% to fit out the 2nd room",
        "… & the van needs a new clutch every year",
    ],
)
def test_dots_opening_a_message_carry_on_the_answer_before(text: str) -> None:
    assert continues_with_mark(once(text))


@pytest.mark.parametrize("text", ["...", "... +1", "...What happens next?", "+44 7700 900123"])
def test_dots_without_words_after_them_carry_nothing_on(text: str) -> None:
    assert not continues_with_mark(once(text))
