"""End to end through the real stack and trained NLU, from the fifteenth set of unseen
conversations (benchmarks/data/conversation_probe_o.yml), in other words than the set's:
an example asked for, an earlier answer corrected a question later and one more view from
someone else at the play-back; doubting it is worth it at the consent question (each read
by NLU first, then by the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers

pytestmark = pytest.mark.slow

HOUSING, SKILLS = "seabed:housing_growth:views", "seabed:education_skills:views"


def test_set_o_an_example_a_correction_and_a_late_view_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    chat.say("none")
    assert "Housing growth: in a sentence" in chat.say("housing and skills")
    first = "new estates round Aylesbury push house prices up so staff can't live near us"
    assert "Education and skills: in a sentence" in chat.say(first)
    reply = chat.say("any examples?")
    assert message("example_views") in reply and "Education and skills: in a sentence" in reply
    fixed = "re the housing bit, I meant rents not house prices"
    reply = chat.say(fixed)
    assert message("earlier_changed", name="Housing growth") in reply
    assert "Education and skills: in a sentence" in reply and "Does that look right" not in reply
    skills = "nobody teaches bricklaying near us since the college course closed"
    assert "Does that look right" in chat.say(skills)
    late = "oh and also my other half says the trains to Marylebone are always late"
    reply = chat.say(late)
    assert message("view_added") in reply and "Does that look right" in reply
    assert "Which themes" not in reply
    assert "email" in chat.say("yes")
    assert [(a["question_key"], a["text"]) for a in answers(live_stack, chat.sender)] == [
        (HOUSING, f"{first} [corrected: {fixed}]"),  # joined (set AA: one answer a question)
        (SKILLS, skills),
        ("after_close", late),
    ]


def test_set_o_doubting_it_is_worth_it_at_the_consent_question(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    reply = chat.say("is there any point? nobody ever listens to us")
    assert message("why_it_matters") in reply and "take part" in reply
    assert "organisation" in chat.say("go on then")
    assert answers(live_stack, chat.sender) == []
