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
    short = DbSeenEvents(ttl=timedelta(seconds=-1))  # kept no time once done
    assert short.seen("dm:1") is False
    short.done("dm:1")
    assert short.seen("dm:1") is False  # expired: a new claim, not a duplicate
    short.done("dm:1")
    kept = DbSeenEvents()
    assert kept.seen("dm:2") is False and kept.seen("dm:2") is True
    kept.done("dm:2")
    assert kept.seen("dm:2") is True  # finished: X's retry is a duplicate
    # expired keys are swept as claims are made (and by expire()): dm:1 went, dm:2 stays
    kept.expire()
    with session_scope() as s:
        assert s.scalars(select(XSeenEvent.key)).all() == ["dm:2"]
        assert s.scalar(select(func.count()).select_from(XSeenEvent)) == 1


def test_a_claim_whose_turn_never_finished_lapses_for_xs_retry(database_url: str) -> None:
    """A process that died mid-turn never releases its claim: X's retries within five
    minutes must be answered, not dropped as duplicates (fault probe, 7 Dec)."""
    dying = DbSeenEvents(lease=timedelta(seconds=-1))  # its lease already over
    assert dying.seen("dm:3") is False  # claimed, and the process "dies" here: no done()
    retry = DbSeenEvents()
    assert retry.seen("dm:3") is False  # the lapsed claim is taken anew
    assert retry.seen("dm:3") is True  # while this turn runs, a copy is a duplicate
    retry.release("dm:3")  # the turn failed: released
    retry.done("dm:3")  # done() after a release leaves it claimable
    assert retry.seen("dm:3") is False


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
