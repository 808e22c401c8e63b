"""End to end through the real stack and trained NLU, from set S of unseen conversations
(benchmarks/data/conversation_probe_s.yml), in other words than the set's: a business
learning about the strategy as it goes (the gist before agreeing, the national strategy, why
those islands, "and the rest?" after one was described, whether it has anything for a
sector, the county's figures, a workshop to come to, when it is all decided after the end).
Every answer comes from the seeds, the pending question follows, and only the real views
are kept."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.focus import focus_answer
from bot.consultation.questions import message
from bot.consultation.strategy_asides import short_version
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow

ISLANDS_ASK = "Which of these matter to your business"


def test_set_s_learning_about_the_strategy_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("hiya")
    reply = chat.say("I'm busy, can you sum it up in a nutshell?")
    assert short_version() in reply and "take part" in reply
    reply = chat.say("and how's that different to the government's industrial strategy?")
    assert "local chapter" in reply and "take part" in reply
    assert "organisation" in chat.say("yep go on")
    chat.say("skip the rest")
    reply = chat.say("how were these chosen then")
    assert "distinctive" in reply and ISLANDS_ASK in reply and "what opportunities" not in reply
    reply = chat.say("does it do anything for hairdressers?")
    assert focus_answer() in reply and ISLANDS_ASK in reply and "in a sentence" not in reply
    assert "Creative and digital economy: what opportunities" in chat.say("creative")
    reply = chat.say("any workshops coming up I could go to?")
    assert message("no_event_named") in reply and "what opportunities" in reply
    view = (
        "we do hair and make-up for the shoots at Pinewood and there's more work than we can take"
    )
    assert "what barriers" in chat.say(view)
    reply = chat.say("stop")
    assert "Does that look right" in reply
    assert "email" in chat.say("yes")
    assert "oodbye" in chat.say("no ta")
    assert "11 January" in chat.say("out of interest when does it all get decided?")
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "island:creative_digital:opportunities"}
    ]
    assert business(live_stack, chat.sender)["consent"]
