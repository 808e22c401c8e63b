"""A failed turn that was saved after all is not run a second time when it is resent.

When the database goes away at the end of a turn, the tracker store's save can raise
although its events reached the database (PostgreSQL killed after writing the commit but
before answering it). The REST channel then answers 503 and the client sends the same
message again. Run again, that message is a new turn on a conversation that has already
moved on: an answer is stored a second time against the next question, a resent "/skip"
skips one question too many, and every later answer lands one question off (seen in
tests/production/test_faults.py when PostgreSQL is killed under load).

So a turn that raises is remembered by its message id (per sender, with its text). When
that sender next sends the same text, the transcript decides: if its latest user message
is the failed turn's, that turn was saved, and the replies it saved are sent again
without running anything. Otherwise the message runs as usual: the failed attempt left
nothing in the transcript, so the conversation is where it was and an answer the action
server stored on that attempt is found again (`service.record_answer`).

Failed turns are remembered in Redis when REDIS_HOST is set (a resend may reach another
replica), and always in the process as well, for when Redis is down.
"""

from __future__ import annotations

import contextvars
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered, Event, UserUtteranceReverted, UserUttered

from bot.redis_fallback import RedisFallback, redis_client

logger = logging.getLogger(__name__)

KEY_PREFIX = "bucks_lis:failed_turn:"
TTL_SECONDS = 24 * 3600  # a resend comes within seconds or minutes; a day is plenty
MAX_LOCAL = 10_000
NO_REDIS = object()  # Redis not configured or not answering


@dataclass
class FailedTurn:
    """The text of a turn that failed, and the message ids of its failed attempts."""

    text: str
    message_ids: list[str] = field(default_factory=list)

    def dumps(self) -> str:
        return json.dumps({"text": self.text, "message_ids": self.message_ids})

    @classmethod
    def loads(cls, raw: bytes | str) -> FailedTurn:
        data = json.loads(raw)
        return cls(str(data["text"]), [str(m) for m in data["message_ids"]])


class FailedTurns:
    """Per sender, the latest turn that failed: in the process, and in Redis if given.

    While Redis does not answer it is left alone for `retry_seconds` (bot/redis_fallback.py,
    as the flood limits and locks do), so a hung Redis costs one short timeout per interval,
    not one per turn."""

    retry_seconds = 5.0

    def __init__(
        self,
        client: Any = None,  # noqa: ANN401 - redis.Redis or None
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self._local: OrderedDict[str, FailedTurn] = OrderedDict()
        # senders whose failed turn Redis never received (it was down): Redis's silence
        # about them is not an answer, so this process's copy stands until it is written
        self._unsynced: set[str] = set()
        self.fallback = RedisFallback(
            "failed turns are kept per process",
            "failed turns are shared by replicas again",
            logger,
            retry_seconds=self.retry_seconds,
            clock=clock,
        )

    def _redis(self, call: Callable[[Any], Any]) -> Any:  # noqa: ANN401
        """`call(client)`, or NO_REDIS (none configured, or not answering)."""
        if self.client is None:
            return NO_REDIS
        return self.fallback.call(lambda: call(self.client), lambda: NO_REDIS)

    def remember(self, sender_id: str, text: str, message_id: str) -> None:
        """Add a failed attempt (a resend of the same text that fails too joins it)."""
        turn = self.peek(sender_id)
        if turn is None or turn.text != text:
            turn = FailedTurn(text)
        if message_id not in turn.message_ids:
            turn.message_ids.append(message_id)
        self._local[sender_id] = turn
        self._local.move_to_end(sender_id)
        while len(self._local) > MAX_LOCAL:
            self._unsynced.discard(self._local.popitem(last=False)[0])
        self._save(sender_id, turn)

    def _save(self, sender_id: str, turn: FailedTurn) -> bool:
        """Write the turn to Redis; remember when that could not be done."""
        saved = self._redis(lambda r: r.set(KEY_PREFIX + sender_id, turn.dumps(), ex=TTL_SECONDS))
        if saved is NO_REDIS:
            self._unsynced.add(sender_id)
            return False
        self._unsynced.discard(sender_id)
        return True

    def peek(self, sender_id: str) -> FailedTurn | None:
        """Redis's entry when Redis answers (another replica may have settled the turn,
        leaving this process's copy stale), else this process's. A turn that failed while
        Redis was down is not in Redis: this process's copy is used, and written to Redis
        once it answers (the transcript still decides whether the turn was saved)."""
        raw = self._redis(lambda r: r.get(KEY_PREFIX + sender_id))
        if raw is NO_REDIS:
            return self._local.get(sender_id)
        if not raw and sender_id in self._unsynced and sender_id in self._local:
            turn = self._local[sender_id]
            self._save(sender_id, turn)
            return turn
        try:
            return FailedTurn.loads(raw) if raw else None
        except (ValueError, KeyError, TypeError):
            logger.warning("Ignored a malformed failed turn in Redis for %s", sender_id)
            return None

    def forget(self, sender_id: str) -> None:
        self._local.pop(sender_id, None)
        self._unsynced.discard(sender_id)
        self._redis(lambda r: r.delete(KEY_PREFIX + sender_id))


def saved_replies(events: Iterable[Event], turn: FailedTurn) -> list[dict[str, Any]] | None:
    """The replies of the failed turn if the transcript's latest user message is one of its
    attempts (so it was saved after all), else None. A turn that was rewound after it
    (the action server failed: an apology, then `UserUtteranceReverted`) was not done: None,
    so the resend runs it."""
    replies: list[dict[str, Any]] | None = None
    for event in events:
        if isinstance(event, UserUttered):
            saved = event.message_id in turn.message_ids and event.text == turn.text
            replies = [] if saved else None
        elif isinstance(event, UserUtteranceReverted):
            replies = None
        elif isinstance(event, BotUttered) and replies is not None:
            replies.append(event.message())
    return replies


def taken_in_earlier(events: Iterable[Event], text: str, message_id: str) -> bool:
    """Whether the transcript holds a turn of this message (its id and text) that was not
    rewound after it (the action server failed): the message was taken in, wherever in
    the conversation, so a resend of it must not run again."""
    done = latest = False
    for event in events:
        if isinstance(event, UserUttered):
            done = done or latest
            latest = event.message_id == message_id and event.text == text
        elif isinstance(event, UserUtteranceReverted):
            latest = False  # the turn of the latest user message was undone
    return done or latest


_store: FailedTurns | None = None
# The id a client gave the message it is sending (REST `message_id`), for this turn's task:
# the same id again means the same message resent.
client_message_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "bucks_lis_client_message_id", default=None
)


def store() -> FailedTurns:
    """The process's failed turns (Redis-backed when REDIS_HOST is set)."""
    global _store
    if _store is None:
        from bot.config import settings

        cfg = settings()
        _store = FailedTurns(redis_client(cfg) if cfg.redis_host else None)
    return _store


async def _read_tracker(processor: MessageProcessor, sender_id: str) -> Any:  # noqa: ANN401
    """The conversation as the turn will find it, read without using up the tracker cache's
    copy (`ConsultationTrackerStore.retrieve_to_read`): a plain `retrieve` takes it, so
    every named turn (every widget message) would rebuild its tracker from the database."""
    store = processor.tracker_store
    inner = getattr(store, "_tracker_store", store)  # Rasa wraps ours in FailSafeTrackerStore
    read = getattr(inner, "retrieve_to_read", None)
    if read is None:
        return await store.retrieve(sender_id)
    return await read(sender_id)  # an error fails the turn, as transcript_guard makes it


async def _replay(processor: MessageProcessor, message: UserMessage) -> bool:
    """Send the saved turn's replies again if `message` resends a turn that was saved
    although its answer never arrived (True); False when the message must run.

    Two ways to know a resend: a turn that raised here was remembered (`FailedTurns`), or
    the client names its messages and sent this id before. The second also covers a
    replica killed after saving the turn, which could remember nothing, and a message
    resent after later ones: it was taken in already, so nothing runs and nothing is sent."""
    failed = store().peek(message.sender_id)
    if failed is not None and failed.text != message.text:
        store().forget(message.sender_id)  # the business moved on: the failed turn is settled
        failed = None
    remembered = failed is not None
    client_id = client_message_id.get()
    if failed is None:
        if not client_id or client_id != message.message_id:
            return False
        failed = FailedTurn(message.text, [client_id])
    tracker = await _read_tracker(processor, message.sender_id)
    events = list(tracker.events) if tracker else []
    replies = saved_replies(events, failed)
    if (
        replies is None
        and client_id
        and client_id == message.message_id
        and taken_in_earlier(events, message.text or "", client_id)
    ):
        # Resent after later messages (the widget's Retry on an unconfirmed message): its
        # replies are out of date, and running it would store its answer a second time.
        logger.warning("A message resent after later ones was taken in already: not run again")
        replies = []
    elif replies is not None:
        logger.warning(
            "A resent message's earlier turn was saved although its answer was lost: "
            "sending its %d saved replies again instead of running it twice",
            len(replies),
        )
        for reply in replies:
            await message.output_channel.send_response(message.sender_id, reply)
    if remembered:
        store().forget(message.sender_id)  # the transcript has decided
    return replies is not None


async def _handle_message(
    original: Any,  # noqa: ANN401 - MessageProcessor.handle_message
    processor: MessageProcessor,
    message: UserMessage,
) -> Any:  # noqa: ANN401 - Rasa's own result
    try:
        if not await _replay(processor, message):
            return await original(processor, message)
    except Exception:
        if message.sender_id and message.text:
            store().remember(message.sender_id, message.text, message.message_id)
        raise
    channel = message.output_channel
    return channel.messages if isinstance(channel, CollectingOutputChannel) else None


def install() -> None:
    """Wrap MessageProcessor.handle_message (idempotent)."""
    if getattr(MessageProcessor.handle_message, "_bucks_lis_resend", False):
        return
    original = MessageProcessor.handle_message

    async def handle_message(self: MessageProcessor, message: UserMessage) -> Any:  # noqa: ANN401
        return await _handle_message(original, self, message)

    handle_message._bucks_lis_resend = True  # type: ignore[attr-defined]
    MessageProcessor.handle_message = handle_message
