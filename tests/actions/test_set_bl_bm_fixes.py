"""Sets BL and BM of unseen conversations (everyday widget chats; terse DMs from firms in the
islands) on their first run: "is this the strategy thing? happy to do it" was answered and
the yes asked for again, and every answer after it was "still not getting it"; "sorry 14
not 4 🙈 fat fingers" at the location question was kept as the town; "sorry just checked,
its 62 now w the night shift" at the islands was "didn't catch"."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerQuestion
from bot.consultation import service
from bot.consultation.consent_reply import agrees_to_take_part, asks_then_agrees
from bot.consultation.continued import continues_with_mark, without_marks
from bot.consultation.playback_replies import confirms_with_email
from bot.consultation.recount import count_now_band, recounted_band
from tests.actions.conftest import CONSENT_SHOWN, make_tracker, run, slot_sets

MICRO, SMALL, MEDIUM = "Micro (1-9 staff)", "Small (10-49 staff)", "Medium (50-249 staff)"


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("@btvlep is this the strategy thing? happy to do it", True),
        ("what's a LIS? yes go on", True),
        ("is it anonymous? no", False),
        ("is it anonymous? if not I'd rather not", False),
        ("is this the strategy thing?", False),
    ],
)
def test_a_question_then_a_yes(text: str, agrees: bool) -> None:
    assert asks_then_agrees(text) is agrees


def test_happy_to_help_is_a_yes_but_not_a_birthday() -> None:
    assert agrees_to_take_part("happy to help")
    assert agrees_to_take_part("more than happy to")
    assert not agrees_to_take_part("happy birthday")


def test_the_question_is_answered_and_the_yes_kept(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "@btvlep is this the strategy thing? happy to do it"
    tracker = make_tracker("bm-sim", text, "faq", events=CONSENT_SHOWN)
    events = run(ActionAnswerQuestion().run(dispatcher, tracker, domain))
    assert slot_sets(events)["consent"] is True
    assert service.is_consented("bm-sim") is True
    said = [m.get("response") or m.get("text") for m in dispatcher.messages]
    assert "utter_profile_intro" in said
    assert said.index("utter_profile_intro") > 0  # the question's answer comes first


@pytest.mark.parametrize(
    ("text", "on_record", "band"),
    [
        ("@btvlep sorry 14 not 4 🙈 fat fingers", MICRO, SMALL),
        ("oops, 30 not 3", MICRO, SMALL),
        ("14 not 4 🙈 fat fingers", MICRO, SMALL),  # "sorry" already dropped as a lead-in
        ("no, 4 not 5 of the lads drive", MICRO, MICRO),  # the same band: nothing changes
        ("the A41 not the A40", MICRO, None),
        ("sorry 14 not 4", SMALL, None),  # 4 was not the count on record
    ],
)
def test_a_number_withdrawn_after_an_apology(text: str, on_record: str, band: str | None) -> None:
    assert recounted_band(text, on_record) == band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("sorry just checked, its 62 now w the night shift", MEDIUM),
        ("@btvlep actually it's about 12 now", SMALL),
        ("the bus fare is 5 now", None),
        ("its 5 now, the train fare", None),  # no word owning up to the count given
    ],
)
def test_the_count_now_after_owning_up(text: str, band: str | None) -> None:
    assert count_now_band(text) == band


@pytest.mark.parametrize(
    ("text", "carries_on"),
    [
        ("@btvlep + banks dont get games at all, nobody lends against IP", True),
        ("+ and the A41 is a nightmare", True),
        ("+44 7700 900123", False),  # a phone number
        ("+1", False),  # agreeing, X style
        ("+ rent", False),  # too short to be more of an answer
    ],
)
def test_a_plus_opening_a_message_adds_to_the_answer_before(text: str, carries_on: bool) -> None:
    assert continues_with_mark(text) is carries_on
    if carries_on:
        assert not without_marks(text).startswith(("+", "@"))


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("@btvlep looks right. email me updates pls, priya@rehabtrack.io", "priya@rehabtrack.io"),
        ("all correct, and you can send any updates to kev@keystone.co.uk", "kev@keystone.co.uk"),
        ("no. email me updates pls, a@b.co", None),  # not a yes to the play-back
    ],
)
def test_an_address_offered_with_the_yes_to_the_play_back(text: str, email: str | None) -> None:
    assert confirms_with_email(text) == email
