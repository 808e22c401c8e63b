"""A message sent again after an action-server outage is read as Rasa reads it: the undone
send (`rewind`, bot/channels/resilience.py) is not "the message before", and its replies
were not part of the conversation Rasa carries on."""

from __future__ import annotations

from typing import Any

from actions.common import previous_user_text
from actions.consent import VIEW_BEFORE_CONSENT, views_before_consent
from actions.fallback import NAME as FALLBACK
from actions.fallback import fallbacks_in_a_row
from tests.actions.conftest import action_event, make_tracker, slot_event, user_event

LISTEN = action_event("action_listen")
SORRY = {"event": "bot", "text": "Sorry, I'm having a technical problem."}
REWIND = {"event": "rewind"}


def _outage(text: str, *done: dict[str, Any]) -> list[dict[str, Any]]:
    """A turn of `text` whose actions did `done`, then failed and was undone."""
    return [LISTEN, user_event(text), *done, SORRY, REWIND, LISTEN]


def test_an_undone_turn_is_dropped_with_the_listen_before_it() -> None:
    before = [LISTEN, user_event("Acme Ltd"), slot_event("organisation", "Acme Ltd")]
    events = before + _outage("space engineering", slot_event("sector", "space engineering"))
    tracker = make_tracker(text="space engineering", events=events)
    live = tracker.applied_events()
    assert live[: len(before)] == before
    assert [e.get("text") for e in live if e["event"] == "user"] == [
        "Acme Ltd",
        "space engineering",  # the resend, once
    ]
    assert not any(e.get("name") == "sector" for e in live)
    assert [e["event"] for e in live[len(before) :]] == ["action", "user"]


def test_the_message_before_a_resend_is_the_one_before_the_outage() -> None:
    events = [LISTEN, user_event("Acme Ltd"), *_outage("/skip")]
    tracker = make_tracker(text="/skip", events=events)
    assert previous_user_text(tracker) == "Acme Ltd"  # not the undone "/skip"


def test_two_outages_in_a_row_leave_one_message() -> None:
    events = [LISTEN, user_event("hello"), *_outage("/skip"), *_outage("/skip")]
    tracker = make_tracker(text="/skip", events=events)
    assert [e.get("text") for e in tracker.applied_events() if e["event"] == "user"] == [
        "hello",
        "/skip",
    ]


def test_a_view_before_consent_resent_after_an_outage_is_kept_once(
    domain: dict[str, Any],
) -> None:
    reply = {
        "event": "bot",
        "text": "Before I can note your views...",
        "metadata": {"utter_action": VIEW_BEFORE_CONSENT},
    }
    view = "the A41 is gridlocked every morning"
    events = [
        *_outage(view, reply),  # the reply was sent, then the next action failed
        user_event(view),
        reply,
    ]
    tracker = make_tracker(text="yes", events=events)
    assert views_before_consent(tracker, domain) == [view]


def test_a_fallback_in_an_undone_turn_is_not_counted() -> None:
    events = [LISTEN, user_event("asdf"), *_outage("qwerty", action_event(FALLBACK))]
    tracker = make_tracker(text="qwerty", events=events)
    assert fallbacks_in_a_row(tracker.applied_events()) == 0
    assert fallbacks_in_a_row(tracker.events) == 1  # what the walk saw before
