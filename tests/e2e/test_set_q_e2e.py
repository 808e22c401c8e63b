"""End to end through the real stack, trained NLU and trained tagger, from the seventeenth set
of unseen conversations (benchmarks/data/conversation_probe_q.yml), in other words than the
set's: a place the strategy lists under two islands chosen alone ("westcott really"), and a
view sent with the seabed choice, kept on the first driver named with both its subjects
while the other driver's question follows."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, rows

pytestmark = pytest.mark.slow


def test_set_q_westcott_and_a_view_with_the_choice_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("morning")
    assert "organisation" in chat.say("sure")
    assert "islands" in chat.say("skip the rest")
    reply = chat.say("westcott really")
    assert "Space: what opportunities" in reply and "High performance technology" not in reply
    assert "Space: what barriers" in chat.say("the rocket test firms need parts made nearby")
    chat.say("stop")  # the play-back

    chat = Chat(live_stack)
    chat.say("morning")
    chat.say("sure")
    chat.say("skip the rest")
    chat.say("none")
    view = "the A355 is gridlocked every day and the college can't find us a single apprentice"
    reply = chat.say(f"infrastructure + skills: {view}")
    assert message("choice_view_kept", name="Infrastructure") in reply
    assert "Education and skills: in a sentence" in reply and "Infrastructure: in" not in reply
    assert "Does that look right" in chat.say("stop")
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "seabed:infrastructure:views"}
    ]
    themes = rows(
        live_stack,
        "SELECT e.theme_id FROM effective_themes e JOIN responses r ON r.id = e.response_id "
        "JOIN conversations c ON c.id = r.conversation_id WHERE c.sender_id = :s",
        s=chat.sender,
    )
    assert {"infrastructure", "education_skills"} <= {t["theme_id"] for t in themes}
