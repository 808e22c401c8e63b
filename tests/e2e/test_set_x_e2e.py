"""End to end through the real stack and trained NLU, from set X of unseen conversations
(benchmarks/data/conversation_probe_x.yml), in other words than the set's: an
earth-observation analytics firm at Westcott with freelance analysts beside its staff,
"earth observation" for the island, and a view that asks why farming is missing from the
strategy between sentences about its data and the county."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_x_an_earth_observation_firm_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    assert "organisation" in chat.say("yes please")
    assert "sector" in chat.say("Orbital Fields Ltd")
    assert "how many" in chat.say("satellite analytics for farms")
    assert "Where in Buckinghamshire" in chat.say("11 staff plus 25 freelance analysts on big jobs")
    assert "your role" in chat.say("Westcott")
    assert "islands" in chat.say("CTO")
    assert "Space: what opportunities" in chat.say("earth observation")
    view = (
        "our satellite data maps flood risk for Bucks farms. why is farming not in the "
        "strategy? it's most of the county and most of our market"
    )
    reply = chat.say(view)
    assert "what barriers" in reply and message("no_county_figures") not in reply
    assert [(a["question_key"], a["text"]) for a in answers(live_stack, chat.sender)] == [
        ("island:space:opportunities", view)
    ]
    assert business(live_stack, chat.sender)["size_band"] == "Small (10-49 staff)"
