"""What arrives from X, cleaned: one `Inbound` per message, `Ignored` for the rest.

Shared by every way X reaches us (Account Activity and XAA webhooks, recent search, the
filtered stream) so that the same post is cleaned, classified and de-duplicated the same way:

- `dm`     a direct message: the private consultation (sender `x-dm-<user id>`);
- `post`   a post that *summoned* the bot (mentions it, replies to it or quotes it): Rasa
           answers it in public (sender `x-post-<user id>`); X allows replies only to these;
- `public` a post that carries the hashtag without summoning the bot: collected as a public
           view (stored and tagged, channel `x_post`), never answered.

A summoned post that also carries the hashtag is both answered and collected (`collect`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.channels.text import (
    CONTROL_CHARS,
    ESCAPE_SEQUENCE,
    spoken_punctuation,
    without_signature,
)
from bot.channels.x.entities import author_text, links_v2

MENTION_RE = re.compile(r"(?<![\w@])@\w{1,15}(?!\w)")
# The sender ids X conversations are kept under; no public web client may use them
# (bot/channels/senders.py).
DM_SENDER_PREFIX = "x-dm-"
POST_SENDER_PREFIX = "x-post-"


@dataclass(frozen=True)
class Inbound:
    """One message from X, cleaned, on its way to Rasa or to the public-view store."""

    kind: str  # "dm", "post" (summoned) or "public" (hashtag only)
    event_id: str
    user_id: str
    text: str
    screen_name: str = ""
    tweet_id: str = ""  # posts: the post to reply to / collect
    quick_reply: str = ""  # DMs: the metadata (button payload) of a chosen quick reply
    created_at: str = ""  # posts: X's ISO time, when known
    collect: bool = False  # store as a public view (carries the hashtag)
    original_id: str = ""  # posts: the first version's id when this is an edit
    edit_ids: tuple[str, ...] = ()  # posts: every version's id (X's edit history), oldest first
    too_long: bool = False  # DMs: over `max_message_chars` (X allows 10,000): not taken in

    @property
    def sender_id(self) -> str:
        return f"{DM_SENDER_PREFIX if self.kind == 'dm' else POST_SENDER_PREFIX}{self.user_id}"

    @property
    def dedupe_key(self) -> str:
        """One key per DM event or post, whichever source delivered it; an edited post
        keeps its first version's key (X gives each edit a new id), so an edit is not a new
        message or a second view. A post first seen as only public (the stream cannot tell
        that a quote quotes the bot) has its own key, so the webhook's summoning delivery
        of it is still answered; it is stored once either way (`collect`, by post id)."""
        if self.kind == "dm":
            return f"dm:{self.event_id}"
        kind = "public" if self.kind == "public" else "post"
        return f"{kind}:{self.original_id or self.event_id}"

    def metadata(self) -> dict[str, Any]:
        return {
            "x": {
                "kind": self.kind,
                "event_id": self.event_id,
                "user_id": self.user_id,
                "screen_name": self.screen_name,
                "tweet_id": self.tweet_id,
                "public": self.kind != "dm",
            }
        }


@dataclass(frozen=True)
class Ignored:
    event_id: str
    reason: str


@dataclass(frozen=True)
class Deletion:
    """A post its author deleted on X."""

    user_id: str
    tweet_id: str

    @property
    def sender_id(self) -> str:
        return f"{POST_SENDER_PREFIX}{self.user_id}"


def _hashtag_re(hashtag: str) -> re.Pattern[str]:
    tag = hashtag.strip().lstrip("#")
    return re.compile(r"(?<![\w#])#" + re.escape(tag) + r"(?!\w)", re.IGNORECASE)


def clean_text(text: str, hashtag: str, max_chars: int) -> str:
    """Drops the hashtag, @mentions and control characters, tidies whitespace, caps the
    length."""
    text = CONTROL_CHARS.sub("", ESCAPE_SEQUENCE.sub("", _hashtag_re(hashtag).sub(" ", text)))
    text = without_signature(MENTION_RE.sub(" ", text).strip())
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line).strip().lstrip(":,;-–— ").strip()
    return spoken_punctuation(text)[:max_chars]


def has_hashtag(text: str, hashtag: str, entity_tags: list[str] | None = None) -> bool:
    wanted = hashtag.strip().lstrip("#").lower()
    if entity_tags and wanted in {t.lower() for t in entity_tags}:
        return True
    return bool(_hashtag_re(hashtag).search(text))


def as_str(value: Any) -> str:
    return "" if value is None else str(value)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def classify_post(
    *,
    tweet_id: str,
    author: str,
    raw: str,
    me: str,
    hashtag: str,
    max_chars: int,
    summoned: bool,
    is_retweet: bool,
    tags: list[str],
    screen_name: str = "",
    created_at: str = "",
    original_id: str = "",
    edit_ids: tuple[str, ...] = (),
) -> Inbound | Ignored:
    """The one rule for every source: own posts and retweets ignored; summoned → `post`;
    hashtag only → `public`; anything else ignored. `raw` is the author's text
    (`entities.author_text`)."""
    if author == me:
        return Ignored(tweet_id, "own_message")
    if is_retweet or raw.startswith("RT @"):
        return Ignored(tweet_id, "retweet")
    tagged = has_hashtag(raw, hashtag, tags)
    if not (summoned or tagged):
        return Ignored(tweet_id, "not_for_the_consultation")
    text = clean_text(raw, hashtag, max_chars)
    return Inbound(
        "post" if summoned else "public",
        tweet_id,
        author,
        text,
        screen_name,
        tweet_id,
        created_at=created_at,
        collect=tagged,
        original_id=original_id if original_id != tweet_id else "",
        edit_ids=tuple(i for i in dict.fromkeys([original_id, *edit_ids, tweet_id]) if i)
        if original_id and original_id != tweet_id
        else (),
    )


def usernames_from_includes(includes: Any) -> dict[str, str]:
    """{user id: username} from a v2 `includes.users` list (XAA may wrap each in `data`)."""
    found = {}
    for user in as_list(as_dict(includes).get("users")):
        user = as_dict(user)
        user = as_dict(user.get("data")) or user
        if user.get("id"):
            found[as_str(user["id"])] = as_str(user.get("username"))
    return found


def inbound_from_v2_post(
    tweet: Any,
    me: str,
    hashtag: str,
    max_chars: int,
    *,
    usernames: dict[str, str],
    own_post_ids: set[str] | None = None,
    summoned_by_event: bool = False,
) -> Inbound | Ignored:
    """An API v2 post object (search, filtered stream, XAA payload) as a message.

    Summoned when it mentions the bot, replies to it, quotes one of the bot's posts
    (`own_post_ids`: the bot's posts among `includes.tweets`), or the XAA event type says
    so (`summoned_by_event`)."""
    if not isinstance(tweet, dict) or not tweet.get("id") or not tweet.get("author_id"):
        return Ignored(as_str(as_dict(tweet).get("id")), "malformed_event")
    tweet_id, author = as_str(tweet["id"]), as_str(tweet["author_id"])
    note = as_dict(tweet.get("note_tweet"))  # a long post: the whole text and its entities
    raw = as_str(note.get("text") or tweet.get("text"))
    entities = as_dict(note.get("entities")) if note.get("text") else {}
    entities = entities or as_dict(tweet.get("entities"))
    references = [as_dict(r) for r in as_list(tweet.get("referenced_tweets"))]
    mentioned = {as_str(as_dict(m).get("id")) for m in as_list(entities.get("mentions"))}
    quoted = {as_str(r.get("id")) for r in references if r.get("type") == "quoted"}
    display_range = None if note.get("text") else tweet.get("display_text_range")
    raw = author_text(raw, links_v2(entities, quoted_ids=quoted), display_range)
    summoned = bool(me) and (
        summoned_by_event
        or me in mentioned
        or as_str(tweet.get("in_reply_to_user_id")) == me
        or bool(quoted & (own_post_ids or set()))
    )
    tags = [as_str(as_dict(h).get("tag")) for h in as_list(entities.get("hashtags"))]
    return classify_post(
        tweet_id=tweet_id,
        author=author,
        raw=raw,
        me=me,
        hashtag=hashtag,
        max_chars=max_chars,
        summoned=summoned,
        is_retweet=any(r.get("type") == "retweeted" for r in references),
        tags=tags,
        screen_name=usernames.get(author, ""),
        created_at=as_str(tweet.get("created_at")),
        original_id=as_str((as_list(tweet.get("edit_history_tweet_ids")) or [""])[0]),
        edit_ids=tuple(as_str(i) for i in as_list(tweet.get("edit_history_tweet_ids"))),
    )


def own_posts_in_includes(includes: Any, me: str) -> set[str]:
    """Ids of the bot's own posts among a payload's `includes.tweets` (quoted posts)."""
    return {
        as_str(t.get("id"))
        for t in map(as_dict, as_list(as_dict(includes).get("tweets")))
        if as_str(t.get("author_id")) == me and t.get("id")
    }
