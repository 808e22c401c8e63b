"""When the action server is down or slow, the business gets a polite reply.

Rasa 3.6 on its own: `RemoteAction.run` raises `RasaException` when the action server
cannot be reached or answers with an error, and waits up to 5 minutes for a slow one;
`MessageProcessor._run_action` logs the exception, drops the action's events and goes on
predicting, so the business gets silence (or a half-done turn) and the action's effect,
such as recording consent, is lost.

`install()` (called when Rasa loads our tracker store or REST channel) wraps both:

- a custom action call gets `ACTION_TIMEOUT_SECONDS` (default 20) to answer; a timeout,
  connection error or server error becomes `ActionServerUnavailable`;
- when an action fails that way, the processor sends `service_unavailable` from
  `seeds/questions.yml`, records it, reverts the dialogue state to before the user's
  message (`UserUtteranceReverted`: the message stays in the transcript), listens and
  stops predicting. Sending the message again once the server is back resumes the conversation
  exactly where it was.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from typing import Any

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUtteranceReverted, UserUttered
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 20.0
FALLBACK_TEXT = (
    "Sorry, I'm having a technical problem and couldn't process that just now. "
    "Please try again in a minute."
)
_failed: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "bucks_lis_action_failed", default=False
)


class ActionServerUnavailable(RasaException):
    """The action server did not run a custom action (down, erroring or too slow)."""


def timeout_seconds() -> float:
    """ACTION_TIMEOUT_SECONDS (bot/config.py; a value that is not a number: the default)."""
    from bot.config import settings

    try:
        return settings().action_timeout_seconds
    except ValueError:
        return DEFAULT_TIMEOUT_SECONDS


def unavailable_text() -> str:
    try:
        from bot.consultation.questions import message

        return message("service_unavailable")
    except Exception:  # the apology must never fail
        return FALLBACK_TEXT


async def _guarded_remote_run(
    original: Any, action: RemoteAction, *args: Any, **kwargs: Any
) -> Any:
    try:
        return await asyncio.wait_for(original(action, *args, **kwargs), timeout_seconds())
    except ActionExecutionRejection:
        raise
    except (asyncio.TimeoutError, aiohttp.ClientError, RasaException) as error:
        _failed.set(True)
        logger.error("Custom action '%s' failed: %s", action.name(), error or type(error))
        raise ActionServerUnavailable(f"action '{action.name()}' failed: {error}") from error


async def _guarded_run_action(
    original: Any,
    processor: MessageProcessor,
    action: Any,
    tracker: Any,
    output_channel: Any,
    nlg: Any,
    prediction: Any,
) -> bool:
    token = _failed.set(False)
    logged_before = len(tracker.events)
    try:
        result = await original(processor, action, tracker, output_channel, nlg, prediction)
        failed = _failed.get()
    finally:
        _failed.reset(token)
    if not failed:
        return result
    # Rasa logged the failed action as executed. Drop that record, and what the turn's
    # earlier actions did (see `_keep_only_what_was_said`).
    while len(tracker.events) > logged_before:
        tracker.events.pop()
    _keep_only_what_was_said(tracker)
    text = unavailable_text()
    tracker.update(BotUttered(text=text, metadata={"error": "action_server_unavailable"}))
    try:
        await output_channel.send_response(tracker.sender_id, {"text": text})
    except Exception:  # pragma: no cover - a broken channel must not break the turn
        logger.exception("Could not send the apology")
    # Rewinds the dialogue state to before the user's message, including the action_listen
    # that preceded it, so listen again: the next message continues from there.
    tracker.update(UserUtteranceReverted())
    tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
    return False


def _keep_only_what_was_said(tracker: Any) -> None:  # noqa: ANN401 - Rasa's tracker
    """Keep, of this turn, the business's message and what the bot said; drop the actions
    that ran and the slots they set, which the revert undoes anyway.

    Why: when Rasa sees a form's action again it folds the form's turns together, dropping
    the user messages in between (`DialogueStateTracker.applied_events`). If the form ran
    earlier in this turn ("/skip" ends the profile form, then saving the profile fails),
    the revert looks for "the last user message", finds the one before the form began,
    and rewinds the whole profile: the resent "/skip" met the consent question again
    (tests/production/test_faults.py, an action server killed under load)."""
    events = list(tracker.events)
    said = max((i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=None)
    listened = max(
        (
            i
            for i, e in enumerate(events)
            if isinstance(e, ActionExecuted) and e.action_name == ACTION_LISTEN_NAME
        ),
        default=-1,
    )
    if said is None or said < listened:
        return  # not a turn of a user message (nothing of the business's to keep apart)
    kept = events[: said + 1] + [e for e in events[said + 1 :] if isinstance(e, BotUttered)]
    if len(kept) < len(events):
        tracker.events.clear()
        tracker.events.extend(kept)


def install() -> None:
    """Wrap RemoteAction.run and MessageProcessor._run_action (idempotent); validate action
    responses with a cached validator (bot/channels/action_validation.py); replay, not
    rerun, a resent turn that was saved although it failed (bot/channels/resend.py)."""
    from bot.channels import action_session, action_validation, resend

    action_validation.install()
    resend.install()  # a failed turn that was saved after all is not run twice on resend
    action_session.install()  # one pooled keep-alive session for the action calls
    if getattr(RemoteAction.run, "_bucks_lis_guard", False):
        return
    original_remote = RemoteAction.run
    original_run_action = MessageProcessor._run_action

    async def remote_run(self: RemoteAction, *args: Any, **kwargs: Any) -> Any:
        return await _guarded_remote_run(original_remote, self, *args, **kwargs)

    async def run_action(
        self: MessageProcessor,
        action: Any,
        tracker: Any,
        output_channel: Any,
        nlg: Any,
        prediction: Any,
    ) -> bool:
        return await _guarded_run_action(
            original_run_action, self, action, tracker, output_channel, nlg, prediction
        )

    remote_run._bucks_lis_guard = True  # type: ignore[attr-defined]
    RemoteAction.run = remote_run
    MessageProcessor._run_action = run_action
