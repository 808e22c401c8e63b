"""End to end through the real stack and the served NLU model, which reads "I began this on
twitter, can I finish it here?" as a stop: as a first message it is welcomed and answered
before the notice and the consent question, and mid-way through the questions it is
answered and the question asked again; nothing ends and nothing is deleted."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow

OTHER_CHAT = "I can't see a chat from X"


def test_a_chat_begun_on_twitter_is_welcomed_then_carried_on_here(live_stack: Any) -> None:
    chat = Chat(live_stack)
    first = chat.say("I began this on twitter, can I finish it here?")
    assert first.startswith("Hello! I'm the consultation assistant")
    assert OTHER_CHAT in first and "take part" in first
    assert "organisation" in chat.say("yes please")
    chat.say("skip the rest")
    chat.say("none")
    assert "Environment and quality of life: in a sentence" in chat.say("environment")
    again = chat.say("I began this on twitter earlier, can I finish it here?")
    assert OTHER_CHAT in again and "in a sentence" in again and "Does that look right" not in again
    view = "visitors come for the Chilterns but there's no bus to our garden centre"
    assert "Does that look right" in chat.say(view)
    assert [a["text"] for a in answers(live_stack, chat.sender)] == [view]
    assert business(live_stack, chat.sender)["consent"]


def test_finishing_with_no_other_chat_still_finishes(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    chat.say("yes")
    chat.say("skip the rest")
    chat.say("none")
    chat.say("environment")
    assert "Does that look right" in chat.say("I want to finish now")
