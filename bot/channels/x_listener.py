"""Polls X for posts carrying the consultation hashtag that the webhook never sees.

Why this exists beside the webhook: X's Account Activity API delivers only activity that
involves the subscribed account (its DMs, @mentions of it, replies to it). A business that
posts "Our biggest barrier is broadband #bucksLIS" without mentioning the bot never reaches
the webhook, so this listener asks API v2 recent search for
`<X_HASHTAG> -is:retweet -from:<bot>` every X_POLL_SECONDS (default 60; 0 turns it off)
and feeds new posts through the same path as the webhook (`XInput.dispatch`: same sender
ids `x-post-<user id>`, same cleaning, and the same de-duplication, so a post that both
mentions the bot and carries the hashtag is handled once).

It runs inside the Rasa process (started by the channel's blueprint once the server is up)
and only when all four X OAuth values and X_BOT_USER_ID are set (the bot's own replies may
carry the hashtag; without its id they would come back as messages). The newest post id
seen is kept in `var/x-since-id`; on the very first start it only records where "now" is,
so the bot does not answer a week of old posts in one burst.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.channels.x_client import XAPIError, XClient
from bot.config import VAR_DIR

if TYPE_CHECKING:
    from bot.channels.x import Ignored, Inbound, OnNewMessage, XInput

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 15 * 60


def since_id_path() -> Path:
    return Path(os.environ.get("BUCKS_LIS_VAR_DIR") or VAR_DIR) / "x-since-id"


def search_query(hashtag: str, bot_user_id: str) -> str:
    tag = "#" + hashtag.strip().lstrip("#")
    query = f"{tag} -is:retweet"
    return f"{query} -from:{bot_user_id}" if bot_user_id else query


def inbound_from_search(
    result: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int
) -> tuple[list[Inbound], list[Ignored]]:
    """v2 recent-search results as messages (oldest first), and what was ignored."""
    from bot.channels.x import Ignored, Inbound, clean_text, has_hashtag

    usernames = {
        str(user.get("id")): str(user.get("username") or "")
        for user in (result.get("includes") or {}).get("users") or []
        if isinstance(user, dict)
    }
    items: list[Inbound] = []
    ignored: list[Ignored] = []
    for tweet in reversed(result.get("data") or []):
        if not isinstance(tweet, dict) or not tweet.get("id") or not tweet.get("author_id"):
            ignored.append(Ignored("", "malformed_event"))
            continue
        tweet_id, author = str(tweet["id"]), str(tweet["author_id"])
        raw = str(tweet.get("text") or "")
        if author == bot_user_id:
            ignored.append(Ignored(tweet_id, "own_message"))
            continue
        references = tweet.get("referenced_tweets") or []
        if raw.startswith("RT @") or any(
            isinstance(r, dict) and r.get("type") == "retweeted" for r in references
        ):
            ignored.append(Ignored(tweet_id, "retweet"))
            continue
        tags = [
            str(h.get("tag") or "")
            for h in (tweet.get("entities") or {}).get("hashtags") or []
            if isinstance(h, dict)
        ]
        if not has_hashtag(raw, hashtag, tags):
            ignored.append(Ignored(tweet_id, "not_for_the_consultation"))
            continue
        text = clean_text(html.unescape(raw), hashtag, max_chars)
        items.append(Inbound("post", tweet_id, author, text, usernames.get(author, ""), tweet_id))
    return items, ignored


class HashtagListener:
    """Polls recent search and hands new hashtag posts to the X channel."""

    def __init__(
        self, channel: XInput, on_new_message: OnNewMessage, client: XClient,
        interval: float, state_path: Path | None = None,
    ) -> None:
        self.channel = channel
        self.on_new_message = on_new_message
        self.client = client
        self.interval = interval
        self.state_path = state_path or since_id_path()
        self.since_id = self._load()
        self._baselined = self.since_id is not None

    @classmethod
    def from_channel(
        cls, channel: XInput, on_new_message: OnNewMessage
    ) -> HashtagListener | None:
        cfg = channel.cfg
        if not cfg.x_can_send or cfg.x_poll_seconds <= 0:
            logger.info("X hashtag listener off (needs X OAuth values and X_POLL_SECONDS > 0)")
            return None
        if not cfg.x_bot_user_id:
            # The bot's own replies may carry the hashtag: without its id they would loop.
            logger.warning("X hashtag listener off: set X_BOT_USER_ID to the bot account's id")
            return None
        return cls(channel, on_new_message, channel.client, float(cfg.x_poll_seconds))

    def _load(self) -> str | None:
        try:
            value = self.state_path.read_text().strip()
        except OSError:
            return None
        return value if value.isdigit() else None

    def _save(self, since_id: str) -> None:
        self.since_id = since_id
        try:
            self.state_path.parent.mkdir(parents=True, exist_ok=True)
            self.state_path.write_text(since_id)
        except OSError:
            logger.warning("X listener: could not save %s", self.state_path)

    async def poll_once(self) -> int:
        """One search; returns how many posts were handed to Rasa."""
        cfg = self.channel.cfg
        result = await asyncio.to_thread(
            self.client.search_recent, search_query(cfg.x_hashtag, cfg.x_bot_user_id),
            self.since_id,
        )
        newest = str((result.get("meta") or {}).get("newest_id") or "")
        first_run = not self._baselined
        self._baselined = True
        if newest:
            self._save(newest)
        if first_run:
            return 0
        items, _ = inbound_from_search(
            result, cfg.x_bot_user_id, cfg.x_hashtag, cfg.max_message_chars
        )
        handled, _ = await self.channel.dispatch(items, self.on_new_message)
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
                logger.warning("X listener: %s (next try in %.0fs)", error, delay)
            except Exception:  # noqa: BLE001 - keep listening
                logger.exception("X listener: poll failed")
            await asyncio.sleep(delay)
