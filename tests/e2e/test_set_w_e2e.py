"""End to end through the real stack and trained NLU, from set W of unseen conversations
(benchmarks/data/conversation_probe_w.yml), in other words than the set's: a Princes
Risborough garage that jumps to the summary after one answer and leaves an email typed with
spaces, and a café owner who pulls out between two questions and asks that nothing be
kept; and, for the steering fixes, a Marlow boatyard that lists its profile by number,
answers two questions in one line, goes back to an earlier question and keeps its views
without its name, and a Winslow builder who pulls out at the play-back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_w_a_business_steering_the_chat_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes")
    assert "islands" in chat.say("skip the rest")
    assert "Space: what opportunities" in chat.say("space")
    assert "Space: what barriers" in chat.say(
        "the engine test stands at Westcott keep our machine shop busy"
    )
    reply = chat.say("can we jump straight to the end, no time today")
    assert "Does that look right" in reply and "engine test stands" in reply
    assert "11 January" in chat.say("yes")
    assert "email" in chat.say("yes please")
    assert "we'll use that email" in chat.say("sam.ryder @ risboroughmotors . co.uk")
    stored = answers(live_stack, chat.sender)
    assert [a["question_key"] for a in stored] == ["island:space:opportunities"]
    assert business(live_stack, chat.sender)["email"] == "sam.ryder@risboroughmotors.co.uk"

    cafe = Chat(live_stack)
    cafe.say("hi")
    cafe.say("yes")
    cafe.say("skip the rest")
    cafe.say("none")
    cafe.say("environment and housing")
    assert "Environment and quality of life: in a sentence" in cafe.say(
        "the new estates round Aylesbury will bring us customers but nowhere to park"
    )
    reply = cafe.say("sorry, I'd rather not take part after all. please do not store my answers")
    assert "deleted everything" in reply
    assert answers(live_stack, cafe.sender) == []


def test_set_w_a_business_steering_the_questions_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    chat.say("yes")
    assert "islands" in chat.say(
        "1. Marlow Boatworks 2. boat repairs 3. 7 staff 4. Marlow 5. director"
    )
    assert "High performance technology: what opportunities" in chat.say("motorsport")
    reply = chat.say(
        "opportunities: the race teams at Silverstone need carbon repairs. barriers: no "
        "composites technicians anywhere near Marlow"
    )
    assert "High performance technology: what would help" in reply
    assert "what opportunities" in chat.say("can I go back to the first question please")
    assert "what would help" in chat.say("also the Silverstone tech park wants local suppliers")
    assert "seabed" in chat.say("a composites course at Bucks New Uni")
    assert "Does that look right" in chat.say("none")
    assert "removed" in chat.say("you can use my answers but please leave our business name off")
    stored = [a["question_key"] for a in answers(live_stack, chat.sender)]
    assert stored == [
        "island:high_performance_technology:opportunities",
        "island:high_performance_technology:barriers",
        "island:high_performance_technology:opportunities",
        "island:high_performance_technology:help",
    ]
    profile = business(live_stack, chat.sender)
    assert profile["organisation"] is None and profile["location"] == "Marlow"

    builder = Chat(live_stack)
    builder.say("hi")
    builder.say("yes")
    builder.say("skip the rest")
    builder.say("none")
    builder.say("housing")
    assert "Does that look right" in builder.say(
        "the new homes at Winslow need local builders and we're ready"
    )
    reply = builder.say("on second thoughts I don't want to take part, do not keep my answers")
    assert "deleted everything" in reply
    assert answers(live_stack, builder.sender) == []
