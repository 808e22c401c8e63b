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
    ) -> None:
        self.client = client
        self.choices = choices
        self.bot_user_id = bot_user_id
        self.reply_to = reply_to
        self.bot_username = bot_username
        self.gate = gate
        self.summoned_by = reply_to  # the user's post: replies to it are "summoned"
        self._started: set[str] = set()

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

    async def _dm(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        reason = self._blocked("dm")
        if reason:
            logger.warning("X: DM to %s not sent: %s", user_id, reason)
            return
        options = options_from_buttons(buttons) if buttons else None
        try:
            await asyncio.to_thread(self.client.send_dm, user_id, text, options)
        except Exception:  # noqa: BLE001 - X being down must not break the conversation
            logger.exception("X: sending a DM to %s failed", user_id)

    async def _thread(self, text: str) -> None:
        if not self.reply_to:
            logger.error("X: a public reply has no post to reply to; dropped")
            return
        reason = self._blocked("public")
        if reason:
            logger.warning("X: public reply to %s not sent: %s", self.reply_to, reason)
            return
        if has_link(text):
            text = strip_urls(text)
        for part in split_for_posts(text):
            summoned = self.reply_to == self.summoned_by
            try:
                new_id = await asyncio.to_thread(
                    self.client.post, part, self.reply_to, summoned=summoned
                )
            except XAPIError as error:
                logger.warning("X refused a reply to %s: %s", self.reply_to, error)
                return
            except Exception:  # noqa: BLE001
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
            await self._thread(text)

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
        await self._thread("\n\n".join(parts))

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if isinstance(text, str) and text:
            await self.send_text_message(recipient_id, text)
        else:
            logger.info("X: custom payload without text not sent to %s", recipient_id)
