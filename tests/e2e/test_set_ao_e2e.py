"""End to end through the real stack and trained NLU, from set AO of unseen conversations
(benchmarks/data/conversation_probe_ao.yml), in other words than the set's: a potter called
away at the head count and back with it, a town given with a question, a driver chosen with
a question, and "oh and ..." at the play-back: each question answered, nothing lost, and no
pause or apology kept as a view."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_ao_interruptions_and_questions_in_passing_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes fine")
    chat.say("Chalk Hill Pottery")
    assert "how many people" in chat.say("pottery and ceramics classes")
    assert "how many people" in chat.say("sorry, kiln alarm's going, one sec")
    assert "Where in Buckinghamshire" in chat.say("Back. me and a part-time tutor")
    reply = chat.say("Amersham. who's actually running this?")
    assert "Shared Intelligence" in reply and "role" in reply
    chat.say("owner")
    chat.say("none")
    reply = chat.say("skills, quick one: what happens to all this afterwards?")
    assert "11 January" in reply and "Education and skills: in a sentence" in reply
    view = "nobody local teaches throwing on the wheel any more, so I train every tutor myself"
    assert "Does that look right" in chat.say(view)
    assert "Does that look right" in chat.say("Sorry, that went on a bit")
    assert "added that to your last answer" in chat.say(
        "oh and parking, our students can't park anywhere near the studio"
    )

    profile = business(live_stack, chat.sender)
    assert profile["size_band"] == "Micro (1-9 staff)"
    assert profile["location"] == "Amersham"
    stored = answers(live_stack, chat.sender)
    assert [a["question_key"] for a in stored] == ["seabed:education_skills:views"]
    assert "throwing on the wheel" in stored[0]["text"] and "park" in stored[0]["text"]
