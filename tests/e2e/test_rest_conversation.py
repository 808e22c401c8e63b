"""End to end: a full consultation through the REST channel of the real stack
(`bucks-lis run`: action server, Rasa, web app on free ports and a temp SQLite database),
then the rows it left in the database."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.slow


class Chat:
    def __init__(self, stack: Any, sender: str | None = None) -> None:
        self.url = f"{stack.rasa_url}/webhooks/rest/webhook"
        self.sender = sender or f"e2e-{uuid.uuid4().hex[:12]}"

    def post(self, message: Any, raw: bytes | None = None) -> requests.Response:
        if raw is not None:
            return requests.post(
                self.url, data=raw, timeout=120, headers={"content-type": "application/json"}
            )
        return requests.post(
            self.url, json={"sender": self.sender, "message": message}, timeout=120
        )

    def say(self, message: str) -> str:
        resp = self.post(message)
        assert resp.status_code == 200, resp.text
        replies = resp.json()
        assert isinstance(replies, list)
        return "\n".join(r.get("text", "") for r in replies)

    def to_the_choices(self) -> str:
        """Hello, yes to taking part, the profile skipped: the reply asking for the islands."""
        self.say("hi")
        self.say("yes")
        return self.say("skip the rest")


def rows(stack: Any, sql: str, **params: Any) -> list[dict[str, Any]]:
    engine = create_engine(stack.database_url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def answers(stack: Any, sender: str) -> list[dict[str, Any]]:
    """The sender's stored answers, oldest first: text and the question each answers."""
    return rows(
        stack,
        "SELECT r.text, r.question_key FROM responses r JOIN conversations c "
        "ON c.id = r.conversation_id WHERE c.sender_id = :s ORDER BY r.id",
        s=sender,
    )


def business(stack: Any, sender: str) -> dict[str, Any]:
    """The sender's one business profile row."""
    [row] = rows(stack, "SELECT * FROM businesses WHERE sender_id = :s", s=sender)
    return row


def anywhere(stack: Any, needle: str) -> list[str]:
    engine = create_engine(stack.database_url)
    found = []
    try:
        with engine.connect() as conn:
            tables = [
                r[0]
                for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
            ]
            for table in tables:
                for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                    for column, value in row._mapping.items():
                        if value is not None and needle in str(value):
                            found.append(f"{table}.{column}")
    finally:
        engine.dispose()
    return found


def test_full_consultation_is_stored(live_stack: Any) -> None:
    chat = Chat(live_stack)
    assert "take part" in chat.say("hello")
    reply = chat.say("/consent_agree")
    assert "organisation" in reply
    assert "sector" in chat.say("Orbital Components Ltd")
    assert "how many people" in chat.say("space propulsion engineering").lower()
    assert "Buckinghamshire" in chat.say("Small (10-49 staff)")
    assert "role" in chat.say("Westcott Venture Park")
    reply = chat.say("/skip")
    assert "islands" in reply and "Space" in reply

    reply = chat.say("space and high performance technology")
    assert "High performance technology: what opportunities" in reply
    chat.say("Motorsport teams at Silverstone want our lightweight composites")
    chat.say("/skip")
    reply = chat.say("Funding for prototyping kit would help most")
    assert "Space: what opportunities" in reply
    chat.say("Satellite makers at Westcott need our propulsion test services")
    # a question mid-form is answered, then the form asks its question again
    reply = chat.say("how many jobs could the Oxford-Cambridge Arc create?")
    assert "335,000" in reply and "Space: what barriers" in reply
    chat.say("We cannot recruit enough propulsion engineers and technicians")
    reply = chat.say("A shared engine test stand and better broadband at the site")
    assert "seabed" in reply

    reply = chat.say("skills")
    assert "Education and skills: in a sentence" in reply
    reply = chat.say("Local colleges do not teach the machining skills we need")
    assert "Here's what I noted" in reply and "Does that look right?" in reply

    assert "add or drop" in chat.say("/deny")
    reply = chat.say("add infrastructure")
    assert "added Infrastructure" in reply and "Does that look right?" in reply
    reply = chat.say("/affirm")
    assert "11 January" in reply and "email" in reply
    assert "email address" in chat.say("/affirm")
    assert "doesn't look like" in chat.say("not-an-email")
    assert "Goodbye" in chat.say("jo.bloggs@orbital.example.co.uk")

    sender = chat.sender
    [business] = rows(live_stack, "SELECT * FROM businesses WHERE sender_id = :s", s=sender)
    assert business["consent"] in (1, True) and business["channel"] == "rest"
    assert business["organisation"] == "Orbital Components Ltd"
    assert business["size_band"] == "Small (10-49 staff)"
    assert business["location"] == "Westcott Venture Park"
    assert business["role"] is None
    assert business["email"] == "jo.bloggs@orbital.example.co.uk"
    assert business["follow_up"] in (1, True)

    [conversation] = rows(live_stack, "SELECT * FROM conversations WHERE sender_id = :s", s=sender)
    assert conversation["channel"] == "rest" and conversation["ended_at"] is not None

    responses = rows(
        live_stack,
        "SELECT * FROM responses WHERE conversation_id = :c ORDER BY id",
        c=conversation["id"],
    )
    assert [r["question_key"] for r in responses] == [
        "island:high_performance_technology:opportunities",
        "island:high_performance_technology:help",
        "island:space:opportunities",
        "island:space:barriers",
        "island:space:help",
        "seabed:education_skills:views",
    ]
    assert responses[3]["text"] == "We cannot recruit enough propulsion engineers and technicians"
    assert responses[3]["question"].startswith("Space: what barriers")

    themes = rows(
        live_stack,
        "SELECT * FROM response_themes WHERE response_id IN "
        f"({','.join(str(r['id']) for r in responses)})",
    )
    model = [t for t in themes if t["source"] == "model"]
    assert model and all(t["model_version"] for t in model)
    assert any(t["theme_id"] == "space" for t in model)
    respondent = [t for t in themes if t["source"] == "respondent"]
    assert {t["theme_id"] for t in respondent} == {"infrastructure"}

    events = rows(
        live_stack, "SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id", s=sender
    )
    said = [json.loads(e["data"])["text"] for e in events if e["type_name"] == "user"]
    assert "We cannot recruit enough propulsion engineers and technicians" in said
    assert any(e["type_name"] == "bot" for e in events)


def test_declined_session_keeps_nothing(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hi")
    assert "Ask me anything" in chat.say("/consent_decline")
    secret = f"DECLINED-{uuid.uuid4().hex[:8]} our confidential expansion plans"
    assert chat.say(secret)
    assert "Oxford-Cambridge Arc" in chat.say("what is the Oxford-Cambridge Arc?")
    assert anywhere(live_stack, secret[:17])  # kept only while the session runs
    assert "Nothing you said" in chat.say("bye")
    assert anywhere(live_stack, secret[:17]) == []
    assert rows(live_stack, "SELECT * FROM events WHERE sender_id = :s", s=chat.sender) == []


def test_forget_me_deletes_everything(live_stack: Any) -> None:
    chat = Chat(live_stack)
    chat.say("hello")
    chat.say("/consent_agree")
    chat.say("Forgettable Widgets Ltd")
    assert "deleted everything" in chat.say("forget me")
    assert anywhere(live_stack, "Forgettable Widgets") == []
    assert rows(live_stack, "SELECT * FROM businesses WHERE sender_id = :s", s=chat.sender) == []
    assert rows(live_stack, "SELECT * FROM events WHERE sender_id = :s", s=chat.sender) == []


def test_bad_input_gets_clear_errors_and_odd_input_a_reply(live_stack: Any) -> None:
    chat = Chat(live_stack)
    too_long = chat.post("x" * 5000)
    assert too_long.status_code == 413 and too_long.json()["error"]["code"] == "too_long"
    assert chat.post("").status_code == 400
    assert chat.post(None, raw=b"{not json").status_code == 400
    for odd in [
        "🚀🎬🛰️",
        "<script>alert(1)</script>",
        "\u0000\u0001 ÿþ binary-ish",
        "<img src=x onerror=alert(1)>",
    ]:
        assert chat.say(odd)
