"""End to end through the real stack and trained NLU, from the fourteenth set of unseen
conversations (benchmarks/data/conversation_probe_n.yml), in other words than the set's: a
mistyped yes, a pause for a customer, a question about money and an answer cut off
mid-sentence at an island question; a non-owner's first message, a sector the islands
leave out and a mistyped no (each read by NLU first, then by the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_n_a_pause_money_and_a_cut_off_answer_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "organisation" in chat.say("yesss")
    chat.say("skip the rest")
    assert "Space: what opportunities" in chat.say("space")
    reply = chat.say("sorry, had to serve a customer")
    assert "Space: what opportunities" in reply and "Space: what barriers" not in reply
    reply = chat.say("do I get any money for filling this in?")
    assert message("no_grant") in reply and "Space: what opportunities" in reply
    reply = chat.say("the main thing is")
    assert message("go_on") in reply and "Space: what barriers" not in reply
    assert "Space: what barriers" in chat.say("more contracts from the Westcott firms")
    assert answers(live_stack, chat.sender) == [
        {
            "text": "the main thing is more contracts from the Westcott firms",
            "question_key": "island:space:opportunities",
        }
    ]


def test_set_n_a_receptionist_farming_and_a_mistyped_no_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    reply = chat.say("hello, I'm only the receptionist here, is it ok if I answer?")
    assert message("you_count") in reply and "take part" in reply
    assert "organisation" in chat.say("yes")
    chat.say("skip the rest")
    reply = chat.say("we're farming, where do we fit in?")
    assert message("islands_other_sector") in reply and "seabed" in reply
    assert "Environment and quality of life: in a sentence" in chat.say("environment")
    view = "the lanes flood every winter and the lorries can't get to the yard"
    assert "Does that look right" in chat.say(view)
    assert "email" in chat.say("yep")
    assert "Goodbye" in chat.say("nooo")
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "seabed:environment_quality_of_life:views"}
    ]
    assert business(live_stack, chat.sender)["follow_up"] in (False, 0)
