"""End to end through the real stack and trained NLU, from set Y of unseen conversations
(benchmarks/data/conversation_probe_y.yml), in other words than the set's: a garden-centre
owner who asks how to send in a longer written answer, agrees to follow-up emails only
after Easter, then asks whether a colleague can pass the link on: the view kept once, the
terms kept for staff, consent untouched."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_y_the_end_of_a_consultation_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes please")
    chat.say("skip the rest")
    chat.say("none")
    assert "Environment and quality of life: in a sentence" in chat.say("environment")
    reply = chat.say("could I email you a written response as a document instead?")
    assert "Lisa.McCance@sharedintelligence.net" in reply and "in a sentence" in reply
    view = "visitors come for the Chilterns but there's no bus to our garden centre"
    assert "Does that look right" in chat.say(view)
    assert "email" in chat.say("yes")
    terms = "go on then, but not until after Easter please"
    assert "email address" in chat.say(terms)
    assert "Goodbye" in chat.say("rose@chalfontgardens.co.uk")
    assert "share this page" in chat.say("can my colleague have a go too? I'll send her the link")
    stored = [(a["question_key"], a["text"]) for a in answers(live_stack, chat.sender)]
    assert stored == [
        ("seabed:environment_quality_of_life:views", view),
        ("follow_up", terms),
    ]
    row = business(live_stack, chat.sender)
    assert row["consent"] and row["follow_up"] and row["email"] == "rose@chalfontgardens.co.uk"
