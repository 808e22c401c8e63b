"""Public posts collected: once per post, one record per author, nothing lost untagged."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.channels.x.collect import collect_post
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

    def missing(text: str) -> None:
        raise tagging.TaggerModelMissing("no model")

    monkeypatch.setattr(tagging, "tag", missing)
    assert collect_post(public("7001", "Broadband is slow")).themes == []
    with session_scope() as s:
        assert s.scalars(select(Response.text)).all() == ["Broadband is slow"]
        assert s.scalar(select(func.count()).select_from(ResponseTheme)) == 0


def test_a_post_with_no_words_left_is_not_stored(database_url: str) -> None:
    assert collect_post(public("7002", "")) is None
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Response)) == 0
