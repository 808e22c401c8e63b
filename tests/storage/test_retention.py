"""Retention: nothing before the date; after it, transcripts and contact details go and
anonymised responses stay; applying again changes nothing; audited by counts."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bot.cli import main
from bot.storage.models import (
    AuditEvent,
    Business,
    Conversation,
    EffectiveTheme,
    Response,
    ResponseTheme,
)
from bot.storage.retention import (
    RetentionPolicy,
    apply_retention,
    get_policy,
    pending,
    privacy_statement,
    set_policy,
)
from tests.review.seed import seed


def events(session: Session) -> int:
    return session.execute(text("SELECT count(*) FROM events")).scalar()


def test_nothing_happens_until_the_date(session: Session) -> None:
    seed(session, with_users=False)
    assert apply_retention(session, today=date(2030, 1, 1)) is None  # no policy at all
    set_policy(session, date(2026, 12, 1), 30, actor="admin@example.org")
    policy = get_policy(session)
    assert policy.delete_on == date(2026, 12, 31)
    assert apply_retention(session, today=date(2026, 12, 30)) is None
    assert events(session) > 0
    assert session.scalar(select(func.count(Business.id)).where(Business.email.is_not(None)))
    audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "retention_settings"))
    assert [a.detail["after"] for a in audit] == [{"closes_on": "2026-12-01", "retention_days": 30}]
    with pytest.raises(ValueError):
        set_policy(session, date(2026, 12, 1), -1, actor="a")


def test_after_the_date_only_anonymised_responses_stay(session: Session) -> None:
    data = seed(session, with_users=False)
    set_policy(session, date(2026, 12, 1), 30, actor="admin@example.org")
    themes_before = session.execute(
        select(EffectiveTheme.response_id, EffectiveTheme.theme_id).order_by(
            EffectiveTheme.response_id, EffectiveTheme.theme_id
        )
    ).all()
    responses_before = session.scalar(select(func.count(Response.id)))
    sectors_before = sorted(
        (b.sector or "", b.size_band or "") for b in session.scalars(select(Business))
    )
    model_row = session.scalars(
        select(ResponseTheme).where(ResponseTheme.response_id == data.space_response)
    ).first()
    model_row.evidence = ["Orbital Widgets test stand", "Westcott"]
    businesses_before, events_before = pending(session)
    assert businesses_before == 3 and events_before > 0

    result = apply_retention(session, today=date(2026, 12, 31))
    assert result is not None and result.changed
    assert result.transcript_events_deleted == events_before
    assert result.businesses_anonymised == 3
    assert events(session) == 0
    for b in session.scalars(select(Business)):
        assert (b.organisation, b.email, b.role, b.location) == (None, None, None, None)
        assert b.sender_id == f"anonymised:{b.id}" and b.anonymised_at is not None
        assert not b.follow_up
    assert all(c.sender_id.startswith("anonymised:") for c in session.scalars(select(Conversation)))
    # Text stays, with the phone number and the contact's name taken out; themes stay.
    space = session.get(Response, data.space_response)
    assert "rocket test facilities" in space.text
    assert "01494" not in space.text and "Jane" not in space.text and "[phone]" in space.text
    assert session.scalar(select(func.count(Response.id))) == responses_before
    assert (
        session.execute(
            select(EffectiveTheme.response_id, EffectiveTheme.theme_id).order_by(
                EffectiveTheme.response_id, EffectiveTheme.theme_id
            )
        ).all()
        == themes_before
    )
    assert (
        sorted((b.sector or "", b.size_band or "") for b in session.scalars(select(Business)))
        == sectors_before
    )
    assert all(r.note is None and r.external_id is None for r in session.scalars(select(Response)))
    evidence = [e for t in session.scalars(select(ResponseTheme)) for e in (t.evidence or [])]
    assert "[name] test stand" in evidence and not any("Orbital" in e for e in evidence)
    audit = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "retention_applied")
    ).one()
    assert audit.detail["businesses_anonymised"] == 3
    assert audit.detail["transcript_events_deleted"] == events_before
    assert "rocket" not in str(audit.detail)
    assert get_policy(session).applied_at is not None

    # Applying again finds nothing new and adds no audit row.
    again = apply_retention(session, today=date(2027, 1, 5))
    assert again is not None and not again.changed
    assert (
        session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "retention_applied")
        )
        == 1
    )


def test_privacy_statement_states_the_period() -> None:
    from bot.storage.retention import RetentionPolicy

    text_ = privacy_statement(RetentionPolicy(date(2027, 1, 31), 90))
    assert "closes on 31 January 2027" in text_ and "for 90 days" in text_
    assert "until 1 May 2027" in text_
    assert "set how long" in privacy_statement(RetentionPolicy(None, None))


def test_retention_commands(session: Session) -> None:
    seed(session, with_users=False)
    session.commit()
    runner = CliRunner()
    shown = runner.invoke(main, ["retention", "show"])
    assert shown.exit_code == 0 and "no closing date" in shown.output
    assert "not yet anonymised: 3 business(es)" in shown.output
    future = runner.invoke(main, ["retention", "set", "--closes-on", "2099-01-31", "--days", "30"])
    assert future.exit_code == 0 and "anonymised from 2099-03-02" in future.output
    not_due = runner.invoke(main, ["retention", "apply"])
    assert "not due yet: nothing deleted" in not_due.output
    runner.invoke(main, ["retention", "set", "--closes-on", "2026-01-01", "--days", "0"])
    done = runner.invoke(main, ["retention", "apply"])
    assert done.exit_code == 0, done.output
    assert "anonymised 3 business(es)" in done.output
    bad = runner.invoke(main, ["retention", "set", "--closes-on", "2026-01-01", "--days", "-3"])
    assert bad.exit_code != 0


def test_the_running_bot_applies_it_when_due(session: Session) -> None:
    from bot.cli.run import _apply_retention_if_due

    seed(session, with_users=False)
    set_policy(session, date(2099, 1, 1), 10, actor="a")
    session.commit()
    _apply_retention_if_due()  # not due: nothing happens
    assert events(session) > 0
    set_policy(session, date(2020, 1, 1), 10, actor="a")
    session.commit()
    _apply_retention_if_due()
    session.expire_all()
    assert events(session) == 0
    assert pending(session) == (0, 0)


def test_a_delete_date_past_the_calendar_is_its_last_day_never_an_error(
    session: Session,
) -> None:
    """A stored 9999-06-01 + 365 days raised OverflowError on every page showing it (attack
    probe, 7 Dec); new ones are refused."""
    policy = RetentionPolicy(date(9999, 6, 1), 365)
    assert policy.delete_on == date.max
    assert not policy.due(date(2030, 1, 1))
    assert "31 December 9999" in privacy_statement(policy)
    with pytest.raises(ValueError, match="closing date"):
        set_policy(session, date(9999, 6, 1), 365, actor="a")
    assert not get_policy(session).set
    refused = CliRunner().invoke(
        main, ["retention", "set", "--closes-on", "9999-06-01", "--days", "365"]
    )
    assert refused.exit_code == 2 and "closing date must be between" in refused.output
