"""A choice of islands or seabed drivers changed mid-way, at one of the questions it queued:
said again ("Actually, change that: entrepreneurialism and environment, not
infrastructure."), switched ("actually can I do medtech instead?"), added to ("can u add
space too", "oh and environment too"), or added to at the end of an answer. Split from
`actions/strategy_choice.py` (past 400 lines), which reads the choice itself."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import last_answer_key
from actions.strategy_ask import KINDS
from actions.strategy_state import choice_slot
from bot.consultation.asides import asks_who_reads
from bot.consultation.choice_changes import (
    added_with_why,
    restated_choice,
    swapped_pending,
    switched_choice,
)
from bot.consultation.choices import added_choice, also_named, view_then_added_choice
from bot.consultation.questions import message, question, question_queue, theme_names
from bot.strategy import THEME_IDS


def changed_choice(
    answer_slot: str,
    key: str,
    rest: list[str],
    text: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """The choice switched or added to mid-way ("actually can I do medtech instead?", "can u
    add space too"): its slots, empty when the message changes nothing. A question about who
    reads the answers changes nothing, whatever theme it names ("can my business partner see
    ... the cashflow stuff?" had entrepreneurialism swapped in: set BZ)."""
    if asks_who_reads(text):
        return {}
    return (
        restated(answer_slot, key, rest, text, dispatcher, tracker)
        or switched(answer_slot, key, rest, text, dispatcher, tracker)
        or added(answer_slot, key, rest, text, dispatcher, tracker)
    )


def restated(
    answer_slot: str,
    key: str,
    rest: list[str],
    text: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """The choice said again with a word that changes it ("Actually, change that:
    entrepreneurialism and environment, not infrastructure.", "Oops, pressed the wrong
    button. Creative and digital economy is us, not that one."): those said not to be it
    dropped; before any answer in this part the names are the whole choice, after one they
    replace the theme asked about. Empty when the message restates nothing."""
    slot = choice_slot(answer_slot)
    current = question(key).theme_id
    chosen = list(tracker.get_slot(slot) or [])
    found = restated_choice(text, KINDS[slot][1], current, chosen)
    if found is None:
        return {}
    new, old = found
    if old:
        kept = [t for t in chosen if t not in old]
    elif set([key, *rest]) >= set(question_queue(chosen)):  # nothing answered in this part
        kept = []
    else:
        kept = [t for t in chosen if t != current]
    choice = [t for t in THEME_IDS if t in kept or t in new]
    pending = [k for k in [key, *rest] if question(k).theme_id in choice]
    pending += question_queue([t for t in choice if t not in chosen])
    dispatcher.utter_message(text=message("chosen", names=theme_names(choice)))
    return {
        slot: choice,
        # in the strategy's order, as a first choice is asked
        "pending_questions": sorted(pending, key=lambda k: THEME_IDS.index(question(k).theme_id)),
        answer_slot: None,
    }


def added(
    answer_slot: str,
    key: str,
    rest: list[str],
    text: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """ "oh can u add high performance too, forgot that one" at a question (set AT kept it
    as the answer): the theme joins the choice, its questions after those already queued,
    and the question pending is asked again. Empty when the message adds nothing."""
    slot = choice_slot(answer_slot)
    chosen = list(tracker.get_slot(slot) or [])
    # "Can you add space as well before I carry on? I forgot that side" (set FT)
    new = added_choice(text, KINDS[slot][1], chosen) or added_with_why(text, KINDS[slot][1], chosen)
    if not new and last_answer_key(tracker) is None:
        new = also_named(text, KINDS[slot][1], chosen)  # "oh and environment too" (set EE)
    if not new:
        return {}
    dispatcher.utter_message(text=message("chosen", names=theme_names(new)))
    return {
        slot: [*chosen, *new],
        "pending_questions": [key, *rest, *question_queue(new)],
        answer_slot: None,
    }


def added_after_view(
    answer_slot: str, rest: list[str], text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[str, dict[str, Any]]:
    """An answer that ends by asking for one more theme ("... Can you put me down for
    environment as well? I've a separate point on that.": set AZ): the view to keep, and the
    slots that add the theme, its questions after those queued. (text, {}) otherwise."""
    slot = choice_slot(answer_slot)
    chosen = list(tracker.get_slot(slot) or [])
    found = view_then_added_choice(text, KINDS[slot][1], chosen)
    if found is None:
        return text, {}
    view, new = found
    dispatcher.utter_message(text=message("chosen", names=theme_names(new)))
    return view, {slot: [*chosen, *new], "pending_questions": [*rest, *question_queue(new)]}


def switched(
    answer_slot: str,
    key: str,
    rest: list[str],
    text: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """The choice changed mid-way: the new themes' questions, then any others still
    pending; what was said so far is kept. Empty when the message changes nothing."""
    slot = choice_slot(answer_slot)
    current = replaced = question(key).theme_id
    chosen = list(tracker.get_slot(slot) or [])
    new = switched_choice(text, KINDS[slot][1], current)
    if not new and (swap := swapped_pending(text, KINDS[slot][1], chosen, current)):
        replaced, new = swap  # one still to come swapped; the question pending stays
        rest = [key, *rest]
    if not new:
        return {}
    dispatcher.utter_message(text=message("chosen", names=theme_names(new)))
    others = [k for k in rest if question(k).theme_id not in (replaced, *new)]
    chosen = [t for t in chosen if t != replaced]
    # in the strategy's order, as a first choice is asked ("swap digital for infrastructure"
    # with skills still to come: skills next, then infrastructure; set AM)
    pending = sorted(
        [*question_queue(new), *others], key=lambda k: THEME_IDS.index(question(k).theme_id)
    )
    # the choice in the order its questions are asked, so the one asked before the pending
    # one is the last answered (set FT's "forgot to say on that one" after a swap was kept
    # as the next answer)
    mine = [question(k).theme_id for k in pending]
    asked = [t for t in chosen if t not in mine]
    return {
        slot: [*dict.fromkeys([*asked, *mine])],
        "pending_questions": pending,
        answer_slot: None,
    }
