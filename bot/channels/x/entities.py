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
        links.add(url.get("url"), expanded, hidden=_points_to(expanded, quoted_ids))
    for media in map(_as_dict, _as_list(entities.get("media"))):
        links.add(media.get("url"), hidden=True)
    links.add(_as_dict(permalink).get("url"), hidden=True)
    return links


def links_v2(entities: Any, *, quoted_ids: Collection[str] = ()) -> Links:
    """Links of an API v2 post: `entities.urls`, where media carry a `media_key`."""
    links = Links()
    for url in map(_as_dict, _as_list(_as_dict(entities).get("urls"))):
        expanded = url.get("unwound_url") or url.get("expanded_url")
        media = bool(url.get("media_key")) or str(url.get("display_url", "")).startswith(
            ("pic.x.com", "pic.twitter.com")
        )
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
    """The author's words: unescaped, hidden and added links dropped, own links expanded."""
    text = _displayed(html.unescape(raw), display_range)
    for url in links.drop:
        text = _replace(text, url, " ")
    for url, expanded in links.expand.items():
        text = _replace(text, url, expanded)
    return text
