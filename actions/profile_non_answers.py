"""Profile replies that are no answer to the question asked: a remark, a pointer to a bio, a
GIF, no words at all, pictures, "restart", a bare "yes", "skip all this", impatience. Each
is said what happens next and the slots to set returned; the real answers are read in
`actions/profile.py`, from which this was split (it had passed 400 lines).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    SKIPPED,
    acknowledgement_only,
    as_text,
    nudged_since_last_answer,
)
from bot.consultation.boundaries import boundary_reply
from bot.consultation.junk import no_words, punctuation_only
from bot.consultation.participation import asks_to_start_again
from bot.consultation.pointers import media_only, points_elsewhere
from bot.consultation.profile_checks import pictures_only
from bot.consultation.questions import PROFILE_SLOTS, message
from bot.consultation.remarks import remark_reply
from bot.consultation.replies import (
    fed_up_with_bot,
    impatient,
    skips_the_profile,
    skips_the_rest,
)


def not_an_answer(
    slot: str, value: Any, dispatcher: CollectingDispatcher | None, tracker: Tracker
) -> dict[str, Any] | None:
    """The slots to set when `value` is no answer to `slot`'s question, else None."""
    remark = remark_reply(value) or boundary_reply(value)
    if remark and dispatcher is not None:
        # "I'm dyslexic, sorry for the spelling", "hope that helps": no answer; asked again
        dispatcher.utter_message(text=message(remark))
        return {slot: None}
    if asks_to_start_again(value) and dispatcher is not None:
        # "restart", "can we start again?" typed at the sector question was kept as the
        # sector (attack probe s43 left it): nothing is lost, how to change; asked again
        dispatcher.utter_message(text=message("start_again"))
        return {slot: None}
    if points_elsewhere(as_text(value)) and dispatcher is not None:
        # "@btvlep its in my bio" for the name (set AV kept it as the name): nothing the
        # bot can read; asked to type it
        dispatcher.utter_message(text=message("profile_points_elsewhere"))
        return {slot: None}
    if media_only(value) and dispatcher is not None:
        # "[GIF]", "[Voice message]": nothing typed, never kept as the answer
        dispatcher.utter_message(text=message("profile_media"))
        return {slot: None}
    if (no_words(value) or punctuation_only(value)) and dispatcher is not None:
        # "<script>alert(1)</script>" for the name, "jjjjjjjj" from a key held down in a
        # pocket, "..." for the sector (set DL kept the last two): no words; asked again
        dispatcher.utter_message(text=message("profile_no_words"))
        return {slot: None}
    nudge = message("profile_in_words")
    if pictures_only(value) and dispatcher is not None:
        # "🥐🍞🎂" for the sector: asked once to put it in words, then on to the next
        if not nudged_since_last_answer(tracker, nudge):
            dispatcher.utter_message(text=nudge)
            return {slot: None}
        return {slot: SKIPPED}
    if acknowledgement_only(value):
        # "yes" to "what's the name of your organisation?" is no name: on to the next
        return {slot: SKIPPED}
    # "can we skip all this", "skip the business details, no time" (set GC): the rest of it
    if skips_the_rest(as_text(value)) or skips_the_profile(as_text(value)):
        return {s: SKIPPED for s in PROFILE_SLOTS if s == slot or not tracker.get_slot(s)}
    if (impatient(value) or fed_up_with_bot(value)) and dispatcher is not None:
        # "this is taking ages", "you're useless" in the (optional) profile: on to
        # what matters
        dispatcher.utter_message(text=message("profile_impatient"))
        return {s: SKIPPED for s in PROFILE_SLOTS if s == slot or not tracker.get_slot(s)}
    return None
