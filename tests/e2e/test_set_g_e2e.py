"""End to end through the real stack and trained NLU, from the seventh set of unseen
conversations (benchmarks/data/conversation_probe_g.yml): a trade with a stop word in it at
the sector question, a DM of only the bot's handle, "skip teh rest", and the same sentence
pasted to two questions, "no" when asked which themes to change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_g_profile_replies_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("@btvlep")
    assert "organisation" in chat.say("yes")
    assert "What sector" in chat.say("Chesham Anodising")
    assert "how many" in chat.say("metal finishing")  # not "finish": the profile goes on
    assert "Where in Buckinghamshire" in chat.say("9")
    profile = business(live_stack, chat.sender)
    assert (profile["sector"], profile["size_band"]) == ("metal finishing", "Micro (1-9 staff)")


def test_set_g_skip_typo_and_a_pasted_repeat_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    chat.say("yes")
    assert "islands" in chat.say("skip teh rest")
    assert "Space: what opportunities" in chat.say("space")
    view = "the Westcott firms can't recruit test engineers who will live nearby"
    assert "Space: what barriers" in chat.say(view)
    # sent straight after: a double send, kept once and the question it landed on asked
    # again; the copy after that was meant for this question too and moves on
    reply = chat.say(view)
    assert message("came_twice") in reply and "Space: what barriers" in reply
    reply = chat.say(view)
    assert message("already_noted") in reply and "Space: what would help" in reply
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "island:space:opportunities"}
    ]


def test_set_g_nothing_to_change_goes_on_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    chat.say("none")
    assert "Infrastructure: in a sentence" in chat.say("infrastructure")
    assert "Does that look right" in chat.say("the Wycombe relief road floods every winter")
    assert "add or drop" in chat.say("nope")
    reply = chat.say("nothing")
    assert message("themes_kept") in reply and "Does that look right" not in reply
    assert "email" in reply  # the follow-up question, as after "yes" at the play-back
    assert "goodbye" in chat.say("no thanks").lower()
    assert business(live_stack, chat.sender)["follow_up"] in (False, 0)
