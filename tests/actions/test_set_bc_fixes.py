"""What set BC of unseen conversations found when businesses ask about the strategy as they
go: a remark then "but go on then, yes" was not a yes to taking part; a yes with a question
and a remark at the play-back, and "yes pls. and whens the LEP board actually meeting about
it?" at the follow-up, were answered and asked for the yes again (the second told what a
LIS is); East West Rail was not among what the strategy names; the Arc's answer named no
partners. Set BA's "ok 2 things", then one item a DM, kept the announcement as the answer."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.focus import focus_answer
from bot.consultation.held import announced_items, held_answer, holds, list_unfinished
from bot.consultation.playback_replies import (
    yes_then_asks,
)
from bot.consultation.replies import says_yes
from bot.consultation.replies.questions import asked_topic
from tests.actions.conftest import make_tracker


def test_a_remark_then_a_yes_agrees_to_take_part() -> None:
    assert agrees_to_take_part("@btvlep none of those sound like bees but go on then, yes")
    assert agrees_to_take_part("no idea what this is but yes ok")
    assert not agrees_to_take_part("yes but not now")
    assert not agrees_to_take_part("no but thanks")
    assert not agrees_to_take_part("ok but what happens to it?")


def test_a_yes_with_a_question_and_a_remark() -> None:
    assert says_yes("yes pls")
    assert yes_then_asks("yes pls. and whens the LEP board actually meeting about it?")
    assert yes_then_asks(
        "Yes, that's all correct. How else can we get involved beyond this chat? We'd happily"
        " host a visit."
    )
    assert not yes_then_asks("yes. why is 2 housing? drop housing from it")
    assert not yes_then_asks("yes, that's all correct")


def test_the_board_meeting_asked_in_passing_is_the_timetable() -> None:
    assert asked_topic("whens the LEP board actually meeting about it?") == "next_steps"
    assert asked_topic("when is the board meeting?") == "next_steps"


def test_the_infrastructure_the_strategy_names_is_in_its_focus() -> None:
    answer = focus_answer()
    assert all(name in answer for name in ("HS2", "Heathrow expansion", "East-West Rail"))


def test_a_yes_and_a_question_at_the_follow_up_keeps_the_yes() -> None:
    tracker = make_tracker(
        "bc1",
        "@btvlep yes pls. and whens the LEP board actually meeting about it?",
        intent="faq",
        slots={"requested_slot": "follow_up"},
        active_loop="contact_form",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
    assert {"event": "slot", "timestamp": None, "name": "follow_up", "value": True} in events
    assert [m.get("response") for m in dispatcher.messages] == ["utter_faq/next_steps"]


def test_a_list_announced_is_held_until_its_last_item() -> None:
    assert announced_items("@btvlep ok 2 things") == 2
    assert announced_items("a few points:") == 0
    assert announced_items("ok 2 things: rent and staff") is None  # the items came with it
    assert holds("@btvlep ok 2 things")
    first = "@btvlep 1 council pitch licences take 6 weeks"
    assert list_unfinished(["@btvlep ok 2 things"], first)
    last = "@btvlep 2 every market wants its own hygiene paperwork"
    assert not list_unfinished(["@btvlep ok 2 things", first], last)
    assert held_answer(["@btvlep ok 2 things", first], last) == (
        "@btvlep ok 2 things @btvlep 1 council pitch licences take 6 weeks"
        " 2 every market wants its own hygiene paperwork"
    )
    assert held_answer(["we need better"], "roads into Aylesbury") == (
        "we need better roads into Aylesbury"
    )


def test_a_correction_in_parts_each_pointing_at_its_answers() -> None:
    """Set AY: "Put skills on 1 as well, that's the apprentice bit, and take housing off 3"
    and "put environment on all of them" were kept as views."""
    from bot.consultation.theme_corrections import ItemChange, item_changes, item_changes_reply

    two = item_changes(
        "Put skills on 1 as well, that's the apprentice bit, and take housing off 3", 3
    )
    assert two == [
        ItemChange(["education_skills"], [], [1]),
        ItemChange([], ["housing_growth"], [3]),
    ]
    every = item_changes("Yes, but put environment on all of them, it all comes back to it", 3)
    assert every == [ItemChange(["environment_quality_of_life"], [], [1, 2, 3])]
    assert item_changes_reply(every, 3) == (
        "Done: added Environment and quality of life to all 3 answers."
    )
    assert item_changes("add skills", 3) == []  # no answer named: the usual path
    assert item_changes("add skills to 2 and drop housing", 3) == []  # one part points nowhere
    assert item_changes("take housing off 7", 3) == []  # no answer 7


def test_each_part_of_the_correction_changes_its_own_answer(database_url: str) -> None:
    from actions.playback_views import change_each_item
    from bot.consultation import service

    service.record_consent("bc2", "rest", True)
    for text in (
        "shoeing on the road from 6",
        "yards sold for houses",
        "four year apprenticeships",
    ):
        service.record_answer("bc2", "rest", text, "seabed:housing_growth:views", "q")
    tracker = make_tracker("bc2", "Put skills on 1 as well, and take housing off 3")
    dispatcher = CollectingDispatcher()
    assert change_each_item(tracker.latest_message["text"], dispatcher, tracker)
    first, second, third = service.recorded_answers("bc2")
    assert "education_skills" in first.themes
    assert "housing_growth" in second.themes  # untouched
    assert "housing_growth" not in third.themes
    assert not change_each_item("add skills", CollectingDispatcher(), tracker)
