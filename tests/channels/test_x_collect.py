"""Public posts collected: once per post, one record per author, nothing lost untagged."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.channels.x.collect import collect_post, tag_pieces
from bot.channels.x.inbound import Inbound
from bot.storage.db import session_scope
from bot.storage.models import Business, Response, ResponseTheme


def public(tweet_id: str, text: str, author: str = "200") -> Inbound:
    return Inbound("public", tweet_id, author, text, "u", tweet_id, collect=True)


def test_posts_arriving_at_once_from_a_new_author_are_all_kept(database_url: str) -> None:
    posts = [public(str(6000 + i), f"Post {i} about rail links") for i in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:  # replicas racing on one database
        results = list(pool.map(collect_post, posts + posts))
    assert sum(r is not None for r in results) == 6  # each post once
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 6
        assert s.scalars(select(Business.sender_id)).all() == ["200"]


def test_without_a_trained_tagger_the_post_is_kept_untagged(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.tagging as tagging

    def missing(texts: list[str]) -> None:
        raise tagging.TaggerModelMissing("no model")

    monkeypatch.setattr(tagging, "tag_many", missing)
    assert collect_post(public("7001", "Broadband is slow")).themes == []
    with session_scope() as s:
        assert s.scalars(select(Response.text)).all() == ["Broadband is slow"]
        assert s.scalar(select(func.count()).select_from(ResponseTheme)) == 0


def test_a_post_with_no_words_left_is_not_stored(database_url: str) -> None:
    assert collect_post(public("7002", "")) is None
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 0


def test_a_long_post_is_kept_whole_and_tagged_in_pieces_to_its_end(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept whole now (X format probe, 7 Dec), a 25,000-character post is tagged in pieces
    of at most 2,000: the tagger's time grows with the square of a run without spaces
    (25,000 "a"s took minutes). A theme found in any piece is the post's."""
    import bot.tagging as tagging
    from bot.strategy import THEME_IDS
    from bot.tagging.result import TagResult

    pieces: list[str] = []

    def by_piece(texts: list[str]) -> list[TagResult]:
        pieces.extend(texts)
        found = [["infrastructure"] if "broadband" in t else [] for t in texts]
        return [
            TagResult(f, {t: 0.9 if t in f else 0.1 for t in THEME_IDS}, {t: [t] for t in f}, "v")
            for f in found
        ]

    monkeypatch.setattr(tagging, "tag_many", by_piece)
    filler = "We make widgets in Chesham and have done since 1987. " * 460
    text = f"{filler}THE ASK: our broadband is far too slow for the business."
    assert len(text) > 24_000
    collected = collect_post(public("7003", text))
    assert collected is not None and collected.themes == ["infrastructure"]
    assert max(map(len, pieces)) <= 2_000 and " ".join(pieces) == text
    with session_scope() as s:
        assert s.scalars(select(Response.text)).all() == [text]  # whole
    assert [len(p) for p in tag_pieces("a" * 5_000)] == [2_000, 2_000, 1_000]  # no space
