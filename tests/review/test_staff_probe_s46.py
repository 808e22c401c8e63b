"""Staff probe s46: an officer's day over many businesses, where pages misled or lost work.

Each test failed on the code before its fix (8 Dec): a board-report summary saved from a page
read before a colleague's save replaced the colleague's paragraph unseen; on the night the
clocks go back two different times both showed as "01:30"; the weekly chart showed the
latest 26 weeks with nothing saying earlier responses were left out (its bars summed to
less than the total) and no way from a week to its responses; the agreement page gave a
model's training time as a raw UTC timestamp beside UK times everywhere else.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.storage.models import AuditEvent, Conversation, ReportSummary, Response
from tests.review.conftest import Forms, login, send
from tests.review.seed import ADMIN_EMAIL, REVIEWER_EMAIL, Seeded


@pytest.fixture()
def officers(app: Flask) -> tuple[FlaskClient, FlaskClient]:
    """Officer A (a reviewer) and officer B (an admin), each signed in on their own client."""
    a, b = app.test_client(), app.test_client()
    assert login(a, REVIEWER_EMAIL).status_code == 302
    assert login(b, ADMIN_EMAIL).status_code == 302
    return a, b


def summary_form(client: FlaskClient, theme_id: str) -> dict:
    """The report page's summary form of `theme_id`, as a browser would send it."""
    parser = Forms()
    parser.feed(client.get("/staff/report").get_data(as_text=True))
    for form in parser.forms:
        if form["action"].endswith(f"/report/summary/{theme_id}"):
            return form
    raise AssertionError(f"no summary form for {theme_id}")


def stored_summary(session, theme_id: str) -> str | None:  # noqa: ANN001
    session.expire_all()
    row = session.get(ReportSummary, theme_id)
    return None if row is None else row.text


# --- a colleague's summary is never replaced unseen -------------------------------------------


def test_a_summary_saved_from_an_older_page_is_refused_and_shows_both(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
) -> None:
    """A and B open the report; B writes Space's summary and saves; A, still on the page
    read before, saves another. A's replaced B's and neither knew."""
    a, b = officers
    form_a = summary_form(a, "space")
    form_b = summary_form(b, "space")
    assert send(b, form_b, {"summary": "Westcott leads <b>UK</b> propulsion."}).status_code == 302
    refused = send(a, form_a, {"summary": "Space firms want a test range."})
    assert refused.status_code == 409
    assert stored_summary(session, "space") == "Westcott leads <b>UK</b> propulsion."
    page = refused.get_data(as_text=True)
    shown = html_lib.unescape(page)
    assert "not saved" in shown and ADMIN_EMAIL in shown
    assert "Westcott leads <b>UK</b> propulsion." in shown  # the colleague's, escaped
    assert "<b>UK</b>" not in page
    # the officer's own words are back in the box, against the summary now shown: one
    # press saves them knowingly
    again = next(f for f in _forms(page) if f["action"].endswith("/report/summary/space"))
    assert dict(again["fields"])["summary"] == "Space firms want a test range."
    assert send(a, again).status_code == 302
    assert stored_summary(session, "space") == "Space firms want a test range."
    conflicts = session.scalars(select(AuditEvent).where(AuditEvent.action == "conflict")).all()
    assert len(conflicts) == 1 and "Space firms" not in str(conflicts[0].detail)


def _forms(page: str) -> list[dict]:
    parser = Forms()
    parser.feed(page)
    return parser.forms


def test_a_summary_save_is_refused_only_when_it_would_replace_a_colleagues(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
) -> None:
    """Saving twice, the same words as a colleague, another theme's summary, or a first
    summary from a form without a version (an old page, a script) all save."""
    a, b = officers
    form_a = summary_form(a, "space")
    form_b = summary_form(b, "space")
    assert send(b, form_b, {"summary": "Same words."}).status_code == 302
    assert send(a, form_a, {"summary": "Same words."}).status_code == 302  # already so
    form = summary_form(a, "space")
    assert send(a, form, {"summary": "Mine now."}).status_code == 302
    assert send(a, form, {"summary": "Mine now."}).status_code == 302  # a double click
    assert send(b, form_b, {"summary": "B again."}).status_code == 409  # B's page is old
    infra = summary_form(b, "infrastructure")
    assert send(a, summary_form(a, "infrastructure"), {"summary": "A on infra."}).status_code == 302
    assert send(b, infra, {"summary": "B on infra."}).status_code == 409
    # no version at all: saved where nobody has written, refused over a colleague's words
    token = dict(infra["fields"])["csrf_token"]
    post = {"csrf_token": token, "summary": "Scripted."}
    assert b.post("/staff/report/summary/housing_growth", data=post).status_code == 302
    assert b.post("/staff/report/summary/infrastructure", data=post).status_code == 409
    assert stored_summary(session, "infrastructure") == "A on infra."
    assert stored_summary(session, "housing_growth") == "Scripted."


# --- the night the clocks go back ---------------------------------------------------------------


def _answer_at(session, seeded: Seeded, when: datetime, words: str) -> int:  # noqa: ANN001
    conv = session.scalars(
        select(Conversation).where(Conversation.business_id == seeded.space_business)
    ).first()
    item = Response(conversation_id=conv.id, text=words, created_at=when)
    session.add(item)
    session.commit()
    return item.id


def test_the_repeated_hour_when_the_clocks_go_back_says_which_it_is(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """00:30 and 01:30 UTC on 25 October 2026 are both 01:30 in the UK (BST, then GMT): the
    list showed "01:30" twice, the later one first, as if out of order."""
    first = _answer_at(session, seeded, datetime(2026, 10, 25, 0, 30), "Before the change")
    second = _answer_at(session, seeded, datetime(2026, 10, 25, 1, 30), "After the change")
    page = reviewer.get("/staff/responses?from=2026-10-25&to=2026-10-25").get_data(as_text=True)
    times = re.findall(r'<td class="nowrap">([^<]+)</td>', page)
    assert times == ["25 Oct 2026 01:30 GMT", "25 Oct 2026 01:30 BST"]
    shown = reviewer.get(f"/staff/responses/{first}").get_data(as_text=True)
    assert "25 Oct 2026 01:30 BST" in shown
    assert "25 Oct 2026 01:30 GMT" in reviewer.get(f"/staff/responses/{second}").get_data(
        as_text=True
    )
    # any other time reads as before, without a zone
    other = _answer_at(session, seeded, datetime(2026, 10, 25, 3, 0), "Later that night")
    assert "Received 25 Oct 2026 03:00 via" in reviewer.get(f"/staff/responses/{other}").get_data(
        as_text=True
    )


# --- the weekly chart says what it leaves out ---------------------------------------------------


def test_the_weekly_chart_says_what_it_leaves_out_and_leads_to_each_week(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """A year of responses: the chart showed the latest 26 weeks, its bars summing to less
    than the total with nothing said; a week's figure led nowhere."""
    start = datetime(2026, 1, 5, 12)
    for week in range(40):
        _answer_at(session, seeded, start + timedelta(weeks=week), f"Week {week} view")
    page = reviewer.get("/staff/").get_data(as_text=True)
    overview = reviewer.get("/staff/api/overview").get_json()
    shown = sum(n for _, n in overview["by_week"])
    earlier = overview["total"] - shown
    assert earlier > 0
    first_week = overview["by_week"][0][0]
    note = re.search(r'<p class="muted chart-note">(.*?)</p>', page, re.S)
    assert note, "no note under the weekly chart"
    words = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", note.group(1))))
    assert f"{shown} of the {overview['total']}" in words and str(earlier) in words
    before = re.search(r'href="([^"]*)">[^<]*earlier', note.group(1))
    assert before, note.group(1)
    listed = reviewer.get(
        "/staff/api/responses?" + html_lib.unescape(before.group(1)).split("?", 1)[1]
    ).get_json()
    assert listed["total"] == earlier
    # each week in the numbers table leads to that week's responses, the same count
    for monday, n in overview["by_week"][-3:]:
        link = re.search(rf'<a href="([^"]*from={monday}[^"]*)">', page)
        assert link, monday
        query = html_lib.unescape(link.group(1)).split("?", 1)[1]
        assert reviewer.get(f"/staff/api/responses?{query}").get_json()["total"] == n
    assert first_week in page


# --- the agreement page's times are UK times ----------------------------------------------------


def test_a_models_training_time_reads_as_uk_time(
    reviewer: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "2026-07-01T23:30:00+00:00" beside "08 Dec 2026 01:34" everywhere else; it was
    trained on 2 July in the UK."""
    from bot.tagging import versions

    model = versions.InstalledModel(
        role="current",
        version="tagger-abc",
        trained_at="2026-07-01T23:30:00+00:00",
        examples=10,
        reviewed_response_ids=frozenset(),
    )
    monkeypatch.setattr(versions, "installed_models", lambda *_: [model])
    page = reviewer.get("/staff/agreement").get_data(as_text=True)
    assert "02 Jul 2026 00:30" in page and "2026-07-01T23:30" not in page
