"""The strategy form's state between its questions: a choice made (so "carry on" no longer
means the profile stopped), the choice asked twice, the questions ended early, and a view
given with the choice kept as the answer it gives. Split from actions/consultation.py,
which reads the replies.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel
from bot.consultation import service
from bot.consultation.afterthoughts import view_on_earlier
from bot.consultation.choice_view import ChoiceView, view_beside_none
from bot.consultation.navigation import GoBack
from bot.consultation.questions import (
    message,
    question,
    question_queue,
    section_text,
    theme_names,
)
from bot.strategy import ISLAND_IDS

DONE = "(done)"


def past_the_profile(tracker: Tracker) -> dict[str, Any]:
    """Once a choice is made, "carry on" no longer means the profile stopped before it."""
    return {"profile_stopped": False} if tracker.get_slot("profile_stopped") else {}


def islands_passed(tracker: Tracker) -> dict[str, Any]:
    """No island chosen, none of their questions: the seabed drivers are asked next."""
    return {
        "islands": [],
        "pending_questions": [],
        "island_answer": DONE,
        **past_the_profile(tracker),
    }


def asked_before(tracker: Tracker, slot: str) -> bool:
    """The choice question was just asked again after an unclear reply (twice in a row).

    Counted by its text back to the last other bot message: a form's ask action leaves only
    its message in the transcript, no action event (those count too, as older transcripts
    and tests have them); asked again later (carrying on) it starts from one."""
    ask, unclear = section_text(slot, "ask"), message(f"{slot}_unclear")
    said = 0
    events = tracker.applied_events()
    for event in reversed(events):
        if event.get("event") != "bot" or event.get("text") == unclear:
            continue
        if event.get("text") != ask:
            break
        said += 1
    ran = sum(
        1 for e in events if e.get("event") == "action" and e.get("name") == f"action_ask_{slot}"
    )
    return max(said, ran) >= 2


def finished(tracker: Tracker) -> dict[str, Any]:
    """Slots that end the strategy form now (the play-back follows), keeping the queue."""
    seabed = tracker.get_slot("seabed")
    return {
        "island_answer": DONE,
        "seabed": [] if seabed is None else seabed,
        "seabed_answer": DONE,
    }


def keep_view(
    said: ChoiceView | None,
    chosen: list[str],
    queue: list[str],
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> list[str]:
    """Keep a view given with the choice as the answer to the first question on the first
    theme it named, said so; the questions still to ask."""
    key = said.answers(chosen) if said else None
    if said is None or key is None:
        return queue
    if question(key).theme_id in ISLAND_IDS and said.only_describes():
        # "Creative, because a lot of the work is for film sets": the reason for the choice,
        # not an answer; the island's questions are all asked (the transcript keeps it)
        return queue
    service.record_answer(tracker.sender_id, channel(tracker), said.view, key, question(key).text)
    name = theme_names([question(key).theme_id])
    dispatcher.utter_message(text=message("choice_view_kept", name=name))
    return [k for k in queue if k != key]


def keep_view_beside_none(
    text: str, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str = "islands"
) -> None:
    """Keep the view in a message that chooses no theme ("none of these are us, but staff
    can't get home after the last bus") under its own key, and say so; at the islands, not
    a sector named in passing beside the none (set FF)."""
    view = view_beside_none(text, declined_at(slot))
    if view and service.record_answer(
        tracker.sender_id, channel(tracker), view, service.AT_CHOICE, None
    ):
        dispatcher.utter_message(text=message("view_kept_at_choice"))


def declined_at(slot: str) -> frozenset[str]:
    """The themes a "none" at this choice turns down as the business's own: the islands are
    sectors, so one named beside it is named in passing (set FF); the seabed drivers are
    needs, and one named beside a none is still a view."""
    return frozenset(ISLAND_IDS) if slot == "islands" else frozenset()


def choice_slot(answer_slot: str) -> str:
    """The slot holding the choice an answer slot's questions come from."""
    return "islands" if answer_slot == "island_answer" else "seabed"


def part_questions(answer_slot: str, tracker: Tracker) -> list[str]:
    """The question keys of this part (the islands or the seabed drivers chosen)."""
    return question_queue(list(tracker.get_slot(choice_slot(answer_slot)) or []))


def unanswered_questions(answer_slot: str, tracker: Tracker) -> list[str]:
    """This part's questions with nothing kept against them (skipped, or not asked yet), so
    "can we go back to the last one?" after a skip asks it again (set FA)."""
    kept = {answer.question_key for answer in service.recorded_answers(tracker.sender_id)}
    return [key for key in part_questions(answer_slot, tracker) if key not in kept]


def go_back_to(
    back: GoBack,
    answer_slot: str,
    pending: list[str],
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """Back to an earlier question ("can we go back to question 2, I forgot something"):
    a view given with the request kept against it and the pending question asked again;
    else that question asked again, then the one pending. A question not asked yet: the
    same question again, said so."""
    if back.key is None:
        dispatcher.utter_message(text=message("going_back_unknown"))
        return {answer_slot: None}
    if back.view:
        said = tracker.latest_message.get("text") or back.view
        reply = view_on_earlier(tracker.sender_id, channel(tracker), back.key, back.view, said)
        dispatcher.utter_message(text=reply)
        return {answer_slot: None}
    # a skipped question has nothing said before to keep (set FA)
    dispatcher.utter_message(text=message("going_back_skipped" if back.skipped else "going_back"))
    return {answer_slot: None, "pending_questions": [back.key, *pending]}
