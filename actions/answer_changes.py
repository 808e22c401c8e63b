"""Answers that change what was said before, rather than answer the question pending.

Labelled parts for several questions at once, "scratch that last bit", "ignore that, the
real issue is ...", and "and the A41 too" straight after an answer: each acts on the stored
answers (`bot.consultation`), says what it did, and leaves the question pending to be asked
again. Split from `actions/consultation.py`, which reads an answer and decides which of
these it is.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel, latest_text, previous_bot_text, previous_user_text
from bot.consultation import service
from bot.consultation.amendments import ADDED, CORRECTED, REWORDED, amend_answer
from bot.consultation.asides import answered, continues_answer, without_and
from bot.consultation.continued import continues_with_mark, without_marks
from bot.consultation.in_english import english_version, marked_english
from bot.consultation.labelled import labelled_answers, later_theme_part, theme_labelled_parts
from bot.consultation.later_pieces import carries_on_last, on_the_pending_subject
from bot.consultation.named_changes import change_named_answer
from bot.consultation.questions import message, question, question_queue
from bot.consultation.replies import (
    corrects_last_answer,
    drops_last_bit,
    said_in_place_of_last_bit,
    takes_back_last_answer,
    withdrawn_with_reason,
    without_last_bit,
)
from bot.consultation.sentence_split import finishes_the_sentence
from bot.consultation.withdrawals import withdraw_answer
from bot.consultation.x_style import without_addressees


def store_labelled_parts(text: str, pending: list[str], tracker: Tracker) -> list[str] | None:
    """Store each labelled part against its own question of this theme (one asked already
    too: "first one: ..." at the second) or of a theme to come ("... and on the environment
    one, ..."); the questions still pending, or None when unlabelled."""
    own = question_queue([question(pending[0]).theme_id])
    prefix = pending[0].rsplit(":", 1)[0] + ":"
    order = tuple(k.rsplit(":", 1)[1] for k in own)
    parts = {
        f"{prefix}{q}": said
        for q, said in labelled_answers(
            without_addressees(text), order, pending[0].rsplit(":", 1)[1]
        ).items()
        if f"{prefix}{q}" in own
    }
    parts = parts if len(parts) >= 2 else later_theme_part(without_addressees(text), pending)
    # "Skills: ... Infrastructure: ..." at the first of two drivers (set DU)
    parts = parts or theme_labelled_parts(text, pending)
    if not parts:
        return None
    for key, said in parts.items():
        service.record_answer(tracker.sender_id, channel(tracker), said, key, question(key).text)
    return [k for k in pending if k not in parts]


def drop_last_bit(
    previous: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> bool:
    """Reword the last answer to itself without its last part, and with what the message
    says in its place (tagged again, audited, in its place); False when it has one part
    only (then the whole of it is taken back, as "scratch that" does)."""
    answers = service.recorded_answers(tracker.sender_id)
    if not answers or answers[-1].question_key != previous:
        return False
    kept = without_last_bit(answers[-1].text)
    instead = said_in_place_of_last_bit(text)
    if kept is not None and instead:
        kept = f"{kept} {instead}"
    if kept is None or not amend_answer(tracker.sender_id, answers[-1].response_id, kept, REWORDED):
        return False
    dispatcher.utter_message(text=message("last_bit_replaced" if instead else "last_bit_taken_out"))
    return True


def take_back(
    previous: str,
    text: str,
    replaced: bool,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """Withdraw the last answer; keep its replacement, or ask its question again."""
    withdrawn = withdraw_answer(tracker.sender_id, previous)
    pending = list(tracker.get_slot("pending_questions") or [])
    if replaced:
        service.record_answer(
            tracker.sender_id, channel(tracker), text, previous, question(previous).text
        )
        dispatcher.utter_message(text=message("answer_replaced"))
        return {"pending_questions": pending}
    if withdrawn:  # "ignore that" after a skip: nothing to take out, asked again
        dispatcher.utter_message(text=message("answer_withdrawn"))
    if withdrawn and withdrawn_with_reason(text):
        # "can you scrap that last answer? My business partner would not want ..." (set
        # FT): taken out on purpose, so on with the question pending
        return {"pending_questions": pending}
    return {"pending_questions": [previous, *pending]}


def put_english_in_place(
    previous: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> bool:
    """ "sorry, same in english: ..." after an answer in Welsh or French (set FC): the English
    takes the last answer's place (one answer, which the team can read; the first wording
    stays in the transcript), and the pending question is asked again. False when it is
    not that, or there is no such answer."""
    if not marked_english(text):  # read before the answers are fetched: most messages aren't
        return False
    said = [a for a in service.recorded_answers(tracker.sender_id) if a.question_key == previous]
    english = english_version(text, said[-1].text) if said else None
    if not english or not amend_answer(tracker.sender_id, said[-1].response_id, english, REWORDED):
        return False
    dispatcher.utter_message(text=message("answer_replaced"))
    return True


def add_to_last(
    previous: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> None:
    """Join a message that carries on or corrects the last answer to it (one answer per
    question: `amendments`), and say so, so a late second message is not taken for an
    answer to the question that follows (set AG)."""
    said = service.recorded_answers(tracker.sender_id)
    earlier = [a for a in said if a.question_key == previous]
    how = CORRECTED if corrects_last_answer(text) else ADDED
    change = without_marks(text)  # "contd: and ...": the mark is no part of the view
    if not earlier or not amend_answer(tracker.sender_id, earlier[-1].response_id, change, how):
        service.record_answer(
            tracker.sender_id,
            channel(tracker),
            change,
            previous,
            question(previous).text,
            points_back=True,
        )
    dispatcher.utter_message(
        text=message("corrected_last" if how == CORRECTED else "added_to_last")
    )


def change_last_answer(
    previous: str, text: str, key: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any] | None:
    """The message changes the last answer (`previous`, its question key) rather than answer
    the pending question `key`: put right, said so, and the slots to set returned (the
    pending question is asked again); None when it answers the pending question."""
    if put_english_in_place(previous, text, dispatcher, tracker):
        # "sorry, force of habit! same in english: ..." after a Welsh answer (set FC): one
        # answer, in English
        return {}
    if drops_last_bit(text) and drop_last_bit(previous, text, dispatcher, tracker):
        return {}  # "scratch that last bit, ..." (set AM): the rest of the last answer kept
    replacement = takes_back_last_answer(text)
    if replacement is not None:
        # "sorry wrong chat!! ignore that", "scrap that, the real issue is ...": the last
        # answer is withdrawn; its replacement kept, or its question asked again
        return take_back(previous, text, bool(replacement), dispatcher, tracker)
    if carries_on(previous, text, key, tracker) or corrects_last_answer(text):
        # "and the A41 is a nightmare" straight after an answer, or "sorry, I meant
        # Silverstone Park": joined to the answer it carries on or corrects (one answer
        # per question: `amendments`)
        add_to_last(previous, text, dispatcher, tracker)
        return {}
    return None


def carries_on(previous: str, text: str, key: str, tracker: Tracker) -> bool:
    """The message carries on the last answer rather than answer the pending question."""
    said_last = previous_user_text(tracker)
    # "and ..." / "also ..." that opens on the pending driver's own subject answers it
    # ("also the roads are gridlocked" at the Infrastructure question: set ET); "want it
    # all done ..." after "... n the developers" finishes that sentence (set FL)
    and_more = (continues_answer(text) or finishes_the_sentence(text, said_last)) and not (
        on_the_pending_subject(without_and(without_addressees(text)), previous, key)
    )
    if (and_more or continues_with_mark(text)) and answered(said_last):
        return True
    # "What I mean is ...", "Forgot to say ...", "2nd thing, ..." (set ET), a pause
    # between allowed; not when the last message was nudged for more (it answers this)
    return carries_on_last(text, previous, key, said_last) and message(
        "say_more"
    ) not in previous_bot_text(tracker)


def closed_with_consent(tracker: Tracker) -> bool:
    """The business took part and the consultation has said goodbye."""
    return tracker.get_slot("stage") == "closed" and tracker.get_slot("consent") is True


def named_answer_changed(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Past the play-back, an answer reworded or added to by its number or subject ("can i
    change the housing one? what i meant was ...", "add to the roads one that ...": set
    FI): changed, and said so; False for anything else."""
    reply = change_named_answer(tracker.sender_id, latest_text(tracker))
    if reply:
        dispatcher.utter_message(text=reply)
    return reply is not None
