"""Storage helpers the review app uses: transcripts, redaction, staff accounts, agreement."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from bot.storage import queries, staff
from bot.storage.redact import profile_names, redact
from bot.storage.transcripts import transcript
from tests.review.seed import EVENTS_DDL, Seeded, add_event, seed


def test_transcript_turns(session) -> None:  # noqa: ANN001
    data = seed(session, with_users=False)
    turns = transcript(session, "web-space-1")
    assert [t.speaker for t in turns] == ["bot", "user", "bot", "user", "bot"]
    assert turns[0].buttons[0].title == "Yes, I agree" and turns[0].buttons[0].payload == "/affirm"
    assert turns[1].text == "/affirm" and turns[1].button_title == "Yes, I agree"
    assert turns[1].intent == "affirm"
    assert turns[3].text.startswith("We need better rocket")
    assert turns[3].at.isoformat() == "2026-11-02T09:02:00"
    assert transcript(session, "nobody") == []
    assert data.space_business


def test_transcript_tolerates_odd_rows(session) -> None:  # noqa: ANN001
    session.execute(text(EVENTS_DDL))
    session.execute(
        text(
            "INSERT INTO events (sender_id, type_name, timestamp, data) "
            "VALUES ('s', 'user', NULL, 'not json')"
        )
    )
    add_event(session, "s", "bot", 1.0, {"text": None})  # empty bot event is skipped
    add_event(session, "s", "bot", 2.0, {"text": "hi", "data": {"buttons": "bad"}})
    turns = transcript(session, "s")
    # SQLite sorts the NULL timestamp first.
    assert [(t.speaker, t.text) for t in turns] == [("user", ""), ("bot", "hi")]
    assert turns[0].at is None


def test_the_widgets_opening_payload_is_not_shown_as_the_business_speaking(session) -> None:  # noqa: ANN001
    """The widget sends "/greet" as it opens; the transcript starts with the bot's hello
    (browser probe, 7 Dec). The same words as a button's payload keep their title."""
    session.execute(text(EVENTS_DDL))
    add_event(session, "w", "user", 1.0, {"text": "/greet"}, intent="greet")
    add_event(session, "w", "bot", 2.0, {"text": "Hello! Would you like to take part?"})
    add_event(session, "w", "user", 3.0, {"text": "yes please"})
    turns = transcript(session, "w")
    assert [(t.speaker, t.text) for t in turns] == [
        ("bot", "Hello! Would you like to take part?"),
        ("user", "yes please"),
    ]


def test_transcript_without_events_table(session) -> None:  # noqa: ANN001
    assert transcript(session, "anyone") == []


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("mail me at jo.bloggs+lis@firm.co.uk today", "mail me at [email] today"),
        ("ring 01494 123456", "ring [phone]"),
        ("ring +44 (0)1296 395 000", "ring [phone]"),
        ("mobile 07700-900-123.", "mobile [phone]."),
        ("0044 20 7946 0958 office", "[phone] office"),
        ("(01296) 383838", "[phone]"),
        ("we grew 2019 to 2024 by 12345", "we grew 2019 to 2024 by 12345"),
        ("order 1234567890123 shipped", "order 1234567890123 shipped"),
    ],
)
def test_redact_emails_and_phones(raw: str, expected: str) -> None:
    assert redact(raw) == expected


def test_redact_profile_names() -> None:
    names = profile_names(
        "Orbital Widgets Ltd", "jane.smith@orbital.example", extra=["Westcott Lab"]
    )
    assert "Orbital Widgets Ltd" in names and "Orbital Widgets" in names
    assert "jane" in names and "smith" in names
    out = redact(
        "At ORBITAL WIDGETS we (Jane Smith) love Westcott  Lab. Orbital Widgets Ltd.", names
    )
    assert out == "At [name] we ([name] [name]) love [name]. [name]."
    # Generic mailbox names are not treated as people.
    assert profile_names(None, "info@firm.example") == []
    # Whole words only.
    assert redact("Janet and smithy", ["jane", "smith"]) == "Janet and smithy"
    assert redact("", names) == "" and redact(None) == ""


def test_staff_accounts(session) -> None:  # noqa: ANN001
    info = staff.create_user(session, " Ann@Example.ORG ", "twelve chars!!", "admin")
    assert info.email == "ann@example.org" and info.is_admin
    with pytest.raises(ValueError):
        staff.create_user(session, "ann@example.org", "twelve chars!!", "admin")
    with pytest.raises(ValueError):
        staff.create_user(session, "bob@example.org", "short", "reviewer")
    with pytest.raises(ValueError):
        staff.create_user(session, "bob@example.org", "twelve chars!!", "superuser")
    assert (
        staff.authenticate(session, "ANN@example.org", "twelve chars!!").email == "ann@example.org"
    )
    assert staff.authenticate(session, "ann@example.org", "wrong") is None
    assert staff.authenticate(session, "nobody@example.org", "twelve chars!!") is None
    staff.update_user(session, info.id, actor="t", active=False)
    assert staff.authenticate(session, "ann@example.org", "twelve chars!!") is None
    hashed = session.execute(text("SELECT password_hash FROM staff_users")).scalar()
    assert hashed.startswith("scrypt:") and "twelve" not in hashed


def test_agreement_numbers(session) -> None:  # noqa: ANN001
    from bot.storage.models import Response, utcnow
    from bot.storage.themes import set_override

    data: Seeded = seed(session, with_users=False)
    a = queries.agreement(session)
    assert a.reviewed == 1
    assert a.mean_f1 == pytest.approx(2 / 3)
    skills = next(s for s in a.per_theme if s.theme_id == "education_skills")
    assert (skills.tp, skills.fp, skills.fn, skills.recall, skills.precision) == (
        0,
        0,
        1,
        0.0,
        None,
    )
    # Review the space response unchanged: perfect agreement on it.
    session.get(Response, data.space_response).reviewed_at = utcnow()
    # And the housing one with the model's theme removed by staff.
    set_override(session, data.plain_response, "housing_growth", False, "staff", "s@example.org")
    session.get(Response, data.plain_response).reviewed_at = utcnow()
    session.flush()
    a = queries.agreement(session)
    assert a.reviewed == 3 and a.exact == 1 and a.staff_changed == 2
    # per-response F1: 2/3, 1.0, 0.0 (model {housing}, gold {}).
    assert a.mean_f1 == pytest.approx((2 / 3 + 1 + 0) / 3)
    housing = next(s for s in a.per_theme if s.theme_id == "housing_growth")
    assert (housing.tp, housing.fp, housing.fn, housing.precision) == (0, 1, 0, 0.0)
    space = next(s for s in a.per_theme if s.theme_id == "space")
    assert space.f1 == 1.0


def test_set_f1() -> None:
    assert queries.set_f1(set(), set()) == 1.0
    assert queries.set_f1({"a"}, set()) == 0.0
    assert queries.set_f1({"a", "b"}, {"a"}) == pytest.approx(2 / 3)


def test_filter_round_trip() -> None:
    from werkzeug.datastructures import MultiDict

    from bot.review.filters import filter_from_args, filter_to_args

    args = MultiDict(
        [
            ("theme", "space"),
            ("theme", "bogus"),
            ("theme", "housing_growth"),
            ("mode", "all"),
            ("channel", "rest"),
            ("from", "2026-01-02"),
            ("to", "junk"),
            ("reviewed", "no"),
            ("q", "  rocket "),
            ("page", "3"),
            ("per_page", "5000"),
        ]
    )
    f = filter_from_args(args)
    assert f.themes == ["space", "housing_growth"] and f.theme_mode == "all"
    assert f.date_to is None and f.reviewed is False and f.q == "rocket"
    assert f.per_page == queries.PER_PAGE_MAX and f.page == 3
    again = filter_from_args(MultiDict(filter_to_args(f)))
    assert again == f
    assert queries.search_terms('a "b c"  d') == ["a", "b c", "d"]


def test_overview_on_empty_database(session) -> None:  # noqa: ANN001
    o = queries.overview(session)
    assert o.total == 0 and o.by_week == [] and all(v == 0 for v in o.by_theme.values())


def test_events_json_shape_matches_rasa(session) -> None:  # noqa: ANN001
    """Rasa stores `data` as the serialised event; our reader accepts exactly that."""
    session.execute(text(EVENTS_DDL))
    event = {
        "event": "user",
        "timestamp": 1700000000.5,
        "text": "hello",
        "parse_data": {"intent": {"name": "greet", "confidence": 0.9}},
        "input_channel": "rest",
    }
    session.execute(
        text(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
            "VALUES ('r', 'user', 1700000000.5, NULL, :d)"
        ),
        {"d": json.dumps(event)},
    )
    (turn,) = transcript(session, "r")
    assert turn.text == "hello" and turn.intent == "greet" and turn.at.year == 2023
