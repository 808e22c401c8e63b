"""What set T of unseen conversations (benchmarks/data/conversation_probe_t.yml) found in
reading replies, without Rasa: a business outside the five islands asking where it fits or
wanting "the general stuff", seabed drivers described ("the staff one"), an answer pasted
from an email (header block, "> " quoting, "On ... wrote:", a signature and a
confidentiality notice) and an answer run over messages with "(cont.)" or "contd:".
Paraphrases the set does not use, and the views with the same words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation.choices import general_only, outside_the_islands
from bot.consultation.continued import (
    continued_joined,
    continues_with_mark,
    to_be_continued,
    without_marks,
)
from bot.consultation.described import described_themes
from bot.consultation.forwarded import email_body
from bot.consultation.questions import match_themes


@pytest.mark.parametrize(
    "text",
    [
        "pubs aren't on your list, what do I pick?",  # the set's
        "we're retail, where do we fit?",  # the set's (already read before set T)
        "hairdressers aren't in your options",
        "what should I choose as a plumber?",
        "we're a care home, not on the list. what do we go for then?",
        "what do we pick if we're a nursery",
    ],
)
def test_a_business_outside_the_islands_is_on_to_the_seabed(text: str) -> None:
    assert outside_the_islands(text)


@pytest.mark.parametrize(
    "text",
    [
        "just the general stuff",  # the set's
        "the general ones please",
        "only the usual business stuff tbh",
        "general things really",
    ],
)
def test_the_general_stuff_is_no_island(text: str) -> None:
    assert general_only(text)
    assert outside_the_islands(text)


@pytest.mark.parametrize(
    "text",
    [
        "general engineering, so high performance I guess",  # names an island
        "the general public don't come to the high street any more",
        "space isn't on the list for us, we make satellites parts though",  # names Space
        "film, what do I pick for the rest?",
    ],
)
def test_an_island_named_or_a_view_is_not_outside_the_islands(text: str) -> None:
    assert not outside_the_islands(text)


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("the staff one and the roads one", ["education_skills", "infrastructure"]),  # set's
        ("the people one", ["education_skills"]),
        ("the transport bit and the green one", ["infrastructure", "environment_quality_of_life"]),
        ("that money one please", ["entrepreneurialism"]),
        ("skills and the council one", ["intelligent_public_services", "education_skills"]),
    ],
)
def test_seabed_drivers_described_are_chosen(text: str, themes: list[str]) -> None:
    assert match_themes(text, "seabed") == themes


@pytest.mark.parametrize(
    "text",
    [
        "we hope to take on more staff one day",
        "buying a building one day would help",
        "roads one way or another are the problem",
    ],
)
def test_the_same_words_in_a_view_describe_no_driver(text: str) -> None:
    assert described_themes(text, "seabed") == []


OUTLOOK = (
    "fwd from our MD\n\nFrom: Raj Patel <raj@patelcouriers.co.uk>\nSent: Monday, 30 November"
    " 2026 08:41\nTo: Ops Team\nCc: Dave\nSubject: FW: bucks strategy\n\nThe A41 resurfacing"
    " overran by three months and cost us two contracts."
)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (OUTLOOK, "The A41 resurfacing overran", ["raj@", "Sent:", "Subject:", "Cc: Dave"]),
        (
            "-----Original Message-----\nFrom: Sam\nDate: 29/11/2026\nour unit lease is up"
            " and there's nothing bigger in Thame",
            "our unit lease is up",
            ["Original Message", "From: Sam"],
        ),
        (
            "On Mon, 30 Nov 2026 at 10:02, Amy Lee <amy@x.org> wrote:\n>> no apprentices"
            " have applied in two years\n>> and the college is no help",
            "no apprentices have applied in two years\nand the college is no help",
            ["wrote:", ">>", "amy@"],
        ),
        (
            "Broadband on the estate is dreadful.\n\nBest wishes,\nJo Smith\nOffice Manager\n"
            "Smith & Co\n01844 555 201",
            "Broadband on the estate is dreadful.",
            ["Jo Smith", "01844"],
        ),
        (
            "We need more units to rent.\n\nPlease consider the environment before printing"
            " this email.",
            "We need more units to rent.",
            ["printing"],
        ),
    ],
)
def test_an_email_pasted_as_an_answer_keeps_the_view(
    text: str, kept: str, dropped: list[str]
) -> None:
    body = email_body(text)
    assert kept in body
    assert not [d for d in dropped if d in body]


@pytest.mark.parametrize(
    "text",
    [
        "To: the council, please fix the A41\nit floods every winter",  # one "To:" line
        "> 50 staff can't park near the office",  # "more than fifty"
        "regards the roads, they're awful\nand the buses too",  # no sign-off line
        "is this email confidential? we worry about the rents",
        "Thanks,\nthe roads are awful and we need fibre",  # thanks first, then the view
        "Subject: skills\nwe can't find electricians",  # one header-like line
        "From: Aylesbury\nTo: London\ntakes our staff two hours by train",  # a journey
        "We need fibre.\nthank you\nalso the roads are bad and the buses worse",
        "Our view, in short:\n- rents are too high\n- no staff",
    ],
)
def test_views_with_email_words_are_kept_as_typed(text: str) -> None:
    assert email_body(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "the college stopped its early years course (cont.)",  # the set's
        "rents have doubled since the lease renewal [contd]",
        "the buses stop at six cont...",
        "three things hold us back... more to follow",
        "rates are high - continued",
    ],
)
def test_an_answer_with_more_to_come_waits(text: str) -> None:
    assert to_be_continued(text)
    assert "cont" not in without_marks(text) and "follow" not in without_marks(text)


@pytest.mark.parametrize(
    "text",
    [
        "(cont.) and the ones we do train leave for London",  # the set's
        "contd: and the taxis won't come out this far",  # the set's
        "Continued - the buses are no better",
        "cont'd and the parking is a joke",
    ],
)
def test_a_message_that_carries_on_is_marked(text: str) -> None:
    assert continues_with_mark(text)
    assert not without_marks(text).lower().startswith(("(cont", "cont"))


@pytest.mark.parametrize(
    "text",
    [
        "costs have continued to rise every year",
        "contractors are impossible to find",
        "continued growth depends on the A355",
        "we discontinued our van service",
        "control of the high street rents would help",
        "we want to continue",
    ],
)
def test_views_with_the_same_letters_are_no_marks(text: str) -> None:
    assert not to_be_continued(text)
    assert not continues_with_mark(text)
    assert without_marks(text) == text


def test_parts_are_joined_without_marks() -> None:
    joined = continued_joined(["staff are hard to find (cont.)", "(cont.) and they leave"])
    assert joined == "staff are hard to find and they leave"
