"""Retention: after the consultation closes and its retention period passes, keep only
anonymised responses.

An admin sets the closing date and the period (days) on /staff/retention; from
`closes_on + retention_days` on, `apply_retention` (run by `bucks-lis retention apply`
and every few minutes by `bucks-lis run`) removes what could identify anyone:

- every transcript (Rasa's `events` rows);
- each business's contact details: organisation, contact email, role, location,
  follow-up wish; its chat or X sender id becomes `anonymised:<id>`;
- in what they said, emails, phone numbers and their organisation's and contact's names
  (`bot.storage.redact`), in response text and the tagger's evidence phrases; staff notes
  and external ids (X post ids) are dropped.

What stays: response text (redacted), themes, stance, sector and size band, dates and
review state. The audit log records counts only. Applying again only touches what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, inspect, select, update
from sqlalchemy.orm import Session

from bot.storage.audit import audit
from bot.storage.models import (
    SOURCE_MODEL,
    Business,
    ConsultationSettings,
    Conversation,
    Response,
    ResponseTheme,
    utcnow,
)
from bot.storage.redact import profile_names, redact
from bot.storage.transcripts import EVENTS

SETTINGS_ID = 1
MAX_RETENTION_DAYS = 3650
ANONYMISED_PREFIX = "anonymised:"
# The closing dates an admin may set: 9999-06-01 + 365 days overflowed Python's date and
# took /privacy and /staff/retention down until the row was mended (attack probe, 7 Dec).
EARLIEST_CLOSING = date(2000, 1, 1)
LATEST_CLOSING = date(2100, 12, 31)


def closing_problem(closes_on: date) -> str | None:
    """Why a closing date cannot be set, or None."""
    if not EARLIEST_CLOSING <= closes_on <= LATEST_CLOSING:
        return (
            f"the closing date must be between {EARLIEST_CLOSING:%d %B %Y} and "
            f"{LATEST_CLOSING:%d %B %Y}"
        )
    return None


@dataclass(frozen=True)
class RetentionPolicy:
    closes_on: date | None
    retention_days: int | None
    updated_at: datetime | None = None
    updated_by: str | None = None
    applied_at: datetime | None = None

    @property
    def set(self) -> bool:
        return self.closes_on is not None and self.retention_days is not None

    @property
    def delete_on(self) -> date | None:
        """The first day data is anonymised (closing date + period). Never raises: a row
        stored before the dates were checked, past the calendar's end, is the last day
        (never due) rather than a 500 on every page that shows it (attack probe, 7 Dec)."""
        if self.closes_on is None or self.retention_days is None:  # i.e. not self.set
            return None
        try:
            return self.closes_on + timedelta(days=self.retention_days)
        except OverflowError:
            return date.max

    def due(self, today: date) -> bool:
        return self.delete_on is not None and today >= self.delete_on


@dataclass(frozen=True)
class RetentionResult:
    businesses_anonymised: int
    responses_redacted: int
    transcript_events_deleted: int

    @property
    def changed(self) -> bool:
        return bool(
            self.businesses_anonymised or self.responses_redacted or self.transcript_events_deleted
        )


def get_policy(session: Session) -> RetentionPolicy:
    row = session.get(ConsultationSettings, SETTINGS_ID)
    if row is None:
        return RetentionPolicy(None, None)
    return RetentionPolicy(
        row.closes_on,
        row.retention_days,
        row.updated_at,
        row.updated_by,
        row.retention_applied_at,
    )


def set_policy(
    session: Session, closes_on: date, retention_days: int, actor: str
) -> RetentionPolicy:
    """Record the closing date and retention period (audited, with the previous values)."""
    if not 0 <= retention_days <= MAX_RETENTION_DAYS:
        raise ValueError(f"the retention period must be 0 to {MAX_RETENTION_DAYS} days")
    problem = closing_problem(closes_on)
    if problem:
        raise ValueError(problem)
    row = session.get(ConsultationSettings, SETTINGS_ID)
    if row is None:
        row = ConsultationSettings(id=SETTINGS_ID)
        session.add(row)
    before = {
        "closes_on": row.closes_on.isoformat() if row.closes_on else None,
        "retention_days": row.retention_days,
    }
    row.closes_on, row.retention_days = closes_on, retention_days
    row.updated_at, row.updated_by = utcnow(), actor
    audit(
        session,
        actor=actor,
        action="retention_settings",
        detail={
            "before": before,
            "after": {"closes_on": closes_on.isoformat(), "retention_days": retention_days},
        },
    )
    session.flush()
    return get_policy(session)


def pending(session: Session) -> tuple[int, int]:
    """(businesses not yet anonymised, transcript events stored): what applying would touch."""
    businesses = int(
        session.scalar(select(func.count(Business.id)).where(Business.anonymised_at.is_(None))) or 0
    )
    events = 0
    if inspect(session.connection()).has_table("events"):
        events = int(session.scalar(select(func.count()).select_from(EVENTS)) or 0)
    return businesses, events


def _anonymise(session: Session, business: Business, now: datetime) -> int:
    """Redact one business's words with its own names, then drop its contact details."""
    names = profile_names(business.organisation, business.email, [business.role or ""])
    redacted = 0
    responses = session.scalars(
        select(Response)
        .join(Conversation, Response.conversation_id == Conversation.id)
        .where(Conversation.business_id == business.id)
    ).all()
    for response in responses:
        clean = redact(response.text, names)
        if clean != response.text:
            response.text = clean
            redacted += 1
        response.note = None
        response.external_id = None
    if responses:
        for theme_row in session.scalars(
            select(ResponseTheme).where(
                ResponseTheme.response_id.in_([r.id for r in responses]),
                ResponseTheme.source == SOURCE_MODEL,
            )
        ):
            if theme_row.evidence:
                theme_row.evidence = [redact(str(e), names) for e in theme_row.evidence]
    anonymous = f"{ANONYMISED_PREFIX}{business.id}"
    session.execute(
        update(Conversation)
        .where(Conversation.business_id == business.id)
        .values(sender_id=anonymous)
    )
    business.sender_id = anonymous
    business.organisation = business.email = business.role = business.location = None
    business.follow_up = False
    business.anonymised_at = now
    return redacted


def apply_retention(
    session: Session, actor: str = "system", today: date | None = None, force: bool = False
) -> RetentionResult | None:
    """Anonymise everything if the retention date has come (or `force`); None if not due.

    Audited with counts only, and only when something changed."""
    policy = get_policy(session)
    today = today or utcnow().date()
    if not force and not policy.due(today):
        return None
    now = utcnow()
    events = 0
    if inspect(session.connection()).has_table("events"):
        events = session.execute(delete(EVENTS)).rowcount or 0
    businesses = redacted = 0
    while True:
        batch = session.scalars(
            select(Business)
            .where(Business.anonymised_at.is_(None))
            .order_by(Business.id)
            .limit(500)
        ).all()
        if not batch:
            break
        for business in batch:
            redacted += _anonymise(session, business, now)
            businesses += 1
        session.flush()
    result = RetentionResult(businesses, redacted, events)
    if result.changed:
        row = session.get(ConsultationSettings, SETTINGS_ID)
        if row is not None:
            row.retention_applied_at = now
        audit(
            session,
            actor=actor,
            action="retention_applied",
            detail={
                "businesses_anonymised": businesses,
                "responses_redacted": redacted,
                "transcript_events_deleted": events,
                "delete_on": policy.delete_on.isoformat() if policy.delete_on else None,
                "forced": force and not policy.due(today),
            },
        )
    session.flush()
    return result


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def privacy_statement(policy: RetentionPolicy) -> str:
    """How long data is kept, in plain words, for the privacy notice."""
    if not policy.set:
        return (
            "When the consultation closes we will set how long we keep what you told us, "
            "and state it here."
        )
    closes, until = _day(policy.closes_on), _day(policy.delete_on)
    return (
        f"The consultation closes on {closes}. We keep conversations and contact details for "
        f"{policy.retention_days} days after that, until {until}. Then we delete every "
        "conversation transcript and all contact details (organisation, email address, role "
        "and location), and keep only anonymised answers: what was said, with personal "
        "details removed, its themes, and the business's sector and size."
    )
