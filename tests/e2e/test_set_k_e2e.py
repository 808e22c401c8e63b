"""End to end through the real stack and trained NLU, from the eleventh set of unseen
conversations (benchmarks/data/conversation_probe_k.yml): a yes and profile answers signed
off "cheers, Dave", turnover for the head count, and "eh?", "can someone call me
instead?" and "can we start again?" in place of answers (each read by NLU first, then by
the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_k_sign_offs_and_turnover_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "organisation" in chat.say("yes ok. cheers, Dave")
    assert "sector" in chat.say("Thame Tiles. Cheers, Dave")
    assert "how many" in chat.say("tiles and bathrooms. cheers, Dave")
    assert message("size_not_turnover") in chat.say("about £2m turnover")
    assert "Where in Buckinghamshire" in chat.say("4. cheers, Dave")
    stored = business(live_stack, chat.sender)
    assert (stored["organisation"], stored["sector"], stored["size_band"]) == (
        "Thame Tiles",
        "tiles and bathrooms",
        "Micro (1-9 staff)",
    )


def test_set_k_asides_in_place_of_answers_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    assert "Medical technologies: what opportunities" in chat.say("medical")
    reply = chat.say("eh?")
    assert message("question_means") in reply and "Medical technologies: what opp" in reply
    reply = chat.say("can someone just call me instead? easier than typing. 07700 900123")
    assert "020 7756 7600" in reply and "Medical technologies: what opp" in reply
    reply = chat.say("sorry can we start again? I've made a mess of this")
    assert message("start_again") in reply and "Medical technologies: what opp" in reply
    view = "our wound care device needs a trial site and Stoke Mandeville could host it"
    assert "Medical technologies: what barriers" in chat.say(view)
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "island:medical_technologies:opportunities"}
    ]
