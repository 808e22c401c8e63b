"""End to end through the real stack and trained NLU, from the tenth set of unseen
conversations (benchmarks/data/conversation_probe_j.yml): a GIF as a DM's first message
and at the organisation question, a town with a remark NLU reads as a question, a voice
note placeholder and anger at the bot in place of answers (each read by NLU first, then
by the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_j_gifs_and_a_town_with_a_remark_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    reply = chat.say("[GIF]")
    assert "take part" in reply and "didn't understand" not in reply
    assert "organisation" in chat.say("sure")
    reply = chat.say("[GIF]")
    assert message("profile_media") in reply and "sector" not in reply
    assert "sector" in chat.say("Vale Vets")
    assert "how many" in chat.say("vets")
    assert "Where in Buckinghamshire" in chat.say("22")
    assert "role" in chat.say("Aylesbury, where the parking is a joke")
    stored = business(live_stack, chat.sender)
    assert (stored["organisation"], stored["location"]) == ("Vale Vets", "Aylesbury")


def test_set_j_voice_note_and_anger_at_the_bot_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    assert "Space: what opportunities" in chat.say("space")
    reply = chat.say("[Voice message]")
    assert message("media") in reply and "Space: what opportunities" in reply
    reply = chat.say("you're useless, this is a waste of my time")
    assert message("fed_up") in reply and "Space: what opportunities" in reply
    view = "the test site at westcott brings us clients from all over europe"
    assert "Space: what barriers" in chat.say(view)
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "island:space:opportunities"}
    ]
