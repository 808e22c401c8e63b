"""Account Activity API deliveries (`for_user_id` + `direct_message_events`, ...) parsed.

X is retiring this API in favour of the X Activity API (`xaa.py`); both reach the same
webhook and both parse into a `Parsed`. The DM event shape is shared: XAA's `dm.received`
carries the same `direct_message_events` list.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from bot.channels.text import clean_message
from bot.channels.x import visibility
from bot.channels.x.entities import author_text, links_v1
from bot.channels.x.inbound import (
    Deletion,
    Ignored,
    Inbound,
    as_dict,
    as_list,
    as_str,
    bot_handles,
    classify_post,
    clean_text,
)

logger = logging.getLogger(__name__)


@dataclass
class Parsed:
    """Everything one webhook delivery asks of us."""

    items: list[Inbound] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    revoked_by: list[str] = field(default_factory=list)  # user ids that revoked our app
    unknown_types: list[str] = field(default_factory=list)  # event types we do not handle
    accounts: list[str] = field(default_factory=list)  # the subscribed accounts delivered for


def _screen_name(users: dict[str, Any], user_id: str) -> str:
    user = as_dict(users.get(user_id))
    user = as_dict(user.get("data")) or user  # XAA wraps each user in "data"
    return as_str(user.get("screen_name") or user.get("username"))


# X's milliseconds since 1970: ASCII digits only (`str.isdigit` takes "²", `int` does not)
TIMESTAMP_RE = re.compile(r"[0-9]{1,20}")


def _sent_at(event: Any) -> int:
    """X's `created_timestamp` (milliseconds, a string) of a DM event; 0 when absent or
    not ASCII digits: "²" passed `isdigit()` and `int()` raised, a 500 on a signed
    delivery (attack probe, 7 Dec)."""
    value = as_str(as_dict(event).get("created_timestamp"))
    return int(value) if TIMESTAMP_RE.fullmatch(value) else 0


def in_order_sent(events: list[Any]) -> list[Any]:
    """DM events in the order their senders sent them: X does not promise to list (or
    deliver) them in that order, and a conversation answered out of order stores each
    answer against another question. Unchanged unless every event carries its time."""
    if not all(_sent_at(event) for event in events):
        return events
    return sorted(events, key=_sent_at)


# v1.1's `created_at`: "Mon Nov 02 09:30:00 +0000 2026" (English names, whatever the locale)
V1_TIME_RE = re.compile(
    r"[A-Z][a-z]{2} (?P<month>[A-Z][a-z]{2}) (?P<day>[0-9]{2}) "
    r"(?P<clock>[0-9]{2}:[0-9]{2}:[0-9]{2}) (?P<offset>[+-][0-9]{4}) (?P<year>[0-9]{4})"
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def posted_at(tweet: dict[str, Any]) -> str:
    """When a v1.1 post was posted, as the ISO time the v2 sources give (`collect`): from
    `timestamp_ms`, else `created_at`; "" when neither is a time. Unread, a view was dated
    when it arrived, and one X retried or replayed (up to a day late) sat on the wrong day
    for staff and the board report (X format probe s46)."""
    millis = as_str(tweet.get("timestamp_ms"))
    try:
        if TIMESTAMP_RE.fullmatch(millis):
            when = datetime.fromtimestamp(int(millis) / 1000, timezone.utc)
        else:
            found = V1_TIME_RE.fullmatch(as_str(tweet.get("created_at")).strip())
            if found is None or found["month"] not in MONTHS:
                return ""
            when = datetime.strptime(
                f"{found['year']}-{MONTHS.index(found['month']) + 1:02d}-{found['day']}"
                f"T{found['clock']}{found['offset']}",
                "%Y-%m-%dT%H:%M:%S%z",
            )
    except (ValueError, OverflowError, OSError):  # day 99, offset +9999, year 10**12
        return ""
    return when.astimezone(timezone.utc).isoformat()


def _post_number(tweet: Any) -> int:
    """A post's id as a number (X's ids grow with time); 0 when not ASCII digits."""
    value = as_str(as_dict(tweet).get("id_str"))
    return int(value) if TIMESTAMP_RE.fullmatch(value) else 0


def in_order_posted(tweets: list[Any]) -> list[Any]:
    """`tweet_create_events` oldest first, by id: X lists (and batches) them in no promised
    order, and a business's thread to the bot ("1/2", "2/2") answered newest first meets
    each answer to the other question, as DMs did (X format probe s43). Unchanged unless
    every post carries a numeric `id_str`."""
    if not all(_post_number(tweet) for tweet in tweets):
        return tweets
    return sorted(tweets, key=_post_number)


# X's own limit on a DM's text: what is read before deciding the DM is too long
MAX_DM_CHARS = 10_000


def dm_events(payload: dict[str, Any], me: str, hashtag: str, max_chars: int, out: Parsed) -> None:
    """`direct_message_events` (Account Activity and XAA `dm.received`) into `out`, oldest
    first."""
    users = as_dict(payload.get("users"))
    for event in in_order_sent(as_list(payload.get("direct_message_events"))):
        if not isinstance(event, dict):
            out.ignored.append(Ignored("", "malformed_event"))
            continue
        event_id = as_str(event.get("id"))
        create = event.get("message_create")
        if event.get("type") != "message_create" or not isinstance(create, dict):
            out.ignored.append(Ignored(event_id, "not_a_message"))
            continue
        sender = as_str(create.get("sender_id"))
        data = as_dict(create.get("message_data"))
        if not event_id or not sender:
            out.ignored.append(Ignored(event_id, "malformed_event"))
            continue
        if sender == me:
            out.ignored.append(Ignored(event_id, "own_message"))
            continue
        quick = data.get("quick_reply_response")
        quick_payload = as_str(quick.get("metadata")) if isinstance(quick, dict) else ""
        links = links_v1(data.get("entities"))
        links.add(as_dict(as_dict(data.get("attachment")).get("media")).get("url"), hidden=True)
        typed = author_text(as_str(data.get("text")), links)
        mentions = as_dict(data.get("entities")).get("user_mentions")
        own = bot_handles(me, mentions, _screen_name(users, me))
        whole = clean_text(typed, hashtag, MAX_DM_CHARS, addressed_to=own)
        if not whole:
            # only the campaign's tag or the bot's handle ("#bucksLIS"): a business starting
            # the chat, given to Rasa as typed (greeted as "hi" is), not told it sent no
            # words as a photo alone is (X format probe, 7 Dec)
            whole = clean_message(typed)[:MAX_DM_CHARS]
        out.items.append(
            Inbound(
                "dm",
                event_id,
                sender,
                whole[:max_chars],
                _screen_name(users, sender),
                quick_reply=quick_payload[:max_chars],
                too_long=len(whole) > max_chars,
            )
        )


def _tweet_text(tweet: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The author's text and its entities: `extended_tweet` when X sent one (the root `text`
    of a long post is cut at 140 characters), the quote's own words (never the quoted post),
    without the links X added."""
    source = tweet
    extended = tweet.get("extended_tweet")
    if isinstance(extended, dict) and extended.get("full_text"):
        source = extended
    raw = as_str(source.get("full_text") or source.get("text"))
    entities = as_dict(source.get("entities") or tweet.get("entities"))
    quoted = as_dict(tweet.get("quoted_status"))
    quoted_ids = {
        as_str(tweet.get("quoted_status_id_str") or quoted.get("id_str") or quoted.get("id"))
    } - {""}
    links = links_v1(
        entities, quoted_ids=quoted_ids, permalink=tweet.get("quoted_status_permalink")
    )
    for holder in (tweet, source):
        for media in as_list(as_dict(holder.get("extended_entities")).get("media")):
            links.add(as_dict(media).get("url"), hidden=True)
    return author_text(raw, links, source.get("display_text_range")), entities


def _is_true(value: Any) -> bool:
    """X sends some flags as strings ("false"), which Python would take as true."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _tweet_events(
    payload: dict[str, Any], me: str, hashtag: str, max_chars: int, out: Parsed
) -> None:
    blocked = _is_true(payload.get("user_has_blocked")) or _is_true(payload.get("is_blocked_by"))
    for tweet in in_order_posted(as_list(payload.get("tweet_create_events"))):
        if not isinstance(tweet, dict):
            out.ignored.append(Ignored("", "malformed_event"))
            continue
        tweet_id = as_str(tweet.get("id_str") or tweet.get("id"))
        user = as_dict(tweet.get("user"))
        author = as_str(user.get("id_str") or user.get("id"))
        if not tweet_id or not author:
            out.ignored.append(Ignored(tweet_id, "malformed_event"))
            continue
        if blocked and author != me:
            # A mention by someone the bot account blocked: not a conversation to join.
            out.ignored.append(Ignored(tweet_id, "blocked_user"))
            continue
        raw, entities = _tweet_text(tweet)
        tags = [as_str(as_dict(h).get("text")) for h in as_list(entities.get("hashtags"))]
        replied_to_bot = bool(me) and as_str(tweet.get("in_reply_to_user_id_str")) == me
        mentioned = {
            as_str(as_dict(m).get("id_str") or as_dict(m).get("id"))
            for m in as_list(entities.get("user_mentions"))
        }
        quoted_user = as_dict(as_dict(tweet.get("quoted_status")).get("user"))
        summoned = bool(me) and (
            me in mentioned
            or replied_to_bot
            or as_str(quoted_user.get("id_str") or quoted_user.get("id")) == me
        )
        result = classify_post(
            tweet_id=tweet_id,
            author=author,
            raw=raw,
            me=me,
            hashtag=hashtag,
            max_chars=max_chars,
            summoned=summoned,
            # an object when it is one; a `null` (or absent) field is not a retweet
            is_retweet=isinstance(tweet.get("retweeted_status"), dict),
            tags=tags,
            screen_name=as_str(user.get("screen_name")),
            created_at=posted_at(tweet),
            original_id=as_str(as_dict(tweet.get("edit_history")).get("initial_tweet_id")),
            edit_ids=tuple(
                as_str(i) for i in as_list(as_dict(tweet.get("edit_history")).get("edit_tweet_ids"))
            ),
            addressed_to=bot_handles(
                me,
                entities.get("user_mentions"),
                tweet.get("in_reply_to_screen_name") if replied_to_bot else "",
            ),
            not_public=visibility.not_public(tweet, user),
        )
        if isinstance(result, Ignored):
            out.ignored.append(result)
        else:
            out.items.append(result)


def _deletions(payload: dict[str, Any], out: Parsed) -> None:
    for event in as_list(payload.get("tweet_delete_events")):
        status = as_dict(event).get("status")
        if not isinstance(status, dict):
            continue
        tweet_id, user_id = as_str(status.get("id")), as_str(status.get("user_id"))
        if tweet_id and user_id:
            out.deletions.append(Deletion(user_id, tweet_id))


def _revokes(payload: dict[str, Any], out: Parsed) -> None:
    revoke = as_dict(as_dict(payload.get("user_event")).get("revoke"))
    user_id = as_str(as_dict(revoke.get("source")).get("user_id"))
    if user_id:
        out.revoked_by.append(user_id)


def parse_account_activity(
    payload: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int
) -> Parsed:
    """An Account Activity payload: messages, deletions and revocations, and what was
    ignored and why."""
    out = Parsed()
    _replay_status(payload)
    for_user = as_str(payload.get("for_user_id"))
    if bot_user_id and for_user and for_user != bot_user_id:
        out.ignored.append(Ignored(for_user, "other_account"))
        return out
    me = bot_user_id or for_user
    if for_user:
        out.accounts.append(for_user)
    if not me:
        # Without knowing the bot's own id its replies would come back as messages: a loop.
        out.ignored.append(Ignored("", "unknown_account"))
        return out
    dm_events(payload, me, hashtag, max_chars, out)
    _tweet_events(payload, me, hashtag, max_chars, out)
    _deletions(payload, out)
    _revokes(payload, out)
    _not_handled(payload, out)
    return out


def _replay_status(payload: dict[str, Any]) -> None:
    """X's word that a replay job (`POST /2/webhooks/replay`, events of the last 24 hours
    redelivered; those already handled are dropped as duplicates) has finished: logged, as
    an "Incomplete" job must be started again by hand (Account Activity quickstart,
    "Job completed messages"). Names no account, so it reaches no other handling."""
    status = as_dict(payload.get("replay_job_status"))
    if not status:
        return
    state = as_str(status.get("job_state"))
    if state.lower() == "complete":
        logger.info("X: replay job %s complete", as_str(status.get("job_id")))
    else:
        logger.warning(
            "X: replay job %s %s (%s): start it again to recover the missed events",
            as_str(status.get("job_id")),
            state or "ended",
            as_str(status.get("job_state_description")),
        )


HANDLED = {"direct_message_events", "tweet_create_events", "tweet_delete_events", "user_event"}
QUIET = {"direct_message_indicate_typing_events", "direct_message_mark_read_events"}


def _not_handled(payload: dict[str, Any], out: Parsed) -> None:
    """Activities we do not act on: typing and read receipts quietly (as XAA's `dm.read`),
    the rest (likes, follows, blocks, mutes, whatever X adds) also counted per type for
    staff; one `Ignored` per event, never an error."""
    activities = {k for k in payload if k.endswith(("_events", "_event"))}  # X's naming
    for key in sorted(activities - HANDLED):
        if key not in QUIET:
            out.unknown_types.append(key)
        for event in as_list(payload.get(key)) or [payload.get(key)]:
            reason = "not_a_message" if key in QUIET else "not_handled"
            out.ignored.append(Ignored(as_str(as_dict(event).get("id")), reason))
