"""End to end through the real stack and trained NLU, from the two known gaps and the
fifth set of unseen conversations (benchmarks/data/conversation_probe_e.yml): a business
name NLU reads as a question, a head count given with the sector, "that one then" after
asking about a place, "what do you mean by ...?", a greeting then a view, "and ..." that
asks something else, "see my website", "what have I said so far?" and "that's not what I
said" at the play-back."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow

OPPORTUNITIES = "island:high_performance_technology:opportunities"
BARRIERS = "island:high_performance_technology:barriers"


def test_set_e_findings_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes")
    assert "What sector" in chat.say("Penn Street Joinery")
    assert "Where in Buckinghamshire" in chat.say("precision machining, 20 of us")
    chat.say("Aylesbury")
    assert "islands" in chat.say("owner")
    assert "High performance technology" in chat.say("does that include Silverstone?")
    assert "High performance technology: what opportunities" in chat.say("ok that one")
    reply = chat.say("what do you mean by opportunities?")
    assert message("question_means") in reply and "what opportunities" in reply
    assert "what barriers" in chat.say("hi, it's recruitment")
    first = "we can't find machinists who will work shifts"
    assert "what would help" in chat.say(first)
    reply = chat.say("and can we see the results at some point?")
    assert "11 January" in reply and "what would help" in reply
    assert "can't open websites" in chat.say("see our website")
    reply = chat.say("can I see what I've said so far?")
    assert first in reply and "what would help" in reply
    assert "Does that look right" in chat.say("stop")
    assert "add or drop" in chat.say("no that's not what I said at all")

    profile = business(live_stack, chat.sender)
    assert profile["organisation"] == "Penn Street Joinery"
    assert profile["size_band"] == "Small (10-49 staff)"
    assert answers(live_stack, chat.sender) == [
        {"text": "it's recruitment", "question_key": OPPORTUNITIES},
        {"text": first, "question_key": BARRIERS},
    ]
