"""Staff probe s44: an officer's day over many businesses, where pages disagreed.

Each test failed on the code before its fix (7 Dec): the overview counted businesses the
Businesses page (rightly) hides; its weekly chart cut weeks at UTC midnight, so a week's
bar and the list filtered to that week differed; its "Not set" stance bar led to every
response; its "most recent" responses were the highest ids, so an import of older emails
pushed out the newest chat answers; a theme decided again showed the later person beside
the first decision's time; exports gave only UTC times beside a screen in UK time; and an
empty list with no filter set asked for fewer filters.
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import datetime

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.storage.models import Business, Conversation, Response, ResponseTheme
from bot.storage.themes import set_model_tags, set_override
from tests.review.seed import Seeded


def _count(client: FlaskClient, query: str) -> int:
    return int(client.get(f"/staff/api/responses?{query}").get_json()["total"])


def _conversation(session) -> Conversation:  # noqa: ANN001
    return session.scalars(select(Conversation).order_by(Conversation.id)).first()


def test_overview_counts_the_businesses_the_businesses_page_lists(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """Someone who declined, or opened the chat and was never asked, is not shown to staff
    (`shown_to_staff`); the overview's figure, a link to that page, counted them."""
    session.add_all(
        [
            Business(sender_id="web-declined", channel="socketio", consent=False),
            Business(sender_id="web-not-asked", channel="socketio", consent=None),
        ]
    )
    session.commit()
    page = reviewer.get("/staff/businesses").get_data(as_text=True)
    listed = int(re.search(r"<strong>(\d+)</strong> business", page).group(1))
    overview = reviewer.get("/staff/api/overview?fresh=1").get_json()
    assert overview["businesses"] == listed


def test_weekly_counts_are_uk_weeks_like_the_date_filter(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """23:30 UTC on Sunday 5 July 2026 is 00:30 on Monday 6 July in the UK: the list's
    date filter puts it in the week of 6 July, so the weekly chart must too."""
    conv = _conversation(session)
    session.add(
        Response(
            conversation_id=conv.id, text="Late answer", created_at=datetime(2026, 7, 5, 23, 30)
        )
    )
    session.commit()
    weeks = dict(reviewer.get("/staff/api/overview?fresh=1").get_json()["by_week"])
    assert weeks.get("2026-07-06") == _count(reviewer, "from=2026-07-06&to=2026-07-12") == 1
    assert weeks.get("2026-06-29", 0) == _count(reviewer, "from=2026-06-29&to=2026-07-05") == 0


def test_overview_bar_for_responses_without_a_stance_leads_to_them(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    for item in session.scalars(select(Response)).all()[:2]:
        item.stance = None
    session.commit()
    page = reviewer.get("/staff/?fresh=1").get_data(as_text=True)
    chart = page[page.index('aria-label="Responses by stance"') :]
    href = html.unescape(re.search(r'<a href="([^"]+)"><g>\s*<text[^>]*>Not set<', chart).group(1))
    assert "stance=" in href
    assert _count(reviewer, href.split("?", 1)[1]) == 2
    response_page = reviewer.get(f"/staff/responses/{seeded.space_response}").get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" class="tag tag-stance', response_page).group(1)
    assert _count(reviewer, html.unescape(link).split("?", 1)[1]) == 2


@pytest.mark.parametrize("plan", ["from_theme", "by_date"])
def test_most_recent_responses_are_the_newest_received_not_the_last_stored(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    plan: str,
) -> None:
    """An import stores older emails (their `received_at`) after newer chat answers.
    Both plans (a rare theme from its rows, a common one by date) are checked."""
    import importlib

    # the package re-exports the function `overview`, which hides the module's name
    overview_queries = importlib.import_module("bot.storage.queries.overview")
    below = 10**9 if plan == "from_theme" else 0
    monkeypatch.setattr(overview_queries, "LATEST_FROM_THEME_BELOW", below)
    conv = _conversation(session)
    newest = Response(
        conversation_id=conv.id, text="Newest chat view", created_at=datetime(2026, 12, 1, 12)
    )
    session.add(newest)
    session.flush()
    set_model_tags(session, newest.id, ["space"], {"space": 0.9}, {}, "tagger-test-1")
    for day in range(1, 5):  # stored afterwards, received in October
        old = Response(
            conversation_id=conv.id,
            text=f"Emailed view {day}",
            created_at=datetime(2026, 10, day, 9),
        )
        session.add(old)
        session.flush()
        set_model_tags(session, old.id, ["space"], {"space": 0.9}, {}, "tagger-test-1")
    session.commit()
    page = reviewer.get("/staff/?fresh=1").get_data(as_text=True)
    section = page[page.index("Most recent responses by theme") :]
    space = section[section.index(">Space <") :]
    space = space[: space.index("</details>")]
    assert "Newest chat view" in space
    listed = reviewer.get("/staff/api/responses?theme=space&per_page=3").get_json()["items"]
    for item in listed:  # the overview shows the list's first three, in its order
        assert f'responses/{item["id"]}"' in space


def test_theme_history_shows_when_the_latest_decision_was_made(
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """One staff row per theme holds the latest decision: its time must move with its
    author, or the history reads "removed by B" at the time A added it."""
    rid = seeded.space_response
    set_override(session, rid, "housing_growth", True, "staff", "alice@example.org")
    row = session.scalars(
        select(ResponseTheme).where(
            ResponseTheme.response_id == rid,
            ResponseTheme.theme_id == "housing_growth",
            ResponseTheme.source == "staff",
        )
    ).one()
    row.created_at = datetime(2026, 11, 1, 9, 0)
    session.flush()
    set_override(session, rid, "housing_growth", False, "staff", "bob@example.org")
    session.refresh(row)
    assert row.created_by == "bob@example.org" and row.present is False
    assert row.created_at > datetime(2026, 11, 1, 9, 0)


def test_exports_carry_the_uk_time_the_screen_shows(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """Filtered to 1 July (UK days), the sheet said 30 June (UTC only); the JSON's time had
    no zone at all, so a script read it as local time."""
    conv = _conversation(session)
    r = Response(conversation_id=conv.id, text="Summer", created_at=datetime(2026, 6, 30, 23, 30))
    session.add(r)
    session.commit()
    body = reviewer.get("/staff/responses/export?from=2026-07-01&to=2026-07-01&redact=0")
    rows = list(csv.DictReader(io.StringIO(body.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["response_id"] for row in rows] == [str(r.id)]
    assert rows[0]["received_uk"] == "2026-07-01 00:30:00"
    assert rows[0]["created_at_utc"] == "2026-06-30 23:30:00"
    item = reviewer.get("/staff/api/responses?from=2026-07-01&to=2026-07-01").get_json()
    assert datetime.fromisoformat(item["items"][0]["created_at"]).utcoffset() is not None


def test_an_empty_list_without_filters_does_not_ask_for_fewer_filters(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """Before the first response (or after erasures) the list said "Try fewer filters"
    with no filter set; with a filter it still says so, and offers to clear them."""
    for item in session.scalars(select(Response)).all():
        session.delete(item)
    session.commit()
    page = reviewer.get("/staff/responses").get_data(as_text=True)
    assert "fewer filters" not in page and "No responses yet" in page
    filtered = reviewer.get("/staff/responses?theme=space").get_data(as_text=True)
    assert "fewer filters" in filtered
