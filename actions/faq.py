"""After a question is answered (FAQ answers are domain responses via the ResponseSelector),
bring the business back to where it was."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import buttons
from bot.consultation.questions import message


class ActionResume(Action):
    def name(self) -> str:
        return "action_resume"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if tracker.active_loop.get("name"):
            return []  # the form asks its question again itself
        stage = tracker.get_slot("stage") or "consent"
        if stage == "consent":
            dispatcher.utter_message(response="utter_ask_consent")
        elif stage == "declined":
            faq = message("fallback_buttons")
            dispatcher.utter_message(
                text=message("declined_more"),
                buttons=buttons(
                    (message("take_part_button"), "/consent_agree"),
                    *[(q, q) for q in faq],
                ),
            )
        elif stage == "playback":
            dispatcher.utter_message(response="utter_ask_playback_ok")
        elif stage == "closed":
            dispatcher.utter_message(text=message("closed_more"))
        else:
            dispatcher.utter_message(text=message("carry_on"))
        return []
