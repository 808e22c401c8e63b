"""The X input channel: the webhook (Account Activity and XAA) and what it starts.

Enabled in credentials.yml as `bot.channels.x.XInput: {}`; Rasa serves it at
`/webhooks/x/webhook`. Secrets come only from the environment (`bot.config.settings()`).

- GET  answers X's challenge-response check: `{"response_token": "sha256=<base64 HMAC>"}`.
- POST checks (`routes.read_delivery`), in this order and before parsing anything: the
  channel is configured (else 503), the body is at most RASA_MAX_BODY_BYTES (default 1 MB;
  X's largest delivery is about 0.5 MB; else 413), `x-twitter-webhooks-signature` is the
  HMAC-SHA256 of the raw body under the consumer secret, compared in constant time
  (missing, malformed or wrong: 403), the body is a JSON object (else 400). Then it is
  an XAA envelope (`{"data": {"event_type", ...}}`, `xaa.py`) or an Account Activity body
  (`account_activity.py`), or a filtered-stream post (`stream.py`, X's Enterprise "Filtered
  Stream Webhooks"); all parse into messages, deletions and revocations.
- DMs and summoned posts go to Rasa (input channel "x"); hashtag posts are collected as
  public views (`collect.py`), never answered. Every DM event or post is handled once
  across all replicas (`memory.DbSeenEvents`); X's retries and replays are dropped.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.channels import action_session, http_errors
from bot.channels.text import NOT_TEXT_TEXT, TOO_LONG_TEXT
from bot.channels.x import spend
from bot.channels.x.account_activity import Parsed, parse_account_activity
from bot.channels.x.client import XClient, client_from_settings
from bot.channels.x.collect import collect_post
from bot.channels.x.inbound import Deletion, Ignored, Inbound
from bot.channels.x.memory import DbChoices, DbSeenEvents
from bot.channels.x.output import CHANNEL_NAME, ChoiceMemory, XOutput
from bot.channels.x.pending import PendingReplies
from bot.channels.x.routes import (
    X_LARGEST_DELIVERY_BYTES,
    crc_answer,
    max_body_bytes,
    read_delivery,
    retry_later,
)
from bot.channels.x.state import count_unknown_types, note_subscribed
from bot.channels.x.xaa import is_xaa, parse_xaa
from bot.config import Settings, settings
from bot.storage.db import engine_for, session_scope

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def parse_delivery(payload: dict[str, Any], cfg: Settings) -> Parsed:
    """Any of X's webhook formats, by its shape."""
    from bot.channels.x.stream import is_stream_delivery, parse_stream_delivery

    if is_xaa(payload):
        parse = parse_xaa
    elif is_stream_delivery(payload):
        parse = parse_stream_delivery
    else:
        parse = parse_account_activity
    return parse(payload, cfg.x_bot_user_id, cfg.x_hashtag, cfg.max_message_chars)


class XInput(InputChannel):
    """Rasa input channel for X's webhooks (and the hashtag source it starts)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if credentials:
            logger.warning(
                "X channel: credentials.yml values %s are ignored; X secrets are read from "
                "the environment (X_CONSUMER_SECRET, ...)",
                sorted(credentials),
            )
        return cls()

    def __init__(
        self,
        cfg: Settings | None = None,
        client: XClient | None = None,
        *,
        engine: Engine | None = None,
        seen: Any = None,
        choices: ChoiceMemory | None = None,
    ) -> None:
        self.cfg = cfg or settings()
        self.engine = engine or engine_for(self.cfg.database_url)
        self.client = client or client_from_settings(
            self.cfg,
            ledger=lambda kind, units: spend.record(kind, units, self.engine),
            session=self._oauth2_session(),
        )
        self.seen = seen if seen is not None else DbSeenEvents(self.engine)
        self.choices = choices if choices is not None else DbChoices(self.engine)
        self.gate = spend.SpendGate(self.cfg.x_monthly_budget_usd, self.engine)
        self.pending = PendingReplies(self.engine)  # replies X did not take (fault probe s46)
        self._tasks: list[asyncio.Task] = []
        self._accounts: set[str] = set()  # subscribed accounts seen (see `_is_bot`)

    def _oauth2_session(self) -> Any:
        """An OAuth 2.0 user-context session when tokens are stored, else None (OAuth 1.0a)."""
        if not self.cfg.x_oauth2_client_id:
            return None
        from bot.channels.x.oauth2 import session_from_store

        try:
            return session_from_store(self.cfg, self.engine)
        except Exception:  # noqa: BLE001 - e.g. not migrated yet: fall back to OAuth 1.0a
            logger.exception("X: OAuth 2.0 tokens could not be read; using OAuth 1.0a")
            return None

    def url_prefix(self) -> str:
        return CHANNEL_NAME

    def _output(self, reply_to: str = "") -> XOutput:
        return XOutput(
            self.client,
            self.choices,
            self.cfg.x_bot_user_id,
            reply_to,
            bot_username=self.cfg.x_bot_username,
            gate=self.gate,
            pending=self.pending,
        )

    def get_output_channel(self) -> OutputChannel:
        """For DMs started by the bot (e.g. Rasa's trigger_intent with output_channel=x)."""
        return self._output()

    def output_for(self, item: Inbound) -> XOutput:
        """Only a summoned post gets a public output: X refuses replies to anything else."""
        return self._output(item.tweet_id if item.kind == "post" else "")

    async def _collect(self, item: Inbound, only_a_view: bool = False) -> bool:
        try:
            stored = await asyncio.to_thread(
                collect_post, item, self.engine, only_a_view=only_a_view
            )
            return stored is not None
        except Exception:  # noqa: BLE001 - logged; one post must not lose the others
            logger.exception("X: could not store public post %s", item.tweet_id)
            if item.kind == "public":  # nothing else was done with it: a retry may store it
                await asyncio.to_thread(self.seen.release, item.dedupe_key)
            return False

    async def _edit(self, item: Inbound) -> bool:
        """An edit of a post already handled: never answered again; the view it edits takes
        its words, or, with no version kept, it is kept as on first sight: an edit that added
        a view to a post answered before was dropped (X format probe s44)."""
        try:
            stored = await asyncio.to_thread(
                collect_post, item, self.engine, only_a_view=not item.collect
            )
            return stored is not None
        except Exception:  # noqa: BLE001 - logged; the first version stays
            logger.exception("X: could not apply the edit %s", item.tweet_id)
            return False

    async def dispatch(
        self, items: list[Inbound], on_new_message: OnNewMessage
    ) -> tuple[int, list[Ignored]]:
        """Answers DMs and summoned posts (through Rasa) and collects hashtag posts; returns
        how many were handled and the rest."""
        handled = 0
        ignored: list[Ignored] = []
        for item in items:
            seen = await asyncio.to_thread(self.seen.seen, item.dedupe_key)
            if seen:
                if item.original_id and item.kind != "dm" and await self._edit(item):
                    handled += 1  # an edit of a stored view: the view now says what X shows
                else:
                    ignored.append(Ignored(item.event_id, "duplicate"))
                continue
            try:
                handled += await self._handle(item, on_new_message, ignored)
            finally:  # the claim lapses unless the turn finishes (or was released)
                await asyncio.to_thread(self.seen.done, item.dedupe_key)
        return handled, ignored

    async def _handle(
        self, item: Inbound, on_new_message: OnNewMessage, ignored: list[Ignored]
    ) -> int:
        """One claimed delivery: collected, answered through Rasa or refused; 1 if handled."""
        collected = False
        if item.collect or item.kind == "public":
            collected = await self._collect(item)
        elif item.kind == "post":  # summoned, no hashtag: kept if it is a view
            await self._collect(item, only_a_view=True)
        if item.kind == "public":
            if not item.text.strip():
                ignored.append(Ignored(item.event_id, "empty"))
            return int(collected)
        if item.too_long and item.kind == "dm" and not item.quick_reply:
            # over our limit (X allows 10,000): cut silently, most of a long view would
            # be lost; the business is told, as the widget does, and nothing is stored
            await self.output_for(item).send_text_message(
                item.sender_id, TOO_LONG_TEXT.format(max=self.cfg.max_message_chars)
            )
            ignored.append(Ignored(item.event_id, "too_long"))
            return 0
        text = item.quick_reply or await asyncio.to_thread(
            self.choices.resolve, item.sender_id, item.for_rasa(self.cfg.max_message_chars)
        )
        if not text.strip():
            if item.kind == "dm":
                # a photo, GIF or voice note alone (links dropped, no words): asked for
                # words as the widget does, not dropped in silence (attack probe, 7 Dec);
                # a summoned post is not answered so (a public reply costs)
                await self.output_for(item).send_text_message(item.sender_id, NOT_TEXT_TEXT)
            ignored.append(Ignored(item.event_id, "empty"))
            return 0
        message = UserMessage(
            text=text[: self.cfg.max_message_chars],
            output_channel=self.output_for(item),
            sender_id=item.sender_id,
            input_channel=CHANNEL_NAME,
            message_id=item.event_id,
            metadata=item.metadata(),
        )
        try:
            await on_new_message(message)
            return 1
        except Exception:  # noqa: BLE001 - one bad message must not lose the others
            logger.exception("X: handling event %s failed", item.event_id)
            await asyncio.to_thread(self.seen.release, item.dedupe_key)
            ignored.append(Ignored(item.event_id, "error"))
            return 0

    async def forget_deleted_posts(self, deletions: list[Deletion]) -> int:
        """Deleted on X, deleted here (X's rules): a collected public post goes, and what a
        summoned post said is redacted in the transcript. Returns how many records went."""
        from bot.consultation import service
        from bot.storage.erasure import erase_public_post

        def erase(deletion: Deletion) -> int:
            with session_scope(self.engine) as session:
                gone = erase_public_post(session, deletion.tweet_id)
            return gone + service.forget_x_post(deletion.sender_id, deletion.tweet_id).events

        removed = 0
        for deletion in deletions:
            try:
                removed += await asyncio.to_thread(erase, deletion)
            except Exception:  # noqa: BLE001 - logged; X will not resend a deletion
                logger.exception("X: could not delete post %s", deletion.tweet_id)
        return removed

    async def _is_bot(self, user_id: str, accounts: list[str]) -> bool:
        """The bot account: `X_BOT_USER_ID`, or else an account X delivers for (remembered
        across deliveries and replicas: a revocation names no subscribed account)."""
        if self.cfg.x_bot_user_id:
            return user_id == self.cfg.x_bot_user_id
        if user_id in self._accounts:
            return True
        known = await asyncio.to_thread(note_subscribed, accounts, self.engine)
        self._accounts.update(known)
        return user_id in self._accounts

    async def _note_accounts(self, accounts: list[str]) -> None:
        if accounts and not self.cfg.x_bot_user_id and not set(accounts) <= self._accounts:
            self._accounts.update(await asyncio.to_thread(note_subscribed, accounts, self.engine))

    async def _revoked(self, user_ids: list[str], accounts: list[str]) -> None:
        for user_id in user_ids:
            if await self._is_bot(user_id, accounts):
                logger.error("X: the bot account revoked our access; sending stops")
                await asyncio.to_thread(spend.mark_revoked, user_id, self.engine)
            else:
                logger.info("X: user %s revoked our app (no tokens held for them)", user_id)

    async def handle_delivery(
        self, payload: dict[str, Any], on_new_message: OnNewMessage
    ) -> dict[str, Any]:
        parsed = parse_delivery(payload, self.cfg)
        handled, skipped = await self.dispatch(parsed.items, on_new_message)
        deleted = await self.forget_deleted_posts(parsed.deletions)
        await self._note_accounts(parsed.accounts)
        await self._revoked(parsed.revoked_by, parsed.accounts)
        if parsed.unknown_types:
            await asyncio.to_thread(count_unknown_types, parsed.unknown_types, self.engine)
        return {
            "status": "ok",
            "handled": handled,
            "deleted": deleted,
            "ignored": [i.__dict__ for i in parsed.ignored + skipped],
        }

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        x_webhook = Blueprint("x_webhook", __name__)
        http_errors.install(x_webhook)  # JSON 404/405/413, RASA_MAX_BODY_BYTES
        if max_body_bytes(self.cfg) < X_LARGEST_DELIVERY_BYTES:
            logger.warning(
                "X: RASA_MAX_BODY_BYTES=%d refuses X's largest deliveries (about %d bytes)",
                self.cfg.rasa_max_body_bytes,
                X_LARGEST_DELIVERY_BYTES,
            )
        action_session.close_on_stop(x_webhook)  # no unclosed pooled session at exit

        @x_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json(
                {
                    "status": "ok",
                    "webhook": "ready" if self.cfg.x_consumer_secret else "not_configured",
                    "replies": "outbox" if _is_outbox(self.client) else "x",
                }
            )

        @x_webhook.route("/webhook", methods=["GET"])
        async def challenge(request: Request) -> HTTPResponse:
            return crc_answer(request, self.cfg)

        @x_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            payload, refused = read_delivery(request, self.cfg)
            if payload is None:
                assert refused is not None  # one or the other
                return refused
            try:
                result = await self.handle_delivery(payload, on_new_message)
            except SQLAlchemyError:
                # the database is down, locked or read-only: X retries a non-200 for five
                # minutes, so say "not now" in the channel's own terms rather than Sanic's
                # bare 500 (fault probe, 7 Dec); what was handled before the fault stays
                # claimed, so only the rest is taken again
                logger.exception("X webhook: the database could not take the delivery")
                return retry_later(
                    {"error": "unavailable", "message": "The database is unavailable; retry later."}
                )
            if any(i["reason"] == "error" for i in result["ignored"]):
                # a turn failed and its claim was released: X redelivers a non-200 up to
                # three times in five minutes, and the rest of the delivery is then
                # skipped as duplicates, so only the failed message is taken again (a 200
                # told X it had landed, and it was lost)
                return retry_later({**result, "status": "retry"})
            return response.json(result, dumps=json.dumps)

        @x_webhook.listener("after_server_start")
        async def start_background(app: Any, loop: Any) -> None:
            from bot.channels.x.compliance import ComplianceSchedule
            from bot.channels.x.hashtag import source_for

            source = source_for(self, on_new_message)
            if source is not None:
                self._tasks.append(loop.create_task(source.run()))
            if self.cfg.x_consumer_secret:
                # Public posts are tagged in this process: load the tagger now (a few
                # seconds) rather than while X waits for the first post's 200.
                self._tasks.append(loop.create_task(asyncio.to_thread(_preload_tagger)))
            schedule = ComplianceSchedule.from_channel(self)
            if schedule is not None:
                self._tasks.append(loop.create_task(schedule.run()))
            self._tasks.append(loop.create_task(self.pending.run(self.client, self.gate)))

        @x_webhook.listener("before_server_stop")
        async def stop_background(app: Any, loop: Any) -> None:
            for task in self._tasks:
                task.cancel()

        return x_webhook


def _preload_tagger() -> None:
    from bot.tagging import TaggerModelMissing, engine

    try:
        engine()
    except TaggerModelMissing:
        logger.error("X: no trained tagger; public posts will be stored untagged")


def _is_outbox(client: XClient) -> bool:
    from bot.channels.x.client import OutboxClient

    return isinstance(client, OutboxClient)
