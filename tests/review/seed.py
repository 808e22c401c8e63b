"""Small, realistic seed data for the review app's tests (and browser tests)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.storage.models import Business, Conversation, Response
from bot.storage.staff import create_user
from bot.storage.themes import set_model_tags, set_override

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
ADMIN_EMAIL = "admin@example.org"
REVIEWER_EMAIL = "reviewer@example.org"
PASSWORD = "correct horse battery staple"

EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT
)
"""


@dataclass
class Seeded:
    space_response: int
    mobility_response: int
    xss_response: int
    plain_response: int
    space_business: int
    xss_business: int
    xss_sender: str


def add_event(
    session: Session, sender: str, type_name: str, ts: float, data: dict, intent: str | None = None
) -> None:
    session.execute(
        text(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
            "VALUES (:s, :t, :ts, :i, NULL, :d)"
        ),
        {
            "s": sender,
            "t": type_name,
            "ts": ts,
            "i": intent,
            "d": json.dumps({"event": type_name, "timestamp": ts, **data}),
        },
    )


def _response(
    session: Session, conv: Conversation, text_: str, when: datetime, question: str, key: str
) -> Response:
    r = Response(
        conversation_id=conv.id, text=text_, question=question, question_key=key, created_at=when
    )
    session.add(r)
    session.flush()
    return r


def create_events_table(session: Session) -> None:
    """Rasa's SQLTrackerStore `events` table (SQLite or PostgreSQL flavour)."""
    ddl = EVENTS_DDL
    if session.get_bind().dialect.name == "postgresql":
        ddl = ddl.replace("id INTEGER PRIMARY KEY", "id SERIAL PRIMARY KEY")
    session.execute(text(ddl))


def seed(session: Session, with_users: bool = True) -> Seeded:
    create_events_table(session)
    if with_users:
        create_user(session, ADMIN_EMAIL, PASSWORD, "admin")
        create_user(session, REVIEWER_EMAIL, PASSWORD, "reviewer")
    base = datetime(2026, 11, 2, 9, 0, 0)

    # 1. A space business with a Rasa transcript.
    space = Business(
        sender_id="web-space-1",
        channel="socketio",
        organisation="Orbital Widgets Ltd",
        sector="Space",
        size_band="10-49",
        location="Westcott",
        role="Director",
        consent=True,
        consent_at=base,
        email="jane.smith@orbital.example",
        follow_up=True,
        created_at=base,
    )
    session.add(space)
    session.flush()
    conv = Conversation(
        business_id=space.id, sender_id=space.sender_id, channel="socketio", started_at=base
    )
    session.add(conv)
    session.flush()
    q1 = "What would help your business grow at Westcott?"
    t1 = (
        "We need better rocket test facilities at Westcott and faster broadband. "
        "Call Jane on 01494 123456."
    )
    r1 = _response(session, conv, t1, base + timedelta(minutes=2), q1, "island:space:growth")
    set_model_tags(
        session,
        r1.id,
        ["space", "infrastructure"],
        {"space": 0.93, "infrastructure": 0.71},
        {"space": ["rocket test facilities", "Westcott"], "infrastructure": ["faster broadband"]},
        "tagger-test-1",
    )
    ts = base.timestamp()
    add_event(
        session,
        space.sender_id,
        "bot",
        ts + 1,
        {
            "text": "Hello! Do you agree to take part?",
            "data": {
                "buttons": [
                    {"title": "Yes, I agree", "payload": "/affirm"},
                    {"title": "No", "payload": "/deny"},
                ]
            },
        },
    )
    add_event(
        session,
        space.sender_id,
        "user",
        ts + 30,
        {"text": "/affirm", "parse_data": {"intent": {"name": "affirm"}}},
        intent="affirm",
    )
    add_event(session, space.sender_id, "bot", ts + 31, {"text": q1})
    add_event(
        session,
        space.sender_id,
        "user",
        ts + 120,
        {"text": t1, "parse_data": {"intent": {"name": "inform"}}},
        intent="inform",
    )
    add_event(session, space.sender_id, "action", ts + 121, {"name": "action_listen"})
    add_event(
        session, space.sender_id, "bot", ts + 122, {"text": "Thank you, that is really useful."}
    )

    # 2. A mobility business (no transcript), already reviewed.
    mob = Business(
        sender_id="rest-mob-1",
        channel="rest",
        organisation="Silverstone Motion",
        sector="Automotive",
        size_band="50-249",
        consent=True,
        created_at=base + timedelta(days=8),
    )
    session.add(mob)
    session.flush()
    conv2 = Conversation(
        business_id=mob.id,
        sender_id=mob.sender_id,
        channel="rest",
        started_at=base + timedelta(days=8),
    )
    session.add(conv2)
    session.flush()
    r2 = _response(
        session,
        conv2,
        "Autonomous vehicle trials around Silverstone need skilled engineers.",
        base + timedelta(days=8, minutes=3),
        "What skills do you need?",
        "seabed:skills",
    )
    set_model_tags(
        session,
        r2.id,
        ["intelligent_mobility"],
        {"intelligent_mobility": 0.88},
        {"intelligent_mobility": ["Autonomous vehicle trials"]},
        "tagger-test-1",
    )
    set_override(session, r2.id, "education_skills", True, "staff", ADMIN_EMAIL)
    r2.reviewed_at = base + timedelta(days=9)
    r2.reviewed_by = ADMIN_EMAIL
    r3 = _response(
        session,
        conv2,
        "Housing for our staff is too expensive near the circuit.",
        base + timedelta(days=8, minutes=5),
        "Anything else?",
        "open",
    )
    set_model_tags(
        session,
        r3.id,
        ["housing_growth"],
        {"housing_growth": 0.8},
        {"housing_growth": ["Housing"]},
        "tagger-test-1",
    )

    # 3. A hostile business: markup in the message and every profile field.
    evil = Business(
        sender_id="x-evil-1",
        channel="twitter",
        organisation=XSS_SCRIPT,
        sector=XSS_IMG,
        size_band=XSS_IMG,
        location=XSS_SCRIPT,
        role=XSS_IMG,
        consent=True,
        email="evil@example.org",
        created_at=base + timedelta(days=15),
    )
    session.add(evil)
    session.flush()
    conv3 = Conversation(
        business_id=evil.id,
        sender_id=evil.sender_id,
        channel="twitter",
        started_at=base + timedelta(days=15),
    )
    session.add(conv3)
    session.flush()
    r4 = _response(
        session,
        conv3,
        f'Digital skills matter {XSS_SCRIPT} {XSS_IMG} =HYPERLINK("http://evil")',
        base + timedelta(days=15, minutes=1),
        XSS_IMG,
        "open",
    )
    set_model_tags(
        session,
        r4.id,
        ["creative_digital"],
        {"creative_digital": 0.6},
        {"creative_digital": [XSS_IMG]},
        "tagger-test-1",
    )
    add_event(
        session,
        evil.sender_id,
        "bot",
        base.timestamp() + 15 * 86400,
        {"text": XSS_SCRIPT, "data": {"buttons": [{"title": XSS_IMG, "payload": "/x"}]}},
    )
    add_event(
        session, evil.sender_id, "user", base.timestamp() + 15 * 86400 + 60, {"text": r4.text}
    )
    r4.note = XSS_SCRIPT
    r4.flagged = True
    session.flush()
    return Seeded(
        space_response=r1.id,
        mobility_response=r2.id,
        xss_response=r4.id,
        plain_response=r3.id,
        space_business=space.id,
        xss_business=evil.id,
        xss_sender=evil.sender_id,
    )
