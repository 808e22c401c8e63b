"""End to end through the real stack and trained NLU, from the twelfth set of unseen
conversations (benchmarks/data/conversation_probe_l.yml): "suppose so" after a sarcastic
reply at the consent question, the sector put right at the head count, islands said no to
in one message, and a laugh and a shrug in place of answers (each read by NLU first, then
by the actions)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_l_grudging_yes_and_sector_put_right_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "organisation" not in chat.say(
        "oh great, more consultation. what difference will it make"
    )
    assert "organisation" in chat.say("suppose so")
    assert "sector" in chat.say("Crumbs of Princes Risborough")
    assert "how many" in chat.say("cafe")
    reply = chat.say("no sorry we're a bakery not a cafe")
    assert message("sector_corrected", sector="bakery") in reply and "how many" in reply
    assert "Where in Buckinghamshire" in chat.say("6")
    stored = business(live_stack, chat.sender)
    assert (stored["consent"], stored["sector"], stored["size_band"]) == (
        True,
        "bakery",
        "Micro (1-9 staff)",
    )


def test_set_l_islands_said_no_to_a_laugh_and_a_shrug_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    chat.to_the_choices()
    reply = chat.say(
        "creative no, mobility yes we run an EV van fleet, medical no, high performance yes "
        "we machine parts for the F1 teams, space no"
    )
    assert "Intelligent mobility: what opportunities" in reply
    assert "Creative and digital economy: what opp" not in reply
    assert "Intelligent mobility: what opportunities" in chat.say("haha ok")
    reply = chat.say("🤷‍♂️")
    assert "Intelligent mobility: what barriers" in reply and message("say_more") not in reply
    view = "the grid connection for our depot chargers takes 18 months"
    assert "Intelligent mobility: what would help" in chat.say(view)
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "island:intelligent_mobility:barriers"}
    ]
