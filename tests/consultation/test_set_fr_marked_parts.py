"""What set FR of unseen conversations (long, formal answers; X DMs that split an answer over
several marked messages) found in the readers: "@btvlep (1/2) ...", "@btvlep 1/3 ..." were
not read as parts of a thread (the handle came before the mark), "... 3) cont. below" was not
read as more to come nor "...3) a small seed fund ..." as carrying it on, and at the
play-back "...it's the lowest carbon building ..." after an answer trailing off "..." was
kept as a view of its own."""

from __future__ import annotations

import pytest

from bot.consultation.afterthoughts import adds_to_last_answer
from bot.consultation.continued import continues_with_mark, to_be_continued
from bot.consultation.held import held_answer, holds
from bot.consultation.x_style import more_to_come, thread_joined, thread_part

OPENING = (
    "@btvlep (1/2) Thank you. Some context first, if I may. I spent fourteen years writing "
    "guidance software for a large defence contractor before leaving in 2019."
)
HELP_LIST = (
    "@btvlep What would help most: 1) shared offices and lab space at Westcott sized for micro "
    "firms; 2) the universities running a short course in space software; 3) cont. below"
)
HELP_REST = (
    "@btvlep ...3) a small seed fund or angel network that understands space software, which "
    "the LEP could convene. That's all, and apologies for the essay."
)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (OPENING, (1, 2)),
        ("@btvlep 1/3 Dear Sir/Madam, by way of introduction: I ran coaches", (1, 3)),
        ("@btvlep @BucksLEP [2/3] the new houses are good news for us", (2, 3)),
        ("@btvlep (3/3) If the planning conditions required proper topsoil", (3, 3)),
        ("@btvlep the council has sat on it since 2015 (1/2)", (1, 2)),
    ],
)
def test_a_thread_mark_after_the_handles_is_read(text: str, part: tuple[int, int]) -> None:
    assert thread_part(text) == part
    assert holds(text) is (part[0] < part[1])


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep we're open 24/7 now and the lanes can't take the vans",
        "@btvlep 1/2 price rents would save us",
        "@btvlep the new unit is due to open on 3/4",
        "@btvlep our lease is up for renewal from 1/2",
        "@btvlep staff turnover is down to 1/3",
    ],
)
def test_a_fraction_or_a_date_after_the_handles_is_no_thread(text: str) -> None:
    assert thread_part(text) is None and not more_to_come(text) and not holds(text)


def test_the_parts_after_the_handles_make_one_answer() -> None:
    parts = [
        "@btvlep 1/3 I ran coaches for thirty years",
        "@btvlep 2/3 So in 2019 we launched our own",
        "@btvlep 3/3 The opportunity is to go electric",
    ]
    joined = "@btvlep I ran coaches for thirty years So in 2019 we launched our own "
    assert thread_joined(parts) == joined + "The opportunity is to go electric"
    assert held_answer(parts[:2], parts[2]) == thread_joined(parts)


def test_cont_below_after_a_numbered_item_has_more_to_come() -> None:
    assert to_be_continued(HELP_LIST) and holds(HELP_LIST)
    assert to_be_continued("@btvlep the depot supply is the big one, more below")
    assert not to_be_continued("@btvlep the cost of training has continued")


def test_dots_then_the_numbered_item_carry_on_the_answer_before() -> None:
    assert continues_with_mark(HELP_REST)
    assert not continues_with_mark("@btvlep 3) a small seed fund would help most")
    answer = held_answer([HELP_LIST], HELP_REST)
    assert "cont" not in answer and answer.count("3)") == 1
    assert answer.endswith(
        "3) a small seed fund or angel network that understands space "
        "software, which the LEP could convene. That's all, and apologies "
        "for the essay."
    )
    assert answer.startswith("@btvlep What would help most: 1) shared offices")


def test_dots_carrying_on_the_answer_at_the_play_back_add_to_it() -> None:
    assert adds_to_last_answer(
        "@btvlep ...it's the lowest carbon building there is and nobody counts it. A small "
        "grants scheme for repairs to listed buildings would do more for the county."
    )
    assert adds_to_last_answer("@btvlep (cont.) and third, the rail operator about tickets")
    # a word about the themes is no part of the answer
    assert not adds_to_last_answer("@btvlep ...and the last one should be tagged housing")


@pytest.mark.parametrize(
    "text",
    [
        "they are rather long",  # waiting lists, say
        "@btvlep Sorry, that was long. Two of us.",  # the head count after the apology
        "Sorry for the essay. Is there a word limit on this?",
    ],
)
def test_no_apology_for_long_answers_is_read_where_there_is_none(text: str) -> None:
    from bot.consultation.replies.own_answer import sorry_for_own_answer

    assert not sorry_for_own_answer(text)
