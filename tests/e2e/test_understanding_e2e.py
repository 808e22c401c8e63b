"""End to end through the real stack and trained NLU: "hold on" at play-back holds, an
answer given after a side question is stored against the question it answers, and a
question about the sectors and towns the strategy covers is answered before consent, and
"let's get started" takes part rather than greeting again."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.focus import focus_answer
from tests.e2e.test_rest_conversation import Chat, rows

pytestmark = pytest.mark.slow


def test_sectors_and_towns_questions_before_consent(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    for question in ("which sectors does this cover?", "which towns are included?"):
        reply = chat.say(question)
        assert focus_answer().splitlines()[0] in reply, reply
        assert "Before I can note your views" not in reply
        assert "take part" in reply.lower()  # the consent question again
    assert "take part" in chat.say("hang on").lower()  # holds: the consent question again
    reply = chat.say("let's get started")  # not a greeting: the welcome is not repeated
    assert "organisation" in reply and "Hello!" not in reply


def test_side_question_hold_and_playback(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    chat.say("/consent_agree")
    reply = chat.say("/stop")  # skip the profile
    assert "islands" in reply
    reply = chat.say("space")
    assert "Space: what opportunities" in reply
    # a side question instead of an answer: answered, then the same question again
    reply = chat.say("so what's this Oxford-Cambridge Arc thing then")
    assert "Space: what opportunities" in reply and "Space: what barriers" not in reply
    reply = chat.say("hang on a minute")
    assert "Space: what opportunities" in reply
    chat.say("Satellite firms at Westcott could win far more supply-chain work")
    reply = chat.say("/stop")
    assert "Does that look right?" in reply
    for hold in ("hold on", "wait", "one sec"):
        reply = chat.say(hold)
        assert "Does that look right?" in reply and "add or drop" not in reply, (hold, reply)
    assert "11 January" in chat.say("/affirm")

    [conversation] = rows(
        live_stack, "SELECT * FROM conversations WHERE sender_id = :s", s=chat.sender
    )
    responses = rows(
        live_stack,
        "SELECT text, question_key FROM responses WHERE conversation_id = :c ORDER BY id",
        c=conversation["id"],
    )
    assert responses == [
        {
            "text": "Satellite firms at Westcott could win far more supply-chain work",
            "question_key": "island:space:opportunities",
        }
    ]


def test_taking_part_as_the_first_message_shows_the_privacy_notice_first(live_stack: Any) -> None:
    chat = Chat(live_stack)  # e.g. an X DM: no greeting, no widget /greet
    reply = chat.say("let's get started")
    assert "forget me" in reply and "Would you like to take part?" in reply
    assert rows(live_stack, "SELECT * FROM businesses WHERE sender_id = :s", s=chat.sender) == []
    assert "organisation" in chat.say("yes")
    [business] = rows(live_stack, "SELECT * FROM businesses WHERE sender_id = :s", s=chat.sender)
    assert business["consent"] in (1, True)
