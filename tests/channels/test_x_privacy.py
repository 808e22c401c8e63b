"""The privacy notice says what is kept from public #bucksLIS posts on X, and why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import settings


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    monkeypatch.setenv("BUCKS_LIS_VAR_DIR", str(tmp_path))
    settings.cache_clear()
    from bot.web.app import create_app

    yield create_app({"TESTING": True}).test_client()
    settings.cache_clear()


def test_privacy_notice_covers_public_posts_on_x(client: Any) -> None:
    from bot.strategy import load_strategy

    html = client.get("/privacy").get_data(as_text=True)
    assert "Public posts on X" in html
    text = " ".join(load_strategy()["privacy"]["public_posts"].split())
    assert text.replace("'", "&#39;") in " ".join(html.split())
    for promise in (
        "#bucksLIS",
        "mention or reply to our account with a view",  # summoned views are kept too
        "X user id",
        "tag it",
        "do not reply",
        "Delete the post on X",
        "daily check",
    ):
        assert promise in text
