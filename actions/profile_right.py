"""The profile put right after it was given: a field corrected at a later question or
after the goodbye ("btw we're not 6 staff, more like 60"), or carried on by the next message
("oh and interpreting, mostly for hospital outpatients" after the sector)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import SKIPPED, as_text, channel, previous_user_text, profile_on_record
from bot.consultation import service
from bot.consultation.meant_before import meant_earlier
from bot.consultation.profile_fixes import beside_the_fixes, fixes_reply, profile_fixes
from bot.consultation.profile_followups import (
    carried_on_count,
    carried_on_field,
    redone_answer,
    starred_fix,
)
from bot.consultation.questions import PROFILE_SLOTS, message
from bot.consultation.subject import names_a_subject


def filled_by_last_answer(tracker: Tracker) -> list[str]:
    """The profile slots the business's previous message filled ("Hale Leys Print, we're a
    commercial printers": the name and the sector), so "back" takes back all of it.
    A message Rasa undid (the action server was down) filled nothing (`applied_events`)."""
    users, filled = 0, []
    for event in reversed(tracker.applied_events()):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                break
        elif users == 1 and event.get("event") == "slot" and event.get("name") in PROFILE_SLOTS:
            if event.get("value") not in (None, SKIPPED) and event["name"] not in filled:
                filled.append(event["name"])
    return filled


def put_profile_right(
    text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[dict[str, str], bool]:
    """Past the profile questions ("btw we're not 6 staff, more like 60", "we're in Wendover
    not Tring" after the goodbye): the fields the message puts right, saved and said back
    (empty when it corrects none), and whether a view is left beside them."""
    on_record = profile_on_record(tracker)
    fixes = profile_fixes(text, on_record, late=True)
    if not fixes:
        return {}, False
    service.save_profile(tracker.sender_id, channel(tracker), **fixes)
    dispatcher.utter_message(text=fixes_reply(fixes))
    return fixes, names_a_subject(beside_the_fixes(text, fixes, on_record))


def carried_on(value: Any, tracker: Tracker) -> dict[str, str]:
    """The field just given with this message's "oh and ..." joined to it, if any."""
    filled = filled_by_last_answer(tracker)
    if len(filled) != 1:
        return {}
    if filled[0] == "size_band":  # "plus 4 students at weekends" (set CS)
        band = carried_on_count(as_text(value), previous_user_text(tracker))
        return {"size_band": band} if band else {}
    joined = carried_on_field(as_text(value), filled[0], tracker.get_slot(filled[0]))
    return {filled[0]: joined} if joined else {}


def redone(value: Any, tracker: Tracker) -> dict[str, str]:
    """The field just given, as this message says it should have read ("I've typed our
    name in the wrong box. It should say saddlery and tack shop", "*pawfect grooming"), or
    an earlier field the message says it meant (`meant_before`), if any."""
    filled = filled_by_last_answer(tracker)
    if len(filled) == 1:
        new = redone_answer(as_text(value))  # its signature already taken off (`_clean`)
        # "@btvlep *pawfect grooming" after "pawfect groomin" (set EQ filed it as the sector)
        new = new or starred_fix(as_text(value), tracker.get_slot(filled[0]))
        if new:
            return {filled[0]: new}
    # "sorry thats vague, i meant ebike battery repairs and rebuilds" at the head count (set
    # FT filed it as the head count, every later field one question late): an earlier field
    last, pending = (filled[-1] if filled else None), tracker.get_slot("requested_slot")
    return meant_earlier(as_text(value), pending, profile_on_record(tracker), last)


def redone_reply(put_right: dict[str, str], tracker: Tracker) -> str:
    """What the business is told: the answer just given put right, or each field changed."""
    # a town or a head count is said back as changed ("Thanks, I've changed where you're based
    # to Chesham": set BO lost it when "sorry, i meant chesham not amersham" came through here)
    named = {"size_band", "location"}
    if list(put_right) == filled_by_last_answer(tracker)[-1:] and not named & set(put_right):
        return message("corrected_last")
    return fixes_reply(put_right)
