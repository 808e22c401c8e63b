"""Staff see collected public X posts as their own source, and the X spend and its limits."""

from __future__ import annotations

import csv
import io

import pytest
from flask.testing import FlaskClient

from bot.channels.x import spend
from bot.channels.x.collect import collect_post
from bot.channels.x.inbound import Inbound
from tests.review.seed import XSS_SCRIPT


@pytest.fixture()
def public_post(database_url: str) -> int:
    item = Inbound(
        "public",
        "5001",
        "200",
        f"Rail links to Aylesbury are poor {XSS_SCRIPT}",
        "chilternwidgets",
        "5001",
        created_at="2026-11-02T09:30:00.000Z",
        collect=True,
    )
    collected = collect_post(item)
    assert collected is not None and "infrastructure" in collected.themes
    assert collect_post(item) is None  # the same post again adds nothing
    return collected.response_id


def test_a_public_post_is_marked_and_links_to_x(reviewer: FlaskClient, public_post: int) -> None:
    page = reviewer.get(f"/staff/responses/{public_post}").get_data(as_text=True)
    assert "Public post on X" in page
    assert 'href="https://x.com/i/web/status/5001"' in page
    assert XSS_SCRIPT not in page and "&lt;script&gt;" in page  # the post's text is escaped
    assert "02 Nov 2026 09:30" in page  # the post's own time, not when we read it


def test_its_author_page_says_these_are_public_posts(
    reviewer: FlaskClient,
    public_post: int,
    session,  # noqa: ANN001
) -> None:
    from bot.storage.models import Business

    business = session.query(Business).filter_by(channel="x_post").one()
    assert business.sender_id == "200"
    page = reviewer.get(f"/staff/businesses/{business.id}").get_data(as_text=True)
    assert "collected from #bucksLIS" in page
    assert 'href="https://x.com/i/web/status/5001"' in page


def test_public_posts_are_their_own_source_in_filters_and_exports(
    reviewer: FlaskClient, public_post: int
) -> None:
    listing = reviewer.get("/staff/responses").get_data(as_text=True)
    assert 'value="x_post"' in listing  # the channel filter offers it
    only = reviewer.get("/staff/responses?channel=x_post").get_data(as_text=True)
    assert f"/staff/responses/{public_post}" in only
    assert "rocket test facilities" not in only
    exported = reviewer.get("/staff/responses/export?format=csv&redact=0").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported.lstrip("\ufeff"))))
    sources = {row["response_id"]: row["source"] for row in rows}
    assert sources[str(public_post)] == "x_post"
    assert {"rest", "x_post"} <= set(sources.values())


def test_overview_shows_estimated_x_spend(reviewer: FlaskClient, database_url: str) -> None:
    assert "estimated spend" not in reviewer.get("/staff/").get_data(as_text=True)
    spend.record("summoned_reply", 3)
    spend.record("read", 10)
    spend.record("dm", 2)
    page = reviewer.get("/staff/?fresh=1").get_data(as_text=True)
    assert "X (estimated spend)" in page
    assert "$0.11" in page  # 3 × 0.01 + 10 × 0.005 + 2 × 0.015
    assert "paused" not in page


def test_over_budget_public_replies_pause_and_staff_see_why(
    reviewer: FlaskClient, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import settings

    monkeypatch.setenv("X_MONTHLY_BUDGET_USD", "0.50")
    settings.cache_clear()
    spend.record("post_url", 3)  # $0.60
    page = reviewer.get("/staff/").get_data(as_text=True)
    assert "Public replies on X are paused" in page
    assert "X_MONTHLY_BUDGET_USD" in page and "$0.60" in page
    gate = spend.SpendGate(0.50)
    assert gate("public") is not None and gate("dm") is None  # DMs go on


def test_a_revoked_bot_account_stops_sending_and_is_shown(
    admin: FlaskClient, database_url: str
) -> None:
    spend.mark_revoked("100")
    page = admin.get("/staff/").get_data(as_text=True)
    assert "access was revoked" in page
    gate = spend.SpendGate(0)
    assert gate("dm") and gate("public")
    audit = admin.get("/staff/audit").get_data(as_text=True)
    assert "revoked the app&#39;s access on X" in audit or "revoked the app's access" in audit
    assert spend.clear_revoked("admin-cli") and gate("dm") is None
