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
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bot.channels.text import (
    CONTROL_CHARS,
    ESCAPE_SEQUENCE,
    INVISIBLE,
    LONE_SURROGATE,
    NO_BREAK_SPACE,
    spoken_punctuation,
    without_rasa_command,
    without_signature,
)
from bot.channels.x import visibility
from bot.channels.x.entities import author_text, links_v2, poll_options

# The handles a message opens or ends with ("@BucksLISbot @TfBucks: ...", "... 🚚
# @BucksLISbot"): who it is written to. Only the bot's own is dropped there; any other
# handle is the author's words ("Talk to @BucksCouncil and @TfBucks" lost both: X format
# probe, 7 Dec). X reads a full-width "＠" as "@" (twitter-text's at signs), as typed in
# Japanese or Chinese, often with a full-width or ideographic mark after: the bot's
# "＠BucksLISbot、" stayed in the words Rasa and staff read (X format probe s45).
AT = "[@\uff20]"
LEAD_MARK = "[:,\uff1a\uff0c\u3001]"  # and ： ， 、
MARK = "[.,:!\uff1a\uff0c\u3001\uff01\u3002]"  # and ： ， 、 ！ 。
# A short opening of marks or emoji before those handles: ".@BucksLEPbot ..." (the old way
# to make a post that opens with a handle show to every follower) and "👋 @BucksLISbot
# we're ..." kept the bot's handle in the words Rasa and staff read (X format probe s46;
# s45 left the emoji); the emoji is the author's and stays, the dot before the bot goes.
OPENING = r"(?:[^\w\s@\uff20]{1,10}\s*)?"
LEADING_HANDLES_RE = re.compile(rf"^\s*{OPENING}(?:{AT}\w{{1,15}}(?!\w){LEAD_MARK}?\s*)+")
TRAILING_HANDLES_RE = re.compile(rf"(?<!\S)(?:{AT}\w{{1,15}}(?!\w){MARK}?\s*)+$")
# one of a run, with its mark (and a dot-mention's dot, where it opens the run or a word)
OWN_HANDLE_RE = re.compile(rf"(?:(?<!\S)\.)?{AT}(\w{{1,15}})(?!\w){MARK}?\s*")
# What a dropped hashtag or handle leaves where the text opens ("#bucksLIS: rents", "@bot -
# rents"); taken only when the author did not open so: "-20% footfall since the works" lost
# its minus, a "- rents\n- roads" list its first dash (X format probe s43)
LEFT_OVER_RE = re.compile(r"^(?:(?:[:,;]+|[-\u2013\u2014]+(?=\s|$))\s*)+")
# X's own limit on a post (a Premium long post): what is read of one, kept whole for a view
MAX_POST_CHARS = 25_000
# How a post over `max_message_chars` reaches Rasa: its opening, marked as cut, so staff
# reading the transcript know there is more (the view stored keeps the whole post)
CUT_MARK = " [\u2026]"
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
    # over `max_message_chars`: a DM (X allows 10,000) is not taken in; a post (25,000) is
    # kept whole for a view and reaches Rasa cut with `CUT_MARK` (`for_rasa`)
    too_long: bool = False
    # posts: "protected" or "withheld" when it may not be kept as a public view
    # (`visibility.not_public`); a summoned one is still answered
    not_public: str = ""

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

    def for_rasa(self, max_chars: int) -> str:
        """The text Rasa is given: a post over `max_chars` cut at a word, with `CUT_MARK`
        (a public "too long" reply would cost and be seen by all: X format probe, 7 Dec)."""
        if len(self.text) <= max_chars:
            return self.text
        room = max(max_chars - len(CUT_MARK), 0)
        cut = self.text[:room]
        if cut.strip() and not self.text[room].isspace():  # mid-word: end at a whole word
            whole_words = cut.rsplit(maxsplit=1)[0]
            cut = whole_words if len(whole_words) >= room * 0.8 else cut
        return (cut.rstrip() + CUT_MARK)[:max_chars]

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
    """The hashtag, or a link (group `link`) to pass over: "#bucksLIS" in an address the
    author typed ("https://example.org/consult/#bucksLIS", a t.co link shown as typed) is
    no hashtag to X, whose entities list none there; it made the post a view and lost
    its address (X format probe s43). X reads a full-width "＃bucksLIS" as the hashtag too
    (X format probe, 7 Dec)."""
    tag = hashtag.strip().lstrip("#\uff03")
    return re.compile(
        r"(?P<link>https?://\S+)|(?<![\w#\uff03])[#\uff03]" + re.escape(tag) + r"(?!\w)",
        re.IGNORECASE,
    )


def _without_hashtag(text: str, hashtag: str) -> str:
    return _hashtag_re(hashtag).sub(lambda found: found.group("link") or " ", text)


def _without_own_handles(text: str, own: Collection[str]) -> str:
    """`text` without the bot's own handle among the handles it opens or ends with."""

    def kept(handle: re.Match[str]) -> str:
        return "" if handle.group(1).lower() in own else handle.group(0)

    for pattern, at in ((LEADING_HANDLES_RE, 0), (TRAILING_HANDLES_RE, len(text) - 1000)):
        # the end's run looked for in the last 1,000 characters (some 60 handles): looked
        # for from every "@" of a 25,000-character post, it took seconds
        run = pattern.search(text, max(at, 0)) if own else None
        if run is not None:
            start, end = run.span()
            text = text[:start] + OWN_HANDLE_RE.sub(kept, run.group(0)) + text[end:]
    return text


def clean_text(
    text: str, hashtag: str, max_chars: int, *, addressed_to: Collection[str] = ()
) -> str:
    """Drops the hashtag, the bot's own handle where the text opens or ends with it (the
    addressee; `addressed_to`: its handles), control and invisible characters, tidies
    whitespace, caps the length. Every other @handle is the author's and stays."""
    # X's JSON writes emoji as "\ud83d\ude29": a text cut between the two parses into a lone
    # surrogate, which no database takes; the view was lost after X had its 200 (s43)
    text = LONE_SURROGATE.sub("", CONTROL_CHARS.sub("", ESCAPE_SEQUENCE.sub("", text)))
    # as the widget and REST channels clean (`text.clean_message`): a zero-width space kept
    # "cellar@chalkridge\u200bvineyard.co.uk" from being an address (X format probe, 7 Dec)
    text = NO_BREAK_SPACE.sub(" ", INVISIBLE.sub("", text))
    opening = text.lstrip()  # as the author began, before the tag and handle go
    text = _without_hashtag(text, hashtag)
    own = {h.lower().lstrip("@") for h in addressed_to if h}
    text = without_signature(_without_own_handles(text, own).strip())
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line).strip()
    if not LEFT_OVER_RE.match(opening):
        text = LEFT_OVER_RE.sub("", text, count=1)
    # "/restart" typed in a DM is words, as on the web channels (`text.without_rasa_command`)
    return without_rasa_command(spoken_punctuation(text))[:max_chars]


def has_hashtag(text: str, hashtag: str, entity_tags: list[str] | None = None) -> bool:
    wanted = hashtag.strip().lstrip("#").lower()
    if entity_tags and wanted in {t.lower() for t in entity_tags}:
        return True
    return any(not found.group("link") for found in _hashtag_re(hashtag).finditer(text))


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
    addressed_to: Collection[str] = (),
    not_public: str = "",
    poll: tuple[str, ...] = (),
) -> Inbound | Ignored:
    """The one rule for every source: own posts and retweets ignored; summoned → `post`;
    hashtag only → `public`, unless it may not be kept as a public view (`not_public`: a
    protected author, withheld in the UK; X format probe s44); anything else ignored. `raw`
    is the author's text (`entities.author_text`), `addressed_to` the bot's handles
    (dropped where the post opens or ends with them). The text is kept whole (up to X's
    `MAX_POST_CHARS`): a long post's last words were cut at `max_chars` without a sign, from
    Rasa and from the view stored (X format probe, 7 Dec); over `max_chars` it is marked
    `too_long`. A poll's options (`poll`) follow its words, one "- option" a line, each
    cleaned as the words are (after them: the bot's handle ending the words still goes)."""
    if author == me:
        return Ignored(tweet_id, "own_message")
    if is_retweet or raw.startswith("RT @"):
        return Ignored(tweet_id, "retweet")
    tagged = has_hashtag(raw, hashtag, tags)
    if not (summoned or tagged):
        return Ignored(tweet_id, "not_for_the_consultation")
    if not_public and not summoned:
        return Ignored(tweet_id, not_public)
    text = clean_text(raw, hashtag, MAX_POST_CHARS, addressed_to=addressed_to)
    lines = [text] if text else []
    lines += [f"- {o}" for o in (clean_text(p, hashtag, MAX_POST_CHARS) for p in poll) if o]
    text = "\n".join(lines)[:MAX_POST_CHARS]
    return Inbound(
        "post" if summoned else "public",
        tweet_id,
        author,
        text,
        screen_name,
        tweet_id,
        created_at=created_at,
        collect=tagged and not not_public,
        original_id=original_id if original_id != tweet_id else "",
        edit_ids=tuple(i for i in dict.fromkeys([original_id, *edit_ids, tweet_id]) if i)
        if original_id and original_id != tweet_id
        else (),
        too_long=len(text) > max_chars,
        not_public=not_public,
    )


def bot_handles(me: str, mentions: Any, *names: Any) -> set[str]:
    """The bot's handles, lower case, as a message may address it: from its mention
    entities (v1.1 `screen_name` + `id_str`, v2 `username` + `id`) and any name the
    delivery gives the bot's account (`names`)."""
    found = {as_str(name) for name in names}
    for mention in map(as_dict, as_list(mentions)):
        if me and as_str(mention.get("id_str") or mention.get("id")) == me:
            found.add(as_str(mention.get("screen_name") or mention.get("username")))
    return {name.lstrip("@").lower() for name in found if name.lstrip("@")}


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
    authors: dict[str, dict[str, Any]] | None = None,
    includes: Any = None,
) -> Inbound | Ignored:
    """An API v2 post object (search, filtered stream, XAA payload) as a message.

    Summoned when it mentions the bot, replies to it, quotes one of the bot's posts
    (`own_post_ids`: the bot's posts among `includes.tweets`), or the XAA event type says
    so (`summoned_by_event`). `authors`: the users of `includes.users`, whose `protected`
    and `withheld` say whether the post may be kept as a public view; `includes`: the
    payload's, for the options of a poll (`entities.poll_options`)."""
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
        addressed_to=bot_handles(me, entities.get("mentions"), usernames.get(me)),
        not_public=visibility.not_public(tweet, (authors or {}).get(author)),
        poll=poll_options(tweet, includes),
    )


def own_posts_in_includes(includes: Any, me: str) -> set[str]:
    """Ids of the bot's own posts among a payload's `includes.tweets` (quoted posts)."""
    return {
        as_str(t.get("id"))
        for t in map(as_dict, as_list(as_dict(includes).get("tweets")))
        if as_str(t.get("author_id")) == me and t.get("id")
    }
