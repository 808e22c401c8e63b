"""Set FQ (firms outside the islands, honest non-answers): "Not really my area, I just teach
people to drive", "Not really my area, my daughter looks after anything like that", "@btvlep
not my area that", "Same as before, no idea" (after "No idea, sorry") and "@btvlep same as
before, nothing" were kept as views. A non-answer with only why beside it (about the person,
not the subject), spoken "..., that", and a pointer with the nothing said again mean nothing;
a bare pointer straight after a non-answer is nothing again. Replies that open the same way
and go on to the subject stay views. Paraphrases, not the set's words."""

from __future__ import annotations

import pytest

from bot.consultation.pointing_back import nothing_to_keep, points_back_to_nothing, same_as_before
from bot.consultation.replies import means_nothing, nothing_but_a_reason


@pytest.mark.parametrize(
    "text",
    [
        "Not my thing really, I only fit kitchens",
        "no idea, we're just a small family shop",
        "@btvlep pass, im only the bookkeeper",
        "Couldn't tell you, my son sorts all that side of things",
        "Not really my department, our office manager handles it",
        "dunno, I leave that stuff to my wife",
        "Nothing to add, that's my partner's job",
        "no clue, you'd have to ask my accountant",
        "not sure, we don't really deal with that side",
        "I just cut hair, so no idea",
        "We're only a tiny cafe, nothing to add there",
    ],
)
def test_a_non_answer_with_only_why_is_nothing(text: str) -> None:
    assert nothing_but_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        # the subject itself after the disclaimer: a view
        "Not really my area, but the lorries on the bypass scare my pupils",
        "No idea about the big rail schemes, but our yard floods every winter",
        "not my area, I just teach people to drive and the test waits are awful",
        "no idea, we only get one bus an hour out here",
        "not sure, we just need broadband that works",
        "no idea, we just can't find anyone to train",
        "not really my area, my son looks after the website and it keeps crashing",
        "pass, we're a small shop so grants never reach us",
        "not sure, we only make about 5% on a sale",
        "nothing to add on housing, we rent",  # set FD: a view
        # the why alone answers nothing away: left to the rest of the bot
        "I just teach people to drive",
        "my daughter looks after anything like that",
    ],
)
def test_a_view_that_opens_the_same_way_is_not_nothing(text: str) -> None:
    assert not nothing_but_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep not my area that",
        "not really my thing that",
        "Not my department",
        "Same as before, no idea",
        "@btvlep same again, nothing",
        "ditto, nothing to add",
        "no idea again",
    ],
)
def test_nothing_said_again_or_with_that_means_nothing(text: str) -> None:
    assert means_nothing(text)


@pytest.mark.parametrize(
    "text",
    [
        "same as before",  # a pointer: the answer it points to, as before
        "same as before but worse",
        "same as before, the bypass is still shut",
        "not my area that, but the bypass is shut every week",
    ],
)
def test_a_pointer_or_a_view_is_not_nothing(text: str) -> None:
    assert not means_nothing(text)


@pytest.mark.parametrize(
    "previous",
    ["No idea, sorry", "pass", "@btvlep nothing to add", "Not my area, I just fit kitchens"],
)
def test_same_as_before_after_a_non_answer_is_nothing_again(previous: str) -> None:
    assert same_as_before("same as before")
    assert points_back_to_nothing("same as before", previous)
    assert points_back_to_nothing("@btvlep ditto", previous)


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("same as before", "The bypass is shut every other week for roadworks"),
        ("see my first answer", "no idea"),  # one answer in particular
        ("same as before", None),
    ],
)
def test_a_pointer_after_a_view_still_points_back(text: str, previous: str | None) -> None:
    assert not points_back_to_nothing(text, previous)


@pytest.mark.parametrize(
    ("text", "previous", "kept"),
    [
        ("no clue, you'd have to ask my accountant", None, False),  # why beside it
        ("same as before", "No idea, sorry", False),  # pointing back at nothing
        ("same as before", "The bypass is shut every other week for roadworks", True),
        ("Not my area really, but the bypass is shut every other week", None, True),
    ],
)
def test_nothing_to_keep_is_either_kind_of_nothing(
    text: str, previous: str | None, kept: bool
) -> None:
    """The one check the strategy form's action asks before it stores a view."""
    assert nothing_to_keep(text, previous) is not kept
