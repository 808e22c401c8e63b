"""Forgetting: "forget me" at any time (everything deleted, transcript included), "keep my
views but not my name", and withdrawing after taking part. Split from actions/close.py,
which closes the consultation and calls these too.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel, greet_as_hi, latest_text
from bot.consultation import service
from bot.consultation.email_text import find_email
from bot.consultation.leaving import NOT_FORGETTING, asks_to_delete, asks_to_forget
from bot.consultation.name_removal import asks_to_drop_name, drop_name
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_replies import confirms
from bot.consultation.questions import message


class ActionForget(Action):
    """Delete everything the business said, transcript included (the tracker store also
    drops this session's events when it sees AllSlotsReset after this action)."""

    def name(self) -> str:
        return "action_forget"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if drop_name_if_asked(dispatcher, tracker):
            # "keep my views but don't keep my name": the name goes, not everything
            form = tracker.active_loop.get("name")
            return [FollowupAction(form)] if form else []
        text = latest_text(tracker)
        slot = tracker.get_slot("requested_slot")
        in_profile = tracker.active_loop.get("name") == "profile_form"
        if in_profile and slot in service.PROFILE_FIELDS and NOT_FORGETTING.search(text):
            # "Forget Me Not Flowers" at the name question (set AC deleted everything): the
            # answer, kept as any profile answer is; the form asks its next question
            service.save_profile(tracker.sender_id, channel(tracker), **{slot: text.strip()})
            return [SlotSet(slot, text.strip()), FollowupAction("profile_form")]
        if not asks_to_forget(text) and tracker.get_slot("stage") == "playback" and confirms(text):
            # "Yes that's all fine, don't delete anything!" to "Does that look right?" (set DI
            # deleted everything): the play-back accepted, as a yes is
            dispatcher.utter_message(response="utter_next_steps")
            return [FollowupAction("contact_form")]
        contact = tracker.active_loop.get("name") == "contact_form"
        if not asks_to_forget(text) and contact and find_email(text):
            # "Yes. Kindly send any updates to secretary@..." (set DX was told how to delete
            # everything): the contact form reads the address
            return [FollowupAction("contact_form")]
        if not asks_to_forget(text) and introduces_itself(text) and _first(tracker, domain):
            # "Good day. I have repaired clocks and watches in Wendover for over forty years
            # ..." as the first message (set DX was told how to delete it): greeted as "hi" is
            greet_as_hi(dispatcher)
            return []
        if not asks_to_forget(text):
            # NLU heard "forget me" in something else; deleting on a guess is not an option
            dispatcher.utter_message(text=message("forget_how"))
            form = tracker.active_loop.get("name")
            return [FollowupAction(form)] if form else []  # the form asks its question again
        return forget_everything(dispatcher, tracker)


def _first(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """`actions.consent.first_message`, imported here when needed: consent imports this
    module."""
    from actions.consent import first_message

    return first_message(tracker, domain)


def forget_everything(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Delete the business's answers, profile and transcript, and say so."""
    service.forget(tracker.sender_id, actor="respondent")
    dispatcher.utter_message(text=message("forgotten"))
    if tracker.get_latest_input_channel() == "socketio":
        # Tells the website widget to drop its local copy of the chat too.
        dispatcher.utter_message(json_message={"data": {"bucks_lis": "forgotten"}})
    return [ActiveLoop(None), AllSlotsReset()]


def drop_name_if_asked(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Keep my views but don't keep my name", however NLU read it: the name and the role
    removed from the profile, the views kept, and said so. False when the message asks
    for no such thing (or nothing is kept: no consent)."""
    if tracker.get_slot("consent") is not True or not asks_to_drop_name(latest_text(tracker)):
        return False
    drop_name(tracker.sender_id)
    dispatcher.utter_message(text=message("name_dropped"))
    return True


def name_dropped_outside_forms(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Could you leave the shop's name off? Happy for the rest to go in" at the play-back,
    "can you take the company name off it?" after the goodbye, which NLU read as carrying
    on (set FU: the questions went on, or "we've finished"): the name removed and, at the
    play-back, its question again. A form reads it itself; and once said this turn
    (declining read into it, then `action_resume`), not again."""
    if tracker.active_loop.get("name") or _said_this_turn(tracker, message("name_dropped")):
        return False
    if not drop_name_if_asked(dispatcher, tracker):
        return False
    if tracker.get_slot("stage") == "playback":
        dispatcher.utter_message(response="utter_ask_playback_ok")
    return True


def _said_this_turn(tracker: Tracker, text: str) -> bool:
    """The bot has said `text` since the business's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and event.get("text") == text:
            return True
    return False


def withdrawn_and_forgotten(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[dict[str, Any]] | None:
    """ "I'd rather not take part after all, please do not store my answers" after taking
    part (outside the forms: at the play-back): everything deleted, as on "forget me"; None
    when the business had not taken part or did not ask for nothing to be kept."""
    if tracker.get_slot("consent") is not True or not asks_to_delete(latest_text(tracker)):
        return None
    return forget_everything(dispatcher, tracker)
