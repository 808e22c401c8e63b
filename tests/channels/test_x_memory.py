"""What the X channel keeps in the database between deliveries, and for how long."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.channels.x.compliance import ComplianceSchedule
from bot.channels.x.memory import DbChoices, DbSeenEvents
from bot.channels.x.state import COMPLIANCE_LAST_RUN, set_state
from bot.storage.db import session_scope
from bot.storage.models import XSeenEvent, utcnow


def test_seen_events_expire_and_can_then_be_claimed_again(database_url: str) -> None:
    short = DbSeenEvents(ttl=timedelta(seconds=-1))  # already expired when written
    assert short.seen("dm:1") is False
    assert short.seen("dm:1") is False  # expired: a new claim, not a duplicate
    kept = DbSeenEvents()
    assert kept.seen("dm:2") is False and kept.seen("dm:2") is True
    # expired keys are swept as claims are made (and by expire()): dm:1 went, dm:2 stays
    assert kept.expire() == 0
    with session_scope() as s:
        assert s.scalars(select(XSeenEvent.key)).all() == ["dm:2"]
        assert s.scalar(select(func.count()).select_from(XSeenEvent)) == 1


def test_offered_choices_are_forgotten_after_a_while(database_url: str) -> None:
    buttons = [{"title": "Space", "payload": "/space"}]
    DbChoices().offer("x-dm-200", buttons)
    assert DbChoices().resolve("x-dm-200", "1") == "/space"
    assert DbChoices(ttl=timedelta(seconds=-1)).resolve("x-dm-200", "1") == "1"
    DbChoices().forget("x-dm-200")
    assert DbChoices().resolve("x-dm-200", "1") == "1"


def test_the_compliance_check_is_due_once_a_day_across_replicas(database_url: str) -> None:
    class Check:
        engine = None

    schedule = ComplianceSchedule(Check(), timedelta(hours=24))  # type: ignore[arg-type]
    assert schedule.due()  # never run
    set_state(COMPLIANCE_LAST_RUN, {"at": utcnow().isoformat()})
    assert not schedule.due()  # another replica ran it just now
    set_state(COMPLIANCE_LAST_RUN, {"at": (utcnow() - timedelta(hours=25)).isoformat()})
    assert schedule.due()
