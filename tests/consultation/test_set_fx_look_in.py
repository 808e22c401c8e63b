"""What set FX of unseen conversations (X DMs from small trades) found in the readers: a
complete view whose last sentence ends on the idiom "get a look in" ("... the commissioning
is shocking. local firms never get a look in") was read as a sentence cut off on "in": the
bot said "Go on, I'm listening" and every later answer landed a question late."""

from __future__ import annotations

import pytest

from bot.consultation.cut_off import cut_off
from bot.consultation.held import holds, list_unfinished

HOUSING_VIEW = (
    "@btvlep new builds round here mostly get heat pumps now which is great for carbon, but "
    "the developers bring their own installers from up north and the commissioning is "
    "shocking. local firms never get a look in"
)


@pytest.mark.parametrize(
    "text",
    [
        HOUSING_VIEW,
        "local firms never get a look in",
        "small builders dont get a look-in",
        "the big contractors win everything and we never get much of a look in",
        "at meetings you cant get a word in",
        "they never give local firms a look in",
        "in the end we gave in",
        "the neighbouring parishes chip in",
        "so we had to move on",
    ],
)
def test_an_idiom_or_particle_that_ends_a_sentence_is_not_held(text: str) -> None:
    assert not cut_off(text)
    assert not holds(text)
    assert not list_unfinished([text], "@btvlep the only heat pump course near us is 2 hrs away")


@pytest.mark.parametrize(
    "text",
    [
        "we need better",
        "we had a look in",
        "local firms never get a look at the",
        "we cant get a word in with the",
        "we are based in",
        "the roads into",
        "@btvlep 1/2 we make heat pumps and",
        "@btvlep the grid is the problem (cont.)",
        "@btvlep ok 2 things",
    ],
)
def test_a_message_that_really_is_unfinished_still_waits(text: str) -> None:
    assert holds(text)
