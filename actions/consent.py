"""Welcome and consent: record whether the business takes part."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel, latest_intent
from bot.consultation import service

AGREE_INTENTS = {"consent_agree", "affirm"}


class ActionRecordConsent(Action):
    def name(self) -> str:
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        agreed = latest_intent(tracker) in AGREE_INTENTS
        service.record_consent(tracker.sender_id, channel(tracker), agreed)
        return [
            SlotSet("consent", agreed),
            SlotSet("stage", "profile" if agreed else "declined"),
        ]
