"""End to end through the real stack and trained NLU, from the thirteenth set of unseen
conversations (benchmarks/data/conversation_probe_m.yml): thinking aloud and two short
questions at an island question, an island changed mid-way, a freelancer with no company
name, and one more view at the follow-up email question (each read by NLU first, then by
the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_m_thinking_a_question_and_a_changed_island_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    assert "Space: what opportunities" in chat.say("space")
    reply = chat.say("hmm that's a tough one, let me think")
    assert "Space: what opportunities" in reply and "Space: what barriers" not in reply
    reply = chat.say("what happens after this then? does anyone actually read it")
    assert "11 January" in reply and "Space: what opportunities" in reply
    first = "we might supply fasteners to the Westcott lot one day"
    assert "Space: what barriers" in chat.say(first)
    reply = chat.say("actually can I do medtech instead? space isn't really us")
    assert "Medical technologies: what opportunities" in reply
    assert "Space: what barriers" not in reply
    second = "the NHS trusts keep asking us for custom fittings on mobility aids"
    assert "Medical technologies: what barriers" in chat.say(second)
    assert answers(live_stack, chat.sender) == [
        {"text": first, "question_key": "island:space:opportunities"},
        {"text": second, "question_key": "island:medical_technologies:opportunities"},
    ]


def test_set_m_no_company_name_and_one_more_view_at_the_close_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    chat.say("yes")
    reply = chat.say("I don't have a company name, I'm a freelance photographer")
    assert "how many" in reply and "What sector" not in reply
    assert "Where in Buckinghamshire" in chat.say("just me")
    chat.say("skip the rest")
    chat.say("none")
    assert "Environment and quality of life: in a sentence" in chat.say("environment")
    view = "wedding clients love the Chilterns but the venues have nowhere to park"
    assert "Does that look right" in chat.say(view)
    assert "email" in chat.say("yes")
    more = "oh and one more thing, the trains from Amersham are dire on weekends"
    reply = chat.say(more)
    assert message("view_added") in reply and message("ask_follow_up") in reply
    assert "Goodbye" in chat.say("no thanks")
    stored = business(live_stack, chat.sender)
    assert (stored["organisation"], stored["sector"], stored["follow_up"]) == (
        None,
        "freelance photographer",
        False,
    )
    assert [a["question_key"] for a in answers(live_stack, chat.sender)] == [
        "seabed:environment_quality_of_life:views",
        "after_close",
    ]
