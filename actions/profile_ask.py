"""The profile form's questions, each asked with a skip button (and the size bands as
buttons). Split from `actions/profile.py`, which reads the answers."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import buttons
from bot.consultation.questions import message, profile_question, size_bands


class _AskProfile(Action, ABC):
    @property
    @abstractmethod
    def slot(self) -> str:
        """Set by each concrete subclass (the base is not registered as an action)."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        choices = [(band, band) for band in size_bands()] if self.slot == "size_band" else []
        dispatcher.utter_message(
            text=profile_question(self.slot),
            buttons=buttons(*choices, (message("skip_button"), "/skip")),
        )
        return []


class ActionAskOrganisation(_AskProfile):
    slot = "organisation"


class ActionAskSector(_AskProfile):
    slot = "sector"


class ActionAskSizeBand(_AskProfile):
    slot = "size_band"


class ActionAskLocation(_AskProfile):
    slot = "location"


class ActionAskRole(_AskProfile):
    slot = "role"
