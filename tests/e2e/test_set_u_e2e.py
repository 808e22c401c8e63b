"""End to end through the real stack and trained NLU, from set U of unseen conversations
(benchmarks/data/conversation_probe_u.yml), in other words than the set's: a town put right
at the role question, "possibly" to an open question, the head count put right at a
strategy question, "same again only more so", a played-back answer put right by its
number, and the town put right again after the goodbye."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.pointing_back import pointer_spelled_out
from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_u_late_corrections_and_pointers_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes ok")
    chat.say("Haddenham Joinery")
    assert "how many" in chat.say("we are joiners, kitchens and stairs")
    assert "Where in Buckinghamshire" in chat.say("5")
    assert "your role" in chat.say("Thame")
    reply = chat.say("oops wrong town, should be Haddenham")
    assert message("location_corrected", location="Haddenham") in reply
    assert "islands" in chat.say("owner")
    assert "Which of these matter most" in chat.say("none")
    assert "Education and skills: in a sentence" in chat.say("skills and environment")
    assert message("say_more") in chat.say("possibly")
    reply = chat.say("actually there are 25 of us now, not 5")
    assert "Small (10-49 staff)" in reply and "Education and skills: in a sentence" in reply
    assert "Environment and quality of life" in chat.say(
        "no young joiners coming through since Aylesbury College dropped the course"
    )
    assert message("same_as_before") in chat.say("same again only more so")
    assert message("item_corrected", n=1) in chat.say(
        "nearly, 1 should read Amersham College not Aylesbury"
    )
    stored = answers(live_stack, chat.sender)
    assert [(a["question_key"], a["text"]) for a in stored] == [
        (
            "seabed:education_skills:views",
            "no young joiners coming through since Aylesbury College dropped the course"
            " [corrected: nearly, 1 should read Amersham College not Aylesbury]",
        ),
        (
            "seabed:environment_quality_of_life:views",
            # the pointer keeps the words it stood for when it was said
            pointer_spelled_out(
                "same again only more so",
                "no young joiners coming through since Aylesbury College dropped the course",
            ),
        ),
    ]
    profile = business(live_stack, chat.sender)
    assert profile["location"] == "Haddenham"
    assert profile["sector"] == "joiners, kitchens and stairs"
    assert profile["size_band"] == "Small (10-49 staff)"
