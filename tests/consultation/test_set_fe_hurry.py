"""Readings that set FE of unseen conversations (owners in a hurry, second round) found
wanting (no Rasa): a request to finish with why beside it ("can we skip to the end? queue's
building up", "that's all from me, got a job at 2"), which was kept as a view; "gotta go"
with who has arrived ("gotta go, clients here"), kept as a view; and skipping the profile
as "the form stuff" or "just the important bits", kept as the name. Each is checked with
phrasings the set did not use, and with the nearby phrasings that are views."""

from __future__ import annotations

import pytest

import bot.tagging
from bot.consultation.replies import asks_to_finish, holding, skips_the_rest
from bot.tagging.result import TagResult


@pytest.fixture(autouse=True)
def subject_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger as `names_a_subject` consults it: roads and staff are subjects, a queue
    at the till or a job at two is not."""

    def tag(text: str, question_key: str | None = None) -> TagResult:
        words = text.lower()
        themes = [
            t for w, t in (("a40", "infrastructure"), ("staff", "education_skills")) if w in words
        ]
        return TagResult(themes=themes, scores={}, evidence={}, model_version="test")

    monkeypatch.setattr(bot.tagging, "tag", tag)


@pytest.mark.parametrize(
    "text",
    [
        "can we skip to the end? queue's building up",
        "@btvlep can we jump to the end? shop's rammed",
        "queue's building up, can we skip to the end?",
        "that's all from me, got a job at 2",
        "thats it from us - phone's ringing",
        "that's all for now, cheers",
        "that's everything for today",
    ],
)
def test_finishing_with_why_beside_it_asks_to_finish(text: str) -> None:
    assert asks_to_finish(text)


@pytest.mark.parametrize(
    "text",
    [
        # a view beside the request is kept as one
        "can we skip to the end, the A40 is gridlocked",
        "skip to the end? staff are impossible to find",
        # a question beside it is answered
        "can we skip to the end? how long is left?",
        # this question's "that's all", or a view about finishing
        "that's all",
        "that's all the council offers us",
        "we skip to the end of the queue for every council contract",
    ],
)
def test_a_view_or_a_question_beside_finishing_is_no_request(text: str) -> None:
    assert not asks_to_finish(text)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("gotta go, clients here", True),
        ("@btvlep got to dash, customer just walked in", True),
        ("have to run - the courier's here", True),
        ("gotta go, the A40 is gridlocked", False),
        ("we have to go to Oxford for parts, clients here want it next day", False),
    ],
)
def test_gotta_go_with_who_has_arrived_is_a_pause(text: str, holds: bool) -> None:
    assert holding(text) is holds


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("can we skip the form stuff, just the important bits", True),
        ("skip the admin please", True),
        ("pass on the paperwork bits", True),
        ("just the important bits pls", True),
        ("can we only do the main questions", True),
        ("Important Bits Ltd", False),
        ("paperwork and admin services", False),
        ("we skip lunch most days", False),
    ],
)
def test_skipping_the_form_skips_the_rest_of_the_profile(text: str, rest: bool) -> None:
    assert skips_the_rest(text) is rest
