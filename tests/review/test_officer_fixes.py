"""View tests beside the officer's-day browser checks (tests/browser/test_officer_day.py)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.review.conftest import csrf_from, login
from tests.review.seed import Seeded


def test_overview_counts_themes_raised(reviewer: FlaskClient) -> None:
    html = reviewer.get("/staff/").get_data(as_text=True)
    assert "Themes raised" in html and "(of 12)" in html
    # space, infrastructure, intelligent_mobility, education_skills, housing, creative
    assert '<a href="/staff/findings">6</a>' in html


def test_channels_are_named_for_people(reviewer: FlaskClient) -> None:
    html = reviewer.get("/staff/responses").get_data(as_text=True)
    assert '<option value="socketio" >Website chat</option>' in html
    assert "Chat over the REST API" in html
    # The stored code still filters.
    html = reviewer.get("/staff/responses?channel=socketio").get_data(as_text=True)
    assert "<strong>1</strong> response " in html


def test_response_and_transcript_lead_back_to_the_list_they_came_from(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    listing = "/staff/responses?theme=space&page=1"
    html = reviewer.get("/staff/responses?theme=space").get_data(as_text=True)
    assert f"/staff/responses/{seeded.space_response}?list=/staff/responses?theme%3Dspace" in html
    page = reviewer.get(
        f"/staff/responses/{seeded.space_response}", query_string={"list": listing}
    ).get_data(as_text=True)
    assert '<a href="/staff/responses?theme=space&amp;page=1">‹ All responses</a>' in page
    assert 'name="next" value="/staff/responses/' in page  # forms come back here, list kept
    page = reviewer.get(
        f"/staff/businesses/{seeded.space_business}",
        query_string={"list": "/staff/businesses?q=Orb"},
    ).get_data(as_text=True)
    assert '<a href="/staff/businesses?q=Orb">‹ All businesses</a>' in page


def test_back_link_never_leaves_the_staff_app(reviewer: FlaskClient, seeded: Seeded) -> None:
    for evil in ("https://evil.example/staff", "//evil.example/staff", "/widget"):
        page = reviewer.get(
            f"/staff/responses/{seeded.space_response}", query_string={"list": evil}
        ).get_data(as_text=True)
        assert '<a href="/staff/responses">‹ All responses</a>' in page, evil


def test_a_form_sent_after_the_session_ended_asks_to_sign_in_and_returns_to_the_page(
    client: FlaskClient, seeded: Seeded
) -> None:
    page = f"/staff/responses/{seeded.space_response}"
    response = client.post(
        f"{page}/review",
        data={"action": "note", "note": "x", "csrf_token": "stale"},
        headers={"Referer": f"http://localhost{page}?list=/staff/responses"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/login?next=")
    assert "next=/staff/responses/" in response.headers["Location"].replace("%2F", "/")
    assert "/review" not in response.headers["Location"]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your session ended" in html
    # Another site as the referrer: back to the overview instead.
    response = client.post(
        f"{page}/review",
        data={"action": "flag"},
        headers={"Referer": "https://evil.example/staff/audit"},
    )
    assert response.headers["Location"] == "/staff/login?next=/staff/"


def test_a_missing_token_says_so_and_offers_the_page_back(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    page = f"/staff/responses/{seeded.space_response}"
    response = reviewer.post(
        f"{page}/review", data={"action": "flag"}, headers={"Referer": f"http://localhost{page}"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Your form expired" in html and f'<a href="{page}">Back to the page</a>' in html
    assert csrf_from(reviewer, page)  # still signed in


def test_login_still_follows_a_get_next(client: FlaskClient) -> None:
    response = client.get("/staff/audit?action=export")
    assert response.headers["Location"] == "/staff/login?next=/staff/audit?action%3Dexport"
    assert login(client).status_code == 302


def test_filter_by_the_question_answered(reviewer: FlaskClient, seeded: Seeded) -> None:
    html = reviewer.get("/staff/responses").get_data(as_text=True)
    assert '<option value="seabed:skills" >What skills do you need?</option>' in html
    html = reviewer.get("/staff/responses?question=seabed:skills").get_data(as_text=True)
    assert "<strong>1</strong> response match" in html
    assert f'id="response-{seeded.mobility_response}"' in html
    api = reviewer.get("/staff/api/responses?question=island:space:growth").get_json()
    assert [r["id"] for r in api["items"]] == [seeded.space_response]
    # Kept in the export's filter and in the page links.
    csv_body = reviewer.get("/staff/responses/export?question=seabed:skills&redact=0").data
    assert csv_body.decode("utf-8-sig").count("\n") == 2  # header and one row


def test_the_list_reads_its_drop_downs_once_per_request(
    reviewer: FlaskClient, database_url: str
) -> None:
    """The question drop-down is one GROUP BY beside the other facets: the list page does
    a fixed number of queries whatever the filter or the number of rows."""
    from sqlalchemy import event

    from bot.storage.db import engine_for

    engine = engine_for(database_url)
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # noqa: ANN001
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        counts = []
        for query in ("", "?question=seabed:skills&channel=rest", "?theme=space&per_page=1"):
            statements.clear()
            assert reviewer.get(f"/staff/responses{query}").status_code == 200
            counts.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert max(counts) <= 10, counts  # 9-10 on 1 Dec: user, count, rows, themes, facets...
    assert sum("GROUP BY responses.question_key" in s for s in statements) == 1
