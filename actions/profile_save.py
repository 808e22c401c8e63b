"""The profile filed once its form is done (or stopped half-way), and "carry on" back into
it: a few lines over `bot.consultation.service`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import SKIPPED, channel
from bot.consultation import service
from bot.consultation.questions import PROFILE_SLOTS, message


class ActionSaveProfile(Action):
    def name(self) -> str:
        return "action_save_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        fields = {}
        for slot in PROFILE_SLOTS:
            value = tracker.get_slot(slot)
            fields[slot] = None if value in (None, SKIPPED) else value
        service.save_profile(tracker.sender_id, channel(tracker), **fields)
        # stopped half-way ("stop" at a profile question): "carry on" at the islands
        # question then goes back to the first unanswered one (rule in digressions.yml)
        stopped = any(tracker.get_slot(slot) is None for slot in PROFILE_SLOTS)
        return [SlotSet("stage", "strategy"), SlotSet("profile_stopped", stopped)]


class ActionResumeProfile(Action):
    """ "Carry on" after stopping half-way through the profile: back to its first
    unanswered question (the profile form asks it), then on to the strategy as before."""

    def name(self) -> str:
        return "action_resume_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=message("carry_on"))
        return [SlotSet("stage", "profile"), SlotSet("profile_stopped", False)]
