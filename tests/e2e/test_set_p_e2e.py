"""End to end through the real stack and trained NLU, from the fifteenth set of unseen
conversations (benchmarks/data/conversation_probe_p.yml), in other words than the set's: an
older widget user (a yes in a letter, thanks before the name, a legal form for the sector,
years trading for the head count, an apology for the spelling, thanks at the play-back, no
email to give) and an X DM in X's style (handles and hashtags as profile answers, a view as
a "(1/3)" thread, "hth" after it)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.consultation.questions import message
from tests.e2e.test_rest_conversation import Chat, answers, business

pytestmark = pytest.mark.slow


def test_set_p_an_older_widget_user_through_the_stack(live_stack: Any) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("hello")
    assert "organisation" in chat.say("Good morning, I'd be glad to help. Regards, Bob")
    assert "sector" in chat.say("Thank you dear, it's Haddenham Glass")
    reply = chat.say("it's a private limited company")
    assert message("sector_not_legal_form") in reply and "how many" not in reply
    assert "how many" in chat.say("glazing")
    reply = chat.say("established 1987")
    assert message("size_not_years") in reply and "Where in Buckinghamshire" not in reply
    assert "Where in Buckinghamshire" in chat.say("4")
    chat.say("skip the rest")
    chat.say("none")
    assert "Education and skills: in a sentence" in chat.say("skills")
    reply = chat.say("I have dyslexia so please excuse any spelling mistakes")
    assert message("writing_welcome") in reply and "Education and skills: in a sentence" in reply
    view = "aprentices are imposible to find round here"
    assert "Does that look right" in chat.say(view)
    assert "11 January" in chat.say("lovely, thanks ever so much")
    reply = chat.say("we don't do email I'm afraid")
    assert message("no_email_needed") in reply and "020 7756 7600" in reply
    assert answers(live_stack, chat.sender) == [
        {"text": view, "question_key": "seabed:education_skills:views"}
    ]
    row = business(live_stack, chat.sender)
    assert (row["organisation"], row["sector"], row["size_band"]) == (
        "Haddenham Glass",
        "glazing",
        "Micro (1-9 staff)",
    )
    assert row["email"] is None and row["follow_up"] in (False, 0)


def test_set_p_an_x_dm_with_handles_hashtags_and_a_thread_through_the_stack(
    live_stack: Any,
) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("@btvlep hiya")
    assert "organisation" in chat.say("@btvlep go on then")
    assert "sector" in chat.say("@btvlep we're called @ChilternCiderCo")
    assert "how many" in chat.say("#cider #orchards")
    chat.say("3")
    assert "role" in chat.say("#Wendover")
    chat.say("skip")
    chat.say("none")
    assert "Infrastructure: in a sentence" in chat.say("infrastructure and environment")
    for part in ("(1/3) the A413 through Wendover", "(2/3) is shut for roadworks half the summer"):
        reply = chat.say(part)
        assert message("go_on") in reply and "Environment" not in reply
    reply = chat.say("(3/3) and tourists can't reach the farm shop")
    assert "Environment and quality of life: in a sentence" in reply
    reply = chat.say("hth 👍")
    assert message("afterword_thanks") in reply
    assert "Environment and quality of life: in a sentence" in reply
    assert "Does that look right" in chat.say("the orchard bees need the hedgerows kept")
    stored = answers(live_stack, chat.sender)
    assert [a["question_key"] for a in stored] == [
        "seabed:infrastructure:views",
        "seabed:environment_quality_of_life:views",
    ]
    assert stored[0]["text"] == (
        "the A413 through Wendover is shut for roadworks half the summer "
        "and tourists can't reach the farm shop"
    )
    row = business(live_stack, chat.sender)
    assert (row["organisation"], row["sector"], row["location"]) == (
        "Chiltern Cider Co",
        "cider orchards",
        "Wendover",
    )
