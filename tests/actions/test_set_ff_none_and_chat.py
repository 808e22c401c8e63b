"""What set FF of unseen conversations (views with no theme beside views with real subjects,
fourth round) found in the actions: "none" at the islands choice with a sector in passing
chose that island ("None of those. Lovely to see the film studios in there though ...") or
kept the mention as "a view of its own"; chat alone at a driver's question was kept as its
answer and the next question asked; "Thank you, that was painless" after the goodbye was
"didn't understand". Now the seabed choice follows with nothing kept, the question waits
with nothing kept, and the goodbye line is thanked (paraphrases the set does not use)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import DONE, ValidateStrategyForm
from actions.fallback import ActionFallback
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message, question_queue
from tests.actions.conftest import make_tracker, run, texts

DRIVERS = ["intelligent_public_services", "infrastructure"]
QUEUE = question_queue(DRIVERS)


def _choose(sender: str, text: str, domain: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    tracker = make_tracker(sender, text, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_islands(text, sent, tracker, domain)
    return result, texts(sent)


@pytest.mark.parametrize(
    "text",
    [
        "None of those. Nice to see the film studios on there, my niece wants to work in TV",
        "@btvlep none. did the signs for a medical devices firm once, thats as close as i get",
        "None of these, I'm afraid. The only high performance thing here is the coffee machine!",
        "Space sounds like us but it isn't really: we hire out marquees. So none.",
    ],
)
def test_none_with_a_sector_in_passing_brings_the_seabed_and_keeps_nothing(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    result, said = _choose("ff1", text, domain)
    assert result["islands"] == [] and result["island_answer"] == DONE
    assert message("view_kept_at_choice") not in said
    assert service.recorded_answers("ff1") == []


def test_a_sector_counted_only_as_a_long_shot_is_no_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    # the keyword tagger reads "high performance" in it: a sector, named in passing
    text = "@btvlep none, unless forklifts count as high performance engineering 😅"
    result, said = _choose("ff2", text, domain)
    assert result["islands"] == []
    assert message("view_kept_at_choice") not in said
    assert service.recorded_answers("ff2") == []


def test_a_view_on_a_driver_beside_none_is_still_kept(
    database_url: str, domain: dict[str, Any]
) -> None:
    text = "None of them, but our roads and broadband are a disgrace"
    result, _ = _choose("ff3", text, domain)
    assert result["islands"] == []
    assert [a.text for a in service.recorded_answers("ff3")]  # kept, under the driver it names


def _at_driver(sender: str, text: str, at: int) -> tuple[dict[str, Any], list[str]]:
    service.record_consent(sender, "rest", True)
    slots = {"seabed": DRIVERS, "pending_questions": QUEUE[at:]}
    tracker = make_tracker(sender, text, slots=slots, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    return result, texts(sent)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Ooh, good question", "small_talk"),
        ("@btvlep ha good q", "small_talk"),
        ("@btvlep cheers for running this btw, nobody ever asks the likes of us", "small_talk"),
        ("@btvlep ha this is more than the council has ever asked us", "small_talk"),
        ("Thanks, this is a lot friendlier than the HMRC website!", "glad_its_easy"),
        ("@btvlep sorry for the wait, had the gutters at the health centre to finish", None),
        ("Sorry, wedding delivery! It's roasting today, the roses were wilting in the van", None),
        ("Sorry, that was more of a moan than an answer!", None),
        ("Do you want full sentences or will notes do?", None),
    ],
)
def test_chat_alone_at_a_question_keeps_nothing_and_the_question_waits(
    database_url: str, text: str, reply: str | None
) -> None:
    for at in (0, 1):  # the last question too: no play-back yet
        sender = f"ff4-{at}"
        result, said = _at_driver(sender, text, at)
        assert result == {"seabed_answer": None}
        assert service.recorded_answers(sender) == []
        if reply:
            assert message(reply) in said


def test_a_view_after_good_question_is_kept_whole(database_url: str) -> None:
    text = "Good question. The council licence still needs a paper form and a cheque"
    result, _ = _at_driver("ff5", text, 0)
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[1:]}
    assert [a.text for a in service.recorded_answers("ff5")] == [text]


def test_a_joke_at_the_sector_question_is_no_sector(
    database_url: str, domain: dict[str, Any]
) -> None:
    service.record_consent("ff6", "rest", True)
    text = "Good question, some days I wonder!"
    sent = CollectingDispatcher()
    tracker = make_tracker("ff6", text, slots={"organisation": "Kimble Upholstery"})
    result = ValidateProfileForm().validate_sector(text, sent, tracker, domain)
    assert result == {"sector": None}  # the sector question again


@pytest.mark.parametrize(
    "text", ["Thank you, that was painless", "@btvlep ta, keep warm", "Thanks again, cheerio"]
)
def test_a_friendly_line_after_the_goodbye_keeps_nothing(
    database_url: str, domain: dict[str, Any], text: str
) -> None:
    service.record_consent("ff7", "rest", True)
    sent = CollectingDispatcher()
    slots = {"stage": "closed", "consent": True}
    run(ActionFallback().run(sent, make_tracker("ff7", text, "nlu_fallback", slots=slots), domain))
    assert service.recorded_answers("ff7") == []
    assert texts(sent) == [message("small_talk_bye")]
