"""End to end through the real stack and trained NLU, from the sixth set of unseen
conversations (benchmarks/data/conversation_probe_f.yml): a yes with a condition or in
French, "?" at the consent question, "go on then" after a decline, a name and trade in one
answer, "back" in the profile, the role with the head count, and "undo" mid-questions."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_f_profile_and_undo_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("fine but make it snappy, I've a delivery due")
    assert "how many" in chat.say("Misbourne Signs, we're a sign makers")
    assert "organisation" in chat.say("back")
    assert "What sector" in chat.say("Misbourne Signs Ltd")  # "back" took back both
    assert "how many" in chat.say("sign makers")
    assert "Where in Buckinghamshire" in chat.say("I'm the director, there's 6 of us")
    assert "Which of these matter" in chat.say("Chalfont St Giles")
    assert "Space: what opportunities" in chat.say("space")
    first = "we paint the livery for the Westcott test stands"
    assert "Space: what barriers" in chat.say(first)
    reply = chat.say("undo")
    assert "I meant" in reply and "Space: what barriers" in reply
    assert "Does that look right" in chat.say("stop")

    profile = business(live_stack, chat.sender)
    assert profile["consent"]
    assert (profile["organisation"], profile["sector"]) == ("Misbourne Signs Ltd", "sign makers")
    assert (profile["size_band"], profile["role"]) == ("Micro (1-9 staff)", "director")
    assert answers(live_stack, chat.sender) == [
        {"text": first, "question_key": "island:space:opportunities"}
    ]


def test_set_f_consent_replies_through_the_stack(live_stack: Any) -> None:
    french = Chat(live_stack)
    french.say("Bonjour")
    assert "take part" in french.say("?")
    assert "organisation" in french.say("oui merci")
    assert business(live_stack, french.sender)["consent"]

    grumpy = Chat(live_stack)
    grumpy.say("hi")
    grumpy.say("no")
    assert "organisation" not in grumpy.say("ok")
    assert "organisation" in grumpy.say("oh go on then, ask away")
    assert business(live_stack, grumpy.sender)["consent"]
