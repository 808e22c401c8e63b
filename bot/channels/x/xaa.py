"""X Activity API (XAA) webhook deliveries parsed into the same `Parsed` as Account Activity.

Each delivery is an envelope `{"data": {"event_uuid", "filter", "event_type", "tag",
"payload", "includes"}}` (X's `event-payloads` docs). Handled:

- `dm.received`          payload = `direct_message_events` + `users` (Account Activity shape);
- `post.mention.create`, `post.reply.create`, `post.quote.create`: payload = a v2 post,
                           a summoned post (X allows a reply to these);
- `post.create`          a v2 post by a filtered user: collected if it carries the hashtag;
- `post.delete`          payload `{"id", "author_id"}`;
- `oauth.revoke`         payload `{"user_id", "app_id", "date_time"}`.

`dm.sent` (our own DMs echoed back) is expected and ignored quietly; any other type is
ignored and counted (`unknown_types`), never an error: X adds event types over time.
"""

from __future__ import annotations

from typing import Any

from bot.channels.x.account_activity import Parsed, dm_events
from bot.channels.x.inbound import (
    Deletion,
    Ignored,
    as_dict,
    as_str,
    inbound_from_v2_post,
    own_posts_in_includes,
    usernames_from_includes,
)
from bot.channels.x.visibility import users_in_includes

SUMMONING_EVENTS = {"post.mention.create", "post.reply.create", "post.quote.create"}
QUIET_EVENTS = {"dm.sent", "dm.read", "dm.indicate_typing"}  # ours, or not messages


def is_xaa(payload: dict[str, Any]) -> bool:
    """An XAA envelope, or a batch holding one (as opposed to an Account Activity body).
    Any envelope will do: one entry of a batch that is not an event made the whole body
    read as Account Activity, and the events beside it were lost after a 200 (X format
    probe s44); such an entry is ignored as malformed (`parse_xaa`)."""
    data = payload.get("data")
    items = data if isinstance(data, list) else [data]
    return any(isinstance(d, dict) and "event_type" in d for d in items)


def _post_event(event: dict[str, Any], me: str, hashtag: str, max_chars: int, out: Parsed) -> None:
    includes = event.get("includes")
    result = inbound_from_v2_post(
        event.get("payload"),
        me,
        hashtag,
        max_chars,
        usernames=usernames_from_includes(includes),
        own_post_ids=own_posts_in_includes(includes, me),
        summoned_by_event=event.get("event_type") in SUMMONING_EVENTS,
        authors=users_in_includes(includes),
        includes=includes,
    )
    if isinstance(result, Ignored):
        out.ignored.append(result)
    else:
        out.items.append(result)


def parse_xaa(payload: dict[str, Any], bot_user_id: str, hashtag: str, max_chars: int) -> Parsed:
    """An XAA delivery (one envelope, or a list of them under `data`)."""
    out = Parsed()
    data = payload.get("data")
    for event in data if isinstance(data, list) else [data]:
        event = as_dict(event)
        kind = as_str(event.get("event_type"))
        uuid = as_str(event.get("event_uuid"))
        body = as_dict(event.get("payload"))
        if "event_type" not in event:  # not an envelope (X format probe s44)
            out.ignored.append(Ignored(uuid, "malformed_event"))
            continue
        if kind == "oauth.revoke":
            if body.get("user_id"):
                out.revoked_by.append(as_str(body["user_id"]))
            else:
                out.ignored.append(Ignored(uuid, "malformed_event"))
            continue
        filtered = as_str(as_dict(event.get("filter")).get("user_id"))
        if bot_user_id and filtered and filtered != bot_user_id:
            out.ignored.append(Ignored(uuid, "other_account"))
            continue
        me = bot_user_id or filtered  # the subscribed account, as Account Activity's for_user_id
        if filtered:
            out.accounts.append(filtered)
        if not me:
            # Without the bot's own id its replies would come back as messages: a loop.
            out.ignored.append(Ignored(uuid, "unknown_account"))
            continue
        if kind == "dm.received":
            before = len(out.items)
            dm_events(body, me, hashtag, max_chars, out)
            if len(out.items) == before and not body.get("direct_message_events"):
                out.ignored.append(Ignored(uuid, "malformed_event"))
        elif kind in SUMMONING_EVENTS or kind == "post.create":
            _post_event(event, me, hashtag, max_chars, out)
        elif kind == "post.delete":
            tweet_id, author = as_str(body.get("id")), as_str(body.get("author_id"))
            if tweet_id and author:
                out.deletions.append(Deletion(author, tweet_id))
            else:
                out.ignored.append(Ignored(uuid, "malformed_event"))
        elif kind in QUIET_EVENTS:
            out.ignored.append(Ignored(uuid, "not_a_message"))
        else:
            out.unknown_types.append(kind or "(none)")
            out.ignored.append(Ignored(uuid, "unknown_event_type"))
    return out
