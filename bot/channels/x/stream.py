"""The filtered stream: #bucksLIS posts pushed to us over one persistent connection.

Keyword matching is the Filtered Stream's job in 2026 (XAA filters by user, not keyword).
At start the rule set is made exactly ours (`<hashtag> -is:retweet -from:<bot>`, tag
`bucks-lis`): stale rules are deleted, ours added if missing. Then one connection to
`/2/tweets/search/stream` (app-only bearer token) is read line by line: a blank line is
X's keep-alive (every 20 s; none for `read_timeout` seconds means the connection is dead),
a JSON line is a post, handed to the channel's `dispatch` like a search result. Each post
delivered is a read X bills ($0.005), so it is recorded.

Reconnecting follows X's rules ("Handling disconnections"): after an established connection
drops, reconnect at once; on a network error back off linearly (+250 ms, at most 16 s); on
an HTTP error exponentially (from 5 s, doubling, at most 320 s); on 429 exponentially from
one minute.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.channels.x import spend
from bot.channels.x.account_activity import Parsed
from bot.channels.x.client import XAPIError
from bot.channels.x.hashtag import inbound_from_search, search_query
from bot.channels.x.inbound import Ignored, Inbound, as_list
from bot.channels.x.state import STREAM_LAST_ID, set_state
from bot.config import Settings

if TYPE_CHECKING:
    from bot.channels.x.webhook import OnNewMessage, XInput

logger = logging.getLogger(__name__)

RULE_TAG = "bucks-lis"
STREAM_PATH = "/2/tweets/search/stream"
STREAM_PARAMS = {
    "tweet.fields": "author_id,created_at,entities,referenced_tweets,in_reply_to_user_id,"
    "note_tweet,display_text_range,withheld,attachments",
    # a poll's options are the author's words too (`entities.poll_options`, X format probe s46)
    "expansions": "author_id,attachments.poll_ids",
    "poll.fields": "options",
    # whether a post may be kept as a public view (`visibility.py`, X format probe s44)
    "user.fields": "username,protected,withheld",
}


class Backoff:
    """X's reconnection delays, by what went wrong."""

    def __init__(self) -> None:
        self.delay = 0.0
        self.kind = ""

    def reset(self) -> None:
        self.delay, self.kind = 0.0, ""

    def after(self, kind: str) -> float:
        """The wait before the next attempt after `kind`: "dropped" (an established
        connection ended), "network", "http" or "rate_limited"."""
        if kind == "dropped":
            self.reset()
            return 0.0
        if kind != self.kind:
            self.delay, self.kind = 0.0, kind
        if kind == "network":
            self.delay = min(16.0, self.delay + 0.25)
        elif kind == "rate_limited":
            self.delay = 60.0 if not self.delay else min(15 * 60.0, self.delay * 2)
        else:
            self.delay = 5.0 if not self.delay else min(320.0, self.delay * 2)
        return self.delay


@dataclass
class StreamLine:
    """One line of the stream: a keep-alive (nothing), a post, or X's message about one."""

    items: list[Inbound] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    post_id: str = ""  # a post was delivered (and billed), even if it is not for us
    problem: str = ""  # X's in-stream error, or a line we could not read


def _describe(error: dict[str, Any]) -> str:
    title = str(error.get("title") or error.get("type") or "error")
    return f"{title}: {error['detail']}" if error.get("detail") else title


def parse_stream_line(
    line: bytes | str, bot_user_id: str, hashtag: str, max_chars: int
) -> StreamLine:
    """A stream line as messages. Blank lines (`\\r\\n`) are X's keep-alive; `{"errors":
    [...]}` (e.g. operational-disconnect, sent before X closes the stream) and lines that are
    not a post are reported in `problem`, never raised: the connection goes on."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    if not line.strip():
        return StreamLine()
    try:
        result = json.loads(line)
    except ValueError:
        return StreamLine(problem="a line that is not JSON was skipped")
    if not isinstance(result, dict):
        return StreamLine(problem="a line that is not a JSON object was skipped")
    # X sends a list; anything else is skipped, never iterated: `"errors": 5` raised out of
    # here and dropped the connection (X format probe s45)
    errors = [e for e in as_list(result.get("errors")) if isinstance(e, dict)]
    if not errors and result.get("title"):  # a problem object on its own (ConnectionException)
        errors = [result]
    problem = "; ".join(_describe(e) for e in errors)
    data = result.get("data")
    if not isinstance(data, dict):
        return StreamLine(problem=problem or "a line without a post was skipped")
    items, ignored = inbound_from_search(result, bot_user_id, hashtag, max_chars)
    return StreamLine(items, ignored, str(data.get("id") or ""), problem)


def is_stream_delivery(payload: dict[str, Any]) -> bool:
    """A filtered-stream post pushed to the webhook (X's "Filtered Stream Webhooks")."""
    data = payload.get("data")
    return isinstance(data, dict) and "matching_rules" in payload and "event_type" not in data


def parse_stream_delivery(
    payload: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int
) -> Parsed:
    """The same post a stream line would carry, as a webhook delivery."""
    items, ignored = inbound_from_search(payload, bot_user_id, hashtag, max_chars)
    return Parsed(items=items, ignored=ignored)


def sync_rules(client: Any, wanted: str) -> dict[str, Any]:
    """Make the stream's rule set exactly [`wanted`]; returns what changed."""
    rules = client.stream_rules()
    stale = [str(r.get("id")) for r in rules if r.get("value") != wanted]
    present = any(r.get("value") == wanted for r in rules)
    add = [] if present else [{"value": wanted, "tag": RULE_TAG}]
    if stale or add:
        client.change_stream_rules(add=add, delete_ids=stale)
    return {"deleted": stale, "added": [r["value"] for r in add]}


class StreamReader:
    """Reads the filtered stream forever, reconnecting as X asks."""

    def __init__(
        self,
        channel: XInput,
        on_new_message: OnNewMessage,
        cfg: Settings,
        *,
        read_timeout: float = 30.0,
        sleep: Callable[[float], Any] | None = None,
        max_connections: int | None = None,
    ) -> None:
        self.channel = channel
        self.on_new_message = on_new_message
        self.cfg = cfg
        self.read_timeout = read_timeout
        self.sleep = sleep or asyncio.sleep
        self.max_connections = max_connections  # tests stop after this many
        self.backoff = Backoff()
        self.connections = 0
        self.delays: list[float] = []
        self._established = False

    def _session(self) -> Any:
        import requests

        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.cfg.x_bearer_token}"
        return session

    def _read(self, loop: asyncio.AbstractEventLoop) -> int:
        """One connection, until it ends; returns the posts it delivered."""
        url = self.cfg.x_api_base.rstrip("/") + STREAM_PATH
        delivered = 0
        self._established = False
        with self._session().get(
            url, params=STREAM_PARAMS, stream=True, timeout=(10, self.read_timeout)
        ) as response:
            if response.status_code >= 400:
                raise XAPIError(response.status_code, response.text, STREAM_PATH)
            self._established = True
            for line in response.iter_lines():
                parsed = parse_stream_line(
                    line, self.cfg.x_bot_user_id, self.cfg.x_hashtag, self.cfg.max_message_chars
                )
                if parsed.problem:
                    logger.warning("X stream: %s", parsed.problem)
                if not parsed.post_id:
                    continue
                delivered += 1
                spend.record("read", 1, self.channel.engine)
                set_state(STREAM_LAST_ID, parsed.post_id, self.channel.engine)
                asyncio.run_coroutine_threadsafe(
                    self.channel.dispatch(parsed.items, self.on_new_message), loop
                ).result()
        return delivered

    async def run(self) -> None:
        wanted = search_query(self.cfg.x_hashtag, self.cfg.x_bot_user_id)
        changed = await asyncio.to_thread(sync_rules, self.channel.client, wanted)
        logger.info("X stream rules in sync (%s)", changed)
        loop = asyncio.get_running_loop()
        while self.max_connections is None or self.connections < self.max_connections:
            self.connections += 1
            try:
                await asyncio.to_thread(self._read, loop)
                kind = "dropped"
            except asyncio.CancelledError:
                raise
            except XAPIError as error:
                kind = "rate_limited" if error.status == 429 else "http"
                logger.warning("X stream: %s", error)
            except Exception as error:  # noqa: BLE001 - network: reset, timeout, refused
                kind = "dropped" if self._established else "network"
                logger.warning("X stream disconnected: %s", error)
            delay = self.backoff.after(kind)
            self.delays.append(delay)
            if delay:
                await self.sleep(delay)
