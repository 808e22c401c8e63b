"""Public #bucksLIS posts collected as public views: stored, tagged, never answered.

Since 23 Feb 2026 X refuses programmatic replies to posts that did not summon the account,
so a plain hashtag post is read, not answered. It becomes a `Response` of a conversation on
channel `x_post` (one `Business` per author: channel `x_post`, sender id = the author's X
id), with `external_id = "x:<post id>"` (unique: a post delivered twice, by the webhook and
by search, or by two replicas, is stored once) and `created_at` = the post's time. It is
tagged by the same tagger the consultation uses (`bot.tagging.tag`, model source), so staff
filter, correct and export it like any answer; they see it marked "Public post on X".

A post that summons the bot without the hashtag ("@account our rent in Iver doubled") is
answered in public, and kept the same way when the tagger finds a theme in it (a view, not
a greeting): consent is asked by DM, so this is the only record of what it said.

An edit (X gives each version a new id and lists them all in its edit history) replaces
the stored text and tags, and the response then carries the newest version's id: X shows
the latest version, and a deletion or compliance check of it removes the view.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.channels.x.inbound import Inbound
from bot.storage.db import session_scope
from bot.storage.models import Business, Conversation, Response, utcnow
from bot.storage.themes import set_model_tags

logger = logging.getLogger(__name__)

CHANNEL = "x_post"


def external_id(tweet_id: str) -> str:
    return f"x:{tweet_id}"


def post_url(tweet_id: str) -> str:
    """Where staff can read the post on X (works without knowing the author's handle)."""
    return f"https://x.com/i/web/status/{tweet_id}"


def _posted_at(value: str) -> datetime:
    """X's ISO time (`2026-07-24T21:05:48.000Z`) as naive UTC; now if absent or bad."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return utcnow()
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


@dataclass(frozen=True)
class Collected:
    response_id: int
    themes: list[str]


# A post is kept whole (X allows 25,000 characters) but tagged in pieces of at most what a
# chat message may be (MAX_MESSAGE_CHARS' default): the tagger's time grows with the square
# of a run without spaces (25,000 "a"s or emoji: minutes; 2,000: about a second), and
# anyone can post the hashtag (X format probe, 7 Dec)
TAG_PIECE_CHARS = 2_000
SENTENCE_END = re.compile(r"(?<=[.!?…\n])\s+")


def tag_pieces(text: str, size: int = TAG_PIECE_CHARS) -> list[str]:
    """`text` in pieces of at most `size` characters, whole sentences where they fit."""
    pieces: list[str] = []
    for sentence in SENTENCE_END.split(text):
        while len(sentence) > size:  # one long sentence: at its last space that fits
            cut = sentence.rfind(" ", 0, size + 1)
            cut = cut if cut > size // 2 else size
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if pieces and len(pieces[-1]) + 1 + len(sentence) <= size:
            pieces[-1] = f"{pieces[-1]} {sentence}"
        elif sentence:
            pieces.append(sentence)
    return pieces


def _tag(text: str) -> tuple[list[str], dict, dict, str] | None:
    from bot.strategy import THEME_IDS
    from bot.tagging import TaggerModelMissing, tag_many

    try:
        results = tag_many(tag_pieces(text))
    except TaggerModelMissing:
        logger.error("X: no trained tagger; public post stored untagged (`bucks-lis retag`)")
        return None
    if not results:
        return None
    # the post's themes: any piece's, each at its highest score, with every piece's evidence
    themes = [t for t in THEME_IDS if any(t in r.themes for r in results)]
    scores = {t: max(float(r.scores.get(t, 0.0)) for r in results) for t in THEME_IDS}
    evidence = {t: [e for r in results for e in r.evidence.get(t, [])] for t in themes}
    return themes, scores, evidence, results[0].model_version


def _versions(item: Inbound) -> list[str]:
    """The external ids of every version of `item` X has named (its edit history)."""
    ids = dict.fromkeys((*item.edit_ids, item.original_id, item.tweet_id))
    return [external_id(i) for i in ids if i]


# X allows a post to be edited for an hour after it is posted; its ids carry their time
# (milliseconds << 22), so a later version's id lies within this of the first version's
EDIT_WINDOW_IDS = (60 * 60 * 1000) << 22


def _as_number(post_id: str) -> int:
    return int(post_id) if post_id.isascii() and post_id.isdigit() else 0


def _later_version_kept(session: Any, item: Inbound) -> bool:
    """Whether a view of `item`'s author newer than `item` and within X's edit window of its
    first version is kept: a later edit of this post, which replaced the versions `item`
    names (an older edit delivered late must not be kept beside it)."""
    first, this = _as_number(item.original_id), _as_number(item.tweet_id)
    if not first or not this:
        return False
    kept = session.scalars(
        select(Response.external_id)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .join(Business, Conversation.business_id == Business.id)
        .where(Business.channel == CHANNEL, Business.sender_id == item.user_id)
        .where(Response.external_id.like("x:%"))
    )
    return any(this < _as_number(k[2:]) <= first + EDIT_WINDOW_IDS for k in kept if k)


def collect_post(
    item: Inbound, engine: Engine | None = None, *, only_a_view: bool = False
) -> Collected | None:
    """Stores and tags one public post; None if it was stored before, has no words, may not
    be kept as a public view (`item.not_public`: a protected author, withheld in the UK), or,
    with `only_a_view`, when the tagger finds no theme in it. An edit of a post kept as a
    view replaces it (`replace_edited`): an edit that made a #bucksLIS post summon the bot
    was stored as a second view beside the first version (X format probe s44)."""
    if not item.text.strip() or not item.tweet_id or item.not_public:
        return None
    key = external_id(item.tweet_id)
    with session_scope(engine) as session:
        kept = session.scalar(
            select(Response.external_id).where(Response.external_id.in_(_versions(item)))
        )
        later = kept is None and bool(item.original_id) and _later_version_kept(session, item)
    if kept is not None:
        return replace_edited(item, engine) if kept != key else None
    if later:
        return None
    tagged = _tag(item.text)  # outside the transaction: the tagger takes milliseconds
    if only_a_view and not (tagged and tagged[0]):
        return None
    for attempt in (1, 2):
        try:
            return _store(item, key, tagged, engine)
        except IntegrityError:
            # Another replica stored this post, or created this author's record, a moment
            # ago: the first is done; the second needs one more try.
            with session_scope(engine) as session:
                if attempt == 2 or session.scalar(
                    select(Response.id).where(Response.external_id == key)
                ):
                    return None
    return None


def _store(item: Inbound, key: str, tagged: tuple | None, engine: Engine | None) -> Collected:
    """One transaction: the author's record (made on first sight), its one conversation,
    the response and its model tags."""
    with session_scope(engine) as session:
        business = session.scalars(
            select(Business).where(Business.channel == CHANNEL, Business.sender_id == item.user_id)
        ).first()
        if business is None:
            business = Business(sender_id=item.user_id, channel=CHANNEL, organisation=None)
            session.add(business)
            session.flush()
        conversation = session.scalars(
            select(Conversation)
            .where(Conversation.business_id == business.id)
            .order_by(Conversation.id)
        ).first()
        if conversation is None:
            conversation = Conversation(
                business_id=business.id, sender_id=item.user_id, channel=CHANNEL
            )
            session.add(conversation)
            session.flush()
        response = Response(
            conversation_id=conversation.id,
            text=item.text,
            external_id=key,
            created_at=_posted_at(item.created_at),
        )
        session.add(response)
        session.flush()
        themes: list[str] = []
        if tagged is not None:
            themes = set_model_tags(session, response.id, *tagged)
        return Collected(response.id, themes)


def replace_edited(item: Inbound, engine: Engine | None = None) -> Collected | None:
    """An edit of a post stored as a view: its text and model tags become the edit's, its
    id the edit's. None when no version of it was stored."""
    keys = _versions(item)
    if not item.text.strip() or not item.original_id or item.not_public:
        return None
    with session_scope(engine) as session:
        found = session.scalars(select(Response).where(Response.external_id.in_(keys))).first()
        if found is None or found.text == item.text:
            return None
    tagged = _tag(item.text)
    with session_scope(engine) as session:
        response = session.get(Response, found.id)
        if response is None:
            return None
        response.text = item.text
        response.external_id = external_id(item.tweet_id)
        themes: list[str] = []
        if tagged is not None:
            themes = set_model_tags(session, response.id, *tagged)
        return Collected(response.id, themes)
