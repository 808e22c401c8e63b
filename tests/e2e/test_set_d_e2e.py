"""End to end through the real stack and trained NLU, from the known gaps and the fourth
set of unseen conversations (benchmarks/data/conversation_probe_d.yml): "carry on" after
stopping in the profile goes back to it, numbers choose from the list, a second message
that carries on an answer is kept with it, "dunno" and "negative" store nothing, and
"are you a bot?" is told it is automated."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_d_findings_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "automated" in chat.say("is this a bot?")
    assert "organisation" in chat.say("yes")
    chat.say("Princes Risborough Fabrication")
    assert "islands" in chat.say("stop")
    reply = chat.say("actually carry on")
    assert "What sector" in reply and "islands" not in reply
    assert "how many" in chat.say("yes")  # "yes" is no sector: on to the next question
    chat.say("30")
    chat.say("Princes Risborough")
    assert "islands" in chat.say("director")
    assert "High performance technology: what opportunities" in chat.say("4")
    first = "the motorsport teams want more fabricated parts than we can make"
    assert "what barriers" in chat.say(first)
    more = "and the teams pay on time which helps"
    assert "High performance technology: what barriers" in chat.say(more)
    assert "what would help" in chat.say("dunno")
    assert "seabed" in chat.say("negative")

    profile = business(live_stack, chat.sender)
    assert profile["sector"] is None and profile["size_band"] == "Small (10-49 staff)"
    key = "island:high_performance_technology:opportunities"
    assert answers(live_stack, chat.sender) == [
        {"text": f"{first} [added later: {more}]", "question_key": key},  # joined (set AD)
    ]
