"""End to end through the real stack and trained NLU, from the unseen-conversation probe:
a head count is stored as its size band and a name without its lead-in, a greeting
mid-question is not an answer, an answer saying "soon enough" is stored rather than read
as finishing, and an email typed in a sentence is the follow-up address."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_probe_findings_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "organisation" in chat.say("yes")
    assert "sector" in chat.say("its called Marsh Gibbon Joinery")
    chat.say("joinery")
    assert "Where in Buckinghamshire" in chat.say("we're about 30")
    chat.say("Marsh Gibbon")
    assert "islands" in chat.say("skip")
    chat.say("none")
    assert "Infrastructure: in a sentence" in chat.say("infrastructure")
    assert "Infrastructure: in a sentence" in chat.say("hello?")
    answer = "East West Rail can't come soon enough for our staff from Bletchley"
    assert "Does that look right?" in chat.say(answer)
    assert "11 January" in chat.say("yes")
    assert "we'll use that email" in chat.say("yeah my email is jo@marshgibbon.example.co.uk")

    profile = business(live_stack, chat.sender)
    assert profile["organisation"] == "Marsh Gibbon Joinery"
    assert profile["size_band"] == "Small (10-49 staff)"
    assert profile["email"] == "jo@marshgibbon.example.co.uk"
    responses = answers(live_stack, chat.sender)
    assert responses == [{"text": answer, "question_key": "seabed:infrastructure:views"}]
