"""End to end through the real stack and trained NLU, from the ninth set of unseen
conversations (benchmarks/data/conversation_probe_i.yml): "k" to take part, a name that
starts with "Stop", "sorry wrong chat", a view ending in a question, and an email spelled
out (each read by NLU first, then by the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_i_k_to_take_part_and_a_stop_name_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "organisation" in chat.say("k")
    reply = chat.say("Stop Gap Storage")
    assert "sector" in reply and "Which of these matter" not in reply
    assert "how many" in chat.say("self storage")
    assert business(live_stack, chat.sender)["organisation"] == "Stop Gap Storage"


def test_set_i_wrong_chat_view_question_and_spelled_email_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    assert "Intelligent mobility: what opportunities" in chat.say("mobility")
    chat.say("we run minibuses for the schools and want to go electric")
    chat.say("running 10 mins late, start without me")
    reply = chat.say("sorry wrong chat!! ignore that")
    assert message("answer_withdrawn") in reply
    assert "Intelligent mobility: what barriers" in reply
    reply = chat.say("the grid connection is awful, will the LEP actually fix it?")
    assert "Intelligent mobility: what would help" in reply
    assert "seabed" in chat.say("skip")
    assert "Does that look right" in chat.say("none")
    mobility = "island:intelligent_mobility"
    assert answers(live_stack, chat.sender) == [
        {
            "text": "we run minibuses for the schools and want to go electric",
            "question_key": f"{mobility}:opportunities",
        },
        {
            "text": "the grid connection is awful, will the LEP actually fix it?",
            "question_key": f"{mobility}:barriers",
        },
    ]
    assert "11 January" in chat.say("yes")
    assert "email" in chat.say("yes please")
    assert "we'll use that email" in chat.say("sam dot patel at gmail dot com")
    assert business(live_stack, chat.sender)["email"] == "sam.patel@gmail.com"
