"""Asking through the strategy: the island and seabed choices with their buttons, each open
question with its progress ("2 of 4"), and "actually carry on" back to where the business
stopped. The answers are read in `actions/consultation.py`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import buttons
from actions.forgetting import name_dropped_outside_forms
from bot.consultation.questions import message, question, question_queue, section_text
from bot.strategy import ISLAND_IDS, SEABED_IDS, theme

KINDS = {"islands": ("island", ISLAND_IDS), "seabed": ("seabed", SEABED_IDS)}


class _AskThemes(Action, ABC):
    @property
    @abstractmethod
    def section(self) -> str:
        """Set by each concrete subclass (the base is not registered as an action)."""

    def name(self) -> str:
        return f"action_ask_{self.section}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        _, ids = KINDS[self.section]
        if tracker.get_slot("requested_slot") != self.section:  # not on asking again
            lines = [section_text(self.section, "intro")]
            lines += [f"- {theme(t).name}: {theme(t).summary}" for t in ids]
            dispatcher.utter_message(text="\n".join(lines))
        all_button = message(
            "all_islands_button" if self.section == "islands" else "all_seabed_button"
        )
        dispatcher.utter_message(
            text=section_text(self.section, "ask"),
            buttons=buttons(
                *[(theme(t).name, theme(t).name) for t in ids],
                (all_button, all_button),
                (message("none_button"), message("none_button")),
            ),
        )
        return []


class ActionAskIslands(_AskThemes):
    section = "islands"


class ActionAskSeabed(_AskThemes):
    section = "seabed"


class _AskAnswer(Action, ABC):
    @property
    @abstractmethod
    def answer_slot(self) -> str:
        """Set by each concrete subclass (the base is not registered as an action)."""

    choice_slot = "islands"

    def name(self) -> str:
        return f"action_ask_{self.answer_slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        pending = list(tracker.get_slot("pending_questions") or [])
        if not pending:
            return []
        total = len(question_queue(list(tracker.get_slot(self.choice_slot) or [])))
        n = max(total - len(pending) + 1, 1)
        progress = message("question_progress", n=n, total=max(total, n))
        dispatcher.utter_message(
            text=f"{question(pending[0]).text} {progress}",
            buttons=buttons((message("skip_button"), "/skip")),
        )
        return []


class ActionAskIslandAnswer(_AskAnswer):
    answer_slot = "island_answer"
    choice_slot = "islands"


class ActionAskSeabedAnswer(_AskAnswer):
    answer_slot = "seabed_answer"
    choice_slot = "seabed"


class ActionCarryOn(Action):
    """ "Actually carry on" at the play-back: back to the question the business stopped
    at (the form asks it); with none left, the play-back again."""

    def name(self) -> str:
        return "action_carry_on"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if name_dropped_outside_forms(dispatcher, tracker):  # "leave the name off" (set FU)
            return [FollowupAction("action_listen")]  # still at the play-back
        events = [SlotSet("stage", "strategy")]
        pending = list(tracker.get_slot("pending_questions") or [])
        if pending and pending[0].startswith("island:"):
            # stopped among the island questions: those, then the seabed choice
            events += [SlotSet("island_answer", None), SlotSet("seabed", None)]
            events += [SlotSet("seabed_answer", None)]
        elif pending:
            events.append(SlotSet("seabed_answer", None))
        left = pending or tracker.get_slot("islands") is None or tracker.get_slot("seabed") is None
        dispatcher.utter_message(text=message("carry_on" if left else "nothing_left"))
        return events
