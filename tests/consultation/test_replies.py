"""The reply vocabulary (skip / none / nothing to say / holding / acknowledgement /
question back), tested without Rasa."""

from __future__ import annotations

import pytest

from bot.consultation.none_choice import means_none
from bot.consultation.replies import (
    acknowledgement_only,
    has_a_skip_word,
    holding,
    is_skip,
    looks_like_question,
    means_nothing,
    none_reply,
    normalise,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hang on...", "hang on"),
        ("N/A", "n/a"),
        ("Don’t know!", "don't know"),
        ("  skip  ", "skip"),
        ("R&D", "r and d"),
        ("2 secs", "2 secs"),
        ("🙂", ""),
    ],
)
def test_one_normaliser(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "skip",
        "/skip",
        "Skip.",
        "n/a",
        "N/A",
        "-",
        "—",
        "pass",
        "rather not say",
        "Not sure",
        "don’t know",
        "Skp",
    ],
)
def test_typed_skips(text: str) -> None:
    assert is_skip(text)
    assert means_nothing(text)  # a skip is also nothing to record


@pytest.mark.parametrize(
    "text",
    ["", None, "skipton", "Next Generation Ltd", "no, we're a charity", "passing trade is down"],
)
def test_not_skips(text: str | None) -> None:
    assert not is_skip(text)


@pytest.mark.parametrize(
    "text",
    [
        "no idea",
        "dunno",
        "Nah",
        "not sure tbh",
        "pass thanks",
        "haven't a clue",
        "I don't know",
        "nothing really",
        "doesn't apply to us",
        "not relevant to us, next",
        "idk",
        "n/a",
        "none of them",
        "beats me",
        "no comment sorry",
        "–",
        "Next please",
        "next pls",
        "Idek",
        "Nothing I can think of there.",
    ],
)
def test_nothing_to_say(text: str) -> None:
    assert means_nothing(text)
    assert not holding(text) and not acknowledgement_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "no, we're a charity",
        "nothing but trouble with the A413",
        "Nash & Co",
        "not sure about the arc but skills matter",
        "High Wycombe",
        "private rented units are scarce",
    ],
)
def test_answers_are_not_nothing(text: str) -> None:
    assert not means_nothing(text) and not is_skip(text)
    assert not holding(text) and not acknowledgement_only(text)


@pytest.mark.parametrize(
    "text", ["Skp", "Next please", "Idek", "rather not", "Mind Your Own Business", "n/a"]
)
def test_a_skip_has_a_skip_word(text: str) -> None:
    # the one list NLU's "skip" on a capitalised name is checked against
    assert has_a_skip_word(normalise(text)) and means_nothing(text)


@pytest.mark.parametrize("text", ["Skirmett", "Long Crendon", "Nash & Co", "High Wycombe"])
def test_a_name_has_no_skip_word(text: str) -> None:
    assert not has_a_skip_word(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "hang on",
        "Hold on!",
        "hold on a sec",
        "wait",
        "wait up",
        "one sec",
        "1 sec",
        "two secs",
        "hang on a minute",
        "just a mo",
        "give me a second",
        "bear with me",
        "erm",
        "hmm let me think",
        "ok hang on",
        "back in a minute",
        "Um...",
    ],
)
def test_holding(text: str) -> None:
    assert holding(text)
    assert not means_nothing(text) and not acknowledgement_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "hang on, the roads are bad",
        "wait times at the GP are awful",
        "Hold on to staff is hard",
        "one second thought: rail",
        "",
        None,
    ],
)
def test_holding_needs_the_whole_reply(text: str | None) -> None:
    assert not holding(text)


@pytest.mark.parametrize(
    "text", ["yes", "Thanks!", "cool, thanks", "👍", "got it cheers", "makes sense"]
)
def test_acknowledgement_only(text: str) -> None:
    assert acknowledgement_only(text)
    assert not means_nothing(text) and not holding(text)


@pytest.mark.parametrize("text", ["yes, more trains", "thanks to HS2 our lane is shut", ""])
def test_acknowledgement_with_content_is_not_only_that(text: str) -> None:
    assert not acknowledgement_only(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("none of these", ""),
        ("skip", ""),
        ("nothing", ""),
        ("no", ""),
        ("none, but space matters", "but space matters"),
        ("space and film", None),
    ],
)
def test_none_reply_keeps_what_else_was_said(text: str, rest: str | None) -> None:
    assert none_reply(text) == rest


def test_means_none_at_a_theme_choice() -> None:
    assert means_none("None of these")
    assert means_none("not really")
    assert not means_none("none, but space matters")  # a choice after all
    assert not means_none("space and film")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what is the arc?", True),
        ("who is preparing it", True),
        ("so what's this Arc thing", True),
        ("sorry, which sectors does this cover", True),
        ("tell me about the islands", True),
        ("hang on, what's the seabed", True),
        ("I'd like to know who reads this", True),
        ("Arc?", True),
        ("What would help? A decent train to Milton Keynes", False),
        ("the biggest issue is recruitment", False),
        ("how about cheaper rents for start-ups near the station and more parking", False),
        ("so the roads are the problem", False),
        ("", False),
    ],
)
def test_looks_like_question(text: str, expected: bool) -> None:
    assert looks_like_question(text) is expected
