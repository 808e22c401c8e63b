"""What set FU of unseen conversations (breaks, returns and privacy) found in the readers:
leaving mid-way ("I'll have to leave this for a bit"), coming back after longer than meant
("got dragged away for longer than I thought. Where were we?"), a story of why the business
vanished before "where were we", a pause with what the business is busy with ("Hang on,
just signing for a parcel"), "can we start again" with why the business lost its place,
and "what was this one" for the question again. A view that mentions a pause in passing
stays a view."""

from __future__ import annotations

import pytest

from bot.consultation.participation import asks_to_start_again
from bot.consultation.pause_talk import pause_reply
from bot.consultation.replies import holding


def _no_answer(text: str) -> bool:
    """Read as the actions read it: a pause asks again, sorry for a pause is answered."""
    return holding(text) or pause_reply(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the milk tanker's just pulled in, I'll have to leave this for a bit",
        "Sorry, got dragged away for longer than I thought. Where were we?",
        "@btvlep morning, sorry i vanished yesterday, one of the marquees came down in the wind."
        " where were we",
        "Hang on, just signing for a parcel",
        "@btvlep ok so what was this one",
        # the same, in other words and trades
        "Sorry, feed lorry's just pulled in, I'm going to have to leave this for a while",
        "hi again, sorry we disappeared on you, the oven packed up halfway through a bake. "
        "where was i",
        "Apologies, I got held up longer than I expected. Where were we?",
        "one sec, just serving a customer",
        "hold on, I'm on the phone to a supplier",
        "what was that question again?",
        "right, which one are we on",
    ],
)
def test_a_break_or_a_return_is_no_answer(text: str) -> None:
    assert _no_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        # a real view that mentions a pause or a leaving in passing: stored
        "we have to leave the yard by 5 because the lane floods",
        "Sorry, the milk tanker can't get up the lane in winter so we have to leave the churns"
        " at the road",
        "sorry i vanished, the lane floods every winter and the council never clears the "
        "drains. where were we",
        "the delivery vans are always held up on the A418 for ages",
        "we got caught up in planning for two years over the new barn",
        "hang on, just signing for a parcel takes twenty minutes because the courier can't find us",
        "our customers lose track of where we are because the signs were taken down",
    ],
)
def test_a_view_that_mentions_a_pause_is_still_a_view(text: str) -> None:
    assert not _no_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep sorry can we start again, had 3 people in and ive lost track of what ive said",
        "Can we start over? I've completely lost my place, the phone hasn't stopped all morning",
        "sorry can we start again",
    ],
)
def test_starting_again_because_the_place_is_lost(text: str) -> None:
    assert asks_to_start_again(text)


@pytest.mark.parametrize(
    "text",
    [
        # a restart in a view, or someone else losing track: a view
        "we had to start again after the fire and the insurers lost track of our claim twice",
        "can we start again with the planning rules, the council has lost track of what it "
        "promised the villages",
    ],
)
def test_a_restart_in_a_view_is_a_view(text: str) -> None:
    assert not asks_to_start_again(text)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        # set AJ: after "can I come back to this later? got a client in 5" the form stays open
        ("@btvlep actually they've cancelled, let's carry on", True),
        ("ok they have gone, carry on", True),
        ("all sorted, lets continue", True),
        # a view beside the word to carry on is still a view
        ("broadband is slow, carry on", False),
        ("no apprentices round here, go on", False),
        ("the roads are awful, carry on", False),
    ],
)
def test_how_a_pause_ended_then_carry_on_is_no_answer(text: str, holds: bool) -> None:
    assert holding(text) is holds
