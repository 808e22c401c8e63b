"""End to end through the real stack and trained NLU, from set T of unseen conversations
(benchmarks/data/conversation_probe_t.yml), in other words than the set's: a florist
outside the islands asking what to choose, picking seabed drivers by description, pasting
a forwarded email with its header and signature, and running an answer over two messages
with "(contd)"."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers

pytestmark = pytest.mark.slow


def test_set_t_a_florist_outside_the_islands_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes ok")
    assert "islands" in chat.say("skip the rest")
    reply = chat.say("florists aren't on the list, what should we choose?")
    assert message("islands_other_sector") in reply and "seabed" in reply
    assert "Education and skills: in a sentence" in chat.say("the people one and the roads one")
    reply = chat.say("nobody wants to train as a florist any more (contd)")
    assert message("go_on") in reply and "Infrastructure: in a sentence" not in reply
    assert "Infrastructure: in a sentence" in chat.say(
        "(contd) so we do all the weddings ourselves"
    )
    email = (
        "From: Lucy Hart <lucy@petalsofwendover.co.uk>\nSent: 30 November 2026 09:12\n"
        "To: Shop\nSubject: LEP thing\n\nThe van spends half the morning stuck on the A413.\n\n"
        "Best wishes\nLucy\nPetals of Wendover"
    )
    reply = chat.say(email)
    assert "Does that look right" in reply and "lucy@" not in reply and "Sent:" not in reply
    stored = answers(live_stack, chat.sender)
    assert [(a["question_key"], a["text"]) for a in stored] == [
        (
            "seabed:education_skills:views",
            "nobody wants to train as a florist any more so we do all the weddings ourselves",
        ),
        ("seabed:infrastructure:views", "The van spends half the morning stuck on the A413."),
    ]
