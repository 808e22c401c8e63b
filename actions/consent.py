"""Welcome and consent: record whether the business takes part."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel, latest_intent
from bot.consultation import service

AGREE_INTENTS = {"consent_agree", "affirm"}
PRIVACY_NOTICE = "utter_privacy"


def privacy_shown(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """The privacy notice was shown in this session (a "let's get started" or "yes" sent
    as the very first message, e.g. in an X DM, has not seen it).

    Shown by a rule it is an `utter_privacy` action; shown by this action it is a bot
    message with the notice's text.
    """
    notice = {v.get("text") for v in domain.get("responses", {}).get(PRIVACY_NOTICE, [])}
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == PRIVACY_NOTICE:
            return True
        if event.get("event") == "bot" and (
            event.get("text") in notice
            or (event.get("metadata") or {}).get("utter_action") == PRIVACY_NOTICE
        ):
            return True
    return False


class ActionRecordConsent(Action):
    def name(self) -> str:
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        agreed = latest_intent(tracker) in AGREE_INTENTS
        if agreed and not privacy_shown(tracker, domain):
            # No agreement without the notice: show it and ask; nothing is recorded yet.
            for response in ("utter_welcome", PRIVACY_NOTICE, "utter_ask_consent"):
                dispatcher.utter_message(response=response)
            return [FollowupAction("action_listen")]
        service.record_consent(tracker.sender_id, channel(tracker), agreed)
        return [
            SlotSet("consent", agreed),
            SlotSet("stage", "profile" if agreed else "declined"),
        ]
