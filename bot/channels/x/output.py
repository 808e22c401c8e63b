"""Sends Rasa's replies to one X user: by DM, or as a thread of public replies.

Public replies follow X's 2026 rules: only to a post that summoned the bot (the channel
never builds a public output for anything else), never with a URL (a post with a URL
costs $0.20), and not at all while the monthly budget is spent or the bot's access was
revoked (`gate`, see `spend.py`); DMs go on regardless of the budget.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any, Protocol

from rasa.core.channels.channel import OutputChannel

from bot.channels.x.client import XAPIError, XClient, numbered_list, options_from_buttons
from bot.channels.x.inbound import as_str
from bot.channels.x.pending import PendingReplies, dm_item, not_taken, thread_item
from bot.channels.x.posts import has_link, split_for_posts, strip_urls

logger = logging.getLogger(__name__)

CHANNEL_NAME = "x"
SENDER_RE = re.compile(r"^x-(dm|post)-(\d{1,20})$")


class ChoiceMemory(Protocol):
    """The buttons last offered to each sender (in memory or in the database)."""

    def offer(self, sender_id: str, buttons: list[dict[str, Any]]) -> None: ...
    def forget(self, sender_id: str) -> None: ...
    def resolve(self, sender_id: str, text: str) -> str: ...


# Returns None when sending is allowed, else why not (shown in logs and to staff).
Gate = Callable[[str], "str | None"]


def is_consent_prompt(buttons: list[dict[str, Any]], utter_action: str = "") -> bool:
    """Whether this message asks for consent (response name or a button payload says so)."""
    if "consent" in utter_action.lower():
        return True
    return any(
        "consent" in as_str(b.get("payload")).lower() for b in buttons if isinstance(b, dict)
    )


def public_consent_notice(bot_username: str = "") -> str:
    """Steers consent to DMs. Names the account rather than linking to it: no URL."""
    handle = bot_username.strip().lstrip("@")
    to = f" to @{handle}" if handle else ""
    return (
        "Posts on X are public: anyone can read what you write here. To take part and "
        f"give your consent privately, please send us a Direct Message{to}."
    )


class XOutput(OutputChannel):
    """Sends Rasa's replies to one X user: by DM, or as a thread of public replies."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    def __init__(
        self,
        client: XClient,
        choices: ChoiceMemory,
        bot_user_id: str = "",
        reply_to: str = "",
        *,
        bot_username: str = "",
        gate: Gate | None = None,
        pending: PendingReplies | None = None,
    ) -> None:
        self.client = client
        self.choices = choices
        self.bot_user_id = bot_user_id
        self.reply_to = reply_to
        self.bot_username = bot_username
        self.gate = gate
        self.summoned_by = reply_to  # the user's post: replies to it are "summoned"
        self.pending = pending
        self._started: set[str] = set()
        self._queued: set[str] = set()  # recipients whose replies wait behind kept ones
        self._started_pending: set[str] = set()

    def _target(self, recipient_id: str) -> tuple[str, str] | None:
        match = SENDER_RE.match(recipient_id)
        if not match:
            logger.error("X output: %r is not an X sender id; reply dropped", recipient_id)
            return None
        return match.group(1), match.group(2)

    def _start_turn(self, recipient_id: str) -> None:
        """Choices offered in an earlier turn stop counting once the bot speaks again."""
        if recipient_id not in self._started:
            self._started.add(recipient_id)
            self.choices.forget(recipient_id)

    def _blocked(self, kind: str) -> str | None:
        return self.gate(kind) if self.gate is not None else None

    async def _must_wait(self, recipient_id: str) -> bool:
        """Replies kept from an earlier failure go first: this one waits behind them
        (asked once a turn: the output lives for one turn)."""
        if self.pending is None:
            return False
        if recipient_id not in self._started_pending:
            self._started_pending.add(recipient_id)
            try:
                if await asyncio.to_thread(self.pending.waiting, recipient_id):
                    self._queued.add(recipient_id)
            except Exception:  # noqa: BLE001 - the database is down: send as before
                logger.exception("X: could not look for kept replies to %s", recipient_id)
        return recipient_id in self._queued

    async def _keep(self, recipient_id: str, item: dict[str, Any], error: Any = None) -> bool:
        """Keeps a reply X did not take, to send again later (fault probe s46)."""
        if self.pending is None or (error is not None and not not_taken(error)):
            return False
        try:
            await asyncio.to_thread(self.pending.keep, recipient_id, item)
        except Exception:  # noqa: BLE001 - nowhere to keep it: it is lost, said loudly
            logger.exception("X: a reply to %s could not be kept; it is lost", recipient_id)
            return False
        self._queued.add(recipient_id)
        return True

    async def _dm(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        reason = self._blocked("dm")
        if reason:
            logger.warning("X: DM to %s not sent: %s", user_id, reason)
            return
        recipient = f"x-dm-{user_id}"
        if await self._must_wait(recipient):
            await self._keep(recipient, dm_item(user_id, text, buttons))
            return
        options = options_from_buttons(buttons) if buttons else None
        try:
            await asyncio.to_thread(self.client.send_dm, user_id, text, options)
        except Exception as error:  # noqa: BLE001 - X being down must not break the conversation
            if not await self._keep(recipient, dm_item(user_id, text, buttons), error):
                logger.exception("X: sending a DM to %s failed", user_id)

    async def _thread(self, text: str, recipient: str = "") -> None:
        if not self.reply_to:
            logger.error("X: a public reply has no post to reply to; dropped")
            return
        reason = self._blocked("public")
        if reason:
            logger.warning("X: public reply to %s not sent: %s", self.reply_to, reason)
            return
        if has_link(text):
            text = strip_urls(text)
        parts = split_for_posts(text)
        if recipient and await self._must_wait(recipient):
            item = thread_item(parts, self.reply_to, self.reply_to == self.summoned_by)
            await self._keep(recipient, item)
            return
        for number, part in enumerate(parts):
            summoned = self.reply_to == self.summoned_by
            try:
                new_id = await asyncio.to_thread(
                    self.client.post, part, self.reply_to, summoned=summoned
                )
            except Exception as error:  # noqa: BLE001 - X being down must not break the turn
                item = thread_item(parts[number:], self.reply_to, summoned)
                if recipient and await self._keep(recipient, item, error):
                    return
                if isinstance(error, XAPIError):
                    logger.warning("X refused a reply to %s: %s", self.reply_to, error)
                else:
                    logger.exception("X: posting a reply to %s failed", self.reply_to)
                return
            if new_id:
                self.reply_to = new_id

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        target = self._target(recipient_id)
        if not target or not text:
            return
        self._start_turn(recipient_id)
        kind, user_id = target
        if kind == "dm":
            await self._dm(user_id, text, [])
        else:
            await self._thread(text, recipient_id)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        target = self._target(recipient_id)
        if not target:
            return
        self._start_turn(recipient_id)
        kind, user_id = target
        buttons = [b for b in buttons or [] if isinstance(b, dict)]
        if kind == "dm":
            self.choices.offer(recipient_id, buttons)
            await self._dm(user_id, text or "", buttons)
            return
        # In public, consent is not offered as a choice: the user is asked to DM instead.
        consent = is_consent_prompt(buttons, as_str(kwargs.get("utter_action")))
        if consent:
            buttons = [b for b in buttons if not is_consent_prompt([b])]
        parts = [text] if text else []
        if buttons:
            self.choices.offer(recipient_id, buttons)
            titles = [as_str(b.get("title") or b.get("payload")) for b in buttons]
            parts.append(f"Reply with a number:\n{numbered_list(titles)}")
        if consent:
            parts.append(public_consent_notice(self.bot_username))
        await self._thread("\n\n".join(parts), recipient_id)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if isinstance(text, str) and text:
            await self.send_text_message(recipient_id, text)
        else:
            logger.info("X: custom payload without text not sent to %s", recipient_id)
