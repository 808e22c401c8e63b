"""The revert after a failed action undoes exactly the failed turn (no Rasa model needed).

Rasa folds a form's turns together when the form's action runs again, so a plain
`UserUtteranceReverted` after a form finished in the same turn rewound to the message
before the form began (the profile was lost and consent asked again)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels import resilience

SLOTS = ["consent", "organisation", "role", "requested_slot"]


def _tracker(events: list[Event]) -> DialogueStateTracker:
    slots = [AnySlot(name, mappings=[{}]) for name in SLOTS]
    return DialogueStateTracker.from_events("biz", events, slots=slots)


def _profile_so_far() -> list[Event]:
    """Consent given, the profile form asked two questions and had one answer."""
    return [
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("/consent_agree", {"name": "consent_agree"}),
        SlotSet("consent", True),
        ActionExecuted("profile_form"),
        ActiveLoop("profile_form"),
        SlotSet("requested_slot", "organisation"),
        BotUttered("What's your organisation called?"),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("Acme Ltd", {"name": "inform"}),
        SlotSet("organisation", "Acme Ltd"),
        ActionExecuted("profile_form"),
        SlotSet("requested_slot", "role"),
        BotUttered("And what's your role there?"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]


class _Processor:
    """What `_guarded_run_action` needs of Rasa's processor: nothing here."""


class _Channel:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent.append(message["text"])


async def _failing_remote(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
    raise aiohttp.ClientConnectionError("the action server was killed")


def _run_failing_action(tracker: DialogueStateTracker, channel: _Channel) -> bool:
    """Run an action that fails as a killed action server makes it, through the guard."""

    async def original(processor: Any, action: Any, tracker: Any, *rest: Any) -> bool:  # noqa: ANN401
        try:
            await resilience._guarded_remote_run(_failing_remote, action)
        except resilience.ActionServerUnavailable:
            pass  # Rasa logs the exception and goes on
        tracker.update(ActionExecuted("action_save_profile"))
        return True

    class Action:
        def name(self) -> str:
            return "action_save_profile"

    return asyncio.run(
        resilience._guarded_run_action(
            original, _Processor(), Action(), tracker, channel, None, None
        )
    )


@pytest.fixture()
def tracker() -> DialogueStateTracker:
    return _tracker(_profile_so_far())


def test_a_failure_after_the_form_finished_in_the_turn_undoes_only_that_turn(
    tracker: DialogueStateTracker,
) -> None:
    before = tracker.current_slot_values()
    # "/skip" answers the last question: the form ends, then saving the profile fails
    for event in [
        UserUttered("/skip", {"name": "skip"}),
        SlotSet("role", "(skipped)"),
        ActionExecuted("profile_form"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        BotUttered("Thanks, that's your profile done."),
    ]:
        tracker.update(event)
    channel = _Channel()

    assert _run_failing_action(tracker, channel) is False

    assert channel.sent == [resilience.unavailable_text()]
    assert tracker.current_slot_values() == before  # consent and the name kept
    assert tracker.active_loop_name == "profile_form"
    assert tracker.latest_action_name == ACTION_LISTEN_NAME
    # the transcript keeps the message and every reply the business saw
    texts = [e.text for e in tracker.events if isinstance(e, (UserUttered, BotUttered))]
    assert texts[-3:] == [
        "/skip",
        "Thanks, that's your profile done.",
        resilience.unavailable_text(),
    ]
    assert "action_save_profile" not in [
        e.action_name for e in tracker.events if isinstance(e, ActionExecuted)
    ]


def test_the_resent_message_then_continues_from_the_same_place(
    tracker: DialogueStateTracker,
) -> None:
    tracker.update(UserUttered("/skip", {"name": "skip"}))
    tracker.update(ActionExecuted("profile_form"))
    tracker.update(ActiveLoop(None))
    _run_failing_action(tracker, _Channel())

    tracker.update(UserUttered("/skip", {"name": "skip"}))
    tracker.update(SlotSet("role", "(skipped)"))
    tracker.update(ActionExecuted("profile_form"))

    assert tracker.get_slot("consent") is True
    assert tracker.get_slot("organisation") == "Acme Ltd"
    assert tracker.get_slot("role") == "(skipped)"
    assert tracker.latest_message.text == "/skip"


def test_a_failure_outside_a_message_turn_leaves_earlier_turns_alone(
    tracker: DialogueStateTracker,
) -> None:
    """No user message since the last listen (an action run on its own): the last
    message's turn is history, and is not trimmed."""
    events_before = list(tracker.events)
    resilience._keep_only_what_was_said(tracker)
    assert list(tracker.events) == events_before
