"""A post's or DM's text as its author wrote it, from X's text and entities.

X's `text` is not what the author typed: it is HTML-escaped (`&amp;`), its links are t.co
short links, and it may end with links X added and does not display (a quote post's
permalink, a photo's link), which `display_text_range` leaves out. Tagging and staff need the
author's words, so every source (Account Activity, XAA, search, stream, DMs) goes through
`author_text`: unescaped, X's hidden trailing links dropped, the links X added for media or a
quoted post dropped, and the author's own links shown as the address they typed
(`expanded_url`). Nothing the author wrote is dropped: a `display_text_range` that would cut
words (X's documented samples have such ranges) is not applied.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

LINKS_ONLY_RE = re.compile(r"(?:\s*https?://\S+)+\s*")
# What X puts before `display_text_range` in a reply: the handles replied to, never typed
REPLY_PREFIX_RE = re.compile(r"(?:\s*@\w{1,15}(?!\w))+\s*")
STATUS_ID_RE = re.compile(r"/status(?:es)?/(\d+)")
# X's own link for a photo, GIF or video: shown as "pic.x.com/..." (a post's), or leading to
# a DM's media page (`https://twitter.com/messages/media/<id>`); the author typed neither
DM_MEDIA_LINK_RE = re.compile(r"^https?://(?:[\w-]+\.)?(?:twitter|x)\.com/messages/media/\d+")
MEDIA_DISPLAY = ("pic.x.com", "pic.twitter.com")


@dataclass
class Links:
    """What to do with each t.co link: show the address the author typed, or drop it."""

    expand: dict[str, str] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)

    def add(self, url: Any, expanded: Any = None, *, hidden: bool = False) -> None:
        if not isinstance(url, str) or not url:
            return
        if hidden or not isinstance(expanded, str) or not expanded:
            self.drop.add(url)
        else:
            self.expand[url] = expanded


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_media(url: dict[str, Any]) -> bool:
    """A link X added for attached media, by what it shows or where it goes (a DM's photo
    link listed in `entities.urls` but not as an `attachment` was shown to Rasa as an
    address, and the business was not asked for words: X format probe s43)."""
    expanded = url.get("expanded_url")
    return str(url.get("display_url", "")).startswith(MEDIA_DISPLAY) or bool(
        isinstance(expanded, str) and DM_MEDIA_LINK_RE.match(expanded)
    )


def _points_to(expanded: Any, post_ids: Collection[str]) -> bool:
    found = STATUS_ID_RE.search(expanded) if isinstance(expanded, str) else None
    return bool(found and found.group(1) in post_ids)


def links_v1(entities: Any, *, quoted_ids: Collection[str] = (), permalink: Any = None) -> Links:
    """Links of a v1.1 post or DM (`entities.urls`, `entities.media`, a quote's
    `quoted_status_permalink`)."""
    links = Links()
    entities = _as_dict(entities)
    for url in map(_as_dict, _as_list(entities.get("urls"))):
        expanded = url.get("expanded_url")
        links.add(
            url.get("url"), expanded, hidden=_is_media(url) or _points_to(expanded, quoted_ids)
        )
    for media in map(_as_dict, _as_list(entities.get("media"))):
        links.add(media.get("url"), hidden=True)
    links.add(_as_dict(permalink).get("url"), hidden=True)
    return links


def links_v2(entities: Any, *, quoted_ids: Collection[str] = ()) -> Links:
    """Links of an API v2 post: `entities.urls`, where media carry a `media_key`."""
    links = Links()
    for url in map(_as_dict, _as_list(_as_dict(entities).get("urls"))):
        # the address as the author typed it; `unwound_url` is where it ends up after
        # redirects (a shortener's target), which the author did not write
        expanded = url.get("expanded_url") or url.get("unwound_url")
        media = bool(url.get("media_key")) or _is_media(url)
        links.add(url.get("url"), expanded, hidden=media or _points_to(expanded, quoted_ids))
    return links


def _displayed(text: str, display_range: Any) -> str:
    """`text` without what follows `display_text_range`, if that is only links, and
    without what precedes it, if that is only handles (a reply's prefix: the handles the
    author wrote inside the range are theirs and stay)."""
    bounds = _as_list(display_range)
    if len(bounds) != 2 or not all(isinstance(i, int) for i in bounds):
        return text
    start, end = bounds
    if 0 <= end < len(text) and LINKS_ONLY_RE.fullmatch(text[end:]):
        text = text[:end]
    if 0 < start <= len(text) and REPLY_PREFIX_RE.fullmatch(text[:start]):
        text = text[start:]
    return text


def _replace(text: str, url: str, by: str) -> str:
    return re.sub(re.escape(url) + r"(?![\w/])", lambda _: by, text)


def author_text(raw: str, links: Links, display_range: Any = None) -> str:
    """The author's words: unescaped, hidden and added links dropped, own links expanded.

    X counts `display_text_range` on the text as it sends it, escaped ("&amp;" is five:
    Twitter4J issue #349; X's mention example), so the range is applied before unescaping;
    applied after, a post with an "&" before a hidden trailing link kept the link (X format
    probe s43). A range counted on the unescaped text (as in some of X's samples) still
    works: `_displayed` applies a range only where it cuts links and handles, never the
    author's words, so whichever reading leaves less is taken."""
    text = min(
        html.unescape(_displayed(raw, display_range)),
        _displayed(html.unescape(raw), display_range),
        key=len,
    )
    for url in links.drop:
        text = _replace(text, url, " ")
    for url, expanded in links.expand.items():
        text = _replace(text, url, expanded)
    return text


def poll_options(post: Any, includes: Any) -> tuple[str, ...]:
    """The options of the poll a v2 post carries (`attachments.poll_ids`), in X's order,
    from the payload's `includes.polls` (expansion `attachments.poll_ids`, `poll.fields`
    `options`). A #bucksLIS poll was kept as its question alone: its options are the
    author's words too (X format probe s46). () when X expanded none."""
    wanted = {str(i) for i in _as_list(_as_dict(_as_dict(post).get("attachments")).get("poll_ids"))}
    for poll in map(_as_dict, _as_list(_as_dict(includes).get("polls"))):
        if wanted and str(poll.get("id")) in wanted:
            options = [o for o in map(_as_dict, _as_list(poll.get("options"))) if o]
            numbered = sorted(
                enumerate(options),
                key=lambda o: (o[1]["position"] if _is_int(o[1].get("position")) else o[0], o[0]),
            )
            return tuple(o["label"] for _, o in numbered if isinstance(o.get("label"), str))
    return ()


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
