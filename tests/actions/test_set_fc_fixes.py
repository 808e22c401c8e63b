"""What set FC of unseen conversations (difficult input inside ordinary consultations) found
in the actions: an answer sent twice by accident was "already noted" but the question it
landed on was skipped; the bot's own question pasted back was kept as that question's
answer; an answer in Welsh or French, then "sorry, same in english: ...", kept the English
as the next question's answer and skipped that question. Each now keeps one answer, in
the business's own (English) words, and asks the pending question again."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from bot.consultation import service
from bot.consultation.questions import message, question, question_queue
from tests.actions.conftest import make_tracker, texts, user_event

DRIVERS = ["housing_growth", "education_skills", "infrastructure"]
QUEUE = question_queue(DRIVERS)


def _asked(key: str) -> dict[str, Any]:
    return {"event": "bot", "text": question(key).text, "metadata": {}}


def _answer(
    sender: str, text: str, at: int, before: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[str]]:
    """Validate `text` at question `at` of QUEUE, after the (message, question key) pairs
    `before`, each the business's message and the question the bot asked after it."""
    events = [_asked(QUEUE[0])]
    for said, asked in before:
        events += [user_event(said), {"event": "bot", "text": asked, "metadata": {}}]
    slots = {"seabed": DRIVERS, "pending_questions": QUEUE[at:]}
    tracker = make_tracker(sender, text, slots=slots, events=events, active_loop="strategy_form")
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(text, sent, tracker, {})
    return result, texts(sent)


VIEW = (
    "The big housebuilders bring their own suppliers, so local firms never get a look in on "
    "the new estates."
)


def test_an_answer_sent_twice_keeps_one_and_asks_the_question_it_landed_on(
    database_url: str,
) -> None:
    service.record_consent("fc1", "rest", True)
    service.record_answer("fc1", "rest", VIEW, QUEUE[0], None)
    result, said = _answer("fc1", VIEW, 1, [(VIEW, question(QUEUE[1]).text)])
    assert result == {"seabed_answer": None}  # the skills question asked again, not skipped
    assert said == [message("came_twice")]  # not "... and move on": it is asked again
    assert [a.text for a in service.recorded_answers("fc1")] == [VIEW]
    # the same on X, the handle and all
    service.record_consent("fc1x", "rest", True)
    dm = f"@btvlep {VIEW.lower()}"
    service.record_answer("fc1x", "rest", dm, QUEUE[0], None)
    assert _answer("fc1x", dm, 1, [(dm, question(QUEUE[1]).text)])[0] == {"seabed_answer": None}


@pytest.mark.parametrize("said", ["came_twice", "already_noted"])
def test_a_third_copy_after_already_noted_moves_on(database_url: str, said: str) -> None:
    # sent again after the bot said it was noted and asked again: meant for this question
    # too, so kept once and on (no loop); set G's sentence pasted to every question
    service.record_consent("fc2", "rest", True)
    service.record_answer("fc2", "rest", VIEW, QUEUE[0], None)
    noted = f"{message(said)}\n{question(QUEUE[1]).text}"
    before = [(VIEW, question(QUEUE[1]).text), (VIEW, noted)]
    result, said = _answer("fc2", VIEW, 1, before)
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
    assert said == [message("already_noted")]
    assert len(service.recorded_answers("fc2")) == 1


def test_a_view_repeated_later_but_not_straight_after_still_moves_on(database_url: str) -> None:
    service.record_consent("fc3", "rest", True)
    service.record_answer("fc3", "rest", VIEW, QUEUE[0], None)
    result, said = _answer("fc3", VIEW, 1, [("something else entirely", "ok")])
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
    assert said == [message("already_noted")]


def test_the_question_pasted_back_keeps_nothing_and_is_asked_again(database_url: str) -> None:
    service.record_consent("fc4", "rest", True)
    service.record_answer("fc4", "rest", VIEW, QUEUE[0], None)
    asked = question(QUEUE[1]).text
    result, said = _answer("fc4", asked, 1, [(VIEW, f"{asked} (2 of 3)")])
    assert result == {"seabed_answer": None}
    assert said == [message("no_words")]
    assert [a.text for a in service.recorded_answers("fc4")] == [VIEW]


def test_an_answer_after_the_pasted_question_is_kept_without_it(database_url: str) -> None:
    service.record_consent("fc5", "rest", True)
    asked = question(QUEUE[1]).text
    view = "We can't get fitters who can service hydraulics, so we train our own."
    result, _ = _answer("fc5", f"{asked}\n{view}", 1, [(VIEW, f"{asked} (2 of 3)")])
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
    assert [(a.question_key, a.text) for a in service.recorded_answers("fc5")] == [(QUEUE[1], view)]


WELSH = "@btvlep Mae'r datblygwyr mawr yn dod â'u cyflenwyr eu hunain, felly does dim gwaith i ni."


def test_the_same_answer_in_english_takes_the_place_of_the_welsh(database_url: str) -> None:
    service.record_consent("fc6", "rest", True)
    service.record_answer("fc6", "rest", WELSH, QUEUE[0], None)
    english = "the big developers bring their own suppliers so theres no work for us"
    text = f"@btvlep sorry, force of habit! same in english: {english}"
    result, said = _answer("fc6", text, 1, [(WELSH, question(QUEUE[1]).text)])
    assert result == {"seabed_answer": None}  # the skills question still asked
    assert said == [message("answer_replaced")]
    stored = service.recorded_answers("fc6")
    assert [(a.question_key, a.text) for a in stored] == [(QUEUE[0], english)]
    assert "housing_growth" in stored[0].themes


def test_english_named_after_an_english_answer_is_a_view(database_url: str) -> None:
    service.record_consent("fc7", "rest", True)
    service.record_answer("fc7", "rest", VIEW, QUEUE[0], None)
    text = "In English: half our fitters came from Poland and need English classes at the college"
    result, said = _answer("fc7", text, 1, [(VIEW, question(QUEUE[1]).text)])
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
    assert message("answer_replaced") not in said
    assert [a.question_key for a in service.recorded_answers("fc7")] == QUEUE[:2]


def test_a_quoted_question_with_a_remark_is_still_a_remark(database_url: str) -> None:
    # set BA: the question in quotes with a laugh is reassured, not read as a pasted answer
    service.record_consent("fc8", "rest", True)
    asked = question(QUEUE[1]).text
    result, said = _answer("fc8", f'@btvlep "{asked}" 😂 how long have u got', 1, [(VIEW, asked)])
    assert result == {"seabed_answer": None}
    assert said == [message("take_your_time")]
    assert service.recorded_answers("fc8") == []


def test_a_reply_quoting_the_question_keeps_the_answer_under_it(database_url: str) -> None:
    # "> question" then the answer, as an email reply quotes (set H): the answer alone
    service.record_consent("fc9", "rest", True)
    asked = question(QUEUE[1]).text
    text = f"> {asked}\nno college near us runs plumbing any more"
    result, _ = _answer("fc9", text, 1, [(VIEW, asked)])
    assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
    assert [a.text for a in service.recorded_answers("fc9")] == [
        "no college near us runs plumbing any more"
    ]


def test_a_copy_sent_long_after_was_pasted_to_this_question_and_moves_on(
    database_url: str,
) -> None:
    """Timing tells a double send from a deliberate paste: a copy 40 s after the first
    was sent once the new question had been read (set G's sentence pasted to each)."""
    service.record_consent("fc9", "rest", True)
    service.record_answer("fc9", "rest", VIEW, QUEUE[0], None)
    for gap, asked_again in ((2.0, True), (40.0, False)):
        events = [_asked(QUEUE[0]), {**user_event(VIEW), "timestamp": 1000.0}]
        events.append({"event": "bot", "text": question(QUEUE[1]).text, "metadata": {}})
        slots = {"seabed": DRIVERS, "pending_questions": QUEUE[1:]}
        tracker = make_tracker("fc9", VIEW, slots=slots, events=events, active_loop="strategy_form")
        tracker.events[-1]["timestamp"] = 1000.0 + gap
        sent = CollectingDispatcher()
        result = ValidateStrategyForm().validate_seabed_answer(VIEW, sent, tracker, {})
        if asked_again:
            assert result == {"seabed_answer": None}
            assert texts(sent) == [message("came_twice")]
        else:
            assert result == {"seabed_answer": None, "pending_questions": QUEUE[2:]}
            assert texts(sent) == [message("already_noted")]
    assert len(service.recorded_answers("fc9")) == 1
