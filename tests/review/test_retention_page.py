"""The admin retention page (CSRF, validation, audited) and the privacy notice's period."""

from __future__ import annotations

from datetime import date

from flask.testing import FlaskClient
from sqlalchemy import func, select, text

from bot.storage.models import AuditEvent, Business
from bot.storage.retention import get_policy
from tests.review.conftest import csrf_from


def save(client: FlaskClient, closes_on: str, days: str, token: str | None = None):  # noqa: ANN201
    token = csrf_from(client, "/staff/retention") if token is None else token
    return client.post(
        "/staff/retention",
        data={"closes_on": closes_on, "retention_days": days, "csrf_token": token},
    )


def test_reviewers_cannot_see_it(reviewer: FlaskClient) -> None:
    assert reviewer.get("/staff/retention").status_code == 403
    assert reviewer.post("/staff/retention/apply").status_code in (400, 403)


def test_admin_sets_the_period_and_the_privacy_notice_states_it(
    admin: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    page = admin.get("/staff/retention").get_data(as_text=True)
    assert "No closing date or retention period yet" in page and 'name="csrf_token"' in page
    assert "set how long" in admin.get("/privacy").get_data(as_text=True)
    assert save(admin, "2027-01-31", "90", token="").status_code == 400  # no CSRF token
    bad = save(admin, "2027-01-31", "-5")
    assert bad.status_code == 400 and "0 to 3650 days." in bad.get_data(as_text=True)
    assert save(admin, "not a date", "30").status_code == 400
    session.expire_all()
    assert not get_policy(session).set

    response = save(admin, "2027-01-31", "90")
    assert response.status_code == 302
    page = admin.get("/staff/retention").get_data(as_text=True)
    assert "anonymised from 01 May 2027" in page and "Delete transcripts" not in page
    session.expire_all()
    policy = get_policy(session)
    assert (policy.closes_on, policy.retention_days) == (date(2027, 1, 31), 90)
    assert policy.updated_by == "admin@example.org"
    assert (
        session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "retention_settings")
        )
        == 1
    )
    notice = admin.get("/privacy").get_data(as_text=True)
    assert "closes on 31 January 2027" in notice and "for 90 days" in notice
    # Not due: applying deletes nothing.
    token = csrf_from(admin, "/staff/retention")
    admin.post("/staff/retention/apply", data={"csrf_token": token})
    assert session.execute(text("SELECT count(*) FROM events")).scalar() > 0


def test_admin_applies_it_once_due(admin: FlaskClient, session) -> None:  # noqa: ANN001
    save(admin, "2026-01-01", "30")
    page = admin.get("/staff/retention").get_data(as_text=True)
    assert "Delete transcripts and contact details now" in page
    token = csrf_from(admin, "/staff/retention")
    done = admin.post("/staff/retention/apply", data={"csrf_token": token}, follow_redirects=True)
    assert "Anonymised 3 business(es)" in done.get_data(as_text=True)
    session.expire_all()
    assert session.execute(text("SELECT count(*) FROM events")).scalar() == 0
    assert (
        session.scalar(select(func.count(Business.id)).where(Business.organisation.is_not(None)))
        == 0
    )
    log = admin.get("/staff/audit").get_data(as_text=True)
    assert "Applied retention: 3 business(es) anonymised" in log
    assert "Set the closing date to 2026-01-01 and retention to 30 days" in log


def test_a_closing_date_past_the_calendar_is_refused_and_a_stored_one_breaks_nothing(
    admin: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    """9999-06-01 + 365 days overflowed: the save and then /privacy and /staff/retention
    were 500 (attack probe, 7 Dec)."""
    for closes_on in ("9999-06-01", "2101-01-01", "0001-01-01"):
        refused = save(admin, closes_on, "365")
        assert refused.status_code == 400, closes_on
        assert "The closing date must be between" in refused.get_data(as_text=True)
    session.expire_all()
    assert not get_policy(session).set

    # A row stored before the check (or by hand) must not take the pages down.
    session.execute(
        text(
            "INSERT INTO consultation_settings (id, closes_on, retention_days) "
            "VALUES (1, '9999-06-01', 365)"
        )
    )
    session.commit()
    assert admin.get("/staff/retention").status_code == 200
    notice = admin.get("/privacy")
    assert notice.status_code == 200 and "31 December 9999" in notice.get_data(as_text=True)
