"""End to end through the real stack and trained NLU, from the eighth set of unseen
conversations (benchmarks/data/conversation_probe_h.yml): "is this the council?" as the
first message, a whole profile in the name's answer, a view over three messages, a typo
fixed with "*", and "diolch yn fawr" after the goodbye."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_h_council_question_and_whole_profile_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    reply = chat.say("hi is this the council?")
    assert message("not_the_council") in reply and "take part" in reply
    assert "organisation" in chat.say("ok fine, go on")
    reply = chat.say("Chiltern Valley Brewing, we're a craft brewery, 12 of us in Wendover")
    assert "role" in reply and "how many" not in reply
    profile = business(live_stack, chat.sender)
    assert (profile["sector"], profile["size_band"], profile["location"]) == (
        "craft brewery",
        "Small (10-49 staff)",
        "Wendover",
    )


def test_set_h_view_over_messages_and_welsh_thanks_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    chat.say("none")
    reply = chat.say("skills, infrastructure and environment")
    assert "Education and skills: in a sentence" in reply
    assert "Infrastructure: in a sentence" in chat.say("we cant get welders")
    assert "Infrastructure: in a sentence" in chat.say("because the college stopped it")
    assert "Environment and quality of life: in a" in chat.say("we need beter brodband")
    assert "Environment and quality of life: in a" in chat.say("*better broadband")
    assert "Does that look right" in chat.say("skip")
    skills, roads = "seabed:education_skills:views", "seabed:infrastructure:views"
    assert answers(live_stack, chat.sender) == [
        # a view carried on or put right joins its answer (one answer a question, set AD)
        {
            "text": "we cant get welders [added later: because the college stopped it]",
            "question_key": skills,
        },
        {"text": "we need beter brodband [corrected: *better broadband]", "question_key": roads},
    ]
    assert "11 January" in chat.say("yes")
    assert "goodbye" in chat.say("no thanks").lower()
    reply = chat.say("diolch yn fawr")
    assert "You're welcome" in reply and "didn't understand" not in reply
    assert len(answers(live_stack, chat.sender)) == 2  # not kept as a view after the close
