"""Finds #bucksLIS posts that the webhook never sees, by recent search or filtered stream.

Why beside the webhook: X's webhooks (Account Activity, XAA) deliver what involves the bot
account (its DMs, mentions of it, replies to it), not keyword matches; a business posting
"Our barrier is broadband #bucksLIS" without mentioning the bot is found here. Keyword
matching is the Filtered Stream's job (`stream.py`, X_STREAM=1 with X_BEARER_TOKEN); without
it, `SearchPoller` asks v2 recent search for `<X_HASHTAG> -is:retweet -from:<bot>` every
X_POLL_SECONDS. Both are a `HashtagSource` (`run()`), both feed the channel's `dispatch`
(same cleaning and the same de-duplication as the webhook: a post that both mentions the
bot and carries the hashtag is handled once), and both keep their position in the database
(`x_state`) so replicas and restarts agree. On the very first start search only records
where "now" is, so a week of old posts is not pulled in one burst.

Runs inside the Rasa process (started by the channel's blueprint once the server is up)
and only when X_BOT_USER_ID is set (the bot's own replies may carry the hashtag).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Protocol

from bot.channels.x.client import XAPIError, XClient
from bot.channels.x.inbound import (
    Ignored,
    Inbound,
    as_dict,
    as_str,
    inbound_from_v2_post,
    usernames_from_includes,
)
from bot.channels.x.state import SEARCH_SINCE_ID, get_state, set_state
from bot.channels.x.visibility import users_in_includes

if TYPE_CHECKING:
    from bot.channels.x.webhook import OnNewMessage, XInput

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 15 * 60
# Pages (of 100 posts) one search poll reads at most: X keeps a page's `next_token` valid,
# so a longer backlog (days of posts after an outage) is read on by the next polls rather
# than in one burst of billed reads (X format probe s45)
MAX_PAGES_PER_POLL = 10


class HashtagSource(Protocol):
    async def run(self) -> None: ...


def search_query(hashtag: str, bot_user_id: str) -> str:
    """Also the filtered stream's rule: the hashtag, no retweets, not the bot's own posts."""
    tag = "#" + hashtag.strip().lstrip("#")
    query = f"{tag} -is:retweet"
    return f"{query} -from:{bot_user_id}" if bot_user_id else query


def inbound_from_search(
    result: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int
) -> tuple[list[Inbound], list[Ignored]]:
    """v2 search (or stream) results as messages (oldest first), and what was ignored."""
    usernames = usernames_from_includes(result.get("includes"))
    authors = users_in_includes(result.get("includes"))
    data = result.get("data")
    posts = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    items: list[Inbound] = []
    ignored: list[Ignored] = []
    for tweet in reversed(posts):
        found = inbound_from_v2_post(
            tweet,
            bot_user_id,
            hashtag,
            max_chars,
            usernames=usernames,
            authors=authors,
            includes=result.get("includes"),
        )
        if isinstance(found, Ignored):
            ignored.append(found)
        else:
            items.append(found)
    return items, ignored


def _meta(result: Any, key: str, *, top: bool = False) -> str | None:
    """`result["meta"][key]` (or `result[key]` when `top`) as a string, None when absent."""
    holder = as_dict(result) if top else as_dict(as_dict(result).get("meta"))
    return as_str(holder.get(key)) or None


class SearchPoller:
    """Polls recent search and hands new hashtag posts to the X channel."""

    def __init__(
        self, channel: XInput, on_new_message: OnNewMessage, client: XClient, interval: float
    ) -> None:
        self.channel = channel
        self.on_new_message = on_new_message
        self.client = client
        self.interval = interval

    def position(self) -> dict[str, Any] | None:
        """None before the first search ever; then `{"since_id": newest id seen or None}`."""
        value = get_state(SEARCH_SINCE_ID, self.channel.engine)
        if value is None:
            return None
        return value if isinstance(value, dict) else {"since_id": str(value)}

    @property
    def since_id(self) -> str | None:
        position = self.position()
        return str(position["since_id"]) if position and position.get("since_id") else None

    def _page(self, query: str, since: str | None, token: str | None) -> dict[str, Any]:
        if token:
            return self.client.search_recent(query, since, next_token=token)
        return self.client.search_recent(query, since)

    async def poll_once(self) -> int:
        """One poll: every page X gives for it, up to `MAX_PAGES_PER_POLL` (the rest on the
        next poll, from X's `next_token`); returns how many posts were handled (answered or
        collected). Only the first page's `newest_id` moves the poll on (X's pagination page,
        "Polling"): a poll that read only the first 100 posts and started the next after
        their newest lost every older one (X format probe s45). The position is written
        once its posts are dispatched, so a poll that fails is read again, not skipped."""
        cfg, engine = self.channel.cfg, self.channel.engine
        query = search_query(cfg.x_hashtag, cfg.x_bot_user_id)
        position = await asyncio.to_thread(self.position)
        if position is None:  # first start ever: only record where "now" is
            first = await asyncio.to_thread(self._page, query, None, None)
            await asyncio.to_thread(
                set_state, SEARCH_SINCE_ID, {"since_id": _meta(first, "newest_id")}, engine
            )
            return 0
        since = _meta(position, "since_id", top=True)
        token = _meta(position, "next_token", top=True)
        newest = _meta(position, "newest_id", top=True)
        pages: list[dict[str, Any]] = []
        for _ in range(MAX_PAGES_PER_POLL):
            result = await asyncio.to_thread(self._page, query, since, token)
            pages.append(result)
            if token is None:  # a poll's first page: its newest is where the next one starts
                newest = _meta(result, "newest_id")
            token = _meta(result, "next_token")
            if token is None:
                break
        items: list[Inbound] = []
        for result in reversed(pages):  # X pages newest first: the oldest page first
            found, _ = inbound_from_search(
                result, cfg.x_bot_user_id, cfg.x_hashtag, cfg.max_message_chars
            )
            items.extend(found)
        handled, _ = await self.channel.dispatch(items, self.on_new_message)
        after = (
            {"since_id": since, "next_token": token, "newest_id": newest}
            if token
            else {"since_id": newest or since}
        )
        await asyncio.to_thread(set_state, SEARCH_SINCE_ID, after, engine)
        return handled

    async def run(self) -> None:
        delay = self.interval
        while True:
            try:
                await self.poll_once()
                delay = self.interval
            except asyncio.CancelledError:
                raise
            except XAPIError as error:
                delay = min(MAX_BACKOFF_SECONDS, delay * 2 if error.status == 429 else delay)
                logger.warning("X search: %s (next try in %.0fs)", error, delay)
            except Exception:  # noqa: BLE001 - keep listening
                logger.exception("X search: poll failed")
            await asyncio.sleep(delay)


def source_for(channel: XInput, on_new_message: OnNewMessage) -> HashtagSource | None:
    """The filtered stream when X_STREAM=1 (and a bearer token), else search polling when
    the channel can reach X; None when neither can run."""
    cfg = channel.cfg
    if not cfg.x_bot_user_id:
        logger.warning("X hashtag source off: set X_BOT_USER_ID to the bot account's id")
        return None
    if cfg.x_stream:
        if not cfg.x_bearer_token:
            logger.warning("X_STREAM=1 needs X_BEARER_TOKEN; using recent search instead")
        else:
            from bot.channels.x.stream import StreamReader

            return StreamReader(channel, on_new_message, cfg)
    if not cfg.x_can_send or cfg.x_poll_seconds <= 0:
        logger.info("X hashtag search off (needs X OAuth values and X_POLL_SECONDS > 0)")
        return None
    return SearchPoller(channel, on_new_message, channel.client, float(cfg.x_poll_seconds))
