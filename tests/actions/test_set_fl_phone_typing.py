"""What set FL of unseen conversations (answers typed on a phone, second round) found in
the actions: a long answer cut off on "so" kept whole and its rest taken for the next
question's answer; "we" and "the rec gr" sent early kept as answers; "want it all done ..."
after "... n the developers" and, at the play-back, "r too narrow ..." after "the lanes
round burnham beeches" kept apart from the answer they finish; "ab" kept as the head count;
"sorry autocorrect, its hazlemere aerials" kept as the sector and "*stewkley" as the role;
and "... keep it that way pls" read as a withdrawal, which ended the chat."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import answer_read_as_question
from actions.playback_views import keep_view_at_playback
from actions.profile import ValidateProfileForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, texts, user_event, validate_strategy_answer

DRIVERS = [
    "seabed:housing_growth:views",
    "seabed:education_skills:views",
    "seabed:infrastructure:views",
]
SLOTS = {
    "seabed": ["housing_growth", "education_skills", "infrastructure"],
    "pending_questions": DRIVERS,
}


def held_then(sender: str, first: str, then: str) -> tuple[dict[str, Any], list[str]]:
    """`first` held with "Go on", then `then` answering the same question."""
    from actions.consultation import ValidateStrategyForm

    events = [user_event(first), {"event": "bot", "text": message("go_on")}]
    tracker = make_tracker(sender, then, slots=SLOTS, events=events, active_loop="strategy_form")
    sent = CollectingDispatcher()
    return ValidateStrategyForm().validate_seabed_answer(then, sent, tracker, {}), texts(sent)


def test_a_long_answer_cut_off_on_so_waits_for_its_rest(database_url: str) -> None:
    service.record_consent("fl1", "rest", True)
    first = "its a 4 yr apprenticeship and the only college that does it is in hereford so"
    result, sent = validate_strategy_answer("seabed_answer", "fl1", first, SLOTS)
    assert result == {"seabed_answer": None} and sent == [message("go_on")]
    assert service.recorded_answers("fl1") == []
    result, _ = held_then("fl1", first, "my lad has to go off for weeks n most give up 😕")
    assert result["pending_questions"] == DRIVERS[1:]
    [answer] = service.recorded_answers("fl1")
    assert answer.question_key == DRIVERS[0]
    assert answer.text == f"{first} my lad has to go off for weeks n most give up 😕"


def test_we_sent_early_keeps_nothing_and_the_answer_after_it_is_kept_alone(
    database_url: str,
) -> None:
    service.record_consent("fl2", "rest", True)
    result, sent = validate_strategy_answer("seabed_answer", "fl2", "we", SLOTS)
    assert result == {"seabed_answer": None} and sent == [message("go_on")]
    assert service.recorded_answers("fl2") == []
    view = "whoevers building on the old hospital site brings their own painting gangs"
    result, _ = held_then("fl2", "we", view)
    assert result["pending_questions"] == DRIVERS[1:]
    assert [a.text for a in service.recorded_answers("fl2")] == [view]


def test_a_half_typed_start_is_dropped_when_the_answer_starts_again(database_url: str) -> None:
    service.record_consent("fl3", "rest", True)
    result, _ = validate_strategy_answer("seabed_answer", "fl3", "the rec gr", SLOTS)
    assert result == {"seabed_answer": None}
    view = "the rec ground is the only flat space n the parish council want £40 an hour"
    held_then("fl3", "the rec gr", view)
    assert [a.text for a in service.recorded_answers("fl3")] == [view]


def test_a_verb_finishing_the_last_answers_sentence_is_added_to_it(database_url: str) -> None:
    from actions.consultation import ValidateStrategyForm

    service.record_consent("fl4", "rest", True)
    first = "@btvlep most of our work now is the new estates out at wing n the developers"
    service.record_answer("fl4", "rest", first, DRIVERS[0], "q")
    then = "@btvlep want it all done in a fortnight, we need a bigger yard for the stock"
    slots = {**SLOTS, "pending_questions": DRIVERS[1:]}
    tracker = make_tracker("fl4", then, slots=slots, events=[user_event(first)])
    sent = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed_answer(then, sent, tracker, {})
    assert result == {"seabed_answer": None}  # the skills question again
    assert texts(sent) == [message("added_to_last")]
    [answer] = service.recorded_answers("fl4")
    assert answer.question_key == DRIVERS[0] and "bigger yard" in answer.text


def test_at_the_playback_a_verb_finishing_the_last_answer_is_added_to_it(
    database_url: str,
) -> None:
    service.record_consent("fl5", "rest", True)
    last = "the lanes round burnham beeches"
    service.record_answer("fl5", "rest", last, DRIVERS[2], "q")
    then = "r too narrow for the tanker n the council wont cut the verges back"
    tracker = make_tracker("fl5", then, slots={"stage": "playback"}, events=[user_event(last)])
    sent = CollectingDispatcher()
    assert keep_view_at_playback(sent, tracker)
    assert texts(sent) == [message("added_to_last")]
    [answer] = service.recorded_answers("fl5")
    assert answer.question_key == DRIVERS[2] and "too narrow for the tanker" in answer.text


def _profile(sender: str, slot: str, text: str, slots: dict[str, Any], before: str) -> Any:
    """`slot` validated on `text`, the last of `slots` filled by the message `before`."""
    *earlier, last = ({"event": "slot", "name": k, "value": v} for k, v in slots.items())
    tracker = make_tracker(
        sender,
        text,
        slots={**slots, "requested_slot": slot},
        events=[*earlier, user_event(before), last],
        active_loop="profile_form",
    )
    sent = CollectingDispatcher()
    result = getattr(ValidateProfileForm(), f"validate_{slot}")(text, sent, tracker, {})
    return result, texts(sent)


def test_a_hedge_broken_off_at_the_head_count_is_asked_again(database_url: str) -> None:
    service.record_consent("fl6", "rest", True)
    slots = {"organisation": "Vale mobility repairs", "sector": "scooter repairs"}
    result, _ = _profile("fl6", "size_band", "ab", slots, "scooter repairs")
    assert result == {"size_band": None}
    result, _ = _profile("fl6", "size_band", "about 5", slots, "ab")
    assert result["size_band"] == "Micro (1-9 staff)"


def test_the_name_put_right_after_blaming_autocorrect_at_the_sector(database_url: str) -> None:
    service.record_consent("fl7", "rest", True)
    slots = {"organisation": "hazlemere serials"}
    text = "@btvlep sorry autocorrect, its hazlemere aerials"
    result, sent = _profile("fl7", "sector", text, slots, "@btvlep hazlemere serials")
    assert result == {"sector": None, "organisation": "hazlemere aerials"}
    assert sent == [message("organisation_corrected", name="hazlemere aerials")]


def test_a_starred_place_at_the_role_puts_the_location_right(database_url: str) -> None:
    service.record_consent("fl8", "rest", True)
    slots = {"organisation": "kb fencing", "sector": "fencing", "size_band": "6 of us"}
    slots["location"] = "steely"
    result, _ = _profile("fl8", "role", "@btvlep *stewkley", slots, "@btvlep steely")
    assert result == {"role": None, "location": "stewkley"}


def test_keep_it_that_way_read_as_a_decline_is_the_answer() -> None:
    text = "horsey ppl move out here for the open countryside, keep it that way pls 🐴"
    tracker = make_tracker(
        "fl9", text, "consent_decline", slots={"requested_slot": "seabed_answer"}
    )
    assert answer_read_as_question(tracker, "seabed_answer") == {"seabed_answer": text}
    # a real withdrawal still is one
    tracker = make_tracker(
        "fl9", "please dont keep it", "consent_decline", slots={"requested_slot": "seabed_answer"}
    )
    assert answer_read_as_question(tracker, "seabed_answer") == {}
