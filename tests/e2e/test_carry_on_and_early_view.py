"""End to end through the real stack and trained NLU, from the third set of unseen
conversations (benchmarks/data/conversation_probe_c.yml): a view sent before the consent
question is kept once the business agrees, a head count corrected at a later question
changes the size band, and "actually carry on" after stopping goes back to the question
the business stopped at, whose answer is stored against it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_c_findings_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    view = "we can't find skilled toolmakers round here, every apprentice gets poached"
    assert "take part" in chat.say(view)
    assert "organisation" in chat.say("yes ok")
    chat.say("Haddenham Tooling")
    chat.say("toolmaking")
    assert "Where in Buckinghamshire" in chat.say("7")
    reply = chat.say("sorry, I meant 70 staff not 7")
    assert "Medium" in reply and "Where in Buckinghamshire" in reply
    chat.say("Haddenham")
    assert "islands" in chat.say("skip")
    assert "High performance technology: what opportunities" in chat.say("high performance")
    first = "motorsport teams want faster turnaround on jigs and we could offer it"
    assert "what barriers" in chat.say(first)
    assert "Does that look right?" in chat.say("stop")
    assert "High performance technology: what barriers" in chat.say("keep going, there's more")
    second = "the rent on our unit went up forty percent this year"
    assert "what would help" in chat.say(second)

    profile = business(live_stack, chat.sender)
    assert profile["size_band"] == "Medium (50-249 staff)"
    assert profile["location"] == "Haddenham"
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "before_consent"},
        {"text": first, "question_key": "island:high_performance_technology:opportunities"},
        {"text": second, "question_key": "island:high_performance_technology:barriers"},
    ]
